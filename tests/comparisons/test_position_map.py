"""Where the roles stand: the picture, its table, and the exports that hold it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from comparisons.charts import WIDE, position_map
from comparisons.engine import build_comparison
from comparisons.exporters import EXPORTERS
from tests.comparisons.builders import role


def _table(*roles):
    return build_comparison(list(roles))


def test_points_follow_orientation_and_position():
    planner = replace(role("a", orientation=0), position="external")
    doer = role("b", orientation=10)
    chart = position_map(_table(planner, doer)).wide
    (a, b) = chart.points
    assert (a.x, b.x) == (WIDE.left, WIDE.right)
    assert a.y < b.y  # outside above, in-house below
    assert (a.number, b.number) == (1, 2)  # the columns of the table


def test_roles_at_the_same_spot_get_rows_of_their_own():
    chart = position_map(_table(role("a"), role("b"), role("c"))).wide
    assert len({point.y for point in chart.points}) == 3
    assert len({point.x for point in chart.points}) == 1


LONG = "Leitung Kommunikation, Marke und Social Media (Konzern, international)"
SPOTS = [
    (0, "external"),
    (10, "external"),
    (5, "both"),
    (5, "both"),
    (9, "internal"),
    (1, "internal"),
    (10, "both"),
    (0, "both"),
]


def _crowd(count: int, start: int) -> list:
    names = [
        "Social Media Manager",
        "„Facebook-Manager“",
        LONG,
        "PR-Berater",
        "Corporate Community Manager",
        "Junior Social Media Manager",
        "SEO",
        "Online-Redakteur",
    ]
    crowd = []
    for index in range(count):
        orientation, position = SPOTS[(start + index) % len(SPOTS)]
        slug = f"r{start}-{index}"
        item = replace(role(slug, orientation=orientation), position=position)
        crowd.append(replace(item, title=names[(start + index) % len(names)]))
    return crowd


@pytest.mark.parametrize("count", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("start", range(len(SPOTS)))
def test_nothing_drawn_overlaps_for_two_to_six_roles(count, start):
    chart = position_map(_table(*_crowd(count, start)))
    for picture in (chart.wide, chart.compact):
        boxes = picture.boxes
        overlaps = [
            (a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.meets(b)
        ]
        assert overlaps == []
        assert all(0 <= b.left and b.right <= picture.width for b in boxes)
        assert all(0 <= b.top and b.bottom <= picture.axis_y for b in boxes)


def test_six_roles_at_one_spot_still_read_apart():
    same = [replace(role(f"s{i}", orientation=5), title=f"Rolle {i}") for i in range(6)]
    chart = position_map(_table(*same)).wide
    assert [point.label for point in chart.points] == [f"Rolle {i}" for i in range(6)]
    assert len({point.y for point in chart.points}) == 6


def test_a_title_too_long_for_its_row_is_shortened_in_the_picture_only():
    chart = position_map(
        _table(replace(role("a", orientation=5), title=LONG * 2), role("b"))
    )
    (long_one, _other) = chart.wide.points
    assert long_one.label.endswith("…") and len(long_one.label) < len(LONG * 2)
    assert chart.legend[0].title == LONG * 2


def test_the_picture_has_a_text_alternative_and_a_legend():
    planner = replace(role("a", orientation=1), company_sizes=("small",))
    chart = position_map(_table(planner, role("b", orientation=9)))
    assert chart.alt_text.startswith("Wo die Rollen stehen: 1 A: ausgewogen (1/10), ")
    assert [(i.number, i.title) for i in chart.legend] == [(1, "A"), (2, "B")]
    assert [point.label for point in chart.compact.points] == ["", ""]


def test_markdown_and_xlsx_say_where_the_roles_stand():
    planner = replace(role("a", orientation=1), company_sizes=("small",))
    table = _table(planner, role("b", orientation=9))
    markdown = EXPORTERS["md"].render(table).decode()
    assert "## Wo die Rollen stehen" in markdown
    assert "- A: ausgewogen (1/10), intern; kleine Unternehmen" in markdown


@pytest.mark.django_db
def test_page_draws_one_point_per_role_with_a_table(client, catalogue):
    pair = "social-media-manager,social-media-berater"
    page = client.get(reverse("comparisons:compare"), {"roles": pair}).content
    page = page.decode()
    figure = page[page.index('class="chart position-map"') :]
    # Drawn wide (titles beside the markers) and compact (phones): one marker each.
    assert figure.count('class="point"') == 4
    assert figure.count('class="point-label"') == 2
    legend = figure[figure.index('id="map-legend"') : figure.index("</ol>")]
    assert legend.count("<li>") == 2 and "Social Media Berater" in legend
    assert 'id="map-table"' in figure and "Mittelstand" in figure


@pytest.mark.parametrize(
    ("orientation", "anchor"), [(0, "start"), (5, "start"), (10, "end")]
)
def test_labels_go_where_their_row_has_room(orientation, anchor):
    titled = replace(role("a", orientation=orientation), title="Social Media Manager")
    chart = position_map(_table(titled, role("b")))
    assert chart.wide.points[0].anchor == anchor
