"""What a company tells the guide, read and checked: how often it needs each task
(often, sometimes, never, or someone does it already), its size, in the house or
from outside, leading a team, and the roles it has. The page and the API read
through here; ``GuideError`` names every field that cannot be used."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.catalogue import Catalogue
from roles.choices import CompanySize

OFTEN, SOMETIMES, NEVER, OTHERS = "often", "sometimes", "never", "others"
FREQUENCIES = [
    (OFTEN, gettext_lazy("oft")),
    (SOMETIMES, gettext_lazy("manchmal")),
    (NEVER, gettext_lazy("nie")),
    (OTHERS, gettext_lazy("macht bei uns schon jemand")),
]
NEED = {OFTEN: 2, SOMETIMES: 1}
"""How much a task counts: often twice as much as sometimes."""
POSITIONS = ("internal", "external", "any")
SIZES = tuple(CompanySize.values)


class GuideError(ValueError):
    """Answers the guide cannot use; ``details`` names each field and why."""

    def __init__(self, details: dict[str, list[str]]):
        super().__init__(str(details))
        self.details = details


@dataclass(frozen=True)
class GuideAnswers:
    company_size: str = ""
    position: str = "any"
    lead: bool = False
    tasks: Mapping[str, str] = field(default_factory=dict)
    team: tuple[str, ...] = ()

    @property
    def needs(self) -> dict[str, int]:
        return {t: NEED[f] for t, f in self.tasks.items() if f in NEED}

    @property
    def done_by_others(self) -> set[str]:
        return {t for t, f in self.tasks.items() if f == OTHERS}


def read_answers(data: Mapping, catalogue: Catalogue) -> GuideAnswers:
    """Check answers from the form or the API; GuideError names every fault."""
    errors: dict[str, list[str]] = {}
    size = data.get("company_size") or ""
    if size not in ("", *SIZES):
        errors["company_size"] = [
            _("Erlaubt sind: %(values)s.") % {"values": ", ".join(SIZES)}
        ]
    position = data.get("position") or "any"
    if position not in POSITIONS:
        errors["position"] = [
            _("Erlaubt sind: %(values)s.") % {"values": ", ".join(POSITIONS)}
        ]
    lead = data.get("lead", False)
    if not isinstance(lead, bool):
        errors["lead"] = [_("Bitte true oder false.")]
    tasks, task_errors = _read_tasks(data.get("tasks") or {}, catalogue)
    if task_errors:
        errors["tasks"] = task_errors
    team, team_errors = _read_team(data.get("team") or [], catalogue)
    if team_errors:
        errors["team"] = team_errors
    if errors:
        raise GuideError(errors)
    return GuideAnswers(size, position, lead, tasks, team)


def _read_tasks(raw, catalogue: Catalogue) -> tuple[dict[str, str], list[str]]:
    if not isinstance(raw, Mapping):
        return {}, [
            _("Bitte ein Objekt: Aufgabe → often, sometimes, never oder others.")
        ]
    allowed = {code for code, _label in FREQUENCIES}
    unknown = sorted(str(s) for s in raw if catalogue.task(str(s)) is None)
    wrong = sorted(
        str(s) for s, f in raw.items() if f not in allowed and str(s) not in unknown
    )
    errors = []
    if unknown:
        errors.append(
            _("Unbekannte Aufgaben: %(slugs)s.") % {"slugs": ", ".join(unknown)}
        )
    if wrong:
        errors.append(
            _("Bei %(slugs)s erlaubt: often, sometimes, never, others.")
            % {"slugs": ", ".join(wrong)}
        )
    return {str(s): f for s, f in raw.items()}, errors


def _read_team(raw, catalogue: Catalogue) -> tuple[tuple[str, ...], list[str]]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        return (), [_("Bitte eine Liste von Rollen.")]
    unknown = sorted(str(s) for s in raw if catalogue.card(str(s)) is None)
    if unknown:
        return (), [_("Unbekannte Rollen: %(slugs)s.") % {"slugs": ", ".join(unknown)}]
    return tuple(dict.fromkeys(str(s) for s in raw)), []
