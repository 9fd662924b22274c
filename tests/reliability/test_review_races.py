"""Two maintainers approve the same proposal at the same moment, twenty times at
once: one revision, one decision, every other click told it is decided. On
SQLite (one writer at a time) and on a real PostgreSQL."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.models.proposals import ChangeProposal, ProposalState
from roles.revisions.snapshots import snapshot_of
from roles.services.proposals import submit
from tests.conftest import restore_flushed_data
from tests.reliability.conftest import logged_in
from tests.reliability.racing import race

SLUG = "social-media-manager"
CLICKS = 20


@pytest.fixture
def shipped(transactional_db):
    restore_flushed_data()


def _maintainer(django_user_model, name: str):
    user = django_user_model.objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name="Pflege"))
    return user


def test_twenty_simultaneous_approvals_make_one_revision(shipped, django_user_model):
    editor = django_user_model.objects.create_user("autorin", password="x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    role = Role.objects.get(slug=SLUG)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Neu, durch Prüfung."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary="Neu",
    )
    versions = Version.objects.get_for_object(role).count()
    clients = [
        logged_in(_maintainer(django_user_model, name)) for name in ("mia", "max")
    ]
    url = reverse("roles:proposal_review", args=[proposal.pk])
    data = {"decision": "approve", "comment": "", "pushes": proposal.pushes}

    results = race(
        [lambda c=clients[i % 2]: c.post(url, data).status_code for i in range(CLICKS)]
    )

    assert sorted(results) == [302] + [409] * (CLICKS - 1), results
    assert Version.objects.get_for_object(role).count() == versions + 1
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.APPROVED
    assert proposal.events.filter(kind="approved").count() == 1
    assert Role.objects.get(slug=SLUG).summary == "Neu, durch Prüfung."
    assert ChangeProposal.objects.count() == 1


def _open_proposal(django_user_model, summary: str):
    editor = django_user_model.objects.create_user("autor", password="x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    role = Role.objects.get(slug=SLUG)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": summary}}
    return role, submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary="Neu",
    )


@pytest.mark.parametrize("rounds", range(3))
def test_approve_ask_and_reject_sent_together_give_one_decision(
    shipped, django_user_model, rounds
):
    role, proposal = _open_proposal(django_user_model, "Neu, nach drei Klicks.")
    versions = Version.objects.get_for_object(role).count()
    names = ("mia", "max", "mo")
    clients = [logged_in(_maintainer(django_user_model, name)) for name in names]
    url = reverse("roles:proposal_review", args=[proposal.pk])
    seen = {"pushes": proposal.pushes, "state": proposal.state}
    decisions = [
        {"decision": "approve", "comment": "", **seen},
        {"decision": "changes", "comment": "Bitte kürzer.", **seen},
        {"decision": "reject", "comment": "Passt nicht.", **seen},
    ] * 2

    results = race(
        [
            lambda c=clients[i % 3], d=data: c.post(url, d)
            for i, data in enumerate(decisions)
        ]
    )

    codes = sorted(r.status_code for r in results)
    assert codes == [302] + [409] * 5, codes
    proposal.refresh_from_db()
    decided = proposal.events.filter(
        kind__in=["approved", "changes-requested", "rejected"]
    )
    assert decided.count() == 1
    winner = decided.get().kind
    expected_state = {
        "approved": ProposalState.APPROVED,
        "changes-requested": ProposalState.CHANGES_REQUESTED,
        "rejected": ProposalState.REJECTED,
    }[winner]
    assert proposal.state == expected_state
    applied = Version.objects.get_for_object(role).count() - versions
    assert applied == (1 if winner == "approved" else 0)
    losers = [r for r in results if r.status_code == 409]
    assert all("entschieden" in r.content.decode() for r in losers)


def test_a_reject_after_changes_were_asked_needs_a_fresh_look(
    shipped, django_user_model
):
    """The sequential form of the same race: the second reviewer's page still
    showed an open proposal, so their decision is refused, not applied on top."""
    _role, proposal = _open_proposal(django_user_model, "Neu, nacheinander.")
    first, second = (
        logged_in(_maintainer(django_user_model, name)) for name in ("ida", "ole")
    )
    url = reverse("roles:proposal_review", args=[proposal.pk])
    seen = {"pushes": proposal.pushes, "state": proposal.state}
    asked = first.post(url, {"decision": "changes", "comment": "Kürzer.", **seen})
    rejected = second.post(url, {"decision": "reject", "comment": "Nein.", **seen})
    assert asked.status_code == 302
    assert rejected.status_code == 409
    assert "Änderungen erbeten" in rejected.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.CHANGES_REQUESTED
    # Seen in its new state, the proposal can still be rejected.
    again = {"pushes": proposal.pushes, "state": proposal.state}
    final = second.post(url, {"decision": "reject", "comment": "Nein.", **again})
    assert final.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.REJECTED
