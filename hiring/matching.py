"""Which tasks and competencies an ad asks for, and the words that show it.

A phrase from the catalogue matches a line of the ad when the line holds most of the
phrase's weight: rare words (those of one entry only) weigh most, so "Grafiken"
identifies design work while "Erstellung" alone identifies nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from math import fsum

from hiring.index import COMPETENCY, TASK, CatalogueIndex
from hiring.reading import IGNORED_SECTIONS, PROFILE, Layout, Unit

MIN_COVERAGE = 0.7
DISTINCT_WEIGHT = 0.34  # a word shared by at most three entries tells them apart
LONG_WORD = 5  # letters of a root that may stand for its phrase alone
MAX_GAP = 24  # characters of glue ("der", "von unseren") joined into one highlight


@dataclass
class Found:
    """One recognised task or competency: where, how strongly, and whether the ad
    says it is not wanted."""

    kind: str
    slug: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    strength: float = 0.0
    negated_only: bool = True


@dataclass
class Recognition:
    tasks: dict[str, Found]
    competencies: dict[str, Found]
    title_keys: frozenset[str]
    units_read: int

    def asked_tasks(self) -> dict[str, float]:
        return {s: f.strength for s, f in self.tasks.items() if not f.negated_only}

    def declined_tasks(self) -> set[str]:
        return {s for s, f in self.tasks.items() if f.negated_only}


def recognise(text: str, layout: Layout, index: CatalogueIndex) -> Recognition:
    found: dict[tuple[str, str], Found] = {}
    for unit in layout.units:
        if unit.section in IGNORED_SECTIONS:
            continue
        matches = _match_unit(unit, index)
        if unit.section == PROFILE and any(k == COMPETENCY for k, _s in matches):
            # "Kenntnisse in SEO" under "Ihr Profil" asks for knowledge, not the work.
            matches = {ref: m for ref, m in matches.items() if ref[0] == COMPETENCY}
        for ref, (coverage, spans) in matches.items():
            item = found.setdefault(ref, Found(kind=ref[0], slug=ref[1]))
            item.spans.extend(spans)
            item.units.append(unit)
            if not unit.is_negated:
                item.negated_only = False
                item.strength = max(item.strength, coverage)
    title_keys: set[str] = set()
    if layout.title:
        start, end = layout.title
        for _s, _e, keys in index.keys_of(text[start:end]):
            title_keys.update(keys)
    for item in found.values():
        item.spans = merge_spans(item.spans, text)
    return Recognition(
        tasks={slug: f for (kind, slug), f in found.items() if kind == TASK},
        competencies={
            slug: f for (kind, slug), f in found.items() if kind == COMPETENCY
        },
        title_keys=frozenset(title_keys),
        units_read=len(layout.units),
    )


def _match_unit(unit: Unit, index: CatalogueIndex) -> dict:
    """Best coverage and matched word spans per entry, for one line."""
    positions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    whole_words: set[str] = set()  # a word's own root, not a part of a compound
    for start, end, keys in index.keys_of(unit.text):
        whole_words.add(keys[0])
        for key in keys:
            positions[key].append((unit.start + start, unit.start + end))
    candidates = {
        id(phrase): phrase
        for key in positions
        for phrase in index.phrases_by_key.get(key, ())
    }
    best: dict[tuple[str, str], tuple[float, list]] = {}
    for key in whole_words:
        entry = index.core_keys.get(key)
        spans = positions[key]
        if entry and len(key) >= LONG_WORD:  # "Arbeitsplatz" is no "platzieren"
            best[entry] = (MIN_COVERAGE, list(spans))
    for phrase in candidates.values():
        matched = [key for key in phrase.keys if key in positions]
        # fsum: the same sum in any order, so the threshold cuts the same each run
        total = fsum(index.weight[key] for key in phrase.keys)
        coverage = fsum(index.weight[key] for key in matched) / total
        if coverage < MIN_COVERAGE or not _enough(matched, phrase, index):
            continue
        spans = [span for key in matched for span in positions[key]]
        if phrase.entry not in best or coverage > best[phrase.entry][0]:
            best[phrase.entry] = (coverage, spans)
    return best


def _enough(matched: list[str], phrase, index: CatalogueIndex) -> bool:
    """All of the phrase, two of its words with one that tells entries apart,
    or one long word that belongs to this entry alone ("Grafiken", but not
    "täglich" for "tägliches Posting")."""
    if len(phrase.keys) == 1:  # a one-word phrase must be a telling word
        return index.weight[matched[0]] >= DISTINCT_WEIGHT
    if len(matched) == len(phrase.keys):
        return True
    if len(matched) >= 2:
        return any(index.weight[key] >= DISTINCT_WEIGHT for key in matched)
    key = matched[0]
    return index.weight[key] == 1 and len(key) >= LONG_WORD


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
