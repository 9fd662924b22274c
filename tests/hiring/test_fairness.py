"""The fairness notes on single phrases: what counts as pay, what is asking for
pay history, which titles address everyone, what is one-sided wording. Pure: no
database."""

from __future__ import annotations

import pytest

from hiring.fairness import (
    GENDER_CODED,
    PAY_HISTORY,
    PAY_MISSING,
    TITLE_NOT_NEUTRAL,
    fairness_notes,
)
from hiring.fairness.naming import one_gender_title
from hiring.fairness.pay import read_pay
from hiring.fairness.wording import coded_words, find_coded, one_sided


def _ad(title: str = "Social Media Manager (m/w/d)", body: str = "", offer: str = ""):
    return (
        f"{title}\n\nIhre Aufgaben\n- Sie planen Beiträge und beantworten Fragen\n"
        f"{body}\nWir bieten\n- {offer or '3.500–4.200 € brutto im Monat'}\n"
    )


def _codes(text: str, title: str = "") -> set[str]:
    return {note.code for note in fairness_notes(text, title)}


@pytest.mark.parametrize(
    "offer",
    [
        "Vergütung nach TVöD E10",
        "Eingruppierung: TV-L E 13",
        "3.500–4.200 € brutto/Monat",
        "45.000 € p.a.",
        "Gehalt ab 2.900 € brutto",
        "19,50 € pro Stunde",
        "60k–70k EUR im Jahr",
        "Jahreslohn CHF 92'000 – 104'000",
        "Besoldung bis A 11 BBesO",
        "Vergütung nach Entgeltgruppe 9b TVöD",
        "Tarifgruppe VII des Tarifvertrags für das private Versicherungsgewerbe",
        "Wir zahlen 4.000 Euro.",
    ],
)
def test_a_named_pay_or_pay_group_counts(offer):
    assert read_pay(_ad(offer=offer)).stated, offer


@pytest.mark.parametrize(
    "offer",
    [
        "attraktive Vergütung",
        "ein marktgerechtes Gehalt",
        "leistungsgerechte Bezahlung",
        "Vergütung nach Vereinbarung",
        "übertarifliche Bezahlung",
        "Weiterbildungsbudget von 2.000 € im Jahr",
        "Zuschuss von 50 € im Monat zum Deutschlandticket",
        "Bitte nennen Sie uns Ihre Gehaltsvorstellung.",
    ],
)
def test_vague_pay_and_other_money_do_not_count(offer):
    notes = fairness_notes(_ad(offer=offer))
    missing = [n for n in notes if n.code == PAY_MISSING]
    assert missing, offer
    assert "Gehalt" in missing[0].text


def test_a_scale_without_its_group_asks_for_the_group():
    (note,) = [n for n in fairness_notes(_ad(offer="Vergütung nach TVöD"))]
    assert note.code == PAY_MISSING
    assert "Entgeltgruppe" in note.text
    assert note.lines == ("Vergütung nach TVöD",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bitte nennen Sie uns Ihr aktuelles Gehalt.",
        "Bewerbung unter Angabe Ihres bisherigen Einkommens.",
        "Bitte legen Sie einen aktuellen Gehaltsnachweis bei.",
        "Schick uns eine Kopie deiner letzten Gehaltsabrechnung.",
        "Bitte geben Sie Ihr derzeitiges Bruttojahresgehalt an.",
    ],
)
def test_asking_for_current_or_previous_pay_is_flagged_with_its_line(sentence):
    notes = [n for n in fairness_notes(_ad(body=sentence)) if n.code == PAY_HISTORY]
    assert notes and notes[0].lines == (sentence,)
    assert "Gehaltsvorstellung" in notes[0].text  # what is still allowed


@pytest.mark.parametrize(
    "sentence",
    [
        "Bitte nennen Sie Ihre Gehaltsvorstellung.",
        "Sende uns dein Wunschgehalt.",
        "Nach Ihrem bisherigen Gehalt fragen wir nicht.",
        "Wir bieten eine transparente Gehaltsentwicklung.",
    ],
)
def test_expected_pay_and_denials_are_not_pay_history(sentence):
    assert PAY_HISTORY not in _codes(_ad(body=sentence))


@pytest.mark.parametrize(
    "title",
    [
        "Redakteur",
        "Community Managerin",
        "Werkstudent Social Media",
        "Social Media Manager",
        "Head of Social Media",
        "Content Creator",
        "Social-Media-Expertin",
    ],
)
def test_titles_for_one_gender_are_named(title):
    text = _ad(title=title)
    assert one_gender_title(text, title) == title
    (note,) = [n for n in fairness_notes(text, title) if n.code == TITLE_NOT_NEUTRAL]
    assert f"„{title}“" in note.text and "(m/w/d)" in note.text


@pytest.mark.parametrize(
    "title",
    [
        "Redakteur (m/w/d)",
        "Redakteur (w/m/d)",
        "Redakteur (d/m/w)",
        "Redakteur (all genders)",
        "Redakteur*in",
        "Redakteur:in",
        "Redakteur_in",
        "RedakteurIn",
        "Redakteurin / Redakteur",
        "Referentin oder Referent Presse",
        "Berater/-in Digitale Kommunikation",
        "Sachbearbeitung Social Media",
        "Volontariat Online-Redaktion",
        "Werkstudent (m/w/d)",
        "Social Media Manager [m/w/d]",
    ],
)
def test_neutral_titles_are_left_alone(title):
    assert TITLE_NOT_NEUTRAL not in _codes(_ad(title=title), title)


def test_a_title_after_an_announcement_and_a_mark_on_the_next_line_are_read():
    text = "Die Stadt Lindenau sucht zum 01.04. eine\n\nSachbearbeitung Presse\n"
    assert one_gender_title(text, "Die Stadt Lindenau sucht zum 01.04. eine") is None
    text = "Online-Redakteur\n(m/w/d)\n\nWir sind ein Verlag."
    assert one_gender_title(text, "Online-Redakteur") is None


def _kind(sentence: str) -> str | None:
    leaning = one_sided(find_coded(sentence))
    return leaning[0] if leaning else None


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Sie sind durchsetzungsstark, dominant und kämpferisch.", "agentic"),
        ("Du gehst Themen offensiv an, hast Biss und Ehrgeiz.", "agentic"),
        ("Mit Durchsetzungsvermögen, Kampfgeist und Führungsstärke.", "agentic"),
        ("Du hast Siegeswillen, Ehrgeiz und Durchsetzungsstärke.", "agentic"),
        ("Sie sind einfühlsam, fürsorglich und harmoniebedürftig.", "communal"),
        ("Mit Einfühlungsvermögen, Empathie und Geduld.", "communal"),
        ("Durchsetzungsstark, dominant – und zugleich einfühlsam, hilfsbereit.", None),
        ("Du bist ehrgeizig und zielstrebig.", None),  # two are not several
        ("Du musst nicht dominant sein und keine Kämpfernatur.", None),
        (
            "Wir starten eine Content-Offensive. Du bist ehrgeizig und zielstrebig.",
            None,
        ),
        ("Unsere Kunden sind ehrgeizige, dominante und kämpferische Firmen.", None),
    ],
)
def test_one_sided_wording_in_inflected_and_compound_forms(sentence, kind):
    assert _kind(sentence) == kind


def test_gender_coded_note_gives_an_alternative_for_each_word():
    text = _ad(body="- Sie sind durchsetzungsstark, dominant und haben Biss\n")
    (note,) = [n for n in fairness_notes(text) if n.code == GENDER_CODED]
    assert [a.word for a in note.alternatives] == [
        "durchsetzungsstark",
        "dominant",
        "Biss",
    ]
    for alternative in note.alternatives:
        assert alternative.instead and f"„{alternative.instead}“" in note.text
    assert note.lines == ("Sie sind durchsetzungsstark, dominant und haben Biss",)


def test_every_word_in_the_list_has_an_alternative_and_finds_itself():
    for entry in coded_words():
        assert entry.instead and entry.kind in ("agentic", "communal")
        assert entry.forms.match(entry.word.lower()), entry.word


def test_every_note_names_its_source():
    text = _ad(
        title="Redakteur",
        offer="attraktive Vergütung",
        body="- Sie sind durchsetzungsstark, dominant und kämpferisch\n"
        "Bitte nennen Sie Ihr aktuelles Gehalt.",
    )
    notes = fairness_notes(text, "Redakteur")
    assert [n.code for n in notes] == [
        PAY_MISSING,
        PAY_HISTORY,
        TITLE_NOT_NEUTRAL,
        GENDER_CODED,
    ]
    urls = {n.code: [s.url for s in n.sources] for n in notes}
    assert "CELEX:32023L0970" in urls[PAY_MISSING][0]
    assert "CELEX:32023L0970" in urls[PAY_HISTORY][0]
    assert urls[TITLE_NOT_NEUTRAL][0].endswith("/agg/__11.html")
    assert urls[GENDER_CODED][0].endswith("/agg/__11.html")


def test_a_fair_ad_gets_no_note():
    assert fairness_notes(_ad(), "Social Media Manager (m/w/d)") == []
