"""How an ad is laid out: its title, its parts, and the clauses within them.

Ads follow a common frame — who the company is, the work ("Ihre Aufgaben"), the
profile ("Ihr Profil"), what is offered, how to apply — with headings or without.
Only the work counts as asked work and the profile as asked competencies; the
introduction, the offer and the application count for nothing.

The same clauses come out whether an ad keeps its line breaks or was pasted as
one line: breaks are found from bullets, sentence ends, headings and the words
that start a sentence, not only from newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hiring.parts import (
    APPLY,
    BULLET,
    EXCLUDED,
    FACTS,
    INTRO,
    OFFER,
    OTHER,
    PROFILE,
    WORK,
    YOU,
    guess_part,
    is_work_statement,
)

HEADINGS = [
    (
        EXCLUDED,
        r"nicht (?:ihre|deine|eure) aufgaben?|das machen (?:sie|du) nicht"
        r"|nicht (?:teil|gegenstand)|gehört nicht|not your job"
        r"|was (?:sie|du) nicht",
    ),
    (
        OFFER,
        r"wir bieten|bieten wir|was wir (?:ihnen|dir) bieten|benefits|unser angebot"
        r"|ihre vorteile|deine vorteile|(?:erwartet|erwarten) (?:sie|dich) bei uns"
        r"|bei uns erwartet|what we offer|perks|das bekommst du|darauf kannst du"
        r"|warum (?:wir|uns)|gute gründe",
    ),
    (
        INTRO,
        r"über uns|wer wir sind|das sind wir|about us|unser unternehmen"
        r"|wir über uns|who we are|zum unternehmen|die stelle im überblick",
    ),
    (
        APPLY,
        r"kontakt|bewerbung|bewerben|interesse geweckt|ansprechp|so geht es weiter"
        r"|klingt gut|how to apply|noch fragen",
    ),
    (FACTS, r"das wichtigste zur stelle|eckdaten|auf einen blick|rahmenbedingungen"),
    (
        PROFILE,
        r"profil|mitbringen|bringen sie mit|bringst du mit|anforderung"
        r"|qualifikation"
        r"|voraussetzung|was (?:sie|du) (?:kannst|können|mitbringst)|requirements"
        r"|wir erwarten|das zeichnet|das solltest du|your skills|about you|skills"
        r"|what you bring|you bring|you have|dein skillset|du hast"
        r"|wen wir suchen|was wir (?:uns wünschen|erwarten)",
    ),
    (
        WORK,
        r"aufgaben|tätigkeit|das erwartet (?:sie|dich)|ihre rolle|deine rolle"
        r"|was (?:sie|du) .{0,20}(?:tun|machen|bewegen|erwartet)|verantwortung"
        r"|responsibilities|your tasks|what you.ll do|deine themen|dein alltag"
        r"|ihr alltag|the job\b|you.ll own|you will|your job|dein job|ihr job",
    ),
]
HEADING_PATTERNS = [(part, re.compile(pattern, re.I)) for part, pattern in HEADINGS]
MAX_HEADING_WORDS = 8
MAX_INLINE_HEADING_WORDS = MAX_HEADING_WORDS
WORK_HEADING = re.compile(
    r"(?:(?:ihre|deine|eure|die)\s+)?(?:aufgaben(?:gebiet|bereich)?|tätigkeiten"
    r"|hauptaufgaben)|your tasks|responsibilities"
    r"|was (?:sie|du) (?:bei uns )?(?:\w+ )?"
    r"(?:tun|machen|bewegen|erwartet|lernen und tun)",
    re.I,
)
SHORT_LINE_WORDS = 5

ABBREVIATIONS = re.compile(
    r"(?:\b(?:z|u|d|o|s|v|ca|bzw|ggf|inkl|evtl|etc|dr|prof|nr|str|tel|vgl|abs|mind|max"
    r"|min|zzgl|usw|bspw|sog|engl|ggü|insb|jun|sen)|\b[A-Za-zÄÖÜäöü])\.$",
    re.I,
)
# Where a new clause starts inside a line: a bullet in the middle of a pasted
# line, a sentence end, or a capitalised "Wir" or "Unser" (mid-sentence they are
# lower case) after a word.
BREAKS = re.compile(
    r"\s+(?=[•▪►▸▹‣⁃◦●■◆✓✔➤·→]\s*)|\s+\|\s+"
    r"|\s+(?=[-–—*]\s+[A-ZÄÖÜ])"
    r"|\s+(?=-\s+[a-zäöü])"
    r"|\s+(?=\d{1,2}[.)]\s+[A-ZÄÖÜ])"
    r"|(?<=[.!?;])\s+(?=[\"„»A-ZÄÖÜ0-9•▪►✓✔-])"
    r"|(?<=\w)\s+(?=(?:Wir|Unser|Unsere|Bei uns)\b)"
    # a line's end lost in a pasted text: a capitalised article after a word
    r"|(?<=[a-zäöüß0-9)])\s+(?=(?:Die|Der|Das|Den|Dem|Deine|Dein|Bei|Als|Für|Zur|Zum"
    r"|Dafür|Hier|Was|Wer)\s)"
    r"|(?<=[\w).!?:])\s+(?=(?:(?:Ihre|Deine) (?:Aufgaben|Benefits|Vorteile)"
    r"|(?:Ihr|Dein) Profil|Das bringst du mit|Das bringen Sie mit|Das bieten wir"
    r"|Wir bieten|What you bring|What we offer|You.ll own|Über uns"
    r"|Nicht (?:Ihre|deine) Aufgabe)\b)"
)
CLAUSE = re.compile(
    r"\s*;\s*|:\s+(?=[A-ZÄÖÜ])"
    r"|,\s+(?=(?:aber|doch|die|der|das|den|dem|wir|du|sie|ihr|wobei|damit"
    r"|um|während|sodass|denn|weil|wenn|falls|dafür|dabei|unser|unsere|ein anderes)\s)"
    r"|\s+(?:sowie|aber|während)\s+"
)
GENDER_MARK = re.compile(
    r"\((?:[mwdfxi]\s*[/|,]\s*){1,3}[mwdfxi]\)|\((?:all genders|gn\*?|divers)\)"
    r"|\w[:*_]in(?:nen)?\b|\w/-?in\b",
    re.I,
)
TITLE_END = re.compile(
    r"\((?:[mwdfxi]\s*[/|,]\s*){1,3}[mwdfxi]\)|\((?:all genders|gn\*?|divers)\)"
    r"|\w(?:[:*_]|/-?)in(?:nen)?\b(?:\s*\([^)]{0,40}\))?",
    re.I,
)
MAX_TITLE_WORDS = 14
MARK_GAP_WORDS = 3
TITLE_SEARCH = 3
LONG_CLAUSE = 40


@dataclass(frozen=True)
class Clause:
    """A piece of the ad that says one thing: its place, part and text."""

    start: int
    end: int
    text: str
    part: str
    is_bullet: bool
    line: int  # which unit (line or sentence) of the ad it belongs to
    opens: bool = True  # the first clause of its line or sentence


@dataclass(frozen=True)
class Layout:
    title: tuple[int, int] | None
    clauses: tuple[Clause, ...]

    def title_text(self, text: str) -> str:
        return text[self.title[0] : self.title[1]].strip() if self.title else ""


def heading_part(segment: str) -> str | None:
    """The part a heading opens, or None when the segment is not a heading."""
    stripped = segment.strip().strip("#*_:|- ").strip()
    if not stripped or len(stripped.split()) > MAX_HEADING_WORDS:
        return None
    if BULLET.match(segment) and not segment.rstrip().endswith(":"):
        return None  # a list item, not a heading
    if stripped[-1] in ".!?," and not stripped.endswith("?"):
        return None
    for part, pattern in HEADING_PATTERNS:
        if pattern.search(stripped):
            return part
    return None


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line or sentence; pasted lines are split the same
    way as lines that kept their breaks."""
    found = []
    offset = 0
    for line in text.split("\n"):
        found.extend(_split_line(line, offset))
        offset += len(line) + 1
    return found


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for match in BREAKS.finditer(line):
        before = line[start : match.start()]
        if _ends_in_abbreviation(before):
            continue
        pieces.append((start, match.start()))
        start = (
            match.end() if line[match.start() : match.end()].strip() else match.end()
        )
    pieces.append((start, len(line)))
    result = []
    for a, b in pieces:
        a, b = _trimmed(line, a, b)
        if a < b:
            result.extend(_split_heading(line, a, b, offset))
    return result


def _ends_in_abbreviation(before: str) -> bool:
    return bool(ABBREVIATIONS.search(before.rstrip()))


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _split_heading(line: str, start: int, end: int, offset: int) -> list:
    """ "Ihre Aufgaben: Sie planen …" is a heading and a clause."""
    piece = line[start:end]
    colon = piece.find(":")
    if 0 < colon < 60 and heading_part(piece[:colon]):
        rest = start + colon + 1
        rest, end2 = _trimmed(line, rest, end)
        head = [(offset + start, offset + start + colon)]
        return head + ([(offset + rest, offset + end2)] if rest < end2 else [])
    lead = len(piece) - len(BULLET.sub("", piece))
    words = list(re.finditer(r"\S+", piece[lead:]))
    for count in range(1, min(len(words) - 2, MAX_INLINE_HEADING_WORDS) + 1):
        head_end = lead + words[count - 1].end()
        following = words[count].group(0)
        if not following[0].isupper() or not _is_inline_heading(piece[:head_end]):
            continue
        rest = start + lead + words[count].start()
        head = (offset + start, offset + start + head_end)
        return [head, (offset + rest, offset + end)]
    return [(offset + start, offset + end)]


def _is_inline_heading(words: str) -> bool:
    """A heading run into its first sentence ("Was wir bieten Eine Vergütung …"):
    a heading by its words; for the work only its plain names, so that "Deine Rolle
    Social Media …" is not cut."""
    part = heading_part(words)
    if part == WORK:
        return bool(WORK_HEADING.fullmatch(BULLET.sub("", words).strip()))
    return part is not None


def read_layout(text: str) -> Layout:
    """The title, and every clause of the ad with the part it belongs to."""
    spans = segments(text)
    title = _title(text, spans)
    clauses: list[Clause] = []
    part = OTHER
    for number, (start, end) in enumerate(spans):
        if title and end <= title[1]:
            continue
        if title and start < title[1] < end:
            start = _skip_space(text, title[1], end)
        piece = text[start:end]
        heading = heading_part(piece)
        if heading:
            part = heading
            continue
        unit_part = part if part != OTHER else guess_part(piece)
        if unit_part == PROFILE and is_work_statement(piece):
            unit_part = WORK  # "Sie gestalten Werbebanner" under "Ihr Profil"
        clauses.extend(_clauses(text, start, end, unit_part, number))
    return Layout(title, tuple(_settle_intro(clauses)))


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in "–—-|:,"):
        start += 1
    return start


# In a pasted line the title ends where the first sentence begins.
SENTENCE_START = re.compile(
    r"\s(?=(?:Sie|Du|Wir|Ihre|Deine|Dein|Unser|Unsere|Die|Der|Das|Als|Bei|Für|Mit"
    r"|Zur|Zum|Seit|Über|Im|Am|Ein|Eine|Diese|Dieser|Dafür|Hier|Was|Wer|Willkommen"
    r"|Hallo|Hey|Moin|Aufgaben)\b)"
)
TITLE_PREFIX_WORDS = 12
ANNOUNCES_TITLE = re.compile(
    r"\b(?:stelle|position|suchen|sucht|gesucht|besetzen|verstärkung|looking for)\b"
    r"[^.]*:\s*$",
    re.I,
)


def _title(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The job's name: the first segment when it is short and no heading, cut
    after its gender mark ("(m/w/d)") when more text follows on the line, or
    before the first sentence of an ad pasted as one line."""
    for start, end in spans[:TITLE_SEARCH]:
        piece = text[start:end]
        if ANNOUNCES_TITLE.search(piece):
            continue  # "… ist folgende Stelle zu besetzen:" — the name follows
        mark = _last_title_mark(piece)
        if mark:
            return (start, start + mark)
        if heading_part(piece):
            return None
        words = piece.split()
        if len(words) <= MAX_TITLE_WORDS and not piece.rstrip().endswith("."):
            return (start, end)
        first = SENTENCE_START.search(piece, 1)
        if first and 0 < len(piece[: first.start()].split()) <= TITLE_PREFIX_WORDS:
            return (start, start + first.start())
        return None
    return None


def _last_title_mark(piece: str) -> int:
    """Where the title ends: after its last gender mark among its first words, so
    that "Redakteur/in Online (m/w/d)" keeps its "(m/w/d)"; 0 when there is none."""
    end = 0
    for mark in TITLE_END.finditer(piece):
        if len(piece[: mark.end()].split()) > MAX_TITLE_WORDS:
            break
        if end and len(piece[end : mark.start()].split()) > MARK_GAP_WORDS:
            break  # a mark further on belongs to the text, not to the title
        end = mark.end()
    return end


def _clauses(text, start, end, part, number) -> list[Clause]:
    piece = text[start:end]
    is_bullet = bool(BULLET.match(piece))
    found, cursor = [], 0
    boundaries = list(CLAUSE.finditer(piece)) if len(piece.split()) > 6 else []
    for match in [*boundaries, None]:
        stop = match.start() if match else len(piece)
        chunk = piece[cursor:stop]
        if chunk.strip():
            a = start + cursor + (len(chunk) - len(chunk.lstrip()))
            b = start + cursor + len(chunk.rstrip())
            found.append(Clause(a, b, text[a:b], part, is_bullet, number, not found))
        cursor = match.end() if match else len(piece)
    return found


SEEKING = re.compile(r"such|gesucht|verstärkung|join|hiring", re.I)


def _settle_intro(clauses: list[Clause]) -> list[Clause]:
    """Sentences about the company before the first sentence about the job are
    its introduction, whatever words they use — but not a sentence that says
    whom the company seeks ("sucht eine Person, die unsere Seite betreut")."""
    lines: dict[int, str] = {}
    for clause in clauses:
        lines[clause.line] = lines.get(clause.line, "") + " " + clause.text
    settled, seen_job = [], False
    for clause in clauses:
        part = clause.part
        if part in (WORK, PROFILE, EXCLUDED):
            seen_job = True
        elif (
            part == OTHER
            and not seen_job
            and _about_company(clause.text)
            and not SEEKING.search(lines[clause.line])
        ):
            part = INTRO
        settled.append(clause if part == clause.part else _with_part(clause, part))
    return settled


def _about_company(text: str) -> bool:
    lowered = text.lower()
    return (
        bool(re.search(r"\b(?:wir|unser|unsere|unseren|unserem|unserer)\b", lowered))
        and not re.search(YOU, lowered)
        and "such" not in lowered
    )


def _with_part(clause: Clause, part: str) -> Clause:
    return Clause(
        clause.start, clause.end, clause.text, part, clause.is_bullet, clause.line
    )
