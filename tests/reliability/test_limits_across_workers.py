"""Limits hold on one server without Redis: gunicorn with three worker processes
shares its per-client counters (in the database), so one client meets the 429 after
the limit, not after three times the limit. Behind a proxy (X-Forwarded-For) the
login lockout holds for the guessing client only, on whichever worker it lands.

The access log names the worker of every request, so the test knows the requests
really were spread over the processes (otherwise it could not fail).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from roles.models import Role
from tests.conftest import restore_flushed_data
from tests.reliability.live import AppServer, Browser, start_server

WORKERS = 3
EXPORT_LIMIT = 30
API_LIMIT = 120
CHECK_LIMIT = 20
PASSWORD = "geheim-123-Passwort"
AD = (
    "Wir suchen einen Social Media Manager (m/w/d). Sie entwickeln die "
    "Social-Media-Strategie, planen Redaktionspläne und werten Kennzahlen aus."
)


@pytest.fixture
def three_workers(committed, tmp_path, django_user_model):
    restore_flushed_data()  # the catalogue, after earlier flushes
    # The servers check passwords with production hashers, not the tests' fast one.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "dreiprozesse")
    django_user_model.objects.create(username="redakteur", password=hashed)
    log = tmp_path / "access.log"
    environment = {
        "REDIS_URL": "",  # one server, no Redis: the case under test
        # Behind one proxy; requests without X-Forwarded-For are their peer.
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_EXPORT_RENDERS_PER_MINUTE": str(EXPORT_LIMIT),
        "DJANGO_API_RATE": f"{API_LIMIT}/minute",
        "DJANGO_API_CHECK_RATE": f"{CHECK_LIMIT}/minute",
    }
    server = start_server(environment, workers=WORKERS, access_log=log)
    try:
        _until_every_worker_answers(server, log)
        yield server, log
    finally:
        server.stop()


def _workers_in_log(log: Path, path_prefix: str) -> Counter:
    """How many requests below ``path_prefix`` each worker (pid) served."""
    served: Counter = Counter()
    for line in log.read_text().splitlines():
        match = re.match(r"<(\d+)> \d+ (\S+)", line)
        if match and match.group(2).startswith(path_prefix):
            served[match.group(1)] += 1
    return served


def _until_every_worker_answers(server: AppServer, log: Path) -> None:
    """A few cheap pages at once until all three processes have answered one."""
    with ThreadPoolExecutor(8) as pool:
        for _ in range(50):
            list(pool.map(lambda _: _get(f"{server.url}/about/"), range(8)))
            if len(_workers_in_log(log, "/about/")) == WORKERS:
                return
    raise AssertionError("not every worker answered")


def _get(url: str) -> tuple[int, dict, bytes]:
    return _open(urllib.request.Request(url))


def _open(request: urllib.request.Request) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _burst(requests: list, threads: int = 6) -> list[tuple[int, dict, bytes]]:
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(_open, requests))


def test_forty_new_exports_from_one_client_meet_the_429_after_thirty(three_workers):
    server, log = three_workers
    slugs = sorted(Role.objects.values_list("slug", flat=True))
    pairs = [",".join(pair) for pair in combinations(slugs, 2)][:40]
    replies = _burst(
        [
            urllib.request.Request(f"{server.url}/compare/export.csv?roles={pair}")
            for pair in pairs
        ]
    )
    statuses = Counter(status for status, _, _ in replies)
    assert statuses == {200: EXPORT_LIMIT, 429: 40 - EXPORT_LIMIT}, statuses
    for status, headers, body in replies:
        if status == 429:
            assert 0 < int(headers["Retry-After"]) <= 60
            assert "schon 30 Dateien erstellt" in body.decode()
    assert len(_workers_in_log(log, "/compare/export.csv")) >= 2


def test_the_api_limit_holds_across_workers(three_workers):
    server, log = three_workers
    calls = API_LIMIT + 10
    replies = _burst([urllib.request.Request(f"{server.url}/api/v1/tasks/")] * calls)
    statuses = Counter(status for status, _, _ in replies)
    assert statuses == {200: API_LIMIT, 429: 10}, statuses
    refused = next(reply for reply in replies if reply[0] == 429)
    assert int(refused[1]["Retry-After"]) > 0
    assert json.loads(refused[2])["error"]["code"] == "throttled"
    assert len(_workers_in_log(log, "/api/v1/tasks/")) >= 2


def test_the_check_limit_holds_across_workers(three_workers):
    server, log = three_workers
    body = json.dumps({"text": AD}).encode()
    replies = _burst(
        [
            urllib.request.Request(
                f"{server.url}/api/v1/check/",
                data=body,
                headers={"Content-Type": "application/json"},
            )
            for _ in range(CHECK_LIMIT + 4)
        ]
    )
    statuses = Counter(status for status, _, _ in replies)
    assert statuses == {200: CHECK_LIMIT, 429: 4}, statuses
    assert len(_workers_in_log(log, "/api/v1/check/")) >= 2


def test_a_guesser_behind_the_proxy_locks_out_only_their_own_address(three_workers):
    server, log = three_workers
    guesser = Browser({"X-Forwarded-For": "203.0.113.66"})
    for attempt in range(6):
        refused = guesser.log_in(server, "redakteur", f"falsch-{attempt}")
    assert refused.status == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in refused.text

    owner = Browser({"X-Forwarded-For": "evil, 198.51.100.7"})
    assert owner.log_in(server, "redakteur", PASSWORD).status == 302
    assert "Abmelden" in owner.get(f"{server.url}/").text

    assert guesser.log_in(server, "redakteur", PASSWORD).status == 429
    assert len(_workers_in_log(log, "/accounts/login/")) >= 2
