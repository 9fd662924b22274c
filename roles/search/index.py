"""Keeping each role's search document, index entry and words current.

Written only by the services (and the migration that builds the index); a query
reads the index and never recomputes any of this.
"""

from __future__ import annotations

from collections.abc import Iterable

from roles.choices import Responsibility
from roles.models import Role, RoleCompetency, RoleTask, SearchTerm, split_lines
from roles.schema import FIELDS
from roles.search.backends import IndexEntry, backend
from roles.search.text import vocabulary_words

BATCH = 500


def build_document(
    role: Role, tasks: list[RoleTask], competencies: list[RoleCompetency]
) -> str:
    """The searchable fields of the declaration, then what the role does and knows."""
    parts = [getattr(role, spec.name) for spec in FIELDS if spec.searchable]
    for assignment in tasks:
        if assignment.responsibility != Responsibility.EXCLUDED:
            parts += [assignment.task.name, assignment.task.plain_name, assignment.note]
    for assignment in competencies:
        parts += [assignment.competency.name, assignment.competency.plain_name]
    return "\n".join(part for part in parts if part)


def names_of(title: str, aliases: str) -> str:
    return "\n".join([title, *split_lines(aliases)])


def refresh_search_documents(role_ids: list[int] | None = None) -> int:
    """Recompute the stored documents (all roles, or the given ones) and write them,
    with the roles' names, to the index and the vocabulary; returns how many
    documents changed."""
    roles = Role.objects.prefetch_related(
        "task_assignments__task", "competency_assignments__competency"
    ).order_by("pk")
    if role_ids is not None:
        roles = roles.filter(pk__in=role_ids)
    else:
        backend().clear()  # all roles are written again, and nothing else
    changed, entries = [], []
    for role in roles.iterator(chunk_size=BATCH):
        document = build_document(
            role,
            list(role.task_assignments.all()),
            list(role.competency_assignments.all()),
        )
        if document != role.search_document:
            role.search_document = document
            changed.append(role)
        entries.append(
            _entry(role.pk, role.title, role.aliases, document, role.is_illustrative)
        )
        if len(entries) >= BATCH:
            _write(entries)
            entries = []
    _write(entries)
    Role.objects.bulk_update(changed, ["search_document"], batch_size=BATCH)
    return len(changed)


def _entry(pk, title, aliases, document, is_illustrative) -> IndexEntry:
    return IndexEntry(pk, names_of(title, aliases), document, title, is_illustrative)


def _write(entries: list[IndexEntry], term_model=SearchTerm) -> None:
    """``term_model`` is the migration's historical model when it builds the index."""
    if not entries:
        return
    backend().write(entries)
    add_words((f"{entry.names}\n{entry.document}" for entry in entries), term_model)


def add_words(texts: Iterable[str], term_model=SearchTerm) -> None:
    """Add the texts' words to the vocabulary. Words no role uses any more stay:
    they only ever correct a typo to a word that then finds nothing."""
    words = set()
    for text in texts:
        words.update(vocabulary_words(text))
    term_model.objects.bulk_create(
        [term_model(word=word) for word in sorted(words)],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


def index_stored_documents(role_model, term_model) -> None:
    """Index what the roles already store (no recomputing); for the migration,
    which must not use today's models."""
    rows = role_model.objects.order_by("pk").values_list(
        "pk", "title", "aliases", "search_document", "is_illustrative"
    )
    entries = []
    for row in rows.iterator(chunk_size=BATCH):
        entries.append(_entry(*row))
        if len(entries) >= BATCH:
            _write(entries, term_model)
            entries = []
    _write(entries, term_model)


def rebuild_index() -> int:
    """The whole index from the roles (after a restore or an import by SQL)."""
    return refresh_search_documents()
