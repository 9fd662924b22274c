"""Search: aliases, typos, German word forms; junk input gets a helpful page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roles.models import Role, RoleTask
from roles.search.query import search

pytestmark = pytest.mark.django_db
TOP = 5


def _found(query: str) -> list[str]:
    return [hit.url.split("/")[2] for hit in search(query).roles]


def _misspell(title: str) -> str:
    """Drop one letter from the title's longest word: 'Manager' → 'Manger'."""
    words = title.strip("„“").split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    words[longest] = word[:-3] + word[-2:]
    return " ".join(words)


def test_every_role_is_found_by_each_of_its_aliases(catalogue):
    for role in Role.objects.all():
        for alias in role.alias_list:
            assert role.slug in _found(alias)[:TOP], (alias, role.slug)


def test_every_role_is_found_by_a_misspelled_title(catalogue):
    for role in Role.objects.all():
        typo = _misspell(role.title)
        assert typo != role.title
        assert role.slug in _found(typo)[:TOP], (typo, role.slug)


def test_misspelled_query_from_the_issue_finds_the_manager(catalogue):
    assert _found("Sozial Media Manger")[0] == "social-media-manager"


@pytest.mark.parametrize(
    ("query", "task"),
    [
        ("Kommentaren", "moderation"),
        ("Beiträgen", "beitraege-schreiben"),
        ("Kampagne", "kampagnenplanung"),
    ],
)
def test_inflected_word_finds_every_role_doing_that_task(catalogue, query, task):
    doing = set(
        RoleTask.objects.filter(task__slug=task)
        .exclude(responsibility="excluded")
        .values_list("role__slug", flat=True)
    )
    assert doing
    assert doing <= set(_found(query))


def test_results_are_ranked_with_the_best_match_first(catalogue):
    assert _found("Community Managerin")[0] == "community-manager"
    assert _found("Social Media Redakteur")[0] == "online-redakteur"


def test_snippet_highlights_the_match_and_escapes_text(catalogue):
    hit = search("Kommentaren").roles[0]
    assert "<mark>Kommentare</mark>" in hit.snippet


def test_search_page_shows_hits_tasks_and_competencies(client, catalogue):
    page = client.get(f"{reverse('pages:search')}?q=Moderation").content.decode()
    assert 'href="/roles/community-manager/"' in page
    assert 'href="/tasks/moderation/"' in page
    assert "<mark>" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("x", "mindestens ein Wort mit zwei Buchstaben"),
        ("?!.,;", "mindestens ein Wort mit zwei Buchstaben"),
        ("", "mindestens ein Wort mit zwei Buchstaben"),
        ("Moderation " * 1000, "auf 200 Zeichen gekürzt"),
        ("'; DROP TABLE roles_role; --", "wurde nichts gefunden"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ],
)
def test_junk_queries_get_a_helpful_page(client, catalogue, query, expected):
    response = client.get(reverse("pages:search"), {"q": query})
    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page
    assert "<script>alert(1)</script>" not in page
    assert Role.objects.count() == 16


def _queries(client, query: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(reverse("pages:search"), {"q": query})
    return len(context.captured_queries)


def test_search_page_runs_in_a_constant_number_of_queries(client, catalogue):
    few = _queries(client, "Blogger")
    many = _queries(client, "Social Media Manager Kommunikation")
    # Words, one page with its count, the page's roles, tasks, competencies; on
    # PostgreSQL the page query runs in its own short transaction (BEGIN, SET,
    # COMMIT: see roles/search/backends.py).
    assert few == many <= (8 if connection.vendor == "postgresql" else 5)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("und oder die der", "enthält nur sehr häufige Wörter"),
        (" ".join(f"wort{i}" for i in range(1000)), "auf 200 Zeichen gekürzt"),
        ('Community AND NOT "Manager" OR * NEAR(x y) col:wert ^a -b', "Community"),
        ("Moderation)) OR ((1=1", "Community Manager"),
    ],
)
def test_many_terms_stop_words_and_operators_are_plain_words(
    client, catalogue, query, expected
):
    response = client.get(reverse("pages:search"), {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_more_than_twelve_words_are_cut_with_a_note(catalogue):
    results = search(" ".join(["Moderation"] + [f"begriff{i}" for i in range(20)]))
    assert "Gesucht wurde nach den ersten 12 Wörtern." in results.messages
    assert "community-manager" in [hit.slug for hit in results.roles]


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999"])
def test_page_numbers_out_of_range_show_a_real_page(client, catalogue, page):
    response = client.get(reverse("pages:search"), {"q": "Social", "page": page})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="search-results"' in html


def test_results_come_a_page_at_a_time_without_repeats(catalogue):
    from roles.management.commands.generate_catalogue import generate

    generate(30, seed=5)  # each synthetic role does about half of all tasks
    first = search("Synthetische")
    assert first.total == 30 and first.pages == 2
    second = search("Synthetische", page=2)
    slugs = [hit.slug for hit in first.roles + second.roles]
    assert len(first.roles) == 20 and len(second.roles) == 10
    assert len(set(slugs)) == 30
    assert search("Synthetische", page=7).page == 2  # past the end: the last


def test_a_saved_edit_is_found_at_once(catalogue):
    from roles.revisions.snapshots import snapshot_of
    from roles.services import save_role

    role = Role.objects.get(slug="blogger")
    snapshot = snapshot_of(role)
    snapshot["fields"]["aliases"] += "\nLangformautorin"
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Alias",
    )
    assert _found("Langformautorin")[0] == "blogger"
    assert _found("Langformautorn")[0] == "blogger"  # and with a typo


def test_suggestions_come_from_the_server_as_you_type(client, catalogue):
    data = client.get(reverse("pages:suggest"), {"q": "Commu"}).json()
    titles = [role["title"] for role in data["roles"]]
    assert titles[0] == "Community Manager"  # begins as typed, shortest first
    assert len(titles) <= 8
    assert client.get(reverse("pages:suggest"), {"q": "x"}).json()["roles"] == []
