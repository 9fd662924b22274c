"""The Markdown export keeps data as literal text, read by two real parsers.

Pure: a hand-built table, no database. Each payload must come back as exactly the
text of its cell — no HTML, no link, no image, no extra or missing cell — in
markdown-it (CommonMark) and in pandoc.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt

from comparisons.exporters.markdown_export import render_markdown_table
from comparisons.tables import (
    Audience,
    Cell,
    ComparisonTable,
    Difference,
    RoleHeader,
    Row,
    Section,
    SummaryPoint,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<a href='javascript:alert(1)'>klick</a>",
    "[klick](javascript:alert(1))",
    "![bild](https://evil.example/x.png)",
    "<https://evil.example>",
    "<!-- versteckt -->",
    "</td></tr><tr><td>neu",
    "a|b",
    "a\\|b",
    "ende\\",
    "`code` und **fett** und _kursiv_",
    "# Überschrift",
    "1. nummeriert",
    "- Aufzählung",
    "> Zitat",
    "&lt;script&gt; &amp; &#60;",
    "$x^2$ und @zitat und ~~weg~~",
    "| x | y |",
    "---",
    "Zeile eins\nZeile zwei",
    "<svg onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
]


def _table() -> ComparisonTable:
    rows = tuple(
        Row(
            f"r{i}",
            payload,
            (Cell(payload), Cell("ok", note=payload)),
            Difference.VALUE,
        )
        for i, payload in enumerate(PAYLOADS)
    )
    return ComparisonTable(
        roles=(RoleHeader("a", "<b>Rolle A</b>", "/a/"), RoleHeader("b", "B|C", "/b/")),
        audience=Audience.PLAIN,
        only_differences=False,
        sections=(Section("s", "Abschnitt <i>x</i>", rows),),
        summary=tuple(SummaryPoint("shared", p) for p in PAYLOADS),
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _expected_rows(table: ComparisonTable) -> list[list[str]]:
    header = ["Merkmal", *(r.title for r in table.roles), "Unterschied"]
    rows = [header]
    for row in table.sections[0].rows:
        cells = [c.text if not c.note else f"{c.text} – {c.note}" for c in row.cells]
        rows.append([row.label, *cells, row.difference_label])
    return [[_flat(cell) for cell in row] for row in rows]


def test_markdown_it_reads_every_cell_back_as_text():
    table = _table()
    tokens = (
        MarkdownIt("commonmark")
        .enable("table")
        .parse(render_markdown_table(table).decode())
    )
    kinds = {token.type for token in tokens} | {
        child.type for token in tokens for child in token.children or []
    }
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}, kinds
    rows, current = [], None
    for token in tokens:
        if token.type == "tr_open":
            current = []
        elif token.type == "inline" and current is not None:
            current.append(token.content)
        elif token.type == "tr_close":
            rows.append(current)
            current = None
    plain = [[_unescape(cell) for cell in row] for row in rows]
    assert plain == _expected_rows(table)


def _unescape(markdown_text: str) -> str:
    """The text markdown-it shows for an inline: render it and strip nothing."""
    html = MarkdownIt("commonmark").renderInline(markdown_text)
    import html as html_module

    return html_module.unescape(html)


def test_markdown_it_list_items_stay_single_plain_items():
    html = (
        MarkdownIt("commonmark")
        .enable("table")
        .render(render_markdown_table(_table()).decode())
    )
    summary = html.split("<table>")[0]
    assert summary.count("<li>") == len(PAYLOADS)
    assert "<ol" not in summary and "<blockquote" not in summary
    assert "<script" not in html and "<img" not in html and "<a " not in html


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="needs pandoc")
def test_pandoc_reads_the_same_cells_and_no_raw_html():
    table = _table()
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "json"],
            input=render_markdown_table(table),
            capture_output=True,
            check=True,
        ).stdout
    )
    found = _node_types(ast["blocks"])
    assert not found & {"RawInline", "RawBlock", "Link", "Image", "Math", "Cite"}
    tables = [block for block in ast["blocks"] if block["t"] == "Table"]
    assert len(tables) == 1
    assert _pandoc_rows(tables[0]) == _expected_rows(table)


def _node_types(node) -> set[str]:
    if isinstance(node, dict):
        own = {node["t"]} if "t" in node else set()
        return own | _node_types(node.get("c"))
    if isinstance(node, list):
        return set().union(*(_node_types(item) for item in node)) if node else set()
    return set()


def _pandoc_rows(table_block) -> list[list[str]]:
    _attr, _caption, _specs, head, bodies, _foot = table_block["c"]
    rows = list(head[1])
    for body in bodies:
        rows += body[3]
    return [[_flat(_stringify(cell[4])) for cell in row[1]] for row in rows]


def _stringify(node) -> str:
    if isinstance(node, list):
        return "".join(_stringify(item) for item in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind == "Code":
        return content[1]
    if kind == "Quoted":  # pandoc's typographic quotes: still the same text
        mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
        return mark + _stringify(content[1]) + mark
    if kind in ("Strikeout", "Emph", "Strong", "Superscript", "Subscript"):
        raise AssertionError(f"data became formatting: {kind}")
    return _stringify(content)
