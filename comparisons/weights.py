"""How much a row's difference matters, and what exactly differs, in words.

Weights run from 0 (the same) to 4 (one role owns a task that another explicitly
excludes). The ranking follows how the field tells roles apart: owns vs explicitly
not part of the role weighs most, then owns vs only contributes, then the same task
done another way, and a task recorded for one role but not for another least.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comparisons.tables import Difference
from roles.choices import Position, Responsibility
from roles.readmodels import CompetencyEntry, Fact, TaskEntry

NOT_RECORDED_WEIGHT = 0.5
STRENGTH = {
    Responsibility.OWNS: 3,
    Responsibility.CARRIES_OUT: 2,
    Responsibility.CONTRIBUTES: 1,
}


def _task_pair(a: TaskEntry | None, b: TaskEntry | None) -> float:
    if a is None or b is None:
        return 0.0 if a is b else NOT_RECORDED_WEIGHT
    if a.responsibility == b.responsibility:
        return 1.0 if a.note != b.note else 0.0
    excluded = {Responsibility.EXCLUDED}
    if {a.responsibility, b.responsibility} & excluded:
        doing = b if a.responsibility == Responsibility.EXCLUDED else a
        return 1.0 + STRENGTH.get(Responsibility(doing.responsibility), 0)
    gap = abs(
        STRENGTH[Responsibility(a.responsibility)]
        - STRENGTH[Responsibility(b.responsibility)]
    )
    return 0.5 + gap


def task_weight(assigned: Sequence[TaskEntry | None]) -> float:
    return max((_task_pair(a, b) for a, b in combinations(assigned, 2)), default=0)


def task_difference(assigned: Sequence[TaskEntry | None]) -> tuple[Difference, str]:
    """The kind of difference and its label, for a task row."""
    total = len(assigned)
    doing = [a for a in assigned if a and a.responsibility in STRENGTH]
    excluded = [
        a for a in assigned if a and a.responsibility == Responsibility.EXCLUDED
    ]
    if doing and excluded:
        return Difference.EXCLUDED, ngettext(
            "bei einer Rolle ausdrücklich nicht ihre Aufgabe",
            "bei %(count)s Rollen ausdrücklich nicht ihre Aufgabe",
            len(excluded),
        ) % {"count": len(excluded)}
    if doing and len(doing) < total:
        verbs = _("übernimmt das"), _("übernehmen das")
        return Difference.ONLY_SOME, _only(len(doing), total, *verbs)
    if len({a.responsibility if a else "" for a in assigned}) > 1:
        if not doing:
            return Difference.NOT_RECORDED, _(
                "zu einigen Rollen sagt der Katalog nichts"
            )
        return Difference.RESPONSIBILITY, _("unterschiedlich stark beteiligt")
    if len({a.note if a else "" for a in assigned}) > 1:
        return Difference.NOTE, _("gleich beteiligt, anders ausgeführt")
    return Difference.SAME, _("gleich")


def competency_weight(assigned: Sequence[CompetencyEntry | None]) -> float:
    def pair(a, b) -> float:
        if a is None or b is None:
            return 0.0 if a is b else 1.0
        weight = float(abs(a.level - b.level))
        if a.is_essential != b.is_essential:
            weight = max(weight, 1.0)
        if weight == 0 and a.note != b.note:
            weight = NOT_RECORDED_WEIGHT
        return min(weight, 3.0)

    return max((pair(a, b) for a, b in combinations(assigned, 2)), default=0)


def competency_difference(
    assigned: Sequence[CompetencyEntry | None],
) -> tuple[Difference, str]:
    present = [a for a in assigned if a is not None]
    if len(present) < len(assigned):
        verbs = _("braucht das"), _("brauchen das")
        return Difference.ONLY_SOME, _only(len(present), len(assigned), *verbs)
    if len({a.level for a in present}) > 1:
        return Difference.LEVEL, _("unterschiedliche Stufe")
    if len({a.is_essential for a in present}) > 1:
        return Difference.LEVEL, _("gleiche Stufe, unterschiedlich wichtig")
    if len({a.note for a in present}) > 1:
        return Difference.NOTE, _("gleiche Stufe, andere Anmerkung")
    return Difference.SAME, _("gleich")


def _only(count: int, total: int, one_verb: str, many_verb: str) -> str:
    if count == 1:
        return _("nur eine Rolle %(verb)s") % {"verb": one_verb}
    return _("nur %(count)s von %(total)s Rollen %(verb)s") % {
        "count": count,
        "total": total,
        "verb": many_verb,
    }


FACT_WEIGHTS = {"summary": 0.0, "company_sizes": 1.5, "seniority": 1.5, "salary": 1.0}
OTHER_FACT_WEIGHT = 0.5


def fact_weight(facts: Sequence[Fact]) -> float:
    codes = [fact.code for fact in facts]
    if len(set(codes)) <= 1:
        return 0.0
    key = facts[0].key
    if key == "orientation":
        gap = max(map(int, codes)) - min(map(int, codes))
        return 3.0 if gap >= 4 else 2.0 if gap >= 2 else OTHER_FACT_WEIGHT
    if key == "position":
        return 3.0 if {Position.INTERNAL, Position.EXTERNAL} <= set(codes) else 1.5
    return FACT_WEIGHTS.get(key, OTHER_FACT_WEIGHT)
