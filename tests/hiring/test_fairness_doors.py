"""The fairness notes at every door of the check: the page (German and English),
the Markdown and PDF exports, the JSON answer, a shared result and the API."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
UNFAIR = """Social Media Manager

Ihre Aufgaben
- Sie entwickeln die Social-Media-Strategie und pflegen den Redaktionsplan
- Sie schreiben Beiträge und beantworten Anfragen der Community

Ihr Profil
- Sie sind durchsetzungsstark, dominant und haben Biss

Wir bieten
- eine attraktive Vergütung

Bitte nennen Sie Ihr aktuelles Gehalt.
"""
CODES = ["pay-missing", "pay-history", "title-not-neutral", "gender-coded"]


def _check(client, **extra):
    return client.post(reverse("hiring:check"), {"text": UNFAIR, **extra})


def test_the_page_shows_each_note_with_its_lines_and_source(client, catalogue):
    page = _check(client).content.decode()
    section = page.split('id="fairness-heading"')[1].split("</section>")[0]
    assert "Fair und rechtssicher" in page
    assert [c for c in CODES if f'data-code="{c}"' in section] == CODES
    assert "Die Anzeige nennt kein Gehalt." in section
    assert "„eine attraktive Vergütung“" in section
    assert "„Bitte nennen Sie Ihr aktuelles Gehalt.“" in section
    assert "Der Titel „Social Media Manager“ spricht nur ein Geschlecht an." in section
    assert "„überzeugt mit guten Argumenten“ statt „durchsetzungsstark“" in section
    assert 'href="https://eur-lex.europa.eu/' in section
    assert 'href="https://www.gesetze-im-internet.de/agg/__11.html"' in section


def test_the_page_speaks_english_on_the_english_pages(client, catalogue):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = _check(client).content.decode()
    section = page.split('id="fairness-heading"')[1].split("</section>")[0]
    assert "Fair and lawful" in section
    assert "The ad does not state the pay." in section
    assert "Die Anzeige nennt kein Gehalt" not in section


def test_a_fair_ad_is_told_so(client, catalogue):
    fair = UNFAIR.replace("Social Media Manager\n", "Social Media Manager (m/w/d)\n")
    fair = fair.replace("eine attraktive Vergütung", "3.500–4.200 € brutto im Monat")
    fair = fair.replace("Bitte nennen Sie Ihr aktuelles Gehalt.", "")
    fair = fair.replace("durchsetzungsstark, dominant und haben Biss", "zuverlässig")
    page = client.post(reverse("hiring:check"), {"text": fair}).content.decode()
    assert "Keine Hinweise zu Gehalt, Titel und Wortwahl" in page
    assert 'data-code="' not in page


def test_the_json_answer_lists_the_notes(client, catalogue):
    body = _check(client, format="json").json()
    assert [note["code"] for note in body["fairness"]] == CODES
    history = body["fairness"][1]
    assert history["lines"] == ["Bitte nennen Sie Ihr aktuelles Gehalt."]
    assert history["sources"][0]["url"].startswith("https://eur-lex.europa.eu/")
    coded = body["fairness"][3]
    assert [a["word"] for a in coded["alternatives"]] == [
        "durchsetzungsstark",
        "dominant",
        "Biss",
    ]


def test_the_api_gives_the_same_notes(client, catalogue):
    answer = client.post(
        "/api/v1/check/", {"text": UNFAIR}, content_type="application/json"
    )
    assert answer.status_code == 200
    fairness = answer.json()["fairness"]
    assert [note["code"] for note in fairness] == CODES
    assert fairness == _check(client, format="json").json()["fairness"]


def test_markdown_export_carries_the_notes_and_links(client, catalogue):
    text = _check(client, format="md").content.decode()
    section = text.split("## Fair und rechtssicher")[1].split("\n## ")[0]
    for code in CODES:
        assert f"- **{code}:**" in section
    assert "(https://www.gesetze-im-internet.de/agg/__11.html)" in section
    assert "„Bitte nennen Sie Ihr aktuelles Gehalt.“" in section


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_export_carries_the_notes(client, catalogue, tmp_path):
    path = tmp_path / "check.pdf"
    path.write_bytes(_check(client, format="pdf").content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Fair und rechtssicher" in flat
    assert "Die Anzeige nennt kein Gehalt." in flat
    assert "Der Titel „Social Media Manager“ spricht nur ein Geschlecht an." in flat
    assert "eur-lex.europa.eu" in flat


def test_a_shared_result_shows_the_notes(client, catalogue):
    answer = _check(client, keep="1")
    page = client.get(answer["Location"]).content.decode()
    assert 'data-code="pay-history"' in page
