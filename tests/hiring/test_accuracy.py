"""The check measured on the labelled ads, on the frozen test part only
(tests/hiring/labelled.py); the tuning part is printed.

The issue's bars (85 % best role first, 85 % of mixed ads found, at most 10 %
false alarms) are NOT reached on the frozen part: the asserted floors below are
the measured figures less a small margin, so that a change that makes the check
worse fails the suite. GOALS keeps the bars; docs/hiring.md reports both, with
intervals.

Also: the same answer for an ad pasted as one line, the list ordered by the
measure it shows, and the same answers with thousands of generated roles in the
catalogue as with the shipped sixteen.
"""

from __future__ import annotations

import random

import pytest

from core.caching import catalogue_stamp
from hiring.catalogue import DOING_CORE, RoleCard, build_catalogue
from hiring.check import AdRejected, check_ad
from hiring.checkindex import build_check_index
from tests.conftest import restore_flushed_data
from tests.hiring.labelled import TEST, TUNE, load_ads, wilson

GOALS = {"best": 0.85, "mixed": 0.85, "false_alarms": 0.10, "recall": 0.70}
# Measured on the frozen part (225 ads with batch b16, December 2026): best 84 %
# with the resemblance to each role's ads (74 % without), mixed 75 %, false alarms
# 15 %, recall 0.68. Before b16 (203 ads, no resemblance): 75 %, 80 %, 14 %, 0.69.
# One-line pastes change 18 of 428 answers.
FLOORS = {"best": 0.81, "mixed": 0.70, "false_alarms": 0.18, "recall": 0.65}
ONE_LINE_CHANGES = 0.045


# Marked, so that pytest-django sets up the database even when only this file runs.
pytestmark = pytest.mark.django_db
ADS = load_ads()
FROZEN = [ad for ad in ADS if ad.part == TEST]


@pytest.fixture(scope="module")
def index(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_flushed_data()  # a transactional test may have emptied the database
        return build_check_index(build_catalogue(catalogue_stamp()))


def _check(text: str, index):
    """The result, or None when the check refused the ad (counts as wrong)."""
    try:
        return check_ad(text, index)
    except AdRejected:
        return None


def _answer(result) -> tuple:
    return (result.best.slug, result.mixed) if result else (None, None)


@pytest.fixture(scope="module")
def results(index):
    return {ad.name: _check(ad.text, index) for ad in ADS}


def _figures(ads, results) -> dict:
    right = [ad for ad in ads if _answer(results[ad.name])[0] in ad.acceptable]
    mixed = [ad for ad in ads if ad.mixed]
    clean = [ad for ad in ads if not ad.mixed]
    return {
        "right": len(right) / len(ads),
        "right_ci": wilson(len(right), len(ads)),
        "mixed": sum(bool(_answer(results[a.name])[1]) for a in mixed) / len(mixed),
        "false": sum(bool(_answer(results[a.name])[1]) for a in clean) / len(clean),
        "n": len(ads),
    }


def test_the_frozen_part_is_large_and_varied_enough():
    assert len(ADS) >= 150
    assert len(FROZEN) >= len(ADS) / 3
    assert sum(ad.mixed for ad in FROZEN) >= 20
    batches = {ad.batch for ad in FROZEN}
    assert len(batches) >= 5


def test_best_role_first_on_the_frozen_part(results):
    figures = _figures(FROZEN, results)
    low, high = figures["right_ci"]
    tune = _figures([a for a in ADS if a.part == TUNE], results)
    print(
        f"\nfrozen: best {figures['right']:.0%} [{low:.0%}–{high:.0%}] of "
        f"{figures['n']}; tuning part: {tune['right']:.0%}"
    )
    assert figures["right"] >= FLOORS["best"]


def test_mixed_ads_are_found_and_clean_ones_are_not(results):
    figures = _figures(FROZEN, results)
    print(
        f"\nfrozen: mixed found {figures['mixed']:.0%}, "
        f"false alarms {figures['false']:.0%}"
    )
    assert figures["mixed"] >= FLOORS["mixed"]
    assert figures["false"] <= FLOORS["false_alarms"]


def test_recall_of_asked_tasks_on_the_frozen_part(results):
    asked = sum(len(ad.tasks) for ad in FROZEN)
    found = sum(
        len(ad.tasks & {t.entry.slug for t in results[ad.name].tasks if not t.declined})
        for ad in FROZEN
        if results[ad.name]
    )
    print(f"\nfrozen: recall {found / asked:.2f}")
    assert found / asked >= FLOORS["recall"]


def test_the_roles_are_ordered_by_the_measure_they_show(results):
    for name, result in results.items():
        if result is None:
            continue
        scores = [fit.score for fit in result.roles]
        assert scores == sorted(scores, reverse=True), name
        for first, second in zip(result.roles, result.roles[1:], strict=False):
            if first.score == second.score:
                assert first.decided_by, name  # the page names the rule


def test_an_ad_pasted_as_one_line_gets_the_same_answer(index, results):
    changed = []
    for ad in ADS:
        again = _check(" ".join(ad.text.split()), index)
        if _answer(again) != _answer(results[ad.name]):
            changed.append(ad.name)
    # Names of the tuning part only: the frozen part is measured, not looked into.
    shown = [name for name in changed if name not in {a.name for a in FROZEN}]
    print(f"\none line: {len(changed)} of {len(ADS)} answers change")
    assert len(changed) <= len(ADS) * ONE_LINE_CHANGES, (len(changed), shown)


def _synthetic_cards(count: int, seed: int, tasks, competencies) -> list[RoleCard]:
    """Roles as `manage.py generate_catalogue` makes them: random ticks only."""
    rng = random.Random(seed)
    responsibilities = ["owns", "carries-out", "carries-out", "contributes", "excluded"]
    cards = []
    for number in range(1, count + 1):
        picked = rng.sample(tasks, min(15, len(tasks)))
        cards.append(
            RoleCard(
                slug=f"synthetisch-{number:05d}",
                title=f"Synthetische Rolle {number:05d}",
                url=f"/roles/synthetisch-{number:05d}/",
                names=(f"Synthetische Rolle {number:05d}",),
                family=rng.choice(["social-media", "community", "kommunikation"]),
                seniority="none",
                lineage=f"synthetisch-{number:05d}",
                position=rng.choice(["internal", "external", "both"]),
                orientation=rng.randint(0, 10),
                company_sizes=("small",),
                is_reviewed=False,
                is_described=False,
                is_misreading=False,
                tasks=(ticks := {t: rng.choice(responsibilities) for t in picked}),
                core=frozenset(t for t, r in ticks.items() if r in DOING_CORE),
                competencies={
                    c: (rng.randint(1, 4), True)
                    for c in rng.sample(competencies, min(12, len(competencies)))
                },
            )
        )
    return cards


def test_ten_thousand_generated_roles_change_no_answer(index, results):
    catalogue = build_catalogue(catalogue_stamp())
    tasks = sorted(entry.slug for entry in catalogue.tasks())
    competencies = sorted(s for (k, s) in catalogue.entries if k == "competency")
    for card in _synthetic_cards(10_000, 7, tasks, competencies):
        catalogue.put(card)
    catalogue.index_tasks()
    crowded = build_check_index(catalogue, index.wording)
    changed = []
    for ad in ADS:
        if _answer(_check(ad.text, crowded)) != _answer(results[ad.name]):
            changed.append(ad.name)
    shown = [name for name in changed if name not in {a.name for a in FROZEN}]
    assert changed == [], (len(changed), shown)
