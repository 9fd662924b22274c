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

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs poppler-utils"
)
SIX = ["social-media-manager", "social-media-berater", "community-manager",
       "pr-berater", "blogger", "seo-manager"]  # fmt: skip
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
    # Hyphenation at line ends (U+2010) is layout; a compound's own "-" stays.
    flat = " ".join(text.replace("\u2010\n", "").replace("-\n", "-").split())
    table = build_comparison(load_role_data(SIX))
    for role in table.roles:
        assert role.title in flat, role.title
    missing = [
        row.label for section in table.sections for row in section.rows
        if " ".join(row.label.split()) not in flat
    ]  # fmt: skip
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
