"""django-markdownx's two endpoints, routed here so that both need a login."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roles.markdown import render_markdown
from roles.models import DEFINITION_MAX_LENGTH
from roles.uploads import store_image


@login_required
@require_POST
def markdownify(request: HttpRequest) -> HttpResponse:
    """Live preview: the same sanitising render as stored definitions."""
    content = request.POST.get("content", "")
    if len(content) > DEFINITION_MAX_LENGTH:
        return HttpResponse(
            _("Der Text ist zu lang für die Vorschau."),
            status=400,
            content_type="text/plain",
        )
    return HttpResponse(render_markdown(content))


@login_required
@require_POST
def upload_image(request: HttpRequest) -> JsonResponse:
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"image": [_("Bitte eine Bilddatei wählen.")]}, status=400)
    try:
        stored = store_image(upload)
    except ValidationError as error:
        return JsonResponse({"image": error.messages}, status=400)
    return JsonResponse({"image_code": f"![]({stored.url})"})
