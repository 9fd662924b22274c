"""Every page type, anonymous and signed in, German and English, read as the
standard tools read it: valid HTML by the Nu Html Checker (run once over all
documents, it starts slowly) and a description of its own for search results."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation

from roles.models import Role
from tests.conftest import ensure_editor_groups
from tests.html_pages import SMM, collect_pages
from tests.nu_checker import check_documents

# Every test here marks the database as used: pytest-django sets up the test
# database only for the tests that use it, and the walk needs it.
pytestmark = pytest.mark.django_db
DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"\s*>')
SITE_DEFAULT = {
    "de": "Berufsbild beschreibt Berufsrollen rund um Social Media",
    "en": "Berufsbild describes roles around social media",
}
# Pages for signed-in people, and Django's own admin: the site's description is
# enough there, search engines do not see them.
OWN_DESCRIPTION_NOT_NEEDED = re.compile(
    r"-(edit|create|task-edit|competency-edit|edit-invalid|password-change|"
    r"proposals?|notices|comment-edit|revert|revision|task-history|"
    r"competency-history|admin-login|api-docs|500|503|403-csrf)$"
)


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker) -> dict[str, str]:
    """{language-page: html}; what the walk writes is rolled back afterwards."""
    # English requests switch the thread's language; leave it as it was.
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("de"):
        ensure_editor_groups()
        people = {
            "reader": _person("html-leserin", None),
            "editor": _person("html-redakteur", "Redaktion"),
            "maintainer": _person("html-pflegerin", "Pflege"),
        }
        pages = {**collect_pages("de", people), **collect_pages("en", people)}
        transaction.set_rollback(True)
    return pages


def _person(username: str, group: str | None):
    user = get_user_model().objects.create_user(username, password="x-geheim-123")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_every_page_type_passes_the_nu_html_checker(site_pages, tmp_path):
    for name, page in site_pages.items():
        (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    findings = check_documents(tmp_path)
    report = "\n".join(str(finding) for finding in findings)
    assert not findings, f"{len(findings)} errors in {len(site_pages)} pages:\n{report}"
    assert len(site_pages) >= 100


def test_every_page_has_a_description_in_its_language(site_pages):
    for name, page in site_pages.items():
        if "-admin" in name or name.endswith("-api-docs"):
            continue
        found = DESCRIPTION.findall(page)
        assert len(found) == 1, name
        language = name.split("-")[0]
        description = html.unescape(found[0])
        assert 30 <= len(description) <= 300, (name, description)
        # One line, as search results show it, however the template is laid out.
        assert description == " ".join(description.split()), (name, description)
        if OWN_DESCRIPTION_NOT_NEEDED.search(name):
            continue
        assert not description.startswith(SITE_DEFAULT[language]), name


def test_every_title_is_one_line(site_pages):
    for name, page in site_pages.items():
        title = html.unescape(page.split("<title>")[1].split("</title>")[0])
        assert title == " ".join(title.split()) and title, (name, title)


def test_a_role_and_a_comparison_are_described_by_what_they_show(site_pages):
    role = Role.objects.get(slug=SMM)
    for language in ("de", "en"):
        page = html.unescape(site_pages[f"{language}-role"])
        described = DESCRIPTION.findall(page)[0]
        summary = described.removeprefix(f"{role.title}: ")
        assert summary != described and summary[:60] in page.split("<main")[1]
        compared = html.unescape(
            DESCRIPTION.findall(site_pages[f"{language}-compare-6"])[0]
        )
        for title in ("Social Media Manager", "PR-Berater", "Online-Redakteur"):
            assert title in compared, (language, compared)
    english = html.unescape(DESCRIPTION.findall(site_pages["en-check"])[0])
    assert english.startswith("Check a job ad")
