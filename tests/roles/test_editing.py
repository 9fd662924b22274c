"""Editing a role: one save is one revision; bad input loses nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roles.models import Role, RoleCompetency, RoleTask, Task
from roles.revisions.snapshots import snapshot_of
from tests.roles.forms import edit_data, rows

pytestmark = pytest.mark.django_db
SLUG = "testrolle"
URL = reverse("roles:edit", args=[SLUG])


@pytest.fixture
def editing(client_for, editor, wiki_role):
    client = client_for(editor)
    data = edit_data(client.get(URL))
    return client, data


def _versions(slug: str) -> int:
    from reversion.models import Version

    return Version.objects.get_for_object(Role.objects.get(slug=slug)).count()


def test_edit_page_shows_every_part_of_the_role(editing):
    client, data = editing
    page = client.get(URL).content.decode()
    assert "Rolle testrolle bearbeiten" in page
    assert 'name="definition"' in page and "markdownx" in page
    assert data["title"] == "Rolle testrolle"
    assert len(rows(data, "tasks")) == RoleTask.objects.filter(role__slug=SLUG).count()
    assert len(rows(data, "competencies")) == 1


def test_save_is_one_revision_with_author_and_summary(editing, editor):
    client, data = editing
    data["summary"] = "Neue Kurzbeschreibung in klaren Worten für Unternehmen."
    data["edit_summary"] = "Kurzbeschreibung geschärft"
    index = rows(data, "tasks")[0]
    data[f"tasks-{index}-note"] = "Neue Notiz"
    response = client.post(URL, data)
    assert response.status_code == 302
    role = Role.objects.get(slug=SLUG)
    assert role.summary == data["summary"]
    assert role.revision_number == 2  # the shipped state is revision 1
    from reversion.models import Version

    versions = Version.objects.get_for_object(role)
    assert versions.count() == 2
    revision = versions.first().revision
    assert (revision.user, revision.get_comment()) == (
        editor,
        "Kurzbeschreibung geschärft",
    )
    task_versions = revision.version_set.filter(content_type__model="roletask")
    assert task_versions.count() == role.task_assignments.count()


def test_adding_and_removing_assignments(editing):
    client, data = editing
    first = rows(data, "tasks")[0]
    removed_task = int(data[f"tasks-{first}-task"])
    data[f"tasks-{first}-DELETE"] = "on"
    free = int(data["tasks-TOTAL_FORMS"]) - 1
    new_task = Task.objects.get(slug="grafikdesign")
    data[f"tasks-{free}-task"] = str(new_task.pk)
    data[f"tasks-{free}-responsibility"] = "excluded"
    assert client.post(URL, data).status_code == 302
    role = Role.objects.get(slug=SLUG)
    assert not role.task_assignments.filter(task_id=removed_task).exists()
    assert role.task_assignments.get(task=new_task).responsibility == "excluded"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Dieses Feld ist zwingend erforderlich"),
        ({"slug": "testrolle-vorlage"}, "existiert bereits"),
        ({"slug": "new"}, "reserviert"),
        ({"summary": "x" * 801}, "höchstens 800 Zeichen"),
        ({"orientation": "11"}, "kleiner oder gleich 10"),
        ({"salary_min": "5000", "salary_max": "3000"}, "Höchstgehalt"),
        ({"aliases": "Social\x07Media"}, "Steuerzeichen"),
        ({"company_sizes": ["gigantisch"]}, "gültige Auswahl"),
    ],
)
def test_bad_role_fields_keep_what_was_typed_and_save_nothing(editing, change, message):
    client, data = editing
    before = snapshot_of(Role.objects.get(slug=SLUG))
    data["definition"] = "Mein sorgfältig getippter Text"
    data.update(change)
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Mein sorgfältig getippter Text" in page
    assert "Gespeichert wurde noch nichts" in page
    assert snapshot_of(Role.objects.get(slug=SLUG)) == before
    assert _versions(SLUG) == 1  # only the first revision


def test_same_task_twice_is_refused(editing):
    client, data = editing
    first, free = rows(data, "tasks")[0], int(data["tasks-TOTAL_FORMS"]) - 1
    data[f"tasks-{free}-task"] = data[f"tasks-{first}-task"]
    data[f"tasks-{free}-responsibility"] = "owns"
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "mehrfach eingetragen" in response.content.decode()


def test_level_out_of_range_is_refused(editing):
    client, data = editing
    index = rows(data, "competencies")[0]
    data[f"competencies-{index}-level"] = "7"
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "gültige Auswahl" in response.content.decode()
    assert not RoleCompetency.objects.filter(level=7).exists()


def test_relation_to_itself_is_refused(editing):
    client, data = editing
    free = int(data["relations-TOTAL_FORMS"]) - 1
    data[f"relations-{free}-to_role"] = str(Role.objects.get(slug=SLUG).pk)
    data[f"relations-{free}-kind"] = "supports"
    assert client.post(URL, data).status_code == 400


def test_tampered_base_is_refused_without_losing_text(editing):
    client, data = editing
    data["base_state"] = "manipuliert"
    data["summary"] = "Mein Text bleibt."
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Mein Text bleibt." in response.content.decode()


def test_script_in_fields_is_shown_as_text(editing, client):
    editor_client, data = editing
    data["title"] = "<script>alert(1)</script>Berater"
    data["definition"] = "<img src=x onerror=alert(1)> **fett**"
    assert editor_client.post(URL, data).status_code == 302
    page = client.get(reverse("roles:detail", args=[SLUG])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Berater" in page
    assert "onerror" not in page and "<strong>fett</strong>" in page


def test_creating_a_role(client_for, editor, wiki_role):
    client = client_for(editor)
    data = edit_data(client.get(reverse("roles:create")))
    data.update(
        title="Influencer-Relations-Manager",
        slug="influencer-relations-manager",
        family="social-media",
        summary="Pflegt Beziehungen zu Influencern.",
        orientation="6",
        position="internal",
        status="draft",
        edit_summary="Neue Rolle",
    )
    data["tasks-0-task"] = str(Task.objects.get(slug="moderation").pk)
    data["tasks-0-responsibility"] = "excluded"
    response = client.post(reverse("roles:create"), data)
    assert response.status_code == 302
    role = Role.objects.get(slug="influencer-relations-manager")
    assert role.task_assignments.get().responsibility == "excluded"
    assert _versions("influencer-relations-manager") == 1


def test_blank_extra_rows_as_a_browser_sends_them_are_skipped(editing):
    client, data = editing
    free = int(data["tasks-TOTAL_FORMS"]) - 1
    data[f"tasks-{free}-responsibility"] = ""  # blank first option, as rendered
    data["summary"] = "Gespeichert trotz leerer Zusatzzeilen."
    assert client.post(URL, data).status_code == 302


def test_a_row_with_a_note_but_no_task_is_not_dropped_silently(editing):
    client, data = editing
    free = int(data["tasks-TOTAL_FORMS"]) - 1
    data[f"tasks-{free}-note"] = "Notiz ohne Aufgabe"
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Eintrag" in page and "Notiz ohne Aufgabe" in page
