"""Reads for comparisons: the role data comes from the roles read model."""

from __future__ import annotations

from django.http import QueryDict

from comparisons.address import RolesAddress
from roles.readmodels import load_role_data
from roles.search.query import name_matches
from roles.selectors import role_choices

__all__ = [
    "choices_for_request",
    "load_role_data",
    "most_compared_role_ids",
    "published_curated",
]


def choices_for_request(
    params: QueryDict, address: RolesAddress
) -> list[tuple[str, str, list[str]]]:
    """(slug, title, aliases) of the roles a comparison request can mean: those
    its address names and those matching the typed role; two or three queries at
    any catalogue size."""
    choices = role_choices(address.slugs)
    typed = params.get("add", "")
    known = {slug for slug, _title, _aliases in choices}
    if typed.strip():
        choices += [row for row in name_matches(typed, limit=20) if row[0] not in known]
    return choices


def published_curated() -> list:
    """Curated comparisons for the start page, with their roles, in two queries."""
    from comparisons.models import CuratedComparison

    return list(
        CuratedComparison.objects.filter(is_published=True).prefetch_related(
            "entries__role"
        )
    )


def most_compared_role_ids(limit: int = 16) -> list[int]:
    """Roles by how many published curated comparisons include them; one query."""
    from django.db.models import Count

    from comparisons.models import CuratedComparisonRole

    return list(
        CuratedComparisonRole.objects.filter(comparison__is_published=True)
        .values("role_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "role_id")
        .values_list("role_id", flat=True)[:limit]
    )
