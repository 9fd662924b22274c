"""A Redis cache that never takes the site down with it.

Django's own ``RedisCache`` raises when Redis is unreachable. Here every call
that fails is logged and answered as a miss (reads) or skipped (writes), and for a
few seconds afterwards the cache is not asked at all, so a stopped or restarting
Redis costs the pages their speed, not their answers. Nothing else changes: the
same keys, the same client, the same options; and one addition, ``count_hit``,
an atomic counter for the rate limits (core.counters).
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("berufsbild.cache")

PAUSE_SECONDS = 5.0
"""After a failure, how long the cache is left alone before the next try."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._paused_until = 0.0
        self._guard = threading.Lock()

    def _available(self) -> bool:
        return time.monotonic() >= self._paused_until

    def _failed(self, operation: str, error: Exception) -> None:
        with self._guard:
            first = self._available()
            self._paused_until = time.monotonic() + PAUSE_SECONDS
        if first:
            logger.warning(
                "cache unavailable (%s: %s); serving uncached for %.0f s",
                operation,
                error,
                PAUSE_SECONDS,
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if not self._available():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._failed(operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Unavailable: report "added", so whoever asked goes ahead and builds.
        return self._call("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read counts as new (rate limits then let through).
        return self._call("incr", delta, key, delta, version)

    def clear(self):
        return self._call("clear", False)

    def count_hit(self, key: str, seconds: int) -> tuple[int, int] | None:
        """Count one event under ``key`` in a window of ``seconds`` that starts
        with the first event: (events so far, seconds left), or None when Redis
        cannot answer (core.counters then counts in the database)."""
        if not self._available():
            return None
        full_key = self.make_and_validate_key(key)
        try:
            client = self._cache.get_client(full_key, write=True)
            # MULTI/EXEC: nothing runs in between, so a window never loses its
            # expiry and concurrent events all count.
            with client.pipeline(transaction=True) as pipe:
                pipe.set(full_key, 0, ex=seconds, nx=True)
                pipe.incr(full_key)
                pipe.ttl(full_key)
                _, count, left = pipe.execute()
        except (RedisError, OSError) as error:
            self._failed("count_hit", error)
            return None
        return count, max(1, left)
