"""Drafts and profiles as files HR can edit: DOCX (python-docx), Markdown, text.

A document is a title, a few intro lines, headed bullet lists, a list of facts and
closing lines; the builder's draft and the practitioner's profile both take that
shape. The DOCX is a German document on A4: German proofing in its styles, and
real properties (its title, the company or person as author, today's date)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields, replace

from django.utils import timezone

from comparisons.exporters.markdown_export import escape_markdown

LANGUAGE = "de-DE"
DEFAULT_AUTHOR = "Berufsbild"
# Characters XML 1.0 cannot hold: python-docx refuses them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Document:
    title: str
    intro: list[str]
    sections: list[tuple[str, list[str]]]
    facts_heading: str = ""
    facts: list[tuple[str, str]] = ()
    closing: list[str] = ()
    author: str = ""


def _german_a4(docx) -> None:
    """A4 with 2.5 cm margins; German as the language of every style, so that a
    word processor checks the spelling in German."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm

    for section in docx.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    for lang in docx.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    settings = docx.settings.element
    for font_lang in settings.iter(qn("w:themeFontLang")):
        font_lang.set(qn("w:val"), LANGUAGE)


def _properties(docx, document: Document) -> None:
    now = timezone.now().replace(microsecond=0)
    properties = docx.core_properties
    properties.title = document.title[:255]
    properties.author = (document.author or DEFAULT_AUTHOR)[:255]
    properties.last_modified_by = properties.author
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = LANGUAGE
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""


def _xml_safe(value):
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


def as_docx(document: Document) -> bytes:
    from docx import Document as Docx  # import on demand, like WeasyPrint
    from docx.shared import Pt

    document = replace(
        document,
        **{f.name: _xml_safe(getattr(document, f.name)) for f in fields(document)},
    )
    docx = Docx()
    _german_a4(docx)
    _properties(docx, document)
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
    for line in document.closing:
        docx.add_paragraph(line)
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
    lines += ["" if lines[-1] else None, *map(escape_markdown, document.closing)]
    lines = [line for line in lines if line is not None]
    return ("\n".join(lines).strip() + "\n").encode()


def as_text(document: Document) -> bytes:
    lines = [document.title, "", *document.intro, ""]
    for heading, items in document.sections:
        lines += [heading, *[f"- {item}" for item in items], ""]
    if document.facts:
        lines += [document.facts_heading]
        lines += [f"- {label}: {value}" for label, value in document.facts]
    lines += ["" if lines[-1] else None, *document.closing]
    lines = [line for line in lines if line is not None]
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
