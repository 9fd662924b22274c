"""Reads for comparisons: the role data comes from the roles read model."""

from __future__ import annotations

from roles.readmodels import load_role_data
from roles.selectors import role_choices

__all__ = ["load_role_data", "published_curated", "role_choices"]


def published_curated() -> list:
    """Curated comparisons for the start page, with their roles, in two queries."""
    from comparisons.models import CuratedComparison

    return list(
        CuratedComparison.objects.filter(is_published=True).prefetch_related(
            "entries__role"
        )
    )
