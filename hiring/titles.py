"""What an ad's title names: a role of the catalogue only when the title says it.

A title names a role when it holds one of the role's names (its title or another
name people use) as a whole, in order: "Social-Media-Managerin (m/w/d)" names the
Social Media Manager, "Senior Community Manager" the senior level. The last word —
what the person is — may be a word of the same kind: a Manager may be called
Specialist or Expert, a Berater a Consultant, an Entwickler a Developer. A title
that says something else ("Social Media Developer", "Content Hero") names no role:
the check says it is not in the catalogue instead of guessing the nearest one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from hiring.wording import Wording

# What the person is: the words of one group stand for each other at a name's end.
HEADS = [
    {"manag", "spezialist", "verantwortlich", "officer", "specialist"},
    {"berat", "consultant", "beratung"},
    {"entwickl", "programmier"},
    {"redaktion", "redakteur"},
    {"gestalt", "grafik"},
    {"trainer", "dozent", "coach"},
]
STAGE_WORDS = re.compile(
    r"\b(?:junior|senior|lead|head of|leitung|teamleitung|werkstudent\w*|praktikant\w*"
    r"|trainee|volontär\w*|volontariat)\b",
    re.I,
)
NOISE = re.compile(
    r"\((?:[mwdfxi]\s*[/|,]\s*){1,3}[mwdfxi]\)|\((?:all genders|gn\*?|divers)\)"
    r"|\b(?:in )?(?:vollzeit|teilzeit|festanstellung|ab sofort|befristet|unbefristet"
    r"|remote|hybrid)\b|\d+\s*%",
    re.I,
)


@dataclass(frozen=True)
class NamedRole:
    number: int  # the role's number in the catalogue
    length: int  # how many words of the title the name covers


def head_group(key: str) -> int | None:
    for number, group in enumerate(HEADS):
        if key in group:
            return number
    return None


def _same(name_key: str, title_key: str, *, last: bool) -> bool:
    if name_key == title_key:
        return True
    if not last:
        return False
    group = head_group(name_key)
    return group is not None and group == head_group(title_key)


def contains(title: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """The name's words stand in the title as a run, in order; its last word may
    be another word for the same kind of person."""
    if not name or len(name) > len(title):
        return False
    for start in range(len(title) - len(name) + 1):
        if all(
            _same(key, title[start + n], last=n == len(name) - 1)
            for n, key in enumerate(name)
        ):
            return True
    return False


def head_of(key: str) -> str:
    """What a name's last word says the person is, as one key per kind."""
    group = head_group(key)
    return f"group-{group}" if group is not None else key


class TitleIndex:
    """The names of all roles, found through their words (a title is matched
    against the few roles that share a word with it, not against all), and
    through what their names say the person is (their last word)."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        self.by_head: dict[str, set[int]] = defaultdict(set)

    def add(self, number: int, names: tuple[tuple[str, ...], ...]) -> None:
        for name in names:
            if name:
                self.by_key[name[0]].append((number, name))
                self.by_head[head_of(name[-1])].add(number)

    def remove(self, numbers: set[int]) -> None:
        for key, named in list(self.by_key.items()):
            kept = [pair for pair in named if pair[0] not in numbers]
            if len(kept) != len(named):
                self.by_key[key] = kept
        for holders in self.by_head.values():
            holders -= numbers

    def copy(self) -> TitleIndex:
        copied = TitleIndex()
        copied.by_key.update({k: list(v) for k, v in self.by_key.items()})
        copied.by_head.update({k: set(v) for k, v in self.by_head.items()})
        return copied

    def professions(self, title: tuple[str, ...]) -> set[int]:
        """Roles whose names end in a word of the title ("Redakteur Social
        Media & Newsdesk" speaks of an editor): the profession, not the role."""
        found: set[int] = set()
        for key in title:
            found |= self.by_head.get(head_of(key), set())
        return found

    def named(self, title: tuple[str, ...]) -> list[NamedRole]:
        """The roles the title names, the most specific (longest name) first."""
        found: dict[int, int] = {}
        for key in set(title):
            for number, name in self.by_key.get(key, ()):
                if contains(title, name):
                    found[number] = max(found.get(number, 0), len(name))
        return sorted(
            (NamedRole(n, length) for n, length in found.items()),
            key=lambda named: (-named.length, named.number),
        )


def title_sequence(title: str, wording: Wording) -> tuple[str, ...]:
    """The title's words as roots in order, without gender marks and the
    conditions of the job ("Vollzeit", "ab sofort")."""
    return wording.sequence(NOISE.sub(" ", title))


def name_sequences(
    names: tuple[str, ...], wording: Wording
) -> tuple[tuple[str, ...], ...]:
    return tuple(wording.sequence(NOISE.sub(" ", name)) for name in names)


def stage_words(title: str) -> list[str]:
    return [match.group(0).lower() for match in STAGE_WORDS.finditer(title)]
