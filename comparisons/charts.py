"""The competency profile: per competency, each role's level on the 1–4 scale.

Drawn as a table of level dots with the plain name of each level, grouped by kind,
so the picture is its own text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from comparisons.tables import ComparisonTable
from roles.choices import LEVEL_MEANINGS, ORIENTATION_MAX, Level, Position


@dataclass(frozen=True)
class LevelCell:
    level: int | None
    dots: str
    label: str


@dataclass(frozen=True)
class ProfileGroup:
    kind: str
    rows: list[tuple[str, list[LevelCell]]]


@dataclass(frozen=True)
class LevelLegend:
    level: int
    label: str
    meaning: str


def level_cell(level: int | None) -> LevelCell:
    if level is None:
        return LevelCell(None, "", "")
    return LevelCell(
        level, "●" * level + "○" * (Level.EXPERT - level), str(Level(level).label)
    )


def competency_profile(table: ComparisonTable) -> list[ProfileGroup]:
    groups: list[ProfileGroup] = []
    for row in table.competency_chart:
        if not groups or groups[-1].kind != row.kind:
            groups.append(ProfileGroup(row.kind, []))
        groups[-1].rows.append((row.label, [level_cell(v) for v in row.values]))
    return groups


def level_legend() -> list[LevelLegend]:
    return [
        LevelLegend(level.value, str(level.label), str(LEVEL_MEANINGS[level]))
        for level in Level
    ]


# --- where the roles stand: strategic ↔ operative, outside ↔ inside ---------------

MAP_WIDTH, MAP_HEIGHT = 640, 250
MAP_LEFT, MAP_RIGHT = 150, 620
LANE_Y = {Position.EXTERNAL: 60, Position.BOTH: 130, Position.INTERNAL: 200}
LABEL_STEP = 15


@dataclass(frozen=True)
class MapPoint:
    title: str
    x: int
    y: int
    label_y: int
    anchor: str


@dataclass(frozen=True)
class PositionMap:
    width: int
    height: int
    left: int
    right: int
    lanes: list[tuple[str, int]]
    points: list[MapPoint]


def position_map(table: ComparisonTable) -> PositionMap:
    """Each role as a point: x from its orientation, the lane from its position;
    labels of roles at the same spot are stacked so none hides another."""
    taken: dict[tuple[int, int], int] = {}
    points = []
    for placement in table.placements:
        x = MAP_LEFT + round(
            (MAP_RIGHT - MAP_LEFT) * placement.orientation / ORIENTATION_MAX
        )
        y = LANE_Y.get(Position(placement.position), LANE_Y[Position.BOTH])
        stacked = taken.get((x, y), 0)
        taken[(x, y)] = stacked + 1
        anchor = _label_anchor(x)
        label = placement.title
        if placement.size_words:
            label = f"{label} · {placement.size_words}"
        points.append(MapPoint(label, x, y, y - 8 - stacked * LABEL_STEP, anchor))
    lanes = [(str(label), LANE_Y[Position(code)]) for code, label in
             ((Position.EXTERNAL, _("von außen")), (Position.BOTH, _("beides")),
              (Position.INTERNAL, _("im Haus")))]  # fmt: skip
    return PositionMap(MAP_WIDTH, MAP_HEIGHT, MAP_LEFT, MAP_RIGHT, lanes, points)


def _label_anchor(x: int) -> str:
    """Labels grow away from the nearer edge, so none runs off the picture."""
    third = (MAP_RIGHT - MAP_LEFT) / 3
    if x < MAP_LEFT + third:
        return "start"
    return "end" if x > MAP_RIGHT - third else "middle"
