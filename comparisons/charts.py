"""The competency profile: per competency, each role's level on the 1–4 scale.

Drawn as a table of level dots with the plain name of each level, grouped by kind,
so the picture is its own text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons.tables import ComparisonTable, Placement
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
# Lanes top to bottom (outside, both, in-house); inside a lane every role has a row
# of its own, so no label can meet another, however close the roles stand. Each
# marker carries the role's number: its column in the table and its line in the
# legend. Drawn twice: wide with the titles beside the markers (page, PDF), and
# compact with numbers only for phones, where the legend below names the roles.
# Sizes are SVG user units (each picture scales as a whole).

ROW_STEP, LANE_PADDING, AXIS_SPACE = 28, 8, 30
MARKER_RADIUS, LABEL_GAP, LABEL_SIZE = 10, 6, 13
LANES = (Position.EXTERNAL, Position.BOTH, Position.INTERNAL)
LANE_NAMES = {
    Position.EXTERNAL: gettext_lazy("von außen"),
    Position.BOTH: gettext_lazy("beides"),
    Position.INTERNAL: gettext_lazy("im Haus"),
}


@dataclass(frozen=True)
class MapLayout:
    width: int
    left: int
    right: int
    lane_label_right: int
    """Where the lane names end, beside the first row (0: they stand above it)."""
    lane_head: int
    """Room above a lane's first row for its name (compact layout)."""
    labels: bool


WIDE = MapLayout(640, 150, 610, 118, 0, labels=True)
COMPACT = MapLayout(330, 24, 306, 0, 18, labels=False)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: a label's or a marker's extent."""

    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )


@dataclass(frozen=True)
class MapPoint:
    number: int
    title: str
    label: str
    """The title as drawn: shortened with "…" only if it cannot fit its row; "" in
    the compact picture."""
    x: int
    y: int
    label_x: int
    anchor: str

    @property
    def label_box(self) -> Box | None:
        if not self.label:
            return None
        width = label_width(self.label)
        left = self.label_x if self.anchor == "start" else self.label_x - width
        return Box(
            left, self.y - LABEL_SIZE * 0.6, left + width, self.y + LABEL_SIZE * 0.5
        )

    @property
    def marker_box(self) -> Box:
        r = MARKER_RADIUS
        return Box(self.x - r, self.y - r, self.x + r, self.y + r)


@dataclass(frozen=True)
class Lane:
    label: str
    top: int
    height: int
    label_y: int


@dataclass(frozen=True)
class MapPicture:
    width: int
    height: int
    left: int
    right: int
    axis_y: int
    lanes: list[Lane]
    points: list[MapPoint]

    @property
    def boxes(self) -> list[Box]:
        """Everything drawn that must not overlap: markers, labels, lane names."""
        lanes = [
            Box(0, lane.label_y - 11, label_width(lane.label, 12), lane.label_y + 4)
            for lane in self.lanes
        ]
        drawn = [b for p in self.points for b in (p.marker_box, p.label_box) if b]
        return lanes + drawn


@dataclass(frozen=True)
class LegendItem:
    number: int
    title: str
    sizes: str
    where: str
    """Orientation and position in words: "eher operativ (7/10), intern"."""


@dataclass(frozen=True)
class PositionMap:
    wide: MapPicture
    compact: MapPicture
    legend: list[LegendItem]

    @property
    def alt_text(self) -> str:
        """The picture in words, for the PDF's figure and the SVG's title."""
        places = "; ".join(f"{i.number} {i.title}: {i.where}" for i in self.legend)
        return _("Wo die Rollen stehen: %(places)s.") % {"places": places}


def label_width(text: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of the drawn width (DejaVu Sans is among the widest)."""
    narrow, wide = set("fijlrtI.,:;'!|()- "), set("mwMW")
    return size * sum(
        0.35 if ch in narrow else 0.9 if ch in wide or ch.isupper() else 0.62
        for ch in text
    )


def position_map(table: ComparisonTable) -> PositionMap:
    """Both pictures of where the roles stand, and the legend they share."""
    legend = [
        LegendItem(
            number,
            place.title,
            place.size_words,
            f"{place.orientation_label} ({place.orientation}/10), "
            f"{place.position_label}",
        )
        for number, place in enumerate(table.placements, start=1)
    ]
    return PositionMap(_picture(table, WIDE), _picture(table, COMPACT), legend)


def _picture(table: ComparisonTable, layout: MapLayout) -> MapPicture:
    """Each role as a numbered marker in its lane and row, x from its orientation."""
    numbered = list(enumerate(table.placements, start=1))
    lanes, points, top = [], [], 0
    for position in LANES:
        members = sorted(
            (item for item in numbered if _lane_of(item[1]) == position),
            key=lambda item: (item[1].orientation, item[0]),
        )
        first = top + LANE_PADDING + layout.lane_head
        height = max(len(members), 1) * ROW_STEP + 2 * LANE_PADDING + layout.lane_head
        label_y = top + 16 if layout.lane_head else first + ROW_STEP // 2 + 4
        lanes.append(Lane(str(LANE_NAMES[position]), top, height, label_y))
        for row, (number, placement) in enumerate(members):
            y = first + row * ROW_STEP + ROW_STEP // 2
            points.append(_point(number, placement, y, layout, first_row=row == 0))
        top += height
    points.sort(key=lambda point: point.number)
    return MapPicture(
        layout.width, top + AXIS_SPACE, layout.left, layout.right, top, lanes, points
    )


def _lane_of(placement: Placement) -> Position:
    try:
        return Position(placement.position)
    except ValueError:
        return Position.BOTH


def _point(
    number: int, placement: Placement, y: int, layout: MapLayout, *, first_row: bool
) -> MapPoint:
    """The label goes where its row has room: right of the marker, else left of it
    (not over the lane's name), else the wider side with the title shortened."""
    share = placement.orientation / ORIENTATION_MAX
    x = layout.left + round((layout.right - layout.left) * share)
    if not layout.labels:
        return MapPoint(number, placement.title, "", x, y, x, "middle")
    gap = MARKER_RADIUS + LABEL_GAP
    room_right = layout.width - (x + gap)
    beside_lane_name = layout.lane_label_right + LABEL_GAP if first_row else 0
    room_left = x - gap - beside_lane_name
    title = placement.title
    if label_width(title) <= room_right or room_right >= room_left:
        anchor, room, label_x = "start", room_right, x + gap
    else:
        anchor, room, label_x = "end", room_left, x - gap
    return MapPoint(number, title, _shortened(title, room), x, y, label_x, anchor)


def _shortened(title: str, room: float) -> str:
    if label_width(title) <= room:
        return title
    while title and label_width(title + "…") > room:
        title = title[:-1]
    return title.rstrip() + "…"
