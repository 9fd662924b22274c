"""POST /api/v1/guide/: the guide's engine for other tools, with JSON errors."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/guide/"
CRAFT_BUSINESS = {
    "company_size": "small",
    "position": "internal",
    "lead": False,
    "tasks": {
        "redaktionsplanung": "often",
        "beitraege-schreiben": "often",
        "bilder-und-videos": "often",
        "veroeffentlichen": "often",
        "fragen-beantworten": "sometimes",
    },
}


def _post(client, body, **extra):
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def test_a_craft_business_gets_the_social_media_manager(client, catalogue):
    response = _post(client, CRAFT_BUSINESS)
    assert response.status_code == 200
    body = response.json()
    assert body["format"] == "berufsbild.guide"
    assert body["roles"][0]["slug"] == "social-media-manager"
    assert body["roles"][0]["reasons"]
    assert body["roles"][1]["why_not"]
    fits = [role["fit"] for role in body["roles"]]
    assert fits == sorted(fits, reverse=True)
    assert body["mixed"] is False
    assert response["Cache-Control"] == "no-store"


def test_a_wish_list_is_mixed_with_a_split(client, catalogue):
    wishes = {
        "tasks": {
            "social-media-strategie": "often",
            "beitraege-schreiben": "often",
            "grafikdesign": "often",
            "webentwicklung": "often",
            "suchmaschinenoptimierung": "often",
        }
    }
    body = _post(client, wishes).json()
    assert body["mixed"] is True
    split = {share["slug"]: share["tasks"] for share in body["split"]}
    assert "webentwicklung" in split["webentwickler"]
    assert len(split) >= 3


def test_the_same_answer_as_the_page(client, catalogue):
    api = _post(client, CRAFT_BUSINESS).json()["roles"][0]["slug"]
    params = {f"t-{k}": v for k, v in CRAFT_BUSINESS["tasks"].items()}
    params.update(company_size="small", position="internal", lead="no")
    page = client.get("/finden/", params).content.decode()
    first = page.split('class="guide-best"')[1].split("</h3>")[0]
    assert f'href="/roles/{api}/"' in first


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"tasks": {"gibt-es-nicht": "often"}}, "tasks", "gibt-es-nicht"),
        ({"tasks": {"moderation": "immer"}}, "tasks", "immer"),
        ({"tasks": {"moderation": "often"}, "team": ["niemand"]}, "team", "niemand"),
        ({"tasks": {"moderation": "often"}, "company_size": "big"}, "company_size", ""),
        ({"tasks": {"moderation": "often"}, "lead": "<script>"}, "lead", ""),
        ({"tasks": {"moderation": "never"}}, "tasks", "often"),
        ({"tasks": {}}, "tasks", ""),
        ({"tasks": {"moderation": "often"}, "extra": 1}, "extra", ""),
    ],
)
def test_bad_answers_get_a_400_naming_the_field(client, catalogue, body, field, words):
    response = _post(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    named = [k for k in error["details"] if k == field or k.startswith(f"{field}[")]
    assert named, error  # "tasks" or, for one entry, "tasks[moderation]"
    assert words in json.dumps(error["details"], ensure_ascii=False)


def test_not_json_is_refused_as_json(client, catalogue):
    response = client.post(URL, "\x00\x01binär", content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize("url", ["/api/v1/guide/", "/api/v1/check/"])
def test_a_body_over_the_upload_limit_gets_the_api_error_not_a_page(
    client, catalogue, settings, url
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"tasks": {f"aufgabe-{i}": "often" for i in range(2_000)}})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "too_large"
    assert "9 KB" in error["message"]
