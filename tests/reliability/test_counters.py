"""Rate counters (core/counters.py): windows, and no lost count when events
arrive at once, in the database (SQLite, PostgreSQL) and in Redis."""

from __future__ import annotations

import logging
import shutil
import time

import pytest
import redis
from django.test import override_settings

from config import cache as resilient
from core import counters
from core.counters import count_hit
from core.models import RateCounter
from tests.reliability.live import free_port, start_redis
from tests.reliability.racing import race

THREADS = 20
EACH = 10


def _redis_cache(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": f"counters-{port}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture(autouse=True)
def in_the_database(request):
    """Without Redis (CI's PostgreSQL run has REDIS_URL): the database store;
    the Redis tests below set their own cache."""
    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=local):
        yield


@pytest.mark.django_db
def test_a_window_counts_from_its_first_event_and_says_when_it_ends():
    first = count_hit("export", "198.51.100.7", seconds=60)
    second = count_hit("export", "198.51.100.7", seconds=60)
    assert (first.count, second.count) == (1, 2)
    assert 0 < second.retry_after <= 60
    assert count_hit("export", "198.51.100.8").count == 1  # another client
    assert count_hit("api", "198.51.100.7").count == 1  # another kind of event


@pytest.mark.django_db
def test_a_window_that_is_over_starts_again_at_one():
    key = "rate:export:60:198.51.100.7"
    RateCounter.objects.create(key=key, count=99, expires=int(time.time()) - 1)
    hit = count_hit("export", "198.51.100.7")
    assert hit.count == 1
    assert RateCounter.objects.get(key=key).count == 1


def test_windows_that_are_over_are_deleted(committed):
    past = int(time.time()) - 5
    RateCounter.objects.bulk_create(
        RateCounter(key=f"rate:export:60:10.0.0.{n}", count=3, expires=past)
        for n in range(50)
    )
    count_hit("export", "198.51.100.7")
    assert list(RateCounter.objects.values_list("key", flat=True)) == [
        "rate:export:60:198.51.100.7"
    ]


@pytest.mark.django_db
def test_a_counter_that_cannot_be_written_lets_through_and_says_so(monkeypatch, caplog):
    monkeypatch.setattr(counters, "_upsert_sql", lambda: "INSERT INTO nowhere")
    with caplog.at_level(logging.WARNING, logger="berufsbild.counters"):
        assert count_hit("export", "198.51.100.7").count == 0
    assert "rate counter unavailable" in caplog.text


def _hammer(name: str) -> list:
    def events():
        return [count_hit(name, "198.51.100.7").count for _ in range(EACH)]

    return race([events] * THREADS)


def _every_count_once(results: list) -> None:
    assert not [r for r in results if isinstance(r, Exception)], results
    counts = sorted(count for result in results for count in result)
    assert counts == list(range(1, THREADS * EACH + 1))


def test_events_at_once_in_the_database_are_all_counted(committed):
    _every_count_once(_hammer("export"))
    row = RateCounter.objects.get(key="rate:export:60:198.51.100.7")
    assert row.count == THREADS * EACH


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server")
    port = free_port()
    process = start_redis(port, tmp_path)
    try:
        for _ in range(100):
            try:
                redis.Redis(port=port).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_events_at_once_in_redis_are_all_counted_with_an_expiry(
    committed, redis_server
):
    with override_settings(CACHES=_redis_cache(redis_server)):
        _every_count_once(_hammer("api"))
    stored = redis.Redis(port=redis_server)
    (key,) = stored.keys("*rate:api:60:198.51.100.7")
    assert int(stored.get(key)) == THREADS * EACH
    assert 0 < stored.ttl(key) <= 60
    assert not RateCounter.objects.exists()  # Redis counted, not the database


@pytest.mark.django_db
def test_without_redis_the_database_counts(monkeypatch):
    monkeypatch.setattr(resilient, "PAUSE_SECONDS", 0.0)
    with override_settings(CACHES=_redis_cache(free_port())):  # nobody listens
        assert [count_hit("api", "198.51.100.7").count for _ in range(3)] == [1, 2, 3]
    assert RateCounter.objects.get(key="rate:api:60:198.51.100.7").count == 3
