"""A catalogue larger than a page, in real Chromium: the picker asks the server as
you type, the role list pages (on a phone too), nothing ships the whole list."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from roles.management.commands.generate_catalogue import generate


def test_picker_suggests_from_the_server_as_you_type(page: Page, site):
    page.goto(f"{site}/compare/")
    options = page.locator("#role-options option")
    expect(options).to_have_count(0)  # nothing shipped with the page
    with page.expect_response(re.compile(r"/search/suggest/\?q=Commu")):
        page.get_by_label("Rolle hinzufügen").press_sequentially("Commu", delay=40)
    expect(options.first).to_have_attribute("value", re.compile("Community"))
    assert options.count() <= 8
    page.get_by_label("Rolle hinzufügen").fill("Community Manager")
    page.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".chosen-roles")).to_contain_text("Community Manager")


def test_picker_without_javascript_offers_candidates(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(f"{site}/compare/?roles=social-media-manager")
    page.get_by_label("Rolle hinzufügen").fill("Manager")
    page.get_by_role("button", name="Hinzufügen").click()
    notice = page.locator(".candidate-list")
    expect(notice).to_contain_text("Community Manager")
    context.close()


def test_role_list_pages_on_a_phone(phone, site):
    generate(40, seed=11)  # 56 roles: two pages of 30
    phone.goto(f"{site}/roles/")
    cards = phone.locator(".card-title")
    expect(cards).to_have_count(30)
    expect(phone.locator(".pagination")).to_contain_text("Seite 1 von 2")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the list scrolls sideways ({width} px)"
    phone.get_by_role("link", name="nächste Seite →").click()
    expect(phone).to_have_url(re.compile(r"page=2"))
    expect(cards).to_have_count(26)
    phone.get_by_label("Familie", exact=True).select_option("community")
    phone.get_by_role("button", name="Anzeigen").click()
    expect(phone.locator("h1")).to_have_text("Community Management")
    expect(phone.locator(".family-nav [aria-current=page]")).to_contain_text(
        "Community Management"
    )
