"""The labelled job ads under ads/: each file has a small header, then the ad."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ADS = Path(__file__).parent / "ads"


@dataclass(frozen=True)
class LabelledAd:
    name: str
    text: str
    best: str
    also: tuple[str, ...]
    mixed: bool
    tasks: frozenset[str]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def load_ads() -> list[LabelledAd]:
    ads = []
    for path in sorted(ADS.glob("*.txt")):
        head, text = path.read_text(encoding="utf-8").split("---\n", 1)
        meta = dict(line.split(":", 1) for line in head.strip().splitlines())
        ads.append(
            LabelledAd(
                name=path.stem,
                text=text,
                best=meta["best"].strip(),
                also=tuple(_split(meta["also"])),
                mixed=meta["mixed"].strip() == "yes",
                tasks=frozenset(_split(meta["tasks"])),
            )
        )
    return ads
