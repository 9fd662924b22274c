"""How much an ad reads like the ads written for each role: the "Ähnlichkeit".

The rules read what an ad asks (hiring/matching.py) and miss work said in words
the catalogue does not hold. This is a second, learned signal: for each role, the
typical words of labelled ads whose best answer is that role (TF-IDF over lemmas,
one profile per role), compared with the ad by cosine similarity.

The profiles are built from the *tuning part* of the labelled ads only — never
from the frozen test part — by ``python benchmarks/build_ad_profiles.py``, and
shipped as ``hiring/data/ad_profiles.json``. A role without a profile (a new role,
the generated roles of a load test) simply gets no resemblance; its tasks still
count. Nothing is downloaded or trained at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import simplemma

PROFILES_FILE = Path(__file__).parent / "data" / "ad_profiles.json"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
MIN_LETTERS = 3
MIN_ADS_WITH_WORD = 2  # a word of one ad only says nothing about a role
STOPWORDS = frozenset(
    "und oder der die das ein eine einer eines einem einen wir sie ihr du dich dir "
    "uns unser unsere unserer für mit von zu zum zur im in am an auf als auch bei "
    "ist sind wird werden hast hat haben sowie aus nach über unter dass es so wie "
    "was wer nicht kein keine".split()
)

Vector = dict[str, float]


@lru_cache(maxsize=50_000)
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de").lower()


def lemmas(text: str) -> list[str]:
    """The ad's words as lemmas, without short and function words."""
    found = []
    for word in WORD.findall(text):
        word = word.lower()
        if len(word) >= MIN_LETTERS and word not in STOPWORDS:
            found.append(_lemma(word))
    return found


def _normalised(weights: Vector) -> Vector:
    length = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {word: x / length for word, x in weights.items()}


@dataclass(frozen=True)
class AdProfiles:
    idf: dict[str, float]
    roles: dict[str, Vector]  # role slug → unit vector of its typical words

    def vector(self, text: str) -> Vector:
        counts = Counter(lemmas(text))
        return _normalised(
            {
                word: (1 + math.log(n)) * self.idf[word]
                for word, n in counts.items()
                if word in self.idf
            }
        )

    def resemblances(self, text: str) -> dict[str, float]:
        """Role slug → cosine similarity (0–1) of the ad with the role's ads."""
        ad = self.vector(text)
        return {
            slug: sum(x * profile.get(word, 0.0) for word, x in ad.items())
            for slug, profile in self.roles.items()
        }


def build_profiles(labelled: Iterable[tuple[str, str]]) -> AdProfiles:
    """Profiles from (ad text, best role slug) pairs."""
    pairs = [(Counter(lemmas(text)), slug) for text, slug in labelled]
    ads_with = Counter(word for counts, _slug in pairs for word in counts)
    total = len(pairs)
    idf = {
        word: math.log(total / (1 + n))
        for word, n in ads_with.items()
        if n >= MIN_ADS_WITH_WORD
    }
    profiles = AdProfiles(idf=idf, roles={})
    sums: dict[str, Counter[str]] = {}
    for counts, slug in pairs:
        ad = _normalised(
            {w: (1 + math.log(n)) * idf[w] for w, n in counts.items() if w in idf}
        )
        sums.setdefault(slug, Counter()).update(ad)
    roles = {slug: _normalised(dict(total_)) for slug, total_ in sums.items()}
    return AdProfiles(idf=profiles.idf, roles=roles)


def save_profiles(profiles: AdProfiles, path: Path = PROFILES_FILE) -> None:
    data = {
        "idf": {w: round(x, 4) for w, x in sorted(profiles.idf.items())},
        "roles": {
            slug: {w: round(x, 5) for w, x in sorted(vector.items()) if round(x, 5)}
            for slug, vector in sorted(profiles.roles.items())
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


@lru_cache(maxsize=1)
def shipped_profiles() -> AdProfiles:
    """The profiles that ship with the app; empty when the file is missing."""
    if not PROFILES_FILE.exists():
        return AdProfiles(idf={}, roles={})
    data = json.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    return AdProfiles(idf=data["idf"], roles=data["roles"])
