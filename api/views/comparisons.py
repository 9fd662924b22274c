"""Curated comparisons and the comparison of any 2–6 roles: the same document
as the JSON export, built by the same code (comparisons.exporters.json_export)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from api import serializers as out
from api.base import ReadView
from api.errors import BadParameters
from api.schema import LANG, LOWER_SLUG
from comparisons.address import read_roles
from comparisons.engine import MAX_ROLES, MIN_ROLES
from comparisons.exporters.json_export import as_document
from comparisons.models import CuratedComparison
from comparisons.services import compare_state
from comparisons.state import ComparisonState, count_problem
from comparisons.tables import Audience
from roles.selectors import role_choices

SHAPE = [
    LANG,
    OpenApiParameter(
        "audience",
        str,
        enum=["plain", "expert"],
        description="plain (default): for companies; expert: the "
        "association's wording.",
    ),
    OpenApiParameter(
        "only",
        str,
        enum=["diff", "key"],
        description="Only rows that differ, or only the key differences.",
    ),
]


def _shape(request: Request) -> tuple[Audience, bool, bool]:
    params = request.query_params
    audience = params.get("audience", "plain")
    if audience not in ("plain", "expert"):
        raise BadParameters({"audience": [_("Erlaubt: plain, expert.")]})
    only = params.get("only", "")
    if only not in ("", "diff", "key"):
        raise BadParameters({"only": [_("Erlaubt: diff, key.")]})
    return Audience(audience), only in ("diff", "key"), only == "key"


ROLES = OpenApiParameter(
    "roles",
    {
        "type": "array",
        "items": {"type": "string", "pattern": LOWER_SLUG},
        "minItems": MIN_ROLES,
        "maxItems": MAX_ROLES,
        "uniqueItems": True,
    },
    required=True,
    style="form",
    explode=False,
    description=f"{MIN_ROLES}–{MAX_ROLES} different role slugs, comma-separated, "
    "in the order of the columns.",
)


@extend_schema_view(
    get=extend_schema(
        operation_id="compare",
        parameters=[ROLES, *SHAPE],
        responses=out.ComparisonDocumentSerializer,
    )
)
class Compare(ReadView):
    """The comparison of the named roles."""

    parameters = ("roles", "audience", "only")

    def build(self, request: Request):
        audience, only_differences, key_only = _shape(request)
        address = read_roles(request.query_params)
        problem = count_problem(ComparisonState(address.named))
        if problem:
            raise BadParameters({"roles": [problem]})
        known = {slug for slug, _title, _aliases in role_choices(address.slugs)}
        unknown = address.unknown(known)
        if unknown:
            raise NotFound(
                _("Unbekannte Rolle: %(slugs)s.") % {"slugs": ", ".join(unknown)}
            )
        state = ComparisonState(
            address.known(known), audience, only_differences, key_only
        )
        return as_document(compare_state(state).table)


@extend_schema_view(
    get=extend_schema(
        operation_id="comparisons_list",
        parameters=[LANG],
        responses=out.CuratedComparisonPageSerializer,
    )
)
class CuratedList(ReadView):
    """Comparisons the maintainers put together, by title."""

    paginated = True

    def build(self, request: Request):
        comparisons = (
            CuratedComparison.objects.filter(is_published=True)
            .prefetch_related("entries__role")
            .order_by("title", "id")
        )

        def row(comparison) -> dict:
            return {
                "slug": comparison.slug,
                "title": comparison.title,
                "roles": [e.role.slug for e in comparison.entries.all()],
                "url": request.build_absolute_uri(
                    reverse("api:comparison", args=[comparison.slug])
                ),
                "html_url": request.build_absolute_uri(comparison.get_absolute_url()),
            }

        page = self.page_of(request, comparisons, row)
        return out.CuratedComparisonPageSerializer(page).data


@extend_schema_view(
    get=extend_schema(
        operation_id="comparison_detail",
        parameters=SHAPE,
        responses=out.ComparisonDocumentSerializer,
    )
)
class CuratedDetail(ReadView):
    """A curated comparison's document, with its title and introduction."""

    parameters = ("audience", "only")

    def build(self, request: Request, slug: str):
        comparison = get_object_or_404(
            CuratedComparison.objects.filter(is_published=True).prefetch_related(
                "entries__role"
            ),
            slug=slug,
        )
        audience, only_differences, key_only = _shape(request)
        slugs = tuple(entry.role.slug for entry in comparison.entries.all())
        state = ComparisonState(slugs, audience, only_differences, key_only)
        result = compare_state(state, comparison)
        if result.table is None:
            raise NotFound(result.problem)
        return as_document(result.table)
