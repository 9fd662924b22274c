"""The plain shapes of the read model: a role (``RoleData``) and what hangs on it.

Frozen dataclasses without a database: engines, exporters and templates read
them, tests build them by hand (tests/comparisons/builders.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from roles.choices import LEVEL_MEANINGS, Level, RelationKind, Responsibility, Status

DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT, Responsibility.CONTRIBUTES}
PLACEHOLDER = "slug-placeholder"
ROLE_URL = f"/roles/{PLACEHOLDER}/"
TASK_URL = f"/tasks/{PLACEHOLDER}/"
COMPETENCY_URL = f"/competencies/{PLACEHOLDER}/"
"""Pages' addresses, filled per entry (reverse() per entry is slow at 10,000);
checked against the URL configuration by a test."""


def url_of(pattern: str, slug: str) -> str:
    return pattern.replace(PLACEHOLDER, slug)


@dataclass(frozen=True)
class TaskEntry:
    slug: str
    name: str
    plain_name: str
    area: str
    area_label: str
    responsibility: str
    responsibility_label: str
    note: str = ""
    is_illustrative: bool = False

    @property
    def url(self) -> str:
        return url_of(TASK_URL, self.slug)


@dataclass(frozen=True)
class CompetencyEntry:
    slug: str
    name: str
    plain_name: str
    kind: str
    kind_label: str
    level: int
    level_label: str
    is_essential: bool = True
    note: str = ""
    is_illustrative: bool = False

    @property
    def url(self) -> str:
        return url_of(COMPETENCY_URL, self.slug)

    @property
    def level_dots(self) -> str:
        """The level as filled and empty dots, e.g. ●●●○ for 3 of 4."""
        return "●" * self.level + "○" * (Level.EXPERT - self.level)

    @property
    def level_meaning(self) -> str:
        return str(LEVEL_MEANINGS[Level(self.level)])


@dataclass(frozen=True)
class RelationEntry:
    """``from_slug`` ``kind`` ``to_slug``: a role's relation to another. In a
    role's ``relations`` it is the role's own (from it); in ``relations_in``
    another role's relation to it."""

    to_slug: str
    kind: str
    kind_label: str
    description: str = ""
    from_slug: str = ""
    from_title: str = ""
    to_title: str = ""

    @property
    def from_url(self) -> str:
        return url_of(ROLE_URL, self.from_slug)

    @property
    def to_url(self) -> str:
        return url_of(ROLE_URL, self.to_slug)


@dataclass(frozen=True)
class ClassificationEntry:
    """A role's official code, as the classification panel reads it."""

    scheme: str
    code: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class Fact:
    """One 'at a glance' value; ``code`` compares, the labels are shown."""

    key: str
    label: str
    expert_label: str
    plain: str
    expert: str
    code: str
    page: str = ""
    page_label: str = ""
    url: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleData:
    """A role as everything that reads one sees it: the role page, comparison,
    exports, verdict, API, check and guide. The page's own parts (labels,
    definition, sources, relations from other roles, codes) are filled when
    loaded ``whole``."""

    slug: str
    title: str
    url: str
    summary: str
    orientation: int
    orientation_label: str
    position: str
    position_label: str
    facts: tuple[Fact, ...] = ()
    company_sizes: tuple[str, ...] = ()
    is_illustrative: bool = False
    tasks: tuple[TaskEntry, ...] = ()
    competencies: tuple[CompetencyEntry, ...] = ()
    relations: tuple[RelationEntry, ...] = field(default_factory=tuple)
    """Its own relations: to every other role when loaded whole, else only to
    the roles loaded with it (a comparison's)."""
    aliases: tuple[str, ...] = ()
    family: str = ""
    seniority: str = "none"
    parent: str = ""
    """The slug of the role this one is a level or specialisation of."""
    status: str = ""
    relation_kinds: frozenset[str] = frozenset()
    """The kinds of all its relations, also to roles not loaded with it."""
    # --- loaded whole (the role page, the API's role document) ---
    family_label: str = ""
    status_label: str = ""
    is_protected: bool = False
    definition_html: str = ""
    sources: tuple[str, ...] = ()
    updated_at: datetime | None = None
    page_facts: tuple[Fact, ...] = ()
    """The role page's facts that have a value, in declaration order."""
    relations_in: tuple[RelationEntry, ...] = ()
    """Other roles' relations to this one."""
    classifications: tuple[ClassificationEntry, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The title and every other name people use for the role."""
        return (self.title, *self.aliases)

    @property
    def is_described(self) -> bool:
        """Reviewed, or known by other names, or with notes on how it does its
        work: a role, not a bare list of ticks (such as the generated roles of
        a load test)."""
        return (
            self.status == Status.REVIEWED
            or bool(self.aliases)
            or any(task.note for task in self.tasks)
        )

    @property
    def only_confused_with(self) -> bool:
        """Its only relations say it is confused with other roles."""
        return self.relation_kinds == {RelationKind.CONFUSED_WITH}

    @property
    def is_misreading(self) -> bool:
        """A so-called role, not one to hire: only confused with others, and
        its title in quotation marks (the catalogue's way of saying "so-called",
        as in „Facebook-Manager“). The Blogger is confused with the Social Media
        Manager too, but is a profession of its own."""
        quoted = self.title.startswith(("„", '"', "“")) and self.title.endswith(
            ("“", '"', "”")
        )
        return self.only_confused_with and quoted


@dataclass(frozen=True)
class EntryData:
    """A task or competency of the catalogue, as the hiring tools read it."""

    kind: str  # "task" or "competency"
    slug: str
    name: str
    plain_name: str
    group: str  # the task area or the competency kind
    ad_phrases: tuple[str, ...] = ()


def is_doing(entry: TaskEntry | None) -> bool:
    """True when a role takes part in a task: owns, carries out or contributes."""
    return entry is not None and entry.responsibility in DOING
