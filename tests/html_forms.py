"""Read a form's state from a page as a browser does (attributes in any order and
over any number of lines), so that tests do not depend on how templates are laid out."""

from __future__ import annotations

from html.parser import HTMLParser


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self.found.append(dict(attrs))


def inputs(page: str) -> list[dict[str, str | None]]:
    """Every <input>'s attributes, in page order."""
    parser = _Inputs()
    parser.feed(page)
    return parser.found


def checked_values(page: str, name: str) -> list[str]:
    """The values of the checked radio buttons or checkboxes called ``name``."""
    return [
        found.get("value") or ""
        for found in inputs(page)
        if found.get("name") == name and "checked" in found
    ]
