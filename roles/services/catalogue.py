"""Writes to the task and competency catalogue, and the shipped catalogue's first
revisions."""

from __future__ import annotations

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from reversion.models import Version

from roles.models import CatalogueEntry, Competency, Role, Task
from roles.search.index import refresh_search_documents
from roles.services.saving import SAVED, UNCHANGED, EditConflict, record_revision


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
        record_revision(entry, user, comment)
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
                record_revision(obj, None, comment)
            count += 1
    refresh_search_documents()
    return count
