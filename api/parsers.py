"""The API reads JSON bodies only, with DRF's parser."""

from __future__ import annotations

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's parser; JSON nested deeper than Python's decoder goes (``[[[…]]]``
    a hundred thousand levels) is a parse error too, not a RecursionError (500)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError() from None
