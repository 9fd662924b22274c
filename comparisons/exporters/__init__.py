"""Exporters: pure functions from a ComparisonTable to file bytes."""

from __future__ import annotations

from comparisons.exporters.base import Exporter, export_filename
from comparisons.exporters.csv_export import render_csv, render_csv_excel_de
from comparisons.exporters.json_export import render_json
from comparisons.exporters.markdown_export import render_markdown_table
from comparisons.exporters.pdf_export import render_pdf
from comparisons.exporters.xlsx_export import render_xlsx

EXPORTERS: dict[str, Exporter] = {
    "csv": Exporter("csv", "text/csv; charset=utf-8", render_csv),
    # German Excel's list separator and code page: opens by double-click.
    "excel.csv": Exporter(
        "excel.csv", "text/csv; charset=windows-1252", render_csv_excel_de
    ),
    "xlsx": Exporter(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        render_xlsx,
    ),
    "pdf": Exporter("pdf", "application/pdf", render_pdf),
    "md": Exporter("md", "text/markdown; charset=utf-8", render_markdown_table),
    "json": Exporter("json", "application/json", render_json),
}

__all__ = ["EXPORTERS", "Exporter", "export_filename"]
