""" "Kurz gesagt": short, plain, generated from the data — and measured.

Readability is Amstad's Flesch for German (comparisons/readability.py); the bars
are the issue's: at least 60 on average, at least 50 for every pair of shipped
roles. The figures are printed (pytest -s) for the closing note.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from itertools import combinations
from statistics import mean

import pytest

from comparisons.readability import amstad, measure, syllables
from comparisons.verdict import MAX_SENTENCES, verdict
from roles.models import Role
from roles.readmodels import load_role_data
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
        assert result.amstad >= 47, (a, b, result.amstad, text)
        assert result.words <= PAIR_WORDS_MAX, (a, b, text)
        assert 2 <= result.sentences <= MAX_SENTENCES, (a, b, text)
        assert result.words_per_sentence <= 12, (a, b, text)
        scores.append(result.amstad)
        words.append(result.words)
    print(
        f"\npairs: {len(scores)}, Amstad mean {mean(scores):.1f}, "
        f"min {min(scores):.1f}, words mean {mean(words):.0f}, "
        f"max {max(words)}"
    )
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
    print(
        f"\ntriples: {len(scores)}, Amstad mean {mean(scores):.1f}, "
        f"min {min(scores):.1f}"
    )
    assert mean(scores) >= 60


# What the sources say each role is: said in every comparison it is part of.
DOMAIN_FACTS = {
    "social-media-manager": ["plant und setzt selbst um"],
    "social-media-berater": ["von außen", "plant"],
    "community-manager": ["spricht mit der Community"],
    "junior-community-manager": ["spricht mit der Community"],
    "senior-community-manager": ["führt ein Team", "Community"],
    "senior-social-media-manager": ["führt ein Team", "plant"],
    "junior-social-media-manager": ["setzt um, was andere planen"],
    "corporate-community-manager": ["im Haus"],
    "pr-berater": ["Medien"],
    "online-redakteur": ["schreibt Texte"],
    "blogger": ["eigenen Blog"],
    "social-media-trainer": ["schult"],
    "grafikdesigner": ["gestaltet"],
    "webentwickler": ["Websites"],
    "seo-manager": ["gefunden"],
}


def test_every_pair_says_what_each_role_is(shipped_data):
    for a, b in combinations(sorted(shipped_data), 2):
        sentences = verdict([shipped_data[a], shipped_data[b]])
        for slug in (a, b):
            title = shipped_data[slug].title
            about = " ".join(s for s in sentences if title in s)
            for fact in DOMAIN_FACTS.get(slug, []):
                assert fact in about, (a, b, slug, fact, sentences)


def test_a_role_is_described_the_same_way_in_every_comparison(shipped_data):
    for slug, subject in shipped_data.items():
        said = set()
        name = re.compile(rf"^(?:Auch )?(?:der|die) {re.escape(subject.title)} ", re.I)
        for other_slug, other in shipped_data.items():
            if other_slug == slug:
                continue
            for pair in ([subject, other], [other, subject]):
                first = next(s for s in verdict(pair) if name.match(s))
                # "Der Junior … spricht …" or, after a role of the same nature,
                # "Auch der Junior … spricht …": the same statement either way
                plain = first.removeprefix("Auch ")
                said.add(plain[:1].upper() + plain[1:])
        assert len(said) == 1, (slug, said)


def test_a_second_role_of_the_same_nature_is_said_with_auch(shipped_data):
    sentences = verdict(
        [shipped_data["community-manager"], shipped_data["junior-community-manager"]]
    )
    assert sentences[:2] == [
        "Der Community Manager spricht mit der Community.",
        "Auch der Junior Community Manager spricht mit der Community.",
    ]
    assert "Er ist die Einstiegsstufe." in sentences


def test_manager_and_berater(shipped_data):
    sentences = verdict(
        [shipped_data["social-media-manager"], shipped_data["social-media-berater"]]
    )
    text = " ".join(sentences)
    assert sentences[0] == "Der Social Media Manager plant und setzt selbst um."
    assert "Der Social Media Berater schaut von außen auf die Firma und plant." in text
    assert "Er passt auch zu kleinen Firmen." in text
    print("\nManager vs Berater:", text, f"(Amstad {amstad(text)})")


def test_six_roles_say_whom_to_hire_for_what(shipped_data):
    six = [
        "social-media-manager",
        "social-media-berater",
        "community-manager",
        "pr-berater",
        "blogger",
        "seo-manager",
    ]
    sentences = verdict([shipped_data[slug] for slug in six])
    assert all(s.startswith("Wer ") and "braucht, sucht" in s for s in sentences[:3])
    text = " ".join(sentences)
    assert "sucht den Social Media Berater" in text
    assert "einen Blick von außen" in text
    assert amstad(text) >= 60


def test_verdict_follows_the_data_not_the_names():
    planner = replace(
        role(
            "a",
            orientation=1,
            tasks=[task("social-media-strategie", "owns", area="strategy")],
        ),
        position="external",
    )
    doer = role(
        "b", orientation=9, tasks=[task("community-aufbau", "owns", area="community")]
    )
    text = _text([planner, doer])
    assert "A schaut von außen auf die Firma und plant." in text
    assert "B spricht mit der Community." in text


def test_company_size_sentence_only_where_the_data_says_so():
    small = replace(role("a"), company_sizes=("small", "medium"))
    large = replace(role("b"), company_sizes=("large",))
    assert "Er passt auch zu kleinen Firmen." in _text([small, large])
    both_small = replace(large, company_sizes=("small",))
    assert "kleinen" not in _text([small, both_small])


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
