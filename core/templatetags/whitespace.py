"""Whitespace for places where it is part of the value: a page's title and its
meta description are filled from blocks that the template formatter (djLint)
spreads over lines; `squash` turns them back into one line."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import stringfilter

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def squash(value: str) -> str:
    """Runs of whitespace (line breaks, indentation) become one space; no edges."""
    return " ".join(value.split())
