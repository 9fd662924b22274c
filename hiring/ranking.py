"""Which roles fit what an ad asks for: one measure, shown as it orders.

An ad asks for its recognised tasks, and sometimes for a level ("Junior",
"Volontariat", "Head of", "führst ein Team") and a role by name (its title). The
measure — "Passung", 0–100 — is the share of these asked items a role fulfils: a
task it owns or carries out counts fully, one it contributes to half; the asked
level counts for the roles of that level, the title for the role it names (as one
and a half tasks: a name is said on purpose). A last item is the role's focus: the
share of its own work that the ad asks, so that a role whose work the ad is about
comes before the generalist who merely does all of it too (weights chosen on the
tuning part and on fresh batches' tuning parts, see docs/hiring.md).

The check adds a second, learned signal (hiring/resemblance.py): how much the ad
reads like the labelled ads of each role. Then the Passung of the best five is four
sevenths the share above and three sevenths the resemblance (0–100), and they are
ordered by it; the weight was chosen on the tuning part, one ad batch left out at a
time (docs/hiring.md). Roles with the same Passung are ordered by stated
rules, and the page says which rule decided:

0. with the resemblance: more of the asked work;
1. fewer of the asked tasks the role explicitly excludes;
2. a role that is only a common misreading of another (the "Facebook-Manager")
   comes after the others unless the ad uses its name;
3. the closer fit: more of the role's own work is asked;
4. reviewed definitions before drafts; then by title.

Roles described only by ticks (no other names, no notes on their tasks, not
reviewed — such as the generated roles of a load test) come after described ones,
so that the answer does not depend on how many such roles exist.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy

from hiring.catalogue import (
    CARRIES_OUT,
    CONTRIBUTES,
    EXCLUDED,
    OWNS,
    Catalogue,
    RoleCard,
)
from roles.choices import Seniority

SHORTLIST = 60
SHOWN = 5


@dataclass(frozen=True)
class Weights:
    """Points per asked item, on a scale where doing an asked task is ``full``."""

    full: int = 10  # the role owns an asked task
    carries_out: int = 10  # it carries it out (does it, someone else decides)
    contributes: int = 5  # it only contributes to it
    excluded: int = 0  # taken off when it explicitly excludes an asked task
    title: int = 15  # the title names the role (or its profession)
    level: int = 10  # the role is of the level the ad asks for
    focus: int = 15  # times the share of the role's own work that the ad asks


WEIGHTS = Weights()
JUNIOR_TITLE = re.compile(
    r"junior|einsteiger|einstieg|trainee|volontär|volontariat|volontaer"
    r"|werkstudent|praktikum|praktikant|assistant|assistenz|auszubildend|azubi",
    re.I,
)
SENIOR_TITLE = re.compile(
    r"senior|lead|head of|leitung|leiter(?:in)?|teamlead|team lead"
    r"|director|chef(?:in)?",
    re.I,
)
JUNIOR_BODY = re.compile(
    r"berufseinst|berufsanf|erste(?:n)? (?:berufs)?erfahrung|absolvent"
    r"|nach (?:dem|deinem|ihrem) studium|direkt nach",
    re.I,
)
SENIOR_BODY = re.compile(
    r"führ(?:en|st|t) (?:ein|das|unser|dein|ihr)\w* team|(?:fachliche|disziplinarische)"
    r" (?:führung|leitung)|führungsverantwortung|leitest (?:ein|das|unser)"
    r"|leiten (?:ein|das|unser)\w* team|teamleitung übernehm",
    re.I,
)
TIE_RULES = ("excluded", "misreading", "focus", "reviewed")
TASK_SHARE = 4 / 7  # of the Passung, when the resemblance counts too
RESEMBLANCE_FULL = 0.5  # cosine at which an ad reads fully like a role's ads
TIE_REASONS = {
    "work": gettext_lazy("Sie erfüllt mehr von der verlangten Arbeit."),
    "excluded": gettext_lazy("Sie schließt weniger der verlangten Arbeit aus."),
    "misreading": gettext_lazy(
        "Die andere Rolle ist nur ein verbreitetes Missverständnis."
    ),
    "focus": gettext_lazy("Die Anzeige verlangt mehr von ihrer eigenen Arbeit."),
    "reviewed": gettext_lazy("Ihre Beschreibung ist geprüft."),
    "alphabet": gettext_lazy("Sonst gleich: nach dem Alphabet."),
}


def asked_level(title: str, work: str) -> str:
    """The level the ad asks for: said in the title, or in the work by leading a
    team or entering the job; "none" when it says nothing."""
    if JUNIOR_TITLE.search(title):
        return Seniority.JUNIOR
    if SENIOR_TITLE.search(title):
        return Seniority.SENIOR
    if SENIOR_BODY.search(work):
        return Seniority.SENIOR
    if JUNIOR_BODY.search(work):
        return Seniority.JUNIOR
    return Seniority.NONE


@dataclass(frozen=True)
class RoleFit:
    slug: str
    title: str
    url: str
    score: int
    """The Passung, 0–100: the share of the asked items the role fulfils (with
    the resemblance: four sevenths of it, three sevenths the resemblance)."""
    owned: tuple[str, ...]
    carried_out: tuple[str, ...]
    contributed: tuple[str, ...]
    excluded: tuple[str, ...]
    named_in_title: bool
    card: RoleCard
    resemblance: int | None = None
    """0–100: how much the ad reads like the labelled ads of this role."""
    decided_by: str = ""
    """The tie rule that put it above the next role with the same score."""

    @property
    def tie_reason(self) -> str:
        return str(TIE_REASONS[self.decided_by]) if self.decided_by else ""


def task_points(
    asked: list[str], catalogue: Catalogue, weights: Weights
) -> Counter[int]:
    """Per role number: points for the asked tasks it does, less those it
    explicitly excludes (counted in C, over all roles at once)."""
    doing = {}
    for task in asked:
        doing[(task, OWNS)] = weights.full
        doing[(task, CARRIES_OUT)] = weights.carries_out
        doing[(task, CONTRIBUTES)] = weights.contributes
    points = catalogue.weighted_cover(doing)
    if weights.excluded:
        excluded = {(task, EXCLUDED): weights.excluded for task in asked}
        points.subtract(catalogue.weighted_cover(excluded))
    return points


def rank_roles(
    asked: list[str],
    catalogue: Catalogue,
    *,
    level: str = Seniority.NONE,
    named: set[int] = frozenset(),
    mentioned: set[int] = frozenset(),
    resemblance: dict[str, float] | None = None,
) -> list[RoleFit]:
    """The roles that fit best, best first (at most SHOWN). ``resemblance``: role
    slug → cosine of the ad with that role's ads (hiring/resemblance.py)."""
    weights = WEIGHTS
    points = _points(asked, catalogue, weights, level, named)
    total = (
        weights.full * len(asked)
        + weights.level * (level != Seniority.NONE)
        + weights.title * bool(named)
        + weights.focus
    )
    keyed = []
    for number in _shortlist(points, catalogue):
        card = catalogue.cards[number]
        keys = _keys(
            card, asked, points[number], number in mentioned or number in named
        )
        keyed.append((keys, card, number))
    keyed.sort(key=lambda item: item[0])
    fits = [
        _fit(card, asked, _share(points[number], total), number in named)
        for _keys_, card, number in keyed[:SHOWN]
    ]
    keys = [k for k, _c, _n in keyed[:SHOWN]]
    if resemblance is not None:
        fits, keys = _with_resemblance(fits, keys, resemblance)
    return _with_tie_rules(fits, keys)


def _with_resemblance(
    fits: list[RoleFit], keys: list[tuple], resemblance: dict[str, float]
) -> tuple[list[RoleFit], list[tuple]]:
    """The Passung with the resemblance in it, and the roles ordered by it (the
    rules' order decides between equal ones)."""
    scored = []
    for fit in fits:
        alike = round(100 * min(1.0, resemblance.get(fit.slug, 0.0) / RESEMBLANCE_FULL))
        score = round(TASK_SHARE * fit.score + (1 - TASK_SHARE) * alike)
        scored.append(replace(fit, score=score, resemblance=alike))
    # Described roles stay first, as in the rules' order: a role of ticks alone
    # has no ads to resemble and must not crowd out the real ones.
    order = sorted(
        range(len(fits)),
        key=lambda n: (not fits[n].card.is_described, -scored[n].score, n),
    )
    return [scored[n] for n in order], [keys[n] for n in order]


def _points(asked, catalogue: Catalogue, weights: Weights, level, named) -> Counter:
    """Per role number: the asked tasks it does, the title that names it, the
    asked level, and — for the roles it could still lift — the focus."""
    points = task_points(asked, catalogue, weights)
    level_asked = level != Seniority.NONE
    for number in named:
        points.setdefault(number, 0)
    if level_asked:
        for number in _of_level(points, level, catalogue):
            points.setdefault(number, 0)
    for number in list(points):
        card = catalogue.cards[number]
        if card is None:
            continue
        points[number] += weights.title * (number in named)
        points[number] += weights.level * (level_asked and card.seniority == level)
    for number in _within_reach(points, weights.focus, catalogue):
        points[number] += round(weights.focus * _focus(catalogue.cards[number], asked))
    return points


def _within_reach(points: Counter[int], focus: int, catalogue: Catalogue) -> list[int]:
    """The roles the focus could still lift to the top: at 10,000 roles it is
    counted for a few hundred, not for all."""
    if not focus:
        return []
    ranked = heapq.nlargest(
        REACH,
        (
            (catalogue.cards[n].is_described, count, -n)
            for n, count in points.items()
            if catalogue.cards[n] is not None and count > 0
        ),
    )
    if not ranked:
        return []
    last_shown = ranked[min(len(ranked), SHOWN) - 1][:2]
    return [
        -n for described, count, n in ranked if (described, count + focus) >= last_shown
    ]


REACH = 400


def _focus(card: RoleCard, asked: list[str]) -> float:
    """How much of the role's own work (what it owns or carries out) is asked."""
    core = card.core
    return len(core.intersection(asked)) / len(core) if core else 0.0


def _share(points: int, total: int) -> int:
    return max(0, round(100 * points / total)) if total else 0


def _of_level(points: Counter[int], level: str, catalogue: Catalogue) -> list[int]:
    """The roles of the asked level in the lines of work that fit at all."""
    lineages = {catalogue.cards[n].lineage for n in points if catalogue.cards[n]}
    return [
        n
        for n, card in enumerate(catalogue.cards)
        if card is not None and card.seniority == level and card.lineage in lineages
    ][:SHORTLIST]


def _shortlist(points: Counter[int], catalogue: Catalogue) -> list[int]:
    """The best by points, described roles first (ties at the cut kept)."""
    scored = [
        (catalogue.cards[n].is_described, count, -n)
        for n, count in points.items()
        if catalogue.cards[n] is not None and count > 0
    ]
    if len(scored) <= SHORTLIST:
        return [-n for _d, _c, n in scored]
    cut = heapq.nlargest(SHORTLIST, scored)[-1][:2]
    return [-n for d, c, n in scored if (d, c) >= cut]


def _keys(card: RoleCard, asked: list[str], points: int, named: bool) -> tuple:
    excluded = sum(1 for t in asked if card.tasks.get(t) == EXCLUDED)
    misreading = card.is_misreading and not named
    core = card.core
    focus = len(core & set(asked)) / len(core) if core else 0.0
    rules = {
        "excluded": excluded,
        "misreading": misreading,
        "focus": -round(focus, 3),
        "reviewed": not card.is_reviewed,
    }
    return (not card.is_described, -points, *(rules[r] for r in TIE_RULES), card.title)


def _fit(card: RoleCard, asked: list[str], score: int, in_title: bool) -> RoleFit:
    def having(responsibility: str) -> tuple[str, ...]:
        return tuple(t for t in asked if card.tasks.get(t) == responsibility)

    return RoleFit(
        slug=card.slug,
        title=card.title,
        url=card.url,
        score=score,
        owned=having(OWNS),
        carried_out=having(CARRIES_OUT),
        contributed=having(CONTRIBUTES),
        excluded=having(EXCLUDED),
        named_in_title=in_title,
        card=card,
    )


def _with_tie_rules(fits: list[RoleFit], keys: list[tuple]) -> list[RoleFit]:
    """Name the rule that decided between neighbours with the same score."""
    decided = []
    for n, fit in enumerate(fits):
        rule = ""
        if n + 1 < len(fits) and fits[n + 1].score == fit.score:
            rule = _deciding_rule(keys[n], keys[n + 1])
        decided.append(_replace(fit, rule))
    return decided


def _deciding_rule(first: tuple, second: tuple) -> str:
    if first[1] != second[1]:  # equal Passung, unequal work: the resemblance counts
        return "work"
    for position, name in enumerate(TIE_RULES, start=2):
        if first[position] != second[position]:
            return name
    return "alphabet"


def _replace(fit: RoleFit, rule: str) -> RoleFit:
    return replace(fit, decided_by=rule)
