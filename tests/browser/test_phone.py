"""A phone, 390 px wide: no page scrolls sideways; the comparison leads with its
verdict and key differences before the table."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE

PAIR = "social-media-manager,social-media-berater"
SIX = f"{PAIR},community-manager,pr-berater,blogger,seo-manager"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/roles/",
        "/roles/social-media-manager/",
        f"/compare/?roles={PAIR}",
        f"/compare/?roles={SIX}",
    ],
)
def test_no_page_scrolls_sideways_on_a_phone(phone, site, path):
    phone.goto(f"{site}{path}")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width} px wide"


def test_comparison_on_a_phone_shows_verdict_then_cards_then_table(phone, site):
    phone.goto(f"{site}/compare/?roles={PAIR}")
    tops = [
        phone.locator(selector).first.bounding_box()["y"]
        for selector in (".verdict", ".difference-card", ".compare-table")
    ]
    assert tops == sorted(tops)
    verdict = phone.locator(".verdict").inner_text()
    assert "Der Social Media Manager plant und setzt selbst um." in verdict
