"""Plain role data: what the role page, the comparison, exports and (later) the API
and job-ad check read. Built from the database in a fixed number of queries; the
dataclasses themselves need no database, so engines and exporters test without one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Prefetch

from roles.choices import (
    CompetencyKind,
    Level,
    Position,
    RelationKind,
    Responsibility,
    Status,
    TaskArea,
    choice_label,
)
from roles.models import (
    Competency,
    Role,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    Task,
    split_lines,
)
from roles.schema import FACTS, FactSpec

DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT, Responsibility.CONTRIBUTES}
ROLE_URL = "/roles/slug-placeholder/"
"""A role page's address, filled per role (reverse() per role is slow at 10,000);
checked against the URL configuration by a test."""


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


@dataclass(frozen=True)
class RelationEntry:
    to_slug: str
    kind: str
    kind_label: str
    description: str = ""


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
    aliases: tuple[str, ...] = ()
    family: str = ""
    seniority: str = "none"
    parent: str = ""
    """The slug of the role this one is a level or specialisation of."""
    status: str = ""
    relation_kinds: frozenset[str] = frozenset()
    """The kinds of all its relations, also to roles not loaded with it."""

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


def is_doing(entry: TaskEntry | None) -> bool:
    """True when a role takes part in a task: owns, carries out or contributes."""
    return entry is not None and entry.responsibility in DOING


def load_role_data(slugs: Sequence[str]) -> list[RoleData]:
    """Role data in the requested order; unknown slugs are simply absent."""
    roles = (
        Role.objects.filter(slug__in=list(slugs))
        .select_related("parent")
        .prefetch_related(
            Prefetch(
                "task_assignments", queryset=RoleTask.objects.select_related("task")
            ),
            Prefetch(
                "competency_assignments",
                queryset=RoleCompetency.objects.select_related("competency"),
            ),
            "relations_out",
        )
    )
    by_slug = {role.slug: role for role in roles}
    slug_by_id = {role.pk: role.slug for role in roles}
    return [role_data(by_slug[slug], slug_by_id) for slug in slugs if slug in by_slug]


def role_data(role: Role, slug_by_id: dict[int, str]) -> RoleData:
    """One role with prefetched assignments; relations only to roles in slug_by_id."""
    return RoleData(
        slug=role.slug,
        title=role.title,
        url=role.get_absolute_url(),
        summary=role.summary,
        orientation=role.orientation,
        orientation_label=role.orientation_label,
        position=role.position,
        position_label=choice_label(Position, role.position),
        facts=comparison_facts(role),
        company_sizes=tuple(role.company_sizes or ()),
        is_illustrative=role.is_illustrative,
        tasks=tuple(task_entry(a) for a in role.task_assignments.all()),
        competencies=tuple(
            competency_entry(a) for a in role.competency_assignments.all()
        ),
        relations=tuple(
            RelationEntry(
                slug_by_id[r.to_role_id],
                r.kind,
                choice_label(RelationKind, r.kind),
                r.description,
            )
            for r in role.relations_out.all()
            if r.to_role_id in slug_by_id
        ),
        aliases=tuple(split_lines(role.aliases)),
        family=role.family,
        seniority=role.seniority,
        parent=role.parent.slug if role.parent_id else "",
        status=role.status,
        relation_kinds=frozenset(r.kind for r in role.relations_out.all()),
    )


ROLE_COLUMNS = (
    "pk", "slug", "title", "aliases", "family", "seniority", "parent__slug",
    "status", "position", "orientation", "company_sizes", "is_illustrative",
    "summary",
)  # fmt: skip


def iter_all_role_data(chunk: int = 2_000):
    """Every role's data without what only a page shows (facts and labels), for
    tools that read the whole catalogue: rows streamed as plain values in a
    fixed number of queries per chunk, no model instances (10,000 roles in
    about a second). Ordered by slug."""
    names = {
        **{("task", s): (n, p, a) for s, n, p, a in
           Task.objects.values_list("slug", "name", "plain_name", "area")},
        **{("competency", s): (n, p, k) for s, n, p, k in
           Competency.objects.values_list("slug", "name", "plain_name", "kind")},
    }  # fmt: skip
    rows = Role.objects.order_by("slug").values_list(*ROLE_COLUMNS)
    batch: list[tuple] = []
    for row in rows.iterator(chunk_size=chunk):
        batch.append(row)
        if len(batch) == chunk:
            yield from _lean_role_data(batch, names)
            batch = []
    if batch:
        yield from _lean_role_data(batch, names)


def _lean_role_data(rows: list[tuple], names: dict) -> list[RoleData]:
    ids = [row[0] for row in rows]
    tasks: dict[int, list[TaskEntry]] = {pk: [] for pk in ids}
    for role_id, slug, responsibility, note, illustrative in RoleTask.objects.filter(
        role_id__in=ids
    ).values_list("role_id", "task__slug", "responsibility", "note", "is_illustrative"):
        name, plain, area = names[("task", slug)]
        tasks[role_id].append(
            TaskEntry(
                slug, name, plain, area, "", responsibility, "", note, illustrative
            )
        )
    competencies: dict[int, list[CompetencyEntry]] = {pk: [] for pk in ids}
    for role_id, slug, level, essential in RoleCompetency.objects.filter(
        role_id__in=ids
    ).values_list("role_id", "competency__slug", "level", "is_essential"):
        name, plain, kind = names[("competency", slug)]
        competencies[role_id].append(
            CompetencyEntry(slug, name, plain, kind, "", level, "", essential)
        )
    kinds: dict[int, set[str]] = {pk: set() for pk in ids}
    for role_id, kind in RoleRelation.objects.filter(from_role_id__in=ids).values_list(
        "from_role_id", "kind"
    ):
        kinds[role_id].add(kind)
    return [
        RoleData(
            slug=slug, title=title, url=ROLE_URL.replace("slug-placeholder", slug),
            summary=summary, orientation=orientation, orientation_label="",
            position=position, position_label="",
            company_sizes=tuple(sizes or ()), is_illustrative=illustrative,
            tasks=tuple(tasks[pk]), competencies=tuple(competencies[pk]),
            aliases=tuple(split_lines(aliases)), family=family,
            seniority=seniority, parent=parent or "", status=status,
            relation_kinds=frozenset(kinds[pk]),
        )
        for (pk, slug, title, aliases, family, seniority, parent, status, position,
             orientation, sizes, illustrative, summary) in rows
    ]  # fmt: skip


@dataclass(frozen=True)
class EntryData:
    """A task or competency of the catalogue, as the hiring tools read it."""

    kind: str  # "task" or "competency"
    slug: str
    name: str
    plain_name: str
    group: str  # the task area or the competency kind
    ad_phrases: tuple[str, ...] = ()


def load_entries() -> list[EntryData]:
    """All tasks and competencies with their phrases from job ads (two queries)."""
    fields = ("slug", "name", "plain_name", "ad_phrases")
    tasks = [
        EntryData("task", t["slug"], t["name"], t["plain_name"], t["area"],
                  tuple(split_lines(t["ad_phrases"])))
        for t in Task.objects.order_by("slug").values(*fields, "area")
    ]  # fmt: skip
    competencies = [
        EntryData("competency", c["slug"], c["name"], c["plain_name"], c["kind"],
                  tuple(split_lines(c["ad_phrases"])))
        for c in Competency.objects.order_by("slug").values(*fields, "kind")
    ]  # fmt: skip
    return [*tasks, *competencies]


def fact_of(spec: FactSpec, role: Role) -> Fact:
    plain = spec.plain(role)
    expert = spec.expert(role) if spec.expert else plain
    page = spec.page(role) if spec.page else expert
    return Fact(
        key=spec.key,
        label=str(spec.label),
        expert_label=str(spec.expert_label),
        plain=plain,
        expert=expert,
        code=spec.code(role) if spec.code else plain,
        page=page,
        page_label=str(spec.page_label or spec.expert_label),
        url=spec.url(role) if spec.url and page else "",
        items=tuple(page.split("\n")) if spec.as_list and page else (),
    )


def comparison_facts(role: Role) -> tuple[Fact, ...]:
    """The comparison's 'at a glance' rows, in declaration order."""
    return tuple(fact_of(spec, role) for spec in FACTS if spec.in_comparison)


def page_facts(role: Role) -> tuple[Fact, ...]:
    """The role page's facts that have a value, in declaration order."""
    facts = (fact_of(spec, role) for spec in FACTS if spec.on_page)
    return tuple(fact for fact in facts if fact.page)


def task_entry(assignment: RoleTask) -> TaskEntry:
    task = assignment.task
    return TaskEntry(
        slug=task.slug,
        name=task.name,
        plain_name=task.plain_name,
        area=task.area,
        area_label=choice_label(TaskArea, task.area),
        responsibility=assignment.responsibility,
        responsibility_label=choice_label(Responsibility, assignment.responsibility),
        note=assignment.note,
        is_illustrative=assignment.is_illustrative,
    )


def competency_entry(assignment: RoleCompetency) -> CompetencyEntry:
    competency = assignment.competency
    return CompetencyEntry(
        slug=competency.slug,
        name=competency.name,
        plain_name=competency.plain_name,
        kind=competency.kind,
        kind_label=choice_label(CompetencyKind, competency.kind),
        level=assignment.level,
        level_label=choice_label(Level, assignment.level),
        is_essential=assignment.is_essential,
        note=assignment.note,
        is_illustrative=assignment.is_illustrative,
    )
