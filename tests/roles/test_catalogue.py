"""The shipped catalogue: complete, consistent, and safe to load again."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from core.markdown import render_markdown
from roles.models import Competency, Role, RoleCompetency, RoleRelation, RoleTask, Task

pytestmark = pytest.mark.django_db

IMPLEMENTATION_TASKS = [
    "beitraege-schreiben",
    "veroeffentlichen",
    "fragen-beantworten",
    "moderation",
]
EXPECTED_ROLES = {
    "social-media-manager",
    "junior-social-media-manager",
    "senior-social-media-manager",
    "social-media-berater",
    "community-manager",
    "junior-community-manager",
    "senior-community-manager",
    "corporate-community-manager",
    "pr-berater",
    "online-redakteur",
    "blogger",
    "facebook-manager",
    "social-media-trainer",
    "grafikdesigner",
    "webentwickler",
    "seo-manager",
}


def _counts() -> tuple[int, ...]:
    models = (Role, Task, Competency, RoleTask, RoleCompetency, RoleRelation)
    return tuple(model.objects.count() for model in models)


def test_catalogue_holds_every_role_the_brief_names(catalogue):
    assert set(Role.objects.values_list("slug", flat=True)) == EXPECTED_ROLES


def test_every_role_has_summary_six_tasks_six_competencies_and_an_exclusion(catalogue):
    for role in Role.objects.all():
        assignments = role.task_assignments.all()
        assert len(role.summary) > 80, role.slug
        assert assignments.count() >= 6, role.slug
        assert role.competency_assignments.count() >= 6, role.slug
        assert assignments.filter(responsibility="excluded").exists(), role.slug


def test_every_role_names_sources_or_is_marked_illustrative(catalogue):
    for role in Role.objects.all():
        assert role.source_list or role.is_illustrative, role.slug


def test_manager_implements_what_the_consultant_explicitly_does_not(catalogue):
    def responsibilities(slug: str) -> dict[str, str]:
        rows = RoleTask.objects.filter(
            role__slug=slug, task__slug__in=IMPLEMENTATION_TASKS
        )
        return dict(rows.values_list("task__slug", "responsibility"))

    manager = responsibilities("social-media-manager")
    consultant = responsibilities("social-media-berater")
    assert set(manager.values()) <= {"owns", "carries-out"}
    assert set(consultant.values()) == {"excluded"}
    assert set(manager) == set(consultant) == set(IMPLEMENTATION_TASKS)


def test_consultant_is_more_strategic_and_external(catalogue):
    manager = Role.objects.get(slug="social-media-manager")
    consultant = Role.objects.get(slug="social-media-berater")
    assert consultant.orientation < manager.orientation
    assert (consultant.position, manager.position) == ("external", "internal")


def test_manager_salary_carries_its_source(catalogue):
    manager = Role.objects.get(slug="social-media-manager")
    assert (manager.salary_min, manager.salary_max) == (2800, 4000)
    assert manager.salary_source


def test_loading_twice_duplicates_nothing(db):
    call_command("loaddata", "fixtures/catalogue.json", verbosity=0)
    first = _counts()
    call_command("loaddata", "fixtures/catalogue.json", verbosity=0)
    assert _counts() == first
    assert first[0] == len(EXPECTED_ROLES)


def test_load_catalogue_never_overwrites_edits(catalogue):
    Role.objects.filter(slug="blogger").update(summary="Von Hand geändert.")
    call_command("load_catalogue", verbosity=0)
    assert Role.objects.get(slug="blogger").summary == "Von Hand geändert."


def test_stored_definition_html_matches_the_markdown(catalogue):
    for role in Role.objects.all():
        assert role.definition_html == render_markdown(role.definition), role.slug


def test_every_shipped_entry_starts_with_one_revision(catalogue):
    from reversion.models import Version

    for model in (Role, Task, Competency):
        for entry in model.objects.all():
            versions = Version.objects.get_for_object(entry)
            assert versions.count() == 1, entry
            assert versions.get().revision.get_comment() == "Mitgelieferter Katalog"
            assert entry.revision_number == 1, entry


def test_first_edit_of_a_shipped_role_can_be_diffed_and_reverted(
    catalogue, client_for, maintainer
):
    from django.urls import reverse
    from reversion.models import Version

    from roles.revisions.snapshots import snapshot_of
    from tests.roles.forms import edit_data

    client = client_for(maintainer)
    url = reverse("roles:edit", args=["community-manager"])
    shipped = snapshot_of(Role.objects.get(slug="community-manager"))
    data = edit_data(client.get(url))
    data["summary"] = "Die erste Bearbeitung seit dem Katalog."
    assert client.post(url, data).status_code == 302
    role = Role.objects.get(slug="community-manager")
    new, old = Version.objects.get_for_object(role)[:2]
    diff = client.get(
        reverse("roles:diff", args=[role.slug]), {"from": old.pk, "to": new.pk}
    )
    assert "Die erste Bearbeitung seit dem Katalog.</ins>" in diff.content.decode()
    revert = reverse("roles:revert", args=[role.slug, old.pk])
    assert client.post(revert, {"base_number": role.revision_number}).status_code == 302
    assert snapshot_of(Role.objects.get(slug="community-manager")) == shipped
