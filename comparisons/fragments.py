"""The comparison as rendered HTML, cached by what it shows.

The key holds the roles in order, the wording, the filter, the language and the
catalogue stamp (core.caching), plus the curated comparison and when it was last
changed; so a repeated view costs one cache read, and any edit is seen at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from comparisons.charts import competency_profile, level_legend, position_map
from comparisons.models import CuratedComparison
from comparisons.presenters import difference_cards, export_links
from comparisons.services import compare_state
from comparisons.state import ComparisonState
from core.caching import cached, fragment_key


@dataclass(frozen=True)
class RenderedComparison:
    titles: tuple[str, ...]
    problem: str
    html: SafeString
    """Empty when there is no table (see ``problem``)."""


def rendered_comparison(
    state: ComparisonState, curated: CuratedComparison | None = None
) -> RenderedComparison:
    curated_part = f"{curated.pk}@{curated.updated_at.isoformat()}" if curated else ""
    key = fragment_key("compare", curated_part, state.query_string())
    return cached(key, lambda: _render(state, curated))


def _render(state: ComparisonState, curated: CuratedComparison | None):
    result = compare_state(state, curated)
    table = result.table
    if table is None:
        return RenderedComparison((), result.problem, mark_safe(""))  # noqa: S308
    if curated is None:
        exports = export_links("comparisons:export", {}, state)
        open_url = ""
    else:
        exports = export_links(
            "comparisons:curated_export", {"slug": curated.slug}, state
        )
        open_url = f"{reverse('comparisons:compare')}?{state.query_string()}"
    context = {
        "state": state,
        "table": table,
        "exports": exports,
        "open_url": open_url,
        "profile": competency_profile(table),
        "legend": level_legend(),
        "map": position_map(table),
        "cards": difference_cards(table),
    }
    html = render_to_string("comparisons/includes/result.html", context)
    titles = tuple(role.title for role in table.roles)
    return RenderedComparison(titles, result.problem, mark_safe(html))  # noqa: S308
