"""Faults of the real database: a 503 that says so, and nothing typed is lost.

The database is made to refuse for real — read-only, unreachable, locked by others —
on whichever engine the suite runs on; nothing is mocked.
"""

from __future__ import annotations

import contextlib
import re
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse

from roles.models import Role
from tests.reliability.conftest import logged_in
from tests.reliability.racing import race
from tests.roles.forms import edit_data

TYPED = "Mein langer, sorgfältig getippter Absatz über die Rolle."


@pytest.fixture
def editor_client(committed, django_user_model) -> Client:
    user = django_user_model.objects.create_user("schreiberin", password="x")
    user.groups.add(Group.objects.get(name="Redaktion"))
    return logged_in(user)


@contextlib.contextmanager
def read_only_database():
    """The database refuses writes (a read-only file or replica) but answers reads."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET default_transaction_read_only = on")
        else:
            cursor.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET default_transaction_read_only = off")
            else:
                cursor.execute("PRAGMA query_only = OFF")


@contextlib.contextmanager
def unreachable_database():
    """The next connection goes nowhere: a stopped server, a missing file."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict["HOST"] = "127.0.0.1"
        connection.settings_dict["PORT"] = "9"  # discard port: nothing listens
    else:
        connection.settings_dict["NAME"] = "/nonexistent-directory/gone.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def _resend(page: str) -> dict[str, list[str]]:
    """The hidden fields of the 503 page's "send again" form, as a browser sends."""
    data: dict[str, list[str]] = {}
    for name, value in re.findall(
        r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page
    ):
        import html

        data.setdefault(html.unescape(name), []).append(html.unescape(value))
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_edit_on_a_read_only_database_is_a_503_that_keeps_the_text(
    shaped_role, editor_client
):
    url = reverse("roles:edit", args=[shaped_role.slug])
    data = {**edit_data(editor_client.get(url)), "summary": TYPED}
    with read_only_database():
        response = editor_client.post(url, data)
        page = response.content.decode()
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "nimmt keine Änderungen an" in page
        assert TYPED in page
        assert editor_client.get(shaped_role.get_absolute_url()).status_code == 200
    assert Role.objects.get(pk=shaped_role.pk).summary == "Ausgangstext."
    # Sent again from the 503 page once the database takes writes: saved.
    again = editor_client.post(url, _resend(page))
    assert again.status_code == 302
    assert Role.objects.get(pk=shaped_role.pk).summary == TYPED


def test_logins_on_a_read_only_database_are_503_not_500(committed, django_user_model):
    django_user_model.objects.create_user("anna", password="richtig-Passwort-1")
    client = Client()
    with read_only_database():
        wrong = client.post(
            reverse("login"), {"username": "anna", "password": "falsch"}
        )
        right = client.post(
            reverse("login"), {"username": "anna", "password": "richtig-Passwort-1"}
        )
    assert (wrong.status_code, right.status_code) == (503, 503)


def test_unreachable_database_is_a_503_page_and_a_post_keeps_its_text(
    shaped_role, editor_client
):
    url = reverse("roles:edit", args=[shaped_role.slug])
    data = {**edit_data(editor_client.get(url)), "summary": TYPED}
    with unreachable_database():
        read = editor_client.get(shaped_role.get_absolute_url())
        write = editor_client.post(url, data)
    assert read.status_code == 503 and read["Retry-After"]
    assert "nicht erreichbar" in read.content.decode()
    assert write.status_code == 503
    assert TYPED in write.content.decode()
    assert Role.objects.get(pk=shaped_role.pk).summary == "Ausgangstext."


def test_failed_logins_while_others_save_never_fail(shaped_role, django_user_model):
    """SQLite used to answer "database is locked" (500) here."""
    editors = Group.objects.get(name="Redaktion")
    clients = []
    for n in range(3):
        user = django_user_model.objects.create_user(f"schreiber{n}", password="x")
        user.groups.add(editors)
        clients.append(logged_in(user))
    url = reverse("roles:edit", args=[shaped_role.slug])

    def saver(client, n):
        def run():
            statuses = []
            for step in range(4):
                data = edit_data(client.get(url))
                data["summary"] = f"Speicherung {n}-{step}."
                statuses.append(client.post(url, data).status_code)
            return statuses

        return run

    def failed_logins(n):
        def run():
            client = Client()
            return [
                client.post(
                    reverse("login"), {"username": f"gast{n}", "password": f"x{i}"}
                ).status_code
                for i in range(4)
            ]

        return run

    results = race(
        [saver(c, n) for n, c in enumerate(clients)]
        + [failed_logins(n) for n in range(3)]
    )
    statuses = [status for result in results for status in result]
    assert all(status in (200, 302, 409, 429) for status in statuses), statuses


def test_role_deleted_while_being_edited_keeps_the_text_and_offers_a_new_role(
    shaped_role, editor_client
):
    url = reverse("roles:edit", args=[shaped_role.slug])
    data = {**edit_data(editor_client.get(url)), "definition": TYPED}
    Role.objects.filter(pk=shaped_role.pk).delete()
    response = editor_client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 410
    assert "inzwischen gelöscht" in page
    assert TYPED in page
    assert f'action="{reverse("roles:create")}"' in page
    saved = editor_client.post(reverse("roles:create"), data)
    assert saved.status_code == 302
    assert Role.objects.get(slug=shaped_role.slug).definition == TYPED


def test_shared_stemmer_gives_right_stems_in_many_threads():
    from roles.search.text import stems

    words = (
        "Kommentaren Beiträgen Kampagnen Moderation Strategien "
        "Zielgruppen Auswertungen Redaktionsplanung"
    ) * 5
    expected = stems(words)
    errors: list = []

    def work():
        for _ in range(400):
            try:
                if stems(words) != expected:
                    errors.append("wrong")
            except Exception as error:  # noqa: BLE001
                errors.append(repr(error))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
