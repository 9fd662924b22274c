"""Discussion per role: threads with one level of replies, own edits and soft
deletes, moderation, spam guards, follows and notices."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment, Follow, Notice
from roles.models import Role
from roles.models.proposals import ChangeProposal
from roles.revisions.snapshots import snapshot_of
from roles.services.proposals import decide, submit

pytestmark = pytest.mark.django_db
SMM = "social-media-manager"
PAGE = reverse("discussions:role", args=[SMM])


def _post(client, body="Fehlt hier nicht das Monitoring?", **extra):
    return client.post(
        PAGE, {"body": body, "anchor": "", "proposal": "", "website": "", **extra}
    )


def _reply(client, comment, body="Doch, steht unter Aufgaben."):
    return client.post(
        reverse("discussions:reply", args=[comment.pk]), {"body": body, "website": ""}
    )


def test_readers_read_and_only_logged_in_people_write(client, client_for, reader):
    assert client.get(PAGE).status_code == 200
    assert (
        "Melden Sie sich an, um mitzudiskutieren" in client.get(PAGE).content.decode()
    )
    assert _post(client).status_code == 403
    response = _post(client_for(reader))
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.author == reader and comment.role.slug == SMM
    page = client.get(PAGE).content.decode()
    assert "Fehlt hier nicht das Monitoring?" in page and "leserin" in page


def test_a_comment_can_be_anchored_to_a_task_of_the_role(client_for, reader):
    role = Role.objects.get(slug=SMM)
    task = role.task_assignments.select_related("task").first().task
    client = client_for(reader)
    assert _post(client, anchor=f"task:{task.slug}").status_code == 302
    assert Comment.objects.get().anchor == f"task:{task.slug}"
    assert task.plain_name in client.get(PAGE).content.decode()
    refused = _post(client, anchor="task:gibt-es-nicht")
    assert refused.status_code == 400 and Comment.objects.count() == 1


def test_replies_are_one_level_deep(client_for, reader, editor):
    _post(client_for(reader))
    thread = Comment.objects.get()
    assert _reply(client_for(editor), thread).status_code == 302
    answer = Comment.objects.exclude(pk=thread.pk).get()
    assert answer.parent == thread
    _reply(client_for(reader), answer, "Antwort auf die Antwort.")
    nested = Comment.objects.get(body="Antwort auf die Antwort.")
    assert nested.parent == thread  # answers the thread, not the reply


def test_own_comments_are_edited_and_softly_deleted(client, client_for, reader, editor):
    _post(client_for(reader))
    thread = Comment.objects.get()
    _reply(client_for(editor), thread)
    edit = reverse("discussions:edit", args=[thread.pk])
    assert client_for(editor).get(edit).status_code == 403  # not theirs
    assert (
        client_for(reader)
        .post(edit, {"body": "Korrigiert.", "website": ""})
        .status_code
        == 302
    )
    thread.refresh_from_db()
    assert thread.body == "Korrigiert." and thread.edited_at is not None
    client_for(reader).post(reverse("discussions:delete", args=[thread.pk]))
    thread.refresh_from_db()
    assert thread.is_deleted
    page = client.get(PAGE).content.decode()
    assert "Korrigiert." not in page and "gelöscht" in page
    assert "Doch, steht unter Aufgaben." in page  # the thread stays readable
    assert _reply(client_for(editor), thread).status_code == 400  # not to a deleted one


def test_maintainers_hide_comments_and_close_threads(
    client, client_for, reader, editor, maintainer
):
    _post(client_for(reader), body="Werbung für etwas ganz anderes.")
    thread = Comment.objects.get()
    moderate = reverse("discussions:moderate", args=[thread.pk])
    assert client_for(editor).post(moderate, {"action": "hide"}).status_code == 403
    client_for(maintainer).post(moderate, {"action": "hide"})
    thread.refresh_from_db()
    assert thread.is_hidden and thread.hidden_by == maintainer
    assert "Werbung für etwas" not in client.get(PAGE).content.decode()
    response = _reply(client_for(editor), thread)
    assert response.status_code == 400 and "ausgeblendeten" in response.content.decode()
    client_for(maintainer).post(moderate, {"action": "show"})
    client_for(maintainer).post(moderate, {"action": "close"})
    closed = _reply(client_for(editor), thread)
    assert closed.status_code == 400 and "geschlossen" in closed.content.decode()
    assert Comment.objects.count() == 1


def test_spam_guards_honeypot_rate_limit_and_size(client_for, reader, settings):
    client = client_for(reader)
    bot = _post(client, website="http://spam.example")
    assert bot.status_code == 400 and not Comment.objects.exists()
    huge = _post(client, body="x" * 1_000_000)
    assert huge.status_code == 400 and not Comment.objects.exists()
    settings.DISCUSSION_COMMENTS_PER_MINUTE = 2
    assert _post(client, body="eins").status_code == 302
    assert _post(client, body="zwei").status_code == 302
    third = _post(client, body="drei, mit viel Mühe geschrieben")
    assert third.status_code == 400
    page = third.content.decode()
    assert (
        "in dieser Minute schon 2 Kommentare" in page
        and "drei, mit viel Mühe geschrieben" in page
    )


def test_comment_payloads_are_rendered_safely(client, client_for, reader):
    payload = (
        "<script>alert(1)</script><img src=x onerror=alert(2)>"
        '[klick](javascript:alert(3)) <a href="data:text/html,x">d</a> **fett**'
    )
    _post(client_for(reader), body=payload)
    page = client.get(PAGE).content.decode()
    assert "<script>alert(1)" not in page and "onerror" not in page
    assert "javascript:alert" not in page and "data:text/html" not in page
    assert "<strong>fett</strong>" in page


def test_following_a_role_brings_notices_of_proposals_decisions_and_replies(
    client_for, editor, reader, maintainer, mailoutbox
):
    role = Role.objects.get(slug=SMM)
    reader.email = "leserin@example.org"
    reader.save()
    follow = reverse("discussions:follow", args=[SMM])
    assert client_for(reader).post(follow).status_code == 302
    assert Follow.objects.filter(user=reader, role=role).exists()
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Neu und klarer."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary="Klarer",
    )
    decide(proposal, decision="approve", user=maintainer, comment="", seen_pushes=1)
    _post(client_for(reader))
    _reply(client_for(editor), Comment.objects.get())
    texts = list(Notice.objects.filter(user=reader).values_list("kind", flat=True))
    assert sorted(texts) == ["decision", "proposal", "reply"]
    assert Notice.objects.filter(user=editor, kind="decision").exists()  # own proposal
    page = client_for(reader).get(reverse("discussions:notices")).content.decode()
    assert "Neuer Vorschlag zu „Social Media Manager“" in page and "neu" in page
    assert any("leserin@example.org" in m.to for m in mailoutbox)
    assert client_for(reader).post(follow).status_code == 302  # unfollow
    assert not Follow.objects.filter(user=reader).exists()


def test_following_an_unknown_role_is_a_404(client_for, reader):
    response = client_for(reader).post(
        reverse("discussions:follow", args=["gibt-es-nicht"])
    )
    assert response.status_code == 404 and not Follow.objects.exists()


def test_a_proposal_links_to_its_discussion(client_for, editor, reader):
    role = Role.objects.get(slug=SMM)
    base = snapshot_of(role)
    proposal = submit(
        role=role,
        proposed=base,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary="Frage",
    )
    assert _post(client_for(reader), proposal=str(proposal.pk)).status_code == 302
    comment = Comment.objects.get()
    assert comment.proposal == proposal
    detail = client_for(editor).get(proposal.get_absolute_url()).content.decode()
    assert f"?vorschlag={proposal.pk}" in detail
    listing = client_for(editor).get(f"{PAGE}?vorschlag={proposal.pk}").content.decode()
    assert f"zu Vorschlag #{proposal.pk}" in listing
    assert ChangeProposal.objects.count() == 1
