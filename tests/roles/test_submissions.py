"""The one decision for "save what this person submitted" (roles.services.
submissions): each outcome, without a form or a request."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import PermissionDenied

from roles.choices import Status
from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from roles.services.submissions import (
    Outcome,
    Submitted,
    edit_mode,
    save_new_role,
    save_submission,
)

pytestmark = pytest.mark.django_db


def changed(snapshot, **fields):
    new = copy.deepcopy(snapshot)
    new["fields"].update(fields)
    return new


def submission(role: Role, comment: str = "Kurz erklärt", **fields) -> Submitted:
    base = snapshot_of(role)
    return Submitted(changed(base, **fields), base, role.revision_number, comment)


def test_an_editors_change_to_a_draft_is_saved(wiki_role, editor):
    result = save_submission(
        role=wiki_role, user=editor, submitted=submission(wiki_role, summary="Neu.")
    )
    assert result.outcome == Outcome.SAVED and result.is_settled
    assert Role.objects.get(pk=wiki_role.pk).summary == "Neu."


def test_nothing_changed_writes_nothing(wiki_role, editor):
    before = wiki_role.revision_number
    result = save_submission(
        role=wiki_role, user=editor, submitted=submission(wiki_role)
    )
    assert result.outcome == Outcome.UNCHANGED
    assert Role.objects.get(pk=wiki_role.pk).revision_number == before


def test_a_crossed_edit_elsewhere_is_merged(wiki_role, editor, other_editor):
    mine = submission(wiki_role, summary="Meins.")
    theirs = changed(mine.base, placement="Marketing")
    save_role(
        role=wiki_role,
        snapshot=theirs,
        base_number=mine.base_number,
        user=other_editor,
        comment="",
    )
    result = save_submission(role=wiki_role, user=editor, submitted=mine)
    assert result.outcome == Outcome.MERGED
    stored = Role.objects.get(pk=wiki_role.pk)
    assert (stored.summary, stored.placement) == ("Meins.", "Marketing")


def test_a_crossed_edit_of_the_same_field_is_a_conflict(
    wiki_role, editor, other_editor
):
    mine = submission(wiki_role, summary="Meins.")
    theirs = changed(mine.base, summary="Ihres.")
    save_role(
        role=wiki_role,
        snapshot=theirs,
        base_number=mine.base_number,
        user=other_editor,
        comment="",
    )
    result = save_submission(role=wiki_role, user=editor, submitted=mine)
    assert result.outcome == Outcome.CONFLICT and not result.is_settled
    assert result.theirs["fields"]["summary"] == "Ihres."
    assert ("fields", "summary") in result.conflicts


def test_an_editors_change_to_a_reviewed_role_is_a_proposal(wiki_role, editor):
    Role.objects.filter(pk=wiki_role.pk).update(status=Status.REVIEWED)
    wiki_role.refresh_from_db()
    assert edit_mode(editor, wiki_role).proposing
    result = save_submission(
        role=wiki_role, user=editor, submitted=submission(wiki_role, summary="Neu.")
    )
    assert result.outcome == Outcome.PROPOSED
    assert result.proposal.proposed["fields"]["summary"] == "Neu."
    assert Role.objects.get(pk=wiki_role.pk).summary == "Ausgangstext."


def test_a_proposal_without_a_reason_is_refused_on_the_summary_field(wiki_role, editor):
    Role.objects.filter(pk=wiki_role.pk).update(status=Status.REVIEWED)
    wiki_role.refresh_from_db()
    submitted = submission(wiki_role, comment=" ", summary="Neu.")
    result = save_submission(role=wiki_role, user=editor, submitted=submitted)
    assert result.outcome == Outcome.REFUSED
    assert "edit_summary" in result.refusal.error_dict


def test_a_model_rule_refuses_with_the_field(wiki_role, editor):
    submitted = submission(wiki_role, parent=wiki_role.pk)
    result = save_submission(role=wiki_role, user=editor, submitted=submitted)
    assert result.outcome == Outcome.REFUSED
    assert "parent" in result.refusal.error_dict


def test_a_reader_may_not_submit(wiki_role, reader):
    with pytest.raises(PermissionDenied):
        save_submission(role=wiki_role, user=reader, submitted=submission(wiki_role))


def test_a_new_role_with_a_taken_slug_is_refused_on_the_slug(wiki_role, editor):
    snapshot = changed(snapshot_of(wiki_role), slug="neue-rolle", title="Neu")
    assert save_new_role(user=editor, snapshot=snapshot, comment="").role
    again = save_new_role(user=editor, snapshot=snapshot, comment="")
    assert again.outcome == Outcome.REFUSED and again.role is None
    assert "slug" in again.refusal.error_dict
