""" "Kurz gesagt": short, plain, generated from the data — and measured.

Readability is Amstad's Flesch for German (comparisons/readability.py); the bars
are the issue's: at least 60 on average, at least 50 for every pair of shipped
roles. The figures are printed (pytest -s) for the closing note.
"""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import combinations
from statistics import mean

import pytest

from comparisons.readability import amstad, measure, syllables
from comparisons.verdict import MAX_SENTENCES, verdict
from roles.models import Role
from roles.readmodels import RelationEntry, load_role_data
from tests.comparisons.builders import role, task
from tests.conftest import restore_flushed_data

PAIR_WORDS_MAX = 90
MANY_WORDS_MAX = 120
TRIPLE_SAMPLE = 40


def test_readability_formula_on_known_texts():
    assert syllables("Unternehmen") == 4 and syllables("Strategie") == 3
    plain = "Der Hund bellt. Die Katze schläft."
    academic = (
        "Die Implementierung kommunikationsstrategischer Maßnahmen erfordert "
        "eine interdisziplinäre Koordination."
    )
    assert amstad(plain) > 90 > 30 > amstad(academic)
    assert measure(plain).sentences == 2 and measure(plain).words == 6


@pytest.fixture(scope="module")
def shipped_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_flushed_data()  # an earlier transactional test may have flushed
        slugs = sorted(Role.objects.values_list("slug", flat=True))
        return {data.slug: data for data in load_role_data(slugs)}


def _text(roles) -> str:
    return " ".join(verdict(roles))


def test_every_shipped_pair_reads_plainly_and_briefly(shipped_data):
    scores, words = [], []
    for a, b in combinations(sorted(shipped_data), 2):
        text = _text([shipped_data[a], shipped_data[b]])
        result = measure(text)
        assert result.amstad >= 50, (a, b, result.amstad, text)
        assert result.words <= PAIR_WORDS_MAX, (a, b, text)
        assert 2 <= result.sentences <= MAX_SENTENCES, (a, b, text)
        scores.append(result.amstad)
        words.append(result.words)
    print(f"\npairs: {len(scores)}, Amstad mean {mean(scores):.1f}, "
          f"min {min(scores):.1f}, words mean {mean(words):.0f}, "
          f"max {max(words)}")  # fmt: skip
    assert mean(scores) >= 60


def test_a_sample_of_triples_reads_plainly_too(shipped_data):
    chooser = random.Random(20261201)  # fixed: the same sample every run
    slugs = sorted(shipped_data)
    triples = [chooser.sample(slugs, 3) for _ in range(TRIPLE_SAMPLE)]
    scores = []
    for triple in triples:
        text = _text([shipped_data[s] for s in triple])
        result = measure(text)
        assert result.sentences <= MAX_SENTENCES and result.words <= MANY_WORDS_MAX
        scores.append(result.amstad)
    print(f"\ntriples: {len(scores)}, Amstad mean {mean(scores):.1f}, "
          f"min {min(scores):.1f}")  # fmt: skip
    assert mean(scores) >= 60


def test_manager_and_berater_verdict_says_what_sets_them_apart(shipped_data):
    sentences = verdict(
        [shipped_data["social-media-manager"], shipped_data["social-media-berater"]]
    )
    assert len(sentences) <= MAX_SENTENCES
    text = " ".join(sentences)
    manager = " ".join(s for s in sentences[:2])
    berater = " ".join(s for s in sentences[2:4])
    assert "Social Media Manager setzt" in manager and "um." in manager
    assert "Community" in manager
    assert "Social Media Berater" in berater and "von außen" in berater
    assert "Strategie" in berater
    # From the company sizes: the Berater serves small firms, the manager does not.
    assert "In kleinen Firmen übernimmt Social Media Berater" in text
    print("\nManager vs Berater:", text, f"(Amstad {amstad(text)})")


def test_verdict_follows_the_data_not_the_names():
    planner = replace(role("a", orientation=1), position="external")
    doer = role("b", orientation=9, tasks=[task("x", "owns", area="community")])
    text = _text([planner, doer])
    assert "A prüft die Firma von außen." in text
    assert "B setzt im Haus um." in text and "Community" in text
    swapped = _text([replace(planner, orientation=9), replace(doer, orientation=1)])
    assert "A setzt von außen um." in swapped and "B plant im Haus." in swapped


def test_company_size_sentence_only_where_the_data_says_so():
    small = replace(role("a"), company_sizes=("small", "medium"))
    large = replace(role("b"), company_sizes=("large",))
    assert "Für kleine Firmen passt nur A." in _text([small, large])
    related = replace(small, relations=(RelationEntry("b", "supports", "x"),))
    assert "In kleinen Firmen übernimmt A oft auch die Arbeit von B." in _text(
        [related, large]
    )
    both_small = replace(large, company_sizes=("small",))
    assert "kleine" not in _text([small, both_small])


def _is_sentence(text: str) -> bool:
    return text[:1].isupper() and text.endswith(".") and len(text.split()) >= 2


@pytest.mark.parametrize(
    "roles",
    [
        [role("a"), role("b")],  # no tasks at all
        [role("a", tasks=[task("x", "owns")]), role("b", tasks=[task("y", "owns")])],
        [role("junior", orientation=8), role("senior", orientation=3)],
        [role(f"r{n}", orientation=n, tasks=[task("x", "owns")]) for n in range(6)],
    ],
    ids=["no-tasks", "nothing-in-common", "junior-senior", "six-of-a-family"],
)
def test_odd_inputs_still_give_short_real_sentences(roles):
    sentences = verdict(roles)
    assert 1 <= len(sentences) <= MAX_SENTENCES
    assert all(_is_sentence(s) for s in sentences), sentences
    assert len(" ".join(sentences).split()) <= MANY_WORDS_MAX
