"""What every export shares: the flat grid, cell wording, file names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons.tables import Cell, ComparisonTable

EMPTY_CELL = "—"
ILLUSTRATIVE = gettext_lazy("beispielhaft")


@dataclass(frozen=True)
class Exporter:
    extension: str
    content_type: str
    render: Callable[[ComparisonTable], bytes]


def cell_text(cell: Cell) -> str:
    """A cell as one string: its value, then how the role does it; '—' if empty.
    A note's closing full stop goes, so that what follows reads on ("…; …")."""
    if cell.is_empty:
        return EMPTY_CELL
    text = f"{cell.text} – {cell.note.removesuffix('.')}" if cell.note else cell.text
    return f"{text} ({ILLUSTRATIVE})" if cell.is_illustrative else text


def role_title(role) -> str:
    return f"{role.title} ({ILLUSTRATIVE})" if role.is_illustrative else role.title


def header_row(table: ComparisonTable) -> list[str]:
    return [
        _("Bereich"),
        _("Merkmal"),
        *(role_title(r) for r in table.roles),
        _("Unterschied"),
    ]


def grid(table: ComparisonTable) -> list[list[str]]:
    """The table as rows of strings, header first: what CSV and XLSX write."""
    rows = [header_row(table)]  # role titles carry their "beispielhaft" marker
    for section in table.sections:
        for row in section.rows:
            cells = [cell_text(cell) for cell in row.cells]
            rows.append([section.title, row.label, *cells, row.difference_label])
    return rows


@dataclass(frozen=True)
class KeyDifference:
    label: str
    difference: str
    cells: list[tuple[str, str]]
    """(role title, what the role does) for each role, in the table's order."""


def key_differences(table: ComparisonTable) -> list[KeyDifference]:
    """ "Die wichtigsten Unterschiede": each row's label, what differs, each role."""
    return [
        KeyDifference(
            row.label,
            row.difference_label,
            [
                (role.title, cell_text(cell))
                for role, cell in zip(table.roles, row.cells, strict=True)
            ],
        )
        for row in table.key_differences
    ]


def key_difference_lines(table: ComparisonTable) -> list[str]:
    """The same as lines: label (what differs) – role: text; role: text."""
    return [
        f"{item.label} ({item.difference}) – "
        + "; ".join(f"{title}: {text}" for title, text in item.cells)
        for item in key_differences(table)
    ]


def placement_lines(table: ComparisonTable) -> list[str]:
    """ "Wo die Rollen stehen" in words, for formats that cannot hold the picture."""
    return [
        f"{place.title}: {place.orientation_label} ({place.orientation}/10), "
        f"{place.position_label}"
        + (f"; {place.company_sizes}" if place.company_sizes else "")
        for place in table.placements
    ]


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
    if table.title:
        return table.title
    titles = " · ".join(role.title for role in table.roles)
    return _("Rollenvergleich: %(titles)s") % {"titles": titles}
