from django.urls import path

from hiring import guide_views, views

app_name = "hiring"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("check/s/<str:token>/", views.shared_check, name="shared"),
    path(
        "check/s/<str:token>/export.<str:fmt>",
        views.shared_export,
        name="shared_export",
    ),
    path("check/s/<str:token>/delete/", views.shared_delete, name="shared_delete"),
    path("roles/<slug:slug>/stellenanzeige/", views.builder, name="builder"),
    path("finden/", guide_views.guide, name="guide"),
    path("finden/profil/", views.practitioner, name="practitioner"),
]
