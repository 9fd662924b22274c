"""The guide for companies: how often they need each piece of the catalogue's
work, plus size, in the house or from outside, leading a team and the roles they
already have → the best role and its level, a runner-up with "warum nicht", and a
split when the needs span three or more roles.

The same engine answers the page (/finden/) and the API (POST /api/v1/guide/).
Scores are counted for every role at once over role numbers (hiring.catalogue);
reasons are written only for the roles shown, so an answer stays flat at 10,000
roles.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.catalogue import (
    CARRIES_OUT,
    CONTRIBUTES,
    EXCLUDED,
    OWNS,
    Catalogue,
    RoleCard,
    current_catalogue,
)
from hiring.guide_answers import (
    NEED,
    OFTEN,
    SOMETIMES,
    GuideAnswers,
    read_answers,
)
from roles.choices import CompanySize, Position, Seniority

DOING_VALUE = {OWNS: 5, CARRIES_OUT: 4, CONTRIBUTES: 1}
EXCLUDED_VALUE = 4
"""A needed task the role explicitly does not do costs what owning it gains."""
FULL = DOING_VALUE[OWNS]
SHORTLIST = 40
SHOWN = 3
WRONG_PLACE = 20  # points: in the house when help from outside is wanted, or back
WRONG_SIZE = 8
LEAD_FIT = {Seniority.SENIOR: 10, Seniority.NONE: -5, Seniority.JUNIOR: -30}
NO_LEAD_FIT = {Seniority.SENIOR: -15, Seniority.NONE: 0, Seniority.JUNIOR: 0}
JUNIOR_IN_SMALL_FIRM = 10  # a junior needs more experienced people around
OTHERS_OVERLAP = 15  # points at most, when all its core work is done already
MIXED_AT = 3
MIN_SHARE_NEED = 2
"""A further role in a split takes at least this much need (one task often, or
two sometimes); less is a line to drop, not a person to hire."""


@dataclass(frozen=True)
class Reason:
    """One short sentence, and the catalogue's tasks it is about (shown as a list)."""

    text: str
    tasks: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.tasks:
            return self.text
        return f"{self.text.rstrip('.')}: {'; '.join(self.tasks)}."


@dataclass(frozen=True)
class GuideRole:
    card: RoleCard
    fit: int
    """0–100: the one measure that orders the roles and is shown."""
    reasons: tuple[Reason, ...] = ()
    why_not: tuple[Reason, ...] = ()

    @property
    def slug(self) -> str:
        return self.card.slug


@dataclass(frozen=True)
class GuideShare:
    card: RoleCard
    tasks: tuple[str, ...]
    names: tuple[str, ...] = ()  # the tasks in plain words


@dataclass
class GuideAnswer:
    answers: GuideAnswers
    roles: list[GuideRole]
    mixed: bool = False
    split: list[GuideShare] = field(default_factory=list)
    unknown_need: bool = False  # nothing needed was ticked


# --- answering -----------------------------------------------------------------


def answer_guide(
    answers: GuideAnswers | Mapping, catalogue: Catalogue | None = None
) -> GuideAnswer:
    catalogue = catalogue or current_catalogue()
    if not isinstance(answers, GuideAnswers):
        answers = read_answers(answers, catalogue)
    needs = answers.needs
    if not needs:
        return GuideAnswer(answers, [], unknown_need=True)
    ranked = _ranked(answers, needs, catalogue)
    shown = [
        _explained(card, fit, answers, needs, catalogue, first=(n == 0))
        for n, (fit, card) in enumerate(ranked[:SHOWN])
    ]
    answer = GuideAnswer(answers, shown)
    if shown:
        answer.split = split_needs(shown[0].card, answers, needs, catalogue)
        answer.mixed = len(answer.split) >= MIXED_AT
    if len(shown) > 1:
        shown[1] = _with_why_not(shown[1], shown[0], answers, needs, catalogue)
    return answer


def _candidates(answers: GuideAnswers, catalogue: Catalogue) -> list[RoleCard]:
    """Roles one could hire for this: described, not a mere misreading of another
    role, and not one the company already has."""
    return [
        card
        for card in catalogue.live_cards()
        if card.is_described
        and not card.is_misreading
        and card.slug not in answers.team
    ]


def task_points(needs: dict[str, int], catalogue: Catalogue) -> Counter[int]:
    """Per role number: points for the needed work it does, less what it
    explicitly excludes (counted in C, over every role at once)."""
    weights = {
        (task, resp): need * value
        for task, need in needs.items()
        for resp, value in DOING_VALUE.items()
    }
    points = catalogue.weighted_cover(weights)
    excluded = catalogue.weighted_cover(
        {(task, EXCLUDED): need * EXCLUDED_VALUE for task, need in needs.items()}
    )
    points.subtract(excluded)
    return points


def _ranked(answers, needs, catalogue) -> list[tuple[int, RoleCard]]:
    """Best first by fit; equal fits: reviewed roles first, then the role that
    brings less other work along, then by title."""
    points = task_points(needs, catalogue)
    best_possible = FULL * sum(needs.values())
    allowed = {catalogue.number[c.slug] for c in _candidates(answers, catalogue)}
    scored = [(p, n) for n, p in points.items() if n in allowed]
    if len(scored) < SHORTLIST:
        scored += [(0, n) for n in allowed if n not in points][
            : SHORTLIST - len(scored)
        ]
    shortlist = heapq.nlargest(SHORTLIST, scored)
    ranked = []
    for task_score, number in shortlist:
        card = catalogue.cards[number]
        fit = round(100 * task_score / best_possible) + _adjustment(card, answers)
        ranked.append((max(0, min(100, fit)), card))
    ranked.sort(key=lambda pair: _order(pair, needs))
    return ranked


def _order(pair: tuple[int, RoleCard], needs: dict[str, int]) -> tuple:
    fit, card = pair
    extra = len(card.core - set(needs))
    return (-fit, not card.is_reviewed, extra, card.title)


def _adjustment(card: RoleCard, answers: GuideAnswers) -> int:
    """Points for where and at which level the role works, against the answers."""
    change = 0
    wanted = answers.position
    if wanted != "any" and card.position not in (wanted, Position.BOTH):
        change -= WRONG_PLACE
    if answers.company_size and card.company_sizes:
        if answers.company_size not in card.company_sizes:
            change -= WRONG_SIZE
    levels = LEAD_FIT if answers.lead else NO_LEAD_FIT
    change += levels.get(card.seniority, 0)
    if card.seniority == Seniority.JUNIOR and answers.company_size == CompanySize.SMALL:
        change -= JUNIOR_IN_SMALL_FIRM
    others = answers.done_by_others & card.core
    if card.core:
        change -= round(OTHERS_OVERLAP * len(others) / len(card.core))
    return change


# --- why: reasons, warum nicht, the split ------------------------------------------


def _names(slugs, catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(catalogue.task(s).plain_name for s in slugs if catalogue.task(s))


def _needed(needs: dict[str, int], level: int) -> list[str]:
    return sorted(task for task, need in needs.items() if need == level)


def _explained(card, fit, answers, needs, catalogue, *, first: bool) -> GuideRole:
    reasons = []
    done_often = [t for t in _needed(needs, NEED[OFTEN]) if card.does(t)]
    done_sometimes = [t for t in _needed(needs, NEED[SOMETIMES]) if card.does(t)]
    if done_often:
        reasons.append(
            Reason(_("Übernimmt, was Sie oft brauchen."), _names(done_often, catalogue))
        )
    if done_sometimes:
        text = _("Übernimmt auch, was Sie manchmal brauchen.")
        reasons.append(Reason(text, _names(done_sometimes, catalogue)))
    reasons.append(Reason(str(PLACE[card.position])))
    if card.seniority == Seniority.SENIOR:
        reasons.append(Reason(_("Ist die erfahrene Stufe. Sie kann ein Team führen.")))
    elif card.seniority == Seniority.JUNIOR:
        reasons.append(
            Reason(_("Ist die Einstiegsstufe. Sie braucht Erfahrene im Team."))
        )
    if answers.company_size and answers.company_size in card.company_sizes:
        reasons.append(Reason(str(SIZE_FIT[answers.company_size])))
    return GuideRole(card, fit, tuple(reasons))


PLACE = {
    Position.INTERNAL: gettext_lazy("Arbeitet meist angestellt im Haus."),
    Position.EXTERNAL: gettext_lazy("Kommt meist von außen, etwa als Beratung."),
    Position.BOTH: gettext_lazy("Arbeitet im Haus oder von außen."),
}
SIZE_FIT = {
    CompanySize.SMALL: gettext_lazy("Passt zu kleinen Firmen."),
    CompanySize.MEDIUM: gettext_lazy("Passt zum Mittelstand."),
    CompanySize.LARGE: gettext_lazy("Passt zu großen Firmen."),
}


def _with_why_not(second: GuideRole, first: GuideRole, answers, needs, catalogue):
    """Why the runner-up is not the first answer, in its own facts."""
    card, why = second.card, []
    missing = [t for t in sorted(needs, key=lambda t: -needs[t]) if not card.does(t)]
    excluded = [t for t in missing if card.tasks.get(t) == EXCLUDED]
    if excluded:
        text = _("Diese Arbeit gehört ausdrücklich nicht zu der Rolle.")
        why.append(Reason(text, _names(excluded, catalogue)))
    others = [t for t in missing if t not in excluded]
    if others:
        why.append(
            Reason(_("Diese Arbeit übernimmt sie nicht."), _names(others, catalogue))
        )
    wanted = answers.position
    if wanted != "any" and card.position not in (wanted, Position.BOTH):
        why.append(Reason(str(PLACE[card.position])))
    if answers.lead and card.seniority != Seniority.SENIOR:
        why.append(Reason(_("Sie ist nicht die Stufe, die ein Team führt.")))
    if not answers.lead and card.seniority == Seniority.SENIOR:
        why.append(Reason(_("Sie führt ein Team. Das brauchen Sie nicht.")))
    if (
        answers.company_size
        and card.company_sizes
        and (answers.company_size not in card.company_sizes)
    ):
        why.append(Reason(_("Sie passt eher zu anderen Unternehmensgrößen.")))
    if not why:
        text = _("Sie passt etwas weniger genau. %(first)s deckt mehr ab.")
        why.append(Reason(text % {"first": first.card.title}))
    return GuideRole(card, second.fit, second.reasons, tuple(why))


def split_needs(
    best: RoleCard, answers: GuideAnswers, needs: dict[str, int], catalogue: Catalogue
) -> list[GuideShare]:
    """The needed work, shared out so that as few roles as possible take it: the
    best role first, then each time the role that takes most of what is left.
    Junior, senior and base level of a role count as one."""
    remaining = {
        t
        for t in needs
        if catalogue.holders(t, OWNS) or catalogue.holders(t, CARRIES_OUT)
    }
    first = tuple(sorted(t for t in remaining if best.does(t)))
    shares = [GuideShare(best, first, _plain(first, catalogue))]
    remaining -= set(shares[0].tasks)
    used = {best.lineage}
    candidates = [
        c for c in _candidates(answers, catalogue) if c.lineage != best.lineage
    ]
    while remaining:
        points = task_points({t: needs[t] for t in remaining}, catalogue)
        options = [
            (
                sum(needs[t] for t in remaining if c.does(t)),
                c.is_reviewed,
                -len(c.core),
                c.title,
                c,
            )
            for c in candidates
            if c.lineage not in used and catalogue.number[c.slug] in points
        ]
        options = [o for o in options if o[0] > 0]
        if not options:
            break
        taken, *_rest, card = max(options, key=lambda o: o[:3] + (_reverse(o[3]),))
        if taken < MIN_SHARE_NEED:
            break
        tasks = tuple(sorted(t for t in remaining if card.does(t)))
        shares.append(GuideShare(card, tasks, _plain(tasks, catalogue)))
        remaining -= set(tasks)
        used.add(card.lineage)
    return shares


def _plain(slugs, catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(catalogue.task(s).plain_name for s in slugs if catalogue.task(s))


def _reverse(title: str) -> tuple[int, ...]:
    """Sorts titles backwards so that max() takes the first by title on ties."""
    return tuple(-ord(char) for char in title)
