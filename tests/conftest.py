"""Shared fixtures: the shipped catalogue (loaded once) and the personas."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the shipped catalogue, as `make run` does."""
    with django_db_blocker.unblock():
        call_command("load_catalogue", verbosity=0)


@pytest.fixture
def catalogue(db):
    """The shipped catalogue; reloaded only after a transactional test flushed it."""
    from roles.models import Role

    if not Role.objects.exists():
        call_command("load_catalogue", verbosity=0)
