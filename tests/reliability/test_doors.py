"""Tampered and careless input through every door: refused clearly, nothing lost."""

from __future__ import annotations

import datetime
import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from roles.services import UNCHANGED, revert_role, save_catalogue_entry, save_role
from tests.builders import make_role, make_task
from tests.roles.forms import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editing(client_for, editor):
    from roles.services import create_role

    base = snapshot_of(make_role(slug="vorlage"))
    fields = {**base["fields"], "slug": "bearbeitet", "title": "Bearbeitet"}
    role = create_role(
        snapshot={**base, "fields": fields}, user=editor, comment="Anlage"
    )
    client = client_for(editor)
    url = reverse("roles:edit", args=[role.slug])
    return client, url, edit_data(client.get(url)), role


def _versions(role) -> int:
    return Version.objects.get_for_object(role).count()


@pytest.mark.parametrize("count", ["-1", "-100", "100000"])
def test_tampered_row_counts_are_refused_and_change_nothing(editing, count):
    client, url, data, role = editing
    task = make_task()
    from roles.models import RoleTask

    RoleTask.objects.create(role=role, task=task, responsibility="owns")
    data = edit_data(client.get(url))
    before = snapshot_of(role)
    data["tasks-TOTAL_FORMS"] = count
    data["summary"] = "Mit kaputter Zeilenzahl."
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "kamen unvollständig an" in page or "höchstens" in page
    assert "Mit kaputter Zeilenzahl." in page
    assert snapshot_of(role) == before


def test_parent_cycle_is_refused_by_the_form(editing, client_for):
    client, url, data, role = editing
    child = make_role(parent=role)
    data["parent"] = str(child.pk)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "ergäbe einen Kreis" in response.content.decode()
    assert Role.objects.get(pk=role.pk).parent_id is None


def test_parent_cycle_is_refused_by_the_service_too(editing, editor):
    _client, _url, _data, role = editing
    child = make_role(parent=role)
    grandchild = make_role(parent=child)
    snapshot = snapshot_of(role)
    snapshot["fields"]["parent"] = grandchild.pk
    with pytest.raises(ValidationError) as refused:
        save_role(
            role=role,
            snapshot=snapshot,
            base_number=role.revision_number,
            user=editor,
            comment="Kreis",
        )
    assert refused.value.error_dict["parent"][0].code == "parent_cycle"


def test_unchanged_form_says_nothing_changed_and_makes_no_revision(editing):
    client, url, data, role = editing
    before = _versions(role)
    response = client.post(url, data, follow=True)
    assert "Nichts geändert" in response.content.decode()
    assert _versions(role) == before
    assert Role.objects.get(pk=role.pk).revision_number == role.revision_number


def test_unchanged_catalogue_entry_makes_no_revision(editor):
    task = make_task()
    task.plain_name = "Neu formuliert"
    assert (
        save_catalogue_entry(entry=task, base_number=0, user=editor, comment="x")
        == "saved"
    )
    task.refresh_from_db()
    again = save_catalogue_entry(
        entry=task, base_number=task.revision_number, user=editor, comment="y"
    )
    assert again == UNCHANGED
    assert Version.objects.get_for_object(task).count() == 1


def test_service_refuses_what_the_form_would_refuse(editing, editor):
    _client, _url, _data, role = editing
    snapshot = snapshot_of(role)
    snapshot["fields"]["orientation"] = 42
    snapshot["fields"]["family"] = "gibt-es-nicht"
    with pytest.raises(ValidationError) as refused:
        save_role(
            role=role,
            snapshot=snapshot,
            base_number=role.revision_number,
            user=editor,
            comment="ungültig",
        )
    assert {"orientation", "family"} <= set(refused.value.error_dict)
    assert snapshot_of(Role.objects.get(pk=role.pk))["fields"]["orientation"] == 5


# --- read views answer GET and HEAD only -------------------------------------------

READ_URLS = [
    ("pages:home", []),
    ("pages:about", []),
    ("pages:search", []),
    ("pages:changes", []),
    ("roles:list", []),
    ("roles:detail", ["bearbeitet"]),
    ("roles:history", ["bearbeitet"]),
    ("roles:tasks", []),
    ("roles:competencies", []),
    ("comparisons:compare", []),
]


@pytest.mark.parametrize("method", ["options", "put", "delete", "patch", "trace"])
@pytest.mark.parametrize(("name", "args"), READ_URLS)
def test_read_views_allow_only_get_and_head(editing, client, name, args, method):
    url = reverse(name, args=args)
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}
    assert client.head(url).status_code in (200, 302)


@pytest.mark.parametrize("method", ["options", "put", "delete"])
def test_exports_refuse_other_methods_without_rendering(editing, client, method):
    other = make_role()
    url = reverse("comparisons:export", args=["pdf"])
    query = f"?roles=bearbeitet,{other.slug}"
    response = getattr(client, method)(url + query)
    assert response.status_code == 405
    assert response.get("Content-Type", "").startswith("text/html")


def test_edit_views_allow_get_head_and_post(editing):
    client, url, _data, _role = editing
    response = client.put(url)
    assert response.status_code == 405
    assert "POST" in response["Allow"]


# --- renamed slugs keep old links working ------------------------------------------


@pytest.fixture
def renamed(editing):
    client, url, data, role = editing
    other = make_role(slug="andere")
    data["slug"] = "neuer-name"
    assert client.post(url, data).status_code == 302
    return client, other


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/roles/bearbeitet/", "/roles/neuer-name/"),
        ("/roles/bearbeitet/history/", "/roles/neuer-name/history/"),
        ("/roles/bearbeitet/edit/", "/roles/neuer-name/edit/"),
        (
            "/compare/?roles=bearbeitet,andere&audience=expert",
            "/compare/?roles=neuer-name,andere&audience=expert",
        ),
        (
            "/compare/export.json?roles=andere,bearbeitet",
            "/compare/export.json?roles=andere,neuer-name",
        ),
    ],
)
def test_old_slugs_redirect_permanently(renamed, old, new):
    client, _other = renamed
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_exported_json_names_the_current_url(renamed):
    client, _other = renamed
    data = client.get("/compare/export.json?roles=neuer-name,andere").json()
    assert data["roles"][0]["url"] == "/roles/neuer-name/"


def test_renaming_back_and_forth_keeps_both_links(renamed, editor):
    client, _other = renamed
    url = reverse("roles:edit", args=["neuer-name"])
    data = edit_data(client.get(url))
    data["slug"] = "dritter-name"
    assert client.post(url, data).status_code == 302
    assert client.get("/roles/bearbeitet/")["Location"] == "/roles/dritter-name/"
    assert client.get("/roles/neuer-name/")["Location"] == "/roles/dritter-name/"


def test_a_new_role_may_take_a_freed_slug(renamed):
    client, _other = renamed
    fresh = make_role(slug="bearbeitet", title="Neue Rolle mit altem Namen")
    assert client.get("/roles/bearbeitet/").status_code == 200
    assert fresh.title in client.get("/roles/bearbeitet/").content.decode()


# --- uploads, times, admin link -----------------------------------------------------


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("size", [(50_000, 50_000), (12_000, 9_000)])
def test_decompression_bomb_upload_is_a_clear_400(client_for, editor, size):
    upload = io.BytesIO(_png_claiming(*size))
    upload.name = "bombe.png"
    response = client_for(editor).post(reverse("markdownx_upload"), {"image": upload})
    assert response.status_code == 400
    assert "zu groß" in response.json()["image"][0]


def test_revert_summary_names_the_time_in_berlin(editing, maintainer):
    _client, _url, _data, role = editing
    first = Version.objects.get_for_object(role).last()
    summer_noon_utc = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    first.revision.__class__.objects.filter(pk=first.revision_id).update(
        date_created=summer_noon_utc
    )
    snapshot = snapshot_of(role)
    snapshot["fields"]["summary"] = "Geändert, damit das Zurücksetzen etwas tut."
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=maintainer,
        comment="Änderung",
    )
    first.refresh_from_db()
    revert_role(
        role=role, version=first, base_number=role.revision_number, user=maintainer
    )
    comment = Version.objects.get_for_object(role).first().revision.get_comment()
    assert "12:00" in comment, comment  # CEST = UTC + 2


def test_admin_link_only_for_staff(client, client_for, editor, admin_user):
    assert 'href="/admin/"' not in client.get("/about/").content.decode()
    assert 'href="/admin/"' not in client_for(editor).get("/about/").content.decode()
    assert 'href="/admin/"' in client_for(admin_user).get("/about/").content.decode()
