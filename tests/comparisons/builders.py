"""Role data for pure engine tests: no database needed."""

from __future__ import annotations

from roles.readmodels import CompetencyEntry, Fact, RelationEntry, RoleData, TaskEntry

LABELS = {
    "owns": "verantwortet",
    "carries-out": "führt aus",
    "contributes": "wirkt mit",
    "excluded": "nicht Teil dieser Rolle",
}


def task(
    slug: str, responsibility: str, note: str = "", area: str = "content"
) -> TaskEntry:
    return TaskEntry(
        slug=slug,
        name=f"Fach-{slug}",
        plain_name=f"Alltag-{slug}",
        area=area,
        area_label=area,
        responsibility=responsibility,
        responsibility_label=LABELS[responsibility],
        note=note,
    )


def competency(
    slug: str, level: int, essential: bool = True, note: str = ""
) -> CompetencyEntry:
    return CompetencyEntry(
        slug=slug,
        name=f"Fach-{slug}",
        plain_name=f"Alltag-{slug}",
        kind="social",
        kind_label="Sozialkompetenz",
        level=level,
        level_label=f"Stufe {level}",
        is_essential=essential,
        note=note,
    )


def role(
    slug: str, *, orientation: int = 5, tasks=(), competencies=(), relations=()
) -> RoleData:
    fact = Fact("position", "Wo?", "Position", "intern", "intern", "internal")
    return RoleData(
        slug=slug,
        title=slug.title(),
        url=f"/roles/{slug}/",
        summary=f"Über {slug}.",
        orientation=orientation,
        orientation_label="ausgewogen",
        position="internal",
        position_label="intern",
        facts=(fact,),
        tasks=tuple(tasks),
        competencies=tuple(competencies),
        relations=tuple(relations),
    )


def relation(
    to_slug: str, kind: str = "supports", description: str = ""
) -> RelationEntry:
    return RelationEntry(to_slug, kind, kind, description)
