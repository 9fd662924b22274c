"""Every export, read back, holds exactly the table it was given.

Pure: the exporters get hand-built tables, no database and no HTTP.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from comparisons.exporters import EXPORTERS, export_filename
from tests.comparisons.builders import hand_built_table

FORMULA_TITLE = '=HYPERLINK("http://x","y")'


@pytest.fixture
def table():
    cells = (("verantwortet", "wirkt mit"), ("führt aus", "nicht Teil dieser Rolle"))
    return hand_built_table(cells=cells)


@pytest.fixture
def formula_table():
    return hand_built_table(
        (FORMULA_TITLE, "Harmlos"),
        label="+SUMME(A1:A9)",
        cells=(("@cmd|' /C calc'!A0", "-2+3"),),
        summary=("=1+1",),
    )


def expected_rows(table) -> list[list[str]]:
    """The table as a person reads it, built here independently of the exporters."""
    rows = [["Bereich", "Merkmal", *(r.title for r in table.roles), "Unterschied"]]
    for section in table.sections:
        for row in section.rows:
            cells = [
                "—" if not c.text else (f"{c.text} – {c.note}" if c.note else c.text)
                for c in row.cells
            ]
            rows.append([section.title, row.label, *cells, row.difference_label])
    return rows


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_reads_back_as_the_table(table):
    assert _csv_rows(EXPORTERS["csv"].render(table)) == expected_rows(table)


def test_csv_neutralises_formula_like_text(formula_table):
    rows = _csv_rows(EXPORTERS["csv"].render(formula_table))
    flat = [value for row in rows for value in row]
    assert f"'{FORMULA_TITLE}" in rows[0]
    assert "'+SUMME(A1:A9)" in flat
    assert any(value.startswith("'@cmd|' /C calc'!A0") for value in flat)
    assert "'-2+3" in flat
    assert not any(value.startswith(("=", "+", "@")) for value in flat)


def test_xlsx_reads_back_as_the_table(table):
    workbook = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(table)))
    sheet = workbook["Vergleich"]
    values = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert values == expected_rows(table)
    assert sheet.freeze_panes == "C2"
    assert sheet["A1"].font.bold and sheet["C1"].font.bold
    assert sheet["C2"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width >= 28  # the labels, read at 9 pt


def test_xlsx_has_the_summary_on_its_own_sheet(table):
    workbook = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(table)))
    lines = [
        row[0]
        for row in workbook["Zusammenfassung"].iter_rows(values_only=True)
        if row[0]
    ]
    assert lines[0] == "Rollenvergleich: Social Media Manager · Social Media Berater"
    assert lines[2] == "Gemeinsamkeiten und Unterschiede im Einzelnen"
    assert [p.text for p in table.summary] == lines[3:]


def test_xlsx_keeps_formula_like_text_as_text(formula_table):
    workbook = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(formula_table)))
    sheet = workbook["Vergleich"]
    assert sheet["C1"].value == FORMULA_TITLE
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type == "s" for cell in cells if cell.value)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_text_holds_role_names_and_summary(table, tmp_path):
    pdf = EXPORTERS["pdf"].render(table)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "vergleich.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert "Social Media Manager" in words and "Social Media Berater" in words
    for point in table.summary[:3]:
        assert " ".join(point.text.split()) in words
    assert "Quelle: Berufsbild" in words


def test_json_has_the_documented_shape(table):
    document = json.loads(EXPORTERS["json"].render(table))
    assert document["format"] == "berufsbild.comparison" and document["version"] == 1
    assert document["audience"] == "plain" and document["only_differences"] is True
    assert [r["slug"] for r in document["roles"]] == [
        "social-media-manager",
        "social-media-berater",
    ]
    assert [p["text"] for p in document["summary"]] == [p.text for p in table.summary]
    first_row = document["sections"][0]["rows"][0]
    assert set(first_row) == {
        "key",
        "label",
        "difference",
        "difference_label",
        "weight",
        "cells",
    }
    assert set(first_row["cells"][0]) == {
        "role",
        "text",
        "note",
        "code",
        "is_illustrative",
    }
    assert document["verdict"] == table.verdict_text
    rows = sum(len(s["rows"]) for s in document["sections"])
    assert rows == table.row_count


def test_markdown_has_summary_and_a_table_per_section(table):
    text = EXPORTERS["md"].render(table).decode()
    assert text.startswith(
        "# Rollenvergleich: Social Media Manager · Social Media Berater"
    )
    assert f"- {table.summary[0].text}" in text
    for section in table.sections:
        assert f"## {section.title}" in text
    assert (
        "| Merkmal | Social Media Manager | Social Media Berater | Unterschied |"
        in text
    )


def test_markdown_escapes_pipes(formula_table):
    text = EXPORTERS["md"].render(formula_table).decode()
    assert "\\@cmd\\|' /C calc'\\!A0" in text


def test_filename_names_roles_and_date(table):
    name = export_filename(table, "xlsx")
    assert name.startswith("vergleich_social-media-manager_social-media-berater_20")
    assert name.endswith(".xlsx")


def test_xlsx_prints_at_a_legible_size_with_the_labels_on_every_page(table):
    workbook = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(table)))
    comparison, summary = workbook["Vergleich"], workbook["Zusammenfassung"]
    for sheet in (comparison, summary):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows.replace("$", "") == "1:1"
    # The table is never shrunk to one page wide: its roles go over pages.
    assert not comparison.sheet_properties.pageSetUpPr.fitToPage
    assert int(comparison.page_setup.scale) * 11 / 100 >= 9
    assert comparison.print_title_cols.replace("$", "") == "A:B"
    assert summary.sheet_properties.pageSetUpPr.fitToPage
    assert summary.page_setup.fitToWidth == 1 and summary.page_setup.fitToHeight == 0


def test_xlsx_rows_are_tall_enough_for_their_wrapped_text():
    long_note = "Ein langer Hinweis, der in der Spalte umbrechen muss. " * 6
    table = hand_built_table(cells=((long_note, "kurz"),))
    sheet = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(table)))["Vergleich"]
    heights = {
        row: sheet.row_dimensions[row].height for row in range(1, sheet.max_row + 1)
    }
    tall_row = next(
        r
        for r in range(1, sheet.max_row + 1)
        if str(sheet.cell(r, 3).value).startswith("Ein langer")
    )
    assert heights[tall_row] >= 5 * 13  # about 380 characters in a 38-wide column
    assert heights[1] < heights[tall_row]


def test_csv_for_german_excel_is_semicolons_in_windows_1252(table, formula_table):
    data = EXPORTERS["excel.csv"].render(table)
    rows = list(csv.reader(io.StringIO(data.decode("cp1252")), delimiter=";"))
    assert rows == expected_rows(table)
    assert "führt aus".encode("cp1252") in data and b"\r\n" in data
    flat = EXPORTERS["excel.csv"].render(formula_table).decode("cp1252")
    assert "'+SUMME(A1:A9)" in flat


def test_csv_for_german_excel_stands_in_for_what_windows_1252_lacks():
    from comparisons.exporters.csv_export import as_cp1252

    assert as_cp1252("Grafik → Web ≠ Čapek „ok“ ✕") == "Grafik -> Web != Capek „ok“ x"
