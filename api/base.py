"""What every read endpoint does the same way.

- Only the query parameters it declares; anything else is a 400 naming it.
- ``?lang=de|en`` or ``Accept-Language`` picks the language of labels and texts.
- ``ETag`` and ``Last-Modified`` from the catalogue's revision data (and the
  newest taxonomy import): a client that sends ``If-None-Match`` with the ETag it
  has gets ``304`` without the work of building the answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from reversion.models import Revision

from api.errors import BadParameters
from core.caching import catalogue_stamp
from roles.models.proposals import ReviewEvent
from taxonomies.models import TaxonomyImport

COMMON_PARAMETERS = {"lang"}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = gettext_lazy(
        "Seite {page_number} gibt es nicht ({message})."
    )

    def get_page_number(self, request: Request, paginator) -> str | int:
        """As asked: an empty ``page=`` is no page (404), not the first one."""
        return request.query_params.get(self.page_query_param, 1)

    def get_page_size(self, request: Request) -> int:
        """As asked, or a 400: DRF would quietly use 50 for ``abc`` and 200 for 500."""
        asked = request.query_params.get(self.page_size_query_param)
        if asked is None:
            return self.page_size
        if not (asked.isascii() and asked.isdigit()) or not (
            1 <= int(asked) <= self.max_page_size
        ):
            raise BadParameters(
                {
                    self.page_size_query_param: [
                        _("Eine ganze Zahl von 1 bis %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return int(asked)


def last_modified() -> datetime | None:
    """When the catalogue, an import or a review last changed (indexed aggregates)."""
    dates = [
        Revision.objects.aggregate(newest=Max("date_created"))["newest"],
        TaxonomyImport.objects.aggregate(newest=Max("imported_at"))["newest"],
        ReviewEvent.objects.aggregate(newest=Max("created_at"))["newest"],
    ]
    dates = [date for date in dates if date is not None]
    return max(dates) if dates else None


class ReadView(APIView):
    """A GET endpoint whose answer depends only on the catalogue and the URL."""

    http_method_names = ["get", "head", "options"]
    parameters: Iterable[str] = ()
    """Query parameters this endpoint understands, besides ``lang``."""
    paginated = False

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        self._refuse_unknown_parameters(request)
        lang = request.query_params.get("lang")
        if lang is not None:
            if lang not in LANGUAGE_CODES:
                raise BadParameters(
                    {
                        "lang": [
                            _("Erlaubt sind: %(codes)s.")
                            % {"codes": ", ".join(LANGUAGE_CODES)}
                        ]
                    }
                )
            translation.activate(lang)
            request.LANGUAGE_CODE = lang

    def _refuse_unknown_parameters(self, request: Request) -> None:
        known = COMMON_PARAMETERS | set(self.parameters)
        if self.paginated:
            known |= {"page", "page_size"}
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise BadParameters(
                {
                    name: [
                        _("Unbekannter Parameter. Erlaubt: %(known)s.")
                        % {"known": ", ".join(sorted(known))}
                    ]
                    for name in unknown
                }
            )

    def get(self, request: Request, *args, **kwargs) -> Response:
        # Review steps change the proposals' answers but no page's cached parts:
        # they stamp the API's answers only.
        newest_step = ReviewEvent.objects.aggregate(newest=Max("pk"))["newest"]
        stamp = f"{catalogue_stamp()}.{newest_step or 0}"
        language = translation.get_language()
        raw = f"{stamp}|{language}|{request.get_full_path()}"
        etag = f'"{hashlib.sha256(raw.encode()).hexdigest()[:32]}"'
        modified = last_modified()
        timestamp = int(modified.timestamp()) if modified else None
        not_modified = get_conditional_response(
            request._request, etag=etag, last_modified=timestamp
        )
        if not_modified is not None:
            not_modified["ETag"] = etag
            patch_vary_headers(not_modified, ["Accept-Language"])
            return not_modified
        response = Response(self.build(request, *args, **kwargs))
        response["ETag"] = etag
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        # Clients may keep answers, but must ask (cheaply, with the ETag) each time.
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        patch_vary_headers(response, ["Accept-Language"])
        return response

    def build(self, request: Request, *args, **kwargs):
        raise NotImplementedError

    def slug_parameter(self, request: Request, name: str) -> str:
        """A query parameter that names a role, task or competency by its slug."""
        value = request.query_params[name]
        if not SLUG.fullmatch(value):
            raise BadParameters(
                {name: [_("Ein Kurzname aus Buchstaben, Ziffern, - und _.")]}
            )
        return value

    def page_of(self, request: Request, queryset, serialize) -> dict:
        """One page of ``queryset``, each row made a dict by ``serialize``."""
        paginator = Pages()
        rows = paginator.paginate_queryset(queryset, request, view=self)
        return {
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": [serialize(row) for row in rows],
        }
