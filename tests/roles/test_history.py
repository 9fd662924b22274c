"""History, old revisions, diffs and revert, as readers and maintainers see them."""

from __future__ import annotations

import pytest
from reversion.models import Version

from roles.models import Role, Task
from roles.revisions.snapshots import snapshot_of
from tests.roles.forms import edit_data, rows

pytestmark = pytest.mark.django_db
SLUG = "social-media-manager"
EDIT = f"/roles/{SLUG}/edit/"


def _role() -> Role:
    return Role.objects.get(slug=SLUG)


def _save(client, **changes):
    data = edit_data(client.get(EDIT))
    data.update(changes)
    assert client.post(EDIT, data).status_code == 302
    return data


@pytest.fixture
def two_revisions(client_for, editor, catalogue):
    """First revision: the catalogue state re-saved. Second: several changes."""
    client = client_for(editor)
    _save(client, edit_summary="Ausgangsstand")
    original = snapshot_of(_role())
    data = edit_data(client.get(EDIT))
    data["summary"] = "Völlig neue Fassung."
    data["edit_summary"] = "Kurzbeschreibung neu"
    first = rows(data, "tasks")[0]
    data[f"tasks-{first}-DELETE"] = "on"
    free = int(data["tasks-TOTAL_FORMS"]) - 1
    data[f"tasks-{free}-task"] = str(
        Task.objects.get(slug="praxis-kritisch-begleiten").pk
    )
    data[f"tasks-{free}-responsibility"] = "contributes"
    comp = rows(data, "competencies")[0]
    data[f"competencies-{comp}-level"] = "1"
    assert client.post(EDIT, data).status_code == 302
    old, new = Version.objects.get_for_object(_role()).order_by("pk")
    return original, old, new


def test_history_lists_author_time_and_summary(client, two_revisions):
    page = client.get(f"/roles/{SLUG}/history/").content.decode()
    assert page.count("redakteur") >= 2
    assert page.index("Kurzbeschreibung neu") < page.index("Ausgangsstand")


def test_role_page_names_the_last_editor(client, two_revisions):
    page = client.get(f"/roles/{SLUG}/").content.decode()
    assert "Zuletzt geändert von redakteur am" in page


def test_old_revision_renders_like_the_role_page(client, two_revisions):
    original, old, new = two_revisions
    page = client.get(f"/roles/{SLUG}/history/{old.pk}/").content.decode()
    assert "Alte Fassung vom" in page
    assert original["fields"]["summary"] in page
    assert "Nicht Teil dieser Rolle" in page
    assert "Völlig neue Fassung." not in page


def test_diff_names_changed_fields_words_and_assignments(client, two_revisions):
    _original, old, new = two_revisions
    response = client.get(f"/roles/{SLUG}/diff/?from={old.pk}&to={new.pk}")
    page = " ".join(response.content.decode().split())
    assert "Kurzbeschreibung für Unternehmen" in page
    assert "<ins>Völlig neue Fassung.</ins>" in page
    assert "<del>Die zentrale Ansprechperson" in page
    assert (
        "Aufgaben: Beratung und kritische Begleitung</strong> – hinzugefügt: wirkt mit"
        in page
    )
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
    response = client.post(f"/roles/{SLUG}/history/{old.pk}/revert/")
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


def test_revert_is_post_only(client_for, maintainer, two_revisions):
    _original, old, _new = two_revisions
    response = client_for(maintainer).get(f"/roles/{SLUG}/history/{old.pk}/revert/")
    assert response.status_code == 405


def test_recent_changes_lists_edits_across_the_wiki(client, two_revisions):
    _original, _old, new = two_revisions
    page = client.get("/changes/").content.decode()
    assert f'href="/roles/{SLUG}/history/{new.pk}/"' in page
    assert "Kurzbeschreibung neu" in page
