"""The job-ad builder: a draft per role that the check reads as that role."""

import io

import pytest
from django.urls import reverse

from hiring.builder import build_draft
from hiring.check import check_ad
from roles.models import Role

pytestmark = pytest.mark.django_db


def test_every_shipped_role_s_draft_passes_the_check_as_that_role(catalogue):
    roles = list(Role.objects.all())
    assert len(roles) == 16
    for role in roles:
        result = check_ad(build_draft(role).as_text())
        assert result.best.slug == role.slug, (role.slug, result.best.slug)
        assert not result.warnings, (role.slug, [w.text for w in result.warnings])


def test_page_shows_sections_and_exclusions(client, catalogue):
    url = reverse("hiring:builder", kwargs={"slug": "social-media-manager"})
    page = client.get(url).content.decode()
    for heading in ("Ihre Aufgaben", "Das bringen Sie mit", "Nicht Ihre Aufgabe"):
        assert heading in page
    assert "Social Media Manager (m/w/d)" in page
    assert "Webentwicklung" in page or "Websites" in page  # an explicit exclusion


def test_unticked_lines_and_size_change_the_draft(client, catalogue):
    url = reverse("hiring:builder", kwargs={"slug": "community-manager"})
    draft = build_draft(Role.objects.get(slug="community-manager"))
    keep = [c.key for c in draft.tasks[1:]]
    dropped = draft.tasks[0].text
    answer = client.get(
        url, {"edited": "1", "keep": keep, "size": "large", "format": "txt"}
    )
    text = answer.content.decode()
    assert dropped not in text
    assert draft.tasks[1].text in text
    assert "Wir sind ein großes Unternehmen." in text
    assert "Das bringen Sie mit" not in text  # all competencies unticked


def test_docx_reads_back_with_the_draft(client, catalogue):
    from docx import Document

    url = reverse("hiring:builder", kwargs={"slug": "social-media-berater"})
    answer = client.get(url, {"format": "docx"})
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(answer.content))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Social Media Berater (m/w/d)"
    assert "Nicht Ihre Aufgabe" in texts
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) > 5


def test_markdown_escapes_role_text(client, catalogue, wiki_role):
    url = reverse("hiring:builder", kwargs={"slug": wiki_role.slug})
    text = client.get(url, {"format": "md"}).content.decode()
    assert text.startswith("# ")
    assert "<script" not in text


def test_unknown_role_is_404(client, catalogue):
    assert client.get("/roles/gibt-es-nicht/stellenanzeige/").status_code == 404


def test_draft_stays_german_on_the_english_pages(client, catalogue):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    url = reverse("hiring:builder", kwargs={"slug": "community-manager"})
    page = client.get(url).content.decode()
    assert "Update the draft" in page  # the page speaks English …
    text = client.get(url, {"format": "txt"}).content.decode()
    assert "Ihre Aufgaben" in text and "Your tasks" not in text  # … the ad German


def test_builder_ignores_odd_parameters(client, catalogue):
    url = reverse("hiring:builder", kwargs={"slug": "seo-manager"})
    page = client.get(url, {"size": "<script>", "format": "exe", "keep": "x" * 500})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>" not in html.split("<main")[1]
    assert "SEO-Manager (m/w/d)" in html  # the draft itself, with every line kept


def test_builder_keeps_german_umlauts_and_dashes_in_every_format(client, catalogue):
    url = reverse("hiring:builder", kwargs={"slug": "social-media-manager"})
    for fmt in ("md", "txt"):
        text = client.get(url, {"format": fmt}).content.decode("utf-8")
        assert "Nicht Ihre Aufgabe" in text and "ä" in text
