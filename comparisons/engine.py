"""Pure comparison engine: role data (2–6, ordered) + audience → ComparisonTable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons.summary import summarise
from comparisons.tables import (
    Audience,
    Cell,
    ChartRow,
    ComparisonTable,
    Difference,
    Placement,
    RoleHeader,
    Row,
    Section,
)
from comparisons.verdict import verdict
from comparisons.weights import (
    competency_difference,
    competency_weight,
    fact_weight,
    task_difference,
    task_weight,
)
from roles.choices import CompanySize, CompetencyKind, TaskArea
from roles.readmodels import CompetencyEntry, RoleData, TaskEntry

MIN_ROLES = 2
MAX_ROLES = 6
RELATION_WEIGHT = 2.0
"""How two compared roles work together matters to a company deciding."""


def build_comparison(
    roles: Sequence[RoleData],
    *,
    audience: Audience = Audience.PLAIN,
    only_differences: bool = False,
    key_only: bool = False,
) -> ComparisonTable:
    """Line the roles up section by section; rows know whether, how and how much
    they differ. ``key_only`` keeps the rows that matter most."""
    if not MIN_ROLES <= len(roles) <= MAX_ROLES:
        raise ValueError(f"compare {MIN_ROLES}–{MAX_ROLES} roles, not {len(roles)}")
    sections = [
        _glance_section(roles, audience),
        *_catalogue_sections(TASKS, [r.tasks for r in roles], audience),
        *_catalogue_sections(COMPETENCIES, [r.competencies for r in roles], audience),
        _relation_section(roles),
    ]
    key_differences = _key_differences(sections, len(roles))
    if only_differences or key_only:
        keep = (lambda row: row.is_key) if key_only else (lambda row: row.differs)
        sections = [_only_rows(section, keep) for section in sections]
    return ComparisonTable(
        roles=tuple(
            RoleHeader(r.slug, r.title, r.url, r.is_illustrative) for r in roles
        ),
        audience=audience,
        only_differences=only_differences or key_only,
        key_only=key_only,
        sections=tuple(section for section in sections if section.rows),
        summary=tuple(summarise(roles, audience)),
        competency_chart=competency_chart(roles, audience),
        verdict=tuple(verdict(roles)),
        placements=tuple(_placement(role) for role in roles),
        key_differences=key_differences,
    )


def _key_differences(sections: list[Section], role_count: int) -> tuple[Row, ...]:
    """The heaviest differences, for "Die wichtigsten Unterschiede"."""
    rows = [row for section in sections for row in section.rows if row.is_key]
    rows.sort(key=lambda row: -row.weight)  # stable: table order within a weight
    return tuple(rows[: KEY_LIMIT_BASE + role_count])


KEY_LIMIT_BASE = 6
"""2 roles: at most 8 key differences; 6 roles: at most 12."""


def competency_chart(
    roles: Sequence[RoleData], audience: Audience = Audience.PLAIN
) -> tuple[ChartRow, ...]:
    """Per competency, each role's level 1–4 (None: not needed), grouped by kind
    and, within a kind, the most demanded first."""
    by_role = [{c.slug: c for c in role.competencies} for role in roles]
    catalogue = _union([role.competencies for role in roles])
    rows = []
    for kind in CompetencyKind:
        entries = [e for e in catalogue.values() if e.kind == kind.value]
        for entry in entries:
            levels = tuple(
                assigned.level if (assigned := mine.get(entry.slug)) else None
                for mine in by_role
            )
            rows.append(ChartRow(_wording(entry, audience), levels, str(kind.label)))
    order = {str(kind.label): index for index, kind in enumerate(CompetencyKind)}
    rows.sort(key=lambda r: (order[r.kind], -max(v or 0 for v in r.values), r.label))
    return tuple(rows)


SIZE_WORDS = {
    CompanySize.SMALL: gettext_lazy("klein"),
    CompanySize.MEDIUM: gettext_lazy("mittel"),
    CompanySize.LARGE: gettext_lazy("groß"),
}


def _placement(role: RoleData) -> Placement:
    labels = dict(CompanySize.choices)
    codes = [c for c in CompanySize.values if c in role.company_sizes]
    return Placement(
        role.title,
        role.orientation,
        role.orientation_label,
        role.position,
        role.position_label,
        ", ".join(str(labels[c]) for c in codes),
        ", ".join(str(SIZE_WORDS[CompanySize(c)]) for c in codes),
    )


def _only_rows(section: Section, keep: Callable[[Row], bool]) -> Section:
    return Section(section.key, section.title, tuple(filter(keep, section.rows)))


def _glance_section(roles: Sequence[RoleData], audience: Audience) -> Section:
    rows = []
    for index, fact in enumerate(roles[0].facts):
        facts = [role.facts[index] for role in roles]
        cells = tuple(
            Cell(text=f.plain if audience == Audience.PLAIN else f.expert, code=f.code)
            for f in facts
        )
        label = fact.label if audience == Audience.PLAIN else fact.expert_label
        difference = (
            Difference.SAME if _all_equal(f.code for f in facts) else Difference.VALUE
        )
        rows.append(
            Row(f"fact-{fact.key}", label, cells, difference, fact_weight(facts))
        )
    return Section("glance", _("Auf einen Blick"), tuple(rows))


@dataclass(frozen=True)
class _Catalogue:
    """How tasks and competencies differ in a comparison; the rest is shared."""

    name: str  # row keys: task-<slug>, sections: tasks-<area>
    group_field: str
    groups: type[models.TextChoices]
    title: str
    cell: Callable
    difference: Callable
    """(Difference, label) for the entries of one row."""
    weight: Callable


def _catalogue_sections(
    kind: _Catalogue, per_role: list[tuple], audience: Audience
) -> list[Section]:
    by_role = [{entry.slug: entry for entry in entries} for entries in per_role]
    catalogue = _union(per_role)
    sections = []
    for group in kind.groups:
        entries = sorted(
            (
                e
                for e in catalogue.values()
                if getattr(e, kind.group_field) == group.value
            ),
            key=lambda e: _wording(e, audience).lower(),
        )
        rows = []
        for entry in entries:
            assigned = [assignments.get(entry.slug) for assignments in by_role]
            cells = tuple(kind.cell(a, audience) for a in assigned)
            difference, text = kind.difference(assigned)
            rows.append(
                Row(
                    f"{kind.name}-{entry.slug}",
                    _wording(entry, audience),
                    cells,
                    difference,
                    kind.weight(assigned),
                    text,
                )
            )
        title = kind.title % {"group": group.label}
        sections.append(Section(f"{kind.name}s-{group.value}", title, tuple(rows)))
    return sections


def _task_cell(entry: TaskEntry | None, audience: Audience) -> Cell:
    if entry is None:
        return Cell(text="", code="")
    return Cell(
        text=entry.responsibility_label,
        note=entry.note,
        code=entry.responsibility,
        is_illustrative=entry.is_illustrative,
    )


def _competency_cell(entry: CompetencyEntry | None, audience: Audience) -> Cell:
    if entry is None:
        return Cell(text="", code="")
    text = (
        entry.level_label
        if audience == Audience.PLAIN
        else f"{entry.level} – {entry.level_label}"
    )
    if not entry.is_essential:
        text = _("%(level)s (wünschenswert)") % {"level": text}
    return Cell(
        text=text,
        note=entry.note,
        code=str(entry.level),
        is_illustrative=entry.is_illustrative,
    )


def _relation_section(roles: Sequence[RoleData]) -> Section:
    """One row per pair of compared roles that the data relates."""
    titles = {role.slug: role.title for role in roles}
    rows = []
    for left_index, left in enumerate(roles):
        for right in roles[left_index + 1 :]:
            cells = tuple(_relation_cell(role, left, right, titles) for role in roles)
            if any(not cell.is_empty for cell in cells):
                label = _("%(a)s und %(b)s") % {"a": left.title, "b": right.title}
                rows.append(
                    Row(
                        f"relation-{left.slug}-{right.slug}",
                        label,
                        cells,
                        Difference.VALUE,
                        RELATION_WEIGHT,
                        _("Schnittstelle"),
                    )
                )
    return Section(
        "relations", _("Zusammenarbeit der verglichenen Rollen"), tuple(rows)
    )


def _relation_cell(
    role: RoleData, left: RoleData, right: RoleData, titles: dict
) -> Cell:
    if role.slug not in (left.slug, right.slug):
        return Cell(text="")
    other = right.slug if role.slug == left.slug else left.slug
    sentences = [
        f"{r.kind_label} {titles[other]}"
        + (f": {r.description}" if r.description else "")
        for r in role.relations
        if r.to_slug == other
    ]
    codes = ",".join(r.kind for r in role.relations if r.to_slug == other)
    return Cell(text=" · ".join(sentences), code=codes)


def _wording(entry: TaskEntry | CompetencyEntry, audience: Audience) -> str:
    return entry.plain_name if audience == Audience.PLAIN else entry.name


def _union(groups) -> dict[str, TaskEntry | CompetencyEntry]:
    catalogue: dict = {}
    for entries in groups:
        for entry in entries:
            catalogue.setdefault(entry.slug, entry)
    return catalogue


def _all_equal(values) -> bool:
    return len(set(values)) <= 1


TASKS = _Catalogue(
    "task",
    "area",
    TaskArea,
    gettext_lazy("Aufgaben: %(group)s"),
    _task_cell,
    task_difference,
    task_weight,
)
COMPETENCIES = _Catalogue(
    "competency",
    "kind",
    CompetencyKind,
    gettext_lazy("Kompetenzen: %(group)s"),
    _competency_cell,
    competency_difference,
    competency_weight,
)
