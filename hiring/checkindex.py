"""Everything the check reads besides the ad, kept per process and catalogue state:
the catalogue's words (hiring.wording), the roles (hiring.catalogue), the roles'
names for titles, and who holds which craft.

After an edit of roles only their names are read again (the catalogue patches
its cards); the words are built again only when a task or competency changed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from hiring.catalogue import Catalogue, RoleCard, current_catalogue
from hiring.mixing import specialists_of
from hiring.titles import TitleIndex, name_sequences
from hiring.wording import Wording, build_wording


@dataclass
class CheckIndex:
    catalogue: Catalogue
    wording: Wording
    titles: TitleIndex
    names: dict[int, tuple[tuple[str, ...], ...]]
    specialists: dict[str, list[RoleCard]]

    @property
    def stamp(self) -> str:
        return self.catalogue.stamp


def build_check_index(
    catalogue: Catalogue, wording: Wording | None = None
) -> CheckIndex:
    cards = list(enumerate(catalogue.cards))
    if wording is None:
        names = (name for _n, card in cards if card for name in card.names)
        wording = build_wording(catalogue.entries.values(), names)
    index = CheckIndex(catalogue, wording, TitleIndex(), {}, specialists_of(catalogue))
    for number, card in cards:
        if card is not None:
            _add_names(index, number, card)
    return index


def _add_names(index: CheckIndex, number: int, card: RoleCard) -> None:
    sequences = name_sequences(card.names, index.wording)
    index.names[number] = sequences
    index.titles.add(number, sequences)


def patched(old: CheckIndex, catalogue: Catalogue) -> CheckIndex:
    """The index for a catalogue that only changed some roles: their names are
    read again, the words are kept."""
    changed = {
        n
        for n, card in enumerate(catalogue.cards)
        if n >= len(old.catalogue.cards) or old.catalogue.cards[n] is not card
    }
    titles = old.titles.copy()
    titles.remove(changed)
    index = CheckIndex(
        catalogue, old.wording, titles, dict(old.names), specialists_of(catalogue)
    )
    for number in changed:
        index.names.pop(number, None)
        card = catalogue.cards[number]
        if card is not None:
            _add_names(index, number, card)
    return index


_lock = threading.Lock()
_current: list[CheckIndex] = []


def current_check_index() -> CheckIndex:
    catalogue = current_catalogue()
    if _current and _current[0].catalogue is catalogue:
        return _current[0]
    with _lock:
        if _current and _current[0].catalogue is catalogue:
            return _current[0]
        old = _current[0] if _current else None
        if old is not None and old.catalogue.entries is catalogue.entries:
            index = patched(old, catalogue)
        else:
            index = build_check_index(catalogue)
        _current[:] = [index]
        return index
