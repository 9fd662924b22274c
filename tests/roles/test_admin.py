"""The admin: a read-only look at the wiki, and accounts nobody can abuse."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from roles.models import Role, RoleTask, Task
from roles.revisions.snapshots import snapshot_of
from tests.builders import assign_task, make_role

pytestmark = pytest.mark.django_db

WIKI_MODELS = [
    "role",
    "task",
    "competency",
    "roletask",
    "rolecompetency",
    "rolerelation",
    "roleoldslug",
]


def test_every_model_has_an_admin_page(admin_client):
    for name in WIKI_MODELS:
        url = reverse(f"admin:roles_{name}_changelist")
        assert admin_client.get(url).status_code == 200, name
    url = reverse("admin:comparisons_curatedcomparison_changelist")
    assert admin_client.get(url).status_code == 200


def test_roles_are_read_only_in_the_admin_with_a_link_to_the_wiki(admin_client):
    role = make_role(title="Nur lesbar")
    page = admin_client.get(reverse("admin:roles_role_changelist")).content.decode()
    assert reverse("roles:edit", args=[role.slug]) in page
    change = admin_client.get(reverse("admin:roles_role_change", args=[role.pk]))
    assert 'name="_save"' not in change.content.decode()


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("admin:roles_role_change", lambda: make_role()),
        (
            "admin:roles_task_change",
            lambda: Task.objects.create(
                slug="t-admin", name="T", plain_name="T", area="content"
            ),
        ),
        ("admin:roles_roletask_change", lambda: assign_task(make_role())),
    ],
)
def test_a_stale_or_forged_admin_post_changes_nothing(admin_client, url_name, make):
    obj = make()
    before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    response = admin_client.post(
        reverse(url_name, args=[obj.pk]),
        {"title": "Überschrieben", "name": "Überschrieben", "note": "Überschrieben"},
    )
    assert response.status_code == 403
    obj.refresh_from_db()
    after = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    assert after == before


def test_admin_offers_no_add_or_delete_for_wiki_entries(admin_client):
    role = make_role()
    assert admin_client.get(reverse("admin:roles_role_add")).status_code == 403
    delete = reverse("admin:roles_role_delete", args=[role.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Role.objects.filter(pk=role.pk).exists()
    assert RoleTask.objects.count() >= 0


def test_admin_has_no_reversion_revert_door(admin_client):
    role = make_role()
    page = admin_client.get(reverse("admin:roles_role_change", args=[role.pk]))
    assert "recover" not in page.content.decode()
    before = snapshot_of(role)
    assert snapshot_of(Role.objects.get(pk=role.pk)) == before


# --- accounts -----------------------------------------------------------------------


@pytest.fixture
def maintainer_client(client_for, maintainer):
    maintainer.is_staff = True
    maintainer.save()
    return client_for(maintainer)


def test_maintainer_user_form_offers_no_superuser_or_permissions(
    maintainer_client, editor
):
    url = reverse("admin:auth_user_change", args=[editor.pk])
    page = maintainer_client.get(url).content.decode()
    assert 'name="groups"' in page
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page


def test_forged_superuser_post_does_not_raise_rights(maintainer_client, editor):
    url = reverse("admin:auth_user_change", args=[editor.pk])
    response = maintainer_client.post(
        url,
        {
            "username": editor.username,
            "is_active": "on",
            "is_superuser": "on",
            "user_permissions": ["1", "2"],
            "groups": [str(Group.objects.get(name="Redaktion").pk)],
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert not editor.user_permissions.exists()


def test_maintainer_cannot_change_their_own_account(maintainer_client, maintainer):
    url = reverse("admin:auth_user_change", args=[maintainer.pk])
    response = maintainer_client.post(
        url, {"username": maintainer.username, "is_active": "on", "is_staff": "on"}
    )
    assert response.status_code == 403
    maintainer.refresh_from_db()
    assert not maintainer.is_superuser


def test_maintainer_cannot_see_or_change_superusers(
    maintainer_client, django_user_model
):
    boss = django_user_model.objects.create_superuser("chefin", password="x")
    listing = maintainer_client.get(reverse("admin:auth_user_changelist"))
    assert "chefin" not in listing.content.decode()
    url = reverse("admin:auth_user_change", args=[boss.pk])
    response = maintainer_client.post(url, {"username": "übernommen"})
    assert response.status_code in (302, 403, 404)
    boss.refresh_from_db()
    assert boss.username == "chefin"


def test_maintainer_can_only_grant_the_editor_groups(
    maintainer_client, editor, django_user_model
):
    admins = Group.objects.create(name="Alles")
    url = reverse("admin:auth_user_change", args=[editor.pk])
    page = maintainer_client.get(url).content.decode()
    assert "Redaktion" in page and "Pflege" in page
    assert ">Alles<" not in page
    response = maintainer_client.post(
        url, {"username": editor.username, "is_active": "on", "groups": [admins.pk]}
    )
    assert response.status_code == 200  # the form refuses the choice
    assert not editor.groups.filter(name="Alles").exists()


def test_maintainer_makes_a_reader_an_editor(maintainer_client, reader):
    url = reverse("admin:auth_user_change", args=[reader.pk])
    redaktion = Group.objects.get(name="Redaktion")
    response = maintainer_client.post(
        url, {"username": reader.username, "is_active": "on", "groups": [redaktion.pk]}
    )
    assert response.status_code == 302
    assert reader.groups.filter(name="Redaktion").exists()
