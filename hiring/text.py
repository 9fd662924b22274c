"""German job-ad text as the matcher sees it: clean text, words with their place in
the ad, and word roots that survive inflection, gender forms and English loanwords.

A word's root: first its lemma (simplemma: "schreibst" → "schreiben", "Beiträge"
→ "Beitrag", data shipped in the wheel, offline), then the feminine form dropped
("Beraterin" → "Berater"), then the Snowball stem plus a few derivational endings it
leaves alone ("Planung" and "planen" share the root "plan"). Compounds and typos are
resolved against the catalogue's own words in ``vocabulary``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from roles.search.text import stem_of_word

# Words with their gender forms: "Berater*in", "Manager:innen", "Redakteur/-in",
# "Berater_in", "BeraterIn". The form is kept for highlighting, dropped for matching.
TOKEN = re.compile(
    r"[^\W\d_]+(?:(?:[:*_/]|/-)(?:in|innen)\b)?|\d+",
    re.UNICODE,
)
GENDER_SUFFIX = re.compile(r"(?:[:*_/]|/-)(?:in|innen)$", re.IGNORECASE)
BINNEN_I = re.compile(r"(?<=[a-zäöüß])I(?:n|nnen)$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029]")
UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})

# Derivational endings Snowball keeps: strip one, longest first, if a root remains.
ENDINGS = (
    "ierung",
    "ation",
    "ungen",
    "lich",
    "isch",
    "ung",
    "ier",
    "ist",
    "y",
    "i",
)
MIN_ROOT = 3

# "Beraterin" is a "Berater": a feminine ending after these endings of nouns for
# people is dropped ("Berlin" or "Magazin" keep theirs).
FEMININE = re.compile(
    r"(?:(?<=er)|(?<=eur)|(?<=ent)|(?<=ant)|(?<=ist)|(?<=är)|(?<=ar)"
    r"|(?<=or)|(?<=at)|(?<=eg)|(?<=og)|(?<=ot))in(?:nen)?$"
)
MIN_MASCULINE = 4
USE_LEMMAS = os.environ.get("BERUFSBILD_LEMMAS", "on") != "off"
"""Measured on the tuning part before it was switched on (see the README)."""

# Stems that only look derived: "Programm" is not "programmieren".
NOT_DERIVED = {"programm": "programmangebot"}

# Ads mix German and English freely; both sides of a pair count as the same word.
SAME_WORD = {
    # Ads use these four for the same thing: what goes out on the channels.
    "inhalt": "content",
    "post": "content",
    "posting": "veroffent",  # "das Posting" is the act of posting
    "beitrag": "content",
    "channel": "kanal",
    "sozial": "social",
    "medi": "media",
    "medium": "media",
    "reporting": "report",
    "bericht": "report",
    "berichtswes": "report",
    "kpis": "kpi",
    "kennzahl": "kpi",
    "manag": "manag",
    "redakteur": "redaktion",
    "redaktionell": "redaktion",
    "texten": "text",
    "texter": "text",
    "grafisch": "grafik",
    "graphik": "grafik",
    "design": "gestalt",
    "designer": "gestalt",
    "coach": "beratung",
    "kundinn": "kund",
    "kundschaft": "kund",
    "mitarbeit": "mitarbeitend",
    "belegschaft": "mitarbeitend",
    "kolleg": "mitarbeitend",
    "posten": "content",
    "publish": "veroffent",
    "publizier": "veroffent",
    "kommentier": "kommentar",
    "antwort": "beantwort",
    "kumm": "betreu",  # "sich um die Community kümmern" is looking after it
    "konzeption": "konzip",
    "management": "manag",
    "stori": "stor",
    # Same work, other words: training, feedback, websites, films.
    "kurs": "schul",
    "seminar": "schul",
    "training": "schul",
    "train": "schul",
    "workshop": "schul",
    "ruckmeld": "feedback",
    "anregung": "feedback",
    "vorschlag": "feedback",
    "homepag": "websit",
    "webseit": "websit",
    "internetseit": "websit",
    "film": "video",
    "clip": "video",
    # English heads of job titles, read as their German words.
    "developer": "entwickl",
    "consultant": "berat",
    "editor": "redaktion",
    "specialist": "spezialist",
    "expert": "spezialist",
    "experte": "spezialist",
}

PUBLISHING = "veroffent"

# Verb particles that German splits off: "Sie bauen Kanäle auf" is "Aufbau".
PARTICLES = (
    "auf",
    "ab",
    "aus",
    "ein",
    "an",
    "mit",
    "vor",
    "weiter",
    "zusammen",
    "fest",
    "dar",
    "zu",
    "um",
    "her",
    "bei",
    "nach",
    "fort",
    "teil",
    "hoch",
    "weg",
)

# Words that carry no task: articles, pronouns, glue, and the ad's own frame.
STOPWORDS = frozenset(
    """
    a ab aber alle allen aller als also am an and auch auf aus bei beim bzw bis da
    das dass de dein deine deinen deiner dem den der des die dir dich du durch e ein
    eine einem einen einer eines er es etc euch fur gern gerne ggf hat haben ihr ihre
    ihrem ihren ihrer ihres im in inkl ins ist ja je jede jedem jeden jeder kann
    konnen man mit nach neben noch nur oder of ohne per sich sie sind so sowie the to
    u uber um und uns unser unsere unserem unseren unserer usw vom von vor wie wir
    wird wo z zb zu zum zur zwischen sehr gut gute guten gutem guter bieten bietest
    suchen sucht wollen willst mochten freuen
    """.split()
)


@dataclass(frozen=True)
class Word:
    """One word of the ad: its place (for highlighting) and its matching root."""

    start: int
    end: int
    surface: str
    root: str
    bare: str = ""


def clean(text: str) -> str:
    """Unicode-normalised text without control characters, with LF line ends."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub(" ", text)


def bare(surface: str) -> str:
    """The word without its gender form, lower-cased, umlauts folded."""
    surface = GENDER_SUFFIX.sub("", surface)
    surface = BINNEN_I.sub("", surface)
    word = surface.lower()
    masculine = FEMININE.sub("", word)
    if len(masculine) >= MIN_MASCULINE:
        word = masculine
    return word.translate(UMLAUTS)


@lru_cache(maxsize=100_000)
def lemma_of(surface: str) -> str:
    """The dictionary form of a word as written (case matters for German)."""
    if not USE_LEMMAS or not surface.isalpha():
        return surface
    return simplemma.lemmatize(surface, lang="de")


def root_of_stem(stem: str) -> str:
    if stem in NOT_DERIVED:
        return NOT_DERIVED[stem]
    for ending in ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_ROOT:
            stem = stem[: -len(ending)]
            break
    # "entwickeln" and "Entwicklung", "sammeln" and "Sammlung": one root.
    if len(stem) >= 5 and stem.endswith("el") and stem[-3] not in "aeiouy":
        stem = stem[:-2] + "l"
    if stem in SAME_WORD:
        return SAME_WORD[stem]
    # English plurals ("Posts", "Tools", "KPIs"); German words keep their s ("Kurs").
    if stem.endswith("s") and stem[:-1] in SAME_WORD:
        return SAME_WORD[stem[:-1]]
    return stem


def stem_of(bare_word: str) -> str:
    """The Snowball stem of one bare word, cached per process (roles.search.text)."""
    return stem_of_word(bare_word.lower())


def roots(surfaces: list[str]) -> list[str]:
    """Matching roots for bare words (see ``bare``), in order."""
    return [root_of_stem(stem_of(word).translate(UMLAUTS)) for word in surfaces]


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of a cleaned text with their positions; stopwords and single
    letters (the "m", "w", "d" of "(m/w/d)") are left out."""
    found = [
        (match.start() + offset, match.end() + offset, match.group(0))
        for match in TOKEN.finditer(text)
    ]
    kept = [(s, e, w, bare(lemma_of(w))) for s, e, w in found]
    kept = [k for k in kept if len(k[3]) > 1 and k[3] not in STOPWORDS]
    word_roots = roots([k[3] for k in kept])
    return [
        Word(start, end, surface, _verb_sense(surface, root), bare_word)
        for (start, end, surface, bare_word), root in zip(kept, word_roots, strict=True)
    ]


def _verb_sense(surface: str, root: str) -> str:
    """German capitalises nouns: "Posts" are content, "posten" is publishing."""
    if (
        root == "content"
        and surface[0].islower()
        and surface.lower().startswith("post")
    ):
        return PUBLISHING
    return root
