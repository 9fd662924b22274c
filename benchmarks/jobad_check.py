"""Benchmark of the job-ad check: CPU time per check for ads of 500, 3,000 and
20,000 characters against the shipped catalogue, in process (no HTTP), after the
catalogue index is built; plus the cold build of that index. Not a test.

Also prints the accuracy on the labelled set and the confusion between roles, the
figures the closing note of Step 7 reports.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import server_env  # noqa: E402

LENGTHS = (500, 3_000, 20_000)
ROUNDS = {500: 200, 3_000: 60, 20_000: 15}


def ad_of_length(texts: list[str], length: int) -> str:
    """Labelled ads one after another, cut at a word near ``length``."""
    text = ""
    while len(text) < length:
        text += "\n\n".join(texts)
    return text[:length].rsplit(" ", 1)[0]


def main() -> None:
    os.environ.update(server_env("check-bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from hiring.index import build_index, current_index

    from hiring.check import check_ad
    from tests.hiring.labelled import load_ads

    ads = load_ads()
    started = time.process_time()
    build_index()
    build_ms = 1000 * (time.process_time() - started)
    print(f"\nIndex des Katalogs aufbauen (kalt): {build_ms:.0f} ms CPU")
    current_index()
    print(f"\n{'Anzeige':>16} {'Prüfungen':>10} {'CPU ms/Prüfung':>15}")
    for length in LENGTHS:
        text = ad_of_length([ad.text for ad in ads], length)
        check_ad(text)
        started = time.process_time()
        for _ in range(ROUNDS[length]):
            check_ad(text)
        per_check = 1000 * (time.process_time() - started) / ROUNDS[length]
        print(f"{len(text):>10} Zeichen {ROUNDS[length]:>10} {per_check:>15.1f}")
    report_accuracy(ads, check_ad)


def report_accuracy(ads, check_ad) -> None:
    results = {ad.name: check_ad(ad.text) for ad in ads}
    right = sum(results[a.name].best.slug in (a.best, *a.also) for a in ads)
    mixed = [a for a in ads if a.mixed]
    clean = [a for a in ads if not a.mixed]
    asked = sum(len(a.tasks) for a in ads)
    found = sum(
        len(a.tasks & {t.entry.slug for t in results[a.name].tasks if not t.declined})
        for a in ads
    )
    print(f"\nBeschriftete Anzeigen: {len(ads)} ({len(mixed)} gemischt)")
    print(f"Beste Rolle richtig: {right}/{len(ads)} = {right / len(ads):.0%}")
    flagged = sum(results[a.name].mixed for a in mixed)
    false = sum(results[a.name].mixed for a in clean)
    print(f"Gemischte erkannt: {flagged}/{len(mixed)}")
    print(f"Saubere fälschlich als gemischt: {false}/{len(clean)}")
    print(f"Recall der verlangten Aufgaben: {found}/{asked} = {found / asked:.2f}")
    confusion = Counter(
        (a.best, results[a.name].best.slug)
        for a in ads
        if results[a.name].best.slug not in (a.best, *a.also)
    )
    for (labelled, answered), count in confusion.most_common():
        print(f"  verwechselt: {labelled} → {answered} ({count}×)")


if __name__ == "__main__":
    main()
