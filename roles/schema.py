"""A role's shape, declared once.

Everything that handles a role's fields reads this module: the edit form and its
fieldsets, snapshots and their restore, diffs, the three-way merge, the search
document, the role page's facts and the comparison's "at a glance" rows. A new field
is one ``FieldSpec`` here (plus its migration and translations); a test walks the
declaration and proves each field reaches every one of those places.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from roles.models import Role

FieldKind = Literal["value", "role", "set"]
"""``value``: stored as is; ``role``: another role, kept as its id; ``set``: a list
of codes whose order does not matter (kept sorted)."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    section: str
    kind: FieldKind = "value"
    searchable: bool = False
    """Part of the stored search document."""
    rows: int | None = None
    """Shown as a text area of this height in the edit form."""
    maintainers_only: bool = False
    """Only people who may protect roles see and change it."""
    review_only: bool = False
    """Set by review alone (approving a proposal), never by the edit form."""
    merge: Literal["value", "lines"] = "value"
    """How crossed edits combine: the whole value, or line by line (lists)."""
    compared: bool = True
    """Shown in comparisons (through a fact or the column header); the test holds
    every compared field to reaching the comparison table."""

    @property
    def db_name(self) -> str:
        return f"{self.name}_id" if self.kind == "role" else self.name


@dataclass(frozen=True)
class Section:
    key: str
    legend: str


SECTIONS = (
    Section("basics", gettext_lazy("Grunddaten")),
    Section("description", gettext_lazy("Beschreibung")),
    Section("glance", gettext_lazy("Auf einen Blick")),
)

FIELDS = (
    FieldSpec("title", "basics", searchable=True),
    FieldSpec("slug", "basics", compared=False),
    FieldSpec(
        "aliases", "basics", searchable=True, rows=3, merge="lines", compared=False
    ),
    FieldSpec("family", "basics", compared=False),
    FieldSpec("seniority", "basics"),
    FieldSpec("parent", "basics", kind="role", compared=False),
    FieldSpec("status", "basics", compared=False, review_only=True),
    FieldSpec("is_illustrative", "basics", compared=False),
    FieldSpec("is_protected", "basics", maintainers_only=True, compared=False),
    FieldSpec("summary", "description", searchable=True, rows=4),
    FieldSpec("definition", "description", searchable=True, compared=False),
    FieldSpec("orientation", "glance"),
    FieldSpec("position", "glance"),
    FieldSpec("placement", "glance"),
    FieldSpec("company_sizes", "glance", kind="set"),
    FieldSpec("industries", "glance", rows=2),
    FieldSpec("salary_min", "glance"),
    FieldSpec("salary_max", "glance"),
    FieldSpec("salary_source", "glance"),
    FieldSpec("backgrounds", "glance", rows=2),
    FieldSpec("certificates", "glance", rows=2),
    FieldSpec("goals", "glance", rows=3, merge="lines", compared=False),
    FieldSpec("sources", "glance", rows=3, merge="lines", compared=False),
)
FIELDS_BY_NAME = {spec.name: spec for spec in FIELDS}
FIELD_NAMES = [spec.name for spec in FIELDS]


def fields_in(section: str) -> list[FieldSpec]:
    return [spec for spec in FIELDS if spec.section == section]


def normalise(spec: FieldSpec, value: Any) -> Any:
    """The value as a snapshot holds it: ids for roles, sorted code lists."""
    if spec.kind == "role":
        return getattr(value, "pk", value)
    if spec.kind == "set":
        return sorted(value or [])
    if isinstance(value, str):
        # As forms clean text: LF line ends, no surrounding blanks. Every door
        # then stores the same text, and an unchanged form compares equal.
        return value.replace("\r\n", "\n").strip()
    return value


# --- assignments: one row per task, competency or related role --------------------


@dataclass(frozen=True)
class AssignmentSpec:
    section: str
    fields: tuple[str, ...]
    """The row's own values; the key (task, competency, role + kind) is separate."""


ASSIGNMENTS = (
    AssignmentSpec("tasks", ("responsibility", "note", "is_illustrative")),
    AssignmentSpec(
        "competencies", ("level", "is_essential", "note", "is_illustrative")
    ),
    AssignmentSpec("relations", ("description",)),
    AssignmentSpec("classifications", ("status", "note")),
)
ASSIGNMENT_FIELDS = {spec.section: list(spec.fields) for spec in ASSIGNMENTS}
ASSIGNMENT_SECTIONS = tuple(spec.section for spec in ASSIGNMENTS)


# --- facts: the "at a glance" values of the role page and the comparison ----------


@dataclass(frozen=True)
class FactSpec:
    key: str
    label: str
    """Plain label, for companies."""
    expert_label: str
    reads: tuple[str, ...]
    """The role fields it is made of."""
    plain: Callable[[Role], str]
    expert: Callable[[Role], str] | None = None
    """Defaults to the plain wording."""
    code: Callable[[Role], str] | None = None
    """What compares equal across roles; defaults to the plain wording."""
    on_page: bool = True
    in_comparison: bool = True
    page: Callable[[Role], str] | None = None
    """The role page's wording; defaults to the expert wording."""
    page_label: str | None = None
    """The role page's label; defaults to the expert label."""
    url: Callable[[Role], str] | None = None
    """A link for the value on the role page."""
    as_list: bool = False
    """One entry per line, shown as a list on the role page."""


def _text(name: str) -> Callable[[Role], str]:
    return lambda role: getattr(role, name) or ""


def _display(name: str) -> Callable[[Role], str]:
    return lambda role: str(getattr(role, f"get_{name}_display")())


def _orientation_expert(role: Role) -> str:
    return f"{role.orientation}/10 – {role.orientation_label}"


def _orientation_page(role: Role) -> str:
    scale = _("%(value)s von 10; 0 = strategisch, 10 = operativ") % {
        "value": role.orientation
    }
    return f"{role.orientation_label} ({scale})"


def _seniority_page(role: Role) -> str:
    return "" if role.seniority == "none" else str(role.get_seniority_display())


def _sizes(role: Role) -> str:
    return ", ".join(role.company_size_labels)


def _salary_expert(role: Role) -> str:
    if not role.salary_label:
        return ""
    if not role.salary_source:
        return role.salary_label
    return _("%(salary)s (Quelle: %(source)s)") % {
        "salary": role.salary_label,
        "source": role.salary_source,
    }


def _parent(role: Role) -> str:
    return role.parent.title if role.parent_id and role.parent else ""


def _lines(name: str) -> Callable[[Role], str]:
    from roles.models import split_lines

    return lambda role: "\n".join(split_lines(getattr(role, name)))


FACTS = (
    FactSpec(
        "summary",
        gettext_lazy("Kurz gesagt"),
        gettext_lazy("Kurzbeschreibung"),
        ("summary",),
        _text("summary"),
        code=lambda role: role.slug,
        on_page=False,
    ),
    FactSpec(
        "orientation",
        gettext_lazy("Eher planen oder eher umsetzen?"),
        gettext_lazy("Ausrichtung (strategisch ↔ operativ)"),
        ("orientation",),
        lambda role: role.orientation_label,
        _orientation_expert,
        lambda role: str(role.orientation),
        page=_orientation_page,
        page_label=gettext_lazy("Ausrichtung"),
    ),
    FactSpec(
        "position",
        gettext_lazy("Im Haus oder von außen?"),
        gettext_lazy("Position"),
        ("position",),
        _display("position"),
        code=lambda role: role.position,
    ),
    FactSpec(
        "seniority",
        gettext_lazy("Erfahrungsstufe"),
        gettext_lazy("Seniorität"),
        ("seniority",),
        _display("seniority"),
        code=lambda role: role.seniority,
        page=_seniority_page,
        page_label=gettext_lazy("Stufe"),
    ),
    FactSpec(
        "parent",
        gettext_lazy("Spezialisierung von"),
        gettext_lazy("Spezialisierung von"),
        ("parent",),
        _parent,
        in_comparison=False,
        url=lambda role: role.parent.get_absolute_url(),
    ),
    FactSpec(
        "placement",
        gettext_lazy("Wo im Unternehmen?"),
        gettext_lazy("Einordnung"),
        ("placement",),
        _text("placement"),
    ),
    FactSpec(
        "company_sizes",
        gettext_lazy("Für welche Unternehmensgröße?"),
        gettext_lazy("Unternehmensgrößen"),
        ("company_sizes",),
        _sizes,
    ),
    FactSpec(
        "industries",
        gettext_lazy("Branchen"),
        gettext_lazy("Branchen"),
        ("industries",),
        _text("industries"),
    ),
    FactSpec(
        "salary",
        gettext_lazy("Gehalt"),
        gettext_lazy("Gehaltsspanne"),
        ("salary_min", "salary_max", "salary_source"),
        lambda role: role.salary_label,
        _salary_expert,
        lambda role: role.salary_label,
        page_label=gettext_lazy("Gehalt"),
    ),
    FactSpec(
        "backgrounds",
        gettext_lazy("Typische Werdegänge"),
        gettext_lazy("Qualifikationshintergrund"),
        ("backgrounds",),
        _text("backgrounds"),
        page_label=gettext_lazy("Typische Werdegänge"),
    ),
    FactSpec(
        "certificates",
        gettext_lazy("Zertifikate"),
        gettext_lazy("Zertifikate und Weiterbildung"),
        ("certificates",),
        _text("certificates"),
    ),
    FactSpec(
        "goals",
        gettext_lazy("Beispielziele"),
        gettext_lazy("Beispielziele"),
        ("goals",),
        _lines("goals"),
        in_comparison=False,
        as_list=True,
    ),
)
