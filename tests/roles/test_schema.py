"""Every declared role field reaches every place that handles roles.

The test walks ``roles.schema.FIELDS``: a field added there without reaching the
form, the snapshot and its restore, the diff, the search document or the comparison
fails here, by name.
"""

from __future__ import annotations

import pytest
from django.db import models

from comparisons.engine import build_comparison
from comparisons.tables import Audience
from roles.editing.forms import RoleForm
from roles.models import Role
from roles.readmodels import load_role_data
from roles.revisions.diffs import diff_snapshots
from roles.revisions.history import versions_of
from roles.revisions.snapshots import snapshot_of
from roles.schema import FACTS, FIELDS, FieldSpec
from roles.services import create_role, revert_role, save_role
from tests.builders import make_role

BASE_FIELDS = {
    "title": "Grundrolle",
    "slug": "grundrolle",
    "aliases": "Erster Name",
    "family": "social-media",
    "seniority": "none",
    "summary": "Eine Rolle für den Test.",
    "definition": "Eine Definition.",
    "orientation": 5,
    "position": "internal",
    "placement": "Marketing",
    "company_sizes": ["medium"],
    "industries": "Handel",
    "salary_min": 2000,
    "salary_max": 6000,
    "salary_source": "Umfrage 2020",
    "backgrounds": "Studium",
    "certificates": "Kurs A",
    "goals": "Ziel A",
    "sources": "Quelle A",
    "status": "draft",
    "is_illustrative": False,
    "is_protected": False,
    "parent": None,
}


def _base_value(spec: FieldSpec):
    """The starting value: listed above, or one made from the field's type, so that
    a newly declared field is walked without editing this test."""
    if spec.name in BASE_FIELDS:
        return BASE_FIELDS[spec.name]
    field = Role._meta.get_field(spec.name)
    if isinstance(field, models.URLField):
        return "https://example.org/start"
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField):
        return 1
    return "Startwert"


def _changed_value(spec: FieldSpec, old, other_role: Role):
    """A valid value different from ``old``, chosen from the model field's type."""
    field = Role._meta.get_field(spec.name)
    if isinstance(field, models.URLField):
        return f"https://example.org/Neuwort{spec.name.replace('_', '')}"
    if spec.kind == "role":
        return other_role.pk
    if spec.kind == "set":
        return ["large", "small"]
    if field.choices:
        return next(value for value, _label in field.choices if value != old)
    if isinstance(field, models.BooleanField):
        return not old
    if spec.name == "orientation":
        return 9
    if isinstance(field, models.PositiveIntegerField):
        return old + 500
    if spec.name == "slug":
        return "geaenderter-kurzname"
    return f"{old} Neuwort{spec.name.replace('_', '')}"


@pytest.fixture
def shaped(db, editor):
    fields = {spec.name: _base_value(spec) for spec in FIELDS}
    snapshot = {"fields": fields, "tasks": {}, "competencies": {}, "relations": {}}
    role = create_role(snapshot=snapshot, user=editor, comment="Anlage")
    return role, make_role(title="Vergleichsrolle")


def _comparison_text(role: Role, other: Role) -> str:
    """Both wordings of the comparison: a field may show in only one of them."""
    data = load_role_data([role.slug, other.slug])
    parts = []
    for audience in Audience:
        table = build_comparison(data, audience=audience)
        parts += [header.title for header in table.roles]
        for section in table.sections:
            for row in section.rows:
                parts += [row.label, *(cell.text for cell in row.cells)]
    return "\n".join(parts)


def test_the_declaration_covers_every_editable_model_field():
    editable = {
        f.name
        for f in Role._meta.get_fields()
        if getattr(f, "editable", False)
        and f.concrete
        and not f.auto_created
        and f.name not in {"created_at", "updated_at", "revision_number"}
    }
    assert editable == {spec.name for spec in FIELDS}


def test_every_fact_reads_declared_fields():
    declared = {spec.name for spec in FIELDS}
    for fact in FACTS:
        assert set(fact.reads) <= declared, fact.key


def test_every_field_is_in_the_form_and_one_fieldset():
    form = RoleForm(can_protect=True)
    shown = [field.name for _legend, fields in form.sections() for field in fields]
    for spec in FIELDS:
        # The status changes only through review (Step 10): never in the form.
        assert (spec.name in form.fields) != spec.review_only, spec.name
        assert shown.count(spec.name) == (0 if spec.review_only else 1), spec.name


def test_maintainer_only_fields_are_hidden_from_editors():
    form = RoleForm(can_protect=False)
    for spec in FIELDS:
        hidden = spec.maintainers_only or spec.review_only
        assert (spec.name in form.fields) != hidden, spec.name


@pytest.mark.parametrize("spec", FIELDS, ids=lambda spec: spec.name)
def test_each_field_reaches_snapshot_restore_diff_search_and_comparison(
    shaped, editor, spec
):
    role, other = shaped
    before = snapshot_of(role)
    old_value = before["fields"][spec.name]
    assert old_value == _base_value(spec) or spec.kind == "set"
    comparison_before = _comparison_text(role, other)

    new_value = _changed_value(spec, old_value, other)
    changed = {**before, "fields": {**before["fields"], spec.name: new_value}}
    save_role(
        role=role,
        snapshot=changed,
        base_number=role.revision_number,
        user=editor,
        comment="Änderung",
    )
    role.refresh_from_db()
    after = snapshot_of(role)
    assert after["fields"][spec.name] == new_value, "snapshot after save"

    diff = diff_snapshots(before, after)
    label = str(Role._meta.get_field(spec.name).verbose_name)
    assert [change.label for change in diff.fields] == [label], "diff"

    if spec.searchable:
        marker = f"Neuwort{spec.name.replace('_', '')}"
        assert marker in role.search_document, "search document"
    if spec.compared:
        assert _comparison_text(role, other) != comparison_before, "comparison"

    first = versions_of(role).last()
    revert_role(role=role, version=first, base_number=role.revision_number, user=editor)
    role.refresh_from_db()
    if spec.review_only:  # set by review alone: a revert keeps it
        assert snapshot_of(role)["fields"][spec.name] == new_value, "kept on revert"
    else:
        assert snapshot_of(role)["fields"][spec.name] == old_value, "restore"


def test_the_lean_role_data_knows_the_role_pages_address():
    from django.urls import reverse

    from roles.readmodels import ROLE_URL

    page = reverse("roles:detail", args=["x"])
    assert ROLE_URL.replace("slug-placeholder", "x") == page


@pytest.mark.django_db
def test_the_lean_role_data_agrees_with_the_full_one(catalogue):
    from roles.models import Role
    from roles.readmodels import iter_all_role_data, load_role_data

    slugs = sorted(Role.objects.values_list("slug", flat=True))
    full = {data.slug: data for data in load_role_data(slugs)}
    for lean in iter_all_role_data(chunk=5):
        whole = full[lean.slug]
        assert lean.url == whole.url and lean.names == whole.names
        assert (lean.family, lean.seniority, lean.parent, lean.status) == (
            whole.family,
            whole.seniority,
            whole.parent,
            whole.status,
        )
        assert {(t.slug, t.responsibility, t.note) for t in lean.tasks} == {
            (t.slug, t.responsibility, t.note) for t in whole.tasks
        }
        assert {(c.slug, c.level, c.is_essential) for c in lean.competencies} == {
            (c.slug, c.level, c.is_essential) for c in whole.competencies
        }
        assert lean.relation_kinds == whole.relation_kinds
        assert lean.is_described == whole.is_described
