"""A reader in real Chromium: find a role, read what it is not, follow a link."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_reader_opens_a_role_and_follows_a_relation(page: Page, site):
    page.goto(f"{site}/roles/")
    page.get_by_role("link", name="Social Media Manager", exact=True).click()
    expect(page).to_have_url(re.compile(r"/roles/social-media-manager/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Social Media Manager")
    excluded = page.locator("section.excluded")
    expect(excluded).to_contain_text("Websites, Apps und technische Schnittstellen")

    page.locator("section.relations").get_by_role(
        "link", name="PR-Berater"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("PR-Berater")


def test_unknown_role_shows_the_site_404(page: Page, site):
    response = page.goto(f"{site}/roles/gibt-es-nicht/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
    page.get_by_role("link", name="Zur Übersicht aller Rollen").click()
    expect(page).to_have_url(re.compile(r"/roles/$"))


def test_switching_the_language_to_english_and_back(page: Page, site):
    page.goto(f"{site}/roles/social-media-berater/")
    page.get_by_label("Sprache").select_option("en")
    page.get_by_role("button", name="Wechseln").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Not part of this role")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/roles/social-media-berater/$"))
    page.get_by_label("Language").select_option("de")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")


def test_the_language_cookie_stays_away_from_scripts(page: Page, site):
    page.goto(f"{site}/")
    page.get_by_label("Sprache").select_option("en")
    page.get_by_role("button", name="Wechseln").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "django_language"]
    assert (cookie["value"], cookie["httpOnly"], cookie["sameSite"]) == (
        "en",
        True,
        "Lax",
    )
    assert "django_language" not in page.evaluate("document.cookie")


def test_chromium_applies_the_permissions_policy_without_complaint(page: Page, site):
    complaints = []
    page.on(
        "console",
        lambda m: complaints.append(m.text) if "Permissions-Policy" in m.text else None,
    )
    page.goto(f"{site}/roles/social-media-manager/")
    allowed = page.evaluate(
        "['camera', 'microphone', 'geolocation', 'payment', 'usb', 'fullscreen']"
        ".filter(f => document.featurePolicy.allowsFeature(f))"
    )
    assert allowed == []
    assert page.evaluate("document.featurePolicy.allowsFeature('clipboard-write')")
    assert complaints == []


def test_find_a_role_by_an_alias_from_the_header(page: Page, site):
    page.goto(f"{site}/")
    page.get_by_label("Rollen suchen").fill("SoMe-Manager")
    page.get_by_role("button", name="Suchen").click()
    page.locator(".search-results").get_by_role(
        "link", name="Social Media Manager", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Social Media Manager")
