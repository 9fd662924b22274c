"""The page for a form that failed Django's CSRF check: in the site's layout and
language, under the CSP, with what to do and the typed texts to copy.

It offers no button to send the form again: a request that failed the check may
come from another site, and one click would carry it out after all.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from config.faults import typed_fields


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 with the page of the form to go back to (only a page of this site)."""
    typed, _hidden = typed_fields(request)
    context = {
        "typed": typed,
        "back": _form_page(request),
        "cookies_missing": reason == REASON_NO_CSRF_COOKIE,
    }
    response = render(request, "403_csrf.html", context, status=403)
    response["Cache-Control"] = "no-store"
    return response


def _form_page(request: HttpRequest) -> str:
    """The page the form was on (the referrer, if it is ours), else its target."""
    referrer = request.headers.get("referer", "")
    if referrer and url_has_allowed_host_and_scheme(
        referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referrer
    return request.path
