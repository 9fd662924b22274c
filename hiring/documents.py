"""Drafts and profiles as files HR can edit: DOCX (python-docx), Markdown, text.

A document is a title, a few intro lines, headed bullet lists and a list of facts;
the builder's draft and the practitioner's profile both take that shape."""

from __future__ import annotations

import io
from dataclasses import dataclass

from comparisons.exporters.markdown_export import escape_markdown


@dataclass(frozen=True)
class Document:
    title: str
    intro: list[str]
    sections: list[tuple[str, list[str]]]
    facts_heading: str = ""
    facts: list[tuple[str, str]] = ()


def as_docx(document: Document) -> bytes:
    from docx import Document as Docx  # import on demand, like WeasyPrint
    from docx.shared import Pt

    docx = Docx()
    docx.core_properties.title = document.title
    docx.core_properties.language = "de-DE"
    docx.styles["Normal"].font.size = Pt(11)
    docx.add_heading(document.title, level=1)
    for line in document.intro:
        docx.add_paragraph(line)
    for heading, items in document.sections:
        docx.add_heading(heading, level=2)
        for item in items:
            docx.add_paragraph(item, style="List Bullet")
    if document.facts:
        docx.add_heading(document.facts_heading, level=2)
        for label, value in document.facts:
            paragraph = docx.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def as_markdown(document: Document) -> bytes:
    lines = [f"# {escape_markdown(document.title)}", ""]
    lines += [escape_markdown(line) for line in document.intro] + [""]
    for heading, items in document.sections:
        lines += [f"## {escape_markdown(heading)}", ""]
        lines += [f"- {escape_markdown(item)}" for item in items] + [""]
    if document.facts:
        lines += [f"## {escape_markdown(document.facts_heading)}", ""]
        lines += [
            f"- **{escape_markdown(label)}:** {escape_markdown(value)}"
            for label, value in document.facts
        ]
    return ("\n".join(lines).strip() + "\n").encode()


def as_text(document: Document) -> bytes:
    lines = [document.title, "", *document.intro, ""]
    for heading, items in document.sections:
        lines += [heading, *[f"- {item}" for item in items], ""]
    if document.facts:
        lines += [document.facts_heading]
        lines += [f"- {label}: {value}" for label, value in document.facts]
    return ("\n".join(lines).strip() + "\n").encode()


def as_pdf(document: Document, language: str) -> bytes:
    from django.template.loader import render_to_string

    from core.render_limits import html_to_pdf

    html = render_to_string(
        "hiring/document_pdf.html", {"document": document, "language": language}
    )
    return html_to_pdf(html)


DOCUMENT_FORMATS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        as_docx,
    ),
    "md": ("text/markdown; charset=utf-8", as_markdown),
    "txt": ("text/plain; charset=utf-8", as_text),
}
