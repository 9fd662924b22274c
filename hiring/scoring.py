"""Which roles fit what an ad asks for, and why.

Each asked task counts by how the role stands to it (owns, carries out, contributes,
explicitly excluded), scaled by how surely the ad asks for it; the sum is divided by
what a role that owns every asked task would get. That ranks the roles. The score
shown is simpler: the share of the asked tasks the role owns or carries out.
Smaller signals break ties between close roles: the title the ad uses, words for
the career stage, and tasks the ad declines.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from hiring.index import CatalogueIndex, RoleProfile
from hiring.matching import Recognition
from roles.choices import Responsibility, Seniority

TASK_WEIGHT = {
    Responsibility.OWNS: 3.0,
    Responsibility.CARRIES_OUT: 2.4,
    Responsibility.CONTRIBUTES: 0.8,
    Responsibility.EXCLUDED: -3.0,
}
NOT_RECORDED = -0.4
COMPETENCY_WEIGHT = 0.15  # per asked competency the role needs, times its level / 4
TITLE_BONUS = 0.3
TITLE_SHARE = 0.3  # of the asked tasks the named role must own or carry out
STAGE_BONUS = 0.1
DECLINED_BONUS = 0.04  # per task the ad rules out that the role also rules out
BREADTH_WEIGHT = 0.12  # share of the role's own core that the ad asks for

JUNIOR_WORDS = re.compile(
    r"\bjunior|berufseinst|einsteiger|einstieg\b|erste(?:n)? (?:berufs)?erfahrung"
    r"|trainee|volontär|absolvent|nach (?:dem|deinem|ihrem) studium|werkstudent",
    re.I,
)
SENIOR_WORDS = re.compile(
    r"\bsenior|\blead\b|head of|leitung|leiten (?:ein|das|unser)|führungs"
    r"|mehrjährige|langjährige|(?:fünf|5|sechs|6|sieben|7|acht|8)\+? jahre",
    re.I,
)


@dataclass(frozen=True)
class RoleFit:
    slug: str
    title: str
    url: str
    score: int
    raw: float
    owned: tuple[str, ...]
    carried_out: tuple[str, ...]
    contributed: tuple[str, ...]
    excluded: tuple[str, ...]
    named_in_title: bool


def career_stage(text: str) -> str:
    junior = len(JUNIOR_WORDS.findall(text))
    senior = len(SENIOR_WORDS.findall(text))
    if junior > senior:
        return Seniority.JUNIOR
    if senior > junior:
        return Seniority.SENIOR
    return Seniority.NONE


def title_roles(recognition: Recognition, index: CatalogueIndex) -> list[str]:
    """The roles the ad's title names, most specific first.

    A title names a role when it holds the role's whole title or an alias, or all
    of it but words that many role titles share ("Manager"): "SEO Specialist"
    names the SEO-Manager, "Social Media (Junior)" the Junior Social Media
    Manager. Only the best-matching roles are returned."""
    named = []
    for profile in _named_candidates(recognition.title_keys, index):
        strengths = [
            strength
            for keys in profile.name_keys
            if (strength := _naming(keys, recognition.title_keys, index))
        ]
        if strengths:
            named.append((max(strengths), profile.slug))
    if not named:
        return []
    named.sort(key=lambda pair: (pair[0], pair[1]), reverse=True)
    best = named[0][0]
    return sorted(slug for strength, slug in named if strength == best)


def _named_candidates(title_keys, index: CatalogueIndex) -> list[RoleProfile]:
    """Roles sharing a word with the title: a word most titles have counts only
    with a second one, which narrows them down the same way ``_naming`` does."""
    generic = index.generic_name_keys
    found = {p.slug: p for k in title_keys - generic for p in index.named_by.get(k, ())}
    shared = sorted(title_keys & generic)
    for first, second in itertools.combinations(shared, 2):
        having_second = {p.slug for p in index.named_by.get(second, ())}
        for profile in index.named_by.get(first, ()):
            if profile.slug in having_second:
                found[profile.slug] = profile
    return list(found.values())


def _naming(keys, title_keys, index: CatalogueIndex) -> tuple[int, int] | None:
    """(words found, −words missing) when the title names these keys, else None."""
    present, missing = keys & title_keys, keys - title_keys
    generic = index.generic_name_keys
    if not present or any(key not in generic for key in missing):
        return None
    if missing and len(present) < 2 and all(key in generic for key in present):
        return None
    return (len(present), -len(missing))


def rank_roles(
    asked: dict[str, float],
    declined: set[str],
    competencies: set[str],
    index: CatalogueIndex,
    *,
    stage: str = Seniority.NONE,
    named: list[str] = (),
) -> list[RoleFit]:
    """Every role that covers part of the ad, best first."""
    if not asked:
        return []
    best_possible = TASK_WEIGHT[Responsibility.OWNS] * sum(asked.values())
    named_best = set(named)
    fits = []
    for profile in _candidates(asked, index, named_best):
        coverage = _task_fit(profile, asked) / best_possible
        raw = coverage + _extras(
            profile, asked, declined, competencies, stage, named_best
        )
        fits.append(_fit(profile, asked, coverage, raw, profile.slug in named_best))
    fits.sort(key=lambda fit: (-fit.raw, fit.title))
    return _title_first(fits, len(asked))


SHORTLIST = 60
"""Roles scored in full: the best by covered tasks (ties kept), plus the doers the
title names; at the shipped size that is every doer, so results there are the
same as scoring all. Further down, the extras could not close the gap."""


# Owning and carrying out weigh 3.0 : 2.4 = 5 : 4. Counting each owner five and
# each carrier four times gives every role its covered weight (× 5/3) while the
# counting stays inside collections.Counter's C loop.
_RATIO = Fraction(
    TASK_WEIGHT[Responsibility.OWNS] / TASK_WEIGHT[Responsibility.CARRIES_OUT]
).limit_denominator(20)
OWNER_REPEAT, CARRIER_REPEAT = _RATIO.numerator, _RATIO.denominator


def _candidates(asked, index: CatalogueIndex, named: set[str]) -> list[RoleProfile]:
    """Only a role that owns or carries out an asked task can fit; of those, the
    shortlist by covered weight gets the full, slower scoring."""
    covered: Counter[int] = Counter()
    for slug in asked:
        covered.update(index.owners.get(slug, ()) * OWNER_REPEAT)
        covered.update(index.carriers.get(slug, ()) * CARRIER_REPEAT)
    kept = list(covered)
    if len(covered) > SHORTLIST:
        cut = heapq.nlargest(SHORTLIST, covered.values())[-1]
        kept = [n for n, count in covered.items() if count >= cut]
        kept += [index.number[s] for s in named if index.number.get(s) in covered]
    return [index.numbered[n] for n in sorted(set(kept))]


def _title_first(fits: list[RoleFit], asked_count: int) -> list[RoleFit]:
    """The role the title names leads when it does a fair share of the asked work,
    or as much of it as any other single role: the company chose that role, and
    the warnings then say which lines do not fit it."""

    def core(fit: RoleFit) -> int:
        return len(fit.owned) + len(fit.carried_out)

    most = max((core(fit) for fit in fits), default=0)
    for position, fit in enumerate(fits):
        if not fit.named_in_title or core(fit) < 1:
            continue
        if core(fit) >= TITLE_SHARE * asked_count or core(fit) >= most:
            return [fit, *fits[:position], *fits[position + 1 :]]
    return fits


def _task_fit(profile: RoleProfile, asked: dict[str, float]) -> float:
    return sum(
        TASK_WEIGHT.get(profile.tasks.get(slug), NOT_RECORDED) * strength
        for slug, strength in asked.items()
    )


def _extras(profile, asked, declined, competencies, stage, named_best) -> float:
    extra = 0.0
    core = [s for s, r in profile.tasks.items() if r == Responsibility.OWNS]
    if core:
        extra += BREADTH_WEIGHT * sum(1 for s in core if s in asked) / len(core)
    for slug in sorted(competencies):  # a fixed order: ties break the same way
        level, essential = profile.competencies.get(slug, (0, False))
        extra += (
            COMPETENCY_WEIGHT
            * level
            / 4
            / max(len(competencies), 1)
            * (1 if essential else 0.5)
        )
    extra += DECLINED_BONUS * sum(
        1 for slug in declined if profile.tasks.get(slug) == Responsibility.EXCLUDED
    )
    if profile.slug in named_best:
        extra += TITLE_BONUS
    if profile.seniority != Seniority.NONE:
        extra += STAGE_BONUS if profile.seniority == stage else -STAGE_BONUS
    return extra


def _share_done(profile: RoleProfile, asked: dict[str, float]) -> int:
    """The score people see: the share of the ad's tasks (by how surely they are
    asked) that the role owns or carries out, in per cent."""
    done = sum(
        strength
        for slug, strength in asked.items()
        if profile.tasks.get(slug) in (Responsibility.OWNS, Responsibility.CARRIES_OUT)
    )
    return round(100 * done / sum(asked.values()))


def _fit(
    profile: RoleProfile, asked, coverage: float, raw: float, named: bool
) -> RoleFit:
    def having(responsibility: str) -> tuple[str, ...]:
        return tuple(s for s in asked if profile.tasks.get(s) == responsibility)

    return RoleFit(
        slug=profile.slug,
        title=profile.title,
        url=profile.url,
        score=_share_done(profile, asked),
        raw=raw,
        owned=having(Responsibility.OWNS),
        carried_out=having(Responsibility.CARRIES_OUT),
        contributed=having(Responsibility.CONTRIBUTES),
        excluded=having(Responsibility.EXCLUDED),
        named_in_title=named,
    )
