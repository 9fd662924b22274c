"""Imported classification concepts (ESCO, ISCO-08, O*NET), with search."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.request import Request

from api import serializers as out
from api.base import ReadView
from api.errors import BadParameters
from api.schema import LANG, WITHOUT_NUL
from taxonomies.importers.esco import OCCUPATION_PREFIX
from taxonomies.models import Concept, Scheme, in_language
from taxonomies.selectors import attributions
from taxonomies.sources import SOURCE_OF_SCHEME, concept_url

SCHEMES = [Scheme.ESCO.value, Scheme.ISCO.value, Scheme.ONET.value]
MAX_QUERY = 100


def concept_key(concept: Concept) -> str:
    """The concept's part of its API address: an ESCO URI's last segment."""
    if concept.scheme == Scheme.ESCO:
        return concept.code.removeprefix(OCCUPATION_PREFIX)
    return concept.code


def _concept(request: Request, concept: Concept) -> dict:
    return {
        "scheme": concept.scheme,
        "code": concept.code,
        "notation": concept.notation,
        "label": concept.label(),
        "labels": concept.labels,
        "alt_labels": concept.alt_labels,
        "description": in_language(concept.descriptions),
        "group_code": concept.group_code,
        "source_version": concept.source_version,
        "url": request.build_absolute_uri(
            reverse("api:concept", args=[concept.scheme, concept_key(concept)])
        ),
        "publisher_url": concept_url(concept.scheme, concept.code),
    }


@extend_schema_view(
    get=extend_schema(
        operation_id="concepts_list",
        parameters=[
            LANG,
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": MAX_QUERY},
                pattern=WITHOUT_NUL,
                description="Words in a label, code or notation (the first 8).",
            ),
            OpenApiParameter("scheme", str, enum=SCHEMES),
        ],
        responses=out.ConceptPageSerializer,
    )
)
class ConceptList(ReadView):
    """Imported concepts by scheme and code; ``q`` searches labels and codes."""

    parameters = ("q", "scheme")
    paginated = True

    def build(self, request: Request):
        concepts = Concept.objects.order_by("scheme", "code")
        params = request.query_params
        if "scheme" in params:
            if params["scheme"] not in SCHEMES:
                raise BadParameters(
                    {"scheme": [_("Erlaubt: %(s)s.") % {"s": ", ".join(SCHEMES)}]}
                )
            concepts = concepts.filter(scheme=params["scheme"])
        query = params.get("q", "")
        if len(query) > MAX_QUERY:
            raise BadParameters(
                {"q": [_("Höchstens %(n)s Zeichen.") % {"n": MAX_QUERY}]}
            )
        words = query.casefold().split()
        for word in words[:8]:
            concepts = concepts.filter(search_text__contains=word)
        page = self.page_of(request, concepts, lambda c: _concept(request, c))
        schemes = {row["scheme"] for row in page["results"]}
        page["attribution"] = [
            a.as_dict() for a in attributions({SOURCE_OF_SCHEME[s] for s in schemes})
        ]
        return out.ConceptPageSerializer(page).data


@extend_schema_view(
    get=extend_schema(
        operation_id="concept_detail",
        parameters=[
            LANG,
            OpenApiParameter("scheme", str, OpenApiParameter.PATH, enum=SCHEMES),
            OpenApiParameter(
                "key",
                str,
                OpenApiParameter.PATH,
                pattern=r"^[^/\x00]+$",
                description="The code; for ESCO the last part of the concept's URI.",
            ),
        ],
        responses=out.ConceptDetailSerializer,
    )
)
class ConceptDetail(ReadView):
    """One concept with its task statements and skills (with ratings)."""

    def build(self, request: Request, scheme: str, key: str):
        if scheme not in SCHEMES:
            raise BadParameters(
                {"scheme": [_("Erlaubt: %(s)s.") % {"s": ", ".join(SCHEMES)}]}
            )
        code = OCCUPATION_PREFIX + key if scheme == Scheme.ESCO else key
        concept = get_object_or_404(Concept, scheme=scheme, code=code)
        document = _concept(request, concept)
        document["hidden_labels"] = concept.hidden_labels
        document["tasks"] = [
            {"task_id": t.task_id, "statement": t.statement, "kind": t.kind}
            for t in concept.tasks.order_by("kind", "task_id")
        ]
        document["skills"] = [
            {
                "code": k.skill_code,
                "label": k.label(),
                "relation": k.relation,
                "skill_type": k.skill_type,
                "importance": None if k.importance is None else float(k.importance),
                "level": None if k.level is None else float(k.level),
                "not_relevant": k.not_relevant,
                "suppress": k.suppress,
            }
            for k in concept.skills.order_by("relation", "-importance", "pk")
        ]
        document["attribution"] = [
            a.as_dict() for a in attributions([SOURCE_OF_SCHEME[concept.scheme]])
        ]
        return out.ConceptDetailSerializer(document).data
