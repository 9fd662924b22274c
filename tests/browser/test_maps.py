"""The maps measured in Chromium: nothing drawn overlaps, for two to six roles, on
a desktop and on a 390 px phone, and what is drawn stays big enough to read."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE

# Crowded on purpose: three in-house roles at 5/10, three "both" roles at 7–8/10.
CROWD = [
    "social-media-manager",
    "senior-community-manager",
    "corporate-community-manager",
    "grafikdesigner",
    "webentwickler",
    "online-redakteur",
]
DESKTOP = {"width": 1280, "height": 900}

# Boxes of what the visible picture draws: markers, titles, lane and axis names
# (a marker's number sits inside its marker and is left out).
BOXES = """(selector) => {
  const svg = [...document.querySelectorAll(selector)]
    .find((el) => getComputedStyle(el).display !== "none");
  const frame = svg.getBoundingClientRect();
  const drawn = [...svg.querySelectorAll("circle, polygon, .map-point rect, text")]
    .filter((el) => !el.classList.contains("point-number"));
  const box = (b) => [b.left, b.top, b.right, b.bottom];
  return {
    frame: box(frame),
    boxes: drawn.map((el) => ({text: el.textContent.trim(),
                               box: box(el.getBoundingClientRect())})),
  };
}"""


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    def meet(a, b) -> bool:
        return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])

    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if meet(a["box"], b["box"])
    ]


def _measure(page, site: str, count: int) -> dict:
    page.goto(f"{site}/compare/?roles={','.join(CROWD[:count])}")
    return page.evaluate(BOXES, ".position-map svg")


def _inside(frame, box) -> bool:
    return frame[0] - 0.5 <= box[0] and box[2] <= frame[2] + 0.5


@pytest.mark.parametrize("count", [2, 3, 4, 5, 6])
def test_the_comparison_map_has_no_overlap_on_a_desktop(browser, site, count):
    context = browser.new_context(viewport=DESKTOP, locale="de-DE")
    measured = _measure(context.new_page(), site, count)
    context.close()
    assert _overlaps(measured["boxes"]) == []
    assert all(_inside(measured["frame"], item["box"]) for item in measured["boxes"])
    labels = [item for item in measured["boxes"] if item["text"] in _titles(count)]
    assert len(labels) == count  # every role named beside its marker
    assert min(item["box"][3] - item["box"][1] for item in labels) >= 12


@pytest.mark.parametrize("count", [2, 6])
def test_the_comparison_map_on_a_phone_shows_numbers_and_a_legend(phone, site, count):
    measured = _measure(phone, site, count)
    assert _overlaps(measured["boxes"]) == []
    assert measured["frame"][2] <= PHONE["width"]
    numbers = phone.locator(".position-map svg.map-compact .point-number")
    assert numbers.count() == count
    assert min(numbers.nth(i).bounding_box()["height"] for i in range(count)) >= 10
    legend = phone.locator("#map-legend li")
    assert legend.count() == count
    assert legend.nth(0).bounding_box()["height"] >= 16


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_role_map_has_no_overlap_and_legible_names(browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="de-DE")
    page = context.new_page()
    page.goto(f"{site}/roles/")
    measured = page.evaluate(BOXES, ".role-map-svg")
    names = page.locator(".role-map-svg .map-point text")
    heights = [names.nth(i).bounding_box()["height"] for i in range(names.count())]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert _overlaps(measured["boxes"]) == []
    assert min(heights) >= 10  # 12 px type, never shrunk below about 10 px
    assert scroll_width <= viewport["width"]  # the map scrolls in its box, not the page


def _titles(count: int) -> set[str]:
    from roles.models import Role

    return set(
        Role.objects.filter(slug__in=CROWD[:count]).values_list("title", flat=True)
    )
