"""Does the ad's title address everyone? (AGG §§ 1, 7, 11; directive 2023/970
Art. 5(3): job titles are to be gender-neutral.)

Neutral: a gender mark ("(m/w/d)", "(w/m/d)", "(d/m/w)", "(m/f/d)", "(all
genders)", "(gn*)"), a gender-inclusive form ("Redakteur*in", ":in", "_in", "/-in",
"(in)", Binnen-I "RedakteurIn"), both forms ("Redakteurin / Redakteur",
"Referentin oder Referent"), or a title that names the work and no person
("Sachbearbeitung Social Media", "Leitung Kommunikation", "Volontariat").

Not neutral: a person in one form only — the masculine ("Redakteur",
"Werkstudent", "Mitarbeiter") or the feminine ("Community Managerin").
English titles ("Social Media Manager", "Head of Social Media", "Content
Creator") count as not neutral without a mark: German readers take them as the
masculine form, and the courts have read them so (a decision of the project,
documented in docs/hiring.md).
"""

from __future__ import annotations

import re

from hiring.fairness.lines import sentences

MARK = re.compile(
    r"[(\[]\s*(?:[mwdfxi]|div|divers)\s*(?:[/|,\-]\s*(?:[mwdfxi]|div|divers)\s*){1,3}[)\]]"
    r"|[(\[]\s*(?:all genders|alle geschlechter|gn\*?|genderneutral|divers)\s*[)\]]"
    r"|(?:^|[\s|–-])(?:[mwdf]\s*/\s*[mwdf]\s*/\s*[mwdfx])(?=$|[\s|,)–-])"
    r"|\w[:*_·]in(?:nen)?\b|\w/-?in(?:nen)?\b|\w\(in(?:nen)?\)",
    re.I,
)
BINNEN_I = re.compile(r"[a-zäöüß](?:In|Innen)\b")  # case matters: "ReferentIn"
PERSON_ENDINGS = re.compile(
    r"(?:er|eur|ent|ant|ist|or|är|mann|ling|oge)(?:in|innen)?$", re.I
)
ENGLISH_PERSONS = {
    "head",
    "lead",
    "expert",
    "engineer",
    "analyst",
    "intern",
    "trainee",
    "associate",
    "executive",
    "ninja",
    "rockstar",
    "hero",
    "guru",
    "champion",
    "owner",
    "officer",
    "consultant",
    "specialist",
    "creator",
    "manager",
    "fachfrau",
    "kauffrau",
    "chef",
    "chefin",
    "koch",
    "köchin",
    "experte",
    "expertin",
    "kollege",
    "kollegin",
    "leadin",
}
NOT_PERSONS = {
    "newsletter",
    "center",
    "twitter",
    "computer",
    "poster",
    "flyer",
    "cluster",
    "banner",
    "header",
    "filter",
    "container",
    "cover",
    "power",
    "sommer",
    "winter",
    "januar",
    "februar",
    "september",
    "oktober",
    "november",
    "dezember",
    "über",
    "unter",
    "oder",
    "aber",
    "wer",
    "der",
    "player",
    "content",
    "management",
    "event",
    "events",
    "talent",
    "department",
    "engagement",
    "moment",
    "segment",
    "dokument",
    "patent",
    "element",
    "restaurant",
    "instagram",
    "printmedien",
    "sektor",
    "motor",
    "monitor",
    "faktor",
    "twitter/x",
    "marketing",
    "liter",
    "meter",
    "semester",
    "theater",
    "charakter",
    "register",
    "master",
    "bachelor",
    "diplom",
    "mister",
    "zimmer",
    "wasser",
    "feuer",
    "abenteuer",
    "ufer",
    "orchester",
    "zentrum",
    "hamburger",
    "berliner",
    "kölner",
    "münchner",
    "frankfurter",
    "wiener",
    "züricher",
    "zürcher",
    "community",
    "partner-",
}
# Feminine forms whose masculine is not the stem: "Kauffrau" / "Kaufmann".
ANNOUNCES = re.compile(
    r"\b(?:sucht|suchen|gesucht|besetzen|ausgeschrieben|einstellen|looking for)\b",
    re.I,
)
ANNOUNCE_END = re.compile(
    r"(?:\beine?[:*_]?n?|\beinen|\bein|\beine\*n|\beine:n|\beine/n|:|\bals)\s*$",
    re.I,
)
WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß]*(?:-[\wÄÖÜäöüß]+)*")
TITLE_WORDS = 16


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def title_region(text: str, title: str) -> str:
    """The ad's title with what belongs to it: the line after an announcement
    ("… sucht zum 1. Juli eine"), a gender mark on the next line."""
    lines = _lines(text)[:6]
    if not lines:
        return ""
    first = 0
    for index, line in enumerate(lines[:3]):
        if ANNOUNCES.search(line) and ANNOUNCE_END.search(line):
            first = index + 1
            break
    if first == 0 and title:
        at = next((i for i, line in enumerate(lines) if title in line), None)
        follow = ""
        if at is not None and at + 1 < len(lines):
            follow = _short_follow(lines[at + 1])
        return f"{title} {follow}".strip()
    if first >= len(lines):
        return ""
    follow = _short_follow(lines[first + 1]) if first + 1 < len(lines) else ""
    return f"{lines[first]} {follow}".strip()


def _short_follow(line: str) -> str:
    """The next line when it only carries the gender mark or the hours."""
    if MARK.search(line) and (line.startswith("(") or len(line.split()) <= 6):
        return line
    return ""


def _person_words(region: str) -> list[str]:
    found = []
    for match in WORD.finditer(region):
        word = match.group()
        tail = word.split("-")[-1]
        lower = tail.lower()
        if not tail[:1].isupper() or lower in NOT_PERSONS:
            continue
        english = (
            lower in ENGLISH_PERSONS or lower.removesuffix("in") in ENGLISH_PERSONS
        )
        if english or PERSON_ENDINGS.search(lower):
            found.append(word)
    return found


def _both_forms(words: list[str]) -> bool:
    """ "Redakteurin / Redakteur", "Referentin oder Referent": a feminine form and
    its masculine both in the title."""
    lowered = {w.lower() for w in words}
    stems = {w[:-5] for w in lowered if w.endswith("innen")}
    stems |= {w[:-2] for w in lowered if w.endswith("in")}
    return bool(stems & lowered)


def one_gender_title(text: str, title: str) -> str | None:
    """The title when it addresses one gender only, else None."""
    region = title_region(text, title)
    if not region:
        region = _seeking_sentence(text)
    if not region or MARK.search(region) or BINNEN_I.search(region):
        return None
    words = WORD.findall(region)[:TITLE_WORDS]
    persons = _person_words(" ".join(words))
    if not persons or _both_forms(words):
        return None
    return " ".join(region.split())


def _seeking_sentence(text: str) -> str:
    """An ad without a title line: the words after "Wir suchen" in its first
    sentences ("Wir suchen ab sofort einen Redakteur für …")."""
    for start, end in sentences(text[:800])[:4]:
        sentence = text[start:end]
        found = ANNOUNCES.search(sentence)
        if found:
            return sentence[found.end() :].split(".")[0][:120]
    return ""
