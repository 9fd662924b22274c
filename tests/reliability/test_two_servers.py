"""The production shape: two gunicorn app servers on one PostgreSQL and one Redis.

Runs in CI's PostgreSQL run (which starts Redis and sets REDIS_URL); on SQLite,
the embedded single-server default, it is skipped. What the servers must share
is checked through them, as a person would meet it: an edit saved on one is on
the other at once (its cached page included), a crossed edit is caught across
the two, and failed logins count on both toward the lockout.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.db import connection

from roles.models import Role
from tests.reliability.live import Browser, form_with, start_server

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
    reason="needs PostgreSQL and Redis (REDIS_URL); CI's PostgreSQL run has both",
)
PASSWORD = "geheim-123-Passwort"


def test_ci_postgres_run_has_redis():
    """CI must not skip the tests below by forgetting Redis."""
    assert settings.CACHES["default"]["BACKEND"] == "config.cache.ResilientRedisCache"


@pytest.fixture
def two_servers(shaped_role, django_user_model):
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group

    # The servers check passwords with production hashers, not the tests' fast one.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "zweiserver")
    editor = django_user_model.objects.create(username="redakteur", password=hashed)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    environment = {
        "REDIS_URL": os.environ["REDIS_URL"],
        "DJANGO_CACHE_PREFIX": f"two-servers-{os.getpid()}",
    }
    first = start_server(environment)
    try:
        second = start_server(environment)
    except Exception:
        first.stop()
        raise
    yield first, second
    first.stop()
    second.stop()


def _edit_form(browser: Browser, server) -> tuple[str, dict]:
    url = f"{server.url}/roles/testrolle/edit/"
    reply = browser.get(url)
    assert reply.status == 200, reply.text[:300]
    return url, form_with(reply.text, "base_number")


def test_edit_on_one_server_is_seen_on_the_other_at_once(two_servers):
    first, second = two_servers
    reader = Browser()
    assert "Ausgangstext." in reader.get(f"{second.url}/roles/testrolle/").text
    editor = Browser()
    assert editor.log_in(first, "redakteur", PASSWORD).status == 302
    url, fields = _edit_form(editor, first)
    fields["summary"] = "Auf Server eins gespeichert."
    assert editor.post(url, fields, referer=url).status == 302
    page = reader.get(f"{second.url}/roles/testrolle/").text
    assert "Auf Server eins gespeichert." in page
    assert "Ausgangstext." not in page


def test_crossed_edits_on_two_servers_are_caught(two_servers):
    first, second = two_servers
    one, other = Browser(), Browser()
    assert one.log_in(first, "redakteur", PASSWORD).status == 302
    assert other.log_in(second, "redakteur", PASSWORD).status == 302
    url_one, fields_one = _edit_form(one, first)
    url_other, fields_other = _edit_form(other, second)
    fields_one["summary"] = "Fassung von Server eins."
    fields_other["summary"] = "Fassung von Server zwei."
    assert one.post(url_one, fields_one, referer=url_one).status == 302
    conflict = other.post(url_other, fields_other, referer=url_other)
    assert conflict.status == 409
    assert "Bearbeitungskonflikt" in conflict.text
    assert "Fassung von Server zwei." in conflict.text  # nothing typed is lost
    assert Role.objects.get(slug="testrolle").summary == "Fassung von Server eins."


def test_failed_logins_count_on_both_servers(two_servers):
    first, second = two_servers
    person = Browser()
    for server in (first, second, first, second, first):
        reply = person.log_in(server, "redakteur", "falsch")
        assert reply.status in (200, 429)
    locked = person.log_in(second, "redakteur", PASSWORD)
    assert locked.status == 429
    assert "gesperrt" in locked.text.lower()
