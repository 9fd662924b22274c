"""What the check writes for companies is plain German: measured with Amstad's
Flesch score over the warnings and suggestions for every labelled ad, role names
included (they are what the company reads)."""

from statistics import mean

import pytest

from comparisons.readability import amstad, measure
from hiring.check import AdRejected, check_ad
from tests.conftest import restore_flushed_data
from tests.hiring.labelled import load_ads


def _generated_text(result) -> str:
    """Warnings and suggestions without the quoted lines of the ad itself."""
    sentences = [w.text for w in result.warnings]
    sentences += [s.text.split(":")[0].rstrip(".") + "." for s in result.suggestions]
    return " ".join(sentences)


@pytest.fixture(scope="module")
def texts(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_flushed_data()  # a transactional test may have emptied the database
        found = {}
        for ad in load_ads():
            try:
                found[ad.name] = _generated_text(check_ad(ad.text))
            except AdRejected:
                continue  # nothing generated to read
        return found


def test_warnings_and_suggestions_read_plainly(texts):
    scores = {name: amstad(text) for name, text in texts.items()}
    print(f"\nAmstad: mean {mean(scores.values()):.1f}, min {min(scores.values())}")
    assert mean(scores.values()) >= 60
    assert min(scores.values()) >= 45, min(scores, key=scores.get)


def test_sentences_are_short(texts):
    for name, text in texts.items():
        assert measure(text).words_per_sentence <= 12, (name, text)


@pytest.mark.django_db
def test_guide_reasons_and_why_not_read_plainly(catalogue):
    from core.caching import catalogue_stamp
    from hiring.catalogue import build_catalogue
    from hiring.guide import answer_guide
    from tests.hiring.labelled import load_situations

    shipped = build_catalogue(catalogue_stamp())
    scores = []
    for situation in load_situations():
        answer = answer_guide(situation.answers, shipped)
        for role in answer.roles[:2]:
            # The sentences the guide writes; the tasks they list are the
            # catalogue's own plain names, shown as a list below them.
            for reasons in (role.reasons, role.why_not):
                text = " ".join(reason.text for reason in reasons)
                if text:
                    scores.append(amstad(text))
                    assert measure(text).words_per_sentence <= 10, text
    print(f"\nGuide reasons, Amstad: mean {mean(scores):.1f} over {len(scores)} texts")
    assert mean(scores) >= 60
