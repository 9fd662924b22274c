"""Search over roles, tasks and competencies, on the index of either database.

A query is cleaned (length, stop words, a cap on words), each unknown word is
corrected against the vocabulary through its trigram index, and the index returns
one page of role ids with a count (roles.search.backends). Snippets are built only
for the roles on the page. The picker's suggestions and the comparison's typed role
use the same path, restricted to names.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from roles.models import Competency, Role, SearchTerm, Task, split_lines
from roles.search.backends import Terms, backend
from roles.search.text import STOP_WORDS, WORD, highlight, stem_words

MIN_LENGTH = 2
MAX_LENGTH = 200
MAX_WORDS = 12
"""More words than this add nothing a person meant; the rest are dropped."""
PAGE_SIZE = 20
MAX_PAGE = 50
"""Pages offered (1,000 hits); past them a more specific word helps more."""
SUGGESTIONS = 8
SNIPPET_RADIUS = 90
FUZZY_THRESHOLD = 0.75


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString
    slug: str = ""


@dataclass
class SearchResults:
    query: str
    roles: list[Hit] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    corrections: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.roles or self.tasks or self.competencies)

    @property
    def capped(self) -> bool:
        """More hits than anyone pages through: only the best are offered."""
        return self.total > MAX_PAGE * PAGE_SIZE

    @property
    def most_shown(self) -> int:
        return MAX_PAGE * PAGE_SIZE

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    words: list[str]
    messages: list[str]


# --- reading the query ------------------------------------------------------------


def parse_query(raw_query: str) -> ParsedQuery:
    """Cut to length, keep words of two letters or more, drop stop words and
    repeats, cap the number of words; every cut is told to the reader."""
    text = " ".join((raw_query or "").split())
    messages = []
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH]
        messages.append(
            _("Die Suche wurde auf %(max)s Zeichen gekürzt.") % {"max": MAX_LENGTH}
        )
    seen, words = set(), []
    for word in WORD.findall(text):
        lowered = word.lower()
        if len(word) >= MIN_LENGTH and lowered not in seen:
            seen.add(lowered)
            words.append(word)
    meaningful = [w for w in words if w.lower() not in STOP_WORDS]
    if words and not meaningful:
        messages.append(
            _(
                "„%(query)s“ enthält nur sehr häufige Wörter. Bitte suchen Sie nach "
                "einem Fachwort, z. B. „Community“ oder „Moderation“."
            )
            % {"query": text}
        )
    elif len(text) < MIN_LENGTH or not words:
        messages.append(
            _(
                "Bitte geben Sie mindestens ein Wort mit zwei Buchstaben ein, "
                "z. B. „Community“ oder „Moderation“."
            )
        )
    if len(meaningful) > MAX_WORDS:
        messages.append(
            _("Gesucht wurde nach den ersten %(max)s Wörtern.") % {"max": MAX_WORDS}
        )
        meaningful = meaningful[:MAX_WORDS]
    return ParsedQuery(text, meaningful, messages)


def terms_for(words: list[str], prefix: str = "") -> tuple[Terms, list[str]]:
    """The words as typed plus, for each word no role uses, the closest words
    that some role does use; returns the terms and the corrections made."""
    lowered = [w.lower() for w in words]
    checked = [w for w in (*lowered, prefix.lower()) if w]
    known = set(
        SearchTerm.objects.filter(word__in=checked).values_list("word", flat=True)
    )
    finder = backend()
    corrections: list[str] = []
    for word in lowered:
        if word not in known and len(word) >= 3:
            corrections += finder.close_words(word)
    return Terms(
        tuple(dict.fromkeys([*lowered, *corrections])), prefix.lower()
    ), corrections


# --- searching ------------------------------------------------------------------


def search(raw_query: str, page: int | str = 1) -> SearchResults:
    """One page of ranked roles, plus matching tasks and competencies; never
    raises on input (a page past the end shows the last one)."""
    parsed = parse_query(raw_query)
    results = SearchResults(query=parsed.text, messages=list(parsed.messages))
    if not parsed.words:
        return results
    terms, results.corrections = terms_for(parsed.words)
    results.page = _page_number(page)
    finder = backend()
    ids, results.total = finder.find(terms, PAGE_SIZE, (results.page - 1) * PAGE_SIZE)
    if not ids and results.page > 1:  # past the end: show the last page
        _none, total = finder.find(terms, 1, 0)
        results.page = min(results.page, max(1, -(-total // PAGE_SIZE)), MAX_PAGE)
        offset = (results.page - 1) * PAGE_SIZE
        ids, results.total = finder.find(terms, PAGE_SIZE, offset)
    results.pages = min(max(1, -(-results.total // PAGE_SIZE)), MAX_PAGE)
    highlighted = [*parsed.words, *results.corrections]
    word_stems = [s for s in stem_words(highlighted) if len(s) >= 3]
    results.roles = [
        _hit(role, word_stems) for role in _names_first(_in_order(ids), parsed.words)
    ]
    results.tasks, results.competencies = _catalogue_matches(highlighted)
    return results


def _page_number(page: int | str) -> int:
    try:
        number = int(page)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _in_order(ids: list[int]) -> list[Role]:
    roles = Role.objects.only(
        "slug", "title", "aliases", "summary", "definition", "search_document"
    ).in_bulk(ids)
    return [roles[pk] for pk in ids if pk in roles]


def _names_first(roles: list[Role], words: list[str]) -> list[Role]:
    """Within the page, a role whose title or alias is what was typed comes first
    (the index ranks by words; this tells "Manager" from "Senior Manager")."""
    scored = [
        (-round(_name_score(words, [role.title, *split_lines(role.aliases)]), 1), i)
        for i, role in enumerate(roles)
    ]
    return [roles[i] for _score, i in sorted(scored)]


def name_matches(
    typed: str, limit: int = SUGGESTIONS
) -> list[tuple[str, str, list[str]]]:
    """(slug, title, aliases) of the roles whose names match what is typed, best
    first; the last word may be unfinished. The picker's suggestions and the
    comparison's typed role both come from here."""
    words = [
        w for w in WORD.findall(" ".join(typed.split())[:120]) if len(w) >= MIN_LENGTH
    ]
    if not words:
        return []
    *complete, last = words
    terms, _corrections = terms_for([*complete, last], prefix=last)
    ids, _total = backend().find(terms, limit, 0, names_only=True)
    exact = Role.objects.filter(slug=typed.strip().lower()[:80]).values_list(
        "pk", flat=True
    )
    ids = list(dict.fromkeys([*exact, *ids]))
    rows = Role.objects.filter(pk__in=ids).values_list("pk", "slug", "title", "aliases")
    by_id = {
        pk: (slug, title, split_lines(aliases)) for pk, slug, title, aliases in rows
    }
    found = [by_id[pk] for pk in ids if pk in by_id]
    return sorted(found, key=lambda row: _as_typed_first(typed, row[1], row[2]))


def _as_typed_first(typed: str, title: str, aliases: list[str]) -> tuple:
    """A name that begins as typed comes first, then shorter names: "Comm"
    offers "Community Manager" before "Junior Community Manager"."""
    wanted = " ".join(typed.split()).casefold()
    names = [title.casefold(), *(alias.casefold() for alias in aliases)]
    return (not any(name.startswith(wanted) for name in names), len(title))


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
        ratios = [_best_ratio(w.lower(), name_words) for w in words]
        matched = [r for r in ratios if r >= FUZZY_THRESHOLD]
        best = max(best, sum(matched) / max(len(words), len(name_words)))
    return best


def _best_ratio(word: str, candidates: list[str]) -> float:
    """The best difflib ratio of ``word`` to any candidate; the cheap upper
    bounds skip most of the work."""
    if word in candidates:
        return 1.0
    best = 0.0
    matcher = difflib.SequenceMatcher(b=word)
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


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
    tasks = list(Task.objects.filter(condition).order_by("name")[:PAGE_SIZE])
    competencies = list(
        Competency.objects.filter(condition).order_by("name")[:PAGE_SIZE]
    )
    return tasks, competencies


def _hit(role: Role, word_stems: list[str]) -> Hit:
    url = role.get_absolute_url()
    return Hit(role.title, url, snippet(role, word_stems), role.slug)


def snippet(role: Role, word_stems: list[str]) -> SafeString:
    """A short passage with the searched stems in <mark>; all text escaped."""
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
