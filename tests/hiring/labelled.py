"""The labelled job ads and employer situations the check and the guide are
measured on.

Ads live in ``ads/<batch>/`` (one file each: a small header, ``---``, the ad);
batches named ``f…`` carry fairness labels, and ``f2`` on carries only those (no
role labels: those ads are measured by the fairness notes alone);
situations in ``situations/<batch>/`` (JSON). Each batch was written before the
check or the guide saw it, by writers who did not see the code. The file
``FROZEN`` names the frozen test part: chosen at random per batch when the batch
arrived, before anyone looked at its texts, and never tuned on. Thresholds are
asserted on the frozen part; everything else is the tuning part.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
ADS = HERE / "ads"
SITUATIONS = HERE / "situations"
FROZEN = HERE / "FROZEN"
TEST, TUNE = "test", "tune"


@dataclass(frozen=True)
class LabelledAd:
    name: str  # "<batch>/<file stem>"
    batch: str
    text: str
    best: str  # "" when the ad is labelled for fairness only
    also: tuple[str, ...]
    mixed: bool
    tasks: frozenset[str]
    declined: frozenset[str] = frozenset()
    title: str | None = None  # the role the title names; "none"; None: not labelled
    fairness: frozenset[str] | None = None  # None: not labelled for fairness
    part: str = TUNE

    @property
    def acceptable(self) -> tuple[str, ...]:
        return (self.best, *self.also)


@dataclass(frozen=True)
class LabelledSituation:
    name: str
    batch: str
    story: str
    answers: dict
    best: str
    acceptable: tuple[str, ...]
    mixed: bool
    part: str = TUNE


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def frozen_names() -> frozenset[str]:
    if not FROZEN.exists():
        return frozenset()
    lines = FROZEN.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip() for line in lines if line.strip() and not line.startswith("#")
    )


def _ad(path: Path, frozen: frozenset[str]) -> LabelledAd:
    head, text = path.read_text(encoding="utf-8").split("---\n", 1)
    meta = {
        key.strip(): value.strip()
        for key, value in (
            line.split(":", 1) for line in head.strip().splitlines() if ":" in line
        )
    }
    name = f"{path.parent.name}/{path.stem}"
    return LabelledAd(
        name=name,
        batch=path.parent.name,
        text=text,
        best=meta.get("best", ""),
        also=tuple(_split(meta.get("also", ""))),
        mixed=meta.get("mixed", "no") == "yes",
        tasks=frozenset(_split(meta.get("tasks", ""))),
        declined=frozenset(_split(meta.get("declined", ""))),
        title=meta.get("title") or None,
        fairness=(frozenset(_split(meta["fairness"])) if "fairness" in meta else None),
        part=TEST if name in frozen else TUNE,
    )


def _all_ads(part: str | None) -> list[LabelledAd]:
    frozen = frozen_names()
    ads = [_ad(path, frozen) for path in sorted(ADS.glob("*/*.txt"))]
    return [ad for ad in ads if part is None or ad.part == part]


def load_ads(part: str | None = None) -> list[LabelledAd]:
    """Every ad labelled with its roles, or only the frozen test part or the
    tuning part."""
    return [ad for ad in _all_ads(part) if ad.best]


def load_fairness_ads(part: str | None = None) -> list[LabelledAd]:
    """Every ad labelled for the fairness notes (with or without role labels)."""
    return [ad for ad in _all_ads(part) if ad.fairness is not None]


def load_situations(part: str | None = None) -> list[LabelledSituation]:
    frozen = frozen_names()
    found = []
    for path in sorted(SITUATIONS.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = f"{path.parent.name}/{path.stem}"
        found.append(
            LabelledSituation(
                name=name,
                batch=path.parent.name,
                story=data["story"],
                answers=data["answers"],
                best=data["best"],
                acceptable=tuple(dict.fromkeys([data["best"], *data["acceptable"]])),
                mixed=bool(data.get("mixed")),
                part=TEST if name in frozen else TUNE,
            )
        )
    return [s for s in found if part is None or s.part == part]


def wilson(successes: int, total: int, z: float = 1.645) -> tuple[float, float]:
    """The Wilson score interval of a share (z = 1.645: 90 % confidence)."""
    if total == 0:
        return (0.0, 1.0)
    share = successes / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    denominator = 1 + z * z / total
    return (
        max(0.0, (centre - spread) / denominator),
        min(1.0, (centre + spread) / denominator),
    )
