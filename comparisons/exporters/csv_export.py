"""CSV in two dialects, every field quoted, no formula injection:

- ``render_csv``: UTF-8 with BOM and commas, for tools (and Excel outside Germany).
- ``render_csv_excel_de``: semicolons and Windows-1252, what German Excel opens by
  double-click and LibreOffice reads by default (LibreOffice's default import takes
  Windows-1252 and does not look at a UTF-8 BOM: umlauts came out garbled).
"""

from __future__ import annotations

import csv
import io
import unicodedata

from django.utils.translation import gettext as _

from comparisons.exporters.base import grid
from comparisons.tables import ComparisonTable

# A spreadsheet treats text starting with these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a quote so spreadsheets show formula-like text as text."""
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


# Characters Windows-1252 lacks, as the nearest it has; anything else falls back to
# its letter without accents (NFKD), or "?".
CP1252_STANDINS = {
    "→": "->",
    "←": "<-",
    "≠": "!=",
    "●": "*",
    "○": "o",
    "✕": "x",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u202f": " ",
}


def render_csv(table: ComparisonTable) -> bytes:
    return ("\ufeff" + _rows_text(table, ",")).encode("utf-8")


def render_csv_excel_de(table: ComparisonTable) -> bytes:
    return as_cp1252(_rows_text(table, ";")).encode("cp1252")


def as_cp1252(text: str) -> str:
    """The text with every character Windows-1252 can hold; others replaced."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore")
            char = CP1252_STANDINS.get(char) or plain.decode() or "?"
        out.append(char)
    return "".join(out)


def _rows_text(table: ComparisonTable, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )
    if table.title:
        writer.writerow([neutralise(table.title)])
    if table.intro_text:
        writer.writerow([_("Einleitung"), neutralise(table.intro_text)])
    if table.verdict:
        writer.writerow([_("Kurz gesagt"), neutralise(table.verdict_text)])
        writer.writerow([])
    for row in grid(table):
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue()
