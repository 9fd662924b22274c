"""CSV for Excel: UTF-8 with BOM, every field quoted, no formula injection."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from comparisons.exporters.base import grid
from comparisons.tables import ComparisonTable

# A spreadsheet treats text starting with these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a quote so spreadsheets show formula-like text as text."""
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def render_csv(table: ComparisonTable) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    if table.title:
        writer.writerow([neutralise(table.title)])
    if table.intro_text:
        writer.writerow([_("Einleitung"), neutralise(table.intro_text)])
    if table.verdict:
        writer.writerow([_("Kurz gesagt"), neutralise(table.verdict_text)])
        writer.writerow([])
    for row in grid(table):
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
