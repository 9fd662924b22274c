"""The one door for Markdown: render, then sanitise with an allow-list.

django-markdownx does not sanitise; its preview writes the answer with
``innerHTML``. Everything that turns Markdown into HTML goes through
``render_markdown`` — previews, stored HTML, PDF exports.
"""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "abbr",
    "sup",
    "sub",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto"}
MEDIA_PREFIX = "/media/"


def _keep_local_images(tag: str, attribute: str, value: str) -> str | None:
    """Images may only come from our own uploads, never from other hosts."""
    if tag == "img" and attribute == "src" and not value.startswith(MEDIA_PREFIX):
        return None
    return value


def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML, safe to mark as safe in templates."""
    html = markdown.markdown(text or "", extensions=["markdown.extensions.extra"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_keep_local_images,
    )
