"""Read-only wiki pages: start, role list and detail, task and competency pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.caching import cached, fragment_key
from roles import listing, permissions, selectors
from roles.choices import Seniority
from roles.models import Competency, Task
from roles.models.proposals import OPEN_STATES, ChangeProposal
from roles.page_parts import current_role_page
from roles.renamed import follow_renamed_slug
from roles.role_map import build_role_map


@require_safe
def role_list(request: HttpRequest) -> HttpResponse:
    """A page of roles, filterable by family and level, with its own map."""
    role_filter = listing.RoleFilter.from_params(request.GET)
    page_asked = request.GET.get("page", "")[:12]
    key = fragment_key("role-list", role_filter.query(), page_asked)
    context = {
        "role_filter": role_filter,
        "listed": cached(key, lambda: _listed(role_filter, page_asked)),
    }
    return render(request, "roles/role_list.html", context)


@dataclass(frozen=True)
class ListedPage:
    html: SafeString
    number: int


def _listed(role_filter: listing.RoleFilter, page_asked: str) -> ListedPage:
    page = listing.roles_page(role_filter, page_asked)
    counts = listing.family_counts()
    context = {
        "role_filter": role_filter,
        "page": page,
        "family_counts": counts,
        "total": sum(family.count for family in counts),
        "seniorities": Seniority.choices,
        "map": build_role_map(page.object_list),
        "map_note": _("Die Karte zeigt die Rollen dieser Seite."),
    }
    html = render_to_string("roles/includes/role_list_body.html", context)
    return ListedPage(mark_safe(html), page.number)  # noqa: S308 - template output


@require_safe
@follow_renamed_slug
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role, parts = current_role_page(slug)
    user = request.user
    context = {
        "role": role,
        "parts": parts,
        "can_edit": permissions.can_edit_role(user, role)
        or permissions.can_propose(user, role),
        # Outside the cached parts: a new proposal makes no revision.
        "pending": _pending_proposals(role),
        "sees_proposals": user.has_perm("roles.change_role"),
        "proposing": permissions.needs_review(user, role),
    }
    return render(request, "roles/role_detail.html", context)


def _pending_proposals(role) -> int:
    counted = getattr(role, "pending_proposals", None)
    if counted is not None:
        return counted
    return ChangeProposal.objects.filter(role_id=role.pk, state__in=OPEN_STATES).count()


def _assignments_html(entry, request, page_of, template: str) -> SafeString:
    """The roles of a task or competency, one page, cached by catalogue stamp."""
    asked = request.GET.get("page", "")[:12]
    key = fragment_key(template, entry.pk, asked)

    def build() -> SafeString:
        html = render_to_string(template, {"page": page_of(entry, asked)})
        return mark_safe(html)  # noqa: S308 - template output

    return cached(key, build)


@require_safe
def task_list(request: HttpRequest) -> HttpResponse:
    return render(request, "roles/task_list.html", {"areas": selectors.tasks_by_area()})


@require_safe
def task_detail(request: HttpRequest, slug: str) -> HttpResponse:
    task = get_object_or_404(Task, slug=slug)
    roles_html = _assignments_html(
        task, request, listing.task_assignments_page, "roles/includes/task_roles.html"
    )
    context = {"task": task, "roles_html": roles_html}
    return render(request, "roles/task_detail.html", context)


@require_safe
def competency_list(request: HttpRequest) -> HttpResponse:
    context = {"kinds": selectors.competencies_by_kind()}
    return render(request, "roles/competency_list.html", context)


@require_safe
def competency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competency = get_object_or_404(Competency, slug=slug)
    roles_html = _assignments_html(
        competency,
        request,
        listing.competency_assignments_page,
        "roles/includes/competency_roles.html",
    )
    context = {"competency": competency, "roles_html": roles_html}
    return render(request, "roles/competency_detail.html", context)
