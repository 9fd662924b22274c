"""Reliability tests commit for real (threads need it) and build their own rows."""

from __future__ import annotations

import pytest
from django.test import Client

from roles.models import Role
from roles.services import create_role
from tests.builders import make_task
from tests.conftest import ensure_editor_groups


@pytest.fixture
def committed(transactional_db):
    """Real commits; the groups a migration made are back after earlier flushes."""
    ensure_editor_groups()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def shaped_role(committed, django_user_model) -> Role:
    """A role made through the service (first revision), with two tasks."""
    author = django_user_model.objects.create_user("anlage", password="x")
    snapshot = {
        "fields": {
            "title": "Testrolle",
            "slug": "testrolle",
            "aliases": "",
            "family": "social-media",
            "seniority": "none",
            "parent": None,
            "status": "draft",
            "is_illustrative": False,
            "is_protected": False,
            "summary": "Ausgangstext.",
            "definition": "Definition.",
            "orientation": 5,
            "position": "internal",
            "placement": "",
            "company_sizes": [],
            "industries": "",
            "salary_min": None,
            "salary_max": None,
            "salary_source": "",
            "backgrounds": "",
            "certificates": "",
            "goals": "",
            "sources": "",
        },
        "tasks": {
            str(make_task().pk): {
                "responsibility": "owns",
                "note": "",
                "is_illustrative": False,
            }
            for _ in range(2)
        },
        "competencies": {},
        "relations": {},
    }
    return create_role(snapshot=snapshot, user=author, comment="Anlage")
