"""The role page reads the read model (roles.readmodels.RoleData) as the
comparison, exports and API do, in few queries, cold and warm."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roles.readmodels import (
    COMPETENCY_URL,
    TASK_URL,
    CompetencyEntry,
    RoleData,
    TaskEntry,
    load_role_data,
)
from roles.revisions import history
from roles.selectors import current_role_page, page_from_snapshot
from tests.builders import assign_competency, assign_task, make_role, relate

pytestmark = pytest.mark.django_db
SMM = "social-media-manager"


def test_entry_addresses_agree_with_the_url_configuration():
    task, competency = (
        reverse("roles:task", args=["x"]),
        reverse("roles:competency", args=["x"]),
    )
    assert TASK_URL.replace("slug-placeholder", "x") == task
    assert COMPETENCY_URL.replace("slug-placeholder", "x") == competency


def test_the_role_pages_lists_are_the_read_models_entries(catalogue):
    page = current_role_page(SMM)
    assert page.data == load_role_data([SMM], whole=True)[0]
    assert isinstance(page.data, RoleData)
    tasks = [entry for group in page.task_groups for entry in group.items]
    assert tasks and all(isinstance(entry, TaskEntry) for entry in tasks)
    assert {e.slug for e in [*tasks, *page.excluded_tasks]} == {
        e.slug for e in page.data.tasks
    }
    competencies = [e for group in page.competency_groups for e in group.items]
    assert all(isinstance(entry, CompetencyEntry) for entry in competencies)
    assert page.relations == [*page.data.relations, *page.data.relations_in]


def test_relations_both_ways_carry_both_ends():
    role, other = make_role(title="Eins"), make_role(title="Zwei")
    relate(role, other, kind="supports", description="hilft")
    relate(other, role, kind="collaborates")
    page = current_role_page(role.slug)
    out, incoming = page.relations
    assert (out.from_title, out.kind, out.to_title) == ("Eins", "supports", "Zwei")
    assert out.to_url == other.get_absolute_url() and out.description == "hilft"
    assert (incoming.from_slug, incoming.to_slug) == (other.slug, role.slug)


def test_an_old_revision_is_shown_from_the_same_shape(wiki_role):
    version = history.versions_of(wiki_role).first()
    page = page_from_snapshot(wiki_role, history.snapshot_at(version))
    assert isinstance(page.data, RoleData)
    current = current_role_page(wiki_role.slug).data
    assert page.data.tasks == current.tasks
    assert page.data.competencies == current.competencies
    assert page.data.relations == current.relations


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_role_page_asks_nine_queries_cold_and_two_warm(client):
    role = make_role()
    for _ in range(5):
        assign_task(role)
        assign_competency(role)
    relate(role, make_role())
    relate(make_role(), role)
    url = role.get_absolute_url()
    # cold: stamp, the role's row with its open proposals, the read model (role,
    # tasks, competencies, relations both ways, codes), the last revision
    assert _queries(client, url) == 9
    # warm: stamp and the role's row; the rest is the cached parts
    assert _queries(client, url) == 2


def test_loading_role_data_takes_four_queries_six_whole(catalogue):
    slugs = [SMM, "community-manager", "blogger"]
    with CaptureQueriesContext(connection) as plain:
        assert len(load_role_data(slugs)) == 3
    with CaptureQueriesContext(connection) as whole:
        load_role_data(slugs, whole=True)
    assert (len(plain.captured_queries), len(whole.captured_queries)) == (4, 6)
