"""A form that fails the CSRF check: a German page in the site's layout, under the
CSP, saying what to do, with the typed text to copy, never a password."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
COMMENT = "Fehlt hier nicht das Monitoring? Ich würde es ergänzen."
DISCUSSION = reverse("discussions:role", args=["social-media-manager"])


def _refused(language="de", **headers):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=language)
    return client.post(DISCUSSION, {"body": COMMENT, "website": ""}, **headers)


def test_the_page_says_in_german_what_happened_and_what_to_do():
    response = _refused()
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="de">' in page and "css/site.css" in page
    assert "Ihr Formular wurde nicht gesendet" in page
    assert "Gespeichert wurde nichts." in page
    assert "Laden Sie das Formular neu" in page
    assert "DEBUG" not in page and "CSRF" not in page


def test_the_typed_text_stands_below_to_copy_and_nothing_resends_it():
    page = _refused().content.decode()
    assert "Ihre Eingaben zum Kopieren" in page
    assert f'readonly rows="4">{COMMENT}</textarea>' in page
    main = page.split("<main")[1]
    assert 'method="post"' not in main


def test_passwords_are_never_shown(client):
    strict = Client(enforce_csrf_checks=True)
    secret = "mein sehr geheimes Passwort"
    page = strict.post(
        reverse("login"), {"username": "kim", "password": secret}
    ).content.decode()
    assert secret not in page and "Ihr Formular wurde nicht gesendet" in page


def test_the_page_lives_under_the_site_csp_without_inline_style():
    response = _refused()
    page = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<style" not in page and " style=" not in page
    assert "<script>" not in page


def test_it_leads_back_to_the_form_only_on_this_site():
    back = 'href="http://testserver/roles/social-media-manager/"'
    own = _refused(HTTP_REFERER="http://testserver/roles/social-media-manager/")
    assert back in own.content.decode()
    foreign = _refused(HTTP_REFERER="https://evil.example/form/").content.decode()
    assert "evil.example" not in foreign
    assert f'href="{DISCUSSION}"' in foreign


def test_english_readers_get_it_in_english():
    page = _refused("en").content.decode()
    assert '<html lang="en">' in page
    assert "Your form was not sent" in page
    assert "Nothing was saved." in page


def test_a_browser_without_cookies_is_told_so():
    assert "Erlauben Sie Cookies" in _refused().content.decode()
