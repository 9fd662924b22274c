"""PostgreSQL only: a German full-text index and trigram indexes for search.

SQLite has neither; search there uses its Python fallback (roles/search.py).
The full-text index uses the same expression Django's SearchVector generates, so
the planner can use it.
"""

from django.db import migrations, transaction

FULL_TEXT = (
    "CREATE INDEX IF NOT EXISTS role_search_fts ON roles_role USING GIN "
    "(to_tsvector('german'::regconfig, COALESCE(search_document, '')))"
)
TRIGRAM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS role_title_trgm ON roles_role USING GIN (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS role_aliases_trgm ON roles_role USING GIN "
    "(aliases gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS role_search_fts",
    "DROP INDEX IF EXISTS role_title_trgm",
    "DROP INDEX IF EXISTS role_aliases_trgm",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FULL_TEXT)
        try:
            # pg_trgm needs rights to create extensions; without it search still
            # works, only typo tolerance is lost (see roles/search.py).
            with transaction.atomic():
                for statement in TRIGRAM:
                    cursor.execute(statement)
        except Exception:  # noqa: BLE001 - any refusal leaves full-text search intact
            pass


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("roles", "0005_add_role_search_document")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
