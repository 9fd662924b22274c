"""Reads for the wiki pages, shaped for templates and run in fixed query counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import Http404

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
from roles.readmodels import (
    RelationEntry,
    RoleData,
    TaskEntry,
    load_role_data,
    relation_entry,
    role_data,
)
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
class RolePage:
    """The role page's lists, grouped for the template; everything comes from
    the role's ``RoleData`` (the read model), current or of an old revision."""

    data: RoleData
    task_groups: list[Group]
    excluded_tasks: list[TaskEntry]
    competency_groups: list[Group]
    relations: list[RelationEntry]
    """Its own relations, then other roles' relations to it."""


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


def role_page(data: RoleData) -> RolePage:
    """The page's groups of the role's tasks, competencies and relations."""
    excluded = Responsibility.EXCLUDED
    included = [entry for entry in data.tasks if entry.responsibility != excluded]
    return RolePage(
        data=data,
        task_groups=_group(included, lambda e: e.responsibility, RESPONSIBILITY_ORDER),
        excluded_tasks=[e for e in data.tasks if e.responsibility == excluded],
        competency_groups=_group(data.competencies, lambda e: e.kind, CompetencyKind),
        relations=[*data.relations, *data.relations_in],
    )


def current_role_page(slug: str) -> RolePage:
    """The role page's data now; 404 for an unknown slug (six queries)."""
    loaded = load_role_data([slug], whole=True)
    if not loaded:
        raise Http404("no such role")
    return role_page(loaded[0])


def page_from_snapshot(
    role: Role, snapshot: Snapshot, definition_html: str | None = None
) -> RolePage:
    """An old revision (or a proposal) shown like the role page: its data made
    from unsaved rows, in three queries.

    ``definition_html`` is the sanitised HTML stored with the revision; only very old
    revisions without it are rendered here.
    """
    old, others = _old_role(role, snapshot, definition_html)
    data = role_data(old, **_old_rows(old, snapshot, others), whole=True)
    return role_page(data)


def _old_role(
    role: Role, snapshot: Snapshot, definition_html: str | None
) -> tuple[Role, dict[int, Role]]:
    """The role as the snapshot has it (unsaved), and the roles it names (its
    parent and relations' targets, slug and title only)."""
    fields = dict(snapshot["fields"])
    parent_id = fields.pop("parent")
    old = Role(pk=role.pk, parent_id=parent_id, **fields)
    old.definition_html = (
        definition_html
        if definition_html is not None
        else render_markdown(old.definition)
    )
    old.updated_at = role.updated_at
    targets = [parse_relation_key(k)[0] for k in snapshot["relations"]]
    others = Role.objects.only("slug", "title").in_bulk([*targets, parent_id or 0])
    old.parent = others.get(parent_id)
    return old, others


def _old_rows(old: Role, snapshot: Snapshot, others: dict[int, Role]) -> dict:
    """Unsaved assignment rows of the snapshot, in the page's order; rows whose
    task, competency or role was deleted since are left out."""
    tasks = Task.objects.in_bulk([int(k) for k in snapshot["tasks"]])
    competencies = Competency.objects.in_bulk(
        [int(k) for k in snapshot["competencies"]]
    )
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
    relation_rows = [
        RoleRelation(from_role=old, to_role=others[to_id], kind=kind, **values)
        for (to_id, kind), values in (
            (parse_relation_key(key), values)
            for key, values in snapshot["relations"].items()
        )
        if to_id in others
    ]
    task_rows.sort(key=lambda a: a.task.plain_name)
    competency_rows.sort(key=lambda a: (-a.level, a.competency.name))
    classification_rows = [
        RoleClassification(role=old, scheme=scheme, code=code, **values)
        for scheme, code, values in (
            (*parse_classification_key(key), values)
            for key, values in snapshot.get("classifications", {}).items()
        )
    ]
    return {
        "tasks": task_rows,
        "competencies": competency_rows,
        "relations": [relation_entry(row) for row in relation_rows],
        "relation_kinds": {row.kind for row in relation_rows},
        "classifications": classification_rows,
    }


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
