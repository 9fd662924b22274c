"""A comparison's address: the one reading of its ``roles`` parameter.

The page, the picker, every export and the API read ``roles`` here and nowhere
else. Repeated parameters (``roles=a&roles=b``) and comma lists (``roles=a,b``)
mean the same; each slug is trimmed and lower-cased and counts once, in the order
first named. A name that cannot be a slug at all is treated like a slug no role
has, so every door reports both the same way. Pure: no database, no request.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

PARAMETER = "roles"
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_RAW_LENGTH = 2_000
"""Longer addresses are cut: no comparison of six roles needs more."""


@dataclass(frozen=True)
class RolesAddress:
    tokens: tuple[str, ...] = ()
    """Every name as given, normalised, repeats included (for old-slug redirects)."""

    @property
    def named(self) -> tuple[str, ...]:
        """Each name once, in the order first named; well-formed or not."""
        return tuple(dict.fromkeys(self.tokens))

    @property
    def slugs(self) -> tuple[str, ...]:
        """The names that can be slugs, each once: what to look roles up by."""
        return tuple(name for name in self.named if SLUG_PATTERN.match(name))

    @property
    def repeated(self) -> tuple[str, ...]:
        """Names given more than once (each listed once)."""
        seen: set[str] = set()
        twice = [token for token in self.tokens if token in seen or seen.add(token)]
        return tuple(dict.fromkeys(twice))

    def known(self, roles: Container[str]) -> tuple[str, ...]:
        """The named roles that exist, each once, in order."""
        return tuple(slug for slug in self.slugs if slug in roles)

    def unknown(self, roles: Container[str]) -> tuple[str, ...]:
        """The names no role has (or that cannot be slugs), each once, in order."""
        return tuple(name for name in self.named if name not in roles)

    def problems(self, titles: Mapping[str, str]) -> list[str]:
        """What the page and the exports say about the address, in the order named:
        names no role has, and roles chosen twice (``titles``: slug → title)."""
        problems = [unknown_role_message(name) for name in self.unknown(titles)]
        problems += [
            _("„%(title)s“ war doppelt gewählt; sie erscheint nur einmal.")
            % {"title": titles[slug]}
            for slug in self.repeated
            if slug in titles
        ]
        return problems


def unknown_role_message(name: str) -> str:
    return _("Eine Rolle „%(slug)s“ gibt es nicht; sie wurde weggelassen.") % {
        "slug": name[:80]
    }


def read_roles(params: QueryDict) -> RolesAddress:
    """The ``roles`` of a query string (a page's ``GET`` or the API's params)."""
    raw = ",".join(params.getlist(PARAMETER))[:MAX_RAW_LENGTH]
    tokens = (part.strip().lower() for part in raw.split(","))
    return RolesAddress(tuple(token for token in tokens if token))
