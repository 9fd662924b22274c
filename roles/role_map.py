"""The role map: every role placed on strategic↔operative and external↔internal axes.

Coordinates are computed here so that the template only draws; the same data feeds
the map's text alternative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from roles.choices import ORIENTATION_MAX, Position
from roles.models import Role

WIDTH = 820
LEFT, RIGHT, TOP = 130, 230, 12
ROW_STEP = 24
BAND_PADDING = 10
# Bands top to bottom; each position also has its own marker shape (not colour only).
BANDS = [Position.EXTERNAL, Position.BOTH, Position.INTERNAL]
BAND_LABELS = {
    Position.EXTERNAL: _("extern"),
    Position.BOTH: _("intern oder extern"),
    Position.INTERNAL: _("intern"),
}
SHAPES = {
    Position.EXTERNAL: "triangle",
    Position.BOTH: "diamond",
    Position.INTERNAL: "circle",
}


@dataclass(frozen=True)
class MapPoint:
    title: str
    url: str
    x: int
    y: int
    shape: str
    orientation_label: str
    position_label: str
    orientation: int


@dataclass(frozen=True)
class Band:
    label: str
    y: int
    height: int


@dataclass(frozen=True)
class RoleMap:
    width: int
    height: int
    points: list[MapPoint]
    bands: list[Band]
    axis_y: int
    left: int
    right: int


def build_role_map(roles: Iterable[Role]) -> RoleMap:
    """One row per role inside its band, so no two labels ever overlap."""
    by_band: dict[Position, list[Role]] = defaultdict(list)
    for role in roles:
        by_band[Position(role.position)].append(role)
    usable = WIDTH - LEFT - RIGHT
    points, bands, y = [], [], TOP
    for position in BANDS:
        members = sorted(by_band[position], key=lambda r: (r.orientation, r.title))
        height = max(len(members), 1) * ROW_STEP + 2 * BAND_PADDING
        bands.append(Band(str(BAND_LABELS[position]), y, height))
        for row, role in enumerate(members):
            points.append(
                MapPoint(
                    title=role.title,
                    url=role.get_absolute_url(),
                    x=LEFT + round(usable * role.orientation / ORIENTATION_MAX),
                    y=y + BAND_PADDING + row * ROW_STEP + ROW_STEP // 2,
                    shape=SHAPES[position],
                    orientation_label=role.orientation_label,
                    position_label=role.get_position_display(),
                    orientation=role.orientation,
                )
            )
        y += height
    return RoleMap(WIDTH, y + 34, points, bands, y, LEFT, WIDTH - RIGHT)
