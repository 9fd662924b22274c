"""HR in real Chromium: start from a role, compare, switch wording, filter, export."""

from __future__ import annotations

import re

from openpyxl import load_workbook
from playwright.sync_api import Page, expect


def test_compare_from_a_role_page_and_export_xlsx(page: Page, site, tmp_path):
    page.goto(f"{site}/roles/social-media-manager/")
    page.get_by_label("Social Media Manager vergleichen mit …").fill(
        "Social Media Consultant"
    )
    page.get_by_role("button", name="Vergleichen", exact=True).click()

    expect(page).to_have_url(
        re.compile(r"roles=social-media-manager,social-media-berater$")
    )
    cards = page.locator(".difference-card")
    expect(cards.first).to_contain_text("ausdrücklich nicht ihre Aufgabe")
    headers = page.locator(".compare-table thead th")
    expect(headers).to_have_text(
        ["Merkmal", "Social Media Manager", "Social Media Berater"]
    )

    page.get_by_role(
        "radio", name="für Fachleute"
    ).check()  # compare.js submits on change
    expect(page).to_have_url(re.compile(r"audience=expert"))
    expect(page.locator(".compare-table caption")).to_contain_text("Fachleute")

    same_rows = page.locator(".compare-table tr.same")
    expect(same_rows.first).to_be_visible()
    page.get_by_role("radio", name="nur Unterschiede").check()
    expect(page).to_have_url(re.compile(r"only=diff"))
    expect(same_rows).to_have_count(0)
    all_differences = page.locator(".compare-table tr.differs").count()
    page.get_by_role("radio", name="wichtige Unterschiede").check()
    expect(page).to_have_url(re.compile(r"only=key"))
    expect(page.locator(".verdict")).to_contain_text(
        "Der Social Media Manager plant und setzt selbst um."
    )
    key_rows = page.locator(".compare-table tr.differs").count()
    assert 0 < key_rows < all_differences

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (XLSX)").click()
    download = download_info.value
    assert re.match(
        r"vergleich_social-media-manager_social-media-berater_\d{4}-\d\d-\d\d\.xlsx",
        download.suggested_filename,
    )
    path = tmp_path / "export.xlsx"
    download.save_as(path)
    sheet = load_workbook(path)["Vergleich"]
    assert [sheet["C1"].value, sheet["D1"].value] == [
        "Social Media Manager",
        "Social Media Berater",
    ]
    labels = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Moderation" in labels  # expert wording, as on screen
    assert all(
        row[-1] != "gleich" for row in sheet.iter_rows(min_row=2, values_only=True)
    )


def test_reorder_and_remove_roles_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(
        f"{site}/compare/?roles=social-media-manager,social-media-berater,community-manager"
    )
    page.get_by_role("link", name="Community Manager nach links verschieben").click()
    headers = page.locator(".compare-table thead th")
    expect(headers).to_have_text(
        ["Merkmal", "Social Media Manager", "Community Manager", "Social Media Berater"]
    )
    page.get_by_role("link", name="Social Media Manager entfernen").click()
    expect(headers).to_have_text(
        ["Merkmal", "Community Manager", "Social Media Berater"]
    )
    page.get_by_label("Rolle hinzufügen").fill("Blogger")
    page.get_by_role("button", name="Hinzufügen").click()
    expect(headers).to_have_count(4)
    context.close()
