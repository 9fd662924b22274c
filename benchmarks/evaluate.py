"""Measure the job-ad check and the guide on the labelled sets (`make evaluate`).

Prints, per batch and for the frozen test part and the tuning part: best role
first, mixed ads found, clean ads falsely called mixed, recall of the asked tasks
and (where labelled) what the title names; for the guide, an acceptable first role
and mixed needs found. Shares come with a 90 % Wilson interval.

Details of single ads and situations (what went wrong) are printed for the tuning
part only: the frozen part is measured, never looked into.

    python benchmarks/evaluate.py              # everything, by batch
    python benchmarks/evaluate.py --batch b12  # one new batch: its first look
    python benchmarks/evaluate.py --details    # plus the tuning part's misses
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import server_env  # noqa: E402


def share(hits: int, total: int) -> str:
    from tests.hiring.labelled import wilson

    if not total:
        return "–"
    low, high = wilson(hits, total)
    return f"{hits}/{total} = {hits / total:.0%} [{low:.0%}–{high:.0%}]"


class AdFigures:
    def __init__(self) -> None:
        self.total = self.right = self.mixed = self.found = 0
        self.clean = self.false_alarms = self.asked = self.recalled = 0
        self.titled = self.title_right = 0

    def add(self, ad, result) -> bool:
        self.total += 1
        best = result.best.slug if result and result.best else ""
        right = best in ad.acceptable
        self.right += right
        flagged = bool(result and result.mixed)
        if ad.mixed:
            self.mixed += 1
            self.found += flagged
        else:
            self.clean += 1
            self.false_alarms += flagged
        asked = (
            {t.entry.slug for t in result.tasks if not t.declined} if result else set()
        )
        self.asked += len(ad.tasks)
        self.recalled += len(ad.tasks & asked)
        if ad.title is not None and result is not None:
            self.titled += 1
            named = getattr(result, "title_role", None)
            named_slug = named.slug if named else "none"
            self.title_right += named_slug == ad.title
        return right

    def row(self, label: str) -> str:
        recall = f"{self.recalled / self.asked:.2f}" if self.asked else "–"
        return (
            f"| {label} | {self.total} | {share(self.right, self.total)} | "
            f"{share(self.found, self.mixed)} | "
            f"{share(self.false_alarms, self.clean)} | {recall} | "
            f"{share(self.title_right, self.titled)} |"
        )


def evaluate_ads(ads, check, details: bool) -> None:
    by_batch: dict[str, AdFigures] = defaultdict(AdFigures)
    by_part: dict[str, AdFigures] = defaultdict(AdFigures)
    misses = []
    for ad in ads:
        try:
            result = check(ad.text)
        except Exception as error:  # noqa: BLE001 - a refusal counts as wrong
            result, refusal = None, type(error).__name__
        else:
            refusal = ""
        right = by_batch[ad.batch].add(ad, result)
        by_part[ad.part].add(ad, result)
        mixed_wrong = bool(result and result.mixed) != ad.mixed
        if ad.part == "tune" and (not right or mixed_wrong):
            answered = result.best.slug if result and result.best else refusal
            flag = (
                f" mixed={bool(result and result.mixed)}≠{ad.mixed}"
                if mixed_wrong
                else ""
            )
            misses.append(f"  {ad.name}: {ad.best} → {answered}{flag}")
    header = (
        "| Teil | Anzeigen | beste Rolle zuerst | gemischte erkannt | "
        "falscher Alarm | Recall Aufgaben | Titel |\n|---|---:|---|---|---|---:|---|"
    )
    print("\n## Anzeigenprüfung nach Runde\n")
    print(header)
    for batch in sorted(by_batch):
        print(by_batch[batch].row(batch))
    print("\n## Anzeigenprüfung nach Teil\n")
    print(header)
    for part in ("test", "tune"):
        if part in by_part:
            print(
                by_part[part].row(
                    "eingefroren (Test)" if part == "test" else "Abstimmung"
                )
            )
    if details and misses:
        print("\nDaneben (nur Abstimmungsteil):")
        print("\n".join(misses))


def evaluate_situations(situations, recommend, details: bool) -> None:
    by_part: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    misses = []
    for situation in situations:
        answer = recommend(situation.answers)
        first = answer.roles[0].slug if answer.roles else ""
        figures = by_part[situation.part]
        figures[0] += 1
        figures[1] += first in situation.acceptable
        if situation.mixed:
            figures[2] += 1
            figures[3] += answer.mixed
        else:
            figures[4] += 1
            figures[5] += answer.mixed
        if situation.part == "tune" and (
            first not in situation.acceptable or answer.mixed != situation.mixed
        ):
            misses.append(
                f"  {situation.name}: {situation.best} → {first} "
                f"mixed={answer.mixed}≠{situation.mixed}"
            )
    print("\n## Rollenfinder\n")
    print(
        "| Teil | Lagen | passende erste Rolle | gemischte erkannt | falscher Alarm |"
    )
    print("|---|---:|---|---|---|")
    for part, f in sorted(by_part.items()):
        label = "eingefroren (Test)" if part == "test" else "Abstimmung"
        print(
            f"| {label} | {f[0]} | {share(f[1], f[0])} | {share(f[3], f[2])} | "
            f"{share(f[5], f[4])} |"
        )
    if details and misses:
        print("\nDaneben (nur Abstimmungsteil):")
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", action="append", default=[])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--no-guide", action="store_true")
    parser.add_argument(
        "--frozen",
        action="store_true",
        help="also measure the frozen test part (figures only): for the record, "
        "not while changing the check",
    )
    options = parser.parse_args()
    os.environ.update(server_env("evaluate"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from hiring.check import check_ad
    from tests.hiring.labelled import load_ads, load_situations

    ads = [ad for ad in load_ads() if not options.batch or ad.batch in options.batch]
    if not options.frozen and not options.batch:
        ads = [ad for ad in ads if ad.part == "tune"]
    evaluate_ads(ads, check_ad, options.details)
    if options.no_guide:
        return
    try:
        from hiring.guide import answer_guide
    except ImportError:
        print("\n(Rollenfinder: noch ohne Aufgabenfragen)")
        return
    situations = [
        s for s in load_situations() if not options.batch or s.batch in options.batch
    ]
    evaluate_situations(situations, answer_guide, options.details)


if __name__ == "__main__":
    main()
