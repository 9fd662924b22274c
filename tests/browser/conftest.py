"""Playwright in the Debian Chromium package; never a downloaded browser."""

from __future__ import annotations

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.conftest import restore_flushed_data

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # bypass_csp only lets the tests inject axe-core; the app's own CSP stays on.
    return {**browser_context_args, "locale": "de-DE", "bypass_csp": False}


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    """A page in a phone-sized window (390 px wide)."""
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    yield context.new_page()
    context.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with the shipped catalogue and groups in place."""
    restore_flushed_data()
    return live_server.url


def login_page_as(page, live_server_url: str, username: str, **extra) -> None:
    """Log the browser in without the form: copy a forced session cookie."""
    user = get_user_model().objects.get_or_create(username=username, defaults=extra)[0]
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "url": live_server_url}]
    )


def save_revisions(role, author, changes: list[dict], comment: str = "") -> list[int]:
    """Save each dict of field changes as one revision by ``author``, through the
    service as the wiki does; the ids of the new versions, oldest first."""
    from reversion.models import Version

    from roles.revisions.snapshots import snapshot_of
    from roles.services import save_role

    before = set(Version.objects.get_for_object(role).values_list("pk", flat=True))
    for change in changes:
        role.refresh_from_db()
        snapshot = snapshot_of(role)
        snapshot["fields"].update(change)
        save_role(
            role=role,
            snapshot=snapshot,
            base_number=role.revision_number,
            user=author,
            comment=comment,
        )
    versions = Version.objects.get_for_object(role).order_by("pk")
    return [pk for pk in versions.values_list("pk", flat=True) if pk not in before]
