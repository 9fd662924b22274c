"""Two people edit the same role: nothing is silently overwritten, nothing is lost."""

from __future__ import annotations

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from tests.roles.forms import edit_data, rows

pytestmark = pytest.mark.django_db
URL = reverse("roles:edit", args=["testrolle"])


@pytest.fixture
def two_open_forms(client_for, editor, other_editor, wiki_role):
    first, second = client_for(editor), client_for(other_editor)
    return (first, edit_data(first.get(URL))), (second, edit_data(second.get(URL)))


def _role() -> Role:
    return Role.objects.get(slug="testrolle")


def test_second_save_of_the_same_field_gets_the_conflict_page(two_open_forms):
    (first, first_data), (second, second_data) = two_open_forms
    first_data["summary"] = "Fassung der ersten Person."
    second_data["summary"] = "Fassung der zweiten Person."
    assert first.post(URL, first_data).status_code == 302
    response = second.post(URL, second_data)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Bearbeitungskonflikt" in page
    assert "redakteur hat diese Rolle gespeichert" in page
    assert "Fassung der zweiten Person." in page  # still in the form
    assert "ersten Person.</ins>" in page  # what the other person changed
    assert _role().summary == "Fassung der ersten Person."
    assert Version.objects.get_for_object(_role()).count() == 1 + 1  # shipped + one


def test_resubmitting_from_the_conflict_page_saves_deliberately(two_open_forms):
    (first, first_data), (second, second_data) = two_open_forms
    first_data["summary"] = "Fassung der ersten Person."
    second_data["summary"] = "Fassung der zweiten Person."
    first.post(URL, first_data)
    conflict = second.post(URL, second_data)
    resubmit = edit_data(conflict)
    assert resubmit["summary"] == "Fassung der zweiten Person."
    assert second.post(URL, resubmit).status_code == 302
    assert _role().summary == "Fassung der zweiten Person."
    assert Version.objects.get_for_object(_role()).count() == 1 + 2


def test_changes_to_different_things_are_merged(two_open_forms):
    (first, first_data), (second, second_data) = two_open_forms
    first_data["summary"] = "Neue Kurzbeschreibung."
    index = rows(second_data, "tasks")[0]
    second_data[f"tasks-{index}-note"] = "Neue Notiz der zweiten Person."
    second_data["placement"] = "Stabsstelle"
    assert first.post(URL, first_data).status_code == 302
    response = second.post(URL, second_data, follow=True)
    assert "wurden zusammengeführt" in response.content.decode()
    role = _role()
    assert role.summary == "Neue Kurzbeschreibung."
    assert role.placement == "Stabsstelle"
    task_id = int(second_data[f"tasks-{index}-task"])
    assert (
        role.task_assignments.get(task_id=task_id).note
        == "Neue Notiz der zweiten Person."
    )
    assert role.revision_number == 1 + 2  # shipped, the first save, the merge


def test_one_removes_a_task_while_the_other_edits_its_note(two_open_forms):
    (first, first_data), (second, second_data) = two_open_forms
    index = rows(first_data, "tasks")[0]
    first_data[f"tasks-{index}-DELETE"] = "on"
    second_data[f"tasks-{index}-note"] = "Geändert, während jemand löschte."
    first.post(URL, first_data)
    response = second.post(URL, second_data)
    assert response.status_code == 409
    assert "Geändert, während jemand löschte." in response.content.decode()


def test_double_submit_makes_one_revision(client_for, editor, wiki_role):
    client = client_for(editor)
    data = edit_data(client.get(URL))
    data["summary"] = "Einmal gespeichert, zweimal geklickt."
    assert client.post(URL, data).status_code == 302
    response = client.post(URL, data, follow=True)
    assert "bereits gespeichert" in response.content.decode()
    assert Version.objects.get_for_object(_role()).count() == 1 + 1
    assert _role().revision_number == 1 + 1
