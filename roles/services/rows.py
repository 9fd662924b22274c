"""The low-level write of a snapshot onto a role and its assignment rows.

Called only by the role services (``saving``), inside their transaction and
revision: fields first (checked by the model's own rules), then each kind of
assignment row added, changed or removed to match.
"""

from __future__ import annotations

from roles.models import (
    Role,
    RoleClassification,
    RoleCompetency,
    RoleRelation,
    RoleTask,
)
from roles.revisions.snapshots import (
    Snapshot,
    classification_key,
    parse_classification_key,
    parse_relation_key,
    relation_key,
)
from roles.schema import FIELDS_BY_NAME


def apply_snapshot(role: Role, snapshot: Snapshot) -> None:
    """Write a snapshot: role fields, then assignments added, changed or removed."""
    for name, value in snapshot["fields"].items():
        setattr(role, FIELDS_BY_NAME[name].db_name, value)
    # Every door writes through here: the model's own rules hold for all of them.
    role.full_clean(exclude=["revision_number"])
    role.save()
    owner = {"role": role}
    _sync(
        RoleTask,
        owner,
        snapshot["tasks"],
        lambda r: str(r.task_id),
        lambda key: {"task_id": int(key)},
    )
    _sync(
        RoleCompetency,
        owner,
        snapshot["competencies"],
        lambda r: str(r.competency_id),
        lambda key: {"competency_id": int(key)},
    )
    _sync(
        RoleRelation,
        {"from_role": role},
        snapshot["relations"],
        lambda r: relation_key(r.to_role_id, r.kind),
        _relation_fields,
    )
    if "classifications" in snapshot:  # callers from before Step 9 leave them be
        _sync(
            RoleClassification,
            owner,
            snapshot["classifications"],
            lambda r: classification_key(r.scheme, r.code),
            _classification_fields,
            validate=_validate_classification,
        )


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
