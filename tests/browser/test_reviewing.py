"""Review and discussion in Chromium: propose → review → approve with readers
served the reviewed version throughout, a comment thread with a reply and its
notice, and stored payloads in comments, review comments and feeds that never run."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.browser.conftest import login_page_as
from tests.browser.test_editing import XSS_MARKERS

SMM = "social-media-manager"
NEW = "Plant die sozialen Netzwerke eines Unternehmens und sorgt für klare Ziele."


def _member(name: str, group: str | None):
    user = get_user_model().objects.get_or_create(username=name)[0]
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(browser, site):
    """A page per persona: anonymous, editor, maintainer."""
    _member("redakteur", "Redaktion")
    _member("pflegerin", "Pflege")
    contexts = {
        name: browser.new_context(locale="de-DE")
        for name in ("anon", "editor", "maint")
    }
    pages = {name: context.new_page() for name, context in contexts.items()}
    login_page_as(pages["editor"], site, "redakteur")
    login_page_as(pages["maint"], site, "pflegerin")
    yield pages
    for context in contexts.values():
        context.close()


def test_propose_review_approve(people, site):
    editor, maint, anon = people["editor"], people["maint"], people["anon"]
    editor.goto(f"{site}/roles/{SMM}/")
    editor.get_by_role("link", name="Änderung vorschlagen").click()
    expect(editor.locator(".proposal-notice")).to_contain_text("wird ein Vorschlag")
    editor.get_by_label("Kurzbeschreibung").fill(NEW)
    editor.get_by_role("button", name="Speichern").click()
    # No reason given yet: the form says so and keeps the text.
    expect(editor.get_by_text("Bitte begründen Sie Ihren Vorschlag")).to_be_visible()
    expect(editor.get_by_label("Kurzbeschreibung")).to_have_value(NEW)  # kept
    editor.get_by_label("Was haben Sie geändert?").fill("Klarer für Unternehmen")
    editor.get_by_role("button", name="Speichern").click()
    expect(editor.locator(".messages")).to_contain_text("Ihr Vorschlag ist eingereicht")
    expect(editor.locator(".word-diff ins").first).to_be_visible()

    anon.goto(f"{site}/roles/{SMM}/")
    expect(anon.locator(".pending-changes")).to_contain_text("Änderung vorgeschlagen")
    expect(anon.locator(".summary .lead")).not_to_have_text(NEW)

    maint.goto(f"{site}/proposals/")
    maint.locator(".proposal-queue a", has_text="#").first.click()
    expect(maint.locator("h1")).to_contain_text("Social Media Manager")
    maint.get_by_label(
        "Annehmen: wird die nächste Fassung, die Rolle gilt als geprüft"
    ).check()
    maint.get_by_label("Kommentar (Markdown)").fill("Passt, **danke**.")
    maint.get_by_role("button", name="Entscheidung speichern").click()
    expect(maint.locator(".messages")).to_contain_text("angenommen")
    expect(maint.locator(".review-events")).to_contain_text("pflegerin")

    anon.goto(f"{site}/roles/{SMM}/")
    expect(anon.locator(".summary .lead")).to_have_text(NEW)
    expect(anon.locator(".pending-changes")).to_have_count(0)


def test_a_comment_thread_with_a_reply_and_its_notice(people, site):
    anon, editor, maint = people["anon"], people["editor"], people["maint"]
    editor.goto(f"{site}/roles/{SMM}/discussion/")
    editor.get_by_role("button", name="Dieser Rolle folgen").click()
    editor.get_by_label("Ihr Kommentar (Markdown)").fill(
        "Gehört **Monitoring** wirklich dazu?"
    )
    editor.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(editor.locator(".comment strong", has_text="Monitoring")).to_be_visible()

    maint.goto(f"{site}/roles/{SMM}/discussion/")
    maint.get_by_label("Antworten").fill("Ja, als beobachtende Aufgabe.")
    maint.get_by_role("button", name="Antwort senden").click()
    expect(maint.locator(".comment.reply")).to_contain_text("beobachtende Aufgabe")

    editor.goto(f"{site}/notices/")
    expect(editor.locator(".notices")).to_contain_text("geantwortet")
    anon.goto(f"{site}/roles/{SMM}/discussion/")
    expect(anon.locator(".comment.reply")).to_contain_text("beobachtende Aufgabe")
    expect(anon.get_by_text("Melden Sie sich an, um mitzudiskutieren.")).to_be_visible()


def test_payloads_in_comments_reviews_and_feeds_never_run(people, site):
    from discussions.services import post_comment
    from roles.models import Role
    from roles.revisions.snapshots import snapshot_of
    from roles.services.proposals import decide, submit

    payload = "\n\n".join(XSS_MARKERS)
    role = Role.objects.get(slug=SMM)
    editor, maintainer = _member("redakteur", None), _member("pflegerin", None)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": payload[:700]}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary=payload[:1900],
    )
    decide(
        proposal, decision="changes", user=maintainer, comment=payload, seen_pushes=1
    )
    thread = post_comment(role=role, user=editor, body=payload, proposal=proposal)
    post_comment(role=role, user=maintainer, body=payload, parent=thread)
    page = people["maint"]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = [
        f"/roles/{SMM}/discussion/",
        proposal.get_absolute_url(),
        "/notices/",
        "/proposals/",
        f"/roles/{SMM}/history/",
        "/changes/feed/",
        f"/roles/{SMM}/history/feed/",
        f"/api/v1/proposals/{proposal.pk}/",
    ]
    for url in urls:
        page.goto(f"{site}{url}")
        page.wait_for_load_state("networkidle")
        for details in page.locator("details").all():
            details.click()
        assert page.evaluate("() => window.__xss") is None, url
        assert not dialogs, url


def test_discussion_and_proposal_fit_a_phone(phone, site):
    from pathlib import Path

    from discussions.services import post_comment
    from roles.models import Role
    from roles.revisions.snapshots import snapshot_of
    from roles.services.proposals import submit

    author = _member("redakteur", "Redaktion")
    role = Role.objects.get(slug=SMM)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": NEW}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=author,
        summary="Klarer für Unternehmen",
    )
    thread = post_comment(role=role, user=author, body="Eine **Frage** zur Rolle.")
    post_comment(role=role, user=author, body="Eine Antwort darauf.", parent=thread)
    login_page_as(phone, site, "redakteur")
    shots = Path(__file__).resolve().parents[2] / "test-results"
    shots.mkdir(exist_ok=True)
    for name, url in (
        ("discussion", f"/roles/{SMM}/discussion/"),
        ("proposal", proposal.get_absolute_url()),
    ):
        phone.goto(f"{site}{url}")
        root = "document.documentElement"
        overflow = phone.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
        widest = phone.evaluate(
            "() => [...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > document.documentElement.clientWidth)"
            ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5)"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow} px: {widest}"
        phone.screenshot(path=str(shots / f"phone-{name}.png"), full_page=True)
