"""What every export shares: the flat grid, cell wording, file names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from comparisons.tables import Cell, ComparisonTable

EMPTY_CELL = "—"


@dataclass(frozen=True)
class Exporter:
    extension: str
    content_type: str
    render: Callable[[ComparisonTable], bytes]


def cell_text(cell: Cell) -> str:
    """A cell as one string: its value, then how the role does it; '—' if empty."""
    if cell.is_empty:
        return EMPTY_CELL
    return f"{cell.text} – {cell.note}" if cell.note else cell.text


def header_row(table: ComparisonTable) -> list[str]:
    return [
        _("Bereich"),
        _("Merkmal"),
        *(r.title for r in table.roles),
        _("Unterschied"),
    ]


def grid(table: ComparisonTable) -> list[list[str]]:
    """The table as rows of strings, header first: what CSV and XLSX write."""
    rows = [header_row(table)]
    for section in table.sections:
        for row in section.rows:
            cells = [cell_text(cell) for cell in row.cells]
            rows.append([section.title, row.label, *cells, row.difference_label])
    return rows


def export_date() -> str:
    return timezone.localdate().isoformat()


def export_filename(table: ComparisonTable, extension: str) -> str:
    """e.g. vergleich_social-media-manager_social-media-berater_2026-11-23.csv"""
    slugs = "_".join(table.role_slugs)
    return f"vergleich_{slugs}_{export_date()}.{extension}"


def audience_label(table: ComparisonTable) -> str:
    if table.audience == "expert":
        return _("Fassung für Fachleute")
    return _("Fassung für Unternehmen")


def title_line(table: ComparisonTable) -> str:
    titles = " · ".join(role.title for role in table.roles)
    return _("Rollenvergleich: %(titles)s") % {"titles": titles}
