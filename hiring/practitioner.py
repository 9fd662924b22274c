"""The entrance for practitioners: from what they do to the role that describes
them, and a profile for employers with what is *not* their work."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from hiring.catalogue import DOING_CORE, Catalogue
from hiring.ranking import RoleFit, rank_roles
from roles.choices import Responsibility

PRACTICE = [
    ("", gettext_lazy("—")),
    (Responsibility.OWNS, gettext_lazy("verantworte ich")),
    (Responsibility.CARRIES_OUT, gettext_lazy("führe ich aus")),
    (Responsibility.CONTRIBUTES, gettext_lazy("wirke ich mit")),
    (Responsibility.EXCLUDED, gettext_lazy("nicht meine Aufgabe")),
]
DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT}


@dataclass(frozen=True)
class PractitionerMatch:
    fit: RoleFit | None
    expected_not_ticked: tuple[str, ...]
    ticked: dict[str, list[str]]


def match_practitioner(
    ticks: dict[str, str], catalogue: Catalogue
) -> PractitionerMatch:
    """``ticks`` maps task slugs to a responsibility the practitioner chose; the
    tasks they own or carry out are measured as an ad's asked work is."""
    ticks = {
        slug: value
        for slug, value in ticks.items()
        if catalogue.task(slug) and value in dict(PRACTICE) and value
    }
    asked = sorted(s for s, v in ticks.items() if v in DOING)
    fits = rank_roles(asked, catalogue) if asked else []
    grouped = {
        value: [catalogue.task(s).plain_name for s, v in ticks.items() if v == value]
        for value, _label in PRACTICE[1:]
    }
    if not fits:
        return PractitionerMatch(None, (), grouped)
    role = fits[0].card
    expected = tuple(
        catalogue.task(slug).plain_name
        for slug, responsibility in sorted(role.tasks.items())
        if responsibility in DOING_CORE and slug not in ticks
    )
    return PractitionerMatch(fits[0], expected, grouped)
