""" "Kurz gesagt": at most five short, plain sentences that tell roles apart.

Generated from the data, never written per pair: how strategic or operative each
role is compared with the others, inside or outside the company, the task areas it
owns where the others do not, which company sizes it fits, and how the roles work
together. Written for Einfache Sprache: one statement per sentence where possible,
active voice, the plain role titles, short words; the tests measure it (Amstad).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roles.choices import CompanySize, Position, RelationKind, Responsibility
from roles.readmodels import RoleData

MAX_SENTENCES = 5
CLEAR_GAP = 2
"""Orientations this far apart tell the more strategic role from the other."""
STRATEGIC_UP_TO, OPERATIVE_FROM = 3, 7
FEW_ROLES = 3
"""Up to this many roles get a sentence each; more are grouped."""

# How much each responsibility counts towards a role's focus on a task area.
INVOLVEMENT = {
    Responsibility.OWNS: 3,
    Responsibility.CARRIES_OUT: 2,
    Responsibility.CONTRIBUTES: 1,
    Responsibility.EXCLUDED: -2,
}
# What a role does in a task area, as a short verb phrase in short words.
AREA_PHRASES = {
    "strategy": gettext_lazy("plant die Strategie"),
    "content": gettext_lazy("schreibt Beiträge"),
    "community": gettext_lazy("spricht mit der Community"),
    "analysis": gettext_lazy("misst, was wirkt"),
    "internal": gettext_lazy("hilft beim Wandel im Haus"),
    "training": gettext_lazy("schult das Team"),
    "design-tech": gettext_lazy("macht Design und Technik"),
}
# The first sentence about a role: its stance (how strategic compared with the
# others) and where it works.
STANCE_PHRASES = {
    ("does", Position.INTERNAL): gettext_lazy("setzt im Haus um"),
    ("does", Position.EXTERNAL): gettext_lazy("setzt von außen um"),
    ("does", Position.BOTH): gettext_lazy("setzt um"),
    ("plans", Position.INTERNAL): gettext_lazy("plant im Haus"),
    ("plans", Position.EXTERNAL): gettext_lazy("prüft die Firma von außen"),
    ("plans", Position.BOTH): gettext_lazy("plant vor allem"),
    ("both", Position.INTERNAL): gettext_lazy("plant und setzt im Haus um"),
    ("both", Position.EXTERNAL): gettext_lazy("plant und setzt von außen um"),
    ("both", Position.BOTH): gettext_lazy("plant und setzt um"),
}
RELATION_SENTENCES = {
    RelationKind.SUPPORTS: gettext_lazy("%(a)s unterstützt %(b)s."),
    RelationKind.COLLABORATES: gettext_lazy("%(a)s arbeitet eng mit %(b)s zusammen."),
    RelationKind.HANDS_WORK_TO: gettext_lazy("%(a)s gibt Arbeit an %(b)s ab."),
    RelationKind.SPECIALISATION_OF: gettext_lazy("%(a)s ist eine Form von %(b)s."),
    RelationKind.CONFUSED_WITH: gettext_lazy("%(a)s wird oft mit %(b)s verwechselt."),
}
RELATION_PREFERENCE = [
    RelationKind.SUPPORTS, RelationKind.HANDS_WORK_TO, RelationKind.COLLABORATES,
    RelationKind.SPECIALISATION_OF, RelationKind.CONFUSED_WITH,
]  # fmt: skip


@dataclass(frozen=True)
class _Profile:
    role: RoleData
    stance: str
    """``does`` (the most operative here), ``plans`` (the most strategic) or
    ``both``."""
    focus: tuple[str, ...]
    """Task areas this role carries more of than the others, strongest first."""


def verdict(roles: Sequence[RoleData]) -> list[str]:
    """The sentences of "Kurz gesagt", at most five."""
    profiles = [_profile(role, roles) for role in roles]
    if len(roles) == 2:
        sentences = [s for p in profiles for s in _role_sentences(p, detail=True)]
    elif len(roles) <= FEW_ROLES:
        sentences = [s for p in profiles for s in _role_sentences(p, detail=False)]
    else:
        sentences = _grouped_sentences(profiles)
    sentences += _size_sentences(roles)
    sentences += _relation_sentences(roles)
    sentences += _choice_sentences(profiles)
    return sentences[:MAX_SENTENCES]


def _profile(role: RoleData, roles: Sequence[RoleData]) -> _Profile:
    return _Profile(role, _stance(role, roles), _focus(role, roles))


def _stance(role: RoleData, roles: Sequence[RoleData]) -> str:
    """Relative to the others where they differ; on the 0–10 scale where not."""
    lowest = min(r.orientation for r in roles)
    highest = max(r.orientation for r in roles)
    if highest - lowest >= CLEAR_GAP and role.orientation in (lowest, highest):
        return "does" if role.orientation == highest else "plans"
    if role.orientation <= STRATEGIC_UP_TO:
        return "plans"
    if role.orientation >= OPERATIVE_FROM:
        return "does"
    return "both"


def _area_scores(role: RoleData) -> dict[str, int]:
    scores: dict[str, int] = {}
    for task in role.tasks:
        scores[task.area] = scores.get(task.area, 0) + INVOLVEMENT.get(
            Responsibility(task.responsibility), 0
        )
    return scores


def _focus(role: RoleData, roles: Sequence[RoleData]) -> tuple[str, ...]:
    """Areas where this role is more involved than every other compared role."""
    mine = _area_scores(role)
    others = [_area_scores(r) for r in roles if r.slug != role.slug]
    margins = {
        area: score - max((o.get(area, 0) for o in others), default=0)
        for area, score in mine.items()
        if score > 0
    }
    ranked = sorted(
        (area for area, margin in margins.items() if margin > 0),
        key=lambda area: (-margins[area], -mine[area]),
    )
    if not ranked:  # nothing stands out: name what it does most
        ranked = sorted((a for a, s in mine.items() if s > 0), key=lambda a: -mine[a])
    return tuple(area for area in ranked if area in AREA_PHRASES)[:2]


def _role_sentences(profile: _Profile, *, detail: bool) -> list[str]:
    """ "X setzt im Haus um." and, with detail, "Die Rolle schreibt Beiträge."."""
    stance = str(STANCE_PHRASES[(profile.stance, Position(profile.role.position))])
    areas = [area for area in profile.focus if area != "strategy"]
    if "strategy" in profile.focus or (
        profile.stance == "plans" and _area_scores(profile.role).get("strategy", 0) > 0
    ):
        areas.insert(0, "strategy")  # a planner's strategy work comes first
    focus = [str(AREA_PHRASES[area]) for area in areas]
    first = _("%(role)s %(does)s.") % {"role": profile.role.title, "does": stance}
    if not focus:
        return [first]
    if not detail:
        return [
            _("%(role)s %(does)s.")
            % {"role": profile.role.title, "does": _and([stance, focus[0]])}
        ]
    return [first, _("Die Rolle %(does)s.") % {"does": _and(focus[:2])}]


def _grouped_sentences(profiles: list[_Profile]) -> list[str]:
    """Many roles: who plans, who implements, who works from outside."""
    groups = {  # (one role, several roles)
        "plans": (_("%(roles)s plant vor allem."), _("%(roles)s planen vor allem.")),
        "does": (
            _("%(roles)s setzt vor allem um."),
            _("%(roles)s setzen vor allem um."),
        ),
        "both": (
            _("%(roles)s plant und setzt um."),
            _("%(roles)s planen und setzen um."),
        ),
    }
    sentences = []
    for stance, (one, many) in groups.items():
        titles = [p.role.title for p in profiles if p.stance == stance]
        if titles:
            template = one if len(titles) == 1 else many
            sentences.append(template % {"roles": _and(titles)})
    outside = [p.role.title for p in profiles if p.role.position == Position.EXTERNAL]
    if outside and len(outside) < len(profiles):
        template = (
            _("%(roles)s arbeitet von außen.")
            if len(outside) == 1
            else _("%(roles)s arbeiten von außen.")
        )
        sentences.append(template % {"roles": _and(outside)})
    return sentences


def _size_sentences(roles: Sequence[RoleData]) -> list[str]:
    """What a small company gets, when only one of the roles fits small firms.

    Where that role works with the others (a recorded relation), small firms
    often have it do their part too; otherwise only the fit is stated.
    """
    small = [r for r in roles if CompanySize.SMALL in r.company_sizes]
    not_small = [r for r in roles if r.company_sizes and r not in small]
    if len(small) != 1 or not not_small:
        return []
    role = small[0]
    related = {r.to_slug for r in role.relations} | {
        r.slug for r in not_small if any(x.to_slug == role.slug for x in r.relations)
    }
    if all(other.slug in related for other in not_small):
        template = _(
            "In kleinen Firmen übernimmt %(role)s oft auch die Arbeit von %(others)s."
        )
        return [
            template
            % {"role": role.title, "others": _and([r.title for r in not_small])}
        ]
    return [_("Für kleine Firmen passt nur %(role)s.") % {"role": role.title}]


def _relation_sentences(roles: Sequence[RoleData]) -> list[str]:
    titles = {role.slug: role.title for role in roles}
    found = {}
    for role in roles:
        for relation in role.relations:
            if relation.to_slug in titles and relation.kind not in found:
                found[relation.kind] = (role.title, titles[relation.to_slug])
    for kind in RELATION_PREFERENCE:
        if kind in found:
            a, b = found[kind]
            return [str(RELATION_SENTENCES[kind]) % {"a": a, "b": b}]
    return []


def _choice_sentences(profiles: list[_Profile]) -> list[str]:
    """When a company needs which: the doer for daily work, the planner for a plan."""
    does = [p.role.title for p in profiles if p.stance == "does"]
    plans = [p.role.title for p in profiles if p.stance == "plans"]
    if len(does) == 1 and len(plans) == 1:
        return [
            _("Für die tägliche Arbeit passt %(does)s, für den Plan %(plans)s.")
            % {"does": does[0], "plans": plans[0]}
        ]
    return []


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s und %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }
