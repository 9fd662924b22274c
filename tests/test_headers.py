"""Headers every response carries, and the language cookie's flags."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parent.parent
SWITCHED_OFF = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
    "fullscreen",
    "serial",
)


def _switched_off(response) -> set[str]:
    policy = response["Permissions-Policy"]
    return {
        part.split("=")[0].strip()
        for part in policy.split(",")
        if part.split("=")[1].strip() == "()"
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/roles/social-media-manager/", 200),
        ("/gibt-es-nicht/", 404),
        ("/api/v1/tasks/", 200),
        ("/compare/export.csv?roles=social-media-manager,community-manager", 200),
        ("/static/css/site.css", 200),
    ],
)
def test_every_response_switches_off_what_the_site_never_uses(
    client, catalogue, path, status
):
    response = client.get(path)
    assert response.status_code == status
    assert set(SWITCHED_OFF) <= _switched_off(response)


@pytest.mark.django_db
def test_a_refused_request_carries_the_policy_too(client, settings):
    settings.API_RATE = "1/minute"
    client.get("/api/v1/tasks/")
    refused = client.get("/api/v1/tasks/")
    assert refused.status_code == 429
    assert "camera" in _switched_off(refused)


@pytest.mark.django_db
def test_the_language_cookie_is_http_only_and_same_site(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = client.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_the_language_cookie_is_secure_when_the_session_cookie_is():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SECURE, "
        "s.LANGUAGE_COOKIE_SAMESITE == s.SESSION_COOKIE_SAMESITE)"
    )

    def flags(**environment: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
            env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        ).stdout.strip()

    assert flags(DJANGO_SECURE_COOKIES="1") == "True True True"
    assert flags() == "False False True"
