from django.urls import path

from roles import views
from roles.editing import proposal_views
from roles.editing import views as edit_views
from roles.editing.catalogue_views import entry_edit, entry_history
from roles.feeds import RecentChangesFeed, RoleHistoryFeed

app_name = "roles"

urlpatterns = [
    path("roles/", views.role_list, name="list"),
    path("proposals/", proposal_views.queue, name="proposals"),
    path("proposals/<int:pk>/", proposal_views.detail, name="proposal"),
    path("proposals/<int:pk>/review/", proposal_views.review, name="proposal_review"),
    path("roles/new/", edit_views.role_create, name="create"),
    path("roles/<slug:slug>/", views.role_detail, name="detail"),
    path("roles/<slug:slug>/edit/", edit_views.role_edit, name="edit"),
    path("roles/<slug:slug>/history/", edit_views.role_history, name="history"),
    path("roles/<slug:slug>/history/feed/", RoleHistoryFeed(), name="history_feed"),
    path("changes/feed/", RecentChangesFeed(), name="changes_feed"),
    path(
        "roles/<slug:slug>/history/<int:version_id>/",
        edit_views.role_revision,
        name="revision",
    ),
    path(
        "roles/<slug:slug>/history/<int:version_id>/revert/",
        edit_views.role_revert,
        name="revert",
    ),
    path("roles/<slug:slug>/diff/", edit_views.role_diff, name="diff"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/new/", entry_edit, {"kind": "task"}, name="task_create"),
    path("tasks/<slug:slug>/", views.task_detail, name="task"),
    path("tasks/<slug:slug>/edit/", entry_edit, {"kind": "task"}, name="task_edit"),
    path(
        "tasks/<slug:slug>/history/",
        entry_history,
        {"kind": "task"},
        name="task_history",
    ),
    path("competencies/", views.competency_list, name="competencies"),
    path(
        "competencies/new/",
        entry_edit,
        {"kind": "competency"},
        name="competency_create",
    ),
    path("competencies/<slug:slug>/", views.competency_detail, name="competency"),
    path(
        "competencies/<slug:slug>/edit/",
        entry_edit,
        {"kind": "competency"},
        name="competency_edit",
    ),
    path(
        "competencies/<slug:slug>/history/",
        entry_history,
        {"kind": "competency"},
        name="competency_history",
    ),
]
