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
    FIELDS_BY_NAME,
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


def apply_snapshot(role: Role, snapshot: Snapshot) -> None:
    """Write a snapshot: role fields, then assignments added, changed or removed."""
    for name, value in snapshot["fields"].items():
        setattr(role, FIELDS_BY_NAME[name].db_name, value)
    # Every door writes through here: the model's own rules hold for all of them.
    role.full_clean(exclude=["revision_number"])
    role.save()
    owner = {"role": role}
    _sync(RoleTask, owner, snapshot["tasks"], lambda r: str(r.task_id),
          lambda key: {"task_id": int(key)})  # fmt: skip
    _sync(RoleCompetency, owner, snapshot["competencies"],
          lambda r: str(r.competency_id),
          lambda key: {"competency_id": int(key)})  # fmt: skip
    _sync(RoleRelation, {"from_role": role}, snapshot["relations"],
          lambda r: relation_key(r.to_role_id, r.kind), _relation_fields)  # fmt: skip
    if "classifications" in snapshot:  # callers from before Step 9 leave them be
        _sync(RoleClassification, owner, snapshot["classifications"],
              lambda r: classification_key(r.scheme, r.code), _classification_fields,
              validate=_validate_classification)  # fmt: skip


def _relation_fields(key: str) -> dict:
    to_role_id, kind = parse_relation_key(key)
    return {"to_role_id": to_role_id, "kind": kind}


def _classification_fields(key: str) -> dict:
    scheme, code = parse_classification_key(key)
    return {"scheme": scheme, "code": code}


def _sync(model, owner: dict, wanted: dict, key_of, key_fields, validate=None) -> None:
    """Make the owner's rows of ``model`` those in ``wanted`` (key → values):
    delete the others, add the missing, change the differing. ``key_of`` gives a
    stored row's key, ``key_fields`` a new row's key fields."""
    validate = validate or _validate_row
    existing = {key_of(row): row for row in model.objects.filter(**owner)}
    for key, row in existing.items():
        if key not in wanted:
            row.delete()
    for key, values in wanted.items():
        row = existing.get(key) or model(**owner, **key_fields(key))
        if row.pk is None or any(getattr(row, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            validate(row)
            row.save()


def _validate_classification(row: RoleClassification) -> None:
    # The code's pattern is a field rule here (clean), so check it too.
    row.full_clean(exclude=["role"], validate_unique=False, validate_constraints=False)


def _validate_row(row) -> None:
    """Field rules of an assignment row; its keys and uniqueness the database holds."""
    keys = [f.name for f in row._meta.concrete_fields if f.is_relation]
    row.full_clean(exclude=keys, validate_unique=False, validate_constraints=False)
