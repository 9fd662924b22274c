"""The pages that compose the apps: start, about, search and recent changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from comparisons.selectors import published_curated
from roles import selectors
from roles.revisions import history
from roles.role_map import build_role_map
from roles.search.query import search as search_roles


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    families = selectors.roles_by_family()
    context = {
        "families": families,
        "map": build_role_map(role for family in families for role in family.items),
        "curated": published_curated(),
        "choices": selectors.role_choices(),
    }
    return render(request, "pages/home.html", context)


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    """What Berufsbild is and where its facts come from; no database access."""
    return render(request, "pages/about.html")


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = search_roles(request.GET.get("q", ""))
    return render(request, "pages/search.html", {"results": results})


@require_safe
def recent_changes(request: HttpRequest) -> HttpResponse:
    context = {"changes": history.recent_changes()}
    return render(request, "pages/recent_changes.html", context)
