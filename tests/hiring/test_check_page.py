"""The check as users meet it: the page, its JSON answer, files, sharing, bad input."""

import json

import pytest
from django.urls import reverse

from hiring.models import SharedCheck
from tests.hiring.labelled import load_ads

pytestmark = pytest.mark.django_db
URL = "/check/"
WOLLMILCHSAU = next(
    ad for ad in load_ads() if ad.name == "b01-06/32-mix-wollmilchsau"
).text
BERATER_AD = next(
    ad for ad in load_ads() if ad.name == "b01-06/08-berater-irrefuehrend"
)
BERATER = BERATER_AD.text


def test_empty_page_says_nothing_is_stored(client, catalogue):
    page = client.get(URL).content.decode()
    assert "Wir speichern den Text nicht" in page
    assert 'maxlength="20000"' in page


def test_mixed_ad_shows_roles_warnings_highlights_and_suggestions(client, catalogue):
    page = client.post(URL, {"text": WOLLMILCHSAU}).content.decode()
    assert "Social Media Manager" in page
    assert "mischt die Arbeit von" in page
    assert "Grafikdesigner" in page and "Webentwickler" in page
    assert '<mark class="task">Suchmaschinenoptimierung</mark>' in page
    assert "Teilen Sie die Stelle auf" in page
    assert reverse("comparisons:compare") + "?roles=" in page
    assert reverse("hiring:builder", kwargs={"slug": "social-media-manager"}) in page
    assert SharedCheck.objects.count() == 0  # nothing stored without asking


def test_berater_who_posts_daily_is_warned(client, catalogue):
    body = client.post(URL, {"text": BERATER, "format": "json"}).json()
    kinds = [w["kind"] for w in body["warnings"]]
    assert "excluded" in kinds
    assert body["roles"][0]["slug"] in BERATER_AD.acceptable  # not the Berater
    assert "Social Media Berater" in body["warnings"][kinds.index("excluded")]["text"]


def test_json_answer_has_the_documented_shape(client, catalogue):
    response = client.post(URL, {"text": WOLLMILCHSAU, "format": "json"})
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["format"] == "berufsbild.jobad-check" and body["version"] == 1
    assert body["mixed"] is True
    first = body["roles"][0]
    assert set(first) >= {"slug", "title", "score", "reasons"}
    assert 0 <= first["score"] <= 100 and first["reasons"]
    scores = [role["score"] for role in body["roles"]]
    assert len(scores) >= 2
    seo = next(t for t in body["tasks"] if t["slug"] == "suchmaschinenoptimierung")
    assert "Suchmaschinenoptimierung" in seo["matched"]
    assert {"kind", "text"} <= set(body["warnings"][0])


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", "empty", "Bitte fügen Sie"),
        ("   \n\t  ", "empty", "Bitte fügen Sie"),
        ("Redaktionsplanung " * 1200, "too-long", "höchstens 20.000"),
        (
            "We are looking for a friendly barista who loves coffee.",
            "no-task",
            "keine Aufgabe",
        ),
        ("\x01\x02\x03\x04" * 50 + "€€€€", "not-text", "nicht nach Text"),
        ("%$§&/()=?{}[]" * 30, "not-text", "nicht nach Text"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(
    client, catalogue, text, code, words
):
    answer = client.post(URL, {"text": text, "format": "json"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == code
    page = client.post(URL, {"text": text})
    assert page.status_code == 200
    html = page.content.decode()
    assert words in html
    if text.strip() and code != "not-text":
        assert text.strip()[:40] in html  # the typed text stays in the box


def test_script_in_the_ad_is_shown_as_text(client, catalogue):
    ad = WOLLMILCHSAU + '\n<script>alert("x")</script> <img src=x onerror=alert(1)>'
    html = client.post(URL, {"text": ad}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    md = client.post(URL, {"text": ad, "format": "md"}).content.decode()
    assert "<script>" not in md


def test_exports_carry_the_result(client, catalogue):
    md = client.post(URL, {"text": WOLLMILCHSAU, "format": "md"})
    assert md["Content-Disposition"].endswith('.md"')
    text = md.content.decode()
    assert "## Hinweise" in text and "Social Media Manager" in text
    pdf = client.post(URL, {"text": WOLLMILCHSAU, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_sharing_keeps_the_ad_until_deleted(client, catalogue):
    response = client.post(URL, {"text": WOLLMILCHSAU, "keep": "7"})
    assert response.status_code == 302
    shared = SharedCheck.objects.get()
    assert shared.text == WOLLMILCHSAU.strip()
    shared_page = client.get(response["Location"])
    assert "no-store" in shared_page["Cache-Control"]
    page = shared_page.content.decode()
    assert "gelöscht" in page and "mischt die Arbeit von" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    export = client.get(response["Location"] + "export.json").json()
    assert export["mixed"] is True
    client.post(reverse("hiring:shared_delete", kwargs={"token": shared.token}))
    assert not SharedCheck.objects.exists()
    assert client.get(response["Location"]).status_code == 410


def test_expired_share_is_gone(client, catalogue):
    from datetime import timedelta

    from django.utils import timezone

    client.post(URL, {"text": WOLLMILCHSAU, "keep": "1"})
    shared = SharedCheck.objects.get()
    SharedCheck.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(shared.get_absolute_url()).status_code == 410
    assert not SharedCheck.objects.exists()


def test_sharing_needs_the_csrf_token(catalogue):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"text": WOLLMILCHSAU, "format": "json"}).status_code == 200
    assert strict.post(URL, {"text": WOLLMILCHSAU, "keep": "7"}).status_code == 403
    assert not SharedCheck.objects.exists()


def test_unknown_keep_value_is_refused_without_storing(client, catalogue):
    page = client.post(URL, {"text": WOLLMILCHSAU, "keep": "9999"})
    assert page.status_code == 200
    assert not SharedCheck.objects.exists()


def test_check_costs_few_queries(client, catalogue, django_assert_max_num_queries):
    client.post(URL, {"text": WOLLMILCHSAU, "format": "json"})  # builds the index
    with django_assert_max_num_queries(7):  # one of them counts the check per client
        body = json.loads(
            client.post(URL, {"text": WOLLMILCHSAU, "format": "json"}).content
        )
    assert body["mixed"]


def test_purge_command_deletes_only_expired_shares(client, catalogue):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    client.post(URL, {"text": WOLLMILCHSAU, "keep": "1"})
    client.post(URL, {"text": BERATER, "keep": "30"})
    old = SharedCheck.objects.get(text=WOLLMILCHSAU.strip())
    SharedCheck.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    out = StringIO()
    call_command("purge_shared_checks", stdout=out)
    assert "1 " in out.getvalue()
    assert list(SharedCheck.objects.values_list("text", flat=True)) == [BERATER.strip()]


def test_a_huge_post_is_refused_cleanly(client, catalogue):
    response = client.post(URL, {"text": "Moderation " * 300_000, "format": "json"})
    assert response.status_code == 400


def test_builder_and_guide_cost_a_fixed_number_of_queries(
    client, catalogue, django_assert_max_num_queries
):
    guide = "/finden/?size=small&focus=both&position=any&dialogue=yes&inside=no&lead=no"
    client.get(guide)  # builds the catalogue index once
    with django_assert_max_num_queries(5):
        assert "Diese" in client.get(guide).content.decode()
    with django_assert_max_num_queries(8):
        page = client.get(
            reverse("hiring:builder", kwargs={"slug": "social-media-manager"})
        )
    assert "Ihre Aufgaben" in page.content.decode()


def test_far_too_many_requirements_are_named(client, catalogue):
    requirements = [
        "Studium der Kommunikationswissenschaft",
        "fünf Jahre Berufserfahrung",
        "sicheres Deutsch",
        "Englisch verhandlungssicher",
        "Französisch",
        "Führerschein Klasse B",
        "Kenntnisse in Photoshop",
        "HTML und CSS",
        "Erfahrung mit Google Analytics",
        "Datenschutz",
        "Kommunikationsstärke",
        "Empathie",
        "Belastbarkeit",
        "Organisationstalent",
        "Teamfähigkeit",
        "Reisebereitschaft",
        "Durchsetzungsvermögen",
        "Kreativität",
        "analytisches Denken",
        "Eigeninitiative",
    ]
    ad = (
        "Junior Social Media Manager (m/w/d)\n\nIhre Aufgaben\n"
        "- Erstellung von Posts\n- Moderation der Kommentare\n\nIhr Profil\n"
        + "\n".join(f"- {line}" for line in requirements)
    )
    body = client.post(URL, {"text": ad, "format": "json"}).json()
    too_many = [w for w in body["warnings"] if w["kind"] == "too-many"]
    assert too_many and "20 Anforderungen" in too_many[0]["text"]
    short = ad.split("Ihr Profil")[0] + "Ihr Profil\n- sicheres Deutsch\n- Empathie\n"
    body = client.post(URL, {"text": short, "format": "json"}).json()
    assert not [w for w in body["warnings"] if w["kind"] == "too-many"]


def test_too_many_checks_in_a_minute_get_a_429_that_keeps_the_text(client, settings):
    settings.CHECK_PAGE_PER_MINUTE = 2
    ad = "Social Media Manager (m/w/d)\nIhre Aufgaben: Sie planen Beiträge."
    for _ in range(2):
        assert client.post("/check/", {"text": ad}).status_code == 200
    response = client.post("/check/", {"text": ad})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    page = response.content.decode()
    assert "Bitte warten Sie" in page
    assert "Sie planen Beiträge." in page  # what was typed is still in the box
    assert 'aria-invalid="true"' in page
