"""The comparison as plain data: table → sections → rows → one cell per role.

The HTML page and every exporter render this one object; nothing is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Audience(StrEnum):
    PLAIN = "plain"
    EXPERT = "expert"


class Difference(StrEnum):
    """How a row differs across the compared roles."""

    SAME = "same"
    ONLY_SOME = "only-some"
    RESPONSIBILITY = "responsibility"
    LEVEL = "level"
    NOTE = "note"
    VALUE = "value"


DIFFERENCE_LABELS = {
    Difference.SAME: _("gleich"),
    Difference.ONLY_SOME: _("nur bei einigen Rollen"),
    Difference.RESPONSIBILITY: _("unterschiedliche Zuständigkeit"),
    Difference.LEVEL: _("unterschiedliche Stufe"),
    Difference.NOTE: _("gleiche Zuständigkeit, andere Ausführung"),
    Difference.VALUE: _("unterschiedlich"),
}


@dataclass(frozen=True)
class RoleHeader:
    slug: str
    title: str
    url: str


@dataclass(frozen=True)
class Cell:
    text: str
    note: str = ""
    code: str = ""
    """A stable, language-independent value (e.g. ``owns`` or ``3``) for machines."""

    @property
    def is_empty(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]
    difference: Difference

    @property
    def differs(self) -> bool:
        return self.difference != Difference.SAME

    @property
    def difference_label(self) -> str:
        return str(DIFFERENCE_LABELS[self.difference])


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class SummaryPoint:
    kind: str
    """One of ``profile``, ``shared``, ``only``, ``excluded``, ``differently``,
    ``together``."""
    text: str


@dataclass(frozen=True)
class ChartRow:
    """Average competency level (1–4) of one kind, per compared role."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class ComparisonTable:
    roles: tuple[RoleHeader, ...]
    audience: Audience
    only_differences: bool
    sections: tuple[Section, ...]
    summary: tuple[SummaryPoint, ...] = field(default_factory=tuple)
    competency_chart: tuple[ChartRow, ...] = field(default_factory=tuple)

    @property
    def role_slugs(self) -> list[str]:
        return [role.slug for role in self.roles]

    @property
    def row_count(self) -> int:
        return sum(len(section.rows) for section in self.sections)
