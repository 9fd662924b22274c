"""Search over roles, tasks and competencies.

PostgreSQL: German full-text search (stemming, GIN index) plus trigram similarity on
titles and aliases for typos. SQLite: the same German Snowball stemmer and difflib in
Python over the (small) role table. Both rank, both return the same result shape.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from roles.models import Competency, Role, Task, split_lines
from roles.search.text import WORD, highlight, stem_words, stems

MIN_LENGTH = 2
MAX_LENGTH = 200
MAX_RESULTS = 20
SNIPPET_RADIUS = 90
FUZZY_THRESHOLD = 0.75
TRIGRAM_THRESHOLD = 0.4


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString
    score: float


@dataclass
class SearchResults:
    query: str
    roles: list[Hit] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.roles or self.tasks or self.competencies)


@lru_cache(maxsize=512)
def document_stems(document: str) -> frozenset[str]:
    """Stems of a stored document; cached, as documents change only on edits."""
    return frozenset(stems(document))


# --- searching ------------------------------------------------------------------


def search(raw_query: str) -> SearchResults:
    """Ranked roles, plus matching tasks and competencies; never raises on input."""
    query = " ".join((raw_query or "").split())
    results = SearchResults(query=query)
    if len(query) > MAX_LENGTH:
        query = results.query = query[:MAX_LENGTH]
        results.messages.append(
            _("Die Suche wurde auf %(max)s Zeichen gekürzt.") % {"max": MAX_LENGTH}
        )
    words = [word for word in WORD.findall(query) if len(word) >= MIN_LENGTH]
    if len(query) < MIN_LENGTH or not words:
        results.messages.append(
            _(
                "Bitte geben Sie mindestens ein Wort mit zwei Buchstaben ein, "
                "z. B. „Community“ oder „Moderation“."
            )
        )
        return results
    finder = _postgres_roles if connection.vendor == "postgresql" else _python_roles
    results.roles = finder(query, words)[:MAX_RESULTS]
    results.tasks, results.competencies = _catalogue_matches(words)
    return results


def _python_roles(query: str, words: list[str]) -> list[Hit]:
    query_stems = set(stems(query))
    hits = []
    for role in Role.objects.only(
        "slug", "title", "aliases", "summary", "definition", "search_document"
    ):
        names = [role.title, *split_lines(role.aliases)]
        score = _name_score(words, names) * 3
        score += len(query_stems & document_stems(role.search_document))
        if score > 0:
            hits.append(_hit(role, words, score))
    return sorted(hits, key=lambda hit: (-hit.score, hit.title))


def rank_by_name(
    typed: str, choices: list[tuple[str, str, list[str]]]
) -> list[tuple[float, str]]:
    """(score, slug) of the roles whose title or alias matches what was typed,
    best first; forgives typos and accepts parts of a title, as search does."""
    words = [word for word in WORD.findall(typed) if len(word) >= MIN_LENGTH]
    if not words:
        return []
    scored = [
        (_name_score(words, [title, *aliases]), slug)
        for slug, title, aliases in choices
    ]
    return sorted((pair for pair in scored if pair[0] > 0), key=lambda p: -p[0])


def _name_score(words: list[str], names: list[str]) -> float:
    """How well the typed words match a title or alias, forgiving typos."""
    best = 0.0
    for name in names:
        name_words = [w.lower() for w in WORD.findall(name)]
        if not name_words:
            continue
        ratios = [
            max(difflib.SequenceMatcher(a=w.lower(), b=n).ratio() for n in name_words)
            for w in words
        ]
        matched = [r for r in ratios if r >= FUZZY_THRESHOLD]
        best = max(best, sum(matched) / max(len(words), len(name_words)))
    return best


def _postgres_roles(query: str, words: list[str]) -> list[Hit]:
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        TrigramWordSimilarity,
    )
    from django.db.models.functions import Greatest

    search_query = SearchQuery(
        " OR ".join(words), config="german", search_type="websearch"
    )
    vector = SearchVector("search_document", config="german")  # matches the GIN index
    roles = Role.objects.annotate(
        document=vector, rank=SearchRank(vector, search_query)
    )
    matches = Q(document=search_query)
    if _has_trigram():
        roles = roles.annotate(
            similarity=Greatest(
                TrigramWordSimilarity(query, "title"),
                TrigramWordSimilarity(query, "aliases"),
            )
        )
        matches |= Q(similarity__gte=TRIGRAM_THRESHOLD)
    roles = roles.filter(matches).only(
        "slug", "title", "aliases", "summary", "definition", "search_document"
    )
    hits = [
        _hit(role, words, getattr(role, "similarity", 0) * 3 + role.rank)
        for role in roles
    ]
    return sorted(hits, key=lambda hit: (-hit.score, hit.title))


@cache
def _has_trigram() -> bool:
    """pg_trgm may be missing where the database user cannot create extensions."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def _catalogue_matches(words: list[str]) -> tuple[list[Task], list[Competency]]:
    """Tasks and competencies whose names contain a word's stem."""
    condition = Q()
    for stem in {s for s in stem_words(words) if len(s) >= 3}:
        condition |= (
            Q(name__icontains=stem)
            | Q(plain_name__icontains=stem)
            | Q(ad_phrases__icontains=stem)  # the wording of job ads finds it too
        )
    if not condition:
        return [], []
    tasks = list(Task.objects.filter(condition).order_by("name")[:MAX_RESULTS])
    competencies = list(
        Competency.objects.filter(condition).order_by("name")[:MAX_RESULTS]
    )
    return tasks, competencies


def _hit(role: Role, words: list[str], score: float) -> Hit:
    return Hit(
        role.title, role.get_absolute_url(), snippet(role, words), round(score, 3)
    )


def snippet(role: Role, words: list[str]) -> SafeString:
    """A short passage with the matched words in <mark>; all text escaped."""
    word_stems = [s for s in stem_words(words) if len(s) >= 3]
    for alias in split_lines(role.aliases):
        if any(stem in alias.lower() for stem in word_stems):
            return highlight(
                _("Auch genannt: %(alias)s") % {"alias": alias}, word_stems
            )
    for text in (role.summary, role.definition, role.search_document):
        plain = " ".join(re.sub(r"[#*_>`\[\]()]", " ", text or "").split())
        position = _first_match(plain, word_stems)
        if position is not None:
            start = max(0, position - SNIPPET_RADIUS)
            excerpt = plain[start : position + SNIPPET_RADIUS]
            prefix = "… " if start else ""
            suffix = " …" if position + SNIPPET_RADIUS < len(plain) else ""
            return mark_safe(prefix + str(highlight(excerpt, word_stems)) + suffix)  # noqa: S308
    return mark_safe(escape(role.summary[: SNIPPET_RADIUS * 2]))  # noqa: S308


def _first_match(text: str, word_stems: list[str]) -> int | None:
    lowered = text.lower()
    found = [lowered.find(stem) for stem in word_stems if stem in lowered]
    return min(found) if found else None
