"""Fairness notes on a job ad: is it fair and lawful to post?

Four notes, each with a stable code, one or two plain sentences that say what to
do, the lines of the ad it is about and its source:

- ``pay-missing``: no starting pay, range or pay group (directive (EU) 2023/970,
  Art. 5(1)); "attraktive Vergütung", "marktgerecht" and asking for the
  applicant's expectation do not count;
- ``pay-history``: the ad asks for current or previous pay (Art. 5(2)); asking
  for the *expected* pay is allowed;
- ``title-not-neutral``: the title addresses one gender (AGG §§ 1, 7, 11; Art.
  5(3));
- ``gender-coded``: clearly one-sided agentic or communal wording, with a neutral
  alternative for each word (AGG § 11; Gaucher, Friesen & Kay 2011; Hentschel et
  al., TU München).

Pure functions of the text: no database, no catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from hiring.fairness.naming import one_gender_title
from hiring.fairness.pay import read_pay
from hiring.fairness.wording import AGENTIC, find_coded, one_sided

PAY_MISSING = "pay-missing"
PAY_HISTORY = "pay-history"
TITLE_NOT_NEUTRAL = "title-not-neutral"
GENDER_CODED = "gender-coded"
CODES = (PAY_MISSING, PAY_HISTORY, TITLE_NOT_NEUTRAL, GENDER_CODED)

DIRECTIVE = "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32023L0970"
AGG_11 = "https://www.gesetze-im-internet.de/agg/__11.html"
GAUCHER = "https://doi.org/10.1037/a0022530"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Alternative:
    word: str  # as written in the ad
    instead: str


@dataclass(frozen=True)
class FairnessNote:
    code: str
    text: str
    lines: tuple[str, ...]
    sources: tuple[Source, ...]
    alternatives: tuple[Alternative, ...] = ()


def fairness_notes(text: str, title: str = "") -> list[FairnessNote]:
    """The notes for an ad (``title``: its title as the check's layout read it)."""
    notes = _pay_notes(text)
    named = one_gender_title(text, title)
    if named:
        notes.append(_title_note(named))
    coded = one_sided(find_coded(text))
    if coded:
        notes.append(_coded_note(*coded))
    return notes


def _pay_notes(text: str) -> list[FairnessNote]:
    pay = read_pay(text)
    notes = []
    if not pay.stated:
        if pay.scale_without_group:
            message = _(
                "Die Anzeige nennt einen Tarifvertrag, aber keine Entgeltgruppe. "
                "Nennen Sie die Gruppe (etwa „TVöD E10“) oder eine Gehaltsspanne."
            )
        else:
            message = _(
                "Die Anzeige nennt kein Gehalt. Nennen Sie das Einstiegsgehalt, "
                "eine Spanne (etwa „3.500–4.200 € brutto im Monat“) oder die "
                "Entgeltgruppe; „attraktive Vergütung“ oder die Frage nach der "
                "Gehaltsvorstellung reichen nicht."
            )
        source = Source(_("EU-Richtlinie 2023/970, Art. 5 Abs. 1"), DIRECTIVE)
        notes.append(FairnessNote(PAY_MISSING, message, pay.vague, (source,)))
    if pay.history:
        message = _(
            "Die Anzeige fragt nach dem aktuellen oder bisherigen Gehalt. Streichen "
            "Sie diese Frage: Sie ist nicht mehr erlaubt. Nach der "
            "Gehaltsvorstellung dürfen Sie fragen."
        )
        source = Source(_("EU-Richtlinie 2023/970, Art. 5 Abs. 2"), DIRECTIVE)
        notes.append(FairnessNote(PAY_HISTORY, message, pay.history, (source,)))
    return notes


def _title_note(title: str) -> FairnessNote:
    message = _(
        "Der Titel „%(title)s“ spricht nur ein Geschlecht an. Ergänzen Sie "
        "„(m/w/d)“ oder nennen Sie beide Formen, etwa „Redakteurin / Redakteur "
        "(m/w/d)“."
    ) % {"title": title}
    sources = (
        Source(_("Allgemeines Gleichbehandlungsgesetz, §§ 1, 7, 11"), AGG_11),
        Source(_("EU-Richtlinie 2023/970, Art. 5 Abs. 3"), DIRECTIVE),
    )
    return FairnessNote(TITLE_NOT_NEUTRAL, message, (title,), sources)


def _coded_note(kind: str, words) -> FairnessNote:
    listed = ", ".join(f"„{w.text}“" for w in words)
    pairs = "; ".join(
        _("„%(instead)s“ statt „%(word)s“")
        % {"instead": w.entry.instead, "word": w.text}
        for w in words
    )
    if kind == AGENTIC:
        message = _(
            "Die Anzeige wählt viele Wörter, die als männlich gelten (%(words)s), "
            "und kaum andere; Frauen bewerben sich darauf nachweislich seltener. "
            "Neutraler: %(pairs)s."
        )
    else:
        message = _(
            "Die Anzeige wählt viele Wörter, die als weiblich gelten (%(words)s), "
            "und kaum andere; das spricht einseitig an. Neutraler: %(pairs)s."
        )
    sources = (
        Source(_("Allgemeines Gleichbehandlungsgesetz, § 11"), AGG_11),
        Source("Gaucher, Friesen & Kay (2011)", GAUCHER),
    )
    return FairnessNote(
        GENDER_CODED,
        message % {"words": listed, "pairs": pairs},
        tuple(dict.fromkeys(w.line for w in words)),
        sources,
        tuple(Alternative(w.text, w.entry.instead) for w in words),
    )
