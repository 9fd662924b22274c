"""Measure the fairness notes on the labelled ads (tests/hiring/ads/f*).

Per note: found (labelled and given), missed (labelled, not given), false alarms
(given, not labelled), with a 90 % Wilson interval for the share of ads where the
note is right (given exactly when labelled). Details of single ads are printed for
the tuning part only: the frozen part is measured, never looked into.

    python benchmarks/evaluate_fairness.py               # all fairness ads
    python benchmarks/evaluate_fairness.py --batch f2    # one batch (first look)
    python benchmarks/evaluate_fairness.py --frozen      # the frozen part only
    python benchmarks/evaluate_fairness.py --details     # + the tuning part's misses
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def notes_for(text: str) -> set[str]:
    from hiring.check import prepare
    from hiring.fairness import fairness_notes
    from hiring.layout import read_layout

    prepared = prepare(text)
    title = read_layout(prepared).title_text(prepared)
    return {note.code for note in fairness_notes(prepared, title)}


def figures(ads, given: dict) -> list[tuple]:
    from hiring.fairness import CODES
    from tests.hiring.labelled import wilson

    rows = []
    for code in CODES:
        found = sum(code in ad.fairness and code in given[ad.name] for ad in ads)
        missed = sum(code in ad.fairness and code not in given[ad.name] for ad in ads)
        false = sum(code not in ad.fairness and code in given[ad.name] for ad in ads)
        right = len(ads) - missed - false
        low, high = wilson(right, len(ads))
        rows.append((code, found, missed, false, right, len(ads), low, high))
    return rows


def table(label: str, ads, given: dict) -> str:
    out = [
        f"\n{label} ({len(ads)} ads)",
        "| note | found | missed | false alarms | right | 90 % interval |",
        "|---|---:|---:|---:|---|---|",
    ]
    for code, found, missed, false, right, total, low, high in figures(ads, given):
        out.append(
            f"| {code} | {found} | {missed} | {false} | {right}/{total} = "
            f"{right / total:.0%} | {low:.0%}–{high:.0%} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", action="append")
    parser.add_argument("--frozen", action="store_true")
    parser.add_argument("--details", action="store_true")
    options = parser.parse_args()
    import django

    django.setup()
    from django.utils import translation

    from tests.hiring.labelled import TEST, TUNE, load_fairness_ads

    translation.activate("de")
    ads = load_fairness_ads(TEST if options.frozen else None)
    if options.batch:
        ads = [ad for ad in ads if ad.batch in options.batch]
    given = {ad.name: notes_for(ad.text) for ad in ads}
    print(table("all", ads, given))
    for part in (TEST, TUNE):
        chosen = [ad for ad in ads if ad.part == part]
        if chosen:
            print(table(part, chosen, given))
    if options.details:
        for ad in ads:
            if ad.part == TUNE and given[ad.name] != ad.fairness:
                print(
                    f"{ad.name}: labelled {sorted(ad.fairness)}, "
                    f"given {sorted(given[ad.name])}"
                )


if __name__ == "__main__":
    main()
