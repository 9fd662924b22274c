"""Reads for the wiki pages, shaped for templates and run in fixed query counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from roles.choices import (
    RESPONSIBILITY_ORDER,
    CompetencyKind,
    Family,
    Responsibility,
    TaskArea,
)
from roles.models import (
    Competency,
    Role,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    Task,
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
    tasks = list(role.task_assignments.all())
    included = [a for a in tasks if a.responsibility != Responsibility.EXCLUDED]
    # Prefetching caches this role on both ends, so templates name both for free.
    relations = [*role.relations_out.all(), *role.relations_in.all()]
    return RoleProfile(
        role=role,
        task_groups=_group(included, lambda a: a.responsibility, RESPONSIBILITY_ORDER),
        excluded_tasks=[
            a for a in tasks if a.responsibility == Responsibility.EXCLUDED
        ],
        competency_groups=_group(
            role.competency_assignments.all(),
            lambda a: a.competency.kind,
            CompetencyKind,
        ),
        relations=relations,
    )


def roles_by_family() -> list[Group]:
    """All roles for the list page, grouped by family in the vocabulary's order."""
    roles = Role.objects.only(
        "slug", "title", "aliases", "family", "seniority", "summary", "is_illustrative"
    ).order_by("title")
    return _group(roles, lambda r: r.family, Family)


def tasks_by_area() -> list[Group]:
    return _group(Task.objects.order_by("name"), lambda t: t.area, TaskArea)


def competencies_by_kind() -> list[Group]:
    return _group(Competency.objects.order_by("name"), lambda c: c.kind, CompetencyKind)


def task_with_roles(slug: str) -> tuple[Task, list[Group]]:
    """A task and the roles assigned to it, grouped by responsibility."""
    task = get_object_or_404(
        Task.objects.prefetch_related(
            Prefetch(
                "role_assignments",
                queryset=RoleTask.objects.select_related("role").order_by(
                    "role__title"
                ),
            )
        ),
        slug=slug,
    )
    groups = _group(
        task.role_assignments.all(), lambda a: a.responsibility, RESPONSIBILITY_ORDER
    )
    return task, groups


def competency_with_roles(slug: str) -> tuple[Competency, list[RoleCompetency]]:
    """A competency and the roles that need it, highest level first."""
    competency = get_object_or_404(
        Competency.objects.prefetch_related(
            Prefetch(
                "role_assignments",
                queryset=RoleCompetency.objects.select_related("role").order_by(
                    "-level", "role__title"
                ),
            )
        ),
        slug=slug,
    )
    return competency, list(competency.role_assignments.all())
