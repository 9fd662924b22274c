"""The ad with the recognised words marked; every piece of the ad is escaped."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hiring.check import CheckResult


def marked_ad(result: CheckResult) -> SafeString:
    """The ad's text with <mark> around matched words; task and competency marks
    differ by class, so the legend can tell them apart without colour alone."""
    spans: dict[tuple[int, int], str] = {}
    for kind, items in (("competency", result.competencies), ("task", result.tasks)):
        for item in items:
            css = "declined" if item.declined else kind
            for span in item.spans:
                spans[span] = css
    pieces, cursor = [], 0
    for (start, end), css in sorted(spans.items()):
        if start < cursor:  # overlapping matches: the first one wins
            continue
        pieces.append(escape(result.text[cursor:start]))
        pieces.append(f'<mark class="{css}">{escape(result.text[start:end])}</mark>')
        cursor = end
    pieces.append(escape(result.text[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 – every piece escaped above
