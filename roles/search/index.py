"""Keeping each role's stored search document current; written only by services."""

from __future__ import annotations

from roles.choices import Responsibility
from roles.models import Role, RoleCompetency, RoleTask
from roles.schema import FIELDS


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


def refresh_search_documents(role_ids: list[int] | None = None) -> int:
    """Recompute the stored documents (all roles, or the given ones)."""
    roles = Role.objects.prefetch_related(
        "task_assignments__task", "competency_assignments__competency"
    )
    if role_ids is not None:
        roles = roles.filter(pk__in=role_ids)
    changed = []
    for role in roles:
        document = build_document(
            role,
            list(role.task_assignments.all()),
            list(role.competency_assignments.all()),
        )
        if document != role.search_document:
            role.search_document = document
            changed.append(role)
    Role.objects.bulk_update(changed, ["search_document"])
    return len(changed)
