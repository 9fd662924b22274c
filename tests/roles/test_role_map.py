"""The role map: every role a link at a position computed from its data."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from roles.models import Role
from roles.role_map import build_role_map

pytestmark = pytest.mark.django_db


def test_every_role_is_a_link_on_the_map_with_a_text_alternative(client, catalogue):
    page = client.get(reverse("roles:list")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    for role in Role.objects.all():
        assert f'href="{role.get_absolute_url()}"' in svg
    assert "Die Landkarte als Tabelle" in page
    assert "überwiegend strategisch (2/10)" in page


def test_positions_follow_orientation_and_position(catalogue):
    chart = build_role_map(Role.objects.all())
    points = {p.title: p for p in chart.points}
    consultant, manager = points["Social Media Berater"], points["Social Media Manager"]
    assert consultant.x < manager.x  # more strategic is further left
    assert consultant.y < manager.y  # external band above internal
    assert (consultant.shape, manager.shape) == ("triangle", "circle")
    rows = [(p.y) for p in chart.points]
    assert len(rows) == len(set(rows)), "no two labels share a row"


def test_map_uses_no_inline_styles_or_scripts(client, catalogue):
    page = client.get("/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert not re.search(r"\sstyle=|<script|\son\w+=", svg)
