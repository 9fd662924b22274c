"""Writes to the wiki: each is atomic, attributed, and one revision.

Saving is a compare-and-swap on ``Role.revision_number``: an edit based on an older
number never overwrites a newer one. A crossed edit is merged when the two changes do
not touch the same thing, and otherwise comes back as a conflict with nothing lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import formats
from django.utils.translation import gettext as _
from reversion.models import Version

from roles.models import CatalogueEntry, Competency, Role, Task
from roles.revisions.history import snapshot_at
from roles.revisions.merge import three_way_merge
from roles.revisions.snapshots import (
    Snapshot,
    apply_snapshot,
    parse_relation_key,
    snapshot_of,
)
from roles.search.index import refresh_search_documents


class EditConflict(Exception):
    """Someone saved the role after the edit's base revision."""


@dataclass
class EditOutcome:
    status: str
    """``saved``, ``merged``, ``duplicate`` (already saved) or ``conflict``."""
    role: Role
    theirs: Snapshot | None = None
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        return self.status != "conflict"


def save_role(
    *,
    role: Role,
    snapshot: Snapshot,
    base_number: int,
    user: AbstractBaseUser,
    comment: str,
) -> Role:
    """Write the snapshot as one revision, if ``base_number`` is still the latest."""
    with transaction.atomic(), reversion.create_revision():
        claimed = Role.objects.filter(pk=role.pk, revision_number=base_number).update(
            revision_number=F("revision_number") + 1
        )
        if not claimed:
            raise EditConflict
        role.revision_number = base_number + 1
        apply_snapshot(role, snapshot)
        refresh_search_documents([role.pk])
        _record(role, user, comment)
    return role


def create_role(*, snapshot: Snapshot, user: AbstractBaseUser, comment: str) -> Role:
    with transaction.atomic(), reversion.create_revision():
        role = Role(revision_number=1)
        apply_snapshot(role, snapshot)
        refresh_search_documents([role.pk])
        _record(role, user, comment or _("Rolle angelegt"))
    return role


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
    try:
        save_role(
            role=role,
            snapshot=mine,
            base_number=base_number,
            user=user,
            comment=comment,
        )
        return EditOutcome("saved", role)
    except EditConflict:
        pass
    role.refresh_from_db()
    theirs = snapshot_of(role)
    if theirs == mine:
        return EditOutcome("duplicate", role)
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
            return EditOutcome("merged", role)
        except EditConflict:
            role.refresh_from_db()
            theirs = snapshot_of(role)
    return EditOutcome("conflict", role, theirs, result.conflicts)


def revert_role(
    *, role: Role, version: Version, base_number: int, user: AbstractBaseUser
) -> list[str]:
    """Restore an old revision as a new one, if ``base_number`` is still the latest.

    Returns what could not be restored; raises ``EditConflict`` when someone saved
    since the person looked at the revert page.
    """
    snapshot, dropped = _restorable(snapshot_at(version))
    when = formats.date_format(version.revision.date_created, "DATETIME_FORMAT")
    comment = _("Zurückgesetzt auf die Fassung vom %(date)s") % {"date": when}
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=base_number,
        user=user,
        comment=comment,
    )
    return dropped


def _restorable(snapshot: Snapshot) -> tuple[Snapshot, list[str]]:
    """Drop assignments whose task, competency or role was deleted since."""
    tasks = set(
        Task.objects.filter(pk__in=snapshot["tasks"]).values_list("pk", flat=True)
    )
    competencies = set(
        Competency.objects.filter(pk__in=snapshot["competencies"]).values_list(
            "pk", flat=True
        )
    )
    targets = {parse_relation_key(key)[0] for key in snapshot["relations"]}
    roles = set(Role.objects.filter(pk__in=targets).values_list("pk", flat=True))
    kept = {
        "fields": dict(snapshot["fields"]),
        "tasks": {k: v for k, v in snapshot["tasks"].items() if int(k) in tasks},
        "competencies": {
            k: v for k, v in snapshot["competencies"].items() if int(k) in competencies
        },
        "relations": {
            k: v
            for k, v in snapshot["relations"].items()
            if parse_relation_key(k)[0] in roles
        },
    }
    parent = kept["fields"]["parent"]
    if parent is not None and not Role.objects.filter(pk=parent).exists():
        kept["fields"]["parent"] = None
    dropped = [
        _("%(count)s Zuordnung(en) in „%(section)s“ verweisen auf Gelöschtes")
        % {"count": len(snapshot[s]) - len(kept[s]), "section": s}
        for s in ("tasks", "competencies", "relations")
        if len(snapshot[s]) != len(kept[s])
    ]
    return kept, dropped


def _record(obj, user: AbstractBaseUser, comment: str) -> None:
    reversion.add_to_revision(obj)
    reversion.set_user(user)
    reversion.set_comment(comment[:500])


def save_catalogue_entry(
    *,
    entry: CatalogueEntry,
    base_number: int | None,
    user: AbstractBaseUser,
    comment: str,
) -> CatalogueEntry:
    """Save a task or competency as one revision; refuse if someone saved meanwhile."""
    model = type(entry)
    with transaction.atomic(), reversion.create_revision():
        if entry.pk is None:
            entry.revision_number = 1
        else:
            claimed = model.objects.filter(
                pk=entry.pk, revision_number=base_number
            ).update(revision_number=F("revision_number") + 1)
            if not claimed:
                raise EditConflict
            entry.revision_number = (base_number or 0) + 1
        entry.save()
        _record(entry, user, comment)
    # Roles quote task and competency names in their search documents.
    using = entry.role_assignments.values_list("role_id", flat=True)
    refresh_search_documents(list(using))
    return entry
