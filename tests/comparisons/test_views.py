"""The comparison page and export URLs as a visitor uses them, bad input included."""

from __future__ import annotations

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from comparisons.models import CuratedComparison

pytestmark = pytest.mark.django_db
PAIR = "social-media-manager,social-media-berater"
SIX = PAIR + ",community-manager,pr-berater,blogger,seo-manager"


def _page(client, query: str) -> str:
    response = client.get(f"{reverse('comparisons:compare')}?{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_pair_shows_summary_table_and_exports(client, catalogue):
    page = _page(client, f"roles={PAIR}")
    # The verdict first, then the key differences, then the details and the table.
    details = "Gemeinsamkeiten und Unterschiede im Einzelnen"
    order = ["Kurz gesagt", "Die wichtigsten Unterschiede", details, "compare-table"]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "ausdrücklich nicht Teil der Rolle" in page
    assert page.index("Social Media Manager</a></th>") < page.index(
        "Social Media Berater</a></th>"
    )
    assert f"/compare/export.xlsx?roles={PAIR}" in page


def test_only_differences_hides_rows_that_are_the_same(client, catalogue):
    full = _page(client, f"roles={PAIR}")
    only = _page(client, f"roles={PAIR}&only=diff")
    assert "= gleich" in full
    assert "= gleich" not in only
    assert 'name="only" value="diff" checked' in only


def test_expert_wording_switches_labels(client, catalogue):
    plain = _page(client, f"roles={PAIR}")
    expert = _page(client, f"roles={PAIR}&audience=expert")
    assert "Kommentare lesen, ordnen und bei Bedarf eingreifen" in plain
    assert 'class="label-col"> Moderation <span' in " ".join(expert.split())
    assert 'class="label-col"> Moderation <span' not in " ".join(plain.split())
    assert "Fassung für Fachleute" in expert


def test_adding_a_role_by_alias_redirects_to_the_shareable_url(client, catalogue):
    response = client.get(
        f"{reverse('comparisons:compare')}?roles=social-media-manager&add=SoMe+Berater"
    )
    assert response.status_code == 200  # no such alias: stays, keeps the text
    page = response.content.decode()
    assert "Keine Rolle passt zu „SoMe Berater“" in page
    assert 'value="SoMe Berater"' in page
    response = client.get(
        f"{reverse('comparisons:compare')}?roles=social-media-manager&add=community+managerin"
    )
    assert response.status_code == 302
    assert (
        response.headers["Location"]
        == "/compare/?roles=social-media-manager,community-manager"
    )


def test_role_order_links_move_and_remove(client, catalogue):
    page = _page(client, f"roles={PAIR},community-manager")
    assert (
        'href="?roles=social-media-berater,social-media-manager,community-manager"'
        in page
    )
    assert 'href="?roles=social-media-manager,community-manager"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("roles=social-media-manager", "mindestens 2 Rollen"),
        (f"roles={SIX},blogger", "doppelt gewählt"),
        (f"roles={SIX},online-redakteur", "höchstens 6 Rollen"),
        ("roles=social-media-manager,gibts-nicht", "„gibts-nicht“ gibt es nicht"),
        (f"roles={PAIR}&audience=kauderwelsch", "Unbekannte Sprachebene"),
        ("roles=%3Cscript%3Ealert(1)%3C%2Fscript%3E,,,", "gibt es nicht"),
        ("roles=" + "x" * 5000, "gibt es nicht"),
    ],
)
def test_bad_input_gets_a_clear_message(client, catalogue, query, message):
    page = _page(client, query)
    assert message in page
    assert "<script>alert(1)</script>" not in page


def test_export_urls_refuse_bad_input(client, catalogue):
    assert (
        client.get(
            f"{reverse('comparisons:export', args=['exe'])}?roles={PAIR}"
        ).status_code
        == 404
    )
    response = client.get(
        f"{reverse('comparisons:export', args=['csv'])}?roles=social-media-manager"
    )
    assert response.status_code == 400
    assert "mindestens 2 Rollen" in response.content.decode()
    unknown = {"roles": "social-media-manager,nix"}
    csv_url = reverse("comparisons:export", args=["csv"])
    assert client.get(csv_url, unknown).status_code == 400


def test_export_matches_the_screen_state(client, catalogue):
    state = {"roles": PAIR, "audience": "expert", "only": "diff"}
    response = client.get(reverse("comparisons:export", args=["json"]), state)
    document = json.loads(response.content)
    assert document["audience"] == "expert" and document["only_differences"] is True
    assert (
        "vergleich_social-media-manager_social-media-berater_"
        in response["Content-Disposition"]
    )


def test_xlsx_download_opens(client, catalogue):
    response = client.get(
        f"{reverse('comparisons:export', args=['xlsx'])}?roles={PAIR}"
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["Vergleich"]["C1"].value == "Social Media Manager"


def test_curated_comparison_page_and_export(client, catalogue):
    curated = CuratedComparison.objects.get(slug="social-media-manager-oder-berater")
    page = client.get(curated.get_absolute_url()).content.decode()
    assert curated.title in page
    assert "<strong>täglichen Arbeit</strong>" in page
    assert "Kurz gesagt" in page
    response = client.get(f"{curated.get_absolute_url()}export.csv?only=diff")
    assert response.status_code == 200
    assert "Social Media Berater" in response.content.decode("utf-8-sig")


def test_unknown_or_unpublished_curated_comparison_is_404(client, catalogue):
    assert client.get("/compare/gibt-es-nicht/").status_code == 404
    CuratedComparison.objects.update(is_published=False)
    assert client.get("/compare/social-media-manager-oder-berater/").status_code == 404


def test_start_page_lists_curated_comparisons(client, catalogue):
    page = client.get("/").content.decode()
    assert 'href="/compare/social-media-manager-oder-berater/"' in page
    assert 'href="/compare/community-manager-und-social-media-manager/"' in page


def test_role_page_offers_compare_with(client, catalogue):
    page = client.get(reverse("roles:detail", args=["blogger"])).content.decode()
    assert "Blogger vergleichen mit …" in page
    assert '<input type="hidden" name="roles" value="blogger">' in page


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_comparison_queries_do_not_grow_with_roles(client, catalogue):
    two = _query_count(client, f"{reverse('comparisons:compare')}?roles={PAIR}")
    six = _query_count(client, f"{reverse('comparisons:compare')}?roles={SIX}")
    assert two == six <= 6
    csv_url = reverse("comparisons:export", args=["csv"])
    assert _query_count(client, f"{csv_url}?roles={PAIR}") == _query_count(
        client, f"{csv_url}?roles={SIX}"
    )
