"""Atom feeds of recent changes and of a role's history: valid Atom, newest
first, and hostile text from the wiki only ever as escaped text."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def _edit(role, comment: str, user=None) -> None:
    snapshot = snapshot_of(role)
    snapshot["fields"]["summary"] = f"{role.summary} Ergänzt."
    save_role(role=role, snapshot=snapshot, base_number=role.revision_number,
              user=user, comment=comment)  # fmt: skip
    role.refresh_from_db()


def _entries(client, url: str) -> list:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return feed.findall(f"{ATOM}entry")


def test_recent_changes_feed_lists_the_newest_edit_first(client, editor):
    role = Role.objects.get(slug="blogger")
    _edit(role, "Neueste Änderung", editor)
    entries = _entries(client, reverse("roles:changes_feed"))
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Blogger"
    assert first.findtext(f"{ATOM}summary") == "Neueste Änderung"
    assert first.find(f"{ATOM}author").findtext(f"{ATOM}name") == "redakteur"
    assert "/roles/blogger/history/" in first.find(f"{ATOM}link").get("href")


def test_a_roles_history_feed(client, editor):
    role = Role.objects.get(slug="blogger")
    _edit(role, "Erste Ergänzung", editor)
    _edit(role, "Zweite Ergänzung", editor)
    entries = _entries(client, reverse("roles:history_feed", args=["blogger"]))
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[:2] == ["Zweite Ergänzung", "Erste Ergänzung"]
    assert (
        client.get(reverse("roles:history_feed", args=["gibt-es-nicht"])).status_code
        == 404
    )


def test_feeds_carry_hostile_text_only_escaped(client, editor):
    role = Role.objects.get(slug="blogger")
    _edit(role, PAYLOAD, editor)
    for url in (
        reverse("roles:changes_feed"),
        reverse("roles:history_feed", args=["blogger"]),
    ):
        raw = client.get(url).content.decode()
        assert "<script>" not in raw and "<img" not in raw
        assert "&lt;script&gt;" in raw
