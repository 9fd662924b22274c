"""The guide for companies (/finden/) and the entrance for practitioners."""

from __future__ import annotations

import io
import itertools
import random

import pytest
from django.urls import reverse

from core.caching import catalogue_stamp
from hiring.catalogue import build_catalogue
from hiring.guide import answer_guide
from tests.html_forms import checked_values

pytestmark = pytest.mark.django_db
GUIDE = "/finden/"


def _page(client, **answers) -> str:
    """The guide page for these answers (task slugs as keyword arguments)."""
    params = {}
    for key, value in answers.items():
        if key in ("company_size", "position", "lead", "team"):
            params[key] = value
        else:
            params[f"t-{key.replace('_', '-')}"] = value
    response = client.get(GUIDE, params)
    assert response.status_code == 200, response.content.decode()[-2000:]
    return response.content.decode()


def _first(page: str) -> str:
    best = page.split('class="guide-best"')[1]
    return best.split("<h3>")[1].split("</h3>")[0]


def test_home_links_to_the_guide_and_the_check(client, catalogue):
    page = client.get("/").content.decode()
    assert 'href="/finden/"' in page and 'href="/check/"' in page


def test_every_task_is_asked_in_plain_words_without_javascript(client, catalogue):
    page = client.get(GUIDE).content.decode()
    main = page.split("<main")[1]
    assert "<script" not in main
    assert "Festlegen, wozu und wie das Unternehmen soziale Netzwerke nutzt" in main
    assert main.count('value="others"') == 28  # one per task of the catalogue
    assert "macht bei uns schon jemand" in main
    assert 'name="company_size"' in main and 'name="team"' in main


def test_a_craft_business_that_needs_planning_and_posting(client, catalogue):
    page = _page(
        client,
        company_size="small",
        position="internal",
        lead="no",
        redaktionsplanung="often",
        beitraege_schreiben="often",
        bilder_und_videos="often",
        veroeffentlichen="often",
        fragen_beantworten="sometimes",
        social_media_strategie="sometimes",
    )
    assert "Social Media Manager" in _first(page)
    assert "Junior" not in _first(page)
    # The answer is the first thing after the heading: before the questions.
    assert page.index('id="ergebnis"') < page.index('class="guide-form"')
    assert "Warum nicht an erster Stelle" in page
    builder = reverse("hiring:builder", args=["social-media-manager"])
    assert f'href="{builder}?size=small&amp;work=' in page


def test_an_insurer_with_daily_customer_service(client, catalogue):
    page = _page(
        client,
        company_size="large",
        position="internal",
        lead="no",
        fragen_beantworten="often",
        moderation="often",
        monitoring="often",
        feedback_weiterleiten="sometimes",
        kritik_und_krisen="sometimes",
    )
    assert "Community Manager" in _first(page)


def test_a_retailer_that_wants_strategy_and_implementation(client, catalogue):
    page = _page(
        client,
        company_size="medium",
        position="internal",
        lead="no",
        social_media_strategie="often",
        redaktionsplanung="often",
        beitraege_schreiben="often",
        veroeffentlichen="often",
        erfolgsmessung="sometimes",
        ziele_und_kennzahlen="sometimes",
    )
    assert _first(page).endswith(">Social Media Manager</a>")


def test_an_outside_look_at_the_company_is_the_consultants_work(client, catalogue):
    page = _page(
        client,
        company_size="medium",
        position="external",
        ist_analyse="often",
        social_media_strategie="often",
        praxis_kritisch_begleiten="sometimes",
    )
    assert "Social Media Berater" in _first(page)
    assert "Kommt meist von außen" in page


def test_leading_a_team_gives_the_senior_level(client, catalogue):
    page = _page(
        client,
        company_size="large",
        position="internal",
        lead="yes",
        social_media_strategie="often",
        ziele_und_kennzahlen="often",
        abteilungen_koordinieren="often",
        erfolgsmessung="sometimes",
    )
    assert "Senior Social Media Manager" in _first(page)


def test_neighbouring_professions_only_when_the_work_is_theirs(client, catalogue):
    design = _page(client, company_size="medium", grafikdesign="often")
    assert "Grafikdesigner" in _first(design)
    social = _page(
        client,
        company_size="medium",
        redaktionsplanung="often",
        beitraege_schreiben="often",
        grafikdesign="sometimes",
    )
    assert "Grafikdesigner" not in _first(social)


def test_a_wish_list_gets_a_split_instead_of_one_person(client, catalogue):
    page = _page(
        client,
        company_size="small",
        social_media_strategie="often",
        beitraege_schreiben="often",
        grafikdesign="often",
        webentwicklung="often",
        suchmaschinenoptimierung="often",
    )
    warning = page.split('class="warning"')[1].split("</div>")[0]
    assert "verteilen sich auf" in warning
    for role in ("Grafikdesigner", "Webentwickler", "SEO-Manager"):
        assert role in warning


def test_roles_the_company_has_are_not_the_answer(client, catalogue):
    needs = {"fragen_beantworten": "often", "moderation": "often"}
    assert "Community Manager" in _first(_page(client, **needs))
    page = _page(client, team="Community Manager", **needs)
    assert "Community Manager" not in _first(page)


def test_bad_answers_get_a_message_and_keep_what_was_chosen(client, catalogue):
    response = client.get(
        GUIDE,
        {
            "t-gibt-es-nicht": "often",
            "t-moderation": "immer",
            "t-grafikdesign": "often",
            "company_size": "riesig",
            "team": "Zauberer",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Unbekannte Aufgaben: gibt-es-nicht" in page
    assert "moderation" in page and "often, sometimes, never, others" in page
    assert "Erlaubt sind: small, medium, large" in page
    assert "Zauberer" in page  # the typed team is shown again
    assert checked_values(page, "t-grafikdesign") == ["often"]


def test_nothing_needed_is_told_what_to_do(client, catalogue):
    page = _page(client, company_size="small", moderation="never")
    assert "mindestens einer Aufgabe" in page


def test_misreadings_are_never_the_answer(catalogue):
    catalogue_now = build_catalogue(catalogue_stamp())
    tasks = [entry.slug for entry in catalogue_now.tasks()]
    chooser = random.Random(20261203)
    answers = []
    for size, position, lead in itertools.product(
        ("small", "medium", "large"), ("internal", "external", "any"), (True, False)
    ):
        for _round in range(8):
            picked = chooser.sample(tasks, chooser.randint(1, 6))
            frequencies = {t: chooser.choice(["often", "sometimes"]) for t in picked}
            answers.append(
                {
                    "company_size": size,
                    "position": position,
                    "lead": lead,
                    "tasks": frequencies,
                }
            )
    firsts = {answer_guide(a, catalogue_now).roles[0].slug for a in answers}
    assert "facebook-manager" not in firsts
    assert len(firsts) >= 8  # the answers are not one or two roles for everything


def test_the_answered_guide_costs_the_same_queries_at_any_size(
    client, catalogue, django_assert_max_num_queries
):
    from roles.models import Task
    from tests.builders import assign_task, make_role

    answers = {
        "company_size": "small",
        "t-moderation": "often",
        "t-grafikdesign": "often",
    }
    client.get(GUIDE, answers)  # the catalogue is read once per process and stamp
    with django_assert_max_num_queries(6):
        client.get(GUIDE, answers)
    moderation = Task.objects.get(slug="moderation")
    for n in range(30):
        assign_task(make_role(aliases=f"Rolle {n}"), moderation)
    client.get(GUIDE, answers)
    with django_assert_max_num_queries(6):
        client.get(GUIDE, answers)


# --- practitioners --------------------------------------------------------------


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
