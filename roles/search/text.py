"""Text helpers shared by indexing and querying: German stems and highlighting.

Snowball stemmer objects keep state between calls, so one shared instance gives wrong
stems (and ``IndexError``) under threaded servers: every thread gets its own.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("german")
    return stemmer


def stem_words(words: list[str]) -> list[str]:
    """German Snowball stems of already split words, lower-cased first."""
    return [stem_of_word(word.lower()) for word in words]


@lru_cache(maxsize=100_000)
def stem_of_word(word: str) -> str:
    """Catalogues, ads and queries repeat their words: each is stemmed once per
    process (the index build at 10,000 roles and every search depend on it).
    Numbers have no stem."""
    if word.isdigit():
        return word
    return _stemmer().stemWord(word)


def stems(text: str) -> list[str]:
    return stem_words(WORD.findall(text or ""))


MAX_WORD = 64
STOP_WORDS = frozenset(
    """
    aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass
    dein dem den der des die dies diese dieser dir doch du durch ein eine einem einen
    einer eines er es für hat hatte ich ihr im in ist ja jede jeder kann kein mein
    mit nach nein nicht noch nur ob oder ohne sehr sein sich sie sind so über um und
    uns unter vom von vor war was weil wie wir wird wo zu zum zur
    and are for from not of or the to with
    """.split()
)
"""Words too common to search for; a query of only these gets a hint instead."""


def vocabulary_words(text: str) -> set[str]:
    """The words worth correcting a typo to: lower-cased, three letters or more."""
    return {
        word
        for word in (w.lower() for w in WORD.findall(text or ""))
        if 3 <= len(word) <= MAX_WORD and not word.isdigit() and word not in STOP_WORDS
    }


def highlight(text: str, word_stems: list[str]) -> SafeString:
    """Escape the text, then mark whole words that begin with a searched stem."""
    if not word_stems:
        return mark_safe(escape(text))  # noqa: S308
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(s) for s in sorted(word_stems, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308
