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


def make_wiki_role(slug: str = "testrolle", **fields) -> Role:
    """A role made as the wiki makes one: through the service, as its first
    revision, with two tasks, a competency and a relation to another role."""
    from roles.revisions.snapshots import snapshot_of
    from roles.services import create_role

    other = make_role()
    base = snapshot_of(make_role(slug=f"{slug}-vorlage"))
    snapshot = {
        "fields": {
            **base["fields"],
            "slug": slug,
            "title": f"Rolle {slug}",
            "summary": "Ausgangstext.",
            "definition": "Eine **Definition**.",
            **fields,
        },
        "tasks": {
            str(make_task().pk): {
                "responsibility": "owns",
                "note": "",
                "is_illustrative": False,
            },
            str(make_task().pk): {
                "responsibility": "contributes",
                "note": "x",
                "is_illustrative": False,
            },
        },
        "competencies": {
            str(make_competency().pk): {
                "level": 3,
                "is_essential": True,
                "note": "",
                "is_illustrative": False,
            },
        },
        "relations": {f"{other.pk}:collaborates": {"description": "eng"}},
    }
    return create_role(snapshot=snapshot, user=None, comment="Anlage")
