"""A job ad from a role that can go online as it is.

The draft speaks to the reader in one form ("Sie planen …", "Sie bringen … mit"),
lists at most eight tasks — the role's own work across its areas, what it owns
before what it carries out, or the work the guide chose — and at most eight
requirements, says what the role does *not* do ("Nicht Ihre Aufgabe") and what
the company offers, with the pay. Its sentences
(hiring/adlines.toml) keep the words the job-ad check recognises, so that the
check reads a draft as the role it came from, without a warning or a fairness
note once company, place and pay are filled in.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.catalogue import (
    CARRIES_OUT,
    EXCLUDED,
    OWNS,
    Catalogue,
    RoleCard,
    current_catalogue,
)
from hiring.documents import Document, as_text
from roles.choices import CompanySize, TaskArea

GENDER_NOTE = "(m/w/d)"
AD_LANGUAGE = "de"
MAX_TASKS = 8
MAX_REQUIREMENTS = 8
FULL_TIME_HOURS = 35
ADLINES = Path(__file__).with_name("adlines.toml")
PERIODS = {
    "month": gettext_lazy("im Monat"),
    "year": gettext_lazy("im Jahr"),
    "hour": gettext_lazy("pro Stunde"),
}
COMPANY_SIZE = {
    CompanySize.SMALL: gettext_lazy("ein kleines Unternehmen"),
    CompanySize.MEDIUM: gettext_lazy("ein mittelständisches Unternehmen"),
    CompanySize.LARGE: gettext_lazy("ein großes Unternehmen"),
}


@dataclass(frozen=True)
class Posting:
    """What the company tells the builder (checked by hiring.forms.PostingForm)."""

    company: str = ""
    place: str = ""
    hours: Decimal | None = None
    start: date | None = None
    pay_min: Decimal | None = None
    pay_max: Decimal | None = None
    pay_period: str = "month"

    @property
    def full_time(self) -> bool | None:
        return None if self.hours is None else self.hours >= FULL_TIME_HOURS

    @property
    def has_pay(self) -> bool:
        return self.pay_min is not None


@dataclass(frozen=True)
class Choice:
    """One line the user can keep or drop."""

    key: str
    text: str
    checked: bool


@dataclass
class DraftAd:
    role_slug: str
    role_title: str
    title: str
    posting: Posting
    intro: list[str]
    tasks: list[Choice] = field(default_factory=list)
    essentials: list[Choice] = field(default_factory=list)
    desirables: list[Choice] = field(default_factory=list)
    exclusions: list[Choice] = field(default_factory=list)
    offer: list[str] = field(default_factory=list)
    size: str = ""
    dropped: list[str] = field(default_factory=list)
    """Lines ticked beyond the limits of eight, left out of the ad."""

    def kept(self, choices: list[Choice]) -> list[str]:
        return [choice.text for choice in choices if choice.checked]

    def sections(self) -> list[tuple[str, list[str]]]:
        """The kept lines under their headings, in the order of an ad."""
        pairs = [
            (_("Ihre Aufgaben"), self.kept(self.tasks)),
            (_("Nicht Ihre Aufgabe"), self.kept(self.exclusions)),
            (_("Das bringen Sie mit"), self.kept(self.essentials)),
            (_("Schön wäre außerdem"), self.kept(self.desirables)),
            (_("Das bieten wir"), self.offer),
        ]
        return [(heading, lines) for heading, lines in pairs if lines]

    def as_document(self) -> Document:
        with translation.override(AD_LANGUAGE):
            return Document(
                title=self.title,
                intro=self.intro,
                sections=self.sections(),
                closing=[_("Wir freuen uns auf Ihre Bewerbung.")],
                author=self.posting.company,
            )

    def as_text(self) -> str:
        return as_text(self.as_document()).decode()


@cache
def ad_lines() -> dict[str, dict[str, str]]:
    return tomllib.loads(ADLINES.read_text(encoding="utf-8"))


def task_line(entry) -> str:
    """The task in the ad's form; a task the file does not know yet gets a
    sentence around its first phrase from ads."""
    known = ad_lines()["tasks"].get(entry.slug)
    if known:
        return known
    phrase = entry.ad_phrases[0] if entry.ad_phrases else entry.plain_name
    return _("Sie übernehmen diese Aufgabe: %(task)s.") % {"task": phrase}


def requirement_line(entry) -> str:
    known = ad_lines()["competencies"].get(entry.slug)
    if known:
        return known
    phrase = entry.ad_phrases[0] if entry.ad_phrases else entry.plain_name
    return _("Sie bringen mit: %(competency)s.") % {"competency": phrase}


def role_work(card: RoleCard, catalogue: Catalogue) -> list[str]:
    """The tasks the role owns or carries out, most important first: one from
    each area of work in turn (strategy, content, community, analysis …), so
    that eight lines show the whole role; within an area what it owns before
    what it carries out, and the field's common core before rarer work."""
    rank = {OWNS: 0, CARRIES_OUT: 1}
    areas = {area: n for n, area in enumerate(TaskArea.values)}

    def order(slug: str):
        doers = len(catalogue.holders(slug, OWNS)) + len(
            catalogue.holders(slug, CARRIES_OUT)
        )
        return (rank[card.tasks[slug]], -doers, slug)

    grouped: dict[str, list[str]] = {}
    for slug in sorted((s for s, r in card.tasks.items() if r in rank), key=order):
        entry = catalogue.task(slug)
        grouped.setdefault(entry.group if entry else "", []).append(slug)
    queues = [grouped[a] for a in sorted(grouped, key=lambda a: areas.get(a, 99))]
    picked = []
    while any(queues):
        picked += [queue.pop(0) for queue in queues if queue]
    return picked


def build_draft(
    role: RoleCard | object,
    catalogue: Catalogue | None = None,
    *,
    posting: Posting | None = None,
    size: str = "",
    selected: Collection[str] | None = None,
    work: Sequence[str] = (),
) -> DraftAd:
    """The draft for a role. ``selected`` holds the keys of the lines to keep
    (None: the first eight of each kind); ``work`` the tasks the guide chose,
    which then come first and are the ones ticked. The draft is German whatever
    the page's language: the ad is for the German-speaking job market.
    ``role`` is a catalogue card or anything with the role's ``slug`` (a Role)."""
    catalogue = catalogue or current_catalogue()
    card = role if isinstance(role, RoleCard) else catalogue.card(role.slug)
    with translation.override(AD_LANGUAGE):
        return _build(card, catalogue, posting or Posting(), size, selected, work)


def _build(card, catalogue, posting, size, selected, work) -> DraftAd:
    if size not in dict(CompanySize.choices):
        size = (card.company_sizes or (CompanySize.MEDIUM,))[0]
    title = card.title.strip("„“")
    draft = DraftAd(
        role_slug=card.slug,
        role_title=title,
        title=f"{title} {GENDER_NOTE}",
        posting=posting,
        intro=_intro(title, posting, size),
        size=size,
    )
    chosen = [
        s
        for s in dict.fromkeys(work)
        if card.tasks.get(s, EXCLUDED) != EXCLUDED and catalogue.task(s)
    ]
    own = [s for s in role_work(card, catalogue) if catalogue.task(s)]
    order = chosen + [s for s in own if s not in chosen]
    default = {f"task:{s}" for s in (chosen or own[:MAX_TASKS])}
    draft.tasks = _choices(
        [(f"task:{s}", task_line(catalogue.task(s))) for s in order],
        selected,
        default,
        MAX_TASKS,
        draft.dropped,
    )
    draft.exclusions = [
        Choice(f"task:{s}", catalogue.task(s).plain_name, _kept(f"task:{s}", selected))
        for s in sorted(s for s, r in card.tasks.items() if r == EXCLUDED)
        if catalogue.task(s)
    ]
    _requirements(draft, card, catalogue, selected)
    draft.offer = _offer(posting)
    return draft


def _kept(key: str, selected: Collection[str] | None) -> bool:
    return selected is None or key in selected


def _choices(lines, selected, default, limit, dropped) -> list[Choice]:
    """Ticked lines up to ``limit``; further ticked lines are noted as dropped."""
    choices, count = [], 0
    for key, text in lines:
        wanted = key in selected if selected is not None else key in default
        if wanted and count >= limit:
            dropped.append(text)
            wanted = False
        count += wanted
        choices.append(Choice(key, text, wanted))
    return choices


def _requirements(draft, card, catalogue, selected) -> None:
    ordered = sorted(card.competencies.items(), key=lambda item: (-item[1][0], item[0]))
    entries = catalogue.entries
    lines = [
        (
            f"competency:{slug}",
            requirement_line(entries[("competency", slug)]),
            essential,
        )
        for slug, (_level, essential) in ordered
        if ("competency", slug) in entries
    ]
    ranked = [line for line in lines if line[2]] + [
        line for line in lines if not line[2]
    ]
    default = {key for key, _text, _essential in ranked[:MAX_REQUIREMENTS]}
    choices = _choices(
        [(key, text) for key, text, _e in ranked],
        selected,
        default,
        MAX_REQUIREMENTS,
        draft.dropped,
    )
    essential = {key for key, _text, is_essential in ranked if is_essential}
    draft.essentials = [c for c in choices if c.key in essential]
    draft.desirables = [c for c in choices if c.key not in essential]


def _intro(title: str, posting: Posting, size: str) -> list[str]:
    who = posting.company or _("Wir")
    when = (
        _("zum %(date)s") % {"date": long_date(posting.start)}
        if posting.start
        else _("zum nächstmöglichen Zeitpunkt")
    )
    where = _(" in %(place)s") % {"place": posting.place} if posting.place else ""
    verb = _("sucht") if posting.company else _("suchen")
    lines = [
        _("%(who)s %(verb)s %(when)s%(where)s eine Person für die Stelle %(role)s.")
        % {"who": who, "verb": verb, "when": when, "where": where, "role": title}
    ]
    if posting.company:
        lines.append(
            _("%(company)s ist %(size)s.")
            % {"company": posting.company, "size": COMPANY_SIZE[size]}
        )
    else:
        lines.append(_("Wir sind %(size)s.") % {"size": COMPANY_SIZE[size]})
    return lines


def long_date(day: date) -> str:
    return formats.date_format(day, "j. F Y")


def money(amount: Decimal) -> str:
    """German money: "3.500", "18,50"."""
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def pay_text(posting: Posting) -> str:
    period = PERIODS.get(posting.pay_period, PERIODS["month"])
    if posting.pay_max is not None and posting.pay_max != posting.pay_min:
        return _("%(low)s–%(high)s € brutto %(period)s") % {
            "low": money(posting.pay_min),
            "high": money(posting.pay_max),
            "period": period,
        }
    return _("ab %(low)s € brutto %(period)s") % {
        "low": money(posting.pay_min),
        "period": period,
    }


def _offer(posting: Posting) -> list[str]:
    lines = []
    if posting.has_pay:
        lines.append(_("Gehalt: %(pay)s") % {"pay": pay_text(posting)})
    if posting.hours is not None:
        kind = _("Vollzeit") if posting.full_time else _("Teilzeit")
        lines.append(
            _("%(kind)s mit %(hours)s Stunden pro Woche")
            % {"kind": kind, "hours": money(posting.hours)}
        )
    if posting.start:
        lines.append(_("Beginn: %(date)s") % {"date": long_date(posting.start)})
    if posting.place:
        lines.append(_("Arbeitsort: %(place)s") % {"place": posting.place})
    return lines
