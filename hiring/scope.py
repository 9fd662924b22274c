"""Whether a clause asks for the work it names: negation and delegation.

"Keine Programmierung", "Grafikdesign gehört nicht zu deinen Aufgaben",
"Strategie und Community-Management übernimmt ein anderes Team", "Kommentare
beantwortet unser Kundendienst", "die Umsetzung liegt bei unserer Agentur": the
work is named, but not asked of this person. The check takes such work out of
what is asked and says so.

Partners are not work either: in "eng mit unseren Designer*innen" the designers
are colleagues, so their profession's word is not read as design work.
"""

from __future__ import annotations

import re

ASKED, NEGATED, DELEGATED = "asked", "negated", "delegated"

NEGATION = re.compile(
    r"\b(?:nicht|kein|keine|keinen|keiner|keines|keinerlei|ohne|weder|nie)\b"
    r"(?!\s+(?:nur|zuletzt|selten|unbedingt|zwingend|weniger|mehr als|scheuen|scheust"
    r"|fehlen|missen|vergessen|umsonst|allein|alleine|ganz))",
    re.I,
)
# A verb of doing work in the third person: someone else does it.
THIRD_PERSON_WORK = (
    r"(?:übernimmt|übernehmen|macht|machen|liefert|liefern|erledigt|erledigen"
    r"|verantwortet|verantworten|betreut|betreuen|kümmert|kümmern|steuert|steuern"
    r"|erstellt|erstellen|gestaltet|gestalten|produziert|produzieren|pflegt|pflegen"
    r"|entwickelt|entwickeln|schreibt|schreiben|beantwortet|beantworten|moderiert"
    r"|moderieren|postet|posten|plant|planen|legt|legen|entscheidet|entscheiden"
    r"|bestimmt|bestimmen|setzt|setzen|koordiniert|koordinieren|verfasst|verfassen"
    r"|bespielt|bespielen|bearbeitet|bearbeiten|kommt|kommen|stellt|stellen|gibt"
    r"|geben|läuft|laufen|leitet|leiten|organisiert|organisieren|hält|halten"
    r"|verantwortlich|zuständig)"
)
# Who else does work: words that may end a compound ("Designteam",
# "Social-Care-Team") and words that stand alone ("IT", "die Leitung").
PARTY_HEADS = (
    r"(?:team|teams|agentur|agenturen|studio|abteilung|abteilungen|dienstleister\w*"
    r"|redaktion|stelle|desk|kundendienst\w*|service\w*|support|büro|zentrale)"
)
PARTY_WORDS = (
    r"(?:kolleg\w*|fachbereich|bereich|leitung|geschäftsführung|geschäftsleitung"
    r"|marketing|pressestelle|kundenservice|it|pr|grafik\w*|designer\w*|entwickler\w*"
    r"|manager\w*|berater\w*|redakteur\w*|freelancer\w*|partner\w*|head|lead|chef\w*"
    r"|vorgesetzt\w*|kommunikation|konzern\w*|referat|dezernat|amt|inhaber\w*)"
)
# a compound needs a real first part: "Steam" is no "S" + "team"
PARTY_NOUN = r"(?:(?:[\w\-]{3,})?" + PARTY_HEADS + r"|(?:[\w]+-)*" + PARTY_WORDS + r")"
THIRD_PARTY = (
    r"(?:(?:unser|unsere|unserem|unseren|unserer|unseres)\s+(?:[\w\-*:/]+\s+){0,3}?"
    r"[\w\-*:/]+"
    r"|ein(?:e|em|er|es)?\s+(?:anderes?|andere[nmr]?|externe[nsmr]?|eigene[nsmr]?)"
    r"\s+[\w\-*:/]+"
    r"|externe[nr]?\s+[\w\-*:/]+|andere[nr]?\s+(?:team|kolleg\w*|abteilung\w*)"
    r"|(?:die|der|das|den|dem)\s+(?:[\w\-]+\s+){0,2}?" + PARTY_NOUN + r")\b"
)
DELEGATION = re.compile(
    r"\b"
    + THIRD_PERSON_WORK
    + r"\b[^.;]{0,60}?\b"
    + THIRD_PARTY
    + r"|\b"
    + THIRD_PARTY
    + r"[^.;]{0,30}?\b"
    + THIRD_PERSON_WORK
    + r"\b"
    + r"|\b(?:liegt|liegen|verbleibt|verbleiben|bleibt|bleiben|sitzt|sitzen|erfolgt"
    r"|erfolgen)\b[^.;]{0,40}?\b(?:bei|beim|über|von|vom|durch|in|im)\b"
    r"|\b(?:ist|sind) (?:aufgabe|sache) (?:der|des|unserer|unseres|von)"
    r"|\bextern vergeben|\bdurch externe\b|\ban (?:eine|unsere|die) agentur",
    re.I,
)
# The person as the subject of the verb ("veröffentlichen Sie", "planst du"), not as
# the one something is done for ("für Sie", "an dich").
PERSON_AS_SUBJECT = re.compile(r"(?<!für )(?<!an )(?<!mit )\b(?:Sie|du)\b")
# The person as subject or object ("du", "Sie"); "deine Teamleitung" is a third
# party, so possessives do not count.
YOU = re.compile(r"\b(?:du|dich|dir|euch)\b", re.I)
FORMAL_YOU = re.compile(r"\b(?:Sie|Ihnen)\b")
# Colleagues and partners named with their profession: "mit unseren Designern",
# "in Abstimmung mit der Redaktion". The named profession is not this job's work.
PARTNER = re.compile(
    r"\b(?:mit|von|durch|an|für|zu)\s+(?:unsere[nmr]?|den|dem|der|die|ihre[nmr]?"
    r"|deine[nmr]?|externe[nmr]?|eine[mnr]?)?\s*(?:\w+[-\s]){0,2}?"
    r"((?:grafik|design|web|frontend|backend|it|seo|text|video|foto)?\w*"
    r"(?:designer|designerinnen|grafiker|entwickler|programmierer|redakteur|redaktion"
    r"|texter|fotograf|agentur|studio|team)\w*)",
    re.I,
)


RELATIVE = re.compile(r"^(?:die|der|das|welche[rs]?)\s+(?=[a-zäöüß])")
"""A relative clause ("…, die künftig posten"): "die" and a lower-case word (an
article would be followed by a capitalised noun: "die Strategie …")."""
SOUGHT_PERSON = re.compile(
    r"such|gesucht|jemand|person|verstärkung|\bdich\b|\bsie\b|kolleg|talent|mensch"
    r"|unterstützung|nachwuchs|you\b",
    re.I,
)
NEGATED_TO_END = re.compile(
    r"\b(?:kein|keine|keinen|keiner|keines|keinerlei|ohne|weder)\b", re.I
)
Region = tuple[int, int, str]
# "nicht mit Vorlagen", "nicht als Agentur": "nicht" before a phrase negates that
# phrase only, not the work the clause names before it.
NOT_BEFORE_PHRASE = re.compile(
    r"nicht\s+(?:mit|über|per|als|in|im|für|von|aus|auf|nach|wie|mehr|nur|immer"
    r"|jeden|jede|so|allein|alleine|irgendwelche\w*)\b",
    re.I,
)


def regions(
    clause: str, *, in_excluded_part: bool = False, opens: bool = True, before: str = ""
) -> list[Region]:
    """The stretches of a clause that are not asked of the person: (start, end,
    "negated" or "delegated"), in the clause's own offsets. ``opens``: the clause
    starts its sentence; ``before``: the clause before it in the sentence."""
    end = len(clause)
    if in_excluded_part:
        return [(0, end, NEGATED)]
    found: list[Region] = []
    if (
        not opens
        and RELATIVE.match(clause.strip())
        and not SOUGHT_PERSON.search(before)
    ):
        if not _addresses_the_person(clause):
            found.append((0, end, DELEGATED))  # what others do: "die künftig posten"
    for match in DELEGATION.finditer(clause):
        if PERSON_AS_SUBJECT.search(match.group(0)):
            continue  # "mit unserer Managerin veröffentlichen Sie …": the person
        start = _delegated_from(clause, match.start())
        if start is not None:
            found.append((start, match.end(), DELEGATED))
    for match in NEGATION.finditer(clause):
        if NEGATED_TO_END.match(match.group(0)) or NOT_BEFORE_PHRASE.match(
            clause, match.start()
        ):
            found.append((match.start(), end, NEGATED))
        else:  # "nicht" negates the verb, and so the whole clause
            found.append((0, end, NEGATED))
    return found


def _delegated_from(clause: str, verb: int) -> int | None:
    """Where the work someone else does begins: the clause's start, or, when the
    person is named there ("Du stimmst dich ab, … Keyword-Recherche übernimmt
    unser SEO-Team"), the last comma or dash before the other party's verb."""
    if not _addresses_the_person(clause[:verb]):
        return 0
    cut = max(clause.rfind(mark, 0, verb) for mark in (",", " – ", " - ", ";"))
    if cut >= 0 and not _addresses_the_person(clause[cut:verb]):
        return cut + 1
    return None


def scope_at(spans: list[tuple[int, int]], found: list[Region]) -> str:
    """The scope of a match: not asked when most of its words lie in a region."""
    for start, end, scope in found:
        inside = sum(1 for a, _b in spans if start <= a < end)
        if inside and inside * 2 >= len(spans):
            return scope
    return ASKED


def scope_of(clause: str, *, in_excluded_part: bool = False, opens: bool = True) -> str:
    """The scope of a whole clause (for callers that need one answer)."""
    found = regions(clause, in_excluded_part=in_excluded_part, opens=opens)
    return scope_at([(0, len(clause))], found) if found else ASKED


def _addresses_the_person(clause: str) -> bool:
    """The person is named ("du übernimmst", "Sie betreuen"): this part of the
    clause is about the person's own work, whatever others do."""
    return bool(YOU.search(clause) or FORMAL_YOU.search(clause))


def partner_spans(clause: str) -> list[tuple[int, int]]:
    """Where a clause names colleagues or partners by their profession."""
    return [match.span(1) for match in PARTNER.finditer(clause)]
