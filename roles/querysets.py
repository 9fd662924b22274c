"""Chainable reads on roles, so views never trigger queries per row."""

from __future__ import annotations

from django.db import models
from django.db.models import Prefetch


class RoleQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)

    def with_profile(self) -> RoleQuerySet:
        """Everything the role page shows, in a fixed number of queries, for
        ``roles.readmodels.role_data_of(role, whole=True)``."""
        from roles.models import RoleCompetency, RoleRelation, RoleTask

        return self.select_related("parent").prefetch_related(
            Prefetch(
                "task_assignments",
                queryset=RoleTask.objects.select_related("task").order_by(
                    "task__plain_name"
                ),
            ),
            Prefetch(
                "competency_assignments",
                queryset=RoleCompetency.objects.select_related("competency").order_by(
                    "-level", "competency__name"
                ),
            ),
            Prefetch(
                "relations_out",
                queryset=RoleRelation.objects.select_related("to_role"),
            ),
            Prefetch(
                "relations_in",
                queryset=RoleRelation.objects.select_related("from_role"),
            ),
            "classifications",
        )
