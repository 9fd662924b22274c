"""Two editors press save at the same instant, many times, on a real PostgreSQL.

The compare-and-swap must let exactly one save through each time; the other gets the
conflict page with its text intact. Never both saved, never a 500.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from tests.conftest import restore_flushed_data
from tests.reliability.conftest import logged_in
from tests.reliability.racing import race
from tests.roles.forms import edit_data

SLUG = "community-manager"
EDIT = reverse("roles:edit", args=[SLUG])
ROUNDS = 15

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="true concurrency needs PostgreSQL"
)


@pytest.fixture
def shipped(transactional_db):
    restore_flushed_data()
    # A draft: on a reviewed role an editor's save is a proposal (Step 10), and
    # this test is about two saves racing for the same revision.
    Role.objects.filter(slug=SLUG).update(status="draft")


def test_simultaneous_saves_never_both_win(shipped, django_user_model):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Redaktion")
    users = []
    for name in ("anna", "ben"):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(editors)
        users.append(user)
    clients = [logged_in(user) for user in users]
    role = Role.objects.get(slug=SLUG)
    for round_number in range(ROUNDS):
        forms = [edit_data(client.get(EDIT)) for client in clients]
        texts = [
            f"Runde {round_number}: Fassung von {user.username}." for user in users
        ]
        for data, text in zip(forms, texts, strict=True):
            data["summary"] = text
        before = Version.objects.get_for_object(role).count()

        results = race(
            [
                lambda c=client, d=data: _post(c, d)
                for client, data in zip(clients, forms, strict=True)
            ]
        )

        statuses = sorted(status for status, _page in results)
        assert statuses == [302, 409], results
        loser_page = next(page for status, page in results if status == 409)
        saved = Role.objects.get(slug=SLUG).summary
        assert saved in texts
        lost_text = next(text for text in texts if text != saved)
        assert lost_text in loser_page, "the losing text stays in the form"
        assert Version.objects.get_for_object(role).count() == before + 1


def _post(client: Client, data: dict) -> tuple[int, str]:
    response = client.post(EDIT, data)
    return response.status_code, response.content.decode()
