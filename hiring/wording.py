"""The catalogue's words, as the check reads an ad with them: the phrases of every
task and competency, their weights, and the roles' names.

A phrase from the catalogue matches a clause of the ad when the clause holds most
of the phrase's weight: rare words (those of one entry only) weigh most, so
"Grafiken" identifies design work while "Erstellung" alone identifies nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from hiring.text import PARTICLES, words
from hiring.vocabulary import Vocabulary, verb_stems
from roles.readmodels import EntryData

PARTICLE = re.compile(r"\b(?:" + "|".join(PARTICLES) + r")\b", re.I)
TASK, COMPETENCY = "task", "competency"
CORE_PHRASES = 3  # phrases of one entry that share a word make it a core word


@dataclass(frozen=True)
class Phrase:
    entry: tuple[str, str]  # (kind, slug)
    text: str
    keys: frozenset[str]
    order: tuple[str, ...]  # the keys in the phrase's own order
    actions: frozenset[str] = frozenset()
    """The keys of its doing (verbs, and nouns of doing such as "Abstimmung"): a
    match needs one of them, since departments or objects alone ("Marketing und
    Vertrieb") ask for no work."""


@dataclass
class Wording:
    vocabulary: Vocabulary
    entries: dict[tuple[str, str], EntryData]
    phrases_by_key: dict[str, list[Phrase]] = field(default_factory=dict)
    weight: dict[tuple[str, str], float] = field(default_factory=dict)
    """(kind, key) → how surely the key tells entries of that kind apart."""
    core_keys: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def keys_of(
        self, text: str, *, heads: bool = True
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, roots) for each word of ``text``; a verb whose particle
        stands later in the text ("bauen … auf") also stands for the joined verb.
        With ``heads``, an unknown compound also stands for its known last part
        ("Produktvideos" are videos); phrases are read without, so they stay strict."""
        found = []
        for w in words(text):
            keys = self.vocabulary.expand(w.bare, w.root)
            if heads and len(keys) == 1 and keys[0] not in self.vocabulary.roots:
                parts = (
                    *(self.vocabulary.head(w.bare) or self.vocabulary.head(keys[0])),
                    *self.vocabulary.first(keys[0]),
                )
                keys = (*keys, *dict.fromkeys(parts))
            found.append((w.start, w.end, keys))
        particles = {m.group(0).lower() for m in PARTICLE.finditer(text)}
        if not particles:
            return found
        joined = []
        for start, end, keys in found:
            if not text[start].islower():  # nouns are capitalised: no verb to join
                joined.append((start, end, keys))
                continue
            extra = [
                particle + stem
                for particle in particles
                for stem in {keys[0], *verb_stems(keys[0])}
                if particle + stem in self.vocabulary.roots
            ]
            joined.append(
                (start, end, (*keys, *extra)) if extra else (start, end, keys)
            )
        return joined

    def sequence(self, text: str) -> tuple[str, ...]:
        """The roots of a name in order, compounds as their parts: "Webentwicklerin"
        is ("web", "entwickl")."""
        found: list[str] = []
        for _start, _end, keys in self.keys_of(text, heads=False):
            found.extend(keys[1:] or keys[:1])
        return tuple(found)

    def phrase_keys(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.sequence(text)))


def build_wording(entries: Iterable[EntryData], names: Iterable[str]) -> Wording:
    entries = list(entries)
    texts = [t for e in entries for t in (e.name, e.plain_name, *e.ad_phrases)]
    texts += list(names)
    vocabulary = Vocabulary(w.bare for text in texts for w in words(text))
    wording = Wording(vocabulary, {(e.kind, e.slug): e for e in entries})
    by_key: dict[str, list[Phrase]] = defaultdict(list)
    for entry in entries:
        for phrase in _phrases(wording, entry):
            for key in phrase.keys:
                by_key[key].append(phrase)
    wording.phrases_by_key = dict(by_key)
    _weigh(wording)
    return wording


DOING_ENDINGS = ("ung", "ion", "ierung", "ing", "en", "ern", "eln")


def _actions(wording: Wording, text: str) -> frozenset[str]:
    """Keys of the words that name a doing: verbs (lower case in German) and
    nouns of doing ("Abstimmung", "Moderation", "Reporting")."""
    found: set[str] = set()
    for word in words(text):
        doing = word.surface[:1].islower() or word.surface.lower().endswith(
            DOING_ENDINGS[:4]
        )
        if doing:
            found.update(wording.vocabulary.expand(word.bare, word.root))
    return frozenset(found)


def _phrases(wording: Wording, entry: EntryData) -> list[Phrase]:
    ref, seen, found = (entry.kind, entry.slug), set(), []
    for text in (entry.name, entry.plain_name, *entry.ad_phrases):
        order = wording.phrase_keys(text)
        keys = frozenset(order)
        if keys and keys not in seen:
            seen.add(keys)
            actions = _actions(wording, text) & keys
            found.append(Phrase(ref, text, keys, order, actions))
    return found


def _weigh(wording: Wording) -> None:
    """Rare words weigh more: a word in one entry's phrases identifies it among
    the entries of its kind (tasks are told apart from tasks, competencies from
    competencies: "Strategie" is the strategy task even though a competency is
    "strategisches Denken"). A word that several phrases of one entry share, and
    no other entry of its kind uses, is that entry's core word ("auswerten" for
    Erfolgsmessung): it identifies it alone."""
    for key, phrases in wording.phrases_by_key.items():
        for kind in (TASK, COMPETENCY):
            mine = [phrase for phrase in phrases if phrase.entry[0] == kind]
            entries = {phrase.entry for phrase in mine}
            if not entries:
                continue
            wording.weight[(kind, key)] = 1 / len(entries)
            if len(entries) == 1 and len(mine) >= CORE_PHRASES:
                wording.core_keys.setdefault(key, []).append(next(iter(entries)))
