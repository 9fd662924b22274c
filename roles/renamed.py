"""Old links keep working after a role is renamed: 301 to the new slug."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse

from roles.models import RoleOldSlug


def current_slug(old_slug: str) -> str | None:
    """The slug a role has now, if ``old_slug`` is one it had before."""
    return (
        RoleOldSlug.objects.filter(slug=old_slug)
        .values_list("role__slug", flat=True)
        .first()
    )


def current_slugs(old_slugs: list[str]) -> dict[str, str]:
    """Old slug → today's slug, for those of ``old_slugs`` that a role once had."""
    rows = RoleOldSlug.objects.filter(slug__in=old_slugs).values_list(
        "slug", "role__slug"
    )
    return dict(rows)


def follow_renamed_slug(view: Callable) -> Callable:
    """Views taking a role ``slug``: an old slug redirects (GET) or is followed (POST,
    so that a form sent just after a rename keeps its text)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, slug: str, **kwargs) -> HttpResponse:
        if request.method == "POST":
            return view(request, *args, slug=current_slug(slug) or slug, **kwargs)
        try:
            return view(request, *args, slug=slug, **kwargs)
        except Http404:
            new_slug = current_slug(slug)
            if new_slug is None:
                raise
        match = request.resolver_match
        url = reverse(match.view_name, args=args, kwargs={**kwargs, "slug": new_slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    return wrapper
