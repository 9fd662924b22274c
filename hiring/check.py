"""The job-ad check: one German ad in, the roles it fits, what it asks for, and
what is wrong with it out. Nothing here stores the ad."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from hiring.index import TASK, CatalogueIndex, Entry, current_index
from hiring.matching import Found, recognise
from hiring.reading import PROFILE, read_layout
from hiring.scoring import RoleFit, career_stage, rank_roles, title_roles
from hiring.text import clean
from hiring.warnings import Findings, Suggestion, Warning, find_problems

MAX_LENGTH = 20_000
MIN_LETTER_SHARE = 0.5  # below this the "text" is binary garbage or symbols
SHOWN_ROLES = 5


class AdRejected(ValueError):
    """The text cannot be checked; ``code`` is stable, the message is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Recognised:
    entry: Entry
    spans: tuple[tuple[int, int], ...]
    matched: tuple[str, ...]
    declined: bool


@dataclass
class CheckResult:
    text: str
    roles: list[RoleFit]
    reasons: dict[str, list[str]]
    tasks: list[Recognised]
    competencies: list[Recognised]
    findings: Findings = field(default_factory=Findings)
    title: str = ""

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


def check_ad(raw: str, index: CatalogueIndex | None = None) -> CheckResult:
    text = prepare(raw)
    index = index or current_index()
    layout = read_layout(text)
    recognition = recognise(text, layout, index)
    asked = recognition.asked_tasks()
    if not asked:
        raise AdRejected(
            "no-task",
            _(
                "Wir haben in dem Text keine Aufgabe erkannt. Die Prüfung liest "
                "deutsche Anzeigen, die Aufgaben aus dem Katalog nennen."
            ),
        )
    competencies = {
        s for s, f in recognition.competencies.items() if not f.negated_only
    }
    named = title_roles(recognition, index)
    fits = rank_roles(
        asked,
        recognition.declined_tasks(),
        competencies,
        index,
        stage=career_stage(text),
        named=named,
    )
    # Requirements are what the person must bring: the profile's lines, or the
    # competencies recognised anywhere, whichever is more.
    requirement_count = max(
        len(competencies),
        sum(
            1
            for u in layout.units
            if u.is_bullet and u.section == PROFILE and not u.is_negated
        ),
    )
    findings = find_problems(
        tasks=recognition.tasks,
        fits=fits,
        named=named,
        requirement_count=requirement_count,
        index=index,
    )
    return CheckResult(
        text=text,
        roles=fits[:SHOWN_ROLES],
        reasons={fit.slug: reasons(fit, index) for fit in fits[:SHOWN_ROLES]},
        tasks=_recognised(recognition.tasks, TASK, text, index),
        competencies=_recognised(recognition.competencies, "competency", text, index),
        findings=findings,
        title=text[layout.title[0] : layout.title[1]].strip() if layout.title else "",
    )


def reasons(fit: RoleFit, index: CatalogueIndex) -> list[str]:
    """Why a role fits, in plain German, from its own assignments."""

    def names(slugs):
        return ", ".join(index.entries[(TASK, s)].plain_name for s in slugs)

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
    return found


def _recognised(
    found: dict[str, Found], kind: str, text: str, index
) -> list[Recognised]:
    items = [
        Recognised(
            entry=index.entries[(kind, slug)],
            spans=tuple(item.spans),
            matched=tuple(dict.fromkeys(text[a:b] for a, b in item.spans)),
            declined=item.negated_only,
        )
        for slug, item in found.items()
    ]
    return sorted(items, key=lambda r: (r.declined, r.spans[0] if r.spans else (0, 0)))
