"""Read-only wiki pages: start, role list and detail, task and competency pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from roles import permissions, selectors
from roles.renamed import follow_renamed_slug
from roles.revisions import history
from roles.role_map import RoleMap, build_role_map


@require_safe
def role_list(request: HttpRequest) -> HttpResponse:
    families = selectors.roles_by_family()
    context = {"families": families, "map": _map_of(families)}
    return render(request, "roles/role_list.html", context)


def _map_of(families: list[selectors.Group]) -> RoleMap:
    return build_role_map(role for family in families for role in family.items)


@require_safe
@follow_renamed_slug
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    profile = selectors.role_profile(slug)
    context = {
        "profile": profile,
        "choices": selectors.role_choices(),
        "latest": history.versions_of(profile.role).first(),
        "can_edit": permissions.can_edit_role(request.user, profile.role),
    }
    return render(request, "roles/role_detail.html", context)


@require_safe
def task_list(request: HttpRequest) -> HttpResponse:
    return render(request, "roles/task_list.html", {"areas": selectors.tasks_by_area()})


@require_safe
def task_detail(request: HttpRequest, slug: str) -> HttpResponse:
    task, groups = selectors.task_with_roles(slug)
    return render(request, "roles/task_detail.html", {"task": task, "groups": groups})


@require_safe
def competency_list(request: HttpRequest) -> HttpResponse:
    context = {"kinds": selectors.competencies_by_kind()}
    return render(request, "roles/competency_list.html", context)


@require_safe
def competency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competency, assignments = selectors.competency_with_roles(slug)
    context = {"competency": competency, "assignments": assignments}
    return render(request, "roles/competency_detail.html", context)
