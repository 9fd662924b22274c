"""A role's editable state as plain, JSON-safe data.

One shape serves saving, the edit-conflict merge, old revisions and diffs:
``{"fields": {...}, "tasks": {task_id: {...}}, "competencies": {...},
"relations": {"to_id:kind": {...}}}``. Keys are strings so a snapshot can be
signed into a form and compared after a JSON round trip.
"""

from __future__ import annotations

from typing import Any

from roles.models import Role, RoleCompetency, RoleRelation, RoleTask

Snapshot = dict[str, dict[str, Any]]

ROLE_FIELDS = [
    "title", "slug", "aliases", "family", "seniority", "parent", "summary",
    "definition", "orientation", "position", "placement", "company_sizes",
    "industries", "salary_min", "salary_max", "salary_source", "backgrounds",
    "certificates", "goals", "sources", "is_illustrative", "status", "is_protected",
]  # fmt: skip
TASK_FIELDS = ["responsibility", "note", "is_illustrative"]
COMPETENCY_FIELDS = ["level", "is_essential", "note", "is_illustrative"]
RELATION_FIELDS = ["description"]
SECTIONS = ("tasks", "competencies", "relations")


def relation_key(to_role_id: int, kind: str) -> str:
    return f"{to_role_id}:{kind}"


def parse_relation_key(key: str) -> tuple[int, str]:
    to_role_id, kind = key.split(":", 1)
    return int(to_role_id), kind


def _field_value(values: dict[str, Any], name: str) -> Any:
    if name == "parent":
        return values.get("parent_id", values.get("parent"))
    if name == "company_sizes":
        return sorted(values.get(name) or [])
    return values.get(name)


def _pick(values: dict[str, Any], names: list[str]) -> dict[str, Any]:
    return {name: _field_value(values, name) for name in names}


def build_snapshot(
    role_values: dict[str, Any],
    tasks: list[dict[str, Any]],
    competencies: list[dict[str, Any]],
    relations: list[dict[str, Any]],
) -> Snapshot:
    """Assemble a snapshot from plain dicts of the role and its assignment rows."""
    return {
        "fields": _pick(role_values, ROLE_FIELDS),
        "tasks": {str(t["task_id"]): _pick(t, TASK_FIELDS) for t in tasks},
        "competencies": {
            str(c["competency_id"]): _pick(c, COMPETENCY_FIELDS) for c in competencies
        },
        "relations": {
            relation_key(r["to_role_id"], r["kind"]): _pick(r, RELATION_FIELDS)
            for r in relations
        },
    }


def snapshot_of(role: Role) -> Snapshot:
    """The role's current state in the database (four queries)."""
    values = Role.objects.filter(pk=role.pk).values(*_db_names(ROLE_FIELDS)).get()
    return build_snapshot(
        values,
        list(RoleTask.objects.filter(role=role).values("task_id", *TASK_FIELDS)),
        list(
            RoleCompetency.objects.filter(role=role).values(
                "competency_id", *COMPETENCY_FIELDS
            )
        ),
        list(
            RoleRelation.objects.filter(from_role=role).values(
                "to_role_id", "kind", *RELATION_FIELDS
            )
        ),
    )


def _db_names(names: list[str]) -> list[str]:
    return ["parent_id" if name == "parent" else name for name in names]


def apply_snapshot(role: Role, snapshot: Snapshot) -> None:
    """Write a snapshot: role fields, then assignments added, changed or removed."""
    for name, value in snapshot["fields"].items():
        setattr(role, "parent_id" if name == "parent" else name, value)
    role.save()
    _sync(RoleTask, {"role": role}, "task_id", snapshot["tasks"], int)
    _sync(
        RoleCompetency, {"role": role}, "competency_id", snapshot["competencies"], int
    )
    _sync_relations(role, snapshot["relations"])


def _sync(model, owner: dict, key_field: str, wanted: dict, to_key) -> None:
    existing = {
        str(getattr(row, key_field)): row for row in model.objects.filter(**owner)
    }
    for key, row in existing.items():
        if key not in wanted:
            row.delete()
    for key, values in wanted.items():
        row = existing.get(key) or model(**owner, **{key_field: to_key(key)})
        if row.pk is None or any(getattr(row, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()


def _sync_relations(role: Role, wanted: dict) -> None:
    existing = {
        relation_key(r.to_role_id, r.kind): r
        for r in RoleRelation.objects.filter(from_role=role)
    }
    for key, relation in existing.items():
        if key not in wanted:
            relation.delete()
    for key, values in wanted.items():
        to_role_id, kind = parse_relation_key(key)
        relation = existing.get(key) or RoleRelation(
            from_role=role, to_role_id=to_role_id, kind=kind
        )
        if relation.pk is None or relation.description != values["description"]:
            relation.description = values["description"]
            relation.save()
