"""The entrance for practitioners: from what they do to the role that describes
them, and a profile for employers with what is *not* their work."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from hiring.index import TASK, CatalogueIndex
from hiring.scoring import RoleFit, rank_roles
from roles.choices import (
    Responsibility,
)

DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT}
SECOND_WITHIN = 0.8  # a second role is named when it scores this close to the first

# --- practitioners --------------------------------------------------------------

PRACTICE = [
    ("", gettext_lazy("—")),
    (Responsibility.OWNS, gettext_lazy("verantworte ich")),
    (Responsibility.CARRIES_OUT, gettext_lazy("führe ich aus")),
    (Responsibility.CONTRIBUTES, gettext_lazy("wirke ich mit")),
    (Responsibility.EXCLUDED, gettext_lazy("nicht meine Aufgabe")),
]
PRACTICE_STRENGTH = {
    Responsibility.OWNS: 1.0,
    Responsibility.CARRIES_OUT: 0.8,
    Responsibility.CONTRIBUTES: 0.4,
}


@dataclass(frozen=True)
class PractitionerMatch:
    fit: RoleFit | None
    expected_not_ticked: tuple[str, ...]
    ticked: dict[str, list[str]]


def match_practitioner(
    ticks: dict[str, str], index: CatalogueIndex
) -> PractitionerMatch:
    """``ticks`` maps task slugs to a responsibility the practitioner chose."""
    ticks = {
        slug: value
        for slug, value in ticks.items()
        if (TASK, slug) in index.entries and value in dict(PRACTICE) and value
    }
    asked = {
        s: PRACTICE_STRENGTH[v] for s, v in ticks.items() if v in PRACTICE_STRENGTH
    }
    declined = {s for s, v in ticks.items() if v == Responsibility.EXCLUDED}
    fits = rank_roles(asked, declined, set(), index) if asked else []
    grouped = {
        value: [
            index.entries[(TASK, s)].plain_name for s, v in ticks.items() if v == value
        ]
        for value, _label in PRACTICE[1:]
    }
    if not fits:
        return PractitionerMatch(None, (), grouped)
    role = index.roles[fits[0].slug]
    expected = tuple(
        index.entries[(TASK, slug)].plain_name
        for slug, responsibility in sorted(role.tasks.items())
        if responsibility in DOING and slug not in asked
    )
    return PractitionerMatch(fits[0], expected, grouped)
