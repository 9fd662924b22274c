"""The catalogue's own words, used to read compounds and typos in an ad.

A compound such as "Redaktionsplanung" or "Contentplanung" is split into words the
catalogue knows ("redaktion" + "plan"), with the German linking letters between them.
A word the catalogue does not know and cannot split is checked for one slip of the
keyboard ("Comunity", "Manger") against the known words. Both steps need no data
beyond the catalogue, so they work offline and for any catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from hiring.text import STOPWORDS, root_of_stem, roots, stem_of

LINKING = ("", "s", "es", "n", "en", "e", "er")
MIN_PART = 4
MIN_HEAD = 5  # letters of a compound's last part read on its own
SHORT_PART = 3
MAX_SPLIT_LENGTH = 40  # longer "words" are garbage, not compounds
MIN_TYPO_LENGTH = 5
SUBSTITUTION_LENGTH = 8


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Vocabulary:
    """Known words of one catalogue; answers 'which roots does this word stand for'."""

    def __init__(self, bare_words: Iterable[str]):
        self.parts: dict[str, str] = {}  # literal piece of a compound → its root
        self.roots: set[str] = set()
        self._by_spelling: dict[str, set[str]] = {}
        self._root_of_bare: dict[str, str] = {}
        unique = sorted({w for w in bare_words if len(w) > 1})
        for bare_word, stem, root in zip(
            unique, [stem_of(w) for w in unique], roots(unique), strict=True
        ):
            self._learn(bare_word, stem, root)
        self.expand = lru_cache(maxsize=20_000)(self._expand)

    def _learn(self, bare_word: str, stem: str, root: str) -> None:
        self.roots.add(root)
        self._root_of_bare[bare_word] = root
        for piece in {bare_word, stem, root}:
            # Short pieces make false splits ("sicherstellen" is no "sich" +
            # "erstellen"); three letters only for whole words such as "SEO".
            long_enough = len(piece) >= MIN_PART or (
                len(piece) == SHORT_PART and piece == bare_word
            )
            if long_enough and piece not in STOPWORDS:
                self.parts.setdefault(piece, root)
        if len(bare_word) >= MIN_TYPO_LENGTH and not bare_word.isdigit():
            # (a number has no typos: "00017" is not a slip of "00071")
            for key in _deletions(bare_word) | {bare_word}:
                self._by_spelling.setdefault(key, set()).add(bare_word)

    def _expand(self, bare_word: str, root: str) -> tuple[str, ...]:
        """The roots an ad word stands for: itself, its compound parts, or the
        known word it is a typo of."""
        parts = self.split(root)
        if root in self.roots or parts:
            return (root, *parts)
        for plural in (root[:-1] if root.endswith("s") else "", root + "s"):
            if plural in self.roots:  # "Tool" for "Tools", "Audits" for "Audit"
                return (plural, *self.split(plural))
        for verb_form in verb_stems(root):
            if verb_form in self.roots:
                return (verb_form, *self.split(verb_form))
        corrected = self.correct(bare_word)
        if corrected:
            return (corrected, *self.split(corrected))
        return (root,)

    def split(self, root: str) -> tuple[str, ...]:
        """Known parts of a compound root, fewest parts first; () if none."""
        if len(root) > MAX_SPLIT_LENGTH or len(root) < 2 * SHORT_PART:
            return ()
        best = _split(root, self.parts)
        if not best:
            return ()
        return tuple(dict.fromkeys(self.parts[piece] for piece in best))

    def head(self, root: str) -> tuple[str, ...]:
        """The longest known last part of a compound the vocabulary cannot split
        whole: German puts the meaning there ("Produktvideos" are "Videos")."""
        if len(root) > MAX_SPLIT_LENGTH:
            return ()
        for start in range(SHORT_PART, len(root) - MIN_PART + 1):
            piece = root[start:]
            # a four-letter head only behind a noun of its own ("Spieler|frag"),
            # never behind a prefix ("Auf|trag" is no "trag")
            long_enough = len(piece) >= MIN_HEAD or start >= MIN_HEAD
            if long_enough and piece in self.parts:
                return (self.parts[piece],)
        return ()

    def first(self, root: str) -> tuple[str, ...]:
        """The longest known first part of a compound the vocabulary cannot split
        whole, when a linking letter or a long enough rest follows
        ("Abstimmungsprozesse" are about "Abstimmung")."""
        if len(root) > MAX_SPLIT_LENGTH:
            return ()
        for end in range(len(root) - SHORT_PART, MIN_HEAD - 1, -1):
            piece = root[:end]
            if piece in self.parts and len(root) - end >= SHORT_PART:
                return (self.parts[piece],)
        return ()

    def correct(self, bare_word: str) -> str:
        """The root of the known word one slip away, if exactly one root fits.

        A letter too many or too few, or two letters swapped, counts as a slip;
        a changed letter only in long words, where it cannot make another word
        ("treten" is not a typo of "texten")."""
        if len(bare_word) < MIN_TYPO_LENGTH or len(bare_word) > MAX_SPLIT_LENGTH:
            return ""
        candidates: set[str] = set()
        for key in _deletions(bare_word) | {bare_word}:
            candidates |= self._by_spelling.get(key, set())
        found = {self._root_of_bare[c] for c in candidates if _one_slip(bare_word, c)}
        return found.pop() if len(found) == 1 else ""


def _one_slip(typed: str, known: str) -> bool:
    if len(typed) != len(known):
        shorter, longer = sorted((typed, known), key=len)
        return len(longer) - len(shorter) == 1 and shorter in _deletions(longer)
    differ = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        return typed[i] == known[i + 1] and typed[i + 1] == known[i]
    return len(differ) == 1 and len(typed) >= SUBSTITUTION_LENGTH


def verb_stems(root: str) -> list[str]:
    """'erstellst' → 'erstell', 'moderierst' → 'moder': the endings Snowball leaves
    on verbs, then the same derivational endings as for any other word."""
    stems = [
        root[: -len(ending)]
        for ending in ("est", "st", "et", "t", "e", "en")
        if root.endswith(ending) and len(root) - len(ending) >= SHORT_PART
    ]
    if root.startswith("ge") and root.endswith("t") and len(root) > 6:
        stems.append(root[2:].removesuffix("et").removesuffix("t"))  # "gesammelt"
    return list(dict.fromkeys([*stems, *(root_of_stem(stem) for stem in stems)]))


def _split(word: str, parts: dict[str, str]) -> list[str] | None:
    """Split ``word`` into two or more known pieces joined by linking letters
    (dynamic programming, fewest pieces wins); None when no split covers it."""
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for start in range(len(word)):
        if best[start] is None:
            continue
        for end in range(start + SHORT_PART, len(word) + 1):
            piece = word[start:end]
            if piece not in parts or (start == 0 and end == len(word)):
                continue
            for link in LINKING:
                stop = end + len(link)
                if stop > len(word) or word[end:stop] != link:
                    continue
                candidate = [*best[start], piece]
                if best[stop] is None or len(candidate) < len(best[stop]):
                    best[stop] = candidate
    return best[len(word)]
