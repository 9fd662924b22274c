"""Change proposals: submit, push, re-base, and decide (approve, ask for changes,
reject). The only writer of proposals; approving writes the role through
``roles.services.saving.save_role``, so a proposal becomes an ordinary revision.

Decisions are a compare-and-swap on (state, pushes) as the reviewer saw them: of
several maintainers who decide at the same moment — any mix of approve, ask for
changes and reject — one wins and the others are told it is decided; a decision
made on an older push or an older state of the proposal is refused.
"""

from __future__ import annotations

import copy

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roles.choices import Status
from roles.models import Role
from roles.models.proposals import (
    OPEN_STATES,
    ChangeProposal,
    ProposalState,
    ReviewEvent,
)
from roles.permissions import can_review
from roles.revisions.merge import three_way_merge
from roles.revisions.snapshots import Snapshot, snapshot_of
from roles.schema import ASSIGNMENT_SECTIONS
from roles.services.saving import EditConflict, save_role

APPROVE, ASK_FOR_CHANGES, REJECT = "approve", "changes", "reject"
DECISIONS = {
    APPROVE: (ProposalState.APPROVED, ReviewEvent.Kind.APPROVED),
    ASK_FOR_CHANGES: (
        ProposalState.CHANGES_REQUESTED,
        ReviewEvent.Kind.CHANGES_REQUESTED,
    ),
    REJECT: (ProposalState.REJECTED, ReviewEvent.Kind.REJECTED),
}


class ProposalRefused(Exception):
    """A step that cannot be taken; ``message`` says why, for the page."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def change_size(base: Snapshot, proposed: Snapshot) -> int:
    """How many fields and rows differ: the queue's measure of a proposal."""
    fields = sum(
        1
        for name, value in proposed["fields"].items()
        if base["fields"].get(name) != value
    )
    rows = 0
    for section in ASSIGNMENT_SECTIONS:
        old, new = base.get(section, {}), proposed.get(section, {})
        rows += sum(1 for key in {*old, *new} if old.get(key) != new.get(key))
    return fields + rows


def open_proposal_of(user: AbstractBaseUser, role: Role) -> ChangeProposal | None:
    return (
        ChangeProposal.objects.filter(role=role, author=user, state__in=OPEN_STATES)
        .order_by("-pk")
        .first()
    )


def _event(proposal, actor, kind: str, comment: str = "") -> ReviewEvent:
    event = ReviewEvent(proposal=proposal, actor=actor, kind=kind, comment=comment)
    event.full_clean(exclude=["proposal", "actor"])
    event.save()
    from roles.proposal_signals import proposal_step

    proposal_step.send(ChangeProposal, proposal=proposal, event=event)
    return event


def submit(
    *,
    role: Role,
    proposed: Snapshot,
    base: Snapshot,
    base_number: int,
    user: AbstractBaseUser,
    summary: str,
) -> ChangeProposal:
    """A new proposal, or a push to the person's open proposal for this role."""
    if not summary.strip():
        raise ProposalRefused(_("Bitte begründen Sie Ihren Vorschlag in einem Satz."))
    existing = open_proposal_of(user, role)
    if existing is not None:
        return push(
            existing,
            proposed=proposed,
            base=base,
            base_number=base_number,
            user=user,
            summary=summary,
        )
    with transaction.atomic():
        proposal = ChangeProposal(
            role=role,
            role_title=role.title,
            author=user,
            summary=summary,
            base_number=base_number,
            base=base,
            proposed=proposed,
            size=change_size(base, proposed),
        )
        proposal.full_clean(exclude=["role", "author", "decided_by"])
        proposal.save()
        _event(proposal, user, ReviewEvent.Kind.PROPOSED, summary)
    return proposal


def push(
    proposal: ChangeProposal,
    *,
    proposed: Snapshot,
    base: Snapshot,
    base_number: int,
    user: AbstractBaseUser,
    summary: str,
) -> ChangeProposal:
    """The author's new version of the proposal, on the base their form showed
    (a held proposal is reworked on the role's current revision): it goes back
    to waiting for a review, and a decision prepared on the old version no
    longer applies."""
    if proposal.author_id != user.pk:
        raise ProposalRefused(
            _("Nur wer den Vorschlag gemacht hat, kann ihn überarbeiten.")
        )
    with transaction.atomic():
        claimed = ChangeProposal.objects.filter(
            pk=proposal.pk, state__in=OPEN_STATES, pushes=proposal.pushes
        ).update(
            proposed=proposed,
            base=base,
            base_number=base_number,
            size=change_size(base, proposed),
            state=ProposalState.OPEN,
            pushes=proposal.pushes + 1,
            summary=summary,
            updated_at=timezone.now(),
        )
        if not claimed:
            raise _why_not(proposal.pk)
        proposal.refresh_from_db()
        _event(proposal, user, ReviewEvent.Kind.PUSHED, summary)
    return proposal


def rebase_if_stale(proposal: ChangeProposal) -> ChangeProposal:
    """A proposal whose base is no longer the role's current revision is lifted
    onto it by the three-way merge, or held for its author when the two cross."""
    role = proposal.role
    if (
        role is None
        or not proposal.is_open
        or role.revision_number == proposal.base_number
    ):
        return proposal
    current = snapshot_of(role)
    result = three_way_merge(proposal.base, current, proposal.proposed)
    with transaction.atomic():
        if result.is_clean:
            claimed = ChangeProposal.objects.filter(
                pk=proposal.pk,
                pushes=proposal.pushes,
                base_number=proposal.base_number,
                state__in=OPEN_STATES,
            ).update(
                base=current,
                base_number=role.revision_number,
                proposed=result.merged,
                size=change_size(current, result.merged),
            )
            if claimed:
                proposal.refresh_from_db()
                note = _("Auf Fassung %(number)s gehoben.")
                number = role.revision_number
                _event(
                    proposal, None, ReviewEvent.Kind.REBASED, note % {"number": number}
                )
        elif proposal.state != ProposalState.NEEDS_AUTHOR:
            claimed = ChangeProposal.objects.filter(
                pk=proposal.pk, pushes=proposal.pushes, state__in=OPEN_STATES
            ).update(state=ProposalState.NEEDS_AUTHOR)
            if claimed:
                proposal.refresh_from_db()
                crossed = ", ".join(sorted({key for _section, key in result.conflicts}))
                note = _("Kollidiert mit der neueren Fassung bei: %(keys)s.")
                _event(proposal, None, ReviewEvent.Kind.HELD, note % {"keys": crossed})
    return proposal


def decide(
    proposal: ChangeProposal,
    *,
    decision: str,
    user: AbstractBaseUser,
    comment: str,
    seen_pushes: int,
    seen_state: str = ProposalState.OPEN,
) -> ChangeProposal:
    """Approve, ask for changes or reject, once, on the state and push the
    reviewer saw. Raises ProposalRefused."""
    _may_decide(proposal, decision=decision, user=user, comment=comment)
    if decision == APPROVE:
        proposal = rebase_if_stale(proposal)
    state, kind = DECISIONS[decision]
    allowed = [ProposalState.OPEN] if decision != REJECT else list(OPEN_STATES)
    if seen_state not in allowed:
        raise _why_not(proposal.pk, seen_pushes, seen_state)
    try:
        with transaction.atomic():
            candidates = ChangeProposal.objects.filter(
                pk=proposal.pk, state=seen_state, pushes=seen_pushes
            )
            if decision == APPROVE:
                candidates = candidates.exclude(author=user)
            final = decision != ASK_FOR_CHANGES
            claimed = candidates.update(
                state=state,
                decided_by=user if final else None,
                decided_at=timezone.now() if final else None,
            )
            if not claimed:
                raise _why_not(proposal.pk, seen_pushes, seen_state)
            proposal.refresh_from_db()
            if decision == APPROVE:
                _apply(proposal, user)
            _event(proposal, user, kind, comment)
    except EditConflict:
        raise ProposalRefused(
            _(
                "Gerade hat jemand die Rolle gespeichert. Bitte prüfen Sie den "
                "Vorschlag noch einmal; nichts wurde angewendet."
            )
        ) from None
    return proposal


def _may_decide(
    proposal: ChangeProposal, *, decision: str, user: AbstractBaseUser, comment: str
) -> None:
    """Refuse what no state of the proposal allows: an unknown decision, someone
    outside Pflege, no reason for a refusal, approving one's own proposal."""
    if decision not in DECISIONS:
        raise ProposalRefused(_("Unbekannte Entscheidung."))
    if not can_review(user):
        raise ProposalRefused(_("Über Vorschläge entscheidet die Pflege."))
    if decision != APPROVE and not comment.strip():
        raise ProposalRefused(_("Bitte sagen Sie in einem Kommentar, warum."))
    if proposal.author_id == user.pk and decision == APPROVE:
        raise ProposalRefused(_("Den eigenen Vorschlag kann niemand selbst annehmen."))


def _apply(proposal: ChangeProposal, reviewer: AbstractBaseUser) -> None:
    """The proposal as the role's next revision, the role marked reviewed."""
    role = Role.objects.filter(pk=proposal.role_id).first()
    if role is None:
        raise ProposalRefused(
            _(
                "Die Rolle wurde inzwischen gelöscht; der Vorschlag "
                "lässt sich nicht mehr anwenden."
            )
        )
    if role.revision_number != proposal.base_number:
        raise ProposalRefused(
            _(
                "Die Rolle hat inzwischen eine neuere Fassung, die mit dem Vorschlag "
                "kollidiert. Er wartet jetzt auf seine Autorin oder seinen Autor."
            )
        )
    target = copy.deepcopy(proposal.proposed)
    target["fields"]["status"] = Status.REVIEWED
    comment = _("Vorschlag #%(number)s, angenommen von %(reviewer)s: %(summary)s") % {
        "number": proposal.pk,
        "reviewer": reviewer.get_username(),
        "summary": proposal.summary,
    }
    save_role(
        role=role,
        snapshot=target,
        base_number=role.revision_number,
        user=proposal.author,
        comment=comment,
    )


def _why_not(
    pk: int, seen_pushes: int | None = None, seen_state: str | None = None
) -> ProposalRefused:
    current = ChangeProposal.objects.filter(pk=pk).first()
    if current is None:
        return ProposalRefused(_("Diesen Vorschlag gibt es nicht mehr."))
    if not current.is_open:
        return ProposalRefused(
            _("Über diesen Vorschlag ist schon entschieden: %(state)s.")
            % {"state": current.get_state_display()}
        )
    if seen_state is not None and current.state != seen_state:
        return ProposalRefused(
            _(
                "Während Sie den Vorschlag geprüft haben, hat jemand anderes "
                "entschieden: %(state)s. Bitte sehen Sie ihn sich noch einmal an."
            )
            % {"state": current.get_state_display()}
        )
    if seen_pushes is not None and current.pushes != seen_pushes:
        return ProposalRefused(
            _(
                "Der Vorschlag wurde überarbeitet, während Sie ihn geprüft haben. "
                "Bitte sehen Sie sich die neue Fassung an."
            )
        )
    if current.state == ProposalState.NEEDS_AUTHOR:
        return ProposalRefused(
            _(
                "Der Vorschlag kollidiert mit einer neueren Fassung der Rolle und "
                "wartet auf seine Autorin oder seinen Autor."
            )
        )
    return ProposalRefused(
        _(
            "Der Vorschlag wartet auf eine Überarbeitung; annehmen lässt er sich "
            "erst danach."
        )
    )
