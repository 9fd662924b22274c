""" "Kurz gesagt": at most five short, plain sentences — first what each role is,
then what differs here.

What a role is gets said the same way in every comparison, from its own data:
how strategic it is (orientation), where it works (position), its level, and the
work that marks it (its signature task). The Social Media Manager always plans
and implements; the Berater always looks from outside; the Community Manager
always talks with the community. Then, for two roles, the differences that
matter (work only one of them does, company sizes, how they work together); for
three or more, whom to hire for what ("Wer … braucht, sucht …").

Written for Einfache Sprache: one statement per sentence, active voice, articles
and plain role names; the tests measure it (Amstad) and check the domain facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from roles.choices import CompanySize, Position, RelationKind, Responsibility, Seniority
from roles.readmodels import RoleData

MAX_SENTENCES = 5
PLANS_UP_TO, DOES_FROM = 3, 7
"""Orientation 0–10: up to 3 a role mostly plans, from 7 it does the daily work."""
DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT}
STRATEGY_TASKS = {"social-media-strategie", "ist-analyse"}

# What marks a role, by its signature task: a short verb phrase and a need.
SIGNATURES = {
    "grafikdesign": (
        gettext_lazy("gestaltet Bilder und Layouts"),
        gettext_lazy("Gestaltung"),
    ),
    "webentwicklung": (
        gettext_lazy("baut Websites und Apps"),
        gettext_lazy("eine Website oder App"),
    ),
    "suchmaschinenoptimierung": (
        gettext_lazy("sorgt dafür, dass die Website gefunden wird"),
        gettext_lazy("mehr Besuche über Google"),
    ),
    "inhalte-platzieren": (
        gettext_lazy("bringt Botschaften in die Medien"),
        gettext_lazy("Pressearbeit"),
    ),
    "mitarbeitende-schulen": (
        gettext_lazy("schult die Leute in der Firma"),
        gettext_lazy("Schulungen"),
    ),
    "social-intranet": (
        gettext_lazy("bringt die Leute im Haus ins Gespräch"),
        gettext_lazy("Zusammenarbeit im Haus"),
    ),
    "community-aufbau": (
        gettext_lazy("spricht mit der Community"),
        gettext_lazy("Gespräche mit der Community"),
    ),
    "fragen-beantworten": (
        gettext_lazy("spricht mit der Community"),
        gettext_lazy("Gespräche mit der Community"),
    ),
    "beitraege-schreiben": (
        gettext_lazy("schreibt Texte und stellt sie online"),
        gettext_lazy("Texte"),
    ),
    "veroeffentlichen": (
        gettext_lazy("schreibt im eigenen Blog"),
        gettext_lazy("Beiträge im eigenen Blog"),
    ),
}
NATURES = {
    "both": (
        gettext_lazy("plant und setzt selbst um"),
        gettext_lazy("Planung und Umsetzung aus einer Hand"),
    ),
    "outside": (
        gettext_lazy("schaut von außen auf die Firma und plant"),
        gettext_lazy("einen Blick von außen"),
    ),
    "leads": (
        gettext_lazy("plant und führt ein Team"),
        gettext_lazy("eine Leitung für das Team"),
    ),
    "follows": (
        gettext_lazy("setzt um, was andere planen"),
        gettext_lazy("Hilfe bei der täglichen Arbeit"),
    ),
    "plans": (gettext_lazy("plant vor allem"), gettext_lazy("einen Plan")),
    "does": (
        gettext_lazy("macht die tägliche Arbeit"),
        gettext_lazy("Hilfe bei der täglichen Arbeit"),
    ),
}
PLACES = {
    Position.INTERNAL: gettext_lazy("im Haus"),
    Position.EXTERNAL: gettext_lazy("von außen"),
}
# (sentence, the grammatical case of the second role)
RELATION_SENTENCES = {
    RelationKind.SUPPORTS: (gettext_lazy("%(a)s unterstützt %(b)s."), "acc"),
    RelationKind.COLLABORATES: (
        gettext_lazy("%(a)s arbeitet eng mit %(b)s zusammen."),
        "dat",
    ),
    RelationKind.HANDS_WORK_TO: (gettext_lazy("%(a)s gibt Arbeit an %(b)s ab."), "acc"),
    RelationKind.SPECIALISATION_OF: (
        gettext_lazy("%(a)s ist eine besondere Form %(b)s."),
        "gen",
    ),
    RelationKind.CONFUSED_WITH: (
        gettext_lazy("%(a)s wird oft mit %(b)s verwechselt."),
        "dat",
    ),
}
LEVELS = {
    Seniority.JUNIOR: gettext_lazy("die Einstiegsstufe"),
    Seniority.SENIOR: gettext_lazy("die erfahrene Stufe"),
}
RELATION_PREFERENCE = [
    RelationKind.SUPPORTS,
    RelationKind.HANDS_WORK_TO,
    RelationKind.COLLABORATES,
    RelationKind.SPECIALISATION_OF,
    RelationKind.CONFUSED_WITH,
]


@dataclass(frozen=True)
class Nature:
    """What a role is, the same in every comparison."""

    role: RoleData
    kind: str  # a key of NATURES, or "signature"
    signature: str = ""  # the task that marks it, for kind "signature"

    @property
    def phrase(self) -> str:
        if self.kind == "signature":
            return str(SIGNATURES[self.signature][0])
        if self.kind == "leads" and self.signature:  # a senior level of a craft
            return _("führt ein Team und %(does)s") % {
                "does": SIGNATURES[self.signature][0]
            }
        return str(NATURES[self.kind][0])

    @property
    def need(self) -> str:
        if self.kind == "signature":
            return str(SIGNATURES[self.signature][1])
        return str(NATURES[self.kind][1])


def verdict(roles: Sequence[RoleData]) -> list[str]:
    """The sentences of "Kurz gesagt", at most five."""
    natures = [nature_of(role) for role in roles]
    if len(roles) <= 2:
        sentences = [s for n in natures for s in _block(n, natures)]
        sentences += (
            _only_one_does(natures)
            or _relation_sentences(roles)
            or _what_both_share(roles)
        )
    else:
        sentences = _whom_to_hire(natures)
        sentences += _relation_sentences(roles)
    return sentences[:MAX_SENTENCES]


# --- what a role is -------------------------------------------------------------------


def nature_of(role: RoleData) -> Nature:
    """From the role's own data only: the same answer in every comparison."""
    tasks = {t.slug: t.responsibility for t in role.tasks}
    plans = any(tasks.get(s) == Responsibility.OWNS for s in STRATEGY_TASKS)
    does_content = any(
        t.responsibility in DOING and t.area in ("content", "community")
        for t in role.tasks
    )
    owns = any(t.responsibility == Responsibility.OWNS for t in role.tasks)
    signature = _signature(role)
    if role.seniority == Seniority.SENIOR:
        return Nature(role, "leads", "" if plans else signature)
    if role.position == Position.EXTERNAL and plans and not does_content:
        return Nature(role, "outside")
    if PLANS_UP_TO < role.orientation < DOES_FROM and plans and does_content:
        return Nature(role, "both")
    excludes_plan = tasks.get("social-media-strategie") == Responsibility.EXCLUDED
    talks = signature in ("fragen-beantworten", "community-aufbau")
    if excludes_plan and does_content and not owns and not talks:
        return Nature(role, "follows")
    if signature:
        return Nature(role, "signature", signature)
    return Nature(role, "plans" if role.orientation <= PLANS_UP_TO else "does")


def _signature(role: RoleData) -> str:
    """The task of SIGNATURES the role owns (else carries out) that weighs most in
    its own work: its area holds more of what the role does than any other."""
    areas: dict[str, int] = {}
    for task in role.tasks:
        if task.responsibility in DOING:
            areas[task.area] = areas.get(task.area, 0) + 1
    for responsibility in (Responsibility.OWNS, Responsibility.CARRIES_OUT):
        candidates = [
            t
            for t in role.tasks
            if t.responsibility == responsibility and t.slug in SIGNATURES
        ]
        if candidates:
            best = max(candidates, key=lambda t: (areas.get(t.area, 0), t.slug))
            return best.slug
    return ""


def article(title: str, case: str = "nom") -> str:
    """The definite article of a job title: "der Social Media Manager", "die
    Leitung Social Media" (by the last word's ending)."""
    if get_language().startswith("en"):
        return "the"
    last = title.strip('„“"').split()[-1].lower() if title.strip() else ""
    feminine = last.endswith(("ung", "heit", "keit", "schaft", "ion")) or (
        last.endswith("in") and len(last) > 5
    )
    forms = {
        "nom": ("der", "die"),
        "acc": ("den", "die"),
        "dat": ("dem", "der"),
        "gen": ("des", "der"),
    }
    return forms[case][1 if feminine else 0]


def named(role: RoleData, case: str = "nom", *, start: bool = False) -> str:
    """The role's title with its article in a case ("des Social Media Managers")."""
    the = article(role.title, case)
    title = role.title
    if case == "gen" and the == "des" and not title.rstrip('“"').endswith("s"):
        title = f"{title.rstrip('“')}s“" if title.endswith("“") else f"{title}s"
    text = f"{the} {title}"
    return text[:1].upper() + text[1:] if start else text


def nature_sentence(nature: Nature, *, too: bool = False) -> str:
    """ "Der Social Media Manager plant und setzt selbst um."; with ``too``, for a
    second role of the same nature: "Auch der Junior … spricht mit der Community." """
    if too:
        return _("Auch %(role)s %(does)s.") % {
            "role": named(nature.role),
            "does": nature.phrase,
        }
    return f"{named(nature.role, start=True)} {nature.phrase}."


def pronoun(role: RoleData) -> str:
    """ "Er" or "Sie" for a role just named."""
    return _("Sie") if article(role.title) == "die" else _("Er")


# --- what differs here -----------------------------------------------------------


def _only_one_does(natures: Sequence[Nature]) -> list[str]:
    """Marking work that one role does and the other explicitly does not — unless
    the role's own sentence already says it. The second role was named last, so
    "Nur er" refers to it."""
    if len(natures) != 2:
        return []
    pairs = [(natures[1], natures[0]), (natures[0], natures[1])]
    for mine, other in pairs:
        theirs = {t.slug: t.responsibility for t in other.role.tasks}
        for task in mine.role.tasks:
            excluded = theirs.get(task.slug) == Responsibility.EXCLUDED
            if task.responsibility in DOING and excluded and task.slug in SIGNATURES:
                does = _negatable(SIGNATURES[task.slug][0])
                if does in mine.phrase:
                    continue  # said already: "Der Community Manager spricht …"
                who = pronoun(mine.role) if mine is natures[1] else named(mine.role)
                return [_("Nur %(role)s %(does)s.") % {"role": who, "does": does}]
    return []


def _negatable(phrase) -> str:
    """ "schreibt Texte und stellt sie online" → "schreibt Texte" (the first
    statement only, so that "nicht" stands at the end of a short sentence)."""
    return str(phrase).split(" und ")[0].split(",")[0]


def _block(nature: Nature, natures: Sequence[Nature]) -> list[str]:
    """A role's sentence, then short ones about it where the roles differ: where
    it works and whether it alone fits small firms ("Er" and "Sie" refer to it)."""
    role = nature.role
    roles = [n.role for n in natures]
    he_or_she = pronoun(role)
    too = nature is not natures[0] and nature.phrase == natures[0].phrase
    sentences = [nature_sentence(nature, too=too)]
    places = {other.position for other in roles}
    if len(places) > 1 and role.position in PLACES and nature.kind != "outside":
        sentences.append(
            _("%(pronoun)s arbeitet %(place)s.")
            % {"pronoun": he_or_she, "place": PLACES[role.position]}
        )
    small = [r for r in roles if CompanySize.SMALL in r.company_sizes]
    if small == [role] and any(r.company_sizes for r in roles if r is not role):
        sentences.append(
            _("%(pronoun)s passt auch zu kleinen Firmen.") % {"pronoun": he_or_she}
        )
    return sentences


def _relation_sentences(roles: Sequence[RoleData]) -> list[str]:
    by_slug = {role.slug: role for role in roles}
    found = {}
    for role in roles:
        for relation in role.relations:
            if relation.to_slug in by_slug and relation.kind not in found:
                found[relation.kind] = (role, by_slug[relation.to_slug])
    for kind in RELATION_PREFERENCE:
        if kind in found:
            first, second = found[kind]
            # the role named last is "er" or "sie" in the next sentence
            subject = pronoun(first) if first is roles[-1] else named(first, start=True)
            if kind == RelationKind.SPECIALISATION_OF and first.seniority in LEVELS:
                return [
                    _("%(a)s ist %(level)s.")
                    % {"a": subject, "level": LEVELS[first.seniority]}
                ]
            template, case = RELATION_SENTENCES[kind]
            return [str(template) % {"a": subject, "b": named(second, case)}]
    return []


def _what_both_share(roles: Sequence[RoleData]) -> list[str]:
    """When nothing sets two roles apart or ties them: where both work."""
    places = {role.position for role in roles}
    if len(roles) == 2 and len(places) == 1 and roles[0].position in PLACES:
        return [_("Beide arbeiten %(place)s.") % {"place": PLACES[roles[0].position]}]
    return []


def _whom_to_hire(natures: list[Nature]) -> list[str]:
    """Three or more roles: one sentence per need, the roles that meet it."""
    by_need: dict[str, list[RoleData]] = {}
    for nature in natures:
        by_need.setdefault(nature.need, []).append(nature.role)
    sentences = []
    for need, roles in by_need.items():
        who = _and([named(role, "acc") for role in roles])
        sentences.append(
            _("Wer %(need)s braucht, sucht %(who)s.") % {"need": need, "who": who}
        )
    return sentences


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s oder %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }
