"""What a reader sees on the wiki pages, and that they stay cheap."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import assign_competency, assign_task, make_role, make_task

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def test_home_explains_and_lists_roles(client, catalogue):
    page = _text(client.get("/"))
    assert "Social-Media-Berufe verständlich erklärt" in page
    assert 'href="/roles/social-media-berater/"' in page


def test_role_list_counts_families_and_shows_aliases(client, catalogue):
    page = _text(client.get(reverse("roles:list")))
    nav = page[page.index('aria-label="Berufsfamilien"') :]
    assert nav.index("Social Media</a>") < nav.index("Nachbarberufe</a>")
    assert "16 Rollen" in page
    assert "SoMe-Manager" in page
    assert "Community Managerin" in page


def test_role_list_filters_by_family(client, catalogue):
    page = _text(client.get(reverse("roles:list"), {"family": "community"}))
    assert 'href="/roles/community-manager/"' in page
    assert 'href="/roles/social-media-berater/"' not in page
    assert "<h1>Community Management</h1>" in page


def test_role_page_shows_summary_first_and_what_the_role_is_not(client, catalogue):
    page = _text(client.get(reverse("roles:detail", args=["social-media-manager"])))
    summary = page.index("Die zentrale Ansprechperson")
    assert summary < page.index("Auf einen Blick") < page.index("Fachdefinition")
    excluded_block = page[page.index("Nicht Teil dieser Rolle") :]
    assert (
        "Websites, Apps und technische Schnittstellen programmieren" in excluded_block
    )
    assert (
        "Grafiken, Layouts und Erscheinungsbild professionell gestalten"
        in excluded_block
    )


def test_role_page_shows_facts_levels_relations_and_sources(client, catalogue):
    page = _text(client.get(reverse("roles:detail", args=["social-media-berater"])))
    assert "überwiegend strategisch" in page
    assert "extern (Agentur, Beratung, freiberuflich)" in page
    assert "Expertenniveau" in page
    assert 'href="/roles/social-media-manager/"' in page
    assert "Christian Müller" in page
    assert "Stand des mitgelieferten Katalogs vom" in page


def test_role_page_marks_illustrative_entries(client, catalogue):
    page = _text(
        client.get(reverse("roles:detail", args=["junior-social-media-manager"]))
    )
    assert "beispielhaft – von den Quellen nicht belegt" in page


def test_task_page_lists_roles_by_responsibility(client, catalogue):
    page = _text(client.get(reverse("roles:task", args=["moderation"])))
    assert "Kommentare lesen, ordnen und bei Bedarf eingreifen" in page
    assert page.index("Verantwortet") < page.index("Nicht Teil dieser Rolle")
    assert "Social Media Berater" in page[page.index("Nicht Teil dieser Rolle") :]


def test_competency_page_lists_roles_with_levels(client, catalogue):
    page = _text(client.get(reverse("roles:competency", args=["unabhaengigkeit"])))
    assert "Social Media Berater" in page
    assert "4 – Expertenniveau" in page


def test_catalogue_lists_show_every_area(client, catalogue):
    assert "Gestaltung und Technik" in _text(client.get(reverse("roles:tasks")))
    assert "Persönliche Kompetenz" in _text(client.get(reverse("roles:competencies")))


@pytest.mark.parametrize(
    "url",
    [
        "/roles/gibt-es-nicht/",
        "/tasks/gibt-es-nicht/",
        "/competencies/nix/",
        "/nirgends/",
    ],
)
def test_unknown_addresses_get_a_404_in_the_site_layout(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    page = _text(response)
    assert "Seite nicht gefunden" in page
    assert "Zur Übersicht aller Rollen" in page


def test_script_in_a_definition_is_not_executable_on_the_role_page(client):
    role = make_role(
        definition='<script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    page = _text(client.get(role.get_absolute_url()))
    assert "<script>alert" not in page
    assert "onerror" not in page


def test_pages_send_a_content_security_policy(client, catalogue):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def _queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_role_page_query_count_does_not_grow_with_tasks(client):
    small, large = make_role(), make_role()
    for _ in range(2):
        assign_task(small)
        assign_competency(small)
    for index in range(30):
        assign_task(
            large, make_task(), responsibility="excluded" if index % 3 else "owns"
        )
        assign_competency(large, level=1 + index % 4)
    small_count = _queries_for(client, small.get_absolute_url())
    assert small_count == _queries_for(client, large.get_absolute_url())
    assert small_count <= 10  # 8 before Steps 9 and 10: codes, pending proposals
