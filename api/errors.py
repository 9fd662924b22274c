"""Every API error is JSON of one shape: ``{"error": {"status", "code", "message",
"details"}}``; nothing an API client sends may produce Django's HTML error page."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from config.faults import RETRY_AFTER_SECONDS, is_passing_fault

MESSAGES = {
    "not_found": gettext_lazy("Nicht gefunden."),
    "throttled": gettext_lazy("Zu viele Anfragen. Bitte warten Sie kurz."),
    "method_not_allowed": gettext_lazy(
        "Diese Methode ist hier nicht erlaubt; die API liest nur."
    ),
    "parse_error": gettext_lazy("Der Inhalt ist kein gültiges JSON."),
    "unsupported_media_type": gettext_lazy("Bitte senden Sie JSON (application/json)."),
    "not_acceptable": gettext_lazy("Die API antwortet nur mit JSON."),
    "check_refused": gettext_lazy(
        "Diesen Text kann die Prüfung nicht lesen; siehe details."
    ),
}


class BadParameters(exceptions.ValidationError):
    """A query parameter the endpoint does not know, or a value it cannot use."""

    default_code = "bad_parameters"


def flat_details(errors, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors ({"team": {"3": [...]}}) as one level of field names
    ("team[3]") with a list of messages each, as the schema promises."""
    if isinstance(errors, dict):
        flat: dict[str, list[str]] = {}
        for key, value in errors.items():
            name = f"{prefix}[{key}]" if prefix else str(key)
            flat.update(flat_details(value, name))
        return flat
    if isinstance(errors, list) and all(isinstance(e, str) for e in errors):
        return {prefix or "non_field_errors": [str(e) for e in errors]}
    if isinstance(errors, list):
        flat = {}
        for index, value in enumerate(errors):
            flat.update(flat_details(value, f"{prefix}[{index}]"))
        return flat
    return {prefix or "non_field_errors": [str(errors)]}


def error_body(status_code: int, code: str, message: str, details=None) -> dict:
    body = {"status": status_code, "code": code, "message": message}
    if details:
        body["details"] = details
    return {"error": body}


def json_errors(exc, context) -> Response | None:
    if is_passing_fault(exc):
        # The database is down, read-only or locked: a passing fault (config.faults).
        body = error_body(
            503,
            "unavailable",
            _("Die Datenbank ist gerade nicht erreichbar. Bitte gleich noch einmal."),
        )
        return Response(
            body, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
        )
    if isinstance(exc, RequestDataTooBig):
        # Django's own 400 would be an HTML page; an API client gets its JSON.
        exc = exceptions.ParseError(
            _("Die Anfrage ist zu groß: höchstens %(size)s KB.")
            % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024},
            code="too_large",
        )
    elif isinstance(exc, Http404):
        # Django's messages name the model ("No RoleOldSlug matches …"): never shown.
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = _code_of(exc)
    details = (
        flat_details(response.data)
        if isinstance(exc, exceptions.ValidationError)
        else None
    )
    message = _message_of(exc, code)
    response.data = error_body(response.status_code, code, message, details)
    return response


def _code_of(exc) -> str:
    codes = exc.get_codes() if hasattr(exc, "get_codes") else None
    if isinstance(codes, str):
        return codes
    return getattr(exc, "default_code", "error")


def _message_of(exc, code: str) -> str:
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        return _("Zu viele Anfragen. Bitte in %(seconds)s Sekunden wieder.") % {
            "seconds": int(exc.wait) + 1
        }
    detail = getattr(exc, "detail", "")
    if code == "not_found" and str(detail) != str(exceptions.NotFound.default_detail):
        return str(detail)  # our own words: "Unbekannte Rolle: …", a missing page
    if code in MESSAGES:
        return str(MESSAGES[code])
    if isinstance(exc, exceptions.ValidationError):
        return _("Die Anfrage enthält Fehler; siehe details.")
    return str(detail)
