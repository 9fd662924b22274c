from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.views import check, comparisons, concepts, guide, proposals, roles, root

app_name = "api"

urlpatterns = [
    path("", root.Root.as_view(), name="root"),
    path("roles/", roles.RoleList.as_view(), name="roles"),
    path("roles/<slug:slug>/", roles.RoleDetail.as_view(), name="role"),
    path(
        "roles/<slug:slug>/revisions/",
        roles.RoleRevisions.as_view(),
        name="role-revisions",
    ),
    path("tasks/", roles.TaskList.as_view(), name="tasks"),
    path("tasks/<slug:slug>/", roles.TaskDetail.as_view(), name="task"),
    path("competencies/", roles.CompetencyList.as_view(), name="competencies"),
    path(
        "competencies/<slug:slug>/",
        roles.CompetencyDetail.as_view(),
        name="competency",
    ),
    path("comparisons/", comparisons.CuratedList.as_view(), name="comparisons"),
    path(
        "comparisons/<slug:slug>/",
        comparisons.CuratedDetail.as_view(),
        name="comparison",
    ),
    path("compare/", comparisons.Compare.as_view(), name="compare"),
    path("concepts/", concepts.ConceptList.as_view(), name="concepts"),
    path(
        "concepts/<str:scheme>/<str:key>/",
        concepts.ConceptDetail.as_view(),
        name="concept",
    ),
    path("proposals/", proposals.ProposalList.as_view(), name="proposals"),
    path("proposals/<int:pk>/", proposals.ProposalDetail.as_view(), name="proposal"),
    path("check/", check.Check.as_view(), name="check"),
    path("guide/", guide.Guide.as_view(), name="guide"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    # Any path at all, a newline in it too (``.`` alone would stop there).
    re_path(r"^[\s\S]*$", root.Unknown.as_view(), name="unknown"),
]
