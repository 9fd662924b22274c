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
    restore_flushed_data()


def restore_flushed_data() -> None:
    """Transactional tests end with a flush, which also empties what data
    migrations created (the groups) and the catalogue; bring both back."""
    from roles.models import Role

    ensure_editor_groups()
    if not Role.objects.exists():
        call_command("load_catalogue", verbosity=0)


def ensure_editor_groups() -> None:
    """The groups a data migration creates, again after a flush."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name="Redaktion").exists():
        migration = importlib.import_module("roles.migrations.0003_editor_groups")
        migration.create_groups(apps, None)
        reviews = importlib.import_module("roles.migrations.0014_change_proposals")
        reviews.let_maintainers_review(apps, None)


def _member(django_user_model, username: str, group: str | None):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username, password="geheim-123-Passwort"
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def wiki_role(db):
    """A role of the test's own, made through the service (see builders)."""
    from tests.builders import make_wiki_role

    return make_wiki_role()


@pytest.fixture
def reader(db, django_user_model):
    """Logged in, but in no group: may read, may not write."""
    return _member(django_user_model, "leserin", None)


@pytest.fixture
def editor(db, django_user_model):
    return _member(django_user_model, "redakteur", "Redaktion")


@pytest.fixture
def other_editor(db, django_user_model):
    return _member(django_user_model, "redakteurin", "Redaktion")


@pytest.fixture
def maintainer(db, django_user_model):
    return _member(django_user_model, "pflegerin", "Pflege")


@pytest.fixture
def client_for(client):
    """client_for(user) → a fresh test client logged in as that user."""
    from django.test import Client

    def make(user):
        logged_in = Client()
        if user is not None:
            logged_in.force_login(user)
        return logged_in

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing is slow on purpose; tests need only that logins work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test rolls its database back, so revision numbers (the cache stamp)
    come round again with other content; a real database never reuses one that
    a reader saw. Start every test with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
