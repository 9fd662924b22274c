from django.urls import path

from comparisons import views

app_name = "comparisons"

urlpatterns = [
    path("", views.compare, name="compare"),
    path("export.<str:fmt>", views.export, name="export"),
    path("<slug:slug>/", views.curated, name="curated"),
    path("<slug:slug>/export.<str:fmt>", views.curated_export, name="curated_export"),
]
