"""Save what a person submitted on a role's edit page: the one decision.

A save becomes a proposal when the role is reviewed or protected and the person
is no reviewer, when they already have an open proposal on it, or when they send
a draft's edit to review. Otherwise it is saved as the role's next revision,
merged with an edit that crossed it where the two do not touch, or reported as a
conflict. What a model rule or the proposal rules refuse comes back as
``refused`` with the reason, ready for the form: the view only renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _

from roles import permissions
from roles.models import Role
from roles.models.proposals import ChangeProposal
from roles.revisions.snapshots import Snapshot
from roles.services.proposals import ProposalRefused, open_proposal_of, submit
from roles.services.saving import check_snapshot, create_role, submit_role_edit


class Outcome(StrEnum):
    SAVED = "saved"
    MERGED = "merged"
    """Saved together with an edit that crossed it and touched other things."""
    DUPLICATE = "duplicate"
    """The role already was in this state: a double click, or the same change."""
    UNCHANGED = "unchanged"
    PROPOSED = "proposed"
    CONFLICT = "conflict"
    REFUSED = "refused"


WRITTEN_OR_NOTHING_TO_DO = {
    Outcome.SAVED,
    Outcome.MERGED,
    Outcome.DUPLICATE,
    Outcome.UNCHANGED,
}


@dataclass(frozen=True)
class Submitted:
    """What the edit form sent: the new state, the state it was based on."""

    snapshot: Snapshot
    base: Snapshot
    base_number: int
    comment: str
    for_review: bool = False


@dataclass(frozen=True)
class EditMode:
    """How this person's save on this role goes, for the form and the decision."""

    proposing: bool
    own_proposal: ChangeProposal | None
    allowed: bool


@dataclass(frozen=True)
class SubmitResult:
    outcome: Outcome
    role: Role | None
    """None only when a new role was refused."""
    proposal: ChangeProposal | None = None
    theirs: Snapshot | None = None
    """The newer revision a conflicting edit crossed."""
    conflicts: tuple[tuple[str, str], ...] = ()
    """(section, key) that both edits changed differently."""
    refusal: ValidationError | None = None
    """Why nothing was written, by form field where there is one."""

    @property
    def is_settled(self) -> bool:
        """Written, or nothing needed writing: the person is done."""
        return self.outcome in WRITTEN_OR_NOTHING_TO_DO


def edit_mode(user: AbstractBaseUser, role: Role) -> EditMode:
    """Whoever has an open proposal on the role goes on with it (a draft sent to
    review, too); otherwise only reviewed or protected roles take proposals."""
    own = open_proposal_of(user, role) if user.is_authenticated else None
    proposing = own is not None or permissions.needs_review(user, role)
    allowed = (
        permissions.can_propose(user, role)
        if proposing
        else permissions.can_edit_role(user, role)
    )
    return EditMode(proposing, own, allowed)


def save_submission(
    *, role: Role, user: AbstractBaseUser, submitted: Submitted
) -> SubmitResult:
    """Save, merge, propose, or say why not. Raises only PermissionDenied."""
    mode = edit_mode(user, role)
    if not mode.allowed:
        raise PermissionDenied
    try:
        if mode.proposing or submitted.for_review:
            return _propose(role, user, submitted, mode.own_proposal)
        return _save(role, user, submitted)
    except (ValidationError, IntegrityError, ProposalRefused) as error:
        return _refused(role, error)


def save_new_role(
    *, user: AbstractBaseUser, snapshot: Snapshot, comment: str
) -> SubmitResult:
    """A new role from the create form: saved, or refused with the reason."""
    if not user.has_perm("roles.add_role"):
        raise PermissionDenied
    try:
        role = create_role(snapshot=snapshot, user=user, comment=comment)
    except (ValidationError, IntegrityError) as error:
        return _refused(None, error)
    return SubmitResult(Outcome.SAVED, role)


def _save(role: Role, user: AbstractBaseUser, submitted: Submitted) -> SubmitResult:
    edit = submit_role_edit(
        role=role,
        mine=submitted.snapshot,
        base=submitted.base,
        base_number=submitted.base_number,
        user=user,
        comment=submitted.comment,
    )
    return SubmitResult(
        Outcome(edit.status),
        edit.role,
        theirs=edit.theirs,
        conflicts=tuple(edit.conflicts),
    )


def _propose(
    role: Role,
    user: AbstractBaseUser,
    submitted: Submitted,
    own: ChangeProposal | None,
) -> SubmitResult:
    """A proposal, checked like a save so that approving it cannot fail later on
    what its author could have fixed."""
    untouched = submitted.snapshot == submitted.base
    if untouched and own is None and not submitted.for_review:
        return SubmitResult(Outcome.UNCHANGED, role)
    check_snapshot(role, submitted.snapshot)
    proposal = submit(
        role=role,
        proposed=submitted.snapshot,
        base=submitted.base,
        base_number=submitted.base_number,
        user=user,
        summary=submitted.comment,
    )
    return SubmitResult(Outcome.PROPOSED, role, proposal=proposal)


def _refused(role: Role | None, error: Exception) -> SubmitResult:
    """A rule refused the write (often a race the form could not see): why, by
    form field where there is one."""
    if isinstance(error, ProposalRefused):
        reason = _on("edit_summary", error.message)
    elif isinstance(error, IntegrityError):
        reason = _on("slug", _("Dieser Kurzname ist schon vergeben."))
    else:
        reason = error
    return SubmitResult(Outcome.REFUSED, role, refusal=reason)


def _on(field: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message)})
