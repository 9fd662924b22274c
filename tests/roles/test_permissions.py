"""Every write URL, for every persona: allowed, refused with 403, or sent to log in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from roles.revisions.snapshots import snapshot_of
from tests.roles.forms import edit_data

pytestmark = pytest.mark.django_db
SLUG = "testrolle"
EDIT = reverse("roles:edit", args=[SLUG])


@pytest.fixture
def revision(client_for, maintainer, wiki_role):
    """One saved revision to revert to, and the form data that made it."""
    client = client_for(maintainer)
    data = edit_data(client.get(EDIT))
    client.post(EDIT, data)
    return Version.objects.get_for_object(Role.objects.get(slug=SLUG)).get(), data


def _state():
    role = Role.objects.get(slug=SLUG)
    return snapshot_of(role), role.revision_number


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 302), ("reader", 403), ("editor", 200), ("maintainer", 200)],
)
@pytest.mark.parametrize("url", [EDIT, reverse("roles:create")])
def test_opening_an_edit_form(request, client_for, wiki_role, persona, status, url):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(url)
    assert response.status_code == status
    if status == 302:
        assert response.headers["Location"].startswith("/accounts/login/")
    if status == 403:
        assert "Keine Berechtigung" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 403), ("reader", 403), ("editor", 302), ("maintainer", 302)],
)
def test_saving_an_edit(request, client_for, revision, persona, status):
    _version, data = revision
    before = _state()
    user = request.getfixturevalue(persona) if persona else None
    data = {**data, "summary": "Von außen geänderte Kurzbeschreibung."}
    assert client_for(user).post(EDIT, data).status_code == status
    if status == 403:
        assert _state() == before


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 403), ("reader", 403), ("editor", 403), ("maintainer", 302)],
)
def test_reverting(request, client_for, revision, persona, status):
    version, _data = revision
    before = _state()
    user = request.getfixturevalue(persona) if persona else None
    number = Role.objects.get(slug=SLUG).revision_number
    response = client_for(user).post(
        reverse("roles:revert", args=[SLUG, version.pk]), {"base_number": number}
    )
    assert response.status_code == status
    if status == 403:
        assert _state() == before


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 403), ("reader", 403), ("editor", 302), ("maintainer", 302)],
)
def test_protected_roles_only_maintainers_edit(
    request, client_for, revision, persona, status
):
    """Editors may only propose on a protected role (Step 10): the role stays."""
    _version, data = revision
    Role.objects.filter(slug=SLUG).update(is_protected=True)
    before = _state()
    user = request.getfixturevalue(persona) if persona else None
    data = {
        **data,
        "summary": "Geänderte Kurzbeschreibung.",
        "is_protected": "on",
        "edit_summary": "Klarer formuliert",
    }
    response = client_for(user).post(EDIT, data)
    assert response.status_code == status
    if persona != "maintainer":
        assert _state() == before
    if persona == "editor":
        assert "/proposals/" in response["Location"]


def test_only_maintainers_see_the_protect_switch(
    client_for, editor, maintainer, wiki_role
):
    assert 'name="is_protected"' not in client_for(editor).get(EDIT).content.decode()
    assert 'name="is_protected"' in client_for(maintainer).get(EDIT).content.decode()


def test_editor_cannot_protect_by_posting_the_field(client_for, editor, revision):
    _version, data = revision
    client_for(editor).post(EDIT, {**data, "is_protected": "on"})
    assert Role.objects.get(slug=SLUG).is_protected is False


def test_post_without_csrf_token_is_refused(editor, revision):
    _version, data = revision
    before = _state()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(EDIT, {**data, "summary": "Ohne Token."})
    assert response.status_code == 403
    assert _state() == before


def test_edit_link_only_for_those_who_may_edit(client_for, reader, editor, wiki_role):
    link = f'href="{EDIT}"'
    assert (
        link
        not in client_for(None)
        .get(reverse("roles:detail", args=[SLUG]))
        .content.decode()
    )
    assert (
        link
        not in client_for(reader)
        .get(reverse("roles:detail", args=[SLUG]))
        .content.decode()
    )
    assert (
        link
        in client_for(editor).get(reverse("roles:detail", args=[SLUG])).content.decode()
    )
