"""Where things are in an ad: its sentences, and the line a note quotes."""

from __future__ import annotations

import re

# A sentence ends at a line break, or at ". ", "! ", "? " before a capital letter
# (not after a number: "zum 01.07. eine" goes on).
SENTENCE_END = re.compile(r"\n+|(?<=[^\d\s][.!?])\s+(?=[\"„»A-ZÄÖÜ•\-–])")
LONG_LINE = 200
BULLET = re.compile(r"^(?:[-–—•*·▪►▸✓✔→]|\d{1,2}[.)])\s+")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence, blank ones left out."""
    spans, start = [], 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end() if match else len(text)
    return spans


def line_of(text: str, position: int) -> str:
    """The line holding ``position`` without its bullet; in a long line (an ad
    pasted as one line) only its sentence."""
    return BULLET.sub("", _line_of(text, position))


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    if end - start <= LONG_LINE:
        return " ".join(text[start:end].split())
    for a, b in sentences(text):
        if a <= position < b or (a <= position and position == b):
            return " ".join(text[a:b].split())[:LONG_LINE]
    return " ".join(text[start:end].split())[:LONG_LINE]
