"""Markdown: the summary as a list, one pipe table per section."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from comparisons.exporters.base import (
    audience_label,
    cell_text,
    export_date,
    key_difference_lines,
    placement_lines,
    role_title,
    title_line,
)
from comparisons.tables import ComparisonTable

# Characters Markdown (CommonMark, GitHub, pandoc) gives a meaning to; CommonMark
# allows a backslash before any ASCII punctuation, so escaping them is always safe.
# The backslash itself comes first, so that "a\\|b" cannot split a cell.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~&!$^@])")
LIST_MARKER_START = re.compile(r"^(\d+)([.)])|^([-+])(?=\s|$)")
# pandoc's "smart" typography turns -- into a dash and ... into an ellipsis.
SMART_RUNS = re.compile(r"(?<=-)-|(?<=\.)\.")


def escape_markdown(text: str) -> str:
    """Data as literal text: one line, no HTML, no Markdown, no split cells."""
    one_line = " ".join(text.split())
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", one_line)
    escaped = SMART_RUNS.sub(lambda match: "\\" + match.group(0), escaped)
    # "1. foo" or "- foo" at the start of a list item would start a nested list.
    return LIST_MARKER_START.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match) -> str:
    number, closer, bullet = match.groups()
    return f"{number}\\{closer}" if number else f"\\{bullet}"


def render_markdown_table(table: ComparisonTable) -> bytes:
    lines = [
        f"# {escape_markdown(title_line(table))}",
        "",
        f"_{audience_label(table)} · {export_date()}_",
        "",
    ]
    if table.intro_text:
        lines += [escape_markdown(table.intro_text), ""]
    if table.verdict:
        lines += [f"## {_('Kurz gesagt')}", "", escape_markdown(table.verdict_text), ""]
    if table.placements:
        lines += [f"## {_('Wo die Rollen stehen')}", ""]
        lines += [f"- {escape_markdown(line)}" for line in placement_lines(table)]
        lines += [""]
    if table.key_differences:
        lines += [f"## {_('Die wichtigsten Unterschiede')}", ""]
        lines += [f"- {escape_markdown(line)}" for line in key_difference_lines(table)]
        lines += [""]
    lines += [f"## {_('Zusammenfassung')}", ""]
    lines += [f"- {escape_markdown(point.text)}" for point in table.summary]
    header = [_("Merkmal"), *(role_title(r) for r in table.roles), _("Unterschied")]
    for section in table.sections:
        lines += ["", f"## {escape_markdown(section.title)}", ""]
        lines.append("| " + " | ".join(escape_markdown(h) for h in header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in section.rows:
            values = [
                row.label,
                *(cell_text(c) for c in row.cells),
                row.difference_label,
            ]
            lines.append("| " + " | ".join(escape_markdown(v) for v in values) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")
