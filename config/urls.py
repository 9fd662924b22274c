from django.conf import settings as django_settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.static import serve

from roles.editing import markdownx_views

urlpatterns = [
    path("", include("pages.urls")),
    path("", include("roles.urls")),
    path("", include("discussions.urls")),
    path("compare/", include("comparisons.urls")),
    path("", include("hiring.urls")),
    path("api/v1/", include("api.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # markdownx's own urls need no login; these are the same names, guarded.
    path(
        "markdownx/markdownify/",
        markdownx_views.markdownify,
        name="markdownx_markdownify",
    ),
    path("markdownx/upload/", markdownx_views.upload_image, name="markdownx_upload"),
    # Uploaded images; in production the reverse proxy serves /media/ itself.
    path(
        "media/<path:path>",
        require_safe(serve),
        {"document_root": django_settings.MEDIA_ROOT},
    ),
]
