"""Which tasks and competencies an ad asks for, where, and in which sense.

Each clause is read in its part (only the work asks for work; the profile asks for
competencies), in its scope (negated or delegated work is not asked), and in its
sense (an event is moderated differently from a comment section).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from math import fsum

from hiring.layout import Clause, Layout
from hiring.parts import EXCLUDED, IGNORED, PROFILE
from hiring.scope import ASKED, partner_spans, regions, scope_at
from hiring.senses import blocked_roots
from hiring.text import words
from hiring.wording import COMPETENCY, TASK, Wording

MIN_COVERAGE = 0.7
DISTINCT_WEIGHT = 0.34  # a word shared by at most three entries tells them apart
LONG_WORD = 5  # letters of a root that may stand for its phrase alone
MAX_SPREAD = 14  # words between the first and last word of one phrase's match
MAX_GAP = 24  # characters of glue joined into one highlight


@dataclass
class Found:
    """One task or competency the ad names: where, how surely, and whether it is
    asked of this person or only named (negated, delegated, in the profile)."""

    kind: str
    slug: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    strength: float = 0.0
    asked: bool = False  # in the work, in the person's scope
    declined_as: str = ""  # "negated" or "delegated", when never asked
    in_profile: bool = False


@dataclass
class Recognition:
    tasks: dict[str, Found]
    competencies: dict[str, Found]

    def asked_tasks(self) -> dict[str, float]:
        return {s: f.strength for s, f in self.tasks.items() if f.asked}

    def declined_tasks(self) -> dict[str, str]:
        return {
            s: f.declined_as
            for s, f in self.tasks.items()
            if f.declined_as and not f.asked
        }

    def profile_tasks(self) -> set[str]:
        return {s for s, f in self.tasks.items() if f.in_profile and not f.asked}

    def asked_competencies(self) -> set[str]:
        return {s for s, f in self.competencies.items() if f.asked}


def recognise(text: str, layout: Layout, wording: Wording) -> Recognition:
    found: dict[tuple[str, str], Found] = {}
    previous = None
    for clause in layout.clauses:
        before = previous.text if previous and previous.line == clause.line else ""
        previous = clause
        if clause.part in IGNORED:
            continue
        stretches = regions(
            clause.text,
            in_excluded_part=clause.part == EXCLUDED,
            opens=clause.opens,
            before=before,
        )
        for ref, (coverage, spans) in match_clause(clause, wording).items():
            item = found.setdefault(ref, Found(kind=ref[0], slug=ref[1]))
            item.spans.extend(spans)
            item.clauses.append(clause)
            local = [(a - clause.start, b - clause.start) for a, b in spans]
            _count(item, clause, scope_at(local, stretches), coverage)
    for item in found.values():
        item.spans = merge_spans(item.spans, text)
    return Recognition(
        tasks={slug: f for (kind, slug), f in found.items() if kind == TASK},
        competencies={
            slug: f for (kind, slug), f in found.items() if kind == COMPETENCY
        },
    )


def _count(item: Found, clause: Clause, scope: str, coverage: float) -> None:
    """Asked only in the person's own work (a task) or anywhere in the person's
    scope (a competency); otherwise remember why it is named."""
    in_profile = clause.part == PROFILE
    if scope != ASKED:
        item.declined_as = item.declined_as or scope
        return
    if item.kind == TASK and in_profile:
        item.in_profile = True
        return
    item.asked = True
    item.strength = max(item.strength, coverage)


def _clause_keys(clause: Clause, wording: Wording):
    """The clause's words with their roots, without partners' professions and
    without words the clause gives another sense."""
    partners = [
        (clause.start + a, clause.start + b) for a, b in partner_spans(clause.text)
    ]
    keyed = [
        (clause.start + start, clause.start + end, keys)
        for start, end, keys in wording.keys_of(clause.text)
        if not any(a <= clause.start + start < b for a, b in partners)
    ]
    bare_words = [w.bare for w in words(clause.text)]
    blocked = blocked_roots(bare_words, {k for _s, _e, keys in keyed for k in keys})
    return [(s, e, tuple(k for k in keys if k not in blocked)) for s, e, keys in keyed]


def match_clause(clause: Clause, wording: Wording) -> dict:
    """Best coverage and matched word spans per entry, for one clause."""
    positions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order: dict[str, list[int]] = defaultdict(list)
    whole_words: set[str] = set()
    for number, (start, end, keys) in enumerate(_clause_keys(clause, wording)):
        if not keys:
            continue
        whole_words.add(keys[0])
        for key in keys:
            positions[key].append((start, end))
            order[key].append(number)
    best: dict[tuple[str, str], tuple[float, list]] = {}
    for key in whole_words:
        if len(key) < LONG_WORD or key in UNITS:  # "Arbeitsplatz" is no "platzieren"
            continue
        for entry in wording.core_keys.get(key, ()):
            best[entry] = (MIN_COVERAGE, list(positions[key]))
    candidates = {
        id(phrase): phrase
        for key in positions
        for phrase in wording.phrases_by_key.get(key, ())
    }
    for phrase in candidates.values():
        kind = phrase.entry[0]
        matched = [key for key in phrase.keys if key in positions]
        total = fsum(wording.weight[(kind, key)] for key in phrase.keys)
        coverage = fsum(wording.weight[(kind, key)] for key in matched) / total
        if coverage < MIN_COVERAGE or not _enough(matched, phrase, wording):
            continue
        if _only_units(matched, phrase):
            continue  # "Marketing und Vertrieb" alone asks for no coordinating
        if not _close_together(matched, order):
            continue
        spans = [span for key in matched for span in positions[key]]
        if phrase.entry not in best or coverage > best[phrase.entry][0]:
            best[phrase.entry] = (coverage, spans)
    return _one_meaning_per_word(best)


def _one_meaning_per_word(best: dict) -> dict:
    """Words read for two entries of a kind count for the one that explains
    more of the clause: "Weiterleitung von Fachfragen an die Fachabteilungen" is
    passing feedback on, not also coordinating the departments."""
    kept = {}
    for ref, (coverage, spans) in best.items():
        mine = set(spans)
        covered = any(
            other[0] == ref[0] and other != ref and mine < set(other_spans)
            for other, (_c, other_spans) in best.items()
        )
        if not covered:
            kept[ref] = (coverage, spans)
    return kept


# Parts of a company: naming them says whom the person works with, not what.
UNITS = frozenset(
    "marketing vertrieb pr press geschaftsfuhr geschaftsleit fachabteil fachbereich "
    "abteil bereich vorstand produktentwickl kundenservic personal hr it".split()
)


def _only_units(matched: list[str], phrase) -> bool:
    return len(phrase.keys) > 1 and all(key in UNITS for key in matched)


def _enough(matched: list[str], phrase, wording: Wording) -> bool:
    """All of the phrase, two of its words with one that tells entries apart,
    or one long word that belongs to this entry alone ("Grafiken", but not
    "täglich" for "tägliches Posting")."""
    kind = phrase.entry[0]
    if len(phrase.keys) == 1:  # a one-word phrase must be a telling word
        return wording.weight[(kind, matched[0])] >= DISTINCT_WEIGHT
    if len(matched) == len(phrase.keys):
        return True
    if len(matched) >= 2:
        return any(wording.weight[(kind, key)] >= DISTINCT_WEIGHT for key in matched)
    key = matched[0]
    return wording.weight[(kind, key)] == 1 and len(key) >= LONG_WORD


def _close_together(matched: list[str], order: dict[str, list[int]]) -> bool:
    """The words of one phrase stand near each other, not at both ends of a
    long sentence."""
    if len(matched) < 2:
        return True
    first = min(min(order[key]) for key in matched)
    last = max(min(order[key]) for key in matched)
    return last - first <= MAX_SPREAD


def merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted, de-duplicated spans; neighbours on one line become one span."""
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        if (
            merged
            and start - merged[-1][1] <= MAX_GAP
            and "\n" not in text[merged[-1][1] : start]
        ):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]
