"""The comparison's state lives in the URL: parse it, report what was wrong, rebuild it.

Bad input never raises: every problem becomes a message for the page (or a 400 for
an export), and whatever was valid is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from comparisons.address import RolesAddress, read_roles
from comparisons.engine import MAX_ROLES, MIN_ROLES
from comparisons.tables import Audience
from roles.search.query import rank_by_name

TRUE_VALUES = {"1", "true", "ja", "on", "yes"}


@dataclass(frozen=True)
class ComparisonState:
    slugs: tuple[str, ...] = ()
    audience: Audience = Audience.PLAIN
    only_differences: bool = False
    key_only: bool = False
    """Only the differences that matter most (``only=key``)."""

    def query_string(self, **changes) -> str:
        """The canonical query string for this state, with optional changes."""
        state = replace(self, **changes)
        params = {"roles": ",".join(state.slugs)}
        if state.audience != Audience.PLAIN:
            params["audience"] = state.audience.value
        if state.key_only:
            params["only"] = "key"
        elif state.only_differences:
            params["only"] = "diff"
        return urlencode(params, safe=",")

    def without(self, slug: str) -> str:
        return self.query_string(slugs=tuple(s for s in self.slugs if s != slug))

    def moved(self, slug: str, step: int) -> str:
        slugs = list(self.slugs)
        index = slugs.index(slug)
        target = min(max(index + step, 0), len(slugs) - 1)
        slugs.insert(target, slugs.pop(index))
        return self.query_string(slugs=tuple(slugs))

    @property
    def is_comparable(self) -> bool:
        return MIN_ROLES <= len(self.slugs) <= MAX_ROLES


@dataclass
class ParsedRequest:
    state: ComparisonState
    errors: list[str] = field(default_factory=list)
    pending_text: str = ""
    """What the user typed into the picker but we could not match; shown again."""
    added: bool = False
    candidates: list[tuple[str, str]] = field(default_factory=list)
    """(slug, title) of roles that might be meant, offered to pick from."""
    titles: dict[str, str] = field(default_factory=dict)
    """slug → title of every role the request could mean."""


def parse_request(
    params: QueryDict,
    choices: list[tuple[str, str, list[str]]],
    address: RolesAddress | None = None,
) -> ParsedRequest:
    """Read roles (``address``, read from ``params`` unless given), wording,
    filter and a role to add from the query string."""
    known = {slug: title for slug, title, _aliases in choices}
    address = address or read_roles(params)
    errors = address.problems(known)
    slugs = address.known(known)
    audience = _parse_audience(params.get("audience", ""), errors)
    only = params.get("only", "").strip().lower()
    key_only = only == "key"
    differences = key_only or only in TRUE_VALUES | {"diff"}
    state = ComparisonState(tuple(slugs), audience, differences, key_only)
    parsed = ParsedRequest(state, errors, titles=known)
    _add_typed_role(parsed, params.get("add", ""), choices, known)
    return parsed


def _add_typed_role(parsed: ParsedRequest, typed: str, choices, known) -> None:
    typed = " ".join(typed.split())[:120]
    if not typed:
        return
    slug = find_role(typed, choices)
    if slug is None:
        slug = _forgiving_match(parsed, typed, choices, known)
    if slug is None and parsed.candidates:
        parsed.pending_text = typed
    elif slug is None:
        parsed.errors.append(
            _(
                "Keine Rolle passt zu „%(text)s“. "
                "Wählen Sie einen Vorschlag aus der Liste."
            )
            % {"text": typed}
        )
        parsed.pending_text = typed
    elif slug in parsed.state.slugs:
        parsed.errors.append(
            _("„%(title)s“ ist schon im Vergleich.") % {"title": known[slug]}
        )
    else:
        parsed.state = replace(parsed.state, slugs=(*parsed.state.slugs, slug))
        parsed.added = True


def _parse_audience(value: str, errors: list[str]) -> Audience:
    if not value:
        return Audience.PLAIN
    try:
        return Audience(value.strip().lower())
    except ValueError:
        errors.append(
            _(
                "Unbekannte Sprachebene „%(value)s“; "
                "gezeigt wird die Fassung für Unternehmen."
            )
            % {"value": value[:40]}
        )
        return Audience.PLAIN


def next_step_hint(state: ComparisonState) -> str:
    """One role chosen is a normal first step, not an error."""
    if len(state.slugs) == 1:
        return _("Wählen Sie eine zweite Rolle, um zu vergleichen.")
    return ""


def count_problem(state: ComparisonState) -> str:
    """A message when the number of roles cannot be compared, else ''."""
    if len(state.slugs) < MIN_ROLES:
        return _("Bitte wählen Sie mindestens %(min)s Rollen für einen Vergleich.") % {
            "min": MIN_ROLES
        }
    if len(state.slugs) > MAX_ROLES:
        return _(
            "Es lassen sich höchstens %(max)s Rollen vergleichen; "
            "bitte entfernen Sie %(extra)s."
        ) % {
            "max": MAX_ROLES,
            "extra": len(state.slugs) - MAX_ROLES,
        }
    return ""


SURE_MATCH = 0.75
"""A typo-tolerant match this good, and clearly ahead of the next, is taken."""
CANDIDATE_LIMIT = 5


def _forgiving_match(parsed: ParsedRequest, typed: str, choices, known) -> str | None:
    """Typos, parts of titles: take a clear winner, else offer the candidates."""
    ranked = [
        (score, slug)
        for score, slug in rank_by_name(typed, choices)
        if slug not in parsed.state.slugs
    ]
    if not ranked:
        return None
    best, runner_up = ranked[0][0], ranked[1][0] if len(ranked) > 1 else 0
    if best >= SURE_MATCH and runner_up < best * 0.8:
        return ranked[0][1]
    parsed.candidates = [(slug, known[slug]) for _s, slug in ranked[:CANDIDATE_LIMIT]]
    return None


def find_role(text: str, choices: list[tuple[str, str, list[str]]]) -> str | None:
    """Match what someone typed (slug, title or alias, any case) to a role slug."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for slug, title, aliases in choices:
        names = [slug, title, title.strip('„“"'), *aliases]
        if wanted in (name.casefold() for name in names):
            return slug
    return None
