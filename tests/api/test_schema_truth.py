"""The schema tells the truth: every operation documents its error answers with
the one error object, parameters say what the code accepts, and no message names
an internal model or Python class."""

from __future__ import annotations

import json

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db
SMM = "social-media-manager"
MODEL_NAMES = (
    "RoleOldSlug",
    "Role ",
    "Task",
    "Competency",
    "ChangeProposal",
    "Concept",
    "CuratedComparison",
    "matches the given query",
)


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", method, operation


def test_every_operation_documents_its_error_answers(schema):
    operations = list(_operations(schema))
    assert len(operations) == 16
    for label, method, operation in operations:
        own = {"get": {"404"}, "post": {"415"}}[method]
        if label == "POST /api/v1/check/":
            own |= {"422"}  # a text with no job ad in it
        errors = {"400", "405", "406", "429", "503"} | own
        assert errors <= set(operation["responses"]), label
        for status in errors:
            answer = operation["responses"][status]
            content = answer["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}, (label, status)
            assert answer["description"], (label, status)
        for status in ("429", "503"):
            assert operation["responses"][status]["headers"]["Retry-After"]["required"]


def test_the_error_object_is_one_component(schema):
    components = schema["components"]["schemas"]
    assert components["Error"]["properties"]["error"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }
    body = components["ErrorBody"]
    assert set(body["properties"]) == {"status", "code", "message", "details"}
    assert set(body["required"]) == {"status", "code", "message"}


def _parameter(schema: dict, path: str, name: str) -> dict:
    parameters = schema["paths"][path]["get"]["parameters"]
    return next(p for p in parameters if p["name"] == name)


def test_the_schema_says_what_the_code_accepts(schema):
    roles = _parameter(schema, "/api/v1/compare/", "roles")
    assert roles["required"] and (roles["style"], roles["explode"]) == ("form", False)
    assert roles["schema"]["minItems"] == 2 and roles["schema"]["maxItems"] == 6
    assert roles["schema"]["uniqueItems"]
    scheme = _parameter(schema, "/api/v1/concepts/{scheme}/{key}/", "scheme")
    assert scheme["schema"]["enum"] == ["esco", "isco", "onet"]
    text = schema["components"]["schemas"]["CheckRequestRequest"]
    assert text["additionalProperties"] is False and text["required"] == ["text"]
    assert text["properties"]["text"]["minLength"] == 1
    assert text["properties"]["text"]["maxLength"] == 20_000
    for path in (
        "/api/v1/roles/",
        "/api/v1/tasks/",
        "/api/v1/concepts/",
        "/api/v1/proposals/",
        "/api/v1/roles/{slug}/revisions/",
    ):
        assert _parameter(schema, path, "page_size")["schema"]["maximum"] == 200
        assert _parameter(schema, path, "page")["schema"]["minimum"] == 1
    slug = _parameter(schema, "/api/v1/roles/{slug}/", "slug")
    assert slug["schema"]["pattern"] == r"^[-a-zA-Z0-9_]+$"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/roles/gibt-es-nicht/",
        "/api/v1/roles/gibt-es-nicht/revisions/",
        "/api/v1/roles/?task=gibt-es-nicht",
        "/api/v1/tasks/gibt-es-nicht/",
        "/api/v1/competencies/gibt-es-nicht/",
        "/api/v1/comparisons/gibt-es-nicht/",
        "/api/v1/proposals/999999/",
        "/api/v1/concepts/onet/99-9999.99/",
    ],
)
def test_not_found_names_no_model(client, path):
    response = client.get(path)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["message"] == "Nicht gefunden."
    assert not any(name in response.content.decode() for name in MODEL_NAMES)


def test_a_body_that_is_no_object_names_no_python_type(client):
    response = client.post("/api/v1/check/", "[1, 2]", content_type="application/json")
    assert response.status_code == 400
    message = response.json()["error"]["details"]["non_field_errors"][0]
    assert message == "Bitte senden Sie ein JSON-Objekt."
    unknown = client.post(
        "/api/v1/check/", {"text": "x", "store": True}, content_type="application/json"
    )
    assert unknown.json()["error"]["details"] == {
        "store": ["Unbekanntes Feld; gelesen werden nur: text."]
    }


@pytest.mark.parametrize(
    ("text", "status", "reason"),
    [
        ("Wir verkaufen Kaffee und Kuchen in unserem Laden.", 422, "no-task"),
        ("%$§&/()=?{}[]" * 30, 422, "not-text"),
        (" \n\t ", 400, "empty"),
        ("Redaktionsplanung " * 1200, 400, "too-long"),
    ],
)
def test_a_text_the_check_cannot_read_says_why(client, text, status, reason):
    """Empty and too long texts are invalid by the schema (400); a well-formed
    text without a task is unprocessable (422), not a bad request."""
    response = client.post(
        "/api/v1/check/", json.dumps({"text": text}), content_type="application/json"
    )
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (status, "check_refused")
    assert error["details"]["reason"] == [reason]
    assert (
        error["message"] == "Diesen Text kann die Prüfung nicht lesen; siehe details."
    )


@pytest.mark.parametrize("size", ["0", "201", "abc", "", "²"])
def test_page_size_outside_1_to_200_is_refused_not_replaced(client, size):
    response = client.get(f"/api/v1/tasks/?page_size={size}")
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {
        "page_size": ["Eine ganze Zahl von 1 bis 200."]
    }


def test_an_empty_page_is_no_page(client):
    assert client.get("/api/v1/tasks/?page=").status_code == 404
    assert client.get("/api/v1/tasks/?page=1&page_size=200").status_code == 200


@pytest.mark.parametrize(
    "path", ["/api/v1/proposals/?role=", "/api/v1/roles/?task=zwei%20Worte"]
)
def test_filters_take_slugs(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "Kurzname" in json.dumps(response.json(), ensure_ascii=False)


def test_every_429_says_when_to_come_back(client, settings):
    settings.API_RATE = "5/minute"
    for _ in range(3):
        assert client.get("/api/v1/tasks/").status_code == 200
    settings.API_RATE = "2/minute"  # lowered below what this client already used
    refused = client.get("/api/v1/tasks/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_an_address_with_a_newline_gets_the_json_404(client):
    response = client.get("/api/v1/roles/a%0Ab/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
