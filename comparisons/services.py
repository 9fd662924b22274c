"""Turn a request's state into a comparison table: the one place both page and
exports get their table from."""

from __future__ import annotations

from dataclasses import dataclass

from comparisons.engine import build_comparison
from comparisons.selectors import load_role_data
from comparisons.state import ComparisonState, count_problem
from comparisons.tables import ComparisonTable


@dataclass(frozen=True)
class ComparisonResult:
    table: ComparisonTable | None
    problem: str = ""


def compare_state(state: ComparisonState) -> ComparisonResult:
    """The table for a state, or the reason there is none (too few or many roles)."""
    problem = count_problem(state)
    if problem:
        return ComparisonResult(table=None, problem=problem)
    table = build_comparison(
        load_role_data(state.slugs),
        audience=state.audience,
        only_differences=state.only_differences,
        key_only=state.key_only,
    )
    return ComparisonResult(table=table)
