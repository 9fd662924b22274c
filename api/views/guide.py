"""The guide for other tools: a company's needs in, the fitting roles out — the
same engine as the page /finden/. Nothing is stored."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as out
from api.throttling import CheckRateThrottle
from hiring.catalogue import current_catalogue
from hiring.guide import GuideAnswer, answer_guide
from hiring.guide_answers import GuideError, read_answers

FORMAT_NAME, FORMAT_VERSION = "berufsbild.guide", 1


def as_document(answer: GuideAnswer) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "roles": [
            {
                "slug": role.slug,
                "title": role.card.title,
                "fit": role.fit,
                "reasons": [str(reason) for reason in role.reasons],
                "why_not": [str(reason) for reason in role.why_not],
            }
            for role in answer.roles
        ],
        "mixed": answer.mixed,
        "split": [
            {"slug": s.card.slug, "title": s.card.title, "tasks": list(s.tasks)}
            for s in answer.split
        ],
    }


class Guide(APIView):
    """Which role a company needs, from how often it needs each piece of work."""

    http_method_names = ["post", "options"]
    throttle_classes = [CheckRateThrottle]

    @extend_schema(
        operation_id="guide",
        request=out.GuideRequestSerializer,
        responses={
            200: out.GuideResultSerializer,
            400: OpenApiResponse(
                out.ErrorSerializer,
                description="Unknown task or role slugs, values out of range, "
                "or no task needed often or sometimes.",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        incoming = out.GuideRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        catalogue = current_catalogue()
        try:
            answers = read_answers(incoming.validated_data, catalogue)
        except GuideError as error:
            raise ValidationError(error.details) from None
        answer = answer_guide(answers, catalogue)
        if answer.unknown_need:
            raise ValidationError(
                {"tasks": [_("Mindestens eine Aufgabe braucht often oder sometimes.")]}
            )
        response = Response(out.GuideResultSerializer(as_document(answer)).data)
        response["Cache-Control"] = "no-store"
        return response
