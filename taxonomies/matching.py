"""Which concepts share a name with a role: proposals, never decisions.

A title and a label match when their *name keys* are equal: case, hyphens,
punctuation and gender suffixes such as "(m/w/d)" or "/-in" do not count. So the
role "Social Media Manager" finds ESCO's "Social-Media-Manager/Social-Media-
Managerin" and an O*NET alternate title "Social Media Manager" alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from roles.models import split_lines

GENDER_SUFFIXES = re.compile(
    r"\((?:m|w|d|f|x)(?:\s*/\s*(?:m|w|d|f|x))+\)|/-?in\b|\*in\b"
)
NOT_NAME = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    return NOT_NAME.sub(" ", GENDER_SUFFIXES.sub(" ", text.casefold())).strip()


def label_keys(labels: dict, alt_labels: dict) -> str:
    """``|key|key|`` of every preferred and alternative label, all languages."""
    names = [*labels.values()]
    for values in alt_labels.values():
        names.extend(values)
    keys = sorted({key for name in names for key in _keys_of(name) if key})
    return f"|{'|'.join(keys)}|" if keys else ""


def _keys_of(name: str) -> list[str]:
    """ESCO writes both genders as one label: "Managerin/Manager" is two names."""
    parts = [name, *name.split("/")] if "/" in name else [name]
    return [name_key(part) for part in parts]


def role_name_keys(title: str, aliases: str) -> list[str]:
    return sorted({name_key(name) for name in [title, *split_lines(aliases)]} - {""})


@dataclass(frozen=True)
class Proposal:
    role_slug: str
    role_title: str
    scheme: str
    code: str
    label: str
    matched: str
    """The role's name that matched."""


def proposals(
    roles: Iterable[tuple[str, str, str]],
    concepts: Iterable[tuple[str, str, dict, dict]],
) -> list[Proposal]:
    """Every (role, concept) pair that share a name. ``roles`` yields (slug,
    title, aliases), ``concepts`` (scheme, code, labels, alt_labels)."""
    by_key: dict[str, list[tuple[str, str, str]]] = {}
    for scheme, code, labels, alt_labels in concepts:
        label = next(iter(labels.values()), code)
        for key in label_keys(labels, alt_labels).strip("|").split("|"):
            if key:
                by_key.setdefault(key, []).append((scheme, code, label))
    found = []
    for slug, title, aliases in roles:
        seen = set()
        for name in [title, *split_lines(aliases)]:
            for scheme, code, label in by_key.get(name_key(name), ()):
                if (scheme, code) not in seen:
                    seen.add((scheme, code))
                    found.append(Proposal(slug, title, scheme, code, label, name))
    return found
