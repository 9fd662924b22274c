"""Writing comments and follows: the only writer of discussions.

Every rule holds here, for every door: one level of replies, no reply to a
deleted or hidden comment or in a closed thread, only one's own comment to
edit or delete, moderation for maintainers, and a rate limit per person.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.counters import count_hit
from discussions.models import BODY_MAX_LENGTH, Comment, Follow
from roles.models import Role
from roles.models.proposals import ChangeProposal
from roles.permissions import can_review


class CommentRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def valid_anchors(role: Role) -> dict[str, str]:
    """``task:<slug>`` / ``competency:<slug>`` → name, for the role's entries."""
    anchors = {
        f"task:{slug}": name
        for slug, name in role.task_assignments.values_list(
            "task__slug", "task__plain_name"
        )
    }
    anchors |= {
        f"competency:{slug}": name
        for slug, name in role.competency_assignments.values_list(
            "competency__slug", "competency__plain_name"
        )
    }
    return anchors


def _check_body(body: str) -> str:
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise CommentRefused(_("Bitte schreiben Sie etwas."))
    if len(body) > BODY_MAX_LENGTH:
        raise CommentRefused(
            _("Der Kommentar hat %(length)s Zeichen; erlaubt sind %(max)s.")
            % {"length": f"{len(body):,}".replace(",", "."), "max": "10.000"}
        )
    return body


def _count_comment(user: AbstractBaseUser) -> None:
    """At most DISCUSSION_COMMENTS_PER_MINUTE new comments per person."""
    limit = settings.DISCUSSION_COMMENTS_PER_MINUTE
    if limit <= 0:
        return
    if count_hit("comments", user.pk, seconds=60).count > limit:
        raise CommentRefused(
            _(
                "Sie haben in dieser Minute schon %(limit)s Kommentare geschrieben. "
                "Bitte warten Sie einen Moment; Ihr Text steht noch im Feld."
            )
            % {"limit": limit}
        )


def post_comment(
    *,
    role: Role,
    user: AbstractBaseUser,
    body: str,
    parent: Comment | None = None,
    anchor: str = "",
    proposal: ChangeProposal | None = None,
) -> Comment:
    body = _check_body(body)
    if parent is not None:
        if parent.role_id != role.pk:
            raise CommentRefused(_("Diese Antwort gehört zu einer anderen Rolle."))
        if parent.parent_id is not None:
            parent = parent.parent  # one level of replies: answer the thread
        if not parent.is_visible:
            raise CommentRefused(
                _(
                    "Auf einen gelöschten oder ausgeblendeten Kommentar kann man nicht "
                    "antworten."
                )
            )
        if parent.is_closed:
            raise CommentRefused(_("Diese Diskussion ist geschlossen."))
        anchor, proposal = parent.anchor, parent.proposal
    elif anchor and anchor not in valid_anchors(role):
        raise CommentRefused(_("Diese Aufgabe oder Kompetenz gehört nicht zur Rolle."))
    if proposal is not None and proposal.role_id != role.pk:
        raise CommentRefused(_("Dieser Vorschlag gehört zu einer anderen Rolle."))
    _count_comment(user)
    with transaction.atomic():
        comment = Comment(
            role=role,
            author=user,
            body=body,
            parent=parent,
            anchor=anchor,
            proposal=proposal,
        )
        comment.save()
    from discussions.notices import comment_posted

    comment_posted(comment)
    return comment


def _own(comment: Comment, user: AbstractBaseUser) -> None:
    if comment.author_id != user.pk:
        raise CommentRefused(_("Nur eigene Kommentare lassen sich ändern."))
    if comment.is_deleted:
        raise CommentRefused(_("Dieser Kommentar ist gelöscht."))


def edit_comment(comment: Comment, *, user: AbstractBaseUser, body: str) -> Comment:
    _own(comment, user)
    comment.body = _check_body(body)
    comment.edited_at = timezone.now()
    comment.save()
    return comment


def delete_comment(comment: Comment, *, user: AbstractBaseUser) -> Comment:
    """Soft: the comment says it was deleted, the replies stay readable."""
    _own(comment, user)
    comment.is_deleted = True
    comment.save(update_fields=["is_deleted"])
    return comment


MODERATION = {"hide", "show", "close", "reopen"}


def moderate(comment: Comment, *, user: AbstractBaseUser, action: str) -> Comment:
    if not can_review(user):
        raise CommentRefused(_("Das dürfen nur Personen aus der Pflege."))
    if action not in MODERATION:
        raise CommentRefused(_("Unbekannte Aktion."))
    if action in ("close", "reopen") and comment.parent_id is not None:
        raise CommentRefused(
            _("Geschlossen wird eine ganze Diskussion, nicht eine Antwort.")
        )
    if action in ("hide", "show"):
        comment.is_hidden = action == "hide"
        comment.hidden_by = user if comment.is_hidden else None
        comment.save(update_fields=["is_hidden", "hidden_by"])
    else:
        comment.is_closed = action == "close"
        comment.save(update_fields=["is_closed"])
    return comment


def toggle_follow(*, user: AbstractBaseUser, role: Role) -> bool:
    """Follow the role, or stop following it; returns whether one follows now."""
    deleted, _rows = Follow.objects.filter(user=user, role=role).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(user=user, role=role)
    return True
