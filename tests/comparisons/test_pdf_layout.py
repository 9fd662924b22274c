"""The 6-role PDF fits A4 landscape: nothing clipped, everything there, tagged."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from html import unescape

import pytest
from django.urls import reverse

from comparisons.engine import build_comparison
from comparisons.exporters import EXPORTERS
from comparisons.selectors import load_role_data
from tests.comparisons.six_roles import SIX

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs poppler-utils"
)
WORD = re.compile(
    r'<page width="([\d.]+)" height="([\d.]+)">|'
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)'
)


@pytest.fixture
def six_role_pdf(client, catalogue, tmp_path):
    url = reverse("comparisons:export", args=["pdf"])
    response = client.get(url, {"roles": ",".join(SIX)})
    assert response.status_code == 200
    path = tmp_path / "sechs.pdf"
    path.write_bytes(response.content)
    return path


def _words(path) -> list[tuple[float, float, float, float, float, float, str]]:
    html = _run("pdftotext", "-bbox", str(path), "-")
    words, width, height = [], 0.0, 0.0
    for match in WORD.finditer(html):
        if match.group(1):
            width, height = float(match.group(1)), float(match.group(2))
        else:
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(3, 7))
            words.append((width, height, x0, y0, x1, y1, unescape(match.group(7))))
    return words


def test_no_word_of_the_six_role_pdf_lies_outside_its_page(six_role_pdf):
    words = _words(six_role_pdf)
    assert words
    outside = [w[6] for w in words if w[2] < 0 or w[4] > w[0] or w[5] > w[1]]
    assert outside == []


def test_six_role_pdf_names_every_role_and_every_row(six_role_pdf):
    text = _run("pdftotext", str(six_role_pdf), "-")
    # A compound may break after its own "-" ("PR-" / "Berater"); pdftotext then
    # joins the lines without it. There is no other hyphenation (see below).
    flat = " ".join(text.replace("-\n", "-").split()).replace("-", "")
    table = build_comparison(load_role_data(SIX))
    for role in table.roles:
        assert role.title.replace("-", "") in flat, role.title
    missing = [
        row.label
        for section in table.sections
        for row in section.rows
        if " ".join(row.label.split()).replace("-", "") not in flat
    ]
    assert missing == []
    assert "Kurz gesagt" in flat


def test_pdf_is_tagged_and_names_its_language(catalogue, tmp_path):
    path = tmp_path / "zwei.pdf"
    path.write_bytes(EXPORTERS["pdf"].render(build_comparison(load_role_data(SIX[:2]))))
    info = _run("pdfinfo", str(path))
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    structure = _run("pdfinfo", "-struct", str(path))
    assert "Table" in structure and "TH" in structure
    assert b"/Lang (de)" in b"".join(_streams(path.read_bytes()))


def _streams(pdf: bytes) -> list[bytes]:
    """The decompressed streams: the catalogue sits in an object stream."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return found


def test_pdf_footer_names_the_page_it_exports(six_role_pdf):
    text = " ".join(_run("pdftotext", str(six_role_pdf), "-").split())
    assert "/compare/?roles=social-media-manager,social-media-berater" in text


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


# pdftotext's word boxes are as tall as DejaVu Sans's line: 1.164 × the type size.
LINE_PER_POINT = 1.164
# Words that automatic hyphenation split at line ends before (the text layer held
# "Ansprech‐" and "person", so a search for the whole word failed).
ONCE_SPLIT = [
    "Ansprechperson",
    "beispielhaft",
    "Unternehmen",
    "Strategie",
    "Abteilungen",
    "Marketing",
    "Netzwerken",
    "moderiert",
    "übernimmt",
    "Aufgaben",
]


def _size(word) -> float:
    return (word[5] - word[3]) / LINE_PER_POINT


def test_no_word_is_split_so_searching_the_pdf_finds_whole_words(six_role_pdf):
    text = _run("pdftotext", str(six_role_pdf), "-")
    assert "\u2010\n" not in text and "\u00ad" not in text
    words = set(re.findall(r"\w+", text))
    assert [word for word in ONCE_SPLIT if word not in words] == []


def test_nothing_prints_below_seven_point_but_the_address_at_the_top(six_role_pdf):
    words = _words(six_role_pdf)
    body = [w for w in words if w[3] > 40]  # below the header line with the address
    small = sorted({(round(_size(w), 1), w[6]) for w in body if _size(w) < 6.9})
    assert small == []


def test_key_differences_are_at_body_size_without_glitches(six_role_pdf):
    text = " ".join(_run("pdftotext", str(six_role_pdf), "-").split())
    assert ".;" not in text and ". (beispielhaft)" not in text
    start = text.index("Die wichtigsten Unterschiede")
    assert "Social Media Manager: verantwortet – " in text[start:]
    words = _words(six_role_pdf)
    first = next(i for i, w in enumerate(words) if w[6] == "Unterschiede")
    key_words = [w for w in words[first : first + 200] if 40 < w[3] < w[1] - 35]
    assert min(_size(w) for w in key_words) >= 8.9


def test_the_footer_is_one_line_source_left_page_right(six_role_pdf):
    words = _words(six_role_pdf)
    height = words[0][1]
    footer = [w for w in words if w[3] > height - 35]  # in the bottom margin
    pages = int(_run("pdfinfo", str(six_role_pdf)).split("Pages:")[1].split()[0])
    assert len({round(w[3]) for w in footer}) == 1  # one baseline on every page
    texts = [w[6] for w in footer]
    assert texts.count("Seite") == pages and texts.count("Quelle:") == pages
    assert f"{pages}" in texts


def test_the_map_figure_has_alternative_text(six_role_pdf):
    streams = b"".join(_streams(six_role_pdf.read_bytes()))
    alts = [
        bytes.fromhex(match.decode()).decode("utf-16")
        for match in re.findall(rb"/Alt <([0-9a-f]+)>", streams)
    ]
    assert len(alts) == 1
    assert alts[0].startswith("Wo die Rollen stehen: 1 Social Media Manager: ")
    assert "6 SEO-Manager: " in alts[0]
