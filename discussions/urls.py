from django.urls import path

from discussions import views

app_name = "discussions"

urlpatterns = [
    path("roles/<slug:slug>/discussion/", views.role_discussion, name="role"),
    path("roles/<slug:slug>/follow/", views.follow, name="follow"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/edit/", views.edit, name="edit"),
    path("comments/<int:pk>/delete/", views.delete, name="delete"),
    path("comments/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("notices/", views.notices, name="notices"),
]
