"""Two editors press save at the same instant, many times, on a real PostgreSQL.

The compare-and-swap must let exactly one save through each time; the other gets the
conflict page with its text intact. Never both saved, never a 500.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from reversion.models import Version

from roles.models import Role
from tests.conftest import restore_flushed_data
from tests.roles.forms import edit_data

SLUG = "community-manager"
EDIT = f"/roles/{SLUG}/edit/"
ROUNDS = 15

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="true concurrency needs PostgreSQL"
)


@pytest.fixture
def shipped(transactional_db):
    restore_flushed_data()


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _race(clients_and_data) -> list:
    barrier = threading.Barrier(len(clients_and_data))
    results: list = [None] * len(clients_and_data)

    def save(index: int, client: Client, data: dict) -> None:
        try:
            barrier.wait(timeout=10)
            response = client.post(EDIT, data)
            results[index] = (response.status_code, response.content.decode())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = (None, repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(i, client, data))
        for i, (client, data) in enumerate(clients_and_data)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_simultaneous_saves_never_both_win(shipped, django_user_model):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Redaktion")
    users = []
    for name in ("anna", "ben"):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(editors)
        users.append(user)
    clients = [_logged_in(user) for user in users]
    role = Role.objects.get(slug=SLUG)
    for round_number in range(ROUNDS):
        forms = [edit_data(client.get(EDIT)) for client in clients]
        texts = [
            f"Runde {round_number}: Fassung von {user.username}." for user in users
        ]
        for data, text in zip(forms, texts, strict=True):
            data["summary"] = text
        before = Version.objects.get_for_object(role).count()

        results = _race(list(zip(clients, forms, strict=True)))

        statuses = sorted(status for status, _page in results)
        assert statuses == [302, 409], results
        loser_page = next(page for status, page in results if status == 409)
        saved = Role.objects.get(slug=SLUG).summary
        assert saved in texts
        lost_text = next(text for text in texts if text != saved)
        assert lost_text in loser_page, "the losing text stays in the form"
        assert Version.objects.get_for_object(role).count() == before + 1
