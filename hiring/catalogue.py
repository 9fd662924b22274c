"""The catalogue as the hiring tools need it: a compact card per role, built from
the roles read model, and who does which task as tuples of role numbers.

Counting what every role covers of a set of tasks runs in ``collections.Counter``'s
C loop over those numbers, so a check or an answered guide stays flat at 10,000
roles. The catalogue is kept per process and catalogue stamp. After an edit of a
role only the roles that changed are read again; an edit of a task or competency
(rare) reads everything again.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from core.caching import catalogue_stamp
from roles.choices import Family, Responsibility, Seniority, Status
from roles.models import Competency, Role, Task
from roles.readmodels import (
    EntryData,
    RoleData,
    iter_all_role_data,
    load_entries,
    load_role_data,
)

OWNS, CARRIES_OUT = Responsibility.OWNS, Responsibility.CARRIES_OUT
CONTRIBUTES, EXCLUDED = Responsibility.CONTRIBUTES, Responsibility.EXCLUDED
DOING_CORE = (OWNS, CARRIES_OUT)


@dataclass(frozen=True, slots=True)
class RoleCard:
    """One role, compact: what a check or the guide weighs and shows of it."""

    slug: str
    title: str
    url: str
    names: tuple[str, ...]
    family: str
    seniority: str
    lineage: str  # the base role of its line: junior, senior and base share it
    position: str
    orientation: int
    company_sizes: tuple[str, ...]
    is_reviewed: bool
    is_described: bool
    is_misreading: bool
    tasks: dict[str, str]  # task slug → responsibility
    competencies: dict[str, tuple[int, bool]]  # slug → (level, essential)
    notes: dict[str, str] = field(default_factory=dict)  # task slug → note
    core: frozenset[str] = frozenset()
    """The tasks it owns or carries out."""

    @property
    def is_neighbour(self) -> bool:
        return self.family == Family.NEIGHBOURING

    def does(self, task: str) -> bool:
        return self.tasks.get(task) in DOING_CORE


def card_of(data: RoleData, lineage: str) -> RoleCard:
    return RoleCard(
        slug=data.slug,
        title=data.title,
        url=data.url,
        names=data.names,
        family=data.family,
        seniority=data.seniority or Seniority.NONE,
        lineage=lineage,
        position=data.position,
        orientation=data.orientation,
        company_sizes=data.company_sizes,
        is_reviewed=data.status == Status.REVIEWED,
        is_described=data.is_described,
        is_misreading=data.is_misreading,
        tasks={t.slug: t.responsibility for t in data.tasks},
        core=frozenset(t.slug for t in data.tasks if t.responsibility in DOING_CORE),
        competencies={c.slug: (c.level, c.is_essential) for c in data.competencies},
        notes={t.slug: t.note for t in data.tasks if t.note},
    )


@dataclass
class Catalogue:
    """Cards in a fixed numbering plus, per task, the numbers of the roles that
    own it, carry it out, contribute or exclude it."""

    stamp: str
    revision: int
    entries: dict[tuple[str, str], EntryData]
    cards: list[RoleCard | None] = field(default_factory=list)
    number: dict[str, int] = field(default_factory=dict)
    slug_of_id: dict[int, str] = field(default_factory=dict)
    by_task: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    def card(self, slug: str) -> RoleCard | None:
        number = self.number.get(slug)
        return self.cards[number] if number is not None else None

    def live_cards(self) -> Iterable[RoleCard]:
        return (card for card in self.cards if card is not None)

    def task(self, slug: str) -> EntryData | None:
        return self.entries.get(("task", slug))

    def tasks(self) -> list[EntryData]:
        return [entry for (kind, _s), entry in self.entries.items() if kind == "task"]

    def holders(self, task: str, responsibility: str) -> tuple[int, ...]:
        return self.by_task.get(task, {}).get(responsibility, ())

    def weighted_cover(self, weights: dict[tuple[str, str], int]) -> Counter[int]:
        """For every role number, the sum of the integer ``weights`` of the
        (task, responsibility) pairs it has: one C-level count per pair."""
        counted: Counter[int] = Counter()
        for (task, responsibility), weight in weights.items():
            if weight > 0:
                counted.update(self.holders(task, responsibility) * weight)
        return counted

    def copy(self) -> Catalogue:
        """A copy to patch while other threads keep reading this one."""
        return Catalogue(
            self.stamp,
            self.revision,
            self.entries,
            list(self.cards),
            dict(self.number),
            dict(self.slug_of_id),
            dict(self.by_task),
        )

    def put(self, card: RoleCard) -> int:
        number = self.number.get(card.slug)
        if number is None:
            number = len(self.cards)
            self.cards.append(card)
            self.number[card.slug] = number
        else:
            self.cards[number] = card
        return number

    def index_tasks(self) -> None:
        grouped: dict[str, dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for number, card in enumerate(self.cards):
            for task, responsibility in card.tasks.items() if card else ():
                grouped[task][responsibility].append(number)
        self.by_task = {
            task: {resp: tuple(numbers) for resp, numbers in by_resp.items()}
            for task, by_resp in grouped.items()
        }

    def patch(self, gone: set[str], cards: list[RoleCard]) -> None:
        """Roles that changed: drop the slugs that are gone, put the new cards,
        and rebuild only the task tuples that hold a changed number."""
        changed = {self.number[slug] for slug in gone if slug in self.number}
        for slug in gone:
            if slug in self.number:
                self.cards[self.number.pop(slug)] = None
        changed |= {self.put(card) for card in cards}
        for task, by_resp in list(self.by_task.items()):
            if any(n in changed for numbers in by_resp.values() for n in numbers):
                self.by_task[task] = {
                    r: tuple(n for n in ns if n not in changed)
                    for r, ns in by_resp.items()
                }
        for number in sorted(changed):
            card = self.cards[number]
            for task, responsibility in card.tasks.items() if card else ():
                by_resp = dict(self.by_task.get(task, {}))
                by_resp[responsibility] = tuple(
                    sorted((*by_resp.get(responsibility, ()), number))
                )
                self.by_task[task] = by_resp


def build_catalogue(stamp: str) -> Catalogue:
    everything = list(iter_all_role_data())
    parents = {data.slug: data.parent for data in everything}
    catalogue = Catalogue(
        stamp=stamp,
        revision=_revision_of(stamp),
        entries={(e.kind, e.slug): e for e in load_entries()},
        slug_of_id=dict(Role.objects.values_list("pk", "slug")),
    )
    for data in everything:
        catalogue.put(card_of(data, lineage_of(data.slug, parents)))
    catalogue.index_tasks()
    return catalogue


def lineage_of(slug: str, parents: dict[str, str]) -> str:
    """Junior, senior and specialised roles belong to their base role's line."""
    current, steps = slug, 0
    while parents.get(current) and steps < 20:
        current, steps = parents[current], steps + 1
    return current


def _revision_of(stamp: str) -> int:
    return int(stamp.split(".")[0] or 0)


def refreshed(old: Catalogue, stamp: str) -> Catalogue | None:
    """A copy of the old catalogue with the roles changed since it was built
    read again; None when a task or competency changed, or when the catalogue
    went back to an older state (a restored database): read everything."""
    if _revision_of(stamp) < old.revision:
        return None
    if _revision_of(stamp) == old.revision:  # an import: the roles are the same
        catalogue = old.copy()
        catalogue.stamp = stamp
        return catalogue
    kinds = ContentType.objects.get_for_models(Role, Task, Competency)
    entry_types = {kinds[Task].pk, kinds[Competency].pk}
    role_ids: set[int] = set()
    for content_type, object_id in Version.objects.filter(
        revision_id__gt=old.revision
    ).values_list("content_type_id", "object_id"):
        if content_type in entry_types:
            return None
        if content_type == kinds[Role].pk:
            role_ids.add(int(object_id))
    catalogue = old.copy()
    now = dict(Role.objects.filter(pk__in=role_ids).values_list("pk", "slug"))
    gone = {old.slug_of_id[pk] for pk in role_ids if pk in old.slug_of_id}
    gone -= set(now.values())
    fresh = load_role_data(sorted(now.values()))
    parents = {c.slug: c.lineage for c in old.live_cards() if c.lineage != c.slug}
    parents.update({d.slug: d.parent for d in fresh})
    catalogue.patch(gone, [card_of(d, lineage_of(d.slug, parents)) for d in fresh])
    catalogue.slug_of_id.update(now)
    catalogue.stamp, catalogue.revision = stamp, _revision_of(stamp)
    return catalogue


_lock = threading.Lock()
_current: list[Catalogue] = []


def current_catalogue() -> Catalogue:
    """Today's catalogue, kept per process; patched after an edit of roles."""
    stamp = catalogue_stamp()
    if _current and _current[0].stamp == stamp:
        return _current[0]
    with _lock:
        if _current and _current[0].stamp == stamp:
            return _current[0]
        catalogue = refreshed(_current[0], stamp) if _current else None
        _current[:] = [catalogue or build_catalogue(stamp)]
        return _current[0]
