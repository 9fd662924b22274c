"""The API's front door (its endpoints) and the JSON 404 for anything else."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

ENDPOINTS = (
    "roles",
    "tasks",
    "competencies",
    "comparisons",
    "compare",
    "concepts",
    "proposals",
    "check",
    "schema",
    "docs",
)


class Root(APIView):
    http_method_names = ["get", "head", "options"]

    @extend_schema(exclude=True)
    def get(self, request):
        return Response(
            {
                name: request.build_absolute_uri(reverse(f"api:{name}"))
                for name in ENDPOINTS
            }
        )


class Unknown(APIView):
    """Any other address under /api/v1/: a JSON 404, never the HTML page."""

    http_method_names = ["get", "head", "post", "put", "patch", "delete", "options"]

    @extend_schema(exclude=True)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound()
