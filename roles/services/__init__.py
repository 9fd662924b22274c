"""The only code that writes the wiki. Where each write is:

- ``submissions``: "save what this person submitted" on a role's edit page — the
  one decision between saved, merged, proposed, conflict and refused;
- ``saving``: a role's save (a compare-and-swap, one revision), its creation, and
  the dry run that checks a proposal;
- ``rows``: the low-level write of a snapshot onto the role and its assignment
  rows, used only by ``saving``;
- ``reverting``: an old revision restored as a new one;
- ``proposals``: change proposals — submit, push, re-base, decide (approving
  saves through ``saving``);
- ``catalogue``: tasks and competencies, and the shipped catalogue's first
  revisions.

The names below are the ones other code uses; import them from here.
"""

from roles.services.catalogue import record_loaded_catalogue, save_catalogue_entry
from roles.services.reverting import RevertPlan, plan_revert, revert_role
from roles.services.saving import (
    CONFLICT,
    DUPLICATE,
    MERGED,
    SAVED,
    UNCHANGED,
    EditConflict,
    EditOutcome,
    check_snapshot,
    create_role,
    save_role,
    submit_role_edit,
)

__all__ = [
    "CONFLICT",
    "DUPLICATE",
    "MERGED",
    "SAVED",
    "UNCHANGED",
    "EditConflict",
    "EditOutcome",
    "RevertPlan",
    "check_snapshot",
    "create_role",
    "plan_revert",
    "record_loaded_catalogue",
    "revert_role",
    "save_catalogue_entry",
    "save_role",
    "submit_role_edit",
]
