"""Writes to the wiki — the only code that writes roles, tasks and competencies.

Every door (wiki forms, management commands, later importers, the API and accepted
proposals) comes through here, and every write here:

- validates the models (``full_clean``), so no door can store what a form refuses;
- is a compare-and-swap on ``revision_number``: an edit based on an older number
  never overwrites a newer one (``EditConflict``);
- makes exactly one revision, or none when nothing changed;
- refreshes derived data: the stored HTML (in ``Role.save``), search documents, and
  the old-slug redirects of a renamed role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from roles.models import CatalogueEntry, Competency, Role, RoleOldSlug, Task
from roles.revisions.history import snapshot_at
from roles.revisions.merge import three_way_merge
from roles.revisions.snapshots import (
    Snapshot,
    apply_snapshot,
    parse_relation_key,
    snapshot_of,
)
from roles.search.index import refresh_search_documents

SAVED, MERGED, DUPLICATE, UNCHANGED, CONFLICT = (
    "saved", "merged", "duplicate", "unchanged", "conflict",
)  # fmt: skip


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
        _record(role, user, comment)
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
        _record(role, user, comment or _("Rolle angelegt"))
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
            role=role, snapshot=mine, base_number=base_number, user=user,
            comment=comment,
        )  # fmt: skip
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
                role=role, snapshot=result.merged, base_number=role.revision_number,
                user=user, comment=comment,
            )  # fmt: skip
            return EditOutcome(MERGED, role)
        except EditConflict:
            role.refresh_from_db()
            theirs = snapshot_of(role)
    return EditOutcome(CONFLICT, role, theirs, result.conflicts)


@dataclass(frozen=True)
class RevertPlan:
    """What reverting to a version would write, and what it cannot bring back."""

    snapshot: Snapshot
    dropped: list[str]


def plan_revert(role: Role, version: Version) -> RevertPlan:
    """The state a revert would restore, for the confirmation page and the write."""
    snapshot, dropped = _restorable(snapshot_at(version), snapshot_of(role))
    return RevertPlan(snapshot, dropped)


def revert_role(
    *, role: Role, version: Version, base_number: int, user: AbstractBaseUser
) -> tuple[str, list[str]]:
    """Restore an old revision as a new one, if ``base_number`` is still the latest.

    Returns the status (``saved`` or ``unchanged``) and what could not be restored;
    raises ``EditConflict`` when someone saved since the person saw the revert page.
    """
    plan = plan_revert(role, version)
    when = timezone.localtime(version.revision.date_created)
    comment = _("Zurückgesetzt auf die Fassung vom %(date)s") % {
        "date": formats.date_format(when, "DATETIME_FORMAT")
    }
    status = save_role(
        role=role, snapshot=plan.snapshot, base_number=base_number, user=user,
        comment=comment,
    )  # fmt: skip
    return status, plan.dropped


def _restorable(snapshot: Snapshot, current: Snapshot) -> tuple[Snapshot, list[str]]:
    """Drop assignments whose task, competency or role was deleted since; fields
    the old version did not know yet keep their current value."""
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
    fields = {
        name: current["fields"][name] if value is None and name in _NOT_NULL else value
        for name, value in snapshot["fields"].items()
    }
    kept = {
        "fields": fields,
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
    # The draft/reviewed status changes only through review, not by a revert.
    kept["fields"]["status"] = current["fields"]["status"]
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


_NOT_NULL = {f.name for f in Role._meta.concrete_fields if not f.null}


def _record(obj, user: AbstractBaseUser | None, comment: str) -> None:
    reversion.add_to_revision(obj)
    if user is not None:
        reversion.set_user(user)
    reversion.set_comment(comment[:500])


def save_catalogue_entry(
    *,
    entry: CatalogueEntry,
    base_number: int | None,
    user: AbstractBaseUser | None,
    comment: str,
) -> str:
    """Save a task or competency as one revision; refuse if someone saved meanwhile.

    Returns ``saved`` or ``unchanged`` (nothing written).
    """
    model = type(entry)
    entry.full_clean(exclude=["revision_number"])
    if entry.pk is not None and _entry_unchanged(entry):
        return UNCHANGED
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
    return SAVED


def _entry_unchanged(entry: CatalogueEntry) -> bool:
    names = [
        f.attname
        for f in type(entry)._meta.concrete_fields
        if f.editable and f.name != "id"
    ]
    stored = type(entry).objects.filter(pk=entry.pk).values(*names).first()
    return stored == {name: getattr(entry, name) for name in names}


def record_loaded_catalogue(*, comment: str, force: bool = False) -> int:
    """Give every loaded role, task and competency its revision.

    Fixtures are loaded raw (no ``save()``); this makes the shipped state the first
    revision of each entry, so the first edit can be diffed against and reverted.
    With ``force`` (a reload over edits) every entry gets a new revision.
    Returns how many revisions were made.
    """
    count = 0
    for model in (Task, Competency, Role):
        known = set(Version.objects.get_for_model(model).values_list("object_id"))
        for obj in model.objects.order_by("pk"):
            if not force and (str(obj.pk),) in known:
                continue
            with transaction.atomic(), reversion.create_revision():
                model.objects.filter(pk=obj.pk).update(
                    revision_number=F("revision_number") + 1
                )
                obj.refresh_from_db()
                obj.save()  # re-renders stored HTML from the Markdown
                _record(obj, None, comment)
            count += 1
    refresh_search_documents()
    return count
