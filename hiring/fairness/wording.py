"""One-sided gender-coded wording: several agentic words ("durchsetzungsstark",
"Biss") or several communal ones ("einfühlsam", "fürsorglich") and hardly any of
the other kind. The words are in ``words.toml`` (documented there, with their
sources); a word counts once however often it occurs.

Clearly one-sided means: the words of one kind weigh at least ``SEVERAL`` (a word
from the studies that is common in neutral ads, such as "selbstständig", weighs
half), and the other kind weighs at most a third of that. A word does not count
when it is negated in its clause ("Du musst keine Kämpfernatur sein") or describes
the company's customers ("Unsere Kunden sind ehrgeizige Scale-ups").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hiring.fairness.lines import line_of, sentences

WORDS_FILE = Path(__file__).with_name("words.toml")
AGENTIC, COMMUNAL = "agentic", "communal"
SEVERAL = 3
OTHER_SHARE = 1 / 3
TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+")
CLAUSE_BREAK = re.compile(r"[,;:–—()]|\s-\s|\bund\b|\boder\b|\baber\b|\bsondern\b")
NEGATION = re.compile(
    r"\b(?:nicht|kein|keine|keinen|keiner|keinem|keines|ohne|weder|nie|niemand)\b",
    re.I,
)
# A sentence about others: the customers, clients or competitors.
ABOUT_OTHERS = re.compile(
    r"^\W*(?:unsere|die|zu unseren|für unsere)\s+(?:\w+\s+)?"
    r"(?:kund|mandant|klient|auftraggeber|wettbewerber|konkurrent)",
    re.I,
)


@dataclass(frozen=True)
class CodedWord:
    word: str
    kind: str
    forms: re.Pattern
    instead: str
    weight: float
    adjective_only: bool = False


@dataclass(frozen=True)
class WordFound:
    entry: CodedWord
    text: str  # as written in the ad
    line: str


@cache
def coded_words() -> tuple[CodedWord, ...]:
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return tuple(
        CodedWord(
            word=item["word"],
            kind=kind,
            forms=re.compile(rf"(?:{item['forms']})[a-zäöüß]*$"),
            instead=item["instead"],
            weight=float(item.get("weight", 1)),
            adjective_only=bool(item.get("adjective_only", False)),
        )
        for kind in (AGENTIC, COMMUNAL)
        for item in data.get(kind, [])
    )


def _negated(sentence: str, offset: int) -> bool:
    """A negation earlier in the same clause ("keine Kämpfernatur", "nicht
    dominant")."""
    before = sentence[:offset]
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(NEGATION.search(clause))


def _candidates(sentence: str):
    """Each word of the sentence, and each part of a hyphenated one, with
    whether it is a capitalised noun inside the sentence."""
    for match in TOKEN.finditer(sentence):
        word = match.group()
        starts = not sentence[: match.start()].strip(' •-–*·\t"„')
        before = sentence[: match.start()].rstrip()
        noun = word[0].isupper() and not starts and not before.endswith(":")
        yield match.start(), word, noun


def find_coded(text: str) -> list[WordFound]:
    found: dict[str, WordFound] = {}
    words = coded_words()
    for start, end in sentences(text):
        sentence = text[start:end]
        if ABOUT_OTHERS.search(sentence):
            continue
        for offset, token, noun in _candidates(sentence):
            lower = token.lower()
            for entry in words:
                if entry.word in found or not entry.forms.match(lower):
                    continue
                if entry.adjective_only and noun:
                    continue
                if _negated(sentence, offset):
                    continue
                found[entry.word] = WordFound(
                    entry, token, line_of(text, start + offset)
                )
    return list(found.values())


def one_sided(found: list[WordFound]) -> tuple[str, list[WordFound]] | None:
    """The kind the wording leans to and its words, when it clearly leans."""
    weights = {
        kind: sum(w.entry.weight for w in found if w.entry.kind == kind)
        for kind in (AGENTIC, COMMUNAL)
    }
    for kind, other in ((AGENTIC, COMMUNAL), (COMMUNAL, AGENTIC)):
        if weights[kind] >= SEVERAL and weights[other] <= weights[kind] * OTHER_SHARE:
            return kind, [w for w in found if w.entry.kind == kind]
    return None
