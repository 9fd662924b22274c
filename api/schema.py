"""The OpenAPI schema tells the truth about every operation.

- Each operation lists the errors it can answer, all with the one error object
  (``Error``): what the door, DRF, the throttle and the database fault handler
  send, not only what the view itself raises.
- Paged lists declare ``page`` and ``page_size``; answers declare their headers
  (``ETag``, ``Retry-After``).
- Parameters say what the code accepts (enums, slug patterns, lengths), so that a
  request valid by the schema is never refused as malformed.

``manage.py spectacular --validate --fail-on-warn`` and the schemathesis run in
tests/api/test_schemathesis.py hold the schema to this.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from api import serializers as out

SLUG = r"^[-a-zA-Z0-9_]+$"
"""Django's slug path converter; role, task and competency slugs."""
LOWER_SLUG = r"^[-a-z0-9_]+$"
"""A slug as stored (the compare endpoint lower-cases what it is sent)."""
WITHOUT_NUL = r"^[^\x00]*$"
"""Free text: anything but a NUL (see config/storable_text.py)."""

LANG = OpenApiParameter(
    "lang", str, enum=["de", "en"], description="Language of labels and texts."
)


def slug_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, str, pattern=SLUG, description=description)


PAGING = [
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1},
        description="Page number, from 1; a page past the last is a 404.",
    ),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": 200},
        description="Rows a page (default 50, at most 200).",
    ),
]

ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    required=True,
    response=[200, 304],
    description="Send it back in If-None-Match: 304 while the catalogue is unchanged.",
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    {"type": "integer", "minimum": 1},
    OpenApiParameter.HEADER,
    required=True,
    response=[429, 503],
    description="Seconds to wait.",
)

ERRORS = {
    400: "A parameter or field the operation does not know, a value it cannot "
    "use, or characters no database can store (a NUL, a lone surrogate) or bytes "
    "that are not UTF-8 anywhere in the request (code invalid_characters or "
    "invalid_encoding).",
    404: "Nothing at this address: an unknown slug, key or id, or a page past the "
    "last.",
    405: "Another HTTP method: the API only reads (GET, HEAD, OPTIONS); the "
    "job-ad check takes POST.",
    406: "An Accept header that rules out JSON.",
    415: "A body that is not JSON (application/json).",
    422: "Well-formed, but not a text the job-ad check can read: no letters to "
    "speak of (reason not-text) or no task from the catalogue (reason no-task).",
    429: "Too many requests from this client; wait Retry-After seconds.",
    503: "The database is unreachable, read-only or locked for the moment; try "
    "again after Retry-After seconds.",
}


def error_statuses(view, method: str) -> list[int]:
    """The errors an operation can answer, from what the view is."""
    statuses = [400, 405, 406, 429, 503]
    if method == "GET":
        statuses.append(404)  # every read has a path key, a filter or pages
    else:
        statuses.append(415)
    statuses.extend(getattr(view, "error_statuses", ()))
    return sorted(set(statuses))


class ApiSchema(AutoSchema):
    def get_override_parameters(self) -> list:
        parameters = list(super().get_override_parameters())
        if getattr(self.view, "paginated", False):
            parameters.extend(PAGING)
        if self.method == "GET":
            parameters.append(ETAG)
        return [*parameters, RETRY_AFTER]

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        if self.method == "GET":
            responses.setdefault(
                "304",
                self._get_response_for_code(
                    OpenApiResponse(
                        description="Not modified: the ETag sent in If-None-Match "
                        "(or the date in If-Modified-Since) is current. No body."
                    ),
                    "304",
                    direction=direction,
                ),
            )
        for status in error_statuses(self.view, self.method):
            answer = OpenApiResponse(out.ErrorSerializer, description=ERRORS[status])
            responses.setdefault(
                str(status),
                self._get_response_for_code(answer, str(status), direction=direction),
            )
        return dict(sorted(responses.items()))


class ClosedRequest(OpenApiSerializerExtension):
    """Request bodies that refuse unknown fields have a closed schema."""

    target_class = "api.serializers.ClosedRequestSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema: AutoSchema, direction: str) -> dict:
        # self.target: the subclass in hand (the default maps target_class).
        schema = auto_schema._map_serializer(
            self.target, direction, bypass_extensions=True
        )
        return {**schema, "additionalProperties": False}
