"""What the check knows, built once per catalogue state: the phrases of every task
and competency, the words of role titles, and which role does what.

Built in a fixed number of queries and kept in memory until a task, competency or
role changes (the signature below counts rows and revision numbers), so a check
costs no queries beyond reading that signature.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse

from hiring.text import PARTICLES, bare, words
from hiring.vocabulary import Vocabulary, verb_stems
from roles.caching import catalogue_stamp
from roles.choices import RelationKind, Responsibility
from roles.models import (
    Competency,
    Role,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    Task,
    split_lines,
)

PARTICLE = re.compile(r"\b(?:" + "|".join(PARTICLES) + r")\b", re.I)

DOING_CORE = (Responsibility.OWNS, Responsibility.CARRIES_OUT)
CORE_PHRASES = 3  # phrases of one entry that share a word make it a core word
GENERIC_MIN_ROLES = 3
GENERIC_SHARE = 0.2
TASK = "task"
COMPETENCY = "competency"


@dataclass(frozen=True)
class Phrase:
    entry: tuple[str, str]  # (kind, slug)
    text: str
    keys: frozenset[str]


@dataclass(frozen=True)
class Entry:
    kind: str
    slug: str
    name: str
    plain_name: str
    area: str  # task area or competency kind
    first_phrase: str


@dataclass(frozen=True)
class RoleProfile:
    slug: str
    title: str
    url: str
    seniority: str
    position: str
    family: str
    lineage: str  # the root of its specialisation chain: junior, senior and base
    is_illustrative: bool
    orientation: int
    only_confused_with: bool  # a misreading of another role, not a role to hire
    company_sizes: tuple[str, ...]
    name_keys: tuple[frozenset[str], ...]  # one key set per title and alias
    tasks: dict[str, str] = field(default_factory=dict)  # slug → responsibility
    competencies: dict[str, tuple[int, bool]] = field(default_factory=dict)


@dataclass
class CatalogueIndex:
    vocabulary: Vocabulary
    entries: dict[tuple[str, str], Entry]
    phrases_by_key: dict[str, list[Phrase]]
    weight: dict[str, float]
    roles: dict[str, RoleProfile]
    generic_name_keys: frozenset[str] = frozenset()
    core_keys: dict[str, tuple[str, str]] = field(default_factory=dict)
    # task slug → the roles that own or carry it out: only they can fit an ad
    doers: dict[str, tuple[RoleProfile, ...]] = field(default_factory=dict)
    # name key → the roles whose title or alias has it
    named_by: dict[str, tuple[RoleProfile, ...]] = field(default_factory=dict)
    # task slug → the numbers (in ``numbered``) of the roles that own it / carry
    # it out: counting what every role covers of an ad runs in C over small ints
    numbered: tuple[RoleProfile, ...] = ()
    number: dict[str, int] = field(default_factory=dict)  # slug → its number
    owners: dict[str, tuple[int, ...]] = field(default_factory=dict)
    carriers: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def keys_of(
        self, text: str, *, heads: bool = True
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, roots) for each word of ``text``; a verb whose particle
        stands later in the text ("bauen … auf") also stands for the joined verb.
        With ``heads``, an unknown compound also stands for its known last part
        ("Produktvideos" are videos); phrases are read without, so they stay strict."""
        found = []
        for w in words(text):
            keys = self.vocabulary.expand(bare(w.surface), w.root)
            if heads and len(keys) == 1 and keys[0] not in self.vocabulary.roots:
                keys = (*keys, *self.vocabulary.head(keys[0]))
            found.append((w.start, w.end, keys))
        particles = {m.group(0).lower() for m in PARTICLE.finditer(text)}
        if not particles:
            return found
        joined = []
        for start, end, keys in found:
            if not text[start].islower():  # nouns are capitalised: no verb to join
                joined.append((start, end, keys))
                continue
            extra = [
                particle + stem
                for particle in particles
                for stem in {keys[0], *verb_stems(keys[0])}
                if particle + stem in self.vocabulary.roots
            ]
            joined.append(
                (start, end, (*keys, *extra)) if extra else (start, end, keys)
            )
        return joined

    def phrase_keys(self, text: str) -> frozenset[str]:
        """What a phrase asks for: a compound's parts, or the word itself."""
        keys = set()
        for _start, _end, expanded in self.keys_of(text, heads=False):
            keys.update(expanded[1:] or expanded[:1])
        return frozenset(keys)


def signature() -> str:
    """Changes whenever an entry, a role or an assignment changes: every such
    write records a revision (roles.caching); one indexed query."""
    return catalogue_stamp()


CHUNK = 2_000
_lock = threading.Lock()
_cached: dict[str, CatalogueIndex] = {}


def current_index() -> CatalogueIndex:
    """The index of today's catalogue, built once per process and catalogue state.
    (Not shared through the cache: its vocabulary holds per-instance caches,
    and unpickling an index of 10,000 roles costs about what building it does.)"""
    key = signature()
    index = _cached.get(key)
    if index is None:
        with _lock:
            index = _cached.get(key)
            if index is None:
                index = build_index()
                _cached.clear()
                _cached[key] = index
    return index


def build_index() -> CatalogueIndex:
    tasks = list(Task.objects.all())
    competencies = list(Competency.objects.all())
    roles = list(
        Role.objects.only(
            "slug",
            "title",
            "aliases",
            "seniority",
            "position",
            "family",
            "parent_id",
            "is_illustrative",
            "orientation",
            "company_sizes",
        )
    )
    texts = [
        text
        for entry in [*tasks, *competencies]
        for text in (entry.name, entry.plain_name, *entry.ad_phrase_list)
    ]
    texts += [
        name for role in roles for name in (role.title, *split_lines(role.aliases))
    ]
    vocabulary = Vocabulary(bare(w.surface) for text in texts for w in words(text))
    index = CatalogueIndex(vocabulary, {}, defaultdict(list), {}, {})
    for kind, rows in ((TASK, tasks), (COMPETENCY, competencies)):
        for row in rows:
            _add_entry(index, kind, row)
    _weigh(index)
    index.roles = _role_profiles(index, roles)
    index.doers = _doers(index.roles.values())
    index.generic_name_keys = _generic_name_keys(index.roles.values())
    index.named_by = _named_by(index.roles.values())
    index.numbered = tuple(index.roles.values())
    index.number = {profile.slug: n for n, profile in enumerate(index.numbered)}
    owning, carrying = Responsibility.OWNS, Responsibility.CARRIES_OUT
    index.owners = _numbers_by_task(index.doers, index.number, owning)
    index.carriers = _numbers_by_task(index.doers, index.number, carrying)
    return index


def _numbers_by_task(doers, number, responsibility: str) -> dict[str, tuple[int, ...]]:
    return {
        task: tuple(number[p.slug] for p in profiles if p.tasks[task] == responsibility)
        for task, profiles in doers.items()
    }


def _named_by(profiles) -> dict[str, tuple[RoleProfile, ...]]:
    """Name key → the roles whose title or an alias has it (titles are matched
    through this, not by reading every role)."""
    naming: dict[str, list[RoleProfile]] = defaultdict(list)
    for profile in profiles:
        for key in set().union(*profile.name_keys):
            naming[key].append(profile)
    return {key: tuple(found) for key, found in naming.items()}


def _doers(profiles) -> dict[str, tuple[RoleProfile, ...]]:
    doing: dict[str, list[RoleProfile]] = defaultdict(list)
    for profile in profiles:
        for slug, responsibility in profile.tasks.items():
            if responsibility in DOING_CORE:
                doing[slug].append(profile)
    return {slug: tuple(found) for slug, found in doing.items()}


def _generic_name_keys(profiles) -> frozenset[str]:
    """Words in many role titles ("Manager", "Social"): a title may leave them out."""
    profiles = list(profiles)
    counts: dict[str, int] = defaultdict(int)
    for profile in profiles:
        for key in set().union(*profile.name_keys):
            counts[key] += 1
    threshold = max(GENERIC_MIN_ROLES, GENERIC_SHARE * len(profiles))
    return frozenset(key for key, count in counts.items() if count >= threshold)


def _add_entry(index: CatalogueIndex, kind: str, row) -> None:
    ref = (kind, row.slug)
    phrases = row.ad_phrase_list
    index.entries[ref] = Entry(
        kind=kind,
        slug=row.slug,
        name=row.name,
        plain_name=row.plain_name,
        area=getattr(row, "area", "") or getattr(row, "kind", ""),
        first_phrase=phrases[0] if phrases else row.plain_name,
    )
    seen = set()
    for text in (row.name, row.plain_name, *phrases):
        keys = index.phrase_keys(text)
        if not keys or keys in seen:
            continue
        seen.add(keys)
        phrase = Phrase(ref, text, keys)
        for key in keys:
            index.phrases_by_key[key].append(phrase)


def _weigh(index: CatalogueIndex) -> None:
    """Rare words weigh more: a word in one entry's phrases identifies it. A word
    that several phrases of one entry share, and no other entry uses, is that
    entry's core word ("auswerten" for Erfolgsmessung): it identifies it alone."""
    for key, phrases in index.phrases_by_key.items():
        entries = {phrase.entry for phrase in phrases}
        index.weight[key] = 1 / len(entries)
        if len(entries) == 1 and len(phrases) >= CORE_PHRASES:
            index.core_keys[key] = next(iter(entries))


def _role_profiles(index: CatalogueIndex, roles: list[Role]) -> dict[str, RoleProfile]:
    by_id = {role.pk: role for role in roles}
    kinds: dict[int, set[str]] = defaultdict(set)
    for role_id, kind in RoleRelation.objects.values_list("from_role_id", "kind"):
        kinds[role_id].add(kind)
    profiles = {}
    # One reverse() and a replace per role: reverse() is slow at 10,000 roles.
    url_pattern = reverse("roles:detail", kwargs={"slug": "slug-placeholder"})
    for role in roles:
        names = [role.title, *split_lines(role.aliases)]
        profiles[role.pk] = RoleProfile(
            slug=role.slug,
            title=role.title,
            url=url_pattern.replace("slug-placeholder", role.slug),
            seniority=role.seniority,
            position=role.position,
            family=role.family,
            lineage=_lineage(role, by_id),
            is_illustrative=role.is_illustrative,
            orientation=role.orientation,
            only_confused_with=kinds.get(role.pk) == {RelationKind.CONFUSED_WITH},
            company_sizes=tuple(role.company_sizes or ()),
            name_keys=tuple(
                keys for keys in (index.phrase_keys(name) for name in names) if keys
            ),
        )
    # One object per distinct slug, responsibility and (level, essential): a
    # catalogue of 10,000 roles repeats them 270,000 times (about 25 MB).
    same: dict = {}
    # Rows streamed in chunks: at 10,000 roles a full list is 150,000 tuples.
    for role_id, slug, responsibility in RoleTask.objects.values_list(
        "role_id", "task__slug", "responsibility"
    ).iterator(chunk_size=CHUNK):
        slug = same.setdefault(slug, slug)
        profiles[role_id].tasks[slug] = same.setdefault(responsibility, responsibility)
    for role_id, slug, level, essential in RoleCompetency.objects.values_list(
        "role_id", "competency__slug", "level", "is_essential"
    ).iterator(chunk_size=CHUNK):
        value = (level, essential)
        profiles[role_id].competencies[same.setdefault(slug, slug)] = same.setdefault(
            value, value
        )
    return {profile.slug: profile for profile in profiles.values()}


def _lineage(role: Role, by_id: dict[int, Role]) -> str:
    """Junior, senior and specialised roles belong to their base role's line."""
    current, steps = role, 0
    while current.parent_id in by_id and steps < 20:
        current, steps = by_id[current.parent_id], steps + 1
    return current.slug
