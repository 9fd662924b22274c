"""Geometry for the competency chart; the template only draws what is computed here."""

from __future__ import annotations

from dataclasses import dataclass

from comparisons.tables import ComparisonTable

BAR_HEIGHT = 16
GAP = 4
KIND_GAP = 14
LABEL_WIDTH = 230
BAR_WIDTH = 300
MAX_LEVEL = 4


@dataclass(frozen=True)
class Bar:
    role: str
    value: float | None
    y: int
    width: int


@dataclass(frozen=True)
class KindGroup:
    label: str
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bar_width: int
    groups: list[KindGroup]


def competency_chart_layout(table: ComparisonTable) -> Chart:
    y, groups = 0, []
    for row in table.competency_chart:
        label_y = y + 14
        y += 20
        bars = []
        for role, value in zip(table.roles, row.values, strict=True):
            width = round(BAR_WIDTH * (value or 0) / MAX_LEVEL)
            bars.append(Bar(role.title, value, y, width))
            y += BAR_HEIGHT + GAP
        groups.append(KindGroup(row.label, label_y, bars))
        y += KIND_GAP
    return Chart(LABEL_WIDTH + BAR_WIDTH + 60, y, LABEL_WIDTH, BAR_WIDTH, groups)
