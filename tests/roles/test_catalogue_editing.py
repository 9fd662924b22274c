"""Editing the shared tasks and competencies: permissions, history, no lost edits."""

from __future__ import annotations

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Competency, Task

pytestmark = pytest.mark.django_db
TASK_EDIT = reverse("roles:task_edit", args=["moderation"])


def _form(client, url: str) -> dict:
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {name: value for name, value in data.items() if value not in (None, "")}


def test_editor_renames_a_task_for_every_role(client_for, editor, catalogue):
    client = client_for(editor)
    data = _form(client, TASK_EDIT)
    data.update(
        plain_name="Diskussionen begleiten und Regeln durchsetzen",
        edit_summary="klarer",
    )
    assert client.post(TASK_EDIT, data).status_code == 302
    task = Task.objects.get(slug="moderation")
    assert task.plain_name == "Diskussionen begleiten und Regeln durchsetzen"
    role_page = client.get(
        reverse("roles:detail", args=["community-manager"])
    ).content.decode()
    assert "Diskussionen begleiten und Regeln durchsetzen" in role_page
    history = client.get(
        reverse("roles:task_history", args=["moderation"])
    ).content.decode()
    assert "klarer" in history and "redakteur" in history
    # The shipped state is the first revision; the edit is the second.
    assert Version.objects.get_for_object(task).count() == 2


def test_editor_creates_a_competency(client_for, editor, catalogue):
    client = client_for(editor)
    data = {
        "name": "Datenschutz-Praxis",
        "slug": "datenschutz-praxis",
        "plain_name": "Geht sorgsam mit persönlichen Daten um",
        "kind": "professional",
    }
    assert client.post(reverse("roles:competency_create"), data).status_code == 302
    assert Competency.objects.get(slug="datenschutz-praxis").revision_number == 1


@pytest.mark.parametrize(("persona", "status"), [(None, 403), ("reader", 403)])
def test_readers_cannot_edit_the_catalogue(
    request, client_for, catalogue, persona, status
):
    user = request.getfixturevalue(persona) if persona else None
    before = Task.objects.get(slug="moderation").plain_name
    response = client_for(user).post(TASK_EDIT, {"name": "x", "plain_name": "x"})
    assert response.status_code == status
    assert Task.objects.get(slug="moderation").plain_name == before


def test_crossed_catalogue_edits_do_not_overwrite(
    client_for, editor, other_editor, catalogue
):
    first, second = client_for(editor), client_for(other_editor)
    first_data, second_data = _form(first, TASK_EDIT), _form(second, TASK_EDIT)
    first_data["plain_name"] = "Erste Fassung"
    second_data["plain_name"] = "Zweite Fassung"
    assert first.post(TASK_EDIT, first_data).status_code == 302
    response = second.post(TASK_EDIT, second_data)
    assert response.status_code == 409
    assert "Zweite Fassung" in response.content.decode()
    assert Task.objects.get(slug="moderation").plain_name == "Erste Fassung"


def test_duplicate_slug_is_a_form_error(client_for, editor, catalogue):
    client = client_for(editor)
    data = _form(client, TASK_EDIT)
    data["slug"] = "monitoring"
    response = client.post(TASK_EDIT, data)
    assert response.status_code == 400
    assert "existiert bereits" in response.content.decode()


def test_ad_phrases_are_edited_with_history_and_shown(client_for, editor, db):
    from reversion.models import Version

    from tests.builders import make_task

    task = make_task(name="Moderieren", plain_name="Kommentare begleiten")
    client = client_for(editor)
    url = reverse("roles:task_edit", args=[task.slug])
    data = {
        "name": task.name,
        "slug": task.slug,
        "plain_name": task.plain_name,
        "area": task.area,
        "plain_description": "",
        "description": "",
        "ad_phrases": "Moderation der Kommentare\r\nUmgang mit Hasskommentaren",
        "base_number": task.revision_number,
        "edit_summary": "Anzeigensprache",
    }
    assert client.post(url, data).status_code == 302
    task.refresh_from_db()
    assert task.ad_phrase_list == [
        "Moderation der Kommentare",
        "Umgang mit Hasskommentaren",
    ]
    assert Version.objects.get_for_object(task).count() == 1
    page = client.get(reverse("roles:task", args=[task.slug])).content.decode()
    assert "So steht es oft in Stellenanzeigen" in page
    assert "„Umgang mit Hasskommentaren“" in page


def test_shipped_tasks_and_competencies_carry_ad_phrases(catalogue):
    from roles.models import Competency

    for model in (Task, Competency):
        for entry in model.objects.all():
            assert len(entry.ad_phrase_list) >= 3, entry.slug


def test_search_finds_a_task_by_the_words_of_an_ad(client, catalogue):
    page = client.get(reverse("pages:search"), {"q": "Shitstorms"}).content.decode()
    assert 'href="/tasks/kritik-und-krisen/"' in page
