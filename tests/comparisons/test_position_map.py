"""Where the roles stand: the picture, its table, and the exports that hold it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from comparisons.charts import MAP_LEFT, MAP_RIGHT, position_map
from comparisons.engine import build_comparison
from comparisons.exporters import EXPORTERS
from tests.comparisons.builders import role


def _table(*roles):
    return build_comparison(list(roles))


def test_points_follow_orientation_and_position():
    planner = replace(role("a", orientation=0), position="external")
    doer = role("b", orientation=10)
    chart = position_map(_table(planner, doer))
    (a, b) = chart.points
    assert (a.x, b.x) == (MAP_LEFT, MAP_RIGHT)
    assert a.y < b.y  # outside above, in-house below


def test_roles_at_the_same_spot_get_separate_labels():
    chart = position_map(_table(role("a"), role("b"), role("c")))
    assert len({point.label_y for point in chart.points}) == 3


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
    assert figure.count('class="point"') == 2
    assert 'id="map-table"' in figure and "Mittelstand" in figure


@pytest.mark.parametrize(
    ("orientation", "anchor"), [(0, "start"), (5, "middle"), (10, "end")]
)
def test_labels_grow_away_from_the_nearer_edge(orientation, anchor):
    chart = position_map(_table(role("a", orientation=orientation), role("b")))
    assert chart.points[0].anchor == anchor
