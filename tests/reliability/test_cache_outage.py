"""A cache that is down or restarts costs speed, never answers (config/cache.py)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.test import override_settings

from config import cache as resilient
from tests.reliability.live import free_port, start_redis

pytestmark = pytest.mark.django_db
ROLE = "/roles/social-media-manager/"
SIX = (
    "/compare/?roles=social-media-manager,social-media-berater,community-manager,"
    "pr-berater,blogger,seo-manager"
)


def _redis_cache(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": f"outage-{port}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def _pages_are_whole(client) -> None:
    role = client.get(ROLE)
    assert role.status_code == 200
    assert "Die zentrale Ansprechperson" in role.content.decode()
    comparison = client.get(SIX)
    assert comparison.status_code == 200
    assert "Community Manager" in comparison.content.decode()
    export = client.get(SIX.replace("/compare/?", "/compare/export.csv?"))
    assert export.status_code == 200
    assert "Social Media Manager" in export.content.decode("utf-8-sig")


def test_a_cache_server_that_is_down_is_logged_and_pages_still_work(
    client, catalogue, caplog, monkeypatch
):
    monkeypatch.setattr(resilient, "PAUSE_SECONDS", 0.0)  # ask it every time
    with override_settings(CACHES=_redis_cache(free_port())):
        with caplog.at_level(logging.WARNING, logger="berufsbild.cache"):
            _pages_are_whole(client)
            _pages_are_whole(client)
        assert cache.get("anything", "fallback") == "fallback"
    assert any("cache unavailable" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_redis_restarted_mid_run(client, catalogue, monkeypatch, tmp_path):
    monkeypatch.setattr(resilient, "PAUSE_SECONDS", 0.0)
    port = free_port()

    def start() -> subprocess.Popen:
        process = start_redis(port, tmp_path)
        for _ in range(100):
            try:
                redis.Redis(port=port).ping()
                return process
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    server = start()
    try:
        with override_settings(CACHES=_redis_cache(port)):
            _pages_are_whole(client)
            assert cache.get_many(["x"]) == {}
            keys = len(redis.Redis(port=port).keys("*"))
            assert keys > 0  # fragments went to Redis
            server.terminate()
            server.wait(timeout=10)
            _pages_are_whole(client)  # Redis gone: served uncached
            server = start()
            _pages_are_whole(client)  # back: cached again
            assert len(redis.Redis(port=port).keys("*")) > 0
    finally:
        server.terminate()
        server.wait(timeout=10)
