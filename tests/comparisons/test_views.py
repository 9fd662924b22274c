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
from tests.html_forms import checked_values

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
    assert "Bei einer Rolle ausdrücklich nicht ihre Aufgabe" in page
    assert page.index("Social Media Manager</a></th>") < page.index(
        "Social Media Berater</a></th>"
    )
    assert f"/compare/export.xlsx?roles={PAIR}" in page


def test_only_differences_hides_rows_that_are_the_same(client, catalogue):
    full = _page(client, f"roles={PAIR}")
    only = _page(client, f"roles={PAIR}&only=diff")
    assert "= gleich" in full
    assert "= gleich" not in only
    assert checked_values(only, "only") == ["diff"]
    assert checked_values(full, "only") == [""]


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
    assert response.status_code == 200  # no such alias: offers what may be meant
    page = response.content.decode()
    assert "Meinten Sie eine dieser Rollen für „SoMe Berater“?" in page
    assert 'href="?roles=social-media-manager,social-media-berater"' in page
    assert 'value="SoMe Berater"' in page  # the typed text stays in the box
    nothing = client.get(
        reverse("comparisons:compare"), {"roles": "social-media-manager", "add": "Xq"}
    ).content.decode()
    assert "Keine Rolle passt zu „Xq“" in nothing
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
        ("roles=social-media-manager,social-media-manager", "doppelt gewählt"),
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


@pytest.mark.parametrize(
    ("typed", "added"),
    [
        ("Comunity Manager", "community-manager"),
        ("social media berater", "social-media-berater"),
        ("SoMe-Manager", "social-media-manager"),
    ],
)
def test_picker_forgives_typos_and_case_like_search(client, catalogue, typed, added):
    start = "pr-berater" if added != "pr-berater" else "blogger"
    response = client.get(
        reverse("comparisons:compare"), {"roles": start, "add": typed}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"roles={start},{added}")


def test_picker_offers_candidates_for_part_of_a_title(client, catalogue):
    page = client.get(
        reverse("comparisons:compare"), {"roles": "blogger", "add": "Berater"}
    ).content.decode()
    assert "Meinten Sie" in page
    assert "roles=blogger,social-media-berater" in page
    assert "roles=blogger,pr-berater" in page


def test_one_role_is_a_first_step_not_an_error(client, catalogue):
    response = client.get(reverse("comparisons:compare"), {"roles": "blogger"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Wählen Sie eine zweite Rolle" in page
    assert 'class="errorlist"' not in page


@pytest.mark.parametrize("fmt", ["csv", "md", "json", "xlsx", "pdf"])
def test_curated_exports_carry_title_introduction_and_verdict(client, catalogue, fmt):
    import shutil
    import subprocess
    import tempfile

    from openpyxl import load_workbook

    from comparisons.models import CuratedComparison

    curated = CuratedComparison.objects.get(slug="social-media-manager-oder-berater")
    url = reverse("comparisons:curated_export", args=[curated.slug, fmt])
    response = client.get(url)
    assert response.status_code == 200
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content))["Zusammenfassung"]
        text = " ".join(str(row[0]) for row in sheet.iter_rows(values_only=True))
    elif fmt == "pdf":
        if not shutil.which("pdftotext"):
            pytest.skip("needs poppler-utils")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
            pdf.write(response.content)
            pdf.flush()
            text = subprocess.run(
                ["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True
            ).stdout
    else:
        text = response.content.decode("utf-8-sig")
    flat = " ".join(text.replace("\\", "").split())
    assert curated.title in flat
    assert "täglichen Arbeit" in flat  # from the editorial introduction
    assert "Kurz gesagt" in flat or '"verdict"' in flat


def test_the_markers_of_cards_and_table_are_explained_in_plain_words(client, catalogue):
    page = _page(client, f"roles={SIX}")
    start = page.index('class="key-differences"')
    cards = page[start : page.index("</section>", start)]
    key = (
        "Dazu sagt der Katalog nichts: Die Rolle ist in diesem Punkt nicht beschrieben"
    )
    assert key in cards
    assert "Ausdrücklich nicht ihre Aufgabe: Wer das von dieser Rolle verlangt" in cards
    assert "Von den Quellen nicht belegt: So sieht es bei dieser Rolle" in cards
    # An empty cell of a card says so in words, not with a tooltip.
    assert '<span class="muted">Dazu sagt der Katalog nichts</span>' in cards
    table = page[page.index('class="compare-table"') - 2000 :]
    assert table.count('class="reading-key"') == 1
    for old in ("nicht erfasst", "ausdrücklich nicht Teil der Rolle"):
        assert old not in page
