"""Notices of what matters: new proposals and review decisions on followed roles
(and on one's own proposals), replies to one's comments and comments on followed
roles. On the person's page, and by mail to the account's address."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from discussions.models import Comment, Follow, Notice

logger = logging.getLogger("berufsbild.notices")


def connect() -> None:
    from roles.proposal_signals import proposal_step

    proposal_step.connect(_proposal_step, dispatch_uid="discussions-proposal-notices")


def _notify(users, kind: str, text: str, url: str, *, actor=None) -> None:
    recipients = {user.pk: user for user in users if user is not None}
    if actor is not None:
        recipients.pop(actor.pk, None)  # nobody is told of their own step
    Notice.objects.bulk_create(
        [
            Notice(user=user, kind=kind, text=text[:300], url=url)
            for user in recipients.values()
        ]
    )
    if settings.NOTICE_MAIL:
        for user in recipients.values():
            if user.email:
                _mail(user.email, text, url)


def _mail(address: str, text: str, url: str) -> None:
    body = f"{text}\n\n{settings.SITE_URL}{url}\n"
    try:
        send_mail(
            _("Berufsbild: %(text)s") % {"text": text[:80]}, body, None, [address]
        )
    except Exception:  # a mail server that is down must not undo the step
        logger.exception("notice mail to %s failed", address)


def _followers(role_id):
    return [
        f.user for f in Follow.objects.filter(role_id=role_id).select_related("user")
    ]


def _proposal_step(sender, proposal, event, **kwargs) -> None:
    from roles.models.proposals import ReviewEvent

    url = proposal.get_absolute_url()
    if event.kind == ReviewEvent.Kind.PROPOSED:
        text = _("Neuer Vorschlag zu „%(role)s“: %(summary)s") % {
            "role": proposal.role_title,
            "summary": proposal.summary,
        }
        _notify(
            _followers(proposal.role_id),
            Notice.Kind.PROPOSAL,
            text,
            url,
            actor=event.actor,
        )
    elif event.kind in (
        ReviewEvent.Kind.APPROVED,
        ReviewEvent.Kind.REJECTED,
        ReviewEvent.Kind.CHANGES_REQUESTED,
        ReviewEvent.Kind.HELD,
    ):
        text = _("Vorschlag #%(number)s zu „%(role)s“: %(step)s") % {
            "number": proposal.pk,
            "role": proposal.role_title,
            "step": event.get_kind_display(),
        }
        users = [*_followers(proposal.role_id), proposal.author]
        _notify(users, Notice.Kind.DECISION, text, url, actor=event.actor)


def comment_posted(comment: Comment) -> None:
    url = comment.get_absolute_url()
    role = comment.role.title
    name = comment.author.get_username() if comment.author else "—"
    if comment.parent_id:
        text = _("%(name)s hat in der Diskussion zu „%(role)s“ geantwortet.") % {
            "name": name,
            "role": role,
        }
        thread = [
            comment.parent.author,
            *(
                reply.author
                for reply in comment.parent.replies.select_related("author")
            ),
        ]
        _notify(
            [*thread, *_followers(comment.role_id)],
            Notice.Kind.REPLY,
            text,
            url,
            actor=comment.author,
        )
    else:
        text = _("%(name)s hat „%(role)s“ kommentiert.") % {"name": name, "role": role}
        _notify(
            _followers(comment.role_id),
            Notice.Kind.COMMENT,
            text,
            url,
            actor=comment.author,
        )
