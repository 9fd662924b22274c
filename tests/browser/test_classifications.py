"""Classification codes in real Chromium: the role page with its panel on a desk
and a phone, a mapping added through the edit form, and the API's docs page."""

from __future__ import annotations

from pathlib import Path

import pytest

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from tests.browser.conftest import login_page_as
from tests.browser.test_accessibility import AXE, BLOCKING
from tests.taxonomies.helpers import SMM_URI, import_esco, import_onet

SMM = "social-media-manager"
SHOTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def mapped(site):
    import_esco()
    import_onet()
    role = Role.objects.get(slug=SMM)
    snapshot = snapshot_of(role)
    snapshot["classifications"] = {
        f"esco:{SMM_URI}": {"status": "reviewed", "note": "Deckt sich weitgehend."},
        "isco:2431": {"status": "reviewed", "note": ""},
        "onet:27-3031.00": {
            "status": "suggested",
            "note": "Nur Beiträge und Antworten.",
        },
        "kldb:92212": {"status": "suggested", "note": ""},
    }
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Klassifikationen",
    )
    return f"{site}/roles/{SMM}/"


def _shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.locator("#klassifikation").screenshot(path=str(SHOTS / name))


def test_the_role_page_shows_codes_and_the_classification_panel(page, phone, mapped):
    for view, width in ((page, 1280), (phone, 390)):
        view.set_viewport_size({"width": width, "height": 900})
        view.goto(mapped)
        section = view.locator("#klassifikation")
        assert section.get_by_role(
            "heading", name="Einordnung in amtliche Klassifikationen"
        ).is_visible()
        table = section.locator("table.codes")
        assert table.get_by_role("link", name="2431.7").is_visible()
        assert table.get_by_role("link", name="27-3031.00").get_attribute("href") == (
            "https://www.onetonline.org/link/summary/27-3031.00"
        )
        panel = section.locator(".classification-panel")
        assert panel.get_by_text(
            "Reply to comments and messages from followers."
        ).is_visible()
        assert panel.get_by_text(
            "Marketingstrategien für soziale Medien entwickeln"
        ).is_visible()
        assert section.get_by_text(
            "Used under the CC BY 4.0 license", exact=False
        ).is_visible()
        root = "document.documentElement"
        overflow = view.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
        assert overflow <= 0, f"{width} px: the page scrolls sideways by {overflow} px"
        _shoot(view, f"classification-{width}.png")
    own = phone.locator(".panel-own").bounding_box()
    official = phone.locator(".panel-official").bounding_box()
    assert official["y"] >= own["y"] + own["height"] - 1  # stacked on a phone


def test_the_panel_has_no_serious_accessibility_violations(browser, mapped):
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    page = context.new_page()
    page.goto(mapped)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run('#klassifikation', {resultTypes: ['violations']}))"
        ".violations"
    )
    context.close()
    assert not [v["id"] for v in violations if v["impact"] in BLOCKING]


def test_an_editor_adds_a_code_in_the_form_and_a_bad_one_is_explained(page, site):
    import_onet()
    # A draft: on the reviewed role an editor's save would be a proposal.
    Role.objects.filter(slug=SMM).update(status="draft")
    login_page_as(page, site, "redakteurin-klass", is_staff=False)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.get(username="redakteurin-klass")
    user.groups.add(Group.objects.get(name="Redaktion"))
    page.goto(f"{site}/roles/{SMM}/edit/")
    assert page.get_by_text(
        "Mögliche Zuordnungen aus den importierten Klassifikationen"
    ).is_visible()
    assert page.locator(".mapping-hints code", has_text="27-3031.00").is_visible()
    page.select_option("#id_classifications-0-scheme", "kldb")
    page.fill("#id_classifications-0-code", "9221")
    page.select_option("#id_classifications-0-status", "reviewed")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_text("genau fünf Ziffern").is_visible()
    assert page.input_value("#id_classifications-0-code") == "9221"  # kept
    page.fill("#id_classifications-0-code", "92212")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(f"{site}/roles/{SMM}/")
    row = page.locator("table.codes tr", has_text="KldB 2010")
    assert (
        row.get_by_text("92212").is_visible()
        and row.get_by_text("geprüft").is_visible()
    )


def test_the_api_docs_render_from_the_app_under_its_csp(page, site):
    blocked = []
    page.on(
        "console",
        lambda m: (
            blocked.append(m.text) if "Content Security Policy" in m.text else None
        ),
    )
    outside = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith(site) and not r.url.startswith("data:")
            else None
        ),
    )
    page.goto(f"{site}/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/roles/{slug}/" in [p.replace("\u200b", "") for p in paths]
    assert not blocked, blocked
    assert not outside, outside
