"""Turn a request's state into a comparison table: the one place both page and
exports get their table from."""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

from django.utils.html import strip_tags

from comparisons.engine import build_comparison
from comparisons.models import CuratedComparison
from comparisons.selectors import load_role_data
from comparisons.state import ComparisonState, count_problem
from comparisons.tables import ComparisonTable


@dataclass(frozen=True)
class ComparisonResult:
    table: ComparisonTable | None
    problem: str = ""


def compare_state(
    state: ComparisonState, curated: CuratedComparison | None = None
) -> ComparisonResult:
    """The table for a state, or the reason there is none (too few or many roles);
    a curated comparison lends the table its title and introduction."""
    problem = count_problem(state)
    if problem:
        return ComparisonResult(table=None, problem=problem)
    table = build_comparison(
        load_role_data(state.slugs),
        audience=state.audience,
        only_differences=state.only_differences,
        key_only=state.key_only,
    )
    if curated is not None:
        table = replace(
            table,
            title=curated.title,
            intro_text=" ".join(html.unescape(strip_tags(curated.intro_html)).split()),
            intro_html=curated.intro_html,
        )
    return ComparisonResult(table=table)
