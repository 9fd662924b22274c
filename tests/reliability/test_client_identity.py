"""One notion of the client for every limit: the login lockout and the export
limit count per client as core/clients.py finds it, behind a proxy and without."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-123-Passwort"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"
PAIRS = [
    "social-media-manager,social-media-berater",
    "social-media-manager,community-manager",
    "community-manager,social-media-berater",
    "pr-berater,blogger",
]


def log_in(client, password: str, **headers):
    return client.post(
        reverse("login"),
        {"username": "redakteur", "password": password},
        REMOTE_ADDR=PROXY,
        **headers,
    )


def via_proxy(address: str) -> dict:
    return {"HTTP_X_FORWARDED_FOR": f"{address}"}


def test_behind_the_proxy_an_attacker_locks_only_their_own_address(
    client_for, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = client_for(None)
    for attempt in range(6):
        refused = log_in(attacker, f"falsch-{attempt}", **via_proxy(ATTACKER))
    assert refused.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in refused.content.decode()

    owner = client_for(None)
    welcome = log_in(owner, PASSWORD, **via_proxy(OWNER))
    assert welcome.status_code == 302
    assert "Abmelden" in owner.get("/").content.decode()

    still_locked = log_in(attacker, PASSWORD, **via_proxy(ATTACKER))
    assert still_locked.status_code == 429
    assert "Abmelden" not in attacker.get("/").content.decode()


def test_without_a_proxy_forged_addresses_do_not_escape_the_lockout(
    client_for, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    attacker = client_for(None)
    for attempt in range(5):
        log_in(attacker, "falsch", **via_proxy(f"192.0.2.{attempt}"))
    locked = log_in(attacker, PASSWORD, **via_proxy("192.0.2.200"))
    assert locked.status_code == 429


def _new_export(client, pair: str, address: str):
    return client.get(
        f"/compare/export.csv?roles={pair}",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_without_a_proxy_a_forged_header_does_not_escape_the_export_limit(
    client, catalogue, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.EXPORT_RENDERS_PER_MINUTE = 3
    for number, pair in enumerate(PAIRS[:3]):
        assert _new_export(client, pair, f"192.0.2.{number}").status_code == 200
    refused = _new_export(client, PAIRS[3], "192.0.2.99")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "schon 3 Dateien erstellt" in refused.content.decode()


def test_behind_the_proxy_each_client_has_its_own_export_limit(
    client, catalogue, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.EXPORT_RENDERS_PER_MINUTE = 3
    for pair in PAIRS[:3]:
        assert _new_export(client, pair, ATTACKER).status_code == 200
    assert _new_export(client, PAIRS[3], ATTACKER).status_code == 429
    other = _new_export(client, PAIRS[3], OWNER)
    assert other.status_code == 200
    assert "Social Media" in other.content.decode("utf-8-sig")
