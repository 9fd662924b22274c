"""Load everything a comparison needs in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from roles.models import Role, RoleCompetency, RoleTask
from roles.readmodels import CompetencyEntry, Fact, RelationEntry, RoleData, TaskEntry
from roles.selectors import role_choices  # noqa: F401 - the picker reads it here


def load_role_data(slugs: Sequence[str]) -> list[RoleData]:
    """Role data in the requested order; unknown slugs are simply absent."""
    roles = Role.objects.filter(slug__in=list(slugs)).prefetch_related(
        Prefetch("task_assignments", queryset=RoleTask.objects.select_related("task")),
        Prefetch(
            "competency_assignments",
            queryset=RoleCompetency.objects.select_related("competency"),
        ),
        "relations_out",
    )
    by_slug = {role.slug: role for role in roles}
    slug_by_id = {role.pk: role.slug for role in roles}
    return [_role_data(by_slug[slug], slug_by_id) for slug in slugs if slug in by_slug]


def _role_data(role: Role, slug_by_id: dict[int, str]) -> RoleData:
    return RoleData(
        slug=role.slug,
        title=role.title,
        url=role.get_absolute_url(),
        summary=role.summary,
        orientation=role.orientation,
        orientation_label=role.orientation_label,
        position=role.position,
        position_label=role.get_position_display(),
        facts=_facts(role),
        tasks=tuple(_task_entry(a) for a in role.task_assignments.all()),
        competencies=tuple(
            _competency_entry(a) for a in role.competency_assignments.all()
        ),
        relations=tuple(
            RelationEntry(
                slug_by_id[r.to_role_id], r.kind, r.get_kind_display(), r.description
            )
            for r in role.relations_out.all()
            if r.to_role_id in slug_by_id
        ),
    )


def _facts(role: Role) -> tuple[Fact, ...]:
    """'At a glance' rows: (key, plain label, expert label, plain, expert, code)."""
    sizes = ", ".join(role.company_size_labels)
    position = role.get_position_display()
    seniority = role.get_seniority_display()
    rows = [
        ("summary", _("Kurz gesagt"), _("Kurzbeschreibung"),
         role.summary, role.summary, role.slug),
        ("orientation", _("Eher planen oder eher umsetzen?"),
         _("Ausrichtung (strategisch ↔ operativ)"), role.orientation_label,
         f"{role.orientation}/10 – {role.orientation_label}", str(role.orientation)),
        ("position", _("Im Haus oder von außen?"), _("Position"),
         position, position, role.position),
        ("seniority", _("Erfahrungsstufe"), _("Seniorität"),
         seniority, seniority, role.seniority),
        ("placement", _("Wo im Unternehmen?"), _("Einordnung"),
         role.placement, role.placement, role.placement),
        ("company_sizes", _("Für welche Unternehmensgröße?"), _("Unternehmensgrößen"),
         sizes, sizes, sizes),
        ("industries", _("Branchen"), _("Branchen"),
         role.industries, role.industries, role.industries),
        ("salary", _("Gehalt"), _("Gehaltsspanne"),
         role.salary_label, _salary_expert(role), role.salary_label),
        ("backgrounds", _("Typische Werdegänge"), _("Qualifikationshintergrund"),
         role.backgrounds, role.backgrounds, role.backgrounds),
        ("certificates", _("Zertifikate"), _("Zertifikate und Weiterbildung"),
         role.certificates, role.certificates, role.certificates),
    ]  # fmt: skip
    return tuple(Fact(*row) for row in rows)


def _salary_expert(role: Role) -> str:
    if not role.salary_label:
        return ""
    source = (
        _(" (Quelle: %(source)s)") % {"source": role.salary_source}
        if role.salary_source
        else ""
    )
    return f"{role.salary_label}{source}"


def _task_entry(assignment: RoleTask) -> TaskEntry:
    task = assignment.task
    return TaskEntry(
        slug=task.slug,
        name=task.name,
        plain_name=task.plain_name,
        area=task.area,
        area_label=task.get_area_display(),
        responsibility=assignment.responsibility,
        responsibility_label=assignment.get_responsibility_display(),
        note=assignment.note,
    )


def _competency_entry(assignment: RoleCompetency) -> CompetencyEntry:
    competency = assignment.competency
    return CompetencyEntry(
        slug=competency.slug,
        name=competency.name,
        plain_name=competency.plain_name,
        kind=competency.kind,
        kind_label=competency.get_kind_display(),
        level=assignment.level,
        level_label=assignment.get_level_display(),
        is_essential=assignment.is_essential,
        note=assignment.note,
    )


def published_curated() -> list:
    """Curated comparisons for the start page, with their roles, in two queries."""
    from comparisons.models import CuratedComparison

    return list(
        CuratedComparison.objects.filter(is_published=True).prefetch_related(
            "entries__role"
        )
    )
