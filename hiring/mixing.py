"""Whether an ad asks one person for the work of several roles.

The asked core work (what roles own or carry out) is shared out so that as few
distinct roles as possible take it: the best-fitting role first, then each time
the role that takes most of what is left. Junior, senior and base level of a role
count as one. Each line of the ad goes to one role only. A further role counts
only for a real piece of work — two asked tasks, or one asked clearly in a line of
its own — or for a demanding requirement of its craft in the profile ("sehr gute
PHP-Kenntnisse"); a stray word is a line to check, not a second person to hire.
Three or more roles make the ad mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hiring.catalogue import Catalogue, RoleCard
from hiring.matching import Found, Recognition

MIXED_AT = 3
CLEAR = 0.85
SPECIALIST_LEVEL = 4
CRAFT_LINEAGES = 2
CRAFT_KINDS = ("professional", "methodical")  # not social or personal strengths
DEMANDING = re.compile(
    r"sehr gute|fundierte|ausgezeichnete|exzellente|profund|professionell|profi"
    r"|expert|mehrjährige|langjährige|umfassende|tiefe|sattelfest|beherrsch"
    r"|auf (?:designer|entwickler)-?niveau|souverän|sicher(?:er|e|es)? (?:umgang|in)"
    r"|mindestens \d|\d\+? jahre|routiniert|versiert",
    re.I,
)
RELAXED = re.compile(
    r"von vorteil|wünschenswert|idealerweise|grundkenntnisse|erste erfahrung|schön wäre"
    r"|nice to have|kein muss|gern(?:e)?\b|optional|plus\b",
    re.I,
)


@dataclass(frozen=True)
class RoleShare:
    """One distinct role in a mixed ad and the lines that belong to it."""

    slug: str
    title: str
    tasks: tuple[str, ...]
    lines: tuple[str, ...]


def share_out(
    recognition: Recognition,
    best: RoleCard | None,
    catalogue: Catalogue,
    specialists: dict[str, list[RoleCard]],
) -> list[RoleShare]:
    asked = {
        s: f
        for s, f in recognition.tasks.items()
        if f.asked and _anyone_does(s, catalogue)
    }
    demands = specialist_demands(recognition, best, specialists, catalogue)
    if best is None:
        return []
    mine = {s for s in asked if best.does(s)}
    shares = [_share(best, mine, asked)]
    remaining = set(asked) - mine
    used = {best.lineage}
    while remaining or demands:
        card = _next_role(remaining, demands, used, catalogue)
        if card is None:
            break
        taken = {s for s in remaining if card.does(s)}
        counted = _substantial(taken, asked) or card.slug in demands
        remaining -= taken
        used.add(card.lineage)
        demanded = demands.pop(card.slug, ())
        if counted:
            shares.append(_share(card, taken, asked, demanded))
    return shares


def _anyone_does(task: str, catalogue: Catalogue) -> bool:
    return bool(
        catalogue.holders(task, "owns") or catalogue.holders(task, "carries-out")
    )


def _substantial(taken: set[str], asked: dict[str, Found]) -> bool:
    """Two tasks, or one asked clearly or in a line of its own."""
    if len(taken) >= 2:
        return True
    return any(asked[s].strength >= CLEAR or _own_line(asked[s]) for s in taken)


def _own_line(found: Found) -> bool:
    """Named in a bullet or a short sentence, not in passing in a long one."""
    return any(c.is_bullet or len(c.text.split()) <= 14 for c in found.clauses)


def _next_role(remaining, demands, used, catalogue: Catalogue) -> RoleCard | None:
    options = []
    for card in _doers(remaining, demands, catalogue):
        if card.lineage in used or not card.is_described or card.is_misreading:
            continue
        taken = sum(1 for s in remaining if card.does(s)) + (card.slug in demands)
        if taken:
            options.append(
                ((taken, card.is_reviewed, -len(card.core)), card.title, card)
            )
    if not options:
        return None
    best_key = max(key for key, _t, _c in options)
    return min((title, card) for key, title, card in options if key == best_key)[1]


def _doers(remaining: set[str], demands: dict, catalogue: Catalogue) -> list[RoleCard]:
    numbers = set()
    for task in remaining:
        numbers.update(catalogue.holders(task, "owns"))
        numbers.update(catalogue.holders(task, "carries-out"))
    cards = [catalogue.cards[n] for n in numbers]
    cards += [catalogue.card(slug) for slug in demands]
    return [card for card in cards if card is not None]


def _share(card: RoleCard, tasks, asked: dict[str, Found], demanded=()) -> RoleShare:
    lines = {_quote(c.text) for s in tasks for c in asked[s].clauses}
    lines |= set(demanded)
    return RoleShare(card.slug, card.title, tuple(sorted(tasks)), tuple(sorted(lines)))


def specialist_demands(
    recognition: Recognition,
    best: RoleCard | None,
    specialists: dict[str, list[RoleCard]],
    catalogue: Catalogue | None = None,
) -> dict[str, tuple[str, ...]]:
    """Role slug → profile lines that demand its craft at a level the best role
    does not have ("sehr gute PHP-Kenntnisse" in a social media ad), or work the
    best role explicitly excludes ("InDesign-Profi", "SEO-Tools" under the
    profile of an editor's ad)."""
    if best is None:
        return {}
    demands: dict[str, set[str]] = {}
    for slug, found in recognition.tasks.items():
        if found.asked or not found.in_profile or best.does(slug):
            continue
        if best.tasks.get(slug) == "contributes":
            continue
        # Work the role explicitly excludes counts when named at all; other work
        # only when the profile demands it ("sehr gute SEO-Kenntnisse").
        excluded = best.tasks.get(slug) == "excluded"
        lines = [
            c.text
            for c in found.clauses
            if not RELAXED.search(c.text) and (excluded or DEMANDING.search(c.text))
        ]
        owner = _owner(slug, best, catalogue) if catalogue else None
        if lines and owner is not None:
            demands.setdefault(owner.slug, set()).update(_quote(t) for t in lines)
    for slug, found in recognition.competencies.items():
        if not found.asked or best.competencies.get(slug, (0, False))[0] >= 3:
            continue
        lines = [c.text for c in found.clauses if _demanding(c.text)]
        specialist = _specialist(specialists.get(slug, []), best)
        if lines and specialist is not None:
            demands.setdefault(specialist.slug, set()).update(_quote(t) for t in lines)
    return {slug: tuple(sorted(lines)) for slug, lines in demands.items()}


def _owner(task: str, best: RoleCard, catalogue: Catalogue) -> RoleCard | None:
    """The described role of another line of work that owns this task."""
    cards = [catalogue.cards[n] for n in catalogue.holders(task, "owns")]
    found = [
        c
        for c in cards
        if c is not None
        and c.is_described
        and c.lineage != best.lineage
        and not c.is_misreading
    ]
    return min(
        found, key=lambda c: (not c.is_reviewed, len(c.core), c.title), default=None
    )


def _demanding(text: str) -> bool:
    return bool(DEMANDING.search(text)) and not RELAXED.search(text)


def _specialist(cards: list[RoleCard], best: RoleCard) -> RoleCard | None:
    """Of the roles whose craft this competency is, the one to name."""
    found = [card for card in cards if card.lineage != best.lineage]
    return min(
        found, key=lambda c: (not c.is_reviewed, len(c.core), c.title), default=None
    )


def specialists_of(catalogue: Catalogue) -> dict[str, list[RoleCard]]:
    """Competency → the described roles for whom it is the craft: essential, at
    the top level (programming for the web developer)."""
    crafts = {
        slug
        for (kind, slug), entry in catalogue.entries.items()
        if kind == "competency" and entry.group in CRAFT_KINDS
    }
    found: dict[str, list[RoleCard]] = {}
    for card in catalogue.live_cards():
        if not card.is_described or card.is_misreading:
            continue
        for slug, (level, essential) in card.competencies.items():
            if level >= SPECIALIST_LEVEL and essential and slug in crafts:
                found.setdefault(slug, []).append(card)
    # A craft is what sets one or two professions apart; what many roles need at
    # the top ("knows the platforms") is no other profession's demand.
    return {
        slug: cards
        for slug, cards in found.items()
        if len({card.lineage for card in cards}) <= CRAFT_LINEAGES
    }


QUOTE_LENGTH = 90


def _quote(text: str) -> str:
    text = " ".join(text.split()).lstrip("-–—*•·▪►✓✔+ ")
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"
