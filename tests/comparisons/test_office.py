"""The spreadsheet exports opened as their readers open them: LibreOffice (headless)
prints the six-role XLSX and imports the CSV for German Excel."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from comparisons.engine import build_comparison
from comparisons.exporters import EXPORTERS
from comparisons.selectors import load_role_data
from tests.comparisons.six_roles import SIX

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="needs LibreOffice and poppler (make test-fast installs them)",
    ),
]


@pytest.fixture
def six(catalogue):
    return build_comparison(load_role_data(SIX))


def _office(source: Path, target: str, *options: str) -> Path:
    """Convert with LibreOffice, in a profile of its own (others may run it too)."""
    profile = source.parent / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *options,
            "--convert-to",
            target,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return source.with_suffix(f".{target.split(':')[0]}")


def _type_sizes(pdf: Path) -> set[float]:
    """Every font size LibreOffice drew text at (its pages carry no scaling)."""
    sizes = set()
    for match in re.finditer(
        rb"stream\r?\n(.*?)\r?\nendstream", pdf.read_bytes(), re.S
    ):
        try:
            stream = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        sizes |= {float(size) for size in re.findall(rb"([\d.]+) Tf", stream)}
    return sizes


def _first_lines(pdf: Path) -> list[str]:
    """Each page's first line of text, spaces squeezed."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [page.strip().splitlines() for page in text.split("\f") if page.strip()]
    return [" ".join(lines[0].split()) for lines in pages]


def test_the_six_role_xlsx_prints_at_nine_point_with_the_labels_on_every_page(
    six, tmp_path
):
    source = tmp_path / "sechs.xlsx"
    source.write_bytes(EXPORTERS["xlsx"].render(six))
    pdf = _office(source, "pdf")
    assert min(_type_sizes(pdf)) >= 9
    heads = [line for line in _first_lines(pdf) if line.startswith("Bereich Merkmal")]
    titles = [role.title for role in six.roles]
    assert len(heads) >= 3
    for head in heads:  # the labels, then at most two roles
        assert 1 <= sum(title in head for title in titles) <= 2, head
    assert all(title in " ".join(heads[:3]) for title in titles)


def test_the_xlsx_breaks_pages_after_every_second_role(six):
    sheet = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(six)))["Vergleich"]
    # Breaks before columns E and G (0-based 4 and 6): pages hold C–D, E–F, G–I.
    assert [b.id for b in sheet.col_breaks.brk] == [4, 6]


def test_the_csv_for_german_excel_keeps_its_umlauts_in_libreoffice(six, tmp_path):
    data = EXPORTERS["excel.csv"].render(six)
    assert not data.startswith(b"\xef\xbb\xbf") and b'";"' in data
    source = tmp_path / "sechs.csv"
    source.write_bytes(data)
    # As LibreOffice opens it without being told anything about the file.
    text = _sheet_text(_office(source, "xlsx"))
    assert "Für welche Unternehmensgröße?" in text and "Ã" not in text
    # And with the semicolon as separator: the table's cells, one per column.
    (tmp_path / "sechs.xlsx").unlink()
    cells = load_workbook(_office(source, "xlsx", "--infilter=CSV:59,34,ANSI,1")).active
    header = next(
        [cell.value for cell in row]
        for row in cells.iter_rows()
        if row[0].value == "Bereich"
    )
    assert header[:3] == ["Bereich", "Merkmal", "Social Media Manager"]
    assert header[-1] == "Unterschied" and len(header) == 2 + 6 + 1
    labels = [str(cell.value) for cell in cells["B"]]
    assert "Für welche Unternehmensgröße?" in labels


def _sheet_text(path: Path) -> str:
    sheet = load_workbook(path).active
    return " ".join(
        str(c) for row in sheet.iter_rows(values_only=True) for c in row if c
    )
