"""XLSX with openpyxl: bold frozen header, wrapped text, summary on a second sheet."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from comparisons.exporters.base import (
    audience_label,
    export_date,
    grid,
    key_difference_lines,
    placement_lines,
    title_line,
)
from comparisons.tables import ComparisonTable

HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")
WRAP = Alignment(wrap_text=True, vertical="top")
# Widths in characters of the default 11 pt font. Printed at 85 % (9.4 pt), A4
# landscape holds the two label columns, two roles and the difference column, even
# where the font is wider than Calibri (LibreOffice with DejaVu Sans): 6 roles print
# on 3 pages side by side, each with the labels repeated, instead of one page at
# 4 pt.
COLUMN_WIDTHS = {"section": 14, "label": 28, "role": 30, "difference": 20}
ROLES_PER_PAGE = 2
PRINT_SCALE = 85
SUMMARY_WIDTH = 110
LINE_HEIGHT = 13  # points per wrapped line at the default 11 pt font


def write_text(sheet: Worksheet, row: int, column: int, value: str):
    """Write a string that stays a string: openpyxl turns '=…' into a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    cell.data_type = "s"
    return cell


def render_xlsx(table: ComparisonTable) -> bytes:
    workbook = Workbook()
    _write_table(workbook.active, table)
    _write_summary(workbook.create_sheet(_("Zusammenfassung")), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_table(sheet: Worksheet, table: ComparisonTable) -> None:
    sheet.title = _("Vergleich")
    rows = grid(table)
    for row_index, values in enumerate(rows, start=1):
        for column_index, value in enumerate(values, start=1):
            cell = write_text(sheet, row_index, column_index, value)
            cell.alignment = WRAP
            if row_index == 1:
                cell.font = Font(bold=True)
                cell.fill = HEADER_FILL
    sheet.freeze_panes = "C2"
    widths = [COLUMN_WIDTHS["section"], COLUMN_WIDTHS["label"]]
    widths += [COLUMN_WIDTHS["role"]] * len(table.roles) + [COLUMN_WIDTHS["difference"]]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_index, values in enumerate(rows, start=1):
        sheet.row_dimensions[row_index].height = _row_height(values, widths)
    _print_setup(sheet, title_rows="1:1", title_columns="A:B", pages_wide=True)
    # A page break after every second role column (the label columns come first).
    for last_role in range(2 + ROLES_PER_PAGE, 2 + len(table.roles), ROLES_PER_PAGE):
        sheet.col_breaks.append(Break(id=last_role))


def _row_height(values: list[str], widths: list[int]) -> float:
    """Points for the tallest wrapped cell: openpyxl does not measure text."""
    lines = max(
        sum(max(1, -(-len(part) // max(width - 2, 1))) for part in value.split("\n"))
        for value, width in zip(values, widths, strict=False)
    )
    return LINE_HEIGHT * max(lines, 1) + 4


def _print_setup(
    sheet: Worksheet, *, title_rows: str, title_columns: str = "", pages_wide=False
) -> None:
    """Prints legibly: A4 landscape, headings on every page; one page wide, or
    (``pages_wide``) at full size over as many pages as the columns need."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if pages_wide:
        sheet.page_setup.scale = PRINT_SCALE
        sheet.page_setup.pageOrder = "overThenDown"
        sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    else:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = title_rows
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.oddFooter.left.text = _("Quelle: Berufsbild – Rollenvergleich")
    sheet.oddFooter.right.text = _("Seite &P von &N")


def _write_summary(sheet: Worksheet, table: ComparisonTable) -> None:
    lines = [title_line(table), f"{audience_label(table)} · {export_date()}", ""]
    if table.intro_text:
        lines += [table.intro_text, ""]
    if table.verdict:
        lines += [_("Kurz gesagt"), table.verdict_text, ""]
    if table.placements:
        lines += [_("Wo die Rollen stehen"), *placement_lines(table), ""]
    if table.key_differences:
        lines += [_("Die wichtigsten Unterschiede"), *key_difference_lines(table), ""]
    lines += [_("Gemeinsamkeiten und Unterschiede im Einzelnen")]
    lines += [point.text for point in table.summary]
    for index, line in enumerate(lines, start=1):
        cell = write_text(sheet, index, 1, line)
        cell.alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = SUMMARY_WIDTH
    for index, line in enumerate(lines, start=1):
        sheet.row_dimensions[index].height = _row_height([line], [SUMMARY_WIDTH])
    _print_setup(sheet, title_rows="1:1")
