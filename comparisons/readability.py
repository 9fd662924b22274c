"""How easy a German text is to read: Amstad's adaptation of the Flesch score.

    Amstad = 180 − (words / sentences) − 58.5 × (syllables / words)

60–70 reads as plain language, below 30 as academic prose. Syllables are counted
as groups of vowels (German diphthongs such as "ei", "au", "eu" count once), which
is what Flesch-style scores have always done; the formula is small enough to own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
VOWEL_GROUP = re.compile(r"[aeiouyäöü]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def amstad(self) -> float:
        if not self.words:
            return 0.0
        return round(
            180
            - self.words / max(self.sentences, 1)
            - 58.5 * self.syllables / self.words,
            1,
        )

    @property
    def words_per_sentence(self) -> float:
        return round(self.words / max(self.sentences, 1), 1)


def syllables(word: str) -> int:
    """Vowel groups of a word; a hyphenated compound counts all its parts."""
    parts = word.lower().split("-")
    return sum(max(1, len(VOWEL_GROUP.findall(part))) for part in parts)


def measure(text: str) -> Readability:
    words = WORD.findall(text)
    sentences = len([s for s in SENTENCE_END.split(text) if WORD.search(s)])
    return Readability(
        words=len(words),
        sentences=sentences,
        syllables=sum(syllables(word) for word in words),
    )


def amstad(text: str) -> float:
    return measure(text).amstad
