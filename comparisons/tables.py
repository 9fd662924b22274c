"""The comparison as plain data: table → sections → rows → one cell per role.

The HTML page and every exporter render this one object; nothing is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

KEY_WEIGHT = 2.5
"""Rows from this weight on are "wichtige Unterschiede"."""


class Audience(StrEnum):
    PLAIN = "plain"
    EXPERT = "expert"


class Difference(StrEnum):
    """How a row differs across the compared roles."""

    SAME = "same"
    EXCLUDED = "excluded"
    """Some roles do it, for others it is explicitly not part of the role."""
    ONLY_SOME = "only-some"
    NOT_RECORDED = "not-recorded"
    RESPONSIBILITY = "responsibility"
    LEVEL = "level"
    NOTE = "note"
    VALUE = "value"


DIFFERENCE_LABELS = {
    Difference.SAME: _("gleich"),
    Difference.EXCLUDED: _("bei einigen Rollen ausdrücklich nicht ihre Aufgabe"),
    Difference.ONLY_SOME: _("nur bei einigen Rollen"),
    Difference.NOT_RECORDED: _("zu einigen Rollen sagt der Katalog nichts"),
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
    is_illustrative: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    note: str = ""
    code: str = ""
    """A stable, language-independent value (e.g. ``owns`` or ``3``) for machines."""
    is_illustrative: bool = False
    """Not backed by the sources: an example, marked wherever the cell is shown."""

    @property
    def is_empty(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]
    difference: Difference
    weight: float = 0.0
    """How much the difference matters: 0 (same) to 4 (owns vs excluded)."""
    difference_text: str = ""
    """What exactly differs, in words; the generic label where empty."""

    @property
    def differs(self) -> bool:
        return self.difference != Difference.SAME

    @property
    def is_key(self) -> bool:
        return self.weight >= KEY_WEIGHT

    @property
    def difference_label(self) -> str:
        return self.difference_text or str(DIFFERENCE_LABELS[self.difference])


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
    """One competency: each compared role's level (1–4), None where not needed."""

    label: str
    values: tuple[int | None, ...]
    kind: str = ""


@dataclass(frozen=True)
class Placement:
    """Where a role stands on the two axes the field uses to tell roles apart."""

    title: str
    orientation: int
    """0 strategic … 10 operative."""
    orientation_label: str
    position: str
    position_label: str
    company_sizes: str
    """The company sizes it fits, in words ("" if not recorded)."""
    size_words: str = ""
    """The same, short enough for a label in the picture ("klein, mittel")."""


@dataclass(frozen=True)
class ComparisonTable:
    roles: tuple[RoleHeader, ...]
    audience: Audience
    only_differences: bool
    sections: tuple[Section, ...]
    key_only: bool = False
    """Only the rows that matter most (weight ≥ KEY_WEIGHT)."""
    summary: tuple[SummaryPoint, ...] = field(default_factory=tuple)
    competency_chart: tuple[ChartRow, ...] = field(default_factory=tuple)
    verdict: tuple[str, ...] = ()
    """"Kurz gesagt": at most five short plain sentences."""
    key_differences: tuple[Row, ...] = ()
    """The rows that matter most, heaviest first (before any filter)."""
    placements: tuple[Placement, ...] = ()
    title: str = ""
    """A curated comparison's title; exports fall back to the role titles."""
    url: str = ""
    """Where the comparison lives, for the PDF footer (set by the view)."""
    intro_text: str = ""
    intro_html: str = ""
    """A curated comparison's introduction: plain text, and sanitised HTML."""

    @property
    def role_slugs(self) -> list[str]:
        return [role.slug for role in self.roles]

    @property
    def verdict_text(self) -> str:
        return " ".join(self.verdict)

    @property
    def row_count(self) -> int:
        return sum(len(section.rows) for section in self.sections)
