"""Loading role data from the database in a fixed number of queries: one role
for its page, or the few roles of a comparison."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.db.models import Prefetch

from roles.choices import (
    CompetencyKind,
    Family,
    Level,
    Position,
    RelationKind,
    Responsibility,
    Status,
    TaskArea,
    choice_label,
)
from roles.models import (
    Role,
    RoleClassification,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    split_lines,
)
from roles.readmodels.shapes import (
    ClassificationEntry,
    CompetencyEntry,
    Fact,
    RelationEntry,
    RoleData,
    TaskEntry,
)
from roles.schema import FACTS, FactSpec

OTHER_END = ("slug", "title")
"""What a relation shows of the role at its other end."""


def load_role_data(slugs: Sequence[str], *, whole: bool = False) -> list[RoleData]:
    """Role data in the requested order; unknown slugs are simply absent.
    ``whole`` adds what the role page and the API's role document show: four
    queries for any number of roles, six with ``whole``."""
    roles = Role.objects.filter(slug__in=list(slugs)).select_related("parent")
    roles = roles.prefetch_related(*_prefetches(whole))
    by_slug = {role.slug: role for role in roles}
    slug_by_id = {role.pk: role.slug for role in roles}
    return [
        role_data_of(by_slug[slug], whole=whole, slug_by_id=slug_by_id)
        for slug in slugs
        if slug in by_slug
    ]


def _prefetches(whole: bool) -> list:
    # The page lists tasks by their plain name and competencies strongest first.
    tasks = RoleTask.objects.select_related("task")
    competencies = RoleCompetency.objects.select_related("competency")
    if whole:
        tasks = tasks.order_by("task__plain_name")
        competencies = competencies.order_by("-level", "competency__name")
    prefetches = [
        Prefetch("task_assignments", queryset=tasks),
        Prefetch("competency_assignments", queryset=competencies),
    ]
    if not whole:
        # A comparison reads the relations between its own roles only: no
        # titles of other roles to load.
        return [*prefetches, "relations_out"]
    out = RoleRelation.objects.select_related("to_role").only(
        "from_role_id", "kind", "description", *(f"to_role__{f}" for f in OTHER_END)
    )
    ends = (f"from_role__{f}" for f in OTHER_END)
    incoming = RoleRelation.objects.select_related("from_role").only(
        "to_role_id", "kind", "description", *ends
    )
    return [
        *prefetches,
        Prefetch("relations_out", queryset=out),
        Prefetch("relations_in", queryset=incoming),
        "classifications",
    ]


def role_data_of(
    role: Role, *, whole: bool = False, slug_by_id: dict[int, str] | None = None
) -> RoleData:
    """One role with its assignments prefetched (``load_role_data``,
    ``Role.objects.with_profile()``). Loaded ``whole``, its relations carry
    both ends; otherwise only those to the roles in ``slug_by_id`` (a
    comparison's roles) are kept, without titles."""
    rows = role.relations_out.all()
    if whole:
        relations = [relation_entry(row) for row in rows]
    else:
        relations = [
            RelationEntry(
                to_slug=slug_by_id[row.to_role_id],
                kind=row.kind,
                kind_label=choice_label(RelationKind, row.kind),
                description=row.description,
                from_slug=role.slug,
                from_title=role.title,
            )
            for row in rows
            if row.to_role_id in (slug_by_id or {})
        ]
    return role_data(
        role,
        tasks=role.task_assignments.all(),
        competencies=role.competency_assignments.all(),
        relations=relations,
        relation_kinds={row.kind for row in rows},
        relations_in=role.relations_in.all() if whole else (),
        classifications=role.classifications.all() if whole else (),
        whole=whole,
    )


def role_data(
    role: Role,
    *,
    tasks: Iterable[RoleTask],
    competencies: Iterable[RoleCompetency],
    relations: Iterable[RelationEntry],
    relation_kinds: Iterable[str],
    relations_in: Iterable[RoleRelation] = (),
    classifications: Iterable[RoleClassification] = (),
    whole: bool = False,
) -> RoleData:
    """A role and its rows (saved, or unsaved ones made from an old revision);
    ``relation_kinds`` of all its relations, also to roles not among
    ``relations``."""
    data = RoleData(
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
        tasks=tuple(task_entry(a) for a in tasks),
        competencies=tuple(competency_entry(a) for a in competencies),
        relations=tuple(relations),
        aliases=tuple(split_lines(role.aliases)),
        family=role.family,
        seniority=role.seniority,
        parent=role.parent.slug if role.parent_id else "",
        status=role.status,
        relation_kinds=frozenset(relation_kinds),
    )
    if not whole:
        return data
    return _with_page_parts(data, role, relations_in, classifications)


def _with_page_parts(
    data: RoleData,
    role: Role,
    relations_in: Iterable[RoleRelation],
    classifications: Iterable[RoleClassification],
) -> RoleData:
    """What only the role page and the API's role document show."""
    return replace(
        data,
        family_label=choice_label(Family, role.family),
        status_label=choice_label(Status, role.status),
        is_protected=role.is_protected,
        definition_html=role.definition_html,
        sources=tuple(split_lines(role.sources)),
        updated_at=role.updated_at,
        page_facts=page_facts(role),
        relations_in=tuple(relation_entry(r) for r in relations_in),
        classifications=tuple(
            ClassificationEntry(c.scheme, c.code, c.status, c.note)
            for c in classifications
        ),
    )


def relation_entry(relation: RoleRelation) -> RelationEntry:
    """A relation with the slugs and titles of both ends."""
    source, target = relation.from_role, relation.to_role
    return RelationEntry(
        to_slug=target.slug,
        kind=relation.kind,
        kind_label=choice_label(RelationKind, relation.kind),
        description=relation.description,
        from_slug=source.slug,
        from_title=source.title,
        to_title=target.title,
    )


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
