"""The guide for companies and the entrance for practitioners."""

import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
GUIDE = "/finden/"


def test_home_links_to_the_guide_and_the_check(client, catalogue):
    page = client.get("/").content.decode()
    assert 'href="/finden/"' in page and 'href="/check/"' in page


def test_questions_are_shown_without_javascript(client, catalogue):
    page = client.get(GUIDE).content.decode()
    assert page.count("<fieldset>") >= 5
    assert 'type="radio"' in page and "<script" not in page.split("<main")[1]


def _result(client, size, focus, position, dialogue, inside, lead) -> tuple[str, str]:
    """The guide's result section for these answers, and its first role."""
    answers = {"size": size, "focus": focus, "position": position,
               "dialogue": dialogue, "inside": inside, "lead": lead}  # fmt: skip
    page = client.get(GUIDE, answers).content.decode()
    result = page.split('id="result-heading"')[1]
    return result, result.split("<h3>")[1]


def test_strategy_from_outside_leads_to_the_consultant(client, catalogue):
    result, first = _result(client, "small", "strategy", "external", "no", "no", "no")
    assert "Social Media Berater" in first
    assert "Plant vor allem." in result and "Kommt meist von außen." in result
    assert reverse("hiring:builder", kwargs={"slug": "social-media-berater"}) in result


def test_daily_dialogue_in_house_leads_to_community_work(client, catalogue):
    result, first = _result(client, "large", "daily", "internal", "yes", "no", "no")
    assert "Community Manager" in first
    assert "Spricht selbst mit der Community." in result
    assert "Kommentare" in result  # the task behind the reason


def test_intranet_and_training_lead_to_the_corporate_community_manager(
    client, catalogue
):
    _result_html, first = _result(
        client, "large", "both", "internal", "no", "yes", "no"
    )
    assert "Corporate Community Manager" in first


def test_leading_a_strategy_team_names_the_senior_level(client, catalogue):
    _result_html, first = _result(
        client, "large", "strategy", "internal", "no", "no", "yes"
    )
    assert "Senior" in first


def test_nonsense_answers_are_ignored_with_a_message(client, catalogue):
    page = client.get(GUIDE, {"size": "<script>", "focus": "x" * 500})
    assert page.status_code == 200
    html = page.content.decode()
    assert "mindestens eine Frage" in html and "<script>" not in html.split("<main")[1]


def test_practitioner_gets_a_role_and_what_it_also_expects(client, catalogue):
    ticks = {
        "task-community-aufbau": "owns",
        "task-moderation": "owns",
        "task-fragen-beantworten": "carries-out",
        "task-grafikdesign": "excluded",
        "task-webentwicklung": "excluded",
        "name": "Kim Beispiel",
    }
    page = client.post("/finden/profil/", ticks).content.decode()
    assert "Ihre Arbeit passt zu: Community Manager" in page
    assert "Das erwartet die Rolle außerdem" in page
    docx = client.post("/finden/profil/", {**ticks, "format": "docx"})
    from docx import Document

    texts = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert texts[0] == "Profil: Kim Beispiel"
    assert "Nicht meine Aufgabe" in texts
    pdf = client.post("/finden/profil/", {**ticks, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_practitioner_without_ticks_is_told_what_to_do(client, catalogue):
    page = client.post("/finden/profil/", {"task-moderation": "bogus"}).content.decode()
    assert "mindestens einer Aufgabe" in page
