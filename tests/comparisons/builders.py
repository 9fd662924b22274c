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


def hand_built_table(
    titles: tuple[str, ...] = ("Social Media Manager", "Social Media Berater"),
    *,
    cells: tuple[tuple[str, str], ...] = (("verantwortet", "wirkt mit"),),
    label: str = "Beiträge veröffentlichen",
    summary: tuple[str, ...] = (
        "Beide Rollen arbeiten mit sozialen Medien.",
        "Nur die erste Rolle veröffentlicht Beiträge.",
        "Die zweite Rolle berät von außen.",
    ),
    only_differences: bool = True,
):
    """A ComparisonTable made by hand, for exporter tests without a database."""
    from comparisons.tables import (
        Audience,
        Cell,
        ComparisonTable,
        Difference,
        RoleHeader,
        Row,
        Section,
        SummaryPoint,
    )

    slugs = tuple(title.lower().replace(" ", "-") for title in titles)
    glance = Row(
        "fact-position",
        "Im Haus oder von außen?",
        tuple(Cell("intern") for _ in titles),
        Difference.SAME,
    )
    rows = tuple(
        Row(
            f"task-{n}",
            label if n == 0 else f"{label} {n}",
            tuple(
                Cell(text, note="mit Plan" if i == 0 else "")
                for i, text in enumerate(row_cells)
            ),
            Difference.RESPONSIBILITY,
        )
        for n, row_cells in enumerate(cells)
    )
    return ComparisonTable(
        roles=tuple(
            RoleHeader(slug, title, f"/roles/{slug}/")
            for slug, title in zip(slugs, titles, strict=True)
        ),
        audience=Audience.PLAIN,
        only_differences=only_differences,
        sections=(
            Section("glance", "Auf einen Blick", (glance,)),
            Section("tasks-content", "Aufgaben: Umsetzung und Inhalte", rows),
        ),
        summary=tuple(SummaryPoint("shared", text) for text in summary),
    )
