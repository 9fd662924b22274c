"""Who the client is (core/clients.py): the peer, or what trusted proxies wrote."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from core.clients import canonical_address, client_ip, client_key

PROXY = "10.0.0.2"
BASE_DIR = Path(__file__).resolve().parent.parent


def request_from(peer: str = PROXY, forwarded: str | None = None):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


@pytest.fixture
def proxies(settings):
    def trust(count: int) -> None:
        settings.TRUSTED_PROXY_COUNT = count

    return trust


def test_without_proxies_the_peer_is_the_client_and_the_header_is_ignored(proxies):
    proxies(0)
    assert client_ip(request_from("198.51.100.7")) == "198.51.100.7"
    forged = request_from("198.51.100.7", forwarded="203.0.113.1")
    assert client_ip(forged) == "198.51.100.7"


def test_one_proxy_the_client_is_the_last_entry_whatever_came_before(proxies):
    proxies(1)
    assert client_ip(request_from(forwarded="198.51.100.7")) == "198.51.100.7"
    forged = request_from(forwarded="203.0.113.1, 192.0.2.9, 198.51.100.7")
    assert client_ip(forged) == "198.51.100.7"


def test_two_proxies_the_client_is_the_second_entry_from_the_right(proxies):
    proxies(2)
    chain = request_from(forwarded="203.0.113.1, 198.51.100.7, 10.0.0.1")
    assert client_ip(chain) == "198.51.100.7"


def test_behind_a_proxy_a_request_without_the_header_is_its_peer(proxies):
    proxies(1)
    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"
    assert client_ip(request_from("127.0.0.1", forwarded="  ")) == "127.0.0.1"


def test_fewer_entries_than_proxies_take_the_left_most(proxies):
    proxies(3)
    assert client_ip(request_from(forwarded="198.51.100.7, 10.0.0.1")) == (
        "198.51.100.7"
    )


@pytest.mark.parametrize(
    "forwarded",
    [
        "not-an-address",
        "",
        "999.1.1.1",
        "1.2.3.4.5",
        "<script>",
        "a" * 10_000,
        "1.2.3.4 5.6.7.8",
        "[::1",
        "fe80::1::2",
        "\x00",
        "ä",
    ],
)
def test_garbage_where_the_proxy_wrote_falls_back_to_the_peer(
    proxies, forwarded, caplog
):
    proxies(1)
    with caplog.at_level(logging.WARNING, logger="berufsbild.clients"):
        assert client_ip(request_from(forwarded=f"198.51.100.7, {forwarded}")) == PROXY
    assert "no address" in caplog.text


def test_garbage_the_client_wrote_left_of_the_proxies_is_never_read(proxies):
    proxies(1)
    forged = request_from(forwarded="<script>, , ;DROP TABLE, 198.51.100.7")
    assert client_ip(forged) == "198.51.100.7"


def test_a_huge_header_is_answered(proxies):
    proxies(2)
    many = ", ".join(f"10.{n % 256}.0.1" for n in range(20_000))
    assert client_ip(request_from(forwarded=f"{many}, 198.51.100.7, 10.0.0.1")) == (
        "198.51.100.7"
    )


def test_no_readable_address_at_all_is_none_and_counts_as_unknown(proxies):
    proxies(0)
    for peer in ("", "unix:/run/gunicorn.sock", "garbage"):
        assert client_ip(request_from(peer)) is None
        assert client_key(request_from(peer)) == "unknown"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("198.51.100.7", "198.51.100.7"),
        (" 198.51.100.7 ", "198.51.100.7"),
        ("198.51.100.7:51234", "198.51.100.7"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("fe80::1%eth0", "fe80::1"),
    ],
)
def test_one_client_has_one_spelling(written, canonical):
    assert canonical_address(written) == canonical


def _proxy_count(**environment: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.TRUSTED_PROXY_COUNT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        timeout=60,
    )
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def test_behind_proxy_means_one_trusted_proxy_unless_told_otherwise():
    assert _proxy_count() == "0"
    assert _proxy_count(DJANGO_BEHIND_PROXY="1") == "1"
    assert _proxy_count(DJANGO_BEHIND_PROXY="1", DJANGO_TRUSTED_PROXY_COUNT="2") == "2"
    assert "must be 0 or more" in _proxy_count(DJANGO_TRUSTED_PROXY_COUNT="-1")
