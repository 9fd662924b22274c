"""Simultaneous writes on a real database: never a lost update, never a 500.

Runs on SQLite (WAL, immediate transactions) and, with DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from tests.reliability.conftest import logged_in
from tests.reliability.racing import race
from tests.roles.forms import edit_data

SAVERS = 50
REVERT_ROUNDS = 20


def _members(django_user_model, group: str, count: int, prefix: str) -> list:
    members = Group.objects.get(name=group)
    users = []
    for n in range(count):
        user = django_user_model.objects.create_user(f"{prefix}{n}", password="x")
        user.groups.add(members)
        users.append(user)
    return users


def test_fifty_simultaneous_same_base_saves_make_one_save_and_49_conflicts(
    shaped_role, django_user_model
):
    editors = _members(django_user_model, "Redaktion", SAVERS, "redakteur")
    clients = [logged_in(user) for user in editors]
    edit_url = reverse("roles:edit", args=[shaped_role.slug])
    base = edit_data(clients[0].get(edit_url))
    versions_before = Version.objects.get_for_object(shaped_role).count()
    texts = [f"Fassung Nummer {n}." for n in range(SAVERS)]

    def save(client, text):
        return lambda: client.post(edit_url, {**base, "summary": text})

    responses = race([save(c, t) for c, t in zip(clients, texts, strict=True)])

    statuses = [getattr(r, "status_code", r) for r in responses]
    assert sorted(statuses) == [302] + [409] * (SAVERS - 1), statuses
    saved = Role.objects.get(pk=shaped_role.pk).summary
    winner = statuses.index(302)
    assert saved == texts[winner], "the saved text is the winner's, whole"
    for text, response in zip(texts, responses, strict=True):
        if response.status_code == 409:
            assert text in response.content.decode(), "the loser's text is kept"
    after = Version.objects.get_for_object(shaped_role).count()
    assert after == versions_before + 1, "exactly one revision"


def test_revert_racing_an_edit_never_overwrites_or_fails(
    shaped_role, django_user_model
):
    (maintainer,) = _members(django_user_model, "Pflege", 1, "pflege")
    (editor,) = _members(django_user_model, "Redaktion", 1, "redaktion")
    reverting, editing = logged_in(maintainer), logged_in(editor)
    edit_url = reverse("roles:edit", args=[shaped_role.slug])
    first = Version.objects.get_for_object(shaped_role).last()
    revert_url = reverse("roles:revert", args=[shaped_role.slug, first.pk])
    outcomes = []
    for round_number in range(REVERT_ROUNDS):
        # Each round starts away from the first version, so the revert changes.
        data = edit_data(editing.get(edit_url))
        editing.post(edit_url, {**data, "summary": f"Vor Runde {round_number}."})
        form = edit_data(editing.get(edit_url))
        page = reverting.get(revert_url)
        number = page.context["base_number"]
        edit_text = f"Bearbeitung in Runde {round_number}."

        revert_data = {"base_number": number}
        edit_post = {**form, "summary": edit_text}
        revert, edit = race(
            [
                lambda d=revert_data: reverting.post(revert_url, d),
                lambda d=edit_post: editing.post(edit_url, d),
            ]
        )

        statuses = sorted([revert.status_code, edit.status_code])
        assert statuses == [302, 409], (round_number, statuses)
        summary = Role.objects.get(pk=shaped_role.pk).summary
        if revert.status_code == 302:
            assert summary == "Ausgangstext.", "the revert wrote the old text"
            assert edit_text in edit.content.decode(), "the edit's text is kept"
            outcomes.append("revert")
        else:
            assert summary == edit_text, "the edit is not silently replaced"
            outcomes.append("edit")
    assert len(outcomes) == REVERT_ROUNDS
