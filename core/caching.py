"""Rendered fragments and files, cached by what they depend on.

Every write to the catalogue goes through ``roles.services`` and records a
django-reversion revision, so the newest revision's number (with the newest taxonomy
import's, for the classification panels) is a stamp of the whole catalogue: a key
that contains it is never served after any edit, on any app server (the stamp is
read from the database on each request, one query). Keys also
carry the language and whatever else the fragment shows (audience, filter, page).

Only fragments without anything personal are cached: no CSRF token, no login state,
no messages. The page around them is rendered for each request.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

T = TypeVar("T")
FRAGMENT_SECONDS = 6 * 60 * 60
"""Stale keys are never read again (the stamp moved on); they just expire."""
BUILD_WAIT_SECONDS = 30
_MISSING = object()
_local_locks: dict[str, threading.Lock] = {}
_local_locks_guard = threading.Lock()


def catalogue_stamp() -> str:
    """Changes with every saved edit and every taxonomy import: the newest row of
    each table in ``settings.CATALOGUE_STAMP_MODELS``, read in one query."""
    with connection.cursor() as cursor:
        cursor.execute(_stamp_sql())
        newest = cursor.fetchone()
    return ".".join(str(number or 0) for number in newest)


@lru_cache(maxsize=1)
def _stamp_sql() -> str:
    # The settings name the tables (config composes the apps), so this module
    # needs no import of the apps whose changes it stamps.
    tables = [
        connection.ops.quote_name(apps.get_model(label)._meta.db_table)
        for label in settings.CATALOGUE_STAMP_MODELS
    ]
    newest = ", ".join(f"(SELECT MAX(id) FROM {table})" for table in tables)
    return f"SELECT {newest}"  # noqa: S608 (table names from the settings)


def fragment_key(kind: str, *parts: object, stamp: str | None = None) -> str:
    """A key for ``kind`` with its parts, the catalogue stamp and the language."""
    if stamp is None:
        stamp = catalogue_stamp()
    raw = "|".join(str(part) for part in (kind, stamp, get_language(), *parts))
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return f"fragment:{kind}:{digest}"


def cached(key: str, build: Callable[[], T], timeout: int = FRAGMENT_SECONDS) -> T:
    """The cached value, or build and store it. A cache that is down answers
    "missing" (see config.cache), so this then simply builds."""
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


def built_once(key: str, build: Callable[[], T], timeout: int = FRAGMENT_SECONDS) -> T:
    """Like ``cached``, but identical requests arriving together build once: in
    this process a lock per key, across app servers a short lock in the cache;
    the others wait for the result instead of rendering it again."""
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        return value
    with _lock_for(key):
        value = cache.get(key, _MISSING)
        if value is not _MISSING:
            return value
        lock_key = f"{key}:building"
        if not cache.add(lock_key, 1, BUILD_WAIT_SECONDS):
            value = _wait_for(key)
            if value is not _MISSING:
                return value
        try:
            value = build()
            cache.set(key, value, timeout)
        finally:
            cache.delete(lock_key)
    return value


def _lock_for(key: str) -> threading.Lock:
    with _local_locks_guard:
        if len(_local_locks) > 1_000:  # keys change with the stamp; forget old ones
            _local_locks.clear()
        return _local_locks.setdefault(key, threading.Lock())


def _wait_for(key: str):
    """Another app server is building ``key``: wait for it, up to a limit."""
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.05)
        value = cache.get(key, _MISSING)
        if value is not _MISSING:
            return value
        if cache.get(f"{key}:building") is None:
            break
    return _MISSING
