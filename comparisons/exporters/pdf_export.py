"""PDF via WeasyPrint: A4 landscape, header row on every page, source and date below."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from comparisons.charts import position_map
from comparisons.exporters.base import (
    audience_label,
    cell_text,
    export_date,
    key_differences,
    title_line,
)
from comparisons.tables import ComparisonTable
from core.render_limits import html_to_pdf

# The table's type size by number of roles: six columns still fit A4 landscape
# at 7 pt (the least that prints legibly). Everything else is at body size.
FONT_SIZES = {2: 9, 3: 9, 4: 8, 5: 7.5, 6: 7}


def render_pdf(table: ComparisonTable) -> bytes:
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
            "key_differences": key_differences(table),
            "map": position_map(table) if table.placements else None,
            "font_size": FONT_SIZES.get(len(table.roles), 7),
            "role_width": round(72 / len(table.roles), 2),
            "language": get_language() or settings.LANGUAGE_CODE,
        },
    )
    return html_to_pdf(html)
