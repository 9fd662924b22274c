"""axe-core on every page type, in real Chromium: no critical or serious violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from roles.models import Role
from tests.browser.conftest import save_revisions

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"critical", "serious"}
PAIR = "social-media-manager,social-media-berater"


@pytest.fixture
def pages(site, django_user_model):
    """Every page type, with one edit saved so history and diff have content."""
    role = Role.objects.get(slug="blogger")
    author = django_user_model.objects.create_user("autorin")
    changes = [
        {"summary": role.summary + " Ergänzt."},
        {"summary": role.summary + " Nochmals ergänzt."},
    ]
    old, new = save_revisions(role, author, changes, "Kurzbeschreibung ergänzt")
    proposal = _proposal_with_discussion(author)
    return {
        "discussion": "/roles/social-media-manager/discussion/",
        "review queue": "/proposals/",
        "proposal": proposal.get_absolute_url(),
        "notices": "/notices/",
        "start": "/",
        "role list": "/roles/",
        "role": "/roles/social-media-manager/",
        "task": "/tasks/moderation/",
        "competency": "/competencies/einfuehlungsvermoegen/",
        "comparison": f"/compare/?roles={PAIR}",
        "comparison for experts": f"/compare/?roles={PAIR}&audience=expert&only=diff",
        "curated comparison": "/compare/social-media-manager-oder-berater/",
        "search": "/search/?q=Community",
        "login": "/accounts/login/",
        "edit": "/roles/blogger/edit/",
        "history": "/roles/blogger/history/",
        "old revision": f"/roles/blogger/history/{old}/",
        "diff": f"/roles/blogger/diff/?from={old}&to={new}",
        "revert confirmation": f"/roles/blogger/history/{old}/revert/",
        "recent changes": "/changes/",
        "about": "/about/",
        "job-ad check": "/check/",
        "job-ad builder": "/roles/community-manager/stellenanzeige/",
        "guide with result": "/finden/?company_size=medium&position=internal"
        "&t-moderation=often&t-grafikdesign=often&t-webentwicklung=often"
        "&t-beitraege-schreiben=sometimes",
        "practitioner entrance": "/finden/profil/",
        "404": "/roles/gibt-es-nicht/",
    }


def _proposal_with_discussion(author):
    from discussions.services import post_comment
    from roles.revisions.snapshots import snapshot_of
    from roles.services.proposals import submit

    role = Role.objects.get(slug="social-media-manager")
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Vorgeschlagen."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=author,
        summary="Klarer",
    )
    thread = post_comment(role=role, user=author, body="Eine **Frage**.")
    post_comment(role=role, user=author, body="Und eine Antwort.", parent=thread)
    return proposal


def _editor_cookie(django_user_model) -> str:
    """A maintainer: sees every page an editor sees, and the revert page."""
    user = django_user_model.objects.create_user("pruefer")
    user.groups.add(Group.objects.get(name="Pflege"))
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_no_serious_accessibility_violations(browser, site, pages, django_user_model):
    assert AXE.exists(), "axe-core missing: run `npm ci` (make test does)"
    # bypass_csp only lets the test inject axe; the pages keep their policy otherwise.
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    context.add_cookies(
        [{"name": "sessionid", "value": _editor_cookie(django_user_model), "url": site}]
    )
    page = context.new_page()
    problems, moderate = {}, {}
    for name, url in pages.items():
        page.goto(f"{site}{url}")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']}))"
            ".violations"
        )
        for violation in violations:
            summary = (
                f"{violation['id']} ({len(violation['nodes'])}×): {violation['help']}"
            )
            target = problems if violation["impact"] in BLOCKING else moderate
            target.setdefault(name, []).append(summary)
    context.close()
    print("moderate/minor axe findings:", moderate or "none")
    assert not problems, problems
