"""Two maintainers approve the same proposal at the same moment, twenty times at
once: one revision, one decision, every other click told it is decided. On
SQLite (one writer at a time) and on a real PostgreSQL."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.proposal_models import ChangeProposal, ProposalState
from roles.proposals import submit
from roles.revisions.snapshots import snapshot_of
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
        role=role, proposed=proposed, base=base, base_number=role.revision_number,
        user=editor, summary="Neu",
    )  # fmt: skip
    versions = Version.objects.get_for_object(role).count()
    clients = [
        logged_in(_maintainer(django_user_model, name)) for name in ("mia", "max")
    ]
    url = reverse("roles:proposal_review", args=[proposal.pk])
    data = {"decision": "approve", "comment": "", "pushes": proposal.pushes}

    results = race([
        lambda c=clients[i % 2]: c.post(url, data).status_code for i in range(CLICKS)
    ])  # fmt: skip

    assert sorted(results) == [302] + [409] * (CLICKS - 1), results
    assert Version.objects.get_for_object(role).count() == versions + 1
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.APPROVED
    assert proposal.events.filter(kind="approved").count() == 1
    assert Role.objects.get(slug=SLUG).summary == "Neu, durch Prüfung."
    assert ChangeProposal.objects.count() == 1
