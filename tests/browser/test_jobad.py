"""The job-ad check, builder and guide in real Chromium: as HR staff use them,
on a desktop and on a phone, with and without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE
from tests.browser.test_accessibility import AXE, BLOCKING
from tests.hiring.labelled import load_ads

MIXED = next(ad for ad in load_ads() if ad.name == "b01-06/32-mix-wollmilchsau").text


@pytest.fixture
def no_script(browser: Browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    yield context.new_page()
    context.close()


def test_mixed_ad_shows_warnings_and_highlights_and_passes_axe(browser, site):
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    page = context.new_page()
    page.goto(f"{site}/check/")
    page.get_by_label("Text der Stellenanzeige").fill(MIXED)
    page.get_by_role("button", name="Anzeige prüfen").click()
    expect(page.locator(".warning-mixed")).to_contain_text("mischt die Arbeit von")
    expect(page.locator(".marked-ad mark.task").first).to_be_visible()
    assert "Suchmaschinenoptimierung" in page.locator(".marked-ad").inner_text()
    # The typed ad is still in the box for the next try.
    assert (
        "Programmierung und Pflege"
        in page.get_by_label("Text der Stellenanzeige").input_value()
    )
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    assert not [v["id"] for v in violations if v["impact"] in BLOCKING]
    Path("test-results").mkdir(exist_ok=True)
    page.screenshot(path="test-results/check-mixed.png", full_page=True)
    context.close()


def test_check_page_downloads_markdown(page, site):
    page.goto(f"{site}/check/")
    page.get_by_label("Text der Stellenanzeige").fill(MIXED)
    page.get_by_role("button", name="Anzeige prüfen").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Markdown herunterladen").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## Hinweise" in text


@pytest.mark.parametrize(
    "path",
    ["/check/", "/roles/social-media-manager/stellenanzeige/",
     "/finden/?size=small&focus=strategy&position=external&dialogue=no&inside=no&lead=no",
     "/finden/profil/"],
)  # fmt: skip
def test_pages_fit_a_phone(phone, site, path):
    phone.goto(f"{site}{path}")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width} px wide"


def test_check_result_fits_a_phone(phone, site):
    phone.goto(f"{site}/check/")
    phone.get_by_label("Text der Stellenanzeige").fill(MIXED + "\n" + "x" * 300)
    phone.get_by_role("button", name="Anzeige prüfen").click()
    expect(phone.locator(".warning-mixed")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_guide_works_without_javascript(no_script, site):
    no_script.goto(f"{site}/finden/")
    no_script.get_by_label("Großunternehmen und Konzerne").check()
    no_script.get_by_label("die tägliche Arbeit in den Netzwerken machen").check()
    no_script.get_by_label("ja, im Haus").check()
    no_script.locator("fieldset").nth(3).get_by_label("ja").check()
    no_script.get_by_role("button", name="Passende Rolle zeigen").click()
    result = no_script.locator(".guide-result")
    expect(result).to_contain_text("Community Manager")
    expect(
        result.get_by_role("link", name="Stellenanzeige entwerfen").first
    ).to_be_visible()


def test_builder_drops_an_unticked_line_without_javascript(no_script, site):
    no_script.goto(f"{site}/roles/community-manager/stellenanzeige/")
    first = no_script.locator("fieldset").first.locator("label.choice").first
    line = first.inner_text().strip()
    first.locator("input").uncheck()
    no_script.get_by_role("button", name="Entwurf aktualisieren").click()
    assert line not in no_script.locator(".ad-preview").inner_text()
    assert "Nicht Ihre Aufgabe" in no_script.locator(".ad-preview").inner_text()
