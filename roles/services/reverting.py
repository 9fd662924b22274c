"""Reverting a role to an old revision: what it would restore, and the write."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from roles.models import Competency, Role, Task
from roles.revisions.history import snapshot_at
from roles.revisions.snapshots import Snapshot, parse_relation_key, snapshot_of
from roles.services.saving import save_role


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
        role=role,
        snapshot=plan.snapshot,
        base_number=base_number,
        user=user,
        comment=comment,
    )
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
