"""The learned part of the check (hiring/resemblance.py): built from the tuning
part only, shipped as it was built, and weighed into the one measure shown."""

from __future__ import annotations

import json

import pytest

from hiring.check import check_ad
from hiring.resemblance import PROFILES_FILE, build_profiles, shipped_profiles
from tests.hiring.labelled import TEST, TUNE, load_ads

ADS = load_ads()


def _rounded(profiles) -> dict:
    return {
        slug: {w: round(x, 5) for w, x in vector.items() if round(x, 5)}
        for slug, vector in profiles.roles.items()
    }


def test_the_shipped_profiles_are_those_of_the_tuning_part_and_no_more():
    tune = [ad for ad in ADS if ad.part == TUNE]
    rebuilt = build_profiles((ad.text, ad.best) for ad in tune)
    shipped = json.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    assert shipped["roles"] == _rounded(rebuilt), (
        "hiring/data/ad_profiles.json is not the tuning part's: "
        "run python benchmarks/build_ad_profiles.py"
    )
    # With the frozen ads in, the file would differ: the test can tell.
    everything = build_profiles((ad.text, ad.best) for ad in ADS)
    assert _rounded(everything) != shipped["roles"]
    assert any(ad.part == TEST for ad in ADS)


def test_the_shipped_vocabulary_is_the_tuning_parts():
    tune = build_profiles((a.text, a.best) for a in ADS if a.part == TUNE)
    everything = build_profiles((a.text, a.best) for a in ADS)
    shipped = set(shipped_profiles().idf)
    assert shipped == set(tune.idf)
    assert shipped != set(everything.idf)  # words known from frozen ads are not in


def test_every_shipped_role_has_a_profile():
    assert len(shipped_profiles().roles) == 16


@pytest.mark.django_db
def test_the_passung_weighs_tasks_and_resemblance_and_orders_the_list(catalogue):
    result = check_ad(
        "Community Manager (m/w/d)\\n\\nIhre Aufgaben\\n"
        "- Sie moderieren die Kommentare in unserem Forum und auf Discord\\n"
        "- Sie beantworten Fragen der Mitglieder\\n"
        "- Sie bauen die Community auf und organisieren Community-Events\\n"
        "- Sie sammeln Feedback und geben es an die Produktentwicklung weiter\\n"
    )
    scores = [fit.score for fit in result.roles]
    assert scores == sorted(scores, reverse=True)
    assert all(fit.resemblance is not None for fit in result.roles)
    assert result.best.slug in {"community-manager", "junior-community-manager"}
    best, reasons = result.ranked[0]
    assert best.slug == result.best.slug
    assert any(reason.startswith("Ähnlichkeit mit Anzeigen") for reason in reasons)


def test_an_ad_that_reads_like_no_role_gets_no_resemblance():
    alike = shipped_profiles().resemblances("Zzzz qqqq xxxx wwww")
    assert set(alike.values()) == {0.0}
