"""Atom feeds of recent changes and of a role's history: valid Atom, newest
first, and hostile text from the wiki only ever as escaped text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from roles.services.proposals import decide, submit
from tests.builders import make_role

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def _edit(role, comment: str, user=None) -> None:
    snapshot = snapshot_of(role)
    snapshot["fields"]["summary"] = f"{role.summary} Ergänzt."
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=user,
        comment=comment,
    )
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


RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
TAG_URI = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d\d){0,2}:\S+$")
TEXT_CONSTRUCTS = ("title", "subtitle", "summary", "rights")


def _is_iri(value: str) -> bool:
    if value.startswith("tag:"):
        return bool(TAG_URI.match(value))
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def assert_valid_atom(raw: bytes) -> ElementTree.Element:
    """The rules of RFC 4287 a feed reader relies on, checked one by one."""
    feed = ElementTree.fromstring(raw)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, f"feed needs one {name}"
    assert _is_iri(feed.findtext(f"{ATOM}id"))
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, f"entry needs {name}"
        entry_id = entry.findtext(f"{ATOM}id")
        assert _is_iri(entry_id), entry_id
        ids.append(entry_id)
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternates and _is_iri(alternates[0].get("href"))
        author = entry.find(f"{ATOM}author/{ATOM}name")
        assert feed_has_author or (author is not None and author.text.strip())
    for element in feed.iter():
        local = element.tag.removeprefix(ATOM)
        if local in TEXT_CONSTRUCTS:
            # What people typed is text: a reader must never render it as HTML.
            assert element.get("type", "text") == "text", (local, element.text)
            assert len(element) == 0
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


HOSTILE = [
    PAYLOAD,
    "<svg onload=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "]]><script>alert(1)</script>",
    '<a href="javascript:alert(1)">klick</a>',
]


def test_both_feeds_are_valid_atom_with_hostile_text_everywhere(
    client, editor, maintainer
):
    hostile_role = make_role(slug="feindlich", title=HOSTILE[1], status="reviewed")
    _edit(hostile_role, HOSTILE[2], editor)
    role = Role.objects.get(slug="blogger")
    for payload in HOSTILE:
        _edit(role, payload, editor)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Vorschlag."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary=HOSTILE[4],
    )
    decide(
        proposal,
        decision="approve",
        user=maintainer,
        comment="",
        seen_pushes=proposal.pushes,
    )

    for url in (
        reverse("roles:changes_feed"),
        reverse("roles:history_feed", args=["blogger"]),
        reverse("roles:history_feed", args=["feindlich"]),
    ):
        response = client.get(url)
        feed = assert_valid_atom(response.content)
        texts = [element.text or "" for element in feed.iter()]
        # The payloads arrive as the very characters that were typed.
        assert any(HOSTILE[4] in text for text in texts) or "feindlich" in url
    changes = assert_valid_atom(client.get(reverse("roles:changes_feed")).content)
    titles = [e.findtext(f"{ATOM}title") for e in changes.findall(f"{ATOM}entry")]
    assert HOSTILE[1] in titles


def test_entry_ids_stay_the_same_under_another_host_name(client, editor, settings):
    settings.ALLOWED_HOSTS = ["wiki.example.org", "testserver"]
    role = Role.objects.get(slug="blogger")
    _edit(role, "Eine Änderung", editor)
    url = reverse("roles:changes_feed")
    first = assert_valid_atom(client.get(url).content)
    other = assert_valid_atom(client.get(url, HTTP_HOST="wiki.example.org").content)
    ids = [e.findtext(f"{ATOM}id") for e in first.findall(f"{ATOM}entry")]
    assert ids == [e.findtext(f"{ATOM}id") for e in other.findall(f"{ATOM}entry")]
    assert all(entry_id.startswith("tag:") for entry_id in ids)


def test_history_entries_name_the_editor(client, editor):
    editor.first_name, editor.last_name = "Rita", "Redlich"
    editor.save()
    role = Role.objects.get(slug="blogger")
    _edit(role, "Mit Namen", editor)
    feed = assert_valid_atom(
        client.get(reverse("roles:history_feed", args=["blogger"])).content
    )
    first = feed.findall(f"{ATOM}entry")[0]
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Rita Redlich"
