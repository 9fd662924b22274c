"""Text that no database can store is refused at the door, whichever way it came in.

PostgreSQL refuses a NUL character (U+0000) in text and in JSON; neither PostgreSQL
nor SQLite takes a lone UTF-16 surrogate (U+D800–U+DFFF), which cannot even be
encoded as UTF-8 on the way to them. Every other character both store. Rather than
guard each view and query, one middleware looks at every way text comes in — the
path, query parameters, header values, form fields (urlencoded and multipart) and
the strings of a JSON body — and at bytes that are not UTF-8 where UTF-8 is
expected (query string, urlencoded form, JSON body). Such a request gets a 400: a
short page, or the API's JSON error object under /api/.

Left to Django: bytes in the path that are not UTF-8 (Django keeps them
percent-encoded, so they are plain ASCII and at worst name nothing: 404), and
multipart field values that are not UTF-8 (Django replaces them with U+FFFD,
which every database stores). The API reads only JSON bodies; any other body
there gets the API's own 415, so only JSON is looked at under /api/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from api.errors import error_body
from config.faults import typed_fields

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL and lone surrogates: what PostgreSQL or SQLite (or UTF-8 itself) refuse."""
API_PREFIX = "/api/"
MOST_REPORTED = 10
"""A request full of stray bytes is described by its first few."""

Place = Literal["path", "query", "header", "form", "json"]
Fault = Literal["characters", "encoding"]


@dataclass(frozen=True)
class Stray:
    """Where a request carried text that cannot be stored, and what was wrong."""

    place: Place
    name: str
    """The parameter, field, header or JSON path; empty for the path itself."""
    fault: Fault


class StorableTextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        strays = list(_first(strays_in(request), MOST_REPORTED))
        if strays:
            return refusal(request, strays)
        return self.get_response(request)


def strays_in(request: HttpRequest) -> Iterator[Stray]:
    if UNSTORABLE.search(request.path_info):
        yield Stray("path", "", "characters")
    yield from _in_urlencoded(
        _raw(request.META.get("QUERY_STRING", "")), _charset(request), "query"
    )
    yield from _in_headers(request)
    yield from _in_body(request)


def _first(strays: Iterator[Stray], count: int) -> Iterator[Stray]:
    for number, stray in enumerate(strays):
        if number == count:
            return
        yield stray


def _raw(text: str) -> bytes:
    """The bytes behind a WSGI string (Latin-1 by the spec; ASGI gives UTF-8)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _charset(request: HttpRequest) -> str:
    return request.encoding or settings.DEFAULT_CHARSET


def _in_urlencoded(raw: bytes, charset: str, place: Place) -> Iterator[Stray]:
    """Pairs split and decoded as Django's QueryDict does, but strictly."""
    for pair in raw.split(b"&"):
        if not pair:
            continue
        raw_name, _equals, raw_value = pair.partition(b"=")
        name = _decoded(raw_name).decode(charset, "replace")
        for part in (raw_name, raw_value):
            fault = _fault_of(_decoded(part), charset)
            if fault:
                yield Stray(place, _shown(name), fault)
                break


def _decoded(part: bytes) -> bytes:
    return unquote_to_bytes(part.replace(b"+", b" "))


def _fault_of(data: bytes, charset: str) -> Fault | None:
    try:
        text = data.decode(charset)
    except UnicodeDecodeError:
        return "encoding"
    return "characters" if UNSTORABLE.search(text) else None


def _shown(name: str) -> str:
    """A name that is safe to show and to store: its own stray characters replaced."""
    return UNSTORABLE.sub("\ufffd", name)


def _in_headers(request: HttpRequest) -> Iterator[Stray]:
    # Header values are Latin-1 by HTTP; only NUL (forbidden by RFC 9110) matters.
    for key, value in request.META.items():
        if key.startswith("HTTP_") or key == "CONTENT_TYPE":
            if isinstance(value, str) and UNSTORABLE.search(value):
                name = key.removeprefix("HTTP_").replace("_", "-").title()
                yield Stray("header", name, "characters")


def _in_body(request: HttpRequest) -> Iterator[Stray]:
    content_type = request.content_type or ""
    if content_type == "application/json" or content_type.endswith("+json"):
        yield from _in_json(request)
    elif request.path_info.startswith(API_PREFIX):
        return
    elif content_type == "application/x-www-form-urlencoded":
        yield from _in_urlencoded(request.body, _charset(request), "form")
    elif content_type == "multipart/form-data":
        yield from _in_multipart(request)


def _in_multipart(request: HttpRequest) -> Iterator[Stray]:
    # Parse errors propagate: Django answers them with its own 400, as it would
    # have when the CSRF check read the form.
    for name, values in request.POST.lists():
        if UNSTORABLE.search(name) or any(UNSTORABLE.search(v) for v in values):
            yield Stray("form", _shown(name), "characters")
    for name, files in request.FILES.lists():
        if UNSTORABLE.search(name) or any(UNSTORABLE.search(f.name) for f in files):
            yield Stray("form", _shown(name), "characters")


def _in_json(request: HttpRequest) -> Iterator[Stray]:
    length = request.META.get("CONTENT_LENGTH") or "0"
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if not length.isdigit() or (limit is not None and int(length) > limit):
        return  # refused by size where it is read (the API's check: 400)
    try:
        text = request.body.decode(_charset(request))
    except UnicodeDecodeError:
        yield Stray("json", "", "encoding")
        return
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return  # not JSON at all: whoever reads the body says so (API: 400)
    for path, string in _json_strings(document):
        if UNSTORABLE.search(string):
            yield Stray("json", _shown(path), "characters")


def _json_strings(document: object) -> Iterator[tuple[str, str]]:
    """Every string in a JSON document, keys too, with its path (``a.b[2]``).
    Iterative: a deeply nested document must not exhaust the stack here."""
    stack: list[tuple[str, object]] = [("", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                inner = f"{path}.{key}" if path else str(key)
                yield inner, str(key)
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))


# --- the answer ---------------------------------------------------------------------


def refusal(request: HttpRequest, strays: list[Stray]) -> HttpResponse:
    is_api = request.path_info.startswith(API_PREFIX)
    with translation.override(_language_of(request, is_api)):
        response = _json_refusal(strays) if is_api else _page_refusal(request, strays)
    response["Cache-Control"] = "no-store"
    return response


def _language_of(request: HttpRequest, is_api: bool) -> str:
    """The language the rest of the site would answer in (the door stands before
    LocaleMiddleware); the API's ``?lang=`` where it is one of ours."""
    codes = [code for code, _name in settings.LANGUAGES]
    asked = request.GET.get("lang") if is_api else None
    if asked in codes:
        return asked
    return translation.get_language_from_request(request)


def _json_refusal(strays: list[Stray]) -> JsonResponse:
    bad_characters = any(stray.fault == "characters" for stray in strays)
    if bad_characters:
        code = "invalid_characters"
        message = _(
            "Die Anfrage enthält Zeichen, die nicht gespeichert werden können "
            "(ein Nullzeichen oder ein unvollständiges Unicode-Zeichen); "
            "siehe details."
        )
    else:
        code = "invalid_encoding"
        message = _("Die Anfrage ist nicht in UTF-8 kodiert; siehe details.")
    details = {_detail_key(stray): [_problem(stray)] for stray in strays}
    return JsonResponse(error_body(400, code, message, details), status=400)


def _detail_key(stray: Stray) -> str:
    if stray.place == "path":
        return "path"
    if stray.place == "header":
        return f"header:{stray.name}"
    return stray.name or "body"


def _problem(stray: Stray) -> str:
    if stray.fault == "encoding":
        return _("Ist nicht in UTF-8 kodiert.")
    return _("Enthält ein Nullzeichen oder ein unvollständiges Unicode-Zeichen.")


def _page_refusal(request: HttpRequest, strays: list[Stray]) -> HttpResponse:
    # Rendered without the site's context processors: like the 503 page, this
    # answer must not ask the database, which is what the door protects.
    context = {
        "places": [_place_label(stray) for stray in strays],
        "bad_characters": any(stray.fault == "characters" for stray in strays),
        "typed": _typed_texts(request),
    }
    return HttpResponse(render_to_string("400_characters.html", context), status=400)


def _typed_texts(request: HttpRequest) -> list[tuple[str, str]]:
    """What a person typed into a form, without the stray characters, to copy:
    a long edit is not lost to one NUL that came with a paste."""
    if request.method != "POST":
        return []
    typed, _hidden = typed_fields(request)
    return [(_shown(name), UNSTORABLE.sub("", value)) for name, value in typed]


def _place_label(stray: Stray) -> str:
    labels = {
        "path": _("die Adresse"),
        "query": _("der Parameter „%(name)s“ in der Adresse"),
        "header": _("die Kopfzeile „%(name)s“"),
        "form": _("das Feld „%(name)s“"),
        "json": _("der JSON-Wert „%(name)s“"),
    }
    if stray.place == "json" and not stray.name:
        return _("der JSON-Inhalt")
    return labels[stray.place] % {"name": stray.name}
