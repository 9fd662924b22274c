"""Reads for the wiki pages, shaped for templates and run in fixed query counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404

from core.markdown import render_markdown
from roles.choices import (
    RESPONSIBILITY_ORDER,
    CompetencyKind,
    Responsibility,
    TaskArea,
)
from roles.models import (
    Competency,
    Role,
    RoleClassification,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    Task,
)
from roles.readmodels import Fact, page_facts
from roles.revisions.snapshots import (
    Snapshot,
    parse_classification_key,
    parse_relation_key,
)


@dataclass(frozen=True)
class Group:
    """A labelled bunch of items, e.g. tasks the role owns."""

    key: str
    label: str
    items: list = field(default_factory=list)


@dataclass(frozen=True)
class RoleProfile:
    role: Role
    task_groups: list[Group]
    excluded_tasks: list[RoleTask]
    competency_groups: list[Group]
    relations: list[RoleRelation]
    facts: tuple[Fact, ...] = ()
    classifications: list[RoleClassification] = field(default_factory=list)


def _group(items: Iterable, key_of, order: Iterable) -> list[Group]:
    """Group items by key in the given order of choices, leaving out empty groups."""
    buckets: dict[str, list] = {}
    for item in items:
        buckets.setdefault(key_of(item), []).append(item)
    return [
        Group(key=choice.value, label=str(choice.label), items=buckets[choice.value])
        for choice in order
        if choice.value in buckets
    ]


def role_profile(slug: str) -> RoleProfile:
    """The role page's data; 404 for an unknown slug."""
    role = get_object_or_404(Role.objects.with_profile(), slug=slug)
    # Prefetching caches this role on both ends, so templates name both for free.
    relations = [*role.relations_out.all(), *role.relations_in.all()]
    return _profile(
        role, role.task_assignments.all(), role.competency_assignments.all(), relations,
        role.classifications.all(),
    )  # fmt: skip


def _profile(
    role: Role, tasks, competencies, relations, classifications=()
) -> RoleProfile:
    tasks = list(tasks)
    included = [a for a in tasks if a.responsibility != Responsibility.EXCLUDED]
    return RoleProfile(
        role=role,
        task_groups=_group(included, lambda a: a.responsibility, RESPONSIBILITY_ORDER),
        excluded_tasks=[
            a for a in tasks if a.responsibility == Responsibility.EXCLUDED
        ],
        competency_groups=_group(
            competencies, lambda a: a.competency.kind, CompetencyKind
        ),
        relations=list(relations),
        facts=page_facts(role),
        classifications=list(classifications),
    )


def profile_from_snapshot(
    role: Role, snapshot: Snapshot, definition_html: str | None = None
) -> RoleProfile:
    """An old revision shown like the role page: unsaved objects, three queries.

    ``definition_html`` is the sanitised HTML stored with the revision; only very old
    revisions without it are rendered here.
    """
    fields = dict(snapshot["fields"])
    parent_id = fields.pop("parent")
    old = Role(pk=role.pk, parent_id=parent_id, **fields)
    old.definition_html = (
        definition_html
        if definition_html is not None
        else render_markdown(old.definition)
    )
    old.updated_at = role.updated_at
    tasks = Task.objects.in_bulk([int(k) for k in snapshot["tasks"]])
    competencies = Competency.objects.in_bulk(
        [int(k) for k in snapshot["competencies"]]
    )
    targets = [parse_relation_key(k)[0] for k in snapshot["relations"]]
    roles = Role.objects.only("slug", "title").in_bulk([*targets, parent_id or 0])
    old.parent = roles.get(parent_id)
    task_rows = [
        RoleTask(role=old, task=tasks[int(key)], **values)
        for key, values in snapshot["tasks"].items()
        if int(key) in tasks
    ]
    competency_rows = [
        RoleCompetency(role=old, competency=competencies[int(key)], **values)
        for key, values in snapshot["competencies"].items()
        if int(key) in competencies
    ]
    relation_rows = []
    for key, values in snapshot["relations"].items():
        to_id, kind = parse_relation_key(key)
        if to_id in roles:
            relation_rows.append(
                RoleRelation(from_role=old, to_role=roles[to_id], kind=kind, **values)
            )
    task_rows.sort(key=lambda a: a.task.plain_name)
    competency_rows.sort(key=lambda a: (-a.level, a.competency.name))
    classification_rows = [
        RoleClassification(role=old, scheme=scheme, code=code, **values)
        for scheme, code, values in (
            (*parse_classification_key(key), values)
            for key, values in snapshot.get("classifications", {}).items()
        )
    ]
    return _profile(old, task_rows, competency_rows, relation_rows, classification_rows)


def tasks_by_area() -> list[Group]:
    return _group(Task.objects.order_by("name"), lambda t: t.area, TaskArea)


def competencies_by_kind() -> list[Group]:
    return _group(Competency.objects.order_by("name"), lambda c: c.kind, CompetencyKind)


def role_choices(slugs: Iterable[str] = ()) -> list[tuple[str, str, list[str]]]:
    """(slug, title, aliases) of the given roles, in one query; never the whole
    catalogue (the picker asks ``roles.search.query.name_matches`` instead)."""
    wanted = [slug for slug in dict.fromkeys(slugs) if slug][:MAX_NAMED_ROLES]
    rows = (
        Role.objects.filter(slug__in=wanted)
        .order_by("title")
        .values_list("slug", "title", "aliases")
    )
    return [
        (slug, title, aliases.split("\n") if aliases else [])
        for slug, title, aliases in rows
    ]


MAX_NAMED_ROLES = 24
"""More slugs than this in one link are not a comparison anyone made."""
