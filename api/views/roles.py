"""Roles, their revisions, tasks and competencies."""

from __future__ import annotations

from dataclasses import asdict

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.request import Request

from api import serializers as out
from api.base import ReadView
from api.errors import BadParameters
from api.schema import LANG, slug_parameter
from roles.choices import (
    CompetencyKind,
    Family,
    Seniority,
    TaskArea,
    choice_label,
)
from roles.models import Competency, Role, RoleOldSlug, Task
from roles.readmodels import RoleData, role_data_of
from roles.revisions import history
from roles.schema import FIELDS
from taxonomies.selectors import classification_panel


def _absolute(request: Request, path: str) -> str:
    return request.build_absolute_uri(path)


def role_summary(request: Request, role: Role) -> dict:
    return {
        "slug": role.slug,
        "title": role.title,
        "family": role.family,
        "family_label": choice_label(Family, role.family),
        "seniority": role.seniority,
        "seniority_label": choice_label(Seniority, role.seniority),
        "summary": role.summary,
        "status": role.status,
        "is_illustrative": role.is_illustrative,
        "revision_number": role.revision_number,
        "updated_at": role.updated_at,
        "url": _absolute(request, reverse("api:role", args=[role.slug])),
        "html_url": _absolute(request, role.get_absolute_url()),
    }


ROLE_LIST_FIELDS = (
    "slug",
    "title",
    "family",
    "seniority",
    "summary",
    "status",
    "is_illustrative",
    "revision_number",
    "updated_at",
)


@extend_schema_view(
    get=extend_schema(
        operation_id="roles_list",
        parameters=[
            LANG,
            OpenApiParameter("family", str, enum=Family.values),
            OpenApiParameter("seniority", str, enum=Seniority.values),
            slug_parameter("task", "Only roles that have this task (its slug)."),
            slug_parameter("competency", "Only roles with this competency (its slug)."),
        ],
        responses=out.RolePageSerializer,
    )
)
class RoleList(ReadView):
    """All roles by title, 50 a page (``page_size`` up to 200)."""

    parameters = ("family", "seniority", "task", "competency")
    paginated = True

    def build(self, request: Request):
        roles = Role.objects.only(*ROLE_LIST_FIELDS).order_by("title", "id")
        params = request.query_params
        for name, choices in (("family", Family), ("seniority", Seniority)):
            if name in params:
                if params[name] not in choices.values:
                    allowed = ", ".join(choices.values)
                    raise BadParameters({name: [_("Erlaubt: %(s)s.") % {"s": allowed}]})
                roles = roles.filter(**{name: params[name]})
        if "task" in params:
            task = get_object_or_404(Task, slug=self.slug_parameter(request, "task"))
            roles = roles.filter(task_assignments__task=task)
        if "competency" in params:
            slug = self.slug_parameter(request, "competency")
            competency = get_object_or_404(Competency, slug=slug)
            roles = roles.filter(competency_assignments__competency=competency)
        page = self.page_of(request, roles, lambda role: role_summary(request, role))
        return out.RolePageSerializer(page).data


def _renamed(request: Request, slug: str, name: str):
    """For a renamed role's old slug a permanent redirect to the new; else 404."""
    old = get_object_or_404(RoleOldSlug.objects.select_related("role"), slug=slug)
    target = reverse(name, args=[old.role.slug])
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


def _relations(data: RoleData) -> list[dict]:
    """Its own relations ("out") and other roles' relations to it ("in")."""
    rows = [("out", r, r.to_slug, r.to_title) for r in data.relations]
    rows += [("in", r, r.from_slug, r.from_title) for r in data.relations_in]
    return [
        {
            "direction": direction,
            "kind": relation.kind,
            "kind_label": relation.kind_label,
            "role": other,
            "role_title": other_title,
            "description": relation.description,
        }
        for direction, relation, other, other_title in rows
    ]


def role_document(request: Request, role: Role) -> dict:
    """The role as the API shows it: its stored fields, and the read model's
    plain data for everything a reader sees on the role page."""
    data = role_data_of(role, whole=True)
    panel = classification_panel(data.classifications)
    slug = role.slug
    return {
        **role_summary(request, role),
        "aliases": list(data.aliases),
        "parent": data.parent or None,
        "is_protected": data.is_protected,
        "definition": role.definition,
        "definition_html": data.definition_html,
        "facts": [
            {"key": f.key, "label": f.page_label, "text": f.page}
            for f in data.page_facts
        ],
        "fields": {spec.name: getattr(role, spec.db_name) for spec in FIELDS},
        "tasks": [asdict(entry) for entry in data.tasks],
        "competencies": [asdict(entry) for entry in data.competencies],
        "relations": _relations(data),
        "classifications": [asdict(code) for code in panel.codes] if panel else [],
        "links": {
            "html": _absolute(request, role.get_absolute_url()),
            "history": _absolute(request, reverse("roles:history", args=[slug])),
            "revisions": _absolute(request, reverse("api:role-revisions", args=[slug])),
            "compare": _absolute(request, f"{reverse('api:compare')}?roles={slug}"),
        },
        "attribution": [a.as_dict() for a in panel.attributions] if panel else [],
    }


@extend_schema_view(
    get=extend_schema(
        operation_id="role_detail",
        parameters=[LANG],
        responses={
            200: out.RoleDetailSerializer,
            301: OpenApiResponse(
                description="The role was renamed: Location is its new address."
            ),
        },
    )
)
class RoleDetail(ReadView):
    """One role with tasks and responsibilities, competencies and levels,
    relations, classification codes and links."""

    def get(self, request, slug: str):
        # One cheap query decides between answer and redirect; the role itself is
        # only loaded when the client's copy (ETag) is not current.
        if not Role.objects.filter(slug=slug).exists():
            return _renamed(request, slug, "api:role")
        return super().get(request, slug=slug)

    def build(self, request: Request, slug: str):
        role = get_object_or_404(Role.objects.with_profile(), slug=slug)
        return out.RoleDetailSerializer(role_document(request, role)).data


@extend_schema_view(
    get=extend_schema(
        operation_id="role_revisions",
        parameters=[LANG],
        responses=out.RevisionPageSerializer,
    )
)
class RoleRevisions(ReadView):
    """The role's saved versions, newest first, 50 a page."""

    paginated = True

    def build(self, request: Request, slug: str):
        role = get_object_or_404(Role.objects.only("pk", "slug"), slug=slug)
        versions = history.versions_of(role).only(
            "pk",
            "revision__date_created",
            "revision__comment",
            "revision__user__username",
        )
        ids = list(history.versions_of(role).values_list("pk", flat=True)[:1])
        newest = ids[0] if ids else None

        def revision(version) -> dict:
            user = version.revision.user
            html = reverse("roles:revision", args=[slug, version.pk])
            diff = (
                f"{reverse('roles:diff', args=[slug])}?from={version.pk}&to={newest}"
                if newest and version.pk != newest
                else None
            )
            return {
                "id": version.pk,
                "date": version.revision.date_created,
                "author": user.get_username() if user else None,
                "comment": version.revision.comment,
                "html_url": _absolute(request, html),
                "diff_url": _absolute(request, diff) if diff else None,
            }

        page = self.page_of(request, versions, revision)
        return out.RevisionPageSerializer(page).data


def _entry(request: Request, entry, kind: str) -> dict:
    is_task = kind == "task"
    group = entry.area if is_task else entry.kind
    choices = TaskArea if is_task else CompetencyKind
    roles_url = f"{reverse('api:roles')}?{kind}={entry.slug}"
    return {
        "slug": entry.slug,
        "name": entry.name,
        "plain_name": entry.plain_name,
        "group": group,
        "group_label": choice_label(choices, group),
        "plain_description": entry.plain_description,
        "description": entry.description,
        "role_count": entry.role_count,
        "roles_url": _absolute(request, roles_url),
        "html_url": _absolute(request, entry.get_absolute_url()),
    }


def _with_role_count(model):
    """Each entry's number of roles, counted per row through the assignments'
    index: a page of 50 costs 50 index lookups, not a scan of all assignments."""
    assignments = model._meta.get_field("role_assignments").related_model
    key = "task" if model is Task else "competency"
    count = (
        assignments.objects.filter(**{key: OuterRef("pk")})
        .order_by()
        .values(key)
        .annotate(n=Count("*"))
        .values("n")
    )
    return model.objects.annotate(
        role_count=Coalesce(Subquery(count, output_field=IntegerField()), 0)
    )


class _EntryList(ReadView):
    model = Task
    kind = "task"
    paginated = True

    def build(self, request: Request):
        entries = _with_role_count(self.model).order_by("name", "id")
        page = self.page_of(request, entries, lambda e: _entry(request, e, self.kind))
        return out.CatalogueEntryPageSerializer(page).data


class _EntryDetail(ReadView):
    model = Task
    kind = "task"

    def build(self, request: Request, slug: str):
        entry = get_object_or_404(_with_role_count(self.model), slug=slug)
        return out.CatalogueEntrySerializer(_entry(request, entry, self.kind)).data


@extend_schema_view(
    get=extend_schema(
        operation_id="tasks_list",
        parameters=[LANG],
        responses=out.CatalogueEntryPageSerializer,
    )
)
class TaskList(_EntryList):
    """The shared task catalogue, by name."""


@extend_schema_view(
    get=extend_schema(
        operation_id="task_detail",
        parameters=[LANG],
        responses=out.CatalogueEntrySerializer,
    )
)
class TaskDetail(_EntryDetail):
    """One task; its roles are at ``roles_url``."""


@extend_schema_view(
    get=extend_schema(
        operation_id="competencies_list",
        parameters=[LANG],
        responses=out.CatalogueEntryPageSerializer,
    )
)
class CompetencyList(_EntryList):
    """The shared competency catalogue, by name."""

    model = Competency
    kind = "competency"


@extend_schema_view(
    get=extend_schema(
        operation_id="competency_detail",
        parameters=[LANG],
        responses=out.CatalogueEntrySerializer,
    )
)
class CompetencyDetail(_EntryDetail):
    """One competency; its roles are at ``roles_url``."""

    model = Competency
    kind = "competency"
