"""The search index on each database, kept current on every write.

Both backends hold the same two things, written by ``roles.search.index`` whenever a
role is saved:

- per role, its names (title and aliases) and its search document, indexed for
  full-text search: an FTS5 table of Snowball stems on SQLite, a narrow table of
  ``tsvector`` columns with GIN indexes on PostgreSQL;
- the vocabulary (``SearchTerm``, every word of every role), with a trigram index,
  so that a misspelled word is corrected by an index lookup, never by a scan.

A query never stems or reads a document in Python; it asks the index for one page of
role ids and a count.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.db import connection, transaction

from roles.search.text import stem_words

NAME_WEIGHT = 6.0
"""A word in a title or alias counts this many times a word in the text."""
CLOSE_ENOUGH = 0.75
"""difflib ratio from which a vocabulary word stands in for a typed one."""
CLOSE_WORDS = 3
TRIGRAM_CANDIDATES = 40


@dataclass(frozen=True)
class IndexEntry:
    role_id: int
    names: str
    document: str
    title: str = ""
    is_illustrative: bool = False
    """Ranking on PostgreSQL puts documented roles first, then by title."""


@dataclass(frozen=True)
class Terms:
    """What to look for: words (as typed or corrected); the last may be a prefix."""

    words: tuple[str, ...]
    prefix: str = ""


def _closest(word: str, candidates: Iterable[str]) -> list[str]:
    """The few candidates most like ``word``; the same ranking on both databases."""
    scored = sorted(
        (difflib.SequenceMatcher(a=word, b=candidate).ratio(), candidate)
        for candidate in set(candidates)
        if candidate != word
    )
    return [c for ratio, c in reversed(scored) if ratio >= CLOSE_ENOUGH][:CLOSE_WORDS]


class SqliteBackend:
    """FTS5 over stems computed when a role is saved; trigram FTS5 vocabulary."""

    def write(self, entries: list[IndexEntry]) -> None:
        rows = [(e.role_id, _stemmed(e.names), _stemmed(e.document)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM roles_search WHERE rowid = %s", [(row[0],) for row in rows]
            )
            cursor.executemany(
                "INSERT INTO roles_search (rowid, names, body) VALUES (%s, %s, %s)",
                rows,
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM roles_search")

    def close_words(self, word: str) -> list[str]:
        grams = {word[i : i + 3] for i in range(len(word) - 2)}
        if not grams:
            return []
        match = " OR ".join(f'"{gram}"' for gram in sorted(grams))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM roles_searchterm_trigrams "
                "WHERE roles_searchterm_trigrams MATCH %s ORDER BY rank LIMIT %s",
                [match, TRIGRAM_CANDIDATES],
            )
            return _closest(word, (row[0] for row in cursor.fetchall()))

    def find(
        self, terms: Terms, limit: int, offset: int, names_only: bool = False
    ) -> tuple[list[int], int]:
        match = self._match(terms, names_only)
        if not match:
            return [], 0
        # No join to the wide role rows: ranking reads only the index. Rows of
        # roles that no longer exist are dropped when the page's roles are read.
        # Ranking needs every hit anyway, so the count comes with the page.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, COUNT(*) OVER () FROM (SELECT rowid, "
                f"bm25(roles_search, {NAME_WEIGHT}, 1.0) AS score FROM roles_search "
                "WHERE roles_search MATCH %s) ORDER BY score, rowid LIMIT %s OFFSET %s",
                [match, limit, offset],
            )
            return _page_and_count(cursor.fetchall())

    @staticmethod
    def _match(terms: Terms, names_only: bool) -> str:
        """An FTS5 query of quoted stems (so no word acts as an operator)."""
        parts = [f'"{stem}"' for stem in sorted(set(stem_words(list(terms.words))))]
        if terms.prefix:
            parts += [f'"{stem}"*' for stem in stem_words([terms.prefix])]
        if not parts:
            return ""
        joined = " OR ".join(parts)
        return f"names : ({joined})" if names_only else joined


class PostgresBackend:
    """A narrow table of tsvectors (names, document) with GIN; pg_trgm vocabulary."""

    def write(self, entries: list[IndexEntry]) -> None:
        rows = [
            (e.role_id, e.title, e.is_illustrative, e.names, e.document)
            for e in entries
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO roles_search (role_id, title, is_illustrative, names, "
                "body) VALUES (%s, %s, %s, to_tsvector('german', %s), "
                "to_tsvector('german', %s)) ON CONFLICT (role_id) DO UPDATE SET "
                "title = EXCLUDED.title, is_illustrative = EXCLUDED.is_illustrative, "
                "names = EXCLUDED.names, body = EXCLUDED.body",
                rows,
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM roles_search")

    def close_words(self, word: str) -> list[str]:
        if not has_trigram():
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM roles_searchterm WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, TRIGRAM_CANDIDATES],
            )
            return _closest(word, (row[0] for row in cursor.fetchall()))

    def find(
        self, terms: Terms, limit: int, offset: int, names_only: bool = False
    ) -> tuple[list[int], int]:
        """Matches through a GIN index; ranked by how well the names match (the
        small ``names`` vector), then documented roles before illustrative ones,
        then by title. Ranking by the document's vector would read every match's
        large vector."""
        query = self._tsquery(terms)
        if not query:
            return [], 0
        column = "names" if names_only else "body"
        where = f"FROM roles_search WHERE {column} @@ to_tsquery('german', %s)"
        # The planner does not price reading the out-of-line (TOAST) vectors, so on
        # this narrow table it picks a scan that reads every one (50-80 ms at
        # 10,000 roles) over the GIN index (5 ms). Within this transaction only:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"SELECT role_id, COUNT(*) OVER () {where} "  # noqa: S608 - constant
                "ORDER BY ts_rank(names, to_tsquery('german', %s), 1) DESC, "
                "is_illustrative, title LIMIT %s OFFSET %s",
                [query, query, limit, offset],
            )
            return _page_and_count(cursor.fetchall())

    @staticmethod
    def _tsquery(terms: Terms) -> str:
        """Words are runs of \\w, so quoting them keeps every operator out."""
        parts = [f"'{word}'" for word in sorted(set(terms.words))]
        if terms.prefix:
            parts.append(f"'{terms.prefix}':*")
        return " | ".join(parts)


def _page_and_count(rows: list[tuple[int, int]]) -> tuple[list[int], int]:
    """Ids of one page and the number of all hits (0 past the last page)."""
    return [row[0] for row in rows], rows[0][1] if rows else 0


def _stemmed(text: str) -> str:
    from roles.search.text import WORD

    return " ".join(stem_words(WORD.findall(text or "")))


@cache
def has_trigram() -> bool:
    """pg_trgm may be missing where the database user cannot create extensions;
    search then works without typo correction."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def backend() -> SqliteBackend | PostgresBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
