"""Logging in and out, throttled logins, and making editors from the command line."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-123-Passwort"


def test_login_page_is_in_the_site_layout(client):
    page = client.get(reverse("login")).content.decode()
    assert "Anmelden" in page and "Zum Lesen, Vergleichen und Exportieren" in page


def test_login_with_the_right_password(client, editor):
    response = client.post(
        reverse("login"), {"username": "redakteur", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "Abmelden" in client.get("/").content.decode()


def test_wrong_password_says_so_and_keeps_the_name(client, editor):
    response = client.post(
        reverse("login"), {"username": "redakteur", "password": "falsch"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "und Passwort eingeben. Beide Felder berücksichtigen" in page
    assert 'value="redakteur"' in page


def test_five_failed_logins_lock_the_account_for_a_while(client, editor):
    for _ in range(5):
        client.post(reverse("login"), {"username": "redakteur", "password": "falsch"})
    response = client.post(
        reverse("login"), {"username": "redakteur", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()


def test_logout_is_a_post(client_for, editor):
    client = client_for(editor)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "Anmelden" in client.get("/").content.decode()


def test_password_change_page(client_for, editor):
    page = client_for(editor).get(reverse("password_change")).content.decode()
    assert "Passwort ändern" in page


def test_grant_makes_an_editor_and_a_maintainer(reader):
    call_command("grant", "leserin", "redaktion", stdout=None)
    assert reader.has_perm("roles.change_role")
    call_command("grant", "leserin", "pflege")
    reader.refresh_from_db()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=reader.pk)
    assert user.has_perm("roles.revert_role") and user.is_staff


def test_grant_for_an_unknown_user_explains(db):
    with pytest.raises(CommandError, match="Kein Konto"):
        call_command("grant", "niemand", "redaktion")
