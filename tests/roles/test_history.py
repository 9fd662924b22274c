"""History, old revisions, diffs and revert, as readers and maintainers see them."""

from __future__ import annotations

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from tests.builders import make_task
from tests.roles.forms import edit_data, rows

pytestmark = pytest.mark.django_db
SLUG = "testrolle"
EDIT = reverse("roles:edit", args=[SLUG])


def _role() -> Role:
    return Role.objects.get(slug=SLUG)


@pytest.fixture
def two_revisions(client_for, editor, wiki_role):
    """First revision: the role as made. Second: several changes."""
    client = client_for(editor)
    original = snapshot_of(_role())
    data = edit_data(client.get(EDIT))
    data["summary"] = "Völlig neue Fassung."
    data["edit_summary"] = "Kurzbeschreibung neu"
    first = rows(data, "tasks")[0]
    data[f"tasks-{first}-DELETE"] = "on"
    free = int(data["tasks-TOTAL_FORMS"]) - 1
    data[f"tasks-{free}-task"] = str(make_task(name="Kritisch begleiten").pk)
    data[f"tasks-{free}-responsibility"] = "contributes"
    comp = rows(data, "competencies")[0]
    data[f"competencies-{comp}-level"] = "1"
    assert client.post(EDIT, data).status_code == 302
    old, new = Version.objects.get_for_object(_role()).order_by("pk")
    return original, old, new


def test_history_lists_author_time_and_summary(client, two_revisions):
    page = client.get(reverse("roles:history", args=[SLUG])).content.decode()
    assert "redakteur" in page
    assert page.index("Kurzbeschreibung neu") < page.index("Anlage")


def test_role_page_names_the_last_editor(client, two_revisions):
    page = client.get(reverse("roles:detail", args=[SLUG])).content.decode()
    assert "Zuletzt geändert von redakteur am" in page


def test_old_revision_renders_like_the_role_page(client, two_revisions):
    original, old, new = two_revisions
    page = client.get(reverse("roles:revision", args=[SLUG, old.pk])).content.decode()
    assert "Alte Fassung vom" in page
    assert original["fields"]["summary"] in page
    assert "Nicht Teil dieser Rolle" in page
    assert "Völlig neue Fassung." not in page


def test_diff_names_changed_fields_words_and_assignments(client, two_revisions):
    _original, old, new = two_revisions
    response = client.get(
        f"{reverse('roles:diff', args=[SLUG])}?from={old.pk}&to={new.pk}"
    )
    page = " ".join(response.content.decode().split())
    assert "Kurzbeschreibung für Unternehmen" in page
    assert "<ins>Völlig neue Fassung.</ins>" in page
    assert "<del>Ausgangstext.</del>" in page
    assert "Aufgaben: Kritisch begleiten</strong> – hinzugefügt: wirkt mit" in page
    assert "entfernt (war:" in page
    assert "geändert von" in page and "zu „1 – Grundkenntnisse" in page


@pytest.mark.parametrize("query", ["", "?from=x&to=y", "?from=999999&to=1"])
def test_diff_with_bad_revisions_is_a_404(client, two_revisions, query):
    assert client.get(f"/roles/{SLUG}/diff/{query}").status_code == 404


def test_revert_restores_role_and_assignments_exactly(
    client_for, maintainer, two_revisions
):
    original, old, _new = two_revisions
    client = client_for(maintainer)
    url = reverse("roles:revert", args=[SLUG, old.pk])
    response = client.post(url, {"base_number": _role().revision_number})
    assert response.status_code == 302
    restored = snapshot_of(_role())
    assert restored == original
    versions = Version.objects.get_for_object(_role())
    assert versions.count() == 3  # history never loses an entry
    assert versions.first().revision.user == maintainer
    assert (
        "Zurückgesetzt auf die Fassung vom" in versions.first().revision.get_comment()
    )
    assert _role().definition_html  # stored HTML re-rendered on restore


def test_revert_first_shows_what_would_change(client_for, maintainer, two_revisions):
    _original, old, _new = two_revisions
    before = snapshot_of(_role())
    url = reverse("roles:revert", args=[SLUG, old.pk])
    response = client_for(maintainer).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Das würde sich ändern" in page
    assert "<del>Völlig neue Fassung.</del>" in page
    assert f'name="base_number" value="{_role().revision_number}"' in page
    assert snapshot_of(_role()) == before, "looking changes nothing"


def test_revert_without_its_base_revision_changes_nothing(
    client_for, maintainer, two_revisions
):
    _original, old, _new = two_revisions
    before = snapshot_of(_role())
    url = reverse("roles:revert", args=[SLUG, old.pk])
    assert client_for(maintainer).post(url).status_code == 400
    assert snapshot_of(_role()) == before


def test_revert_based_on_an_old_page_is_a_conflict_not_an_overwrite(
    client_for, maintainer, two_revisions
):
    _original, old, _new = two_revisions
    stale_number = _role().revision_number
    Role.objects.filter(slug=SLUG).update(revision_number=stale_number + 1)
    before = snapshot_of(_role())
    url = reverse("roles:revert", args=[SLUG, old.pk])
    response = client_for(maintainer).post(url, {"base_number": stale_number})
    assert response.status_code == 409
    assert "Es wurde nichts zurückgesetzt" in response.content.decode()
    assert snapshot_of(_role()) == before


def test_recent_changes_lists_edits_across_the_wiki(client, two_revisions):
    _original, _old, new = two_revisions
    page = client.get(reverse("pages:changes")).content.decode()
    assert f'href="/roles/{SLUG}/history/{new.pk}/"' in page
    assert "Kurzbeschreibung neu" in page
