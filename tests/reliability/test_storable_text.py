"""Stray bytes at the door: a NUL, a lone surrogate or bytes that are not UTF-8
anywhere in a request get a clear 400 (a page, or the API's JSON error object)
before any view, form or query sees them — on SQLite and on PostgreSQL, which
refuses NUL in text and answered such requests with a 500 before."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from discussions.models import Comment
from hiring.models import SharedCheck
from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from tests.builders import make_role
from tests.roles.forms import edit_data

pytestmark = pytest.mark.django_db

NUL = "a%00b"
SMM = "social-media-manager"
PAIR = "social-media-manager,social-media-berater"
AD = (
    "Social Media Manager (m/w/d)\nIhre Aufgaben: Sie entwickeln die "
    "Social-Media-Strategie, planen Redaktionspläne und werten Kennzahlen aus."
)
CHARACTERS = "Nullzeichen oder ein unvollständiges Unicode-Zeichen"

# Every page type that answers GET, with a parameter it reads (or any parameter,
# where it reads none) carrying a NUL. (page type, address, parameter)
PAGES = [
    ("start", f"/?q={NUL}", "q"),
    ("about", f"/about/?x={NUL}", "x"),
    ("search", f"/search/?q={NUL}", "q"),
    ("search suggestions", f"/search/suggest/?q={NUL}", "q"),
    ("recent changes", f"/changes/?page={NUL}", "page"),
    ("recent changes feed", f"/changes/feed/?x={NUL}", "x"),
    ("role list", f"/roles/?family={NUL}", "family"),
    ("role", f"/roles/{SMM}/?x={NUL}", "x"),
    ("history", f"/roles/{SMM}/history/?page={NUL}", "page"),
    ("history feed", f"/roles/{SMM}/history/feed/?x={NUL}", "x"),
    ("diff", f"/roles/{SMM}/diff/?from={NUL}&to=1", "from"),
    ("edit", f"/roles/{SMM}/edit/?x={NUL}", "x"),
    ("new role", f"/roles/new/?x={NUL}", "x"),
    ("discussion", f"/roles/{SMM}/discussion/?thread={NUL}", "thread"),
    ("notices", f"/notices/?page={NUL}", "page"),
    ("review queue", f"/proposals/?page={NUL}", "page"),
    ("tasks", f"/tasks/?x={NUL}", "x"),
    ("task", f"/tasks/moderation/?x={NUL}", "x"),
    ("competencies", f"/competencies/?x={NUL}", "x"),
    ("competency", f"/competencies/einfuehlungsvermoegen/?x={NUL}", "x"),
    ("comparison", f"/compare/?roles={NUL},blogger", "roles"),
    ("comparison shape", f"/compare/?roles={PAIR}&audience={NUL}", "audience"),
    (
        "curated comparison",
        f"/compare/social-media-manager-oder-berater/?only={NUL}",
        "only",
    ),
    ("export", f"/compare/export.csv?roles={NUL},blogger", "roles"),
    (
        "curated export",
        f"/compare/social-media-manager-oder-berater/export.json?audience={NUL}",
        "audience",
    ),
    ("job-ad check", f"/check/?text={NUL}", "text"),
    ("job-ad builder", f"/roles/{SMM}/stellenanzeige/?size={NUL}&edited=1", "size"),
    ("guide", f"/finden/?size={NUL}", "size"),
    ("practitioner guide", f"/finden/profil/?x={NUL}", "x"),
    ("login", f"/accounts/login/?next={NUL}", "next"),
    ("admin", f"/admin/?q={NUL}", "q"),
]

# Every API endpoint that reads a parameter or a path part, with a NUL in it.
API = [
    ("/api/v1/roles/?task=%00", "task"),
    ("/api/v1/roles/?competency=%00", "competency"),
    ("/api/v1/roles/?family=%00", "family"),
    (f"/api/v1/roles/{SMM}/?lang=%00", "lang"),
    ("/api/v1/roles/a%00b/", "path"),
    (f"/api/v1/roles/{SMM}/revisions/?page=%00", "page"),
    ("/api/v1/tasks/?page_size=%00", "page_size"),
    ("/api/v1/tasks/moderation/?lang=%00", "lang"),
    ("/api/v1/competencies/?page=%00", "page"),
    ("/api/v1/competencies/einfuehlungsvermoegen/?lang=%00", "lang"),
    ("/api/v1/comparisons/?page=%00", "page"),
    ("/api/v1/comparisons/social-media-manager-oder-berater/?only=%00", "only"),
    ("/api/v1/compare/?roles=a%00b,blogger", "roles"),
    ("/api/v1/concepts/?q=%00", "q"),
    ("/api/v1/concepts/?scheme=%00", "scheme"),
    ("/api/v1/concepts/esco/a%00b/", "path"),
    ("/api/v1/proposals/?role=%00", "role"),
    ("/api/v1/proposals/?state=%00", "state"),
    ("/api/v1/proposals/1/?lang=%00", "lang"),
    ("/api/v1/?x=%00", "x"),
    ("/api/v1/schema/?x=%00", "x"),
    ("/api/v1/docs/?x=%00", "x"),
]


def _refused_page(response, *places: str) -> str:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Ungültige Zeichen in der Anfrage" in page
    for place in places:
        assert place in page
    return page


def _refused_json(response, code: str = "invalid_characters") -> dict:
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, code)
    return error


@pytest.mark.parametrize(("kind", "url", "name"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_type_refuses_a_nul_in_its_parameters(
    client, editor, kind, url, name
):
    client.force_login(editor)
    page = _refused_page(client.get(url), f"der Parameter „{name}“ in der Adresse")
    assert CHARACTERS in page
    assert "\x00" not in page


@pytest.mark.parametrize("url", ["/check/s/a%00b/", "/roles/a%00b/", "/media/a%00b"])
def test_a_nul_in_the_path_is_refused(client, url):
    _refused_page(client.get(url), "die Adresse")


@pytest.mark.parametrize(("url", "name"), API, ids=[a[0] for a in API])
def test_every_api_endpoint_answers_a_nul_with_its_json_error(client, url, name):
    error = _refused_json(client.get(url))
    assert "Nullzeichen" in error["message"]
    assert list(error["details"]) == [name]
    assert "Nullzeichen" in error["details"][name][0]


def test_the_api_answers_in_the_language_asked_for(client):
    error = _refused_json(client.get("/api/v1/concepts/?q=%00&lang=en"))
    assert error["message"].startswith("The request contains characters")


def test_bytes_that_are_not_utf8_are_refused_not_guessed(client):
    page = _refused_page(client.get("/search/?q=%ff"), "der Parameter „q“")
    assert "nicht in UTF-8 kodiert" in page
    error = _refused_json(client.get("/api/v1/concepts/?q=%ff"), "invalid_encoding")
    assert error["details"] == {"q": ["Ist nicht in UTF-8 kodiert."]}
    # A lone surrogate, UTF-8-encoded (CESU-8 style), is not UTF-8 either.
    _refused_json(client.get("/api/v1/concepts/?q=%ed%a0%80"), "invalid_encoding")


def test_other_unusual_text_passes_the_door(client):
    """Only what a database cannot store is refused: control characters, emoji,
    non-characters and line separators are text like any other."""
    odd = "Stra%C3%9Fe%01%09%F0%9F%9A%80%EF%BF%BE%E2%80%A8"
    assert client.get(f"/search/?q={odd}").status_code == 200
    assert client.get(f"/api/v1/concepts/?q={odd}").status_code == 200
    response = client.post(
        "/api/v1/check/",
        {"text": AD + " \U0001f680\x01\ufffe"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content


# --- headers --------------------------------------------------------------------------


def test_a_nul_in_a_header_is_refused_before_a_failed_login_stores_it(client):
    """django-axes stores the user agent of every failed login: PostgreSQL
    refused the NUL with a 500 and the attempt went uncounted."""
    response = client.post(
        "/accounts/login/",
        {"username": "niemand", "password": "falsch"},
        headers={"User-Agent": "Mozilla\x00/5.0"},
    )
    _refused_page(response, "die Kopfzeile „User-Agent“")
    assert not AccessAttempt.objects.exists()
    error = _refused_json(client.get("/api/v1/tasks/", headers={"X-Tool": "a\x00"}))
    assert list(error["details"]) == ["header:X-Tool"]


def test_a_nul_in_the_session_cookie_never_reaches_the_session_table(client):
    cookie = "sessionid=abcdefgh\x00ijklmnopqrstuvwxyz012345"
    _refused_page(
        client.get("/roles/", headers={"Cookie": cookie}), "die Kopfzeile „Cookie“"
    )


# --- forms ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_the_job_ad_check_refuses_a_nul_and_shows_the_text_to_copy(client, encoding):
    text = AD.replace("Strategie", "Strat\x00egie")
    data = {"text": text, "keep": "7"}
    if encoding == "multipart":
        response = client.post("/check/", data)
    else:
        form = "application/x-www-form-urlencoded"
        response = client.post("/check/", urlencode(data), content_type=form)
    page = _refused_page(response, "das Feld „text“")
    assert "Social-Media-Strategie" in page  # typed, without the NUL, to copy
    assert not SharedCheck.objects.exists()


def test_a_form_that_is_not_utf8_is_refused(client):
    response = client.post(
        "/check/",
        b"text=Social+Media+Manager+%FCbernimmt&format=json",
        content_type="application/x-www-form-urlencoded",
    )
    page = _refused_page(response, "das Feld „text“")
    assert "nicht in UTF-8 kodiert" in page


def test_a_wiki_edit_with_a_nul_is_refused_and_changes_nothing(client_for, maintainer):
    role = make_role(slug="vorlage-tuer", status="draft")
    client = client_for(maintainer)
    url = reverse("roles:edit", args=[role.slug])
    before = snapshot_of(role)
    data = edit_data(client.get(url))
    data["summary"] = "Plant und betreut\x00 die Kanäle."
    data["comment"] = "Zusammenfassung geschärft"
    page = _refused_page(client.post(url, data), "das Feld „summary“")
    assert "Plant und betreut die Kanäle." in page
    assert snapshot_of(Role.objects.get(pk=role.pk)) == before


def test_a_comment_with_a_nul_is_refused_and_not_stored(client_for, reader):
    url = reverse("discussions:role", args=[SMM])
    body = "Fehlt hier nicht das Monitoring\x00?"
    response = client_for(reader).post(
        url, {"body": body, "anchor": "", "proposal": "", "website": ""}
    )
    _refused_page(response, "das Feld „body“")
    assert not Comment.objects.exists()


def test_the_admin_login_refuses_a_nul_before_it_counts_an_attempt(client):
    response = client.post(
        "/admin/login/", {"username": "admin\x00", "password": "falsch"}
    )
    _refused_page(response, "das Feld „username“")
    assert not AccessAttempt.objects.exists()


def test_a_page_in_english_refuses_in_english(client):
    client.cookies["django_language"] = "en"
    response = client.get("/search/?q=%00")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Invalid characters in the request" in page
    assert "the parameter “q” in the address" in page


def test_the_refusal_carries_the_sites_security_headers(client):
    response = client.get("/search/?q=%00")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"


# --- JSON bodies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('{"text": "Social Media Manager\\u0000"}', "text"),
        ('{"text": "Social Media Manager \\ud800"}', "text"),
        ('{"text": "ok", "te\\u0000xt": "x"}', "te\ufffdxt"),
        ('{"text": ["a", {"b": "\\udfff"}]}', "text[1].b"),
        ('"\\u0000"', "body"),
    ],
)
def test_the_api_check_refuses_stray_characters_in_json(client, body, name):
    response = client.post("/api/v1/check/", body, content_type="application/json")
    error = _refused_json(response)
    assert list(error["details"]) == [name]


def test_a_json_body_that_is_not_utf8_is_refused(client):
    body = '{"text": "Social Media Manager übernimmt"}'.encode("latin-1")
    response = client.post("/api/v1/check/", body, content_type="application/json")
    error = _refused_json(response, "invalid_encoding")
    assert error["details"] == {"body": ["Ist nicht in UTF-8 kodiert."]}


def test_json_nested_too_deep_is_a_parse_error_not_a_crash(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/check/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_a_json_body_to_a_page_is_looked_at_too(client):
    response = client.post(
        "/check/", json.dumps({"text": "a\x00"}), content_type="application/json"
    )
    _refused_page(response, "der JSON-Wert „text“")
