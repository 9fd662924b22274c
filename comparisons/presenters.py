"""Small view-models for the comparison templates (links computed here, not there)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from comparisons.state import ComparisonState
from comparisons.tables import Cell, ComparisonTable, RoleHeader, Row

EXPORT_LABELS = {
    "xlsx": _("Excel (XLSX)"),
    "excel.csv": _("CSV für Excel (deutsch)"),
    "csv": _("CSV (UTF-8, für Programme)"),
    "pdf": _("PDF"),
    "md": _("Markdown"),
    "json": _("JSON"),
}


@dataclass(frozen=True)
class RoleControl:
    slug: str
    title: str
    remove_query: str
    left_query: str
    right_query: str


@dataclass(frozen=True)
class ExportLink:
    fmt: str
    label: str
    url: str


def role_controls(state: ComparisonState, titles: dict[str, str]) -> list[RoleControl]:
    """Remove / move-left / move-right links for each chosen role."""
    last = len(state.slugs) - 1
    return [
        RoleControl(
            slug=slug,
            title=titles.get(slug, slug),
            remove_query=state.without(slug),
            left_query=state.moved(slug, -1) if index > 0 else "",
            right_query=state.moved(slug, +1) if index < last else "",
        )
        for index, slug in enumerate(state.slugs)
    ]


def export_links(
    url_name: str, kwargs: dict, state: ComparisonState
) -> list[ExportLink]:
    """One link per format, carrying the same roles, wording and filter as the page."""
    links = []
    for fmt, label in EXPORT_LABELS.items():
        url = reverse(url_name, kwargs={**kwargs, "fmt": fmt})
        links.append(ExportLink(fmt, str(label), f"{url}?{state.query_string()}"))
    return links


@dataclass(frozen=True)
class DifferenceCard:
    """One of "Die wichtigsten Unterschiede": the row and each role's cell."""

    row: Row
    cells: list[tuple[RoleHeader, Cell]]


def difference_cards(table: ComparisonTable | None) -> list[DifferenceCard]:
    if table is None:
        return []
    return [
        DifferenceCard(row, list(zip(table.roles, row.cells, strict=True)))
        for row in table.key_differences
    ]
