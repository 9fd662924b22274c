"""Lists of roles that stay the same size however large the catalogue grows.

The start page shows counts, the most compared and the recently changed roles; the
role list, a task's and a competency's roles come a page at a time. Every read here
runs in a fixed number of queries on indexed columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When

from roles.choices import RESPONSIBILITY_ORDER, Family, Seniority
from roles.models import Role, RoleCompetency, RoleTask

PAGE_SIZE = 30
FEATURED = 16
RECENT = 8
LIST_FIELDS = (
    "slug",
    "title",
    "aliases",
    "family",
    "seniority",
    "summary",
    "is_illustrative",
    "orientation",
    "position",
    "updated_at",
)


@dataclass(frozen=True)
class FamilyCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class RoleFilter:
    """What the role list is narrowed to; unknown values mean "all"."""

    family: str = ""
    seniority: str = ""

    @classmethod
    def from_params(cls, params) -> RoleFilter:
        family = params.get("family", "")
        seniority = params.get("seniority", "")
        return cls(
            family if family in Family.values else "",
            seniority if seniority in Seniority.values else "",
        )

    @property
    def family_label(self) -> str:
        return str(Family(self.family).label) if self.family else ""

    def query(self, **changes) -> str:
        """The list's query string with this filter (page numbers added by caller)."""
        values = {"family": self.family, "seniority": self.seniority, **changes}
        return "&".join(f"{key}={value}" for key, value in values.items() if value)


def family_counts() -> list[FamilyCount]:
    """How many roles each family has, in the vocabulary's order; one query."""
    counts = dict(Role.objects.order_by().values_list("family").annotate(n=Count("pk")))
    return [
        FamilyCount(family.value, str(family.label), counts.get(family.value, 0))
        for family in Family
    ]


def featured_roles(compared: list[int], limit: int = FEATURED) -> list[Role]:
    """The roles people compare most (``compared``: ids, most compared first),
    then documented roles by title: what a visitor should see first."""
    compared = compared[:limit]
    roles = Role.objects.only(*LIST_FIELDS).in_bulk(compared)
    chosen = [roles[pk] for pk in compared if pk in roles]
    if len(chosen) < limit:
        chosen += list(
            Role.objects.only(*LIST_FIELDS)
            # "= False" is written "NOT is_illustrative", which no index serves
            .filter(is_illustrative__in=[False])
            .exclude(pk__in=compared)
            .order_by("title")[: limit - len(chosen)]
        )
    return chosen


def recently_changed(limit: int = RECENT) -> list[Role]:
    return list(Role.objects.only(*LIST_FIELDS).order_by("-updated_at")[:limit])


def roles_page(role_filter: RoleFilter, number) -> Page:
    """One page of the role list, by title; a number past the end gives the last
    page, a bad one the first."""
    roles: QuerySet[Role] = Role.objects.only(*LIST_FIELDS).order_by("title", "pk")
    if role_filter.family:
        roles = roles.filter(family=role_filter.family)
    if role_filter.seniority:
        roles = roles.filter(seniority=role_filter.seniority)
    return Paginator(roles, PAGE_SIZE).get_page(number)


def task_assignments_page(task, number) -> Page:
    """The roles assigned to a task, owners first, a page at a time."""
    order = {value: i for i, value in enumerate(r.value for r in RESPONSIBILITY_ORDER)}
    rank = Case(
        *[When(responsibility=value, then=Value(i)) for value, i in order.items()],
        default=Value(len(order)),
        output_field=IntegerField(),
    )
    assignments = (
        RoleTask.objects.filter(task=task)
        .select_related("role")
        .only("responsibility", "note", "role__slug", "role__title")
        .annotate(rank=rank)
        .order_by("rank", "role__title", "pk")
    )
    return Paginator(assignments, PAGE_SIZE).get_page(number)


def competency_assignments_page(competency, number) -> Page:
    """The roles needing a competency, highest level first, a page at a time."""
    assignments = (
        RoleCompetency.objects.filter(competency=competency)
        .select_related("role")
        .only("level", "is_essential", "note", "role__slug", "role__title")
        .order_by("-level", "role__title", "pk")
    )
    return Paginator(assignments, PAGE_SIZE).get_page(number)
