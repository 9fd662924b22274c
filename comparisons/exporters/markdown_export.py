"""Markdown: the summary as a list, one pipe table per section."""

from __future__ import annotations

from django.utils.translation import gettext as _

from comparisons.exporters.base import (
    audience_label,
    cell_text,
    export_date,
    title_line,
)
from comparisons.tables import ComparisonTable


def _escape(text: str) -> str:
    """Keep a cell on one line and its pipes from splitting the column."""
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown_table(table: ComparisonTable) -> bytes:
    lines = [
        f"# {title_line(table)}",
        "",
        f"_{audience_label(table)} · {export_date()}_",
        "",
    ]
    lines += [f"## {_('Zusammenfassung')}", ""]
    lines += [f"- {_escape(point.text)}" for point in table.summary]
    header = [_("Merkmal"), *(role.title for role in table.roles), _("Unterschied")]
    for section in table.sections:
        lines += ["", f"## {section.title}", ""]
        lines.append("| " + " | ".join(_escape(h) for h in header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in section.rows:
            values = [
                row.label,
                *(cell_text(c) for c in row.cells),
                row.difference_label,
            ]
            lines.append("| " + " | ".join(_escape(v) for v in values) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")
