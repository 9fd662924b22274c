"""One word, more than one meaning: the clause around a word decides.

"Kommentare moderieren" is moderation of a community; "Workshops moderieren",
"Kundenabende moderieren" or "eine Podiumsdiskussion moderieren" is leading an
event. A trigger word stands for its catalogue meaning only when the clause does
not make it the other thing — unless the clause also speaks of the online
dialogue the catalogue means.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sense:
    trigger: str  # the root the catalogue reads as its meaning
    other: tuple[str, ...]  # words (or their parts) that make it something else
    keep: tuple[str, ...]  # words (or their parts) that keep the catalogue's meaning
    anywhere: bool = False  # ``other`` inside a word; else only at its end


EVENTS = (
    "workshop",
    "veranstaltung",
    "event",
    "abend",
    "panel",
    "podium",
    "runde",
    "konferenz",
    "tagung",
    "gesprach",
    "talk",
    "verkostung",
    "lesung",
    "sitzung",
    "webinar",
    "messe",
    "feier",
    "fest",
    "gala",
    "show",
    "meeting",
    "seminar",
    "session",
    "barcamp",
    "interview",
    "diskussionsrunde",
    "fuhrung",
    "buhne",
    "festival",
    "preisverleihung",
    "empfang",
    "kongress",
    "forumsveranstaltung",
)
ONLINE = (
    "kommentar",
    "community",
    "forum",
    "chat",
    "gruppe",
    "kanal",
    "kanale",
    "social",
    "netz",
    "online",
    "nutzer",
    "posting",
    "beitrag",
    "plattform",
    "follower",
    "fans",
    "discord",
    "instagram",
    "facebook",
    "tiktok",
    "linkedin",
    "youtube",
    "twitter",
    "diskussionen",
)
PRESS = ("medien", "presse", "journalist", "redaktionen", "medienvertret")
SENSES = (
    Sense("moder", EVENTS, ONLINE),
    # Questions from journalists are press work, not dialogue with customers.
    Sense("anfrag", PRESS, ONLINE, anywhere=True),
    Sense("beantwort", PRESS, ONLINE, anywhere=True),
)


def blocked_roots(bare_words: list[str], roots_present: set[str]) -> set[str]:
    """The trigger roots that the clause gives another meaning."""
    blocked = set()
    for sense in SENSES:
        if sense.trigger not in roots_present:
            continue
        other = any(
            any(part in word for part in sense.other)
            if sense.anywhere
            else word.endswith(sense.other)
            for word in bare_words
        )
        keep = any(
            word.startswith(sense.keep) or word.endswith(sense.keep)
            for word in bare_words
        )
        if other and not keep:
            blocked.add(sense.trigger)
    return blocked
