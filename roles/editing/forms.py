"""Forms for editing roles: they validate and clean; services write."""

from __future__ import annotations

import re

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from roles.choices import (
    ClassificationScheme,
    CompanySize,
    Level,
    MappingStatus,
    RelationKind,
    Responsibility,
)
from roles.models import (
    NOTE_MAX_LENGTH,
    Competency,
    Role,
    Task,
    classification_code_error,
)
from roles.revisions.snapshots import Snapshot
from roles.schema import FIELD_NAMES, FIELDS, SECTIONS, fields_in, normalise

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BASE_SALT = "roles.edit.base"
EDIT_SUMMARY_MAX_LENGTH = 200
RESERVED_SLUGS = {"new"}
NOTHING_CHANGED = _("Nichts geändert – es wurde keine neue Fassung angelegt.")


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show the model rules a service refused on the form, by field where possible."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class CleanTextMixin:
    """Unify line breaks and refuse invisible control characters in every text."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if not isinstance(value, str):
                continue
            # Browsers send CRLF from textareas; stored texts use LF only.
            cleaned[name] = value = value.replace("\r\n", "\n")
            if CONTROL_CHARACTERS.search(value):
                message = _("Bitte entfernen Sie die unsichtbaren Steuerzeichen.")
                self.add_error(
                    name, ValidationError(message, code="control_characters")
                )
        return cleaned


class RoleForm(CleanTextMixin, forms.ModelForm):
    company_sizes = forms.MultipleChoiceField(
        label=_("Unternehmensgrößen"),
        choices=CompanySize.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    edit_summary = forms.CharField(
        label=_("Was haben Sie geändert?"),
        max_length=EDIT_SUMMARY_MAX_LENGTH,
        required=False,
        help_text=_("Kurz für die Versionsgeschichte, z. B. „Gehalt ergänzt“."),
    )
    for_review = forms.BooleanField(
        label=_("Zur Prüfung vorlegen"),
        required=False,
        help_text=_(
            "Statt zu speichern, wird es ein Vorschlag. Nimmt die Pflege ihn an, "
            "gilt die Rolle als geprüft."
        ),
    )
    base_number = forms.IntegerField(widget=forms.HiddenInput, required=False)
    base_state = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Role
        fields = FIELD_NAMES
        widgets = {
            spec.name: forms.Textarea(attrs={"rows": spec.rows})
            for spec in FIELDS
            if spec.rows
        }

    def __init__(self, *args, can_protect: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in FIELDS:
            if spec.review_only or (spec.maintainers_only and not can_protect):
                del self.fields[spec.name]
        parents = Role.objects.order_by("title")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(
                _("„%(slug)s“ ist als Kurzname reserviert."),
                code="reserved_slug",
                params={"slug": slug},
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "salary_max",
                ValidationError(
                    _(
                        "Das Höchstgehalt muss mindestens so hoch sein "
                        "wie das Mindestgehalt."
                    ),
                    code="salary_range",
                ),
            )
        return cleaned

    def role_fields(self) -> dict:
        """The cleaned role fields in snapshot form (parent as id)."""
        return {
            spec.name: normalise(spec, self.cleaned_data[spec.name])
            for spec in FIELDS
            if spec.name in self.fields
        }

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The form's fieldsets as the declaration groups them."""
        return [
            (
                section.legend,
                [
                    self[spec.name]
                    for spec in fields_in(section.key)
                    if spec.name in self.fields
                ],
            )
            for section in SECTIONS
        ]


def sign_base(snapshot: Snapshot) -> str:
    return signing.dumps(snapshot, salt=BASE_SALT, compress=True)


def unsign_base(value: str) -> Snapshot | None:
    try:
        return signing.loads(value, salt=BASE_SALT)
    except signing.BadSignature:
        return None


class AssignmentForm(CleanTextMixin, forms.Form):
    """One row of a role's assignments; the catalogue choices come from the view.

    Every select starts blank: browsers submit a select's first option, and a blank
    extra row must stay unchanged so that it is skipped rather than refused.
    """

    key_field = ""

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.key_field].choices = [("", "—"), *choices]
        for name, field in self.fields.items():
            if name != self.key_field and isinstance(field, forms.ChoiceField):
                field.choices = [("", "—"), *field.choices]
                field.required = False

    def _choice_fields(self) -> list[str]:
        return [
            name
            for name, field in self.fields.items()
            if name != self.key_field and isinstance(field, forms.ChoiceField)
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.key_field) in (None, ""):
            others = [n for n in self.fields if n not in (self.key_field, "DELETE")]
            if any(cleaned.get(name) not in (None, "", False) for name in others):
                message = _(
                    "Bitte wählen Sie einen Eintrag – oder leeren Sie die Zeile."
                )
                self.add_error(
                    self.key_field, ValidationError(message, code="row_without_entry")
                )
            return cleaned
        for name in self._choice_fields():
            if cleaned.get(name) in (None, ""):
                self.add_error(
                    name, ValidationError(_("Bitte auswählen."), code="required")
                )
        return cleaned


class TaskAssignmentForm(AssignmentForm):
    key_field = "task"
    task = forms.TypedChoiceField(label=_("Aufgabe"), coerce=int)
    responsibility = forms.ChoiceField(
        label=_("Zuständigkeit"), choices=Responsibility.choices
    )
    note = forms.CharField(
        label=_("So macht es diese Rolle"), max_length=NOTE_MAX_LENGTH, required=False
    )
    is_illustrative = forms.BooleanField(label=_("beispielhaft"), required=False)


class CompetencyAssignmentForm(AssignmentForm):
    key_field = "competency"
    competency = forms.TypedChoiceField(label=_("Kompetenz"), coerce=int)
    level = forms.TypedChoiceField(
        label=_("Stufe"), choices=Level.choices, coerce=int, empty_value=None
    )
    is_essential = forms.BooleanField(label=_("unverzichtbar"), required=False)
    note = forms.CharField(
        label=_("Anmerkung"), max_length=NOTE_MAX_LENGTH, required=False
    )
    is_illustrative = forms.BooleanField(label=_("beispielhaft"), required=False)


class RelationForm(AssignmentForm):
    key_field = "to_role"
    to_role = forms.TypedChoiceField(label=_("andere Rolle"), coerce=int)
    kind = forms.ChoiceField(label=_("Art der Beziehung"), choices=RelationKind.choices)
    description = forms.CharField(
        label=_("Beschreibung"), max_length=NOTE_MAX_LENGTH, required=False
    )


class ClassificationForm(AssignmentForm):
    """A role mapped to an ESCO, ISCO-08, O*NET or KldB 2010 code."""

    key_field = "scheme"
    scheme = forms.ChoiceField(label=_("Klassifikation"))
    code = forms.CharField(label=_("Code oder URI"), max_length=255, required=False)
    status = forms.ChoiceField(label=_("Stand"), choices=MappingStatus.choices)
    note = forms.CharField(
        label=_("Anmerkung"), max_length=NOTE_MAX_LENGTH, required=False
    )

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code", "").strip()
        if code.startswith("https://data.europa.eu/esco/"):
            code = "http://" + code.removeprefix("https://")
        return code

    def clean(self):
        cleaned = super().clean()
        scheme = cleaned.get("scheme")
        if scheme and not self.has_error("code"):
            error = classification_code_error(scheme, cleaned.get("code", ""))
            if error:
                self.add_error("code", ValidationError(error, code="bad_code"))
        return cleaned


class AssignmentFormSet(forms.BaseFormSet):
    """Rows keyed by a catalogue entry; the same entry twice is an error."""

    def kept_forms(self) -> list[forms.Form]:
        return [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get(form.key_field) not in (None, "")
        ]

    def row_key(self, form: forms.Form):
        return form.cleaned_data[form.key_field]

    def clean(self):
        self._refuse_impossible_counts()
        if any(self.errors):
            return
        seen = set()
        for form in self.kept_forms():
            key = self.row_key(form)
            if key in seen:
                entry = key[0] if isinstance(key, tuple) else key
                label = dict(form.fields[form.key_field].choices).get(entry)
                raise ValidationError(
                    _("„%(name)s“ ist mehrfach eingetragen; jede Zeile nur einmal."),
                    code="duplicate_row",
                    params={"name": label},
                )
            seen.add(key)

    def _refuse_impossible_counts(self) -> None:
        """A tampered row count (negative, or more rows than allowed) would silently
        drop every row: refuse it instead."""
        counts = self.management_form.cleaned_data
        total, initial = counts.get("TOTAL_FORMS", 0), counts.get("INITIAL_FORMS", 0)
        if total < 0 or initial < 0 or initial > total or total > self.absolute_max:
            raise ValidationError(
                _(
                    "Die Zeilen dieses Abschnitts kamen unvollständig an. Nichts "
                    "wurde gespeichert; bitte laden Sie die Seite neu."
                ),
                code="bad_row_count",
            )


class ClassificationFormSet(AssignmentFormSet):
    def row_key(self, form):
        return (form.cleaned_data["scheme"], form.cleaned_data["code"])


class RelationFormSet(AssignmentFormSet):
    self_id: int | None = None

    def row_key(self, form):
        return (form.cleaned_data["to_role"], form.cleaned_data["kind"])

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        for form in self.kept_forms():
            if (
                self.self_id is not None
                and form.cleaned_data["to_role"] == self.self_id
            ):
                raise ValidationError(
                    _("Eine Rolle kann keine Beziehung zu sich selbst haben."),
                    code="relation_to_self",
                )


MAX_ROWS = 80


def _formset(form_class, formset_class, extra: int):
    return forms.formset_factory(
        form_class,
        formset=formset_class,
        extra=extra,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS + extra,
        validate_max=True,
    )


TaskFormSet = _formset(TaskAssignmentForm, AssignmentFormSet, extra=3)
CompetencyFormSet = _formset(CompetencyAssignmentForm, AssignmentFormSet, extra=3)
RelationFormSetClass = _formset(RelationForm, RelationFormSet, extra=2)
ClassificationFormSetClass = _formset(
    ClassificationForm, ClassificationFormSet, extra=2
)


def catalogue_choices() -> dict[str, list[tuple[int, str]]]:
    """Choices for every assignment row, loaded once per request (three queries)."""
    return {
        "tasks": list(Task.objects.order_by("name").values_list("pk", "name")),
        "competencies": list(
            Competency.objects.order_by("name").values_list("pk", "name")
        ),
        "relations": list(Role.objects.order_by("title").values_list("pk", "title")),
        "classifications": list(ClassificationScheme.choices),
    }
