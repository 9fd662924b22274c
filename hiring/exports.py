"""The check's result as files: a JSON document for other tools, Markdown and PDF
for people. All three are built from the same CheckResult."""

from __future__ import annotations

import json

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from comparisons.exporters.base import export_date
from comparisons.exporters.markdown_export import escape_markdown
from core.render_limits import html_to_pdf
from hiring.check import CheckResult

FORMAT_NAME = "berufsbild.jobad-check"
FORMAT_VERSION = 1


def as_document(result: CheckResult) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": result.title,
        "title_role": result.title_role.slug if result.title_role else None,
        "language": "en" if result.in_english else "de",
        "roles": [
            {
                "slug": fit.slug,
                "title": fit.title,
                "score": fit.score,
                "resemblance": fit.resemblance,
                "reasons": result.reasons.get(fit.slug, []),
                "tie_rule": fit.decided_by or None,
            }
            for fit in result.roles
        ],
        "mixed": result.mixed,
        "tasks": [
            {"slug": item.entry.slug, "matched": list(item.matched)}
            for item in result.tasks
            if not item.declined
        ],
        "declined_tasks": [item.entry.slug for item in result.tasks if item.declined],
        "declined": [
            {
                "slug": item.entry.slug,
                "why": "profile"
                if item.in_profile
                else (item.declined_as or "negated"),
            }
            for item in result.tasks
            if item.declined
        ],
        "competencies": [
            {"slug": item.entry.slug, "matched": list(item.matched)}
            for item in result.competencies
            if not item.declined
        ],
        "warnings": [{"kind": w.kind, "text": w.text} for w in result.warnings],
        "fairness": [fairness_entry(note) for note in result.fairness],
        "suggestions": [{"text": s.text, "url": s.url} for s in result.suggestions],
    }


def fairness_entry(note) -> dict:
    """One fairness note as the JSON answer and the API give it."""
    return {
        "code": note.code,
        "text": note.text,
        "lines": list(note.lines),
        "sources": [{"title": s.title, "url": s.url} for s in note.sources],
        "alternatives": [
            {"word": a.word, "instead": a.instead} for a in note.alternatives
        ],
    }


def error_document(code: str, message: str) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "error": {"code": code, "message": message},
    }


def render_json(result: CheckResult) -> bytes:
    return json.dumps(as_document(result), ensure_ascii=False, indent=2).encode()


def render_markdown(result: CheckResult) -> bytes:
    lines = [f"# {_('Prüfung einer Stellenanzeige')}", "", f"_{export_date()}_", ""]
    if result.title:
        lines += [f"**{_('Titel der Anzeige')}:** {escape_markdown(result.title)}", ""]
    lines += [f"## {_('Passende Rollen')}", ""]
    for fit in result.roles:
        score = _("Passung %(score)s von 100") % {"score": fit.score}
        lines.append(f"- **{escape_markdown(fit.title)}** ({score})")
        lines += [f"  - {escape_markdown(r)}" for r in result.reasons[fit.slug]]
        if fit.tie_reason:
            lines.append(f"  - {escape_markdown(fit.tie_reason)}")
    lines.append("")
    if result.warnings:
        lines += [f"## {_('Hinweise')}", ""]
        for warning in result.warnings:
            lines.append(f"- {escape_markdown(warning.text)}")
            lines += [f"  - {escape_markdown(line)}" for line in warning.lines]
        lines.append("")
    lines += _fairness_markdown(result)
    if result.suggestions:
        lines += [f"## {_('Vorschläge')}", ""]
        lines += [f"- {escape_markdown(s.text)}" for s in result.suggestions]
        lines.append("")
    for heading, items in (
        (_("Erkannte Aufgaben"), result.tasks),
        (_("Erkannte Kompetenzen"), result.competencies),
    ):
        if items:
            lines += [f"## {heading}", ""]
            for item in items:
                words = ", ".join(f"„{w}“" for w in item.matched)
                note = f" ({_('ausgeschlossen')})" if item.declined else ""
                lines.append(
                    f"- {escape_markdown(item.entry.plain_name)}{note}: "
                    f"{escape_markdown(words)}"
                )
            lines.append("")
    return "\n".join(lines).encode()


def _fairness_markdown(result: CheckResult) -> list[str]:
    lines = [f"## {_('Fair und rechtssicher')}", ""]
    if not result.fairness:
        return [*lines, _("Keine Hinweise zu Gehalt, Titel und Wortwahl."), ""]
    for note in result.fairness:
        lines.append(f"- **{note.code}:** {escape_markdown(note.text)}")
        lines += [f"  - „{escape_markdown(line)}“" for line in note.lines]
        lines += [
            f"  - {_('Quelle')}: [{escape_markdown(s.title)}]({s.url})"
            for s in note.sources
        ]
    return [*lines, ""]


def render_pdf(result: CheckResult) -> bytes:
    from hiring.highlight import marked_ad

    html = render_to_string(
        "hiring/check_pdf.html",
        {
            "result": result,
            "marked": marked_ad(result),
            "date": export_date(),
            "language": get_language() or settings.LANGUAGE_CODE,
        },
    )
    return html_to_pdf(html)


RENDERERS = {
    "json": ("application/json", render_json),
    "md": ("text/markdown; charset=utf-8", render_markdown),
    "pdf": ("application/pdf", render_pdf),
}
