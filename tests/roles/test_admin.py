"""The admin keeps bad input out: form errors, nothing half-saved."""

from __future__ import annotations

import pytest

from roles.models import Role

pytestmark = pytest.mark.django_db


def test_invalid_role_in_the_admin_saves_nothing(admin_client, catalogue):
    before = Role.objects.count()
    response = admin_client.post(
        "/admin/roles/role/add/",
        {
            "title": "", "slug": "neu", "family": "social-media", "seniority": "none",
            "summary": "x", "orientation": "12", "position": "internal",
            "status": "draft",
            "company_sizes": "[]",
            "task_assignments-TOTAL_FORMS": "0", "task_assignments-INITIAL_FORMS": "0",
            "competency_assignments-TOTAL_FORMS": "0",
            "competency_assignments-INITIAL_FORMS": "0",
            "relations_out-TOTAL_FORMS": "0", "relations_out-INITIAL_FORMS": "0",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert Role.objects.count() == before


def test_every_model_has_an_admin_page(admin_client, catalogue):
    for path in ("roles/role", "roles/task", "roles/competency", "roles/roletask",
                 "roles/rolecompetency", "roles/rolerelation",
                 "comparisons/curatedcomparison"):  # fmt: skip
        assert admin_client.get(f"/admin/{path}/").status_code == 200, path
