"""PDF via WeasyPrint: A4 landscape, header row on every page, source and date below."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from comparisons.exporters.base import (
    audience_label,
    cell_text,
    export_date,
    key_difference_lines,
    title_line,
)
from comparisons.tables import ComparisonTable


def render_pdf(table: ComparisonTable) -> bytes:
    # WeasyPrint takes ~0.7 s to import; only PDF requests should pay for it.
    from weasyprint import HTML

    sections = [
        (
            section.title,
            [(row, [cell_text(c) for c in row.cells]) for row in section.rows],
        )
        for section in table.sections
    ]
    html = render_to_string(
        "comparisons/export_pdf.html",
        {
            "table": table,
            "sections": sections,
            "title": title_line(table),
            "audience": audience_label(table),
            "date": export_date(),
            "key_differences": key_difference_lines(table),
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
