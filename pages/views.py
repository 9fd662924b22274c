"""The pages that compose the apps: start, about, search and recent changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comparisons.selectors import most_compared_role_ids, published_curated
from core.caching import cached, fragment_key
from roles import listing
from roles.revisions import history
from roles.role_map import build_role_map
from roles.search.query import name_matches
from roles.search.query import search as search_roles


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """What a visitor can take in at any catalogue size: the families with their
    counts, the most compared and the recently changed roles."""
    context = {
        "catalogue_html": cached(fragment_key("home"), _home_catalogue),
        "curated": published_curated(),
    }
    return render(request, "pages/home.html", context)


def _home_catalogue() -> SafeString:
    featured = listing.featured_roles(most_compared_role_ids())
    counts = listing.family_counts()
    context = {
        "family_counts": counts,
        "total": sum(family.count for family in counts),
        "featured": featured,
        "recent": listing.recently_changed(),
        "map": build_role_map(featured),
        "map_note": _("Sie zeigt die häufig verglichenen Rollen."),
    }
    html = render_to_string("pages/includes/home_catalogue.html", context)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    """What Berufsbild is and where its facts come from; no database access."""
    return render(request, "pages/about.html")


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = search_roles(request.GET.get("q", ""), request.GET.get("page", 1))
    return render(request, "pages/search.html", {"results": results})


@require_safe
def recent_changes(request: HttpRequest) -> HttpResponse:
    context = {"changes": history.recent_changes()}
    return render(request, "pages/recent_changes.html", context)


@require_safe
def suggest(request: HttpRequest) -> JsonResponse:
    """The picker's suggestions as you type: up to eight roles by name (JSON)."""
    typed = request.GET.get("q", "")[:120]
    roles = [
        {"slug": slug, "title": title, "alias": ", ".join(aliases[:2])}
        for slug, title, aliases in name_matches(typed)
    ]
    response = JsonResponse({"query": typed, "roles": roles})
    response["Cache-Control"] = "public, max-age=60"
    return response
