"""The job-ad check for other tools: POST the text, get the result document.
Nothing is stored; the answer is not cached anywhere."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as out
from api.throttling import CheckRateThrottle
from hiring.check import AdRejected, check_ad
from hiring.exports import as_document


class CheckRefused(ValidationError):
    """The text is no job ad the check can read: empty or too long (400)."""

    default_code = "check_refused"


class UnreadableAd(CheckRefused):
    """Well-formed, but nothing in it the check can read: hardly any letters, or
    no task from the catalogue (422; the schema cannot say this in advance)."""

    status_code = 422


UNREADABLE = {"not-text", "no-task"}


MAX_BODY_BYTES = 400_000
"""Far above the 20,000 characters read; a bigger body is refused unread."""


class Check(APIView):
    """Which roles a job ad describes, what it asks for, and what is unrealistic."""

    http_method_names = ["post", "options"]
    throttle_classes = [CheckRateThrottle]
    error_statuses = (422,)

    @extend_schema(
        operation_id="check",
        request=out.CheckRequestSerializer,
        responses=out.CheckResultSerializer,
    )
    def post(self, request: Request) -> Response:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY_BYTES:
            message = _("Der Inhalt hat %(length)s Bytes; höchstens %(max)s.") % {
                "length": f"{length:,}".replace(",", "."),
                "max": f"{MAX_BODY_BYTES:,}".replace(",", "."),
            }
            raise ValidationError({"text": [message]})
        incoming = out.CheckRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            result = check_ad(incoming.validated_data["text"])
        except AdRejected as rejected:
            refusal = UnreadableAd if rejected.code in UNREADABLE else CheckRefused
            raise refusal(
                {"text": [rejected.message], "reason": [rejected.code]}
            ) from None
        response = Response(out.CheckResultSerializer(as_document(result)).data)
        response["Cache-Control"] = "no-store"
        return response
