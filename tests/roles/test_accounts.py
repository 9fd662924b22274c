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


# --- manage.py adduser -------------------------------------------------------------


def adduser(*args, stdin: str | None = None, monkeypatch=None) -> str:
    import io

    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("adduser", *args, stdout=out)
    return out.getvalue()


def test_adduser_makes_an_editor_who_can_log_in_and_edit(client, monkeypatch):
    said = adduser(
        "anna",
        "--group",
        "redaktion",
        "--email",
        "anna@example.org",
        "--password-from-stdin",
        stdin=f"{PASSWORD}\n",
        monkeypatch=monkeypatch,
    )
    from django.contrib.auth import get_user_model

    anna = get_user_model().objects.get(username="anna")
    assert "Redaktion" in said and anna.email == "anna@example.org"
    assert anna.has_perm("roles.change_role") and not anna.is_staff
    logged_in = client.post(
        reverse("login"), {"username": "anna", "password": PASSWORD}
    )
    assert logged_in.status_code == 302


def test_adduser_makes_a_maintainer_staff(monkeypatch):
    said = adduser(
        "bert",
        "--group",
        "pflege",
        "--password-from-stdin",
        stdin=f"{PASSWORD}\n",
        monkeypatch=monkeypatch,
    )
    from django.contrib.auth import get_user_model

    bert = get_user_model().objects.get(username="bert")
    assert bert.is_staff and bert.has_perm("roles.review_proposal")
    assert "/admin/" in said


def test_adduser_asks_for_the_password_twice(monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    adduser("carla", "--group", "redaktion")
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="carla").check_password(PASSWORD)


def test_adduser_refuses_two_different_passwords(monkeypatch, django_user_model):
    answers = iter([PASSWORD, "etwas-anderes-123"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    with pytest.raises(CommandError, match="verschieden"):
        adduser("dora", "--group", "redaktion")
    assert not django_user_model.objects.filter(username="dora").exists()


def test_adduser_refuses_a_weak_password_and_makes_nothing(
    monkeypatch, django_user_model
):
    with pytest.raises(CommandError):
        adduser(
            "emil",
            "--group",
            "redaktion",
            "--password-from-stdin",
            stdin="1234\n",
            monkeypatch=monkeypatch,
        )
    assert not django_user_model.objects.filter(username="emil").exists()


def test_adduser_refuses_an_existing_name_and_points_to_grant(editor, monkeypatch):
    with pytest.raises(CommandError, match="grant redakteur pflege"):
        adduser(
            "redakteur",
            "--group",
            "pflege",
            "--password-from-stdin",
            stdin=f"{PASSWORD}\n",
            monkeypatch=monkeypatch,
        )


def test_adduser_without_a_terminal_says_how_scripts_do_it(monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="--password-from-stdin"):
        adduser("fritz", "--group", "redaktion")


def test_grant_for_a_missing_account_points_to_adduser():
    with pytest.raises(CommandError, match="adduser niemand --group redaktion"):
        call_command("grant", "niemand", "redaktion")


def test_admin_add_user_with_pflege_makes_staff(admin_client, django_user_model):
    from django.contrib.auth.models import Group

    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "gerda",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "usable_password": "true",
            "email": "",
            "groups": [str(Group.objects.get(name="Pflege").pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    gerda = django_user_model.objects.get(username="gerda")
    assert gerda.is_staff and gerda.groups.filter(name="Pflege").exists()


def test_admin_giving_pflege_later_makes_staff(admin_client, editor):
    from django.contrib.auth.models import Group

    pflege = Group.objects.get(name="Pflege")
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {
            "username": editor.username,
            "is_active": "on",
            "groups": [str(pflege.pk)],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    editor.refresh_from_db()
    assert editor.is_staff
