"""Change proposals and review, with the personas: anonymous, reader, editor,
second editor, maintainer (and a second maintainer)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.models.proposals import ChangeProposal, ProposalState, ReviewEvent
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from roles.services.proposals import ProposalRefused, decide, submit
from tests.roles.forms import edit_data

pytestmark = pytest.mark.django_db
SLUG = "testrolle"
EDIT = reverse("roles:edit", args=[SLUG])
NEW_SUMMARY = "Eine vorgeschlagene Kurzbeschreibung in klaren Worten."


@pytest.fixture
def reviewed(wiki_role):
    Role.objects.filter(pk=wiki_role.pk).update(status="reviewed")
    wiki_role.refresh_from_db()
    return wiki_role


@pytest.fixture
def second_maintainer(django_user_model):
    user = django_user_model.objects.create_user("pfleger2", password="x-geheim-123")
    user.groups.add(Group.objects.get(name="Pflege"))
    return user


def _propose(client, summary=NEW_SUMMARY, reason="Klarer für Unternehmen"):
    data = edit_data(client.get(EDIT))
    data.update({"summary": summary, "edit_summary": reason})
    return client.post(EDIT, data)


def _versions(role) -> int:
    return Version.objects.get_for_object(role).count()


def _review(client, proposal, decision, comment="", pushes=None):
    return client.post(
        reverse("roles:proposal_review", args=[proposal.pk]),
        {
            "decision": decision,
            "comment": comment,
            "pushes": proposal.pushes if pushes is None else pushes,
        },
    )


def test_an_editors_save_on_a_reviewed_role_becomes_a_proposal(
    client, client_for, editor, reader, reviewed
):
    versions = _versions(reviewed)
    response = _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.author == editor and proposal.state == ProposalState.OPEN
    assert proposal.proposed["fields"]["summary"] == NEW_SUMMARY
    assert proposal.base_number == reviewed.revision_number and proposal.size == 1
    reviewed.refresh_from_db()
    assert reviewed.summary == "Ausgangstext." and _versions(reviewed) == versions
    # Readers keep the reviewed version, with a notice that changes are pending.
    for viewer in (client, client_for(reader)):
        page = viewer.get(reviewed.get_absolute_url()).content.decode()
        assert "Ausgangstext." in page and NEW_SUMMARY not in page
        assert "Für diese Rolle ist eine Änderung vorgeschlagen" in page
    # Editors switch to the proposed version, with the word-level diff.
    page = client_for(editor).get(proposal.get_absolute_url()).content.decode()
    assert "So sähe die Rolle mit dem Vorschlag aus" in page and NEW_SUMMARY in page
    assert "<ins>" in page and "Klarer für Unternehmen" in page


def test_a_proposal_needs_a_reason_and_keeps_what_was_typed(
    client_for, editor, reviewed
):
    response = _propose(client_for(editor), reason="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte begründen Sie Ihren Vorschlag" in page and NEW_SUMMARY in page
    assert not ChangeProposal.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [(None, 302), ("reader", 403)])
def test_proposals_are_for_editors_and_maintainers(
    request, client_for, editor, reviewed, persona, status
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    user = request.getfixturevalue(persona) if persona else None
    for url in (reverse("roles:proposals"), proposal.get_absolute_url()):
        assert client_for(user).get(url).status_code == status
    assert _review(client_for(user), proposal, "approve").status_code in (403, 302)
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.OPEN


def test_the_queue_lists_open_proposals_oldest_first(
    client_for, editor, other_editor, reviewed, maintainer
):
    _propose(client_for(editor))
    _propose(client_for(other_editor), summary="Eine zweite, andere Kurzbeschreibung.")
    page = client_for(maintainer).get(reverse("roles:proposals")).content.decode()
    first, second = ChangeProposal.objects.order_by("pk")
    assert page.index(f"#{first.pk}") < page.index(f"#{second.pk}")
    assert "redakteur" in page and "redakteurin" in page and "1 Angabe" in page


def test_a_maintainer_approves_and_the_proposal_becomes_the_next_revision(
    client, client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    versions = _versions(reviewed)
    response = _review(client_for(maintainer), proposal, "approve", "Passt so.")
    assert response.status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.summary == NEW_SUMMARY and reviewed.status == "reviewed"
    assert _versions(reviewed) == versions + 1
    revision = Version.objects.get_for_object(reviewed).first().revision
    assert revision.user == editor
    assert (
        f"Vorschlag #{proposal.pk}, angenommen von pflegerin" in revision.get_comment()
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == (ProposalState.APPROVED, maintainer)
    assert list(proposal.events.values_list("kind", "actor__username")) == [
        ("proposed", "redakteur"),
        ("approved", "pflegerin"),
    ]
    page = client.get(reviewed.get_absolute_url()).content.decode()
    assert NEW_SUMMARY in page and "Änderung vorgeschlagen" not in page
    history = (
        client_for(editor).get(reverse("roles:history", args=[SLUG])).content.decode()
    )
    assert (
        f"#{proposal.pk}" in history
        and "angenommen" in history
        and "pflegerin" in history
    )
    # The proposals table sits in the page once, and never in its <title>.
    title = history[history.index("<title>") : history.index("</title>")]
    assert "<section" not in title and history.count('id="vorschlaege"') == 1


def test_nobody_approves_their_own_proposal(client_for, maintainer, reviewed):
    proposal = submit(
        role=reviewed,
        proposed={**snapshot_of(reviewed)},
        base=snapshot_of(reviewed),
        base_number=reviewed.revision_number,
        user=maintainer,
        summary="selbst",
    )
    response = _review(client_for(maintainer), proposal, "approve")
    assert response.status_code == 409
    assert (
        "Den eigenen Vorschlag kann niemand selbst annehmen"
        in response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.OPEN


def test_asking_for_changes_then_a_push_resets_the_review(
    client_for, editor, maintainer, reviewed
):
    author, reviewer = client_for(editor), client_for(maintainer)
    _propose(author)
    proposal = ChangeProposal.objects.get()
    assert _review(reviewer, proposal, "changes", "").status_code == 409  # needs a why
    assert _review(reviewer, proposal, "changes", "Bitte kürzer.").status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.CHANGES_REQUESTED
    assert _review(reviewer, proposal, "approve").status_code == 409  # not yet
    # The author's edit page continues the proposal; saving pushes to it.
    page = author.get(EDIT).content.decode()
    assert (
        f"Sie überarbeiten Ihren Vorschlag #{proposal.pk}" in page
        and NEW_SUMMARY in page
    )
    _propose(author, summary="Kürzer gesagt.", reason="Gekürzt")
    assert ChangeProposal.objects.count() == 1
    stale_pushes = proposal.pushes
    proposal.refresh_from_db()
    assert (proposal.state, proposal.pushes) == (ProposalState.OPEN, 2)
    assert proposal.proposed["fields"]["summary"] == "Kürzer gesagt."
    # A decision made on the old push is refused; on the new one it applies.
    refused = _review(reviewer, proposal, "approve", pushes=stale_pushes)
    assert refused.status_code == 409 and "überarbeitet" in refused.content.decode()
    assert _review(reviewer, proposal, "approve").status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.summary == "Kürzer gesagt."
    kinds = list(proposal.events.values_list("kind", flat=True))
    assert kinds == ["proposed", "changes-requested", "pushed", "approved"]


def test_reject_needs_a_comment_and_changes_nothing(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    versions = _versions(reviewed)
    reviewer = client_for(maintainer)
    assert _review(reviewer, proposal, "reject", "").status_code == 409
    assert (
        _review(reviewer, proposal, "reject", "Stimmt fachlich nicht.").status_code
        == 302
    )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.REJECTED
    reviewed.refresh_from_db()
    assert reviewed.summary == "Ausgangstext." and _versions(reviewed) == versions
    again = _review(reviewer, proposal, "approve")
    assert again.status_code == 409 and "schon entschieden" in again.content.decode()


def test_a_double_submitted_approval_applies_once(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    versions = _versions(reviewed)
    reviewer = client_for(maintainer)
    assert _review(reviewer, proposal, "approve").status_code == 302
    second = _review(reviewer, proposal, "approve")
    assert second.status_code == 409 and "schon entschieden" in second.content.decode()
    assert _versions(reviewed) == versions + 1
    assert proposal.events.filter(kind="approved").count() == 1


def test_a_stale_proposal_is_rebased_when_the_changes_do_not_cross(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    current = snapshot_of(reviewed)
    current["fields"]["definition"] = "Eine neue **Definition** von der Pflege."
    save_role(
        role=reviewed,
        snapshot=current,
        base_number=reviewed.revision_number,
        user=maintainer,
        comment="Definition",
    )
    client_for(editor).get(proposal.get_absolute_url())
    proposal.refresh_from_db()
    assert proposal.base_number == reviewed.revision_number
    assert proposal.events.filter(kind=ReviewEvent.Kind.REBASED).exists()
    assert _review(client_for(maintainer), proposal, "approve").status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.summary == NEW_SUMMARY and "von der Pflege" in reviewed.definition


def test_a_stale_proposal_that_crosses_is_held_and_never_applied(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    current = snapshot_of(reviewed)
    current["fields"]["summary"] = "Die Pflege hat es anders formuliert."
    save_role(
        role=reviewed,
        snapshot=current,
        base_number=reviewed.revision_number,
        user=maintainer,
        comment="Kurzbeschreibung",
    )
    response = _review(client_for(maintainer), proposal, "approve")
    assert response.status_code == 409
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.NEEDS_AUTHOR
    reviewed.refresh_from_db()
    assert reviewed.summary == "Die Pflege hat es anders formuliert."
    # The author reworks it on the current revision, and it can be approved again.
    page = client_for(editor).get(EDIT).content.decode()
    assert "kollidiert mit einer neueren Fassung" in page
    _propose(
        client_for(editor), summary="Beides vereint, in klaren Worten.", reason="Neu"
    )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.OPEN
    assert proposal.base_number == reviewed.revision_number
    assert _review(client_for(maintainer), proposal, "approve").status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.summary == "Beides vereint, in klaren Worten."


def test_a_proposal_on_a_role_deleted_meanwhile(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    reviewed.delete()
    page = client_for(maintainer).get(proposal.get_absolute_url())
    assert (
        page.status_code == 200 and "Die Rolle wurde gelöscht" in page.content.decode()
    )
    response = _review(client_for(maintainer), proposal, "approve")
    assert response.status_code == 409 and "gelöscht" in response.content.decode()
    proposal.refresh_from_db()
    assert (
        proposal.state == ProposalState.OPEN
        and proposal.role_title == "Rolle testrolle"
    )


def test_the_status_changes_only_through_review(
    client_for, editor, maintainer, wiki_role
):
    page = client_for(maintainer).get(EDIT).content.decode()
    assert 'name="status"' not in page
    data = edit_data(client_for(maintainer).get(EDIT))
    data.update({"status": "reviewed", "summary": "Direkt geändert von der Pflege."})
    assert client_for(maintainer).post(EDIT, data).status_code == 302
    wiki_role.refresh_from_db()
    assert wiki_role.summary.startswith("Direkt") and wiki_role.status == "draft"


def test_maintainers_save_reviewed_roles_directly(client_for, maintainer, reviewed):
    data = edit_data(client_for(maintainer).get(EDIT))
    data["summary"] = "Von der Pflege direkt."
    assert client_for(maintainer).post(EDIT, data).status_code == 302
    reviewed.refresh_from_db()
    assert (
        reviewed.summary == "Von der Pflege direkt."
        and not ChangeProposal.objects.exists()
    )


def test_review_comments_are_sanitised_and_bounded(
    client_for, editor, maintainer, reviewed
):
    _propose(client_for(editor))
    proposal = ChangeProposal.objects.get()
    reviewer = client_for(maintainer)
    too_long = _review(reviewer, proposal, "changes", "x" * 1_000_000)
    assert (
        too_long.status_code == 400
        and "erlaubt sind 5.000" in too_long.content.decode()
    )
    payload = (
        "<script>alert(1)</script><img src=x onerror=alert(2)>[k](javascript:alert(3))"
    )
    assert _review(reviewer, proposal, "changes", payload).status_code == 302
    page = client_for(editor).get(proposal.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "onerror" not in page
    assert "javascript:alert" not in page


def test_decisions_are_for_maintainers_only(other_editor, editor, reviewed):
    proposal = submit(
        role=reviewed,
        proposed=snapshot_of(reviewed),
        base=snapshot_of(reviewed),
        base_number=reviewed.revision_number,
        user=editor,
        summary="x",
    )
    with pytest.raises(ProposalRefused, match="entscheidet die Pflege"):
        decide(
            proposal,
            decision="approve",
            user=other_editor,
            comment="",
            seen_pushes=proposal.pushes,
        )


def test_a_draft_is_sent_to_review_and_becomes_reviewed_on_approval(
    client_for, editor, maintainer, wiki_role
):
    author = client_for(editor)
    data = edit_data(author.get(EDIT))
    assert 'name="for_review"' in author.get(EDIT).content.decode()
    data.update(
        {
            "summary": "Fertig für die Prüfung.",
            "edit_summary": "Bitte prüfen",
            "for_review": "on",
        }
    )
    response = author.post(EDIT, data)
    proposal = ChangeProposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    wiki_role.refresh_from_db()
    assert wiki_role.status == "draft" and wiki_role.summary == "Ausgangstext."
    # While it is open, the author's next save goes to the proposal too.
    data = edit_data(author.get(EDIT))
    data.update({"summary": "Noch besser für die Prüfung.", "edit_summary": "besser"})
    author.post(EDIT, data)
    assert ChangeProposal.objects.count() == 1
    wiki_role.refresh_from_db()
    assert wiki_role.summary == "Ausgangstext."
    proposal.refresh_from_db()
    assert _review(client_for(maintainer), proposal, "approve").status_code == 302
    wiki_role.refresh_from_db()
    assert (wiki_role.status, wiki_role.summary) == (
        "reviewed",
        "Noch besser für die Prüfung.",
    )
