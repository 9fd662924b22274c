"""The job-ad builder: a draft that can go online as it is, for every role; what
HR types is checked, kept and escaped in every format."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from hiring.builder import MAX_REQUIREMENTS, MAX_TASKS, Posting, build_draft
from hiring.catalogue import current_catalogue
from hiring.check import check_ad
from roles.models import Role, RoleClassification

pytestmark = pytest.mark.django_db
FILLED = Posting(
    company="Muster GmbH",
    place="Hamburg",
    hours=Decimal(39),
    pay_min=Decimal(3500),
    pay_max=Decimal(4200),
)
QUERY = {
    "company": "Muster GmbH",
    "place": "Hamburg",
    "hours": "39",
    "pay_min": "3.500",
    "pay_max": "4.200",
    "pay_period": "month",
}
HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "Co"'


def _url(slug: str = "social-media-manager") -> str:
    return reverse("hiring:builder", kwargs={"slug": slug})


def _draft(slug: str, posting: Posting = FILLED, **options):
    catalogue = current_catalogue()
    return build_draft(catalogue.card(slug), catalogue, posting=posting, **options)


def test_every_shipped_role_s_filled_draft_passes_its_own_check(catalogue):
    roles = list(Role.objects.values_list("slug", flat=True))
    assert len(roles) == 16
    for slug in roles:
        result = check_ad(_draft(slug).as_text())
        assert result.best.slug == slug, (slug, result.best.slug)
        assert not result.warnings, (slug, [w.text for w in result.warnings])
        assert not result.fairness, (slug, [n.text for n in result.fairness])


def test_every_draft_is_short_plain_and_speaks_in_one_form(catalogue):
    for slug in Role.objects.values_list("slug", flat=True):
        draft = _draft(slug)
        tasks, needs = draft.kept(draft.tasks), draft.kept(draft.essentials)
        needs += draft.kept(draft.desirables)
        assert 0 < len(tasks) <= MAX_TASKS and len(needs) <= MAX_REQUIREMENTS
        assert draft.title.endswith(" (m/w/d)")
        for line in tasks + needs:
            assert line.startswith("Sie ") and line.endswith("."), line
            assert "(" not in line and "niveau" not in line, line


def test_the_social_media_manager_s_ad_names_strategy_and_doing(catalogue):
    text = _draft("social-media-manager").as_text()
    assert "Sie entwickeln die Social-Media-Strategie" in text
    assert "Sie schreiben Beiträge" in text
    assert "Nicht Ihre Aufgabe\n- Grafiken" in text
    assert "Gehalt: 3.500–4.200 € brutto im Monat" in text
    assert "Vollzeit mit 39 Stunden pro Woche" in text
    assert "Muster GmbH sucht zum nächstmöglichen Zeitpunkt in Hamburg" in text


def test_a_draft_without_pay_is_told_so_by_the_check(catalogue):
    result = check_ad(_draft("community-manager", Posting()).as_text())
    assert [note.code for note in result.fairness] == ["pay-missing"]


def test_query_parameters_fill_the_form_and_the_draft(client, catalogue):
    query = {
        "pay_period": "year",
        "pay_min": "45000",
        "pay_max": "52.000",
        "hours": "20",
    }
    page = client.get(_url(), {**QUERY, **query}).content.decode()
    assert 'value="Muster GmbH"' in page and 'value="Hamburg"' in page
    assert "Gehalt: 45.000–52.000 € brutto im Jahr" in page
    assert "Teilzeit mit 20 Stunden pro Woche" in page
    assert '<option value="year" selected>' in page


def test_the_guide_s_chosen_work_is_what_the_draft_lists(client, catalogue):
    work = "moderation,fragen-beantworten"
    page = client.get(_url("community-manager"), {"work": work}).content.decode()
    preview = page.split('class="ad-preview">')[1].split("</pre>")[0]
    tasks = preview.split("Ihre Aufgaben\n")[1].split("\n\n")[0].splitlines()
    assert tasks == [
        "- Sie moderieren die Kommentare und Diskussionen.",
        "- Sie beantworten Anfragen und führen den Dialog mit der Community.",
    ]
    assert f'name="work" value="{work}"' in page  # the next submit keeps it


def test_more_than_eight_ticked_tasks_are_cut_and_named(client, catalogue):
    draft = _draft("social-media-manager")
    keep = [choice.key for choice in draft.tasks]  # all eleven and more
    assert len(keep) > MAX_TASKS
    page = client.get(_url(), {"edited": "1", "keep": keep}).content.decode()
    assert "höchstens acht Aufgaben" in page
    text = client.get(_url(), {"edited": "1", "keep": keep, "format": "txt"})
    lines = text.content.decode().split("Ihre Aufgaben\n")[1].split("\n\n")[0]
    assert len(lines.splitlines()) == MAX_TASKS


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("pay_min", "dreitausend", "Bitte nur Ziffern eingeben"),
        ("pay_min", "-3500", "keinen negativen Betrag"),
        ("pay_max", "3000", "„Gehalt bis“ ist kleiner als „Gehalt von“"),
        ("pay_period", "week", "im Monat, im Jahr oder pro Stunde"),
        ("company", "A" * 121, "höchstens 120 Zeichen"),
        ("hours", "80", "zwischen 1 und 60 Stunden"),
        ("start", "morgen", "Datum wie"),
        ("start", "1.1.2020", "in der Vergangenheit"),
    ],
)
def test_bad_parameters_get_a_clear_message_and_keep_what_was_typed(
    client, catalogue, field, value, message
):
    query = {**QUERY, field: value}
    answer = client.get(_url(), query)
    page = answer.content.decode()
    assert answer.status_code == 200
    assert message in page
    assert 'role="alert"' in page
    if field != "pay_period":
        assert f'value="{value}"' in page  # what was typed stays in the box
    refused = client.get(_url(), {**query, "format": "docx"})
    assert refused.status_code == 400 and "Content-Disposition" not in refused
    assert "Die Datei ist noch nicht erstellt" in refused.content.decode()


def test_hostile_company_and_place_are_escaped_on_the_page(client, catalogue):
    page = client.get(_url(), {**QUERY, "company": HOSTILE, "place": HOSTILE})
    html = page.content.decode().split("<main")[1]
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html


def _jsonld(client, **query) -> dict:
    answer = client.get(_url(), {**QUERY, **query, "format": "jsonld"})
    assert answer["Content-Type"].startswith("application/ld+json")
    return json.loads(answer.content)


def test_json_ld_has_what_job_search_engines_require(client, catalogue):
    data = _jsonld(client)
    # Google's required properties …
    for name in (
        "title",
        "description",
        "datePosted",
        "hiringOrganization",
        "jobLocation",
    ):
        assert data[name], name
    # … and the recommended ones the issue asks for.
    today = timezone.localdate()
    assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
    assert data["title"] == "Social Media Manager (m/w/d)"
    assert data["datePosted"] == today.isoformat()
    assert data["validThrough"] == (today + timedelta(days=60)).isoformat()
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Muster GmbH",
    }
    address = data["jobLocation"]["address"]
    assert data["jobLocation"]["@type"] == "Place"
    assert (
        address["@type"] == "PostalAddress" and address["addressLocality"] == "Hamburg"
    )
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 3500,
            "maxValue": 4200,
            "unitText": "MONTH",
        },
    }
    assert "<h2>Ihre Aufgaben</h2>" in data["description"]
    assert "occupationalCategory" not in data  # the role has no codes yet


@pytest.mark.parametrize("period, unit", [("year", "YEAR"), ("hour", "HOUR")])
def test_json_ld_salary_unit_follows_the_period(client, catalogue, period, unit):
    data = _jsonld(client, pay_period=period, pay_min="18,50", pay_max="", hours="20")
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 18.5,
        "unitText": unit,
    }
    assert data["employmentType"] == "PART_TIME"


def test_json_ld_carries_the_role_s_isco_and_kldb_codes(client, catalogue):
    role = Role.objects.get(slug="social-media-manager")
    RoleClassification.objects.create(role=role, scheme="isco", code="2432")
    RoleClassification.objects.create(role=role, scheme="kldb", code="92113")
    RoleClassification.objects.create(
        role=role, scheme="esco", code="http://data.europa.eu/esco/occupation/x"
    )
    codes = _jsonld(client)["occupationalCategory"]
    assert {(c["inCodeSet"], c["codeValue"]) for c in codes} == {
        ("ISCO-08", "2432"),
        ("KldB 2010", "92113"),
    }


def test_career_page_embeds_the_json_ld_and_survives_hostile_input(client, catalogue):
    answer = client.get(_url(), {**QUERY, "company": HOSTILE, "format": "html"})
    assert answer["Content-Type"].startswith("text/html")
    assert (
        'filename="stellenanzeige-social-media-manager.html"'
        in answer["Content-Disposition"]
    )
    html = answer.content.decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de">' in html
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(scripts) == 1  # the hostile "</script>" did not end it early
    data = json.loads(scripts[0])
    assert data["hiringOrganization"]["name"] == " ".join(HOSTILE.split())
    assert data["title"] == "Social Media Manager (m/w/d)"
    body = html.split("</script>", 1)[1]
    assert "<script>" not in body and "<img" not in body
    assert "&lt;/script&gt;" in body
    assert "<h1>Social Media Manager (m/w/d)</h1>" in body


def _docx_parts(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name: archive.read(name).decode("utf-8", "replace")
            for name in ("docProps/core.xml", "word/styles.xml", "word/document.xml")
        }


def test_docx_is_a4_german_and_signed_by_the_company(client, catalogue):
    from docx import Document
    from docx.shared import Mm

    answer = client.get(_url(), {**QUERY, "format": "docx"})
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(answer.content))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    properties = document.core_properties
    assert properties.title == "Social Media Manager (m/w/d)"
    assert properties.author == "Muster GmbH"
    today = timezone.now().date()
    assert properties.created.date() == today and properties.modified.date() == today
    parts = _docx_parts(answer.content)
    assert "python-docx" not in parts["docProps/core.xml"]
    assert "2013" not in parts["docProps/core.xml"]
    assert 'w:val="de-DE"' in parts["word/styles.xml"]
    assert "en-US" not in parts["word/styles.xml"]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Social Media Manager (m/w/d)"
    assert "Das bieten wir" in texts and "Nicht Ihre Aufgabe" in texts
    assert "Gehalt: 3.500–4.200 € brutto im Monat" in texts


def test_docx_takes_hostile_and_control_characters(client, catalogue):
    from docx import Document

    answer = client.get(
        _url(), {**QUERY, "company": "Böse\x07 GmbH " + HOSTILE, "format": "docx"}
    )
    assert answer.status_code == 200
    document = Document(io.BytesIO(answer.content))
    assert document.core_properties.author.startswith("Böse GmbH </script>")


def test_practitioner_profile_docx_is_a4_german_with_the_name(client, catalogue):
    from docx import Document

    answer = client.post(
        reverse("hiring:practitioner"),
        {
            "name": "Jana Beispiel",
            "format": "docx",
            "task-redaktionsplanung": "owns",
            "task-beitraege-schreiben": "owns",
        },
    )
    document = Document(io.BytesIO(answer.content))
    assert document.core_properties.author == "Jana Beispiel"
    assert document.core_properties.created.date() == timezone.now().date()
    parts = _docx_parts(answer.content)
    assert "python-docx" not in parts["docProps/core.xml"]
    assert 'w:val="de-DE"' in parts["word/styles.xml"]
    assert abs(document.sections[0].page_width - 7560310) < 40000  # A4 in EMU


def test_markdown_and_text_carry_the_same_ad(client, catalogue):
    text = client.get(_url(), {**QUERY, "format": "txt"}).content.decode()
    markdown = client.get(_url(), {**QUERY, "format": "md"}).content.decode()
    assert text.startswith("Social Media Manager (m/w/d)\n")
    assert markdown.startswith("# Social Media Manager (m/w/d)\n")
    for line in ("Das bieten wir", "Gehalt: 3.500–4.200 € brutto im Monat"):
        assert line in text and line in markdown


def test_markdown_escapes_role_text(client, catalogue, wiki_role):
    text = client.get(_url(wiki_role.slug), {"format": "md"}).content.decode()
    assert text.startswith("# ")
    assert "<script" not in text


def test_unknown_role_is_404(client, catalogue):
    assert client.get("/roles/gibt-es-nicht/stellenanzeige/").status_code == 404


def test_draft_stays_german_on_the_english_pages(client, catalogue):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(_url("community-manager")).content.decode()
    assert "Update the draft" in page and "Company" in page  # the page: English
    text = client.get(_url("community-manager"), {"format": "txt"}).content.decode()
    assert "Ihre Aufgaben" in text and "Your tasks" not in text  # the ad: German


def test_builder_ignores_odd_parameters(client, catalogue):
    page = client.get(
        _url("seo-manager"), {"size": "<script>", "format": "exe", "keep": "x" * 500}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>" not in html.split("<main")[1]
    assert "SEO-Manager (m/w/d)" in html


def test_a_draft_can_be_built_from_the_role_itself(catalogue):
    role = Role.objects.get(slug="blogger")
    assert build_draft(role).title == "Blogger (m/w/d)"
