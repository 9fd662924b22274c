"""A role's writes: save (a compare-and-swap, one revision), create, and the dry
run that checks a proposal. Every other writer of roles comes through here.

Every write here:

- validates the models (``full_clean``, in ``roles.services.rows``), so no door
  can store what a form refuses;
- is a compare-and-swap on ``revision_number``: an edit based on an older number
  never overwrites a newer one (``EditConflict``);
- makes exactly one revision, or none when nothing changed;
- refreshes derived data: the stored HTML (in ``Role.save``), search documents,
  and the old-slug redirects of a renamed role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from roles.models import Role, RoleOldSlug
from roles.revisions.merge import three_way_merge
from roles.revisions.snapshots import Snapshot, snapshot_of
from roles.search.index import refresh_search_documents
from roles.services.rows import apply_snapshot

SAVED, MERGED, DUPLICATE, UNCHANGED, CONFLICT = (
    "saved",
    "merged",
    "duplicate",
    "unchanged",
    "conflict",
)


class EditConflict(Exception):
    """Someone saved the entry after the edit's base revision."""


@dataclass
class EditOutcome:
    status: str
    """``saved``, ``merged``, ``duplicate`` (already saved), ``unchanged`` or
    ``conflict``."""
    role: Role
    theirs: Snapshot | None = None
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        return self.status != CONFLICT


def save_role(
    *,
    role: Role,
    snapshot: Snapshot,
    base_number: int,
    user: AbstractBaseUser | None,
    comment: str,
) -> str:
    """Write the snapshot as one revision if ``base_number`` is still the latest.

    Returns ``saved``, or ``unchanged`` (and writes nothing) when the role already
    is in that state; raises ``EditConflict`` or ``ValidationError``.
    """
    if snapshot_of(role) == snapshot:
        return UNCHANGED
    current = Role.objects.filter(pk=role.pk).values("slug", "revision_number").get()
    if current["revision_number"] != base_number:
        # Stale for sure: say so without queueing for the write lock. The
        # compare-and-swap below stays the authority for the close calls.
        raise EditConflict
    with transaction.atomic(), reversion.create_revision():
        claimed = Role.objects.filter(pk=role.pk, revision_number=base_number).update(
            revision_number=F("revision_number") + 1
        )
        if not claimed:
            raise EditConflict
        role.revision_number = base_number + 1
        apply_snapshot(role, snapshot)
        _remember_renaming(role, current["slug"])
        refresh_search_documents([role.pk])
        record_revision(role, user, comment)
    return SAVED


class _DryRun(Exception):
    pass


def check_snapshot(role: Role, snapshot: Snapshot) -> None:
    """Raise ValidationError if writing ``snapshot`` would break a model rule;
    write nothing. A proposal is checked so that approving it later cannot fail
    on what the author could have fixed."""
    try:
        with transaction.atomic():
            apply_snapshot(Role.objects.get(pk=role.pk), snapshot)
            raise _DryRun
    except _DryRun:
        pass


def create_role(
    *, snapshot: Snapshot, user: AbstractBaseUser | None, comment: str
) -> Role:
    """A new role with its assignments, as its first revision."""
    with transaction.atomic(), reversion.create_revision():
        role = Role(revision_number=1)
        apply_snapshot(role, snapshot)
        RoleOldSlug.objects.filter(slug=role.slug).delete()
        refresh_search_documents([role.pk])
        record_revision(role, user, comment or _("Rolle angelegt"))
    return role


def _remember_renaming(role: Role, old_slug: str) -> None:
    """Old links keep working: the previous slug redirects to the role."""
    if old_slug == role.slug:
        return
    RoleOldSlug.objects.filter(slug=role.slug).delete()
    RoleOldSlug.objects.update_or_create(slug=old_slug, defaults={"role": role})


def submit_role_edit(
    *,
    role: Role,
    mine: Snapshot,
    base: Snapshot,
    base_number: int,
    user: AbstractBaseUser,
    comment: str,
) -> EditOutcome:
    """Save an edit; on a crossed edit merge, recognise a double submit, or report."""
    if mine == base:
        return EditOutcome(UNCHANGED, role)
    if snapshot_of(role) == mine:
        # Already in this state: a double click, or someone made the same change.
        stale = role.revision_number != base_number
        return EditOutcome(DUPLICATE if stale else UNCHANGED, role)
    try:
        status = save_role(
            role=role,
            snapshot=mine,
            base_number=base_number,
            user=user,
            comment=comment,
        )
        return EditOutcome(status, role)
    except EditConflict:
        pass
    role.refresh_from_db()
    theirs = snapshot_of(role)
    if theirs == mine:
        return EditOutcome(DUPLICATE, role)
    result = three_way_merge(base, theirs, mine)
    if result.is_clean:
        try:
            save_role(
                role=role,
                snapshot=result.merged,
                base_number=role.revision_number,
                user=user,
                comment=comment,
            )
            return EditOutcome(MERGED, role)
        except EditConflict:
            role.refresh_from_db()
            theirs = snapshot_of(role)
    return EditOutcome(CONFLICT, role, theirs, result.conflicts)


def record_revision(obj, user: AbstractBaseUser | None, comment: str) -> None:
    """Inside ``reversion.create_revision()``: the object, its author, why."""
    reversion.add_to_revision(obj)
    if user is not None:
        reversion.set_user(user)
    reversion.set_comment(comment[:500])
