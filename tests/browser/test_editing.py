"""Practitioners in Chromium: log in, edit with live preview, history, diff, revert."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from roles.models import Role
from tests.browser.conftest import login_page_as, save_revisions

PASSWORD = "geheim-123-Passwort"
XSS_MARKERS = [
    '<script>window.__xss = "script"</script>',
    '<img src="x" onerror="window.__xss = \'img\'">',
    "[klick](javascript:window.__xss='link')",
    "<svg onload=\"window.__xss = 'svg'\"></svg>",
    "<details open ontoggle=\"window.__xss = 'details'\">x</details>",
]


@pytest.fixture
def editor_account(django_user_model, site):
    user = django_user_model.objects.create_user("redakteur", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


def _log_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()


def test_edit_with_live_preview_then_history_and_diff(page: Page, site, editor_account):
    _log_in(page, site, "redakteur")
    page.goto(f"{site}/roles/blogger/")
    page.get_by_role("link", name="Bearbeiten").click()
    definition = page.get_by_label("Fachdefinition")
    definition.fill("## Abgrenzung\n\nBlogger schreiben **für sich selbst**.")
    preview = page.locator(".markdownx-preview")
    expect(preview.locator("strong")).to_have_text("für sich selbst")  # live preview
    page.get_by_label("Was haben Sie geändert?").fill("Abgrenzung geschärft")
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page.locator(".messages")).to_contain_text(
        "Ihre Änderungen sind gespeichert"
    )
    expect(page.locator(".definition strong")).to_have_text("für sich selbst")
    expect(page.locator(".last-change")).to_contain_text(
        "Zuletzt geändert von redakteur"
    )

    page.get_by_role("link", name="Bearbeiten").click()
    page.get_by_label("Kurzbeschreibung für Unternehmen").fill("Völlig neu formuliert.")
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.get_by_role("link", name="Versionsgeschichte").click()
    # The shipped catalogue, then the two edits.
    expect(page.locator(".history-table tbody tr")).to_have_count(3)
    page.get_by_role("button", name="Gewählte Fassungen vergleichen").click()
    expect(page.locator(".word-diff ins").first).to_have_text("Völlig neu formuliert.")


def test_maintainer_reverts_from_the_history(page: Page, site, django_user_model):
    role = Role.objects.get(slug="seo-manager")
    author = django_user_model.objects.create_user("autorin")
    save_revisions(
        role, author, [{"summary": "Erste Fassung."}, {"summary": "Zweite Fassung."}]
    )
    maintainer = django_user_model.objects.create_user("pflegerin")
    maintainer.groups.add(Group.objects.get(name="Pflege"))
    login_page_as(page, site, "pflegerin")

    page.goto(f"{site}/roles/seo-manager/history/")
    page.get_by_role("link", name="Zurücksetzen …").first.click()
    # A confirmation page first: what would change, then one deliberate click.
    expect(page.locator(".word-diff del")).to_have_text("Zweite")
    expect(page.locator(".word-diff ins")).to_have_text("Erste")
    page.get_by_role("button", name="Ja, auf diese Fassung zurücksetzen").click()
    expect(page.locator(".messages")).to_contain_text("zurückgesetzt")
    expect(page.locator(".summary .lead")).to_have_text("Erste Fassung.")


def test_stored_payloads_never_run(page: Page, site, django_user_model):
    payload = "\n\n".join(XSS_MARKERS)
    role = Role.objects.get(slug="blogger")
    author = django_user_model.objects.create_user("autor")
    changes = [
        {"definition": text, "summary": text[:700]} for text in ("Harmlos.", payload)
    ]
    old, new = save_revisions(role, author, changes)
    editor = django_user_model.objects.create_user("redakteurin")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    login_page_as(page, site, "redakteurin")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    for url in (
        "/roles/blogger/",
        f"/roles/blogger/diff/?from={old}&to={new}",
        f"/roles/blogger/history/{new}/",
        "/roles/blogger/edit/",
    ):
        page.goto(f"{site}{url}")
        page.wait_for_load_state("networkidle")
        if url.endswith("/edit/"):
            expect(
                page.locator(".markdownx-preview")
            ).not_to_be_empty()  # rendered on load
            for details in page.locator(".markdownx-preview details").all():
                details.click()  # would fire an ontoggle handler, had one survived
        assert page.evaluate("() => window.__xss") is None, url
        assert not dialogs, url
    expect(page.get_by_label("Fachdefinition")).to_have_value(re.compile(r"<script>"))
