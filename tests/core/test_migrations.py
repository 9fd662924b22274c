"""The rate counters moved from roles to core without moving a row: a database
made before the move keeps its counts, and the move can be undone."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.counters import _count_in_database
from core.models import RateCounter

BEFORE = [("roles", "0015_rate_counters"), ("core", None)]
TABLE = "roles_ratecounter"


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_counts_made_before_the_move_are_read_after_it():
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (key, count, expires) VALUES (%s, %s, %s)",
                ["rate:export:60:1.2.3.4", 7, 4_000_000_000],
            )
        assert ContentType.objects.filter(app_label="roles", model="ratecounter")
    finally:
        migrate(latest())
    assert RateCounter._meta.db_table == TABLE
    assert RateCounter.objects.get(key="rate:export:60:1.2.3.4").count == 7
    # The database store counts on in the same row (with REDIS_URL set,
    # count_hit would ask Redis first).
    assert _count_in_database("rate:export:60:1.2.3.4", 60).count == 8
    assert ContentType.objects.filter(app_label="core", model="ratecounter").exists()
    assert not ContentType.objects.filter(app_label="roles", model="ratecounter")


@pytest.mark.django_db(transaction=True)
def test_the_move_undone_leaves_the_table_and_its_rows():
    RateCounter.objects.create(key="kept", count=3, expires=4_000_000_000)
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count FROM {TABLE} WHERE key = %s", ["kept"])
            assert cursor.fetchone() == (3,)
    finally:
        migrate(latest())
    assert RateCounter.objects.get(key="kept").count == 3
