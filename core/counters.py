"""Counting events per client or person, the same for every app-server process.

Export renders, API calls, job-ad checks and comments are limited per window
(a minute, mostly). The counts must be shared by all worker processes, or three
gunicorn workers would allow three times the limit. With Redis (``REDIS_URL``)
they live there; without it, or while Redis is away, in the database
(``RateCounter``). Each event is one atomic statement in either store, so events
arriving at once from several processes are all counted.

A window starts with a client's first event and lasts ``seconds``; the event
that would exceed the limit learns how long until it ends (``Retry-After``).
"""

from __future__ import annotations

import logging
import time
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

from core.models import RateCounter

logger = logging.getLogger("berufsbild.counters")


@dataclass(frozen=True)
class Hit:
    count: int
    """Events in the current window, this one included; 0 if nothing could count
    (a limit then lets the event through rather than refuse everybody)."""
    retry_after: int
    """Seconds until the window ends."""


def count_hit(name: str, ident: object, seconds: int = 60) -> Hit:
    """Count one event of ``name`` (``"export"``, ``"api"``) for ``ident`` (a
    client's address, a person's id) in its current window of ``seconds``."""
    key = f"rate:{name}:{seconds}:{ident}"
    in_redis = getattr(cache, "count_hit", None)  # config.cache.ResilientRedisCache
    if in_redis is not None:
        counted = in_redis(key, seconds)
        if counted is not None:
            return Hit(*counted)
    return _count_in_database(key, seconds)


def _count_in_database(key: str, seconds: int) -> Hit:
    now = int(time.time())
    # One statement is atomic by itself; inside someone's transaction it gets a
    # savepoint, so that a failure here stays here.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(_upsert_sql(), [key, now + seconds, now, now, now + seconds])
            count, expires = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("rate counter unavailable (%s); not counting", error)
        return Hit(0, seconds)
    if count == 1:
        _forget_expired(now)
    return Hit(count, max(1, expires - now))


@lru_cache(maxsize=1)
def _upsert_sql() -> str:
    """One statement that starts a window or counts in the running one, and says
    where it stands; the same on SQLite (3.35+) and PostgreSQL."""
    name = connection.ops.quote_name
    table = name(RateCounter._meta.db_table)
    key, count, expires = (name(field) for field in ("key", "count", "expires"))
    return (
        f"INSERT INTO {table} ({key}, {count}, {expires}) VALUES (%s, 1, %s) "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{expires} <= %s THEN 1 "
        f"ELSE {table}.{count} + 1 END, "
        f"{expires} = CASE WHEN {table}.{expires} <= %s THEN %s "
        f"ELSE {table}.{expires} END "
        f"RETURNING {count}, {expires}"
    )


def _forget_expired(now: int) -> None:
    """Delete windows that are over; at each new window, so the table stays as
    small as the number of clients active in the last minutes."""
    if connection.in_atomic_block:
        return  # never take more locks inside someone else's transaction
    try:
        RateCounter.objects.filter(expires__lte=now).delete()
    except DatabaseError as error:
        logger.warning("old rate counters not deleted (%s)", error)
