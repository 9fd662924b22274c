"""The public read API: every endpoint's content, the 304 round trip, the rate
limit, languages, and bad input that gets a JSON error, never a 500."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roles.models import Role, Task
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from tests.builders import assign_task, make_role
from tests.taxonomies.helpers import SMM_URI, import_esco, import_onet

pytestmark = pytest.mark.django_db
SMM, CM = "social-media-manager", "community-manager"


@pytest.fixture
def api(client):
    def get(path: str, **headers):
        response = client.get(path, headers=headers)
        assert response["Content-Type"].startswith("application/json"), response
        return response

    return get


def content_queries(context: CaptureQueriesContext) -> list[str]:
    """What a request read for its answer: without the rate counter's statement
    (core.counters; one per request) and its savepoint in the test's transaction."""
    statements = [query["sql"] for query in context.captured_queries]
    counted = {i for i, sql in enumerate(statements) if "ratecounter" in sql}
    around = {
        i + step
        for i in counted
        for step in (-1, 1)
        if 0 <= i + step < len(statements)
        and "SAVEPOINT" in statements[i + step].split(" ", 2)[:2]
    }
    return [sql for i, sql in enumerate(statements) if i not in counted | around]


def _map(slug: str, classifications: dict) -> Role:
    role = Role.objects.get(slug=slug)
    snapshot = snapshot_of(role)
    snapshot["classifications"] = classifications
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Codes",
    )
    return role


def test_roles_are_listed_by_title_in_pages(api):
    first = api("/api/v1/roles/?page_size=5").json()
    assert first["count"] == Role.objects.count() == 16
    titles = [row["title"] for row in first["results"]]
    assert titles == sorted(titles, key=str.casefold)[:5] or titles == list(
        Role.objects.order_by("title", "id").values_list("title", flat=True)[:5]
    )
    second = api(first["next"]).json()
    assert not {r["slug"] for r in first["results"]} & {
        r["slug"] for r in second["results"]
    }
    smm = api("/api/v1/roles/?family=social-media&page_size=200").json()["results"]
    assert SMM in [row["slug"] for row in smm]
    assert all(row["family"] == "social-media" for row in smm)
    row = next(r for r in smm if r["slug"] == SMM)
    assert row["html_url"].endswith("/roles/social-media-manager/")
    assert row["url"].endswith("/api/v1/roles/social-media-manager/")


def test_the_role_list_costs_the_same_queries_at_any_size(api):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            api("/api/v1/roles/")
        return len(content_queries(context))

    few = queries()
    for _ in range(60):
        make_role()
    assert queries() == few <= 7  # stamps, dates, count, page


def test_a_role_has_its_tasks_competencies_relations_codes_and_links(api):
    import_onet()
    _map(
        SMM,
        {
            "onet:27-3031.00": {"status": "reviewed", "note": "teilweise"},
            "kldb:92212": {"status": "suggested", "note": ""},
        },
    )
    role = api(f"/api/v1/roles/{SMM}/").json()
    stored = Role.objects.get(slug=SMM)
    assert role["title"] == stored.title and role["summary"] == stored.summary
    responsibilities = {t["slug"]: t["responsibility"] for t in role["tasks"]}
    expected = dict(stored.task_assignments.values_list("task__slug", "responsibility"))
    assert responsibilities == expected
    assert "excluded" in responsibilities.values()  # what is not part of the role
    levels = {c["slug"]: c["level"] for c in role["competencies"]}
    assert levels == dict(
        stored.competency_assignments.values_list("competency__slug", "level")
    )
    assert {(r["direction"], r["role"]) for r in role["relations"]} >= {("out", CM)}
    codes = {(c["scheme"], c["code"], c["status"]) for c in role["classifications"]}
    assert codes == {("onet", "27-3031.00", "reviewed"), ("kldb", "92212", "suggested")}
    onet = next(c for c in role["classifications"] if c["scheme"] == "onet")
    assert onet["label"] == "Public Relations Specialists"
    assert [a["source"] for a in role["attribution"]] == ["onet"]
    assert "CC BY 4.0" in role["attribution"][0]["text"]
    assert role["links"]["history"].endswith(f"/roles/{SMM}/history/")
    assert role["links"]["revisions"].endswith(f"/api/v1/roles/{SMM}/revisions/")
    assert role["fields"]["orientation"] == stored.orientation


def test_a_renamed_role_redirects_to_its_new_address(client, wiki_role):
    snapshot = snapshot_of(wiki_role)
    snapshot["fields"]["slug"] = "neuer-name"
    save_role(
        role=wiki_role,
        snapshot=snapshot,
        base_number=wiki_role.revision_number,
        user=None,
        comment="umbenannt",
    )
    response = client.get("/api/v1/roles/testrolle/?lang=de")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/roles/neuer-name/?lang=de"


def test_revisions_are_listed_newest_first_with_links(api, wiki_role):
    snapshot = snapshot_of(wiki_role)
    snapshot["fields"]["summary"] = "Zweite Fassung."
    save_role(
        role=wiki_role,
        snapshot=snapshot,
        base_number=wiki_role.revision_number,
        user=None,
        comment="Zweite Fassung",
    )
    page = api("/api/v1/roles/testrolle/revisions/").json()
    assert page["count"] == 2
    newest, first = page["results"]
    assert (newest["comment"], first["comment"]) == ("Zweite Fassung", "Anlage")
    assert newest["diff_url"] is None
    assert f"from={first['id']}&to={newest['id']}" in first["diff_url"]
    assert newest["html_url"].endswith(f"/roles/testrolle/history/{newest['id']}/")


def test_tasks_and_competencies_with_their_roles(api):
    tasks = api("/api/v1/tasks/?page_size=200").json()
    assert tasks["count"] == Task.objects.count()
    task = Task.objects.get(slug=tasks["results"][0]["slug"])
    row = tasks["results"][0]
    assert row["role_count"] == task.role_assignments.count()
    roles = api(row["roles_url"] + "&page_size=200").json()
    assert {r["slug"] for r in roles["results"]} == set(
        task.role_assignments.values_list("role__slug", flat=True)
    )
    detail = api(f"/api/v1/tasks/{task.slug}/").json()
    assert detail["plain_name"] == task.plain_name
    competencies = api("/api/v1/competencies/").json()
    assert competencies["count"] > 0 and competencies["results"][0]["group_label"]


def test_task_pages_count_roles_without_growing_queries(api):
    task = Task.objects.first()

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            api("/api/v1/tasks/")
        return len(context.captured_queries)

    few = queries()
    for _ in range(30):
        assign_task(make_role(), task)
    assert queries() == few


def test_the_comparison_is_the_same_document_as_the_json_export(client, api):
    query = f"roles={SMM},{CM}&audience=expert&only=diff"
    document = api(f"/api/v1/compare/?{query}").json()
    export = json.loads(
        client.get(f"{reverse('comparisons:export', args=['json'])}?{query}").content
    )
    assert document == export
    assert document["format"] == "berufsbild.comparison"
    assert [r["slug"] for r in document["roles"]] == [SMM, CM]
    assert document["audience"] == "expert" and document["only_differences"] is True


def test_curated_comparisons_are_listed_and_read(client, api):
    listing = api("/api/v1/comparisons/").json()
    assert listing["count"] >= 1
    first = listing["results"][0]
    document = api(first["url"]).json()
    assert document["title"] == first["title"]
    export_url = reverse("comparisons:curated_export", args=[first["slug"], "json"])
    assert document == json.loads(client.get(export_url).content)


def test_concepts_are_searched_and_read_with_their_attribution(api):
    import_esco()
    import_onet()
    found = api("/api/v1/concepts/?q=social media").json()
    codes = {row["code"] for row in found["results"]}
    assert SMM_URI in codes and "27-3031.00" in codes  # alternative labels count
    assert {a["source"] for a in found["attribution"]} == {"esco", "onet"}
    only_onet = api("/api/v1/concepts/?scheme=onet&q=manager").json()
    assert {row["scheme"] for row in only_onet["results"]} == {"onet"}
    leading_zero = api("/api/v1/concepts/?scheme=isco&q=0110").json()["results"]
    assert [row["code"] for row in leading_zero] == ["0110"]
    detail = api("/api/v1/concepts/onet/27-3031.00/").json()
    assert {t["kind"] for t in detail["tasks"]} == {"core", ""}
    flagged = api("/api/v1/concepts/onet/11-2032.00/").json()["skills"]
    programming = next(s for s in flagged if s["code"] == "2.B.3.e")
    assert programming["not_relevant"] is True and programming["level"] == 0.12
    esco = api("/api/v1/concepts/esco/0a1b2c3d-1111-4aaa-8bbb-000000000001/").json()
    assert esco["code"] == SMM_URI and esco["attribution"][0]["source"] == "esco"
    assert {s["relation"] for s in esco["skills"]} == {"essential", "optional"}


def test_the_job_ad_check_answers_and_stores_nothing(client):
    from hiring.sharing import SharedCheck

    text = (
        "Wir suchen einen Social Media Manager (m/w/d). Sie entwickeln die "
        "Social-Media-Strategie, planen Redaktionspläne und werten Kennzahlen aus."
    )
    response = client.post(
        "/api/v1/check/", {"text": text}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["format"] == "berufsbild.jobad-check"
    assert body["roles"] and body["roles"][0]["slug"] == SMM
    assert response["Cache-Control"] == "no-store"
    assert not SharedCheck.objects.exists()


# --- conditional requests -----------------------------------------------------------


def test_etag_round_trip_gives_304_until_the_catalogue_changes(client):
    url = f"/api/v1/roles/{SMM}/"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    _map(SMM, {"kldb:92212": {"status": "reviewed", "note": ""}})
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "92212" in changed.content.decode()


def test_an_import_changes_the_etag(client):
    first = client.get("/api/v1/concepts/")
    import_onet()
    after = client.get("/api/v1/concepts/", headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200 and after.json()["count"] == 4


def test_languages_by_header_or_parameter(client):
    german = client.get(f"/api/v1/roles/{SMM}/").json()
    english = client.get(f"/api/v1/roles/{SMM}/?lang=en").json()
    by_header = client.get(
        f"/api/v1/roles/{SMM}/", headers={"Accept-Language": "en"}
    ).json()
    assert german["family_label"] == "Social Media"
    task = lambda doc: next(t for t in doc["tasks"] if t["responsibility"] == "owns")  # noqa: E731
    assert task(german)["responsibility_label"] == "verantwortet"
    assert (
        task(english)["responsibility_label"]
        == task(by_header)["responsibility_label"]
        == "owns"
    )
    assert (
        client.get(f"/api/v1/roles/{SMM}/?lang=en")["ETag"]
        != client.get(f"/api/v1/roles/{SMM}/")["ETag"]
    )


# --- limits and bad input -----------------------------------------------------------


def test_the_anonymous_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/tasks/").status_code == 200
    refused = client.get("/api/v1/tasks/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "throttled"


def test_the_check_has_its_own_tighter_limit(client, settings):
    settings.API_CHECK_RATE = "1/minute"
    text = (
        "Wir suchen einen Social Media Manager (m/w/d). Sie entwickeln die "
        "Social-Media-Strategie, planen Redaktionspläne und werten Kennzahlen aus."
    )

    def post():
        return client.post(
            "/api/v1/check/", {"text": text}, content_type="application/json"
        )

    first = post()
    assert first.status_code == 200, first.content
    assert post().status_code == 429


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/roles/?sort=title", 400, "bad_parameters"),
        ("/api/v1/roles/?family=fantasy", 400, "bad_parameters"),
        ("/api/v1/roles/?page=999", 404, "not_found"),
        ("/api/v1/roles/?page=abc", 404, "not_found"),
        ("/api/v1/roles/?lang=fr", 400, "bad_parameters"),
        ("/api/v1/roles/gibt-es-nicht/", 404, "not_found"),
        ("/api/v1/roles/?task=gibt-es-nicht", 404, "not_found"),
        ("/api/v1/gibt-es-nicht/", 404, "not_found"),
        (f"/api/v1/compare/?roles={SMM}", 400, "bad_parameters"),
        ("/api/v1/compare/?roles=a,b,c,d,e,f,g", 400, "bad_parameters"),
        (f"/api/v1/compare/?roles={SMM},{SMM}", 400, "bad_parameters"),
        (f"/api/v1/compare/?roles={SMM},erfunden", 404, "not_found"),
        (f"/api/v1/compare/?roles={SMM},{CM}&audience=kids", 400, "bad_parameters"),
        ("/api/v1/concepts/?scheme=kldb", 400, "bad_parameters"),
        ("/api/v1/concepts/onet/99-9999.99/", 404, "not_found"),
        ("/api/v1/concepts/xyz/1/", 400, "bad_parameters"),
    ],
)
def test_bad_requests_get_a_json_error(api, path, status, code):
    response = api(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"]


def test_seven_roles_name_the_limit(api):
    error = api("/api/v1/compare/?roles=a,b,c,d,e,f,g").json()["error"]
    assert "höchstens 6 Rollen" in error["details"]["roles"][0]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field"),
    [
        ({"text": "x" * 1_000_000}, "application/json", 400, "text"),
        ({"text": "ä" * 25_000}, "application/json", 400, "text"),
        ({"text": "Wir suchen", "store": True}, "application/json", 400, "store"),
        ({}, "application/json", 400, "text"),
        ({"text": ""}, "application/json", 400, "text"),
        ("{kein json", "application/json", 400, None),
        ("text=hallo", "application/x-www-form-urlencoded", 415, None),
    ],
)
def test_bad_check_requests_get_a_json_error(client, body, content_type, status, field):
    payload = json.dumps(body) if isinstance(body, dict) else body
    response = client.post("/api/v1/check/", payload, content_type=content_type)
    assert response.status_code == status
    error = response.json()["error"]
    if field:
        assert field in error["details"]


def test_a_text_the_check_cannot_read_says_why(client):
    response = client.post(
        "/api/v1/check/", {"text": "x" * 30_000}, content_type="application/json"
    )
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (400, "check_refused")
    assert error["details"]["reason"] == ["too-long"]
    assert "höchstens 20.000" in error["details"]["text"][0]


def test_the_api_only_reads(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)(f"/api/v1/roles/{SMM}/")
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "method_not_allowed"
    assert client.get("/api/v1/check/").status_code == 405


# --- the schema and its docs ---------------------------------------------------------


def test_the_schema_validates_without_warnings():
    out = io.StringIO()
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        stdout=out,
    )
    schema = json.loads(out.getvalue())
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    expected = {
        "/api/v1/roles/",
        "/api/v1/roles/{slug}/",
        "/api/v1/roles/{slug}/revisions/",
        "/api/v1/tasks/",
        "/api/v1/competencies/",
        "/api/v1/comparisons/",
        "/api/v1/compare/",
        "/api/v1/concepts/",
        "/api/v1/check/",
        "/api/v1/proposals/",
    }
    assert expected <= paths
    document = schema["components"]["schemas"]["ComparisonDocument"]
    export = json.loads(
        __import__("django.test", fromlist=["Client"])
        .Client()
        .get(f"/compare/export.json?roles={SMM},{CM}")
        .content
    )
    assert set(document["properties"]) == set(export)


def test_the_docs_are_served_from_the_app_under_the_strict_csp(client):
    response = client.get("/api/v1/docs/")
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    )
    assert "<style" not in page and "<script>" not in page and "cdn" not in page.lower()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "/api/v1/schema/" in script.content.decode()
    schema = client.get(
        "/api/v1/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    assert schema.status_code == 200


def test_a_304_does_not_load_the_role(client):
    url = f"/api/v1/roles/{SMM}/"
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert len(content_queries(context)) <= 6  # exists, two stamps, three dates


def test_proposals_and_their_review_state(client, editor, maintainer):
    from roles.services.proposals import decide, submit

    role = Role.objects.get(slug=SMM)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Vorgeschlagen."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=editor,
        summary="Klarer für Unternehmen",
    )
    listing = client.get("/api/v1/proposals/?state=open-any")
    assert listing.json()["count"] == 1
    etag = listing["ETag"]
    row = listing.json()["results"][0]
    assert (row["role"], row["author"], row["state"]) == (SMM, "redakteur", "open")
    assert "proposed" not in row  # what it changes is for editors on the site
    decide(proposal, decision="approve", user=maintainer, comment="Gut.", seen_pushes=1)
    again = client.get(
        "/api/v1/proposals/?state=open-any", headers={"If-None-Match": etag}
    )
    assert again.status_code == 200 and again.json()["count"] == 0
    detail = client.get(f"/api/v1/proposals/{proposal.pk}/").json()
    assert detail["state"] == "approved" and detail["decided_by"] == "pflegerin"
    assert [e["kind"] for e in detail["events"]] == ["proposed", "approved"]
    assert detail["events"][1]["comment"] == "Gut."
    assert client.get("/api/v1/proposals/?state=maybe").status_code == 400
    assert client.get("/api/v1/proposals/99999/").status_code == 404
