"""The job-ad check for other tools: POST the text, get the result document.
Nothing is stored; the answer is not cached anywhere."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as out
from api.throttling import CheckRateThrottle
from hiring.check import AdRejected, check_ad
from hiring.exports import as_document


class CheckRefused(ValidationError):
    """The text is no job ad the check can read (empty, too long, no tasks)."""

    default_code = "check_refused"


MAX_BODY_BYTES = 400_000
"""Far above the 20,000 characters read; a bigger body is refused unread."""


class Check(APIView):
    """Which roles a job ad describes, what it asks for, and what is unrealistic."""

    http_method_names = ["post", "options"]
    throttle_classes = [CheckRateThrottle]

    @extend_schema(
        operation_id="check",
        request=out.CheckRequestSerializer,
        responses={
            200: out.CheckResultSerializer,
            400: OpenApiResponse(
                out.ErrorSerializer, description="Bad or too long text."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY_BYTES:
            raise ValidationError(
                {
                    "text": [
                        f"The body has {length:,} bytes; at most {MAX_BODY_BYTES:,}."
                    ]
                }
            )
        incoming = out.CheckRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            result = check_ad(incoming.validated_data["text"])
        except AdRejected as rejected:
            raise CheckRefused(
                {"text": [rejected.message], "reason": [rejected.code]}
            ) from None
        response = Response(out.CheckResultSerializer(as_document(result)).data)
        response["Cache-Control"] = "no-store"
        return response
