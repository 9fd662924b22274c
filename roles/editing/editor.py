"""The role edit page's forms as one unit: bind, validate, and turn into a snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from django.forms import BaseFormSet
from django.utils.translation import gettext_lazy

from roles.editing.forms import (
    ClassificationFormSetClass,
    CompetencyFormSet,
    RelationFormSetClass,
    RoleForm,
    TaskFormSet,
    catalogue_choices,
    sign_base,
    unsign_base,
)
from roles.models import Role
from roles.revisions.snapshots import (
    Snapshot,
    classification_key,
    parse_classification_key,
    parse_relation_key,
    relation_key,
)
from roles.schema import ASSIGNMENT_FIELDS, FIELDS_BY_NAME
from roles.services.submissions import Submitted

INCOMPLETE = gettext_lazy(
    "Das Formular ist unvollständig. Bitte laden Sie die Seite neu; "
    "Ihr Text steht unten zum Kopieren bereit."
)

FORMSETS = {
    "tasks": TaskFormSet,
    "competencies": CompetencyFormSet,
    "relations": RelationFormSetClass,
    "classifications": ClassificationFormSetClass,
}


@dataclass
class RoleEditor:
    form: RoleForm
    formsets: dict[str, BaseFormSet]

    @classmethod
    def unbound(
        cls,
        role: Role | None,
        snapshot: Snapshot | None,
        *,
        can_protect: bool,
        base: Snapshot | None = None,
        base_number: int | None = None,
    ):
        """Forms filled from ``snapshot`` (the role's current state, or a proposal
        being reworked, whose ``base`` and ``base_number`` it then carries), or
        empty for a new role."""
        initial = {}
        instance = role
        if role is not None and snapshot is not None:
            initial = {
                "base_number": role.revision_number
                if base_number is None
                else base_number,
                "base_state": sign_base(snapshot if base is None else base),
            }
            if base is not None:
                instance = role_from_snapshot(role, snapshot)
        form = RoleForm(instance=instance, initial=initial, can_protect=can_protect)
        rows = _rows(snapshot) if snapshot else {name: [] for name in FORMSETS}
        return cls(form, _formsets(None, rows, role))

    @classmethod
    def bound(cls, data, role: Role | None, *, can_protect: bool):
        form = RoleForm(data, instance=role or Role(), can_protect=can_protect)
        return cls(form, _formsets(data, None, role))

    @property
    def all_forms(self) -> list:
        return [self.form, *self.formsets.values()]

    @property
    def has_errors(self) -> bool:
        """Any error anywhere on the page, for the banner above the form."""
        return self.form.is_bound and (
            bool(self.form.errors)
            or any(f.total_error_count() for f in self.formsets.values())
        )

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all_forms])

    def base(self) -> Snapshot | None:
        return unsign_base(self.form.data.get("base_state", ""))

    def base_number(self) -> int | None:
        try:
            return int(self.form.data.get("base_number", ""))
        except ValueError:
            return None

    def edit_summary(self) -> str:
        return self.form.cleaned_data.get("edit_summary", "")

    def for_review(self) -> bool:
        """A draft's edit sent to review instead of saved (see the submissions
        service)."""
        return bool(self.form.cleaned_data.get("for_review"))

    def submitted(self) -> Submitted | None:
        """What the person sent, for the service; None when the form lost the
        state it was based on (an error then says so) or does not validate."""
        base, base_number = self.base(), self.base_number()
        if base is None or base_number is None:
            self.form.add_error(None, INCOMPLETE)
            return None
        if not self.is_valid():
            return None
        return Submitted(
            snapshot=self.snapshot(base),
            base=base,
            base_number=base_number,
            comment=self.edit_summary(),
            for_review=self.for_review(),
        )

    def snapshot(self, base: Snapshot | None) -> Snapshot:
        """What the person submitted, completing fields they may not edit from base."""
        fields = dict(base["fields"]) if base else {"is_protected": False}
        fields.update(self.form.role_fields())
        tasks, competencies, relations, classifications = (
            self.formsets[n] for n in FORMSETS
        )
        return {
            "fields": fields,
            "tasks": {
                str(f.cleaned_data["task"]): _values(f, ASSIGNMENT_FIELDS["tasks"])
                for f in tasks.kept_forms()
            },
            "competencies": {
                str(f.cleaned_data["competency"]): _values(
                    f, ASSIGNMENT_FIELDS["competencies"]
                )
                for f in competencies.kept_forms()
            },
            "relations": {
                relation_key(
                    f.cleaned_data["to_role"], f.cleaned_data["kind"]
                ): _values(f, ASSIGNMENT_FIELDS["relations"])
                for f in relations.kept_forms()
            },
            "classifications": {
                classification_key(
                    f.cleaned_data["scheme"], f.cleaned_data["code"]
                ): _values(f, ASSIGNMENT_FIELDS["classifications"])
                for f in classifications.kept_forms()
            },
        }


def role_from_snapshot(role: Role, snapshot: Snapshot) -> Role:
    """An unsaved copy of the role holding the snapshot's fields, for a form."""
    values = {
        FIELDS_BY_NAME[name].db_name: value
        for name, value in snapshot["fields"].items()
    }
    return Role(pk=role.pk, revision_number=role.revision_number, **values)


def _values(form, names: list[str]) -> dict:
    return {name: form.cleaned_data[name] for name in names}


def _formsets(data, rows: dict | None, role: Role | None) -> dict[str, BaseFormSet]:
    choices = catalogue_choices()
    if role is not None:
        choices["relations"] = [c for c in choices["relations"] if c[0] != role.pk]
    formsets = {}
    for name, formset_class in FORMSETS.items():
        formsets[name] = formset_class(
            data,
            initial=None if rows is None else rows[name],
            prefix=name,
            form_kwargs={"choices": choices[name]},
        )
    formsets["relations"].self_id = role.pk if role else None
    return formsets


def _rows(snapshot: Snapshot) -> dict[str, list[dict]]:
    """Initial formset rows from a snapshot."""
    return {
        "tasks": [{"task": int(k), **v} for k, v in snapshot["tasks"].items()],
        "competencies": [
            {"competency": int(k), **v} for k, v in snapshot["competencies"].items()
        ],
        "relations": [
            {"to_role": parse_relation_key(k)[0], "kind": parse_relation_key(k)[1], **v}
            for k, v in snapshot["relations"].items()
        ],
        "classifications": [
            {
                "scheme": parse_classification_key(k)[0],
                "code": parse_classification_key(k)[1],
                **v,
            }
            for k, v in snapshot.get("classifications", {}).items()
        ],
    }
