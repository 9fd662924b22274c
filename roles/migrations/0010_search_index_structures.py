"""The search index on each database (see roles/search/backends.py).

SQLite: an FTS5 table of stems per role, and a trigram FTS5 index over the
vocabulary kept in step by triggers. (A later migration that remakes the
``roles_searchterm`` table must recreate these triggers.)

PostgreSQL: a narrow table of one row per role (its names and its document as
``tsvector``, with GIN indexes, plus what ranking needs), replacing the expression
index of 0006; and a trigram index over the vocabulary. Narrow, so that ranking
thousands of hits never reads the wide role rows or the large document vectors.
"""

from django.db import migrations, transaction

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS roles_search USING fts5("
    "names, body, tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS roles_searchterm_trigrams USING fts5("
    "word, content='roles_searchterm', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS roles_searchterm_added AFTER INSERT ON "
    "roles_searchterm BEGIN INSERT INTO roles_searchterm_trigrams(rowid, word) "
    "VALUES (new.id, new.word); END",
    "CREATE TRIGGER IF NOT EXISTS roles_searchterm_removed AFTER DELETE ON "
    "roles_searchterm BEGIN INSERT INTO roles_searchterm_trigrams"
    "(roles_searchterm_trigrams, rowid, word) VALUES ('delete', old.id, old.word); "
    "END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS roles_searchterm_added",
    "DROP TRIGGER IF EXISTS roles_searchterm_removed",
    "DROP TABLE IF EXISTS roles_searchterm_trigrams",
    "DROP TABLE IF EXISTS roles_search",
]
POSTGRES = [
    "CREATE TABLE IF NOT EXISTS roles_search ("
    "role_id bigint PRIMARY KEY, title text NOT NULL, "
    "is_illustrative boolean NOT NULL, names tsvector NOT NULL, "
    "body tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS roles_search_names ON roles_search USING GIN (names)",
    "CREATE INDEX IF NOT EXISTS roles_search_body ON roles_search USING GIN (body)",
    "DROP INDEX IF EXISTS role_search_fts",
    "DROP INDEX IF EXISTS role_title_trgm",
    "DROP INDEX IF EXISTS role_aliases_trgm",
]
POSTGRES_TRIGRAM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS roles_searchterm_word_trgm ON roles_searchterm "
    "USING GIN (word gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS roles_searchterm_word_trgm",
    "DROP TABLE IF EXISTS roles_search",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            for statement in SQLITE:
                cursor.execute(statement)
        elif vendor == "postgresql":
            for statement in POSTGRES:
                cursor.execute(statement)
            try:
                # Without the right to create extensions search still works; only
                # typo correction is lost (backends.has_trigram).
                with transaction.atomic():
                    for statement in POSTGRES_TRIGRAM:
                        cursor.execute(statement)
            except Exception:  # noqa: BLE001 - any refusal leaves full-text intact
                pass
    from roles.search.index import index_stored_documents

    index_stored_documents(apps.get_model("roles", "Role"),
                           apps.get_model("roles", "SearchTerm"))


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, [])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("roles", "0009_search_index")]

    operations = [migrations.RunPython(create, drop)]
