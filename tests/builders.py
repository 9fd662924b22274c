"""Small builders: each test makes the rows it needs, with sensible defaults."""

from __future__ import annotations

import itertools

from roles.models import Competency, Role, RoleCompetency, RoleRelation, RoleTask, Task

_counter = itertools.count(1)


def _next() -> int:
    return next(_counter)


def make_role(**overrides) -> Role:
    n = _next()
    fields = {
        "slug": f"rolle-{n}",
        "title": f"Rolle {n}",
        "family": "social-media",
        "summary": f"Kurzbeschreibung der Rolle {n}.",
        "orientation": 5,
        "position": "internal",
    }
    fields.update(overrides)
    return Role.objects.create(**fields)


def make_task(**overrides) -> Task:
    n = _next()
    fields = {
        "slug": f"aufgabe-{n}",
        "name": f"Aufgabe {n}",
        "plain_name": f"Aufgabe {n} in Alltagssprache",
        "area": "content",
    }
    fields.update(overrides)
    return Task.objects.create(**fields)


def make_competency(**overrides) -> Competency:
    n = _next()
    fields = {
        "slug": f"kompetenz-{n}",
        "name": f"Kompetenz {n}",
        "plain_name": f"Kompetenz {n} in Alltagssprache",
        "kind": "professional",
    }
    fields.update(overrides)
    return Competency.objects.create(**fields)


def assign_task(role: Role, task: Task | None = None, **overrides) -> RoleTask:
    fields = {"responsibility": "owns", "note": ""}
    fields.update(overrides)
    return RoleTask.objects.create(role=role, task=task or make_task(), **fields)


def assign_competency(
    role: Role, competency: Competency | None = None, **overrides
) -> RoleCompetency:
    fields = {"level": 3, "is_essential": True}
    fields.update(overrides)
    return RoleCompetency.objects.create(
        role=role, competency=competency or make_competency(), **fields
    )


def relate(from_role: Role, to_role: Role, **overrides) -> RoleRelation:
    fields = {"kind": "collaborates", "description": ""}
    fields.update(overrides)
    return RoleRelation.objects.create(from_role=from_role, to_role=to_role, **fields)
