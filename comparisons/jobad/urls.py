from django.urls import path

from comparisons.jobad import views

app_name = "jobad"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("roles/<slug:slug>/stellenanzeige/", views.builder, name="builder"),
]
