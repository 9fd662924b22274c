"""The job-ad check, builder and guide in real Chromium: as HR staff use them,
on a desktop and on a phone, with and without JavaScript."""

from __future__ import annotations

import re
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
    [
        "/check/",
        "/roles/social-media-manager/stellenanzeige/",
        "/finden/?company_size=small&position=external&t-ist-analyse=often"
        "&t-social-media-strategie=often&t-grafikdesign=often&t-webentwicklung=often",
        "/finden/profil/",
    ],
)
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


def _need(page, task_words: str, how: str = "oft") -> None:
    page.locator(".guide-task", has_text=task_words).get_by_label(
        how, exact=True
    ).check()


def _answer_as_an_insurer(page) -> None:
    """A large insurer that wants daily customer service on its channels."""
    page.get_by_label("Großunternehmen und Konzerne").check()
    page.get_by_label("angestellt, im Haus").check()
    _need(page, "Fragen und Anliegen")
    _need(page, "Kommentare lesen")
    _need(page, "Beobachten, was im Netz")
    _need(page, "Bei Kritik und Empörungswellen", "manchmal")
    page.get_by_role("button", name="Passende Rolle zeigen").click()


def test_guide_works_without_javascript(no_script, site):
    no_script.goto(f"{site}/finden/")
    _answer_as_an_insurer(no_script)
    result = no_script.locator(".guide-result")
    expect(result.locator(".guide-best")).to_contain_text("Community Manager")
    expect(result.get_by_text("Warum nicht an erster Stelle")).to_be_visible()
    builder = result.get_by_role("link", name="Stellenanzeige mit dieser Arbeit")
    expect(builder).to_have_attribute("href", re.compile(r"work=.*moderation"))


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_guides_answer_is_the_first_thing_seen(screen, page, phone, site):
    browser_page = phone if screen == "phone" else page
    browser_page.goto(f"{site}/finden/")
    _answer_as_an_insurer(browser_page)
    best = browser_page.locator(".guide-best")
    expect(best).to_be_in_viewport()
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    viewport = browser_page.viewport_size["width"]
    assert width <= viewport


def test_builder_drops_an_unticked_line_without_javascript(no_script, site):
    no_script.goto(f"{site}/roles/community-manager/stellenanzeige/")
    tasks = no_script.locator("fieldset", has_text="Ihre Aufgaben")
    first = tasks.locator("label.choice").first
    line = first.inner_text().strip()
    first.locator("input").uncheck()
    no_script.get_by_role("button", name="Entwurf aktualisieren").click()
    assert line not in no_script.locator(".ad-preview").inner_text()
    assert "Nicht Ihre Aufgabe" in no_script.locator(".ad-preview").inner_text()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_guide_to_builder_to_check_to_download(screen, page, phone, site):
    """The whole path, one click each: the guide's answer, the builder filled
    with the chosen work, the check of the draft, the Word file."""
    browser_page = phone if screen == "phone" else page
    browser_page.goto(f"{site}/finden/")
    _answer_as_an_insurer(browser_page)
    browser_page.get_by_role("link", name="Stellenanzeige mit dieser Arbeit").click()
    preview = browser_page.locator(".ad-preview")
    expect(preview).to_contain_text("Sie moderieren die Kommentare")
    browser_page.get_by_label("Unternehmen", exact=True).fill("Hansa Versicherung AG")
    browser_page.get_by_label("Arbeitsort").fill("Hamburg")
    browser_page.get_by_label("Stunden pro Woche").fill("39")
    browser_page.get_by_label("Gehalt von").fill("3.600")
    browser_page.get_by_label("Gehalt bis").fill("4.300")
    browser_page.get_by_role("button", name="Diesen Entwurf prüfen").click()
    expect(browser_page.locator(".check-result")).to_contain_text("Community Manager")
    expect(browser_page.locator(".fairness")).to_contain_text(
        "Keine Hinweise zu Gehalt, Titel und Wortwahl"
    )
    assert browser_page.locator(".check-warnings").count() == 0
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= browser_page.viewport_size["width"]
    with browser_page.expect_download() as download:
        browser_page.get_by_role("link", name="Anzeige als Word-Datei").click()
    assert download.value.suggested_filename.endswith(".docx")
    from docx import Document

    document = Document(download.value.path())
    assert document.core_properties.author == "Hansa Versicherung AG"
    texts = [p.text for p in document.paragraphs]
    assert "Gehalt: 3.600–4.300 € brutto im Monat" in texts
    assert "Sie moderieren die Kommentare und Diskussionen." in texts


def test_builder_keeps_typed_values_and_says_what_is_wrong(page, site):
    page.goto(f"{site}/roles/social-media-manager/stellenanzeige/")
    page.get_by_label("Gehalt von").fill("viertausend")
    page.get_by_label("Gehalt bis").fill("-5")
    page.get_by_role("button", name="Entwurf aktualisieren").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Bitte nur Ziffern eingeben")
    expect(alert).to_contain_text("keinen negativen Betrag")
    expect(page.get_by_label("Gehalt von")).to_have_value("viertausend")
    expect(page.get_by_label("Gehalt von")).to_have_attribute("aria-invalid", "true")
