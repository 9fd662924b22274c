"""The job-ad check: one German ad in; the roles it fits, what it asks for, what it
leaves to others, and what is wrong with it out. Nothing here stores the ad.

The steps: clean the text (``prepare``), lay it out in parts and clauses
(hiring.layout), recognise the asked work in its scope and sense
(hiring.matching), read what the title names (hiring.titles), rank the roles by
one measure (hiring.ranking), share the work out (hiring.mixing), write the
findings (hiring.warnings) and the fairness notes (hiring.fairness).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import simplemma
from django.utils.translation import gettext as _

from hiring.catalogue import RoleCard
from hiring.checkindex import CheckIndex, current_check_index
from hiring.fairness import FairnessNote, fairness_notes
from hiring.layout import Layout, read_layout
from hiring.matching import Found, Recognition, recognise
from hiring.mixing import share_out
from hiring.parts import IGNORED, PROFILE
from hiring.ranking import RoleFit, asked_level, rank_roles
from hiring.resemblance import shipped_profiles
from hiring.text import clean
from hiring.titles import contains, title_sequence
from hiring.warnings import Findings, Suggestion, Warning, find_problems
from hiring.wording import COMPETENCY, TASK

MAX_LENGTH = 20_000
MIN_LETTER_SHARE = 0.5  # below this the "text" is binary garbage or symbols
ENGLISH_SHARE = 0.6  # of the words that are English rather than German


class AdRejected(ValueError):
    """The text cannot be checked; ``code`` is stable, the message is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Recognised:
    entry: object  # the catalogue entry (EntryData): slug, name, plain_name
    spans: tuple[tuple[int, int], ...]
    matched: tuple[str, ...]
    declined: bool
    declined_as: str = ""  # "negated" or "delegated"
    in_profile: bool = False


@dataclass
class CheckResult:
    text: str
    roles: list[RoleFit]
    reasons: dict[str, list[str]]
    tasks: list[Recognised]
    competencies: list[Recognised]
    findings: Findings = field(default_factory=Findings)
    title: str = ""
    title_role: RoleCard | None = None
    in_english: bool = False
    fairness: list[FairnessNote] = field(default_factory=list)

    @property
    def mixed(self) -> bool:
        return self.findings.mixed

    @property
    def warnings(self) -> list[Warning]:
        return self.findings.warnings

    @property
    def suggestions(self) -> list[Suggestion]:
        return self.findings.suggestions

    @property
    def ranked(self) -> list[tuple[RoleFit, list[str]]]:
        return [(fit, self.reasons.get(fit.slug, [])) for fit in self.roles]

    @property
    def best(self) -> RoleFit | None:
        return self.roles[0] if self.roles else None

    @property
    def declined_tasks(self) -> list[Recognised]:
        return [item for item in self.tasks if item.declined]


def prepare(raw: str) -> str:
    """The ad as it will be read, or AdRejected with what to fix."""
    text = clean(raw).strip()
    if not text:
        raise AdRejected(
            "empty", _("Bitte fügen Sie den Text einer Stellenanzeige ein.")
        )
    if len(text) > MAX_LENGTH:
        raise AdRejected(
            "too-long",
            _(
                "Der Text hat %(length)s Zeichen. Erlaubt sind höchstens %(max)s. "
                "Bitte kürzen Sie ihn, etwa um den Teil über das Unternehmen."
            )
            % {"length": f"{len(text):,}".replace(",", "."), "max": "20.000"},
        )
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < MIN_LETTER_SHARE * len(visible) or "\ufffd" * 3 in text:
        raise AdRejected(
            "not-text",
            _(
                "Das sieht nicht nach Text aus. "
                "Bitte fügen Sie die Anzeige als Text ein."
            ),
        )
    return text


def check_ad(raw: str, index: CheckIndex | None = None) -> CheckResult:
    text = prepare(raw)
    index = index or current_check_index()
    layout = read_layout(text)
    recognition = recognise(text, layout, index.wording)
    title = layout.title_text(text)
    title_role = _title_role(title, index)
    asked = sorted(recognition.asked_tasks())
    if not asked and title_role is None:
        raise AdRejected(
            "no-task",
            _(
                "Wir haben in dem Text keine Aufgabe erkannt. Die Prüfung liest "
                "deutsche Anzeigen, die Aufgaben aus dem Katalog nennen."
            ),
        )
    named = _named_in_title(title, title_role, index)
    fits = rank_roles(
        asked,
        index.catalogue,
        level=asked_level(title, _work_text(layout)),
        named=named,
        mentioned=_mentioned(layout, index),
        resemblance=shipped_profiles().resemblances(text),
    )
    shares = fewest_shares(recognition, fits, index)
    findings = find_problems(
        tasks=recognition.tasks,
        fits=fits,
        shares=shares,
        title_role=title_role,
        requirement_count=_requirement_count(layout, recognition),
        catalogue=index.catalogue,
        in_english=is_english(text),
    )
    return CheckResult(
        text=text,
        roles=fits,
        reasons={fit.slug: reasons(fit, index) for fit in fits},
        tasks=_recognised(recognition.tasks, TASK, text, index),
        competencies=_recognised(recognition.competencies, COMPETENCY, text, index),
        findings=findings,
        title=title,
        title_role=title_role,
        in_english=is_english(text),
        fairness=fairness_notes(text, title),
    )


FIRST_ROLES = 3


def fewest_shares(recognition: Recognition, fits: list[RoleFit], index: CheckIndex):
    """The split of the asked work over the fewest roles, starting from any of
    the best-fitting roles: whether an ad is mixed must not hang on which of two
    close roles came first."""
    options = [
        share_out(recognition, fit.card, index.catalogue, index.specialists)
        for fit in fits[:FIRST_ROLES]
    ]
    return min(options, key=len, default=[])


def _title_role(title: str, index: CheckIndex) -> RoleCard | None:
    if not title:
        return None
    named = index.titles.named(title_sequence(title, index.wording))
    described = [n for n in named if index.catalogue.cards[n.number].is_described]
    return index.catalogue.cards[described[0].number] if described else None


PROFESSION_LINES = 2
"""A word for a profession names it when at most this many lines of work end
their names in it ("Redakteur": the editors; "Manager": far too many)."""


def _named_in_title(
    title: str, title_role: RoleCard | None, index: CheckIndex
) -> set[int]:
    """The role the title names; else the roles of the profession it names."""
    if title_role is not None:
        return {index.catalogue.number[title_role.slug]}
    if not title:
        return set()
    cards = index.catalogue.cards
    found = {
        n
        for n in index.titles.professions(title_sequence(title, index.wording))
        if cards[n] is not None and cards[n].is_described
    }
    if len({cards[n].lineage for n in found}) > PROFESSION_LINES:
        return set()
    return found


def _work_text(layout: Layout) -> str:
    return " ".join(c.text for c in layout.clauses if c.part not in IGNORED)


def _mentioned(layout: Layout, index: CheckIndex) -> set[int]:
    """Roles that are only a misreading of another, whose name the ad uses."""
    misreadings = [
        (n, card)
        for n, card in enumerate(index.catalogue.cards)
        if card is not None and card.is_misreading
    ][:50]
    found = set()
    for clause in layout.clauses:
        if clause.part in IGNORED:
            continue
        sequence = index.wording.sequence(clause.text)
        for number, _card in misreadings:
            if any(contains(sequence, name) for name in index.names.get(number, ())):
                found.add(number)
    return found


def _requirement_count(layout: Layout, recognition: Recognition) -> int:
    """Requirements are what the person must bring: the profile's lines, or the
    competencies recognised anywhere, whichever is more."""
    lines = {c.line for c in layout.clauses if c.part == PROFILE and c.is_bullet}
    return max(len(recognition.asked_competencies()), len(lines))


def is_english(text: str) -> bool:
    """Mostly English words: the check reads German and says so."""
    shares = dict(simplemma.langdetect(text[:4000], lang=("de", "en")))
    return shares.get("en", 0) >= ENGLISH_SHARE and shares.get("en", 0) > shares.get(
        "de", 0
    )


def reasons(fit: RoleFit, index: CheckIndex) -> list[str]:
    """Why a role fits, in plain German, from its own assignments."""

    def names(slugs):
        return ", ".join(index.catalogue.task(s).plain_name for s in slugs)

    found = []
    if fit.named_in_title:
        found.append(_("Der Titel der Anzeige nennt diese Rolle."))
    if fit.owned:
        found.append(_("Verantwortet: %(tasks)s.") % {"tasks": names(fit.owned)})
    if fit.carried_out:
        found.append(_("Führt aus: %(tasks)s.") % {"tasks": names(fit.carried_out)})
    if fit.contributed:
        found.append(_("Wirkt mit: %(tasks)s.") % {"tasks": names(fit.contributed)})
    if fit.excluded:
        found.append(
            _("Gehört nicht zur Rolle: %(tasks)s.") % {"tasks": names(fit.excluded)}
        )
    if fit.resemblance is not None:
        found.append(
            _("Ähnlichkeit mit Anzeigen für diese Rolle: %(value)s von 100.")
            % {"value": fit.resemblance}
        )
    return found


def _recognised(
    found: dict[str, Found], kind: str, text: str, index
) -> list[Recognised]:
    items = [
        Recognised(
            entry=index.wording.entries[(kind, slug)],
            spans=tuple(item.spans),
            matched=tuple(dict.fromkeys(text[a:b] for a, b in item.spans)),
            declined=not item.asked,
            declined_as=item.declined_as if not item.asked else "",
            in_profile=item.in_profile and not item.asked,
        )
        for slug, item in found.items()
    ]
    return sorted(items, key=lambda r: (r.declined, r.spans[0] if r.spans else (0, 0)))
