from django.urls import path

from roles import views

app_name = "roles"

urlpatterns = [
    path("roles/", views.role_list, name="list"),
    path("roles/<slug:slug>/", views.role_detail, name="detail"),
    path("about/", views.about, name="about"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/<slug:slug>/", views.task_detail, name="task"),
    path("competencies/", views.competency_list, name="competencies"),
    path("competencies/<slug:slug>/", views.competency_detail, name="competency"),
]
