"""The short guide: six plain questions lead a company to the one or two roles that
fit, and a practitioner from what they do to the role that describes them.

Every answer is scored against the role data itself (orientation, position,
company sizes, what the role owns), so the reasons shown are facts of the roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.index import TASK, CatalogueIndex, RoleProfile
from hiring.scoring import RoleFit, rank_roles
from roles.choices import (
    CompanySize,
    Family,
    Position,
    Responsibility,
    Seniority,
)

DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT}
SECOND_WITHIN = 0.8  # a second role is named when it scores this close to the first

QUESTIONS = [
    ("size", gettext_lazy("Wie groß ist Ihr Unternehmen?"), list(CompanySize.choices)),
    (
        "focus",
        gettext_lazy("Was soll die Person vor allem tun?"),
        [
            ("strategy", gettext_lazy("planen und die Richtung vorgeben")),
            ("daily", gettext_lazy("die tägliche Arbeit in den Netzwerken machen")),
            ("both", gettext_lazy("beides")),
        ],
    ),
    (
        "position",
        gettext_lazy("Soll die Person bei Ihnen angestellt sein?"),
        [
            ("internal", gettext_lazy("ja, im Haus")),
            ("external", gettext_lazy("nein, Hilfe von außen")),
            ("any", gettext_lazy("egal")),
        ],
    ),
    (
        "dialogue",
        gettext_lazy("Soll die Person selbst mit Kundschaft und Fans sprechen?"),
        [("yes", gettext_lazy("ja")), ("no", gettext_lazy("nein"))],
    ),
    (
        "inside",
        gettext_lazy(
            "Geht es auch um die Zusammenarbeit im Haus, etwa Intranet oder Schulungen?"
        ),
        [("yes", gettext_lazy("ja")), ("no", gettext_lazy("nein"))],
    ),
    (
        "lead",
        gettext_lazy("Soll die Person ein Team führen?"),
        [("yes", gettext_lazy("ja")), ("no", gettext_lazy("nein"))],
    ),
]
QUESTION_KEYS = [key for key, _text, _options in QUESTIONS]


PLAIN_POSITION = {
    Position.INTERNAL: gettext_lazy("Arbeitet meist im Haus."),
    Position.EXTERNAL: gettext_lazy("Kommt meist von außen."),
    Position.BOTH: gettext_lazy("Arbeitet im Haus oder von außen."),
}


def _plain_orientation(orientation: int) -> str:
    """The strategic–operative scale as one short sentence about the role."""
    if orientation <= 2:
        return _("Plant vor allem.")
    if orientation <= 4:
        return _("Plant mehr, als sie umsetzt.")
    if orientation == 5:
        return _("Plant und setzt um.")
    if orientation <= 7:
        return _("Setzt mehr um, als sie plant.")
    return _("Macht vor allem die tägliche Arbeit.")


@dataclass(frozen=True)
class Recommendation:
    role: RoleProfile
    score: float
    reasons: tuple[str, ...]
    tasks: tuple[str, ...] = ()  # the role's own tasks behind the reasons


def valid_answers(raw) -> dict[str, str]:
    """Only known answers to known questions; the rest is ignored."""
    answers = {}
    for key, _text, options in QUESTIONS:
        value = raw.get(key, "")
        if value in {code for code, _label in options}:
            answers[key] = value
    return answers


def recommend(answers: dict[str, str], index: CatalogueIndex) -> list[Recommendation]:
    candidates = [
        profile
        for profile in index.roles.values()
        if not profile.only_confused_with and profile.family != Family.NEIGHBOURING
    ]
    scored = [_score(profile, answers, index) for profile in candidates]
    scored.sort(key=lambda r: (-r.score, r.role.title))
    if not scored:
        return []
    best = scored[0]
    chosen = [best]
    if len(scored) > 1 and scored[1].score >= SECOND_WITHIN * best.score > 0:
        chosen.append(scored[1])
    return chosen


def _areas(profile: RoleProfile, index: CatalogueIndex, areas: set[str]) -> list[str]:
    return [
        index.entries[(TASK, slug)].plain_name
        for slug, responsibility in profile.tasks.items()
        if responsibility in DOING and index.entries[(TASK, slug)].area in areas
    ]


def _score(profile: RoleProfile, answers: dict[str, str], index) -> Recommendation:
    score, reasons, evidence = 0.0, [], []
    size = answers.get("size")
    if size and profile.company_sizes:
        if size in profile.company_sizes:
            score += 2
            reasons.append(_("Passt zur Größe Ihrer Firma."))
        else:
            score -= 1
    focus = answers.get("focus")
    if focus:
        # Graded, not a yes/no: a role at 2 plans more than one at 4.
        closeness = {
            "strategy": 3 - 0.5 * profile.orientation,
            "daily": 0.5 * profile.orientation - 2,
            "both": 2 - 0.6 * abs(profile.orientation - 5),
        }[focus]
        score += closeness
        if closeness > 0:
            reasons.append(str(_plain_orientation(profile.orientation)))
    position = answers.get("position")
    if position in (Position.INTERNAL, Position.EXTERNAL):
        if profile.position == position:
            score += 2
        elif profile.position == Position.BOTH:
            score += 1
        else:
            score -= 2
        if profile.position in (position, Position.BOTH):
            reasons.append(str(PLAIN_POSITION[profile.position]))
    for answer, areas, reason in (
        (
            answers.get("dialogue"),
            {"community"},
            _("Spricht selbst mit der Community."),
        ),
        (
            answers.get("inside"),
            {"internal", "training"},
            _("Hilft bei der Arbeit im Haus."),
        ),
    ):
        tasks = _areas(profile, index, areas)
        score += _task_answer(answer, tasks)
        if answer == "yes" and tasks:
            reasons.append(reason)
            evidence.extend(tasks)
    lead = answers.get("lead")
    if lead == "yes":
        score += 2 if profile.seniority == Seniority.SENIOR else -1
        if profile.seniority == Seniority.SENIOR:
            reasons.append(_("Ist die erfahrene Stufe und leitet andere an."))
    elif lead == "no" and profile.seniority == Seniority.SENIOR:
        score -= 1
    if profile.seniority == Seniority.JUNIOR:
        score -= 0.5  # a company asking these questions rarely starts with a junior
    return Recommendation(profile, score, tuple(reasons), tuple(evidence))


def _task_answer(answer, tasks: list[str]) -> float:
    if answer == "yes":
        return 2 if tasks else -1
    if answer == "no" and tasks:
        return -1.5
    return 0


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
