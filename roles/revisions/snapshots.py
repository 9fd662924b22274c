"""A role's editable state as plain, JSON-safe data.

One shape serves saving, the edit-conflict merge, old revisions and diffs:
``{"fields": {...}, "tasks": {task_id: {...}}, "competencies": {...},
"relations": {"to_id:kind": {...}}, "classifications": {"scheme:code": {...}}}``.
Keys are strings so a snapshot can be signed into a form and compared after a
JSON round trip.
"""

from __future__ import annotations

from typing import Any

from roles.models import (
    Role,
    RoleClassification,
    RoleCompetency,
    RoleRelation,
    RoleTask,
)
from roles.schema import (
    ASSIGNMENT_FIELDS,
    ASSIGNMENT_SECTIONS,
    FIELD_NAMES,
    FIELDS,
    normalise,
)

Snapshot = dict[str, dict[str, Any]]

ROLE_FIELDS = FIELD_NAMES
TASK_FIELDS = ASSIGNMENT_FIELDS["tasks"]
COMPETENCY_FIELDS = ASSIGNMENT_FIELDS["competencies"]
RELATION_FIELDS = ASSIGNMENT_FIELDS["relations"]
CLASSIFICATION_FIELDS = ASSIGNMENT_FIELDS["classifications"]
SECTIONS = ASSIGNMENT_SECTIONS


def relation_key(to_role_id: int, kind: str) -> str:
    return f"{to_role_id}:{kind}"


def parse_relation_key(key: str) -> tuple[int, str]:
    to_role_id, kind = key.split(":", 1)
    return int(to_role_id), kind


def classification_key(scheme: str, code: str) -> str:
    return f"{scheme}:{code}"


def parse_classification_key(key: str) -> tuple[str, str]:
    """ESCO URIs hold colons themselves: only the first one separates."""
    scheme, code = key.split(":", 1)
    return scheme, code


def _role_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Role fields from ``.values()`` (``parent_id``), a form, or a stored version."""
    return {
        spec.name: normalise(spec, values.get(spec.db_name, values.get(spec.name)))
        for spec in FIELDS
    }


def _pick(values: dict[str, Any], names: list[str]) -> dict[str, Any]:
    return {name: values.get(name) for name in names}


def build_snapshot(
    role_values: dict[str, Any],
    tasks: list[dict[str, Any]],
    competencies: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    classifications: list[dict[str, Any]] | None = None,
) -> Snapshot:
    """Assemble a snapshot from plain dicts of the role and its assignment rows."""
    return {
        "fields": _role_fields(role_values),
        "tasks": {str(t["task_id"]): _pick(t, TASK_FIELDS) for t in tasks},
        "competencies": {
            str(c["competency_id"]): _pick(c, COMPETENCY_FIELDS) for c in competencies
        },
        "relations": {
            relation_key(r["to_role_id"], r["kind"]): _pick(r, RELATION_FIELDS)
            for r in relations
        },
        # Versions saved before Step 9 have no mapping rows: an empty section.
        "classifications": {
            classification_key(c["scheme"], c["code"]): _pick(c, CLASSIFICATION_FIELDS)
            for c in classifications or []
        },
    }


def snapshot_of(role: Role) -> Snapshot:
    """The role's current state in the database (five queries)."""
    values = Role.objects.filter(pk=role.pk).values(*_db_names()).get()
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
        list(
            RoleClassification.objects.filter(role=role).values(
                "scheme", "code", *CLASSIFICATION_FIELDS
            )
        ),
    )


def _db_names() -> list[str]:
    return [spec.db_name for spec in FIELDS]
