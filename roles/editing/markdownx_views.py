"""django-markdownx's two endpoints, routed here so that both need a login."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.markdown import render_markdown
from roles.editing.uploads import store_image
from roles.models import DEFINITION_MAX_LENGTH


def _editor_only(view):
    """Preview and upload serve the edit forms: editors only (readers get 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm("roles.change_role") and not request.user.has_perm(
            "roles.add_role"
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


@_editor_only
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


@_editor_only
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
