"""How an ad is laid out: its title, its sections and the lines within them.

Ads follow a common frame ("Ihre Aufgaben", "Ihr Profil", "Wir bieten"). Lines under
"Wir bieten" or "Über uns" describe the employer, not the job, and lines under
"Nicht Ihre Aufgabe" (the builder writes such a section) say what is *not* asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TASKS = "tasks"
PROFILE = "profile"
OFFER = "offer"
ABOUT = "about"
EXCLUDED = "excluded"
CONTACT = "contact"
FACTS = "facts"
OTHER = "other"

# Sections whose lines say nothing about the job itself.
IGNORED_SECTIONS = {OFFER, ABOUT, CONTACT, FACTS}

HEADINGS = [
    (
        EXCLUDED,
        r"nicht (?:ihre|deine|eure) aufgabe|nicht teil|gehört nicht|nicht dazu"
        r"|übernehmen andere|nicht (?:von )?(?:ihnen|dir)|not your job",
    ),
    (
        OFFER,
        r"wir bieten|bieten wir|benefits|unser angebot|ihre vorteile|deine vorteile"
        r"|bei uns erwartet|erwartet (?:sie|dich) bei uns|what we offer|perks",
    ),
    (ABOUT, r"über uns|wer wir sind|das sind wir|about us|unser unternehmen"),
    (CONTACT, r"kontakt|bewerbung|bewerben|interesse geweckt|ansprechp"),
    (FACTS, r"das wichtigste zur stelle|eckdaten|auf einen blick|rahmenbedingungen"),
    (
        PROFILE,
        r"profil|mitbringen|bringen sie mit|bringst du mit|anforderung"
        r"|qualifikation|voraussetzung|was (?:sie|du) (?:kannst|können)|requirements"
        r"|wir erwarten|das zeichnet",
    ),
    (
        TASKS,
        r"aufgaben|tätigkeit|das erwartet (?:sie|dich)|ihre rolle|deine rolle"
        r"|was (?:sie|du) .{0,20}(?:tun|machen|bewegen|erwartet)|verantwortung"
        r"|responsibilities|your tasks|mission",
    ),
]
HEADING_PATTERNS = [(kind, re.compile(pattern, re.I)) for kind, pattern in HEADINGS]
BULLET = re.compile(r"^\s*(?:[-–—*•·▪►✓✔+]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÄÖÜ„\"])")
NEGATION = re.compile(
    r"\b(?:nicht|kein|keine|keinen|keiner|keines)\b"
    r"(?!\s+(?:nur|zuletzt|selten|unbedingt|weniger|mehr als|zwingend"
    r"|scheuen|scheust))",
    re.I,
)
GENDER_MARK = re.compile(
    r"\((?:[mwdfxi]\s*[/|,]\s*){1,3}[mwdfxi]\)|\(all genders\)|\(gn\*?\)|\w[:*_]in\b",
    re.I,
)
MAX_HEADING_WORDS = 8
SHORT_HEADING_WORDS = 5
TITLE_SEARCH_LINES = 8
MAX_TITLE_WORDS = 14
LONG_LINE = 220


@dataclass(frozen=True)
class Unit:
    """A line or sentence of the ad, with where it stands and which section."""

    start: int
    end: int
    text: str
    section: str
    is_bullet: bool
    is_negated: bool


@dataclass(frozen=True)
class Layout:
    title: tuple[int, int] | None
    units: tuple[Unit, ...]


def heading_kind(line: str) -> str | None:
    """The section a heading line opens, or None when the line is no heading."""
    stripped = line.strip().strip("#*_ ").strip()
    if not stripped or BULLET.match(line):
        return None
    if len(stripped.split()) > MAX_HEADING_WORDS:
        return None
    for kind, pattern in HEADING_PATTERNS:
        if pattern.search(stripped):
            return kind
    # A short line without closing punctuation ends the section before it, so that
    # "Über uns" does not swallow the rest of an ad that names no other heading.
    if stripped.endswith(":") or (
        len(stripped.split()) <= SHORT_HEADING_WORDS and stripped[-1] not in ".,;!?"
    ):
        return OTHER
    return None


def read_layout(text: str) -> Layout:
    lines = _lines(text)
    title = _title(lines)
    units, section = [], OTHER
    for start, _end, line in lines:
        if title and start == title[0]:
            section = OTHER  # what follows the title is about the job again
            continue
        # A heading opens a section and is read too: "Ihre Aufgaben: Moderation".
        section = heading_kind(line) or section
        units.extend(_units(start, line, section))
    return Layout(title, tuple(units))


def _lines(text: str) -> list[tuple[int, int, str]]:
    found, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return found


def _title(lines: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The line that names the job: one with "(m/w/d)" near the top, else the
    first line when it is short and no section heading."""
    head = lines[:TITLE_SEARCH_LINES]
    for start, end, line in head:
        if GENDER_MARK.search(line) and len(line.split()) <= MAX_TITLE_WORDS:
            return (start, end)
    if (
        head
        and len(head[0][2].split()) <= MAX_TITLE_WORDS
        and not heading_kind(head[0][2])
    ):
        return (head[0][0], head[0][1])
    return None


def _units(start: int, line: str, section: str) -> list[Unit]:
    is_bullet = bool(BULLET.match(line))
    pieces = [(0, line)]
    if len(line) > LONG_LINE:
        pieces, cursor = [], 0
        for sentence in SENTENCE_END.split(line):
            position = line.index(sentence, cursor)
            pieces.append((position, sentence))
            cursor = position + len(sentence)
    return [
        Unit(
            start=start + position,
            end=start + position + len(piece),
            text=piece,
            section=section,
            is_bullet=is_bullet,
            is_negated=section == EXCLUDED or bool(NEGATION.search(piece)),
        )
        for position, piece in pieces
    ]
