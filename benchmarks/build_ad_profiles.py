"""Build the check's role profiles (hiring/resemblance.py) from the labelled ads.

Only the tuning part is read: the frozen test part (tests/hiring/FROZEN) never
shapes the check, so it keeps measuring it honestly. Run after a new batch has
been added and its first look recorded:

    python benchmarks/build_ad_profiles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hiring.resemblance import PROFILES_FILE, build_profiles, save_profiles  # noqa: E402
from tests.hiring.labelled import TUNE, load_ads  # noqa: E402


def main() -> None:
    ads = [ad for ad in load_ads() if ad.best and ad.part == TUNE]
    profiles = build_profiles((ad.text, ad.best) for ad in ads)
    save_profiles(profiles)
    size = PROFILES_FILE.stat().st_size // 1024
    print(
        f"{len(ads)} ads of the tuning part → {len(profiles.roles)} role profiles, "
        f"{len(profiles.idf)} words, {size} KB: {PROFILES_FILE.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
