"""Pay in an ad: is a starting pay, a range or a pay group named, and does the ad
ask for the applicant's current or previous pay?

The EU pay transparency directive (2023/970, Art. 5) gives applicants the starting
pay or its range before the interview and forbids asking for their pay history.
Asking what someone *expects* ("Gehaltsvorstellung") stays allowed, and it does
not tell the applicant anything: it is no pay statement either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hiring.fairness.lines import line_of, sentences

CURRENCY = r"(?:€|eur\b|euro\b|chf\b|fr\.|sfr\.?)"
NUMBER = r"\d{1,3}(?:[.' \u2009\u202f]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?"
# "3.500 €", "€ 2.612", "CHF 92'000", "19,50 Euro", "60k EUR", "52–60 T€"
AMOUNT = re.compile(
    rf"(?:{CURRENCY}\s*(?:{NUMBER}))|(?:(?:{NUMBER})\s*(?:-|–|bis)?\s*(?:k|t)?\s*"
    rf"{CURRENCY})|\b\d{{2,3}}\s?k\b",
    re.I,
)
PAY_WORDS = re.compile(
    r"gehalt|gehälter|vergütung|verguetung|bezahlung|lohn|entgelt|brutto|netto"
    r"|verdienst|salär|salary|honorar|tagessatz|stundensatz|besoldung|minijob"
    r"|pauschale|monat|jahr|p\.\s?a\.|stunde|std\.|/h\b|pro tag|jährlich|monatlich"
    r"|\bzahlen\b|verdien",
    re.I,
)
# Money in an ad that is not the pay: budgets, allowances, the company's turnover.
NOT_PAY = re.compile(
    r"budget|zuschuss|rabatt|prämie|umsatz|mio\.?|mrd\.?|million|milliard|ticket"
    r"|jobrad|gutschein|spende|fördermittel|investition|weiterbildung|bonus von"
    r"|kunden|preis|kosten|gebühr|urlaubsgeld|weihnachtsgeld|sachbezug",
    re.I,
)
SCALES = (
    r"tvöd|tvoed|tv-?l\b|tv-?v\b|tv-?h\b|tv\s?ärzte|tvü|avr|bat\b|tarifvertrag"
    r"|tarif\b|haustarif|tarifgruppe|tarifliche?|kollektivvertrag|\bkv\b|besoldung"
    r"|bbeso|lbeso|beamt|entgeltgruppe|entgeltordnung"
)
SCALE = re.compile(SCALES, re.I)
GROUP = re.compile(
    r"\b(?:entgeltgruppe|eg|e|s|a|w|p|k|tarifgruppe|gruppe|gehaltsgruppe|lohngruppe"
    r"|beschäftigungsgruppe|verwendungsgruppe|vergütungsgruppe|besoldungsgruppe"
    r"|tg|stufe)\s?-?\s?(?:\d{1,2}[a-c]?|[ivx]{1,5})\b|\b[eas]\s?\d{1,2}[a-c]?\b",
    re.I,
)
# A group named without its scale: "Entgeltgruppe 9b", "EG 11", "E 13".
GROUP_ALONE = re.compile(
    r"\b(?:entgeltgruppe|besoldungsgruppe|vergütungsgruppe|tarifgruppe)\s?\d{1,2}[a-c]?"
    r"|\beg\s?\d{1,2}[a-c]?\b",
    re.I,
)
VAGUE = re.compile(
    r"attraktiv\w* (?:vergütung|gehalt|bezahlung)|marktgerecht|marktüblich"
    r"|leistungsgerecht|leistungsorientiert\w* (?:vergütung|bezahlung|gehalt)"
    r"|angemessen\w* (?:vergütung|bezahlung|gehalt)|wettbewerbsfähig\w* (?:ver|ge)"
    r"|übertariflich|nach vereinbarung|nach absprache|verhandlungssache"
    r"|fair\w* (?:vergütung|bezahlung|gehalt|praktikumsvergütung)"
    r"|gehaltsvorstellung|gehaltswunsch|wunschgehalt|gehaltserwartung"
    r"|vergütung nach|bezahlung nach|gehalt,? das",
    re.I,
)

PAST_PAY = re.compile(
    r"\b(?:aktuell|derzeitig|jetzig|bisherig|letzt|gegenwärtig|momentan|vorherig"
    r"|früher|zuletzt bezogen)\w*\s+(?:\w+\s+)?"
    r"(?:brutto|netto)?(?:jahres|monats|brutto|netto)?(?:gehalt|gehalts|gehaltes"
    r"|einkommen|einkommens|vergütung|verdienst|verdienstes|bezüge|bezügen|lohn"
    r"|lohnes|lohns|salär|gehaltsabrechnung|lohnabrechnung|entgelt|entgelts)\b"
    r"|gehaltsnachweis|einkommensnachweis|verdienstnachweis|verdienstbescheinigung"
    r"|gehaltsabrechnung|lohnabrechnung|gehaltszettel|lohnzettel|gehaltshistorie"
    r"|gehaltsentwicklung|gehaltsverlauf|einkommensentwicklung"
    r"|current salary|previous salary|salary history|pay slip|payslip"
    r"|verdien\w*\s+(?:du|sie)\s+(?:derzeit|aktuell|momentan|zurzeit|bisher|heute)"
    r"|(?:derzeit|aktuell|momentan|zurzeit|bisher)\s+verdien",
    re.I,
)
NEGATED = re.compile(r"\b(?:nicht|kein\w*|niemals|nie)\b", re.I)
# The applicant is asked: addressed, or asked to name, send or upload something.
ASKED = re.compile(
    r"\b(?:ihr\w*|dein\w*|sie|du|bitte|angabe\w*|nenn\w*|teil\w* uns|mitteil\w*"
    r"|send\w*|schick\w*|beifüg\w*|beileg\w*|hochlad\w*|lade\w*|einreich\w*"
    r"|anhäng\w*|schilder\w*|your|please)\b",
    re.I,
)


@dataclass(frozen=True)
class PayReading:
    stated: bool  # a starting pay, a range or a pay group is named
    scale_without_group: bool  # "nach TVöD", but which group?
    vague: tuple[str, ...]  # the lines that talk about pay without naming it
    history: tuple[str, ...]  # the lines that ask for current or previous pay


def _is_pay_amount(sentence: str, match: re.Match) -> bool:
    before = sentence[max(0, match.start() - 60) : match.start()]
    after = sentence[match.end() : match.end() + 40]
    if NOT_PAY.search(before[-40:]) or re.match(r"\s*(?:mio|mrd|million)", after, re.I):
        return False
    return bool(PAY_WORDS.search(before) or PAY_WORDS.search(after))


def _names_pay(sentence: str) -> bool:
    if any(_is_pay_amount(sentence, m) for m in AMOUNT.finditer(sentence)):
        return True
    if GROUP_ALONE.search(sentence):
        return True
    return bool(SCALE.search(sentence) and GROUP.search(sentence))


def read_pay(text: str) -> PayReading:
    stated = scale_only = False
    vague: list[str] = []
    history: list[str] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if _names_pay(sentence):
            stated = True
        elif SCALE.search(sentence) and re.search(
            r"vergütung|bezahlung|eingruppierung|gehalt|entgelt|nach|gemäß",
            sentence,
            re.I,
        ):
            scale_only = True
            vague.append(line_of(text, start))
        if VAGUE.search(sentence):
            vague.append(line_of(text, start))
        asked = PAST_PAY.search(sentence)
        if asked and ASKED.search(sentence) and not NEGATED.search(sentence):
            history.append(line_of(text, start + asked.start()))
    return PayReading(
        stated=stated,
        scale_without_group=scale_only and not stated,
        vague=tuple(dict.fromkeys(vague)),
        history=tuple(dict.fromkeys(history)),
    )
