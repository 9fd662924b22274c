"""generate_catalogue: synthetic roles for load tests, made through the services,
never in a database that holds someone's edits."""

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from roles.models import Role, RoleCompetency, RoleRelation, RoleTask
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role

pytestmark = pytest.mark.django_db


def _synthetic():
    return Role.objects.filter(slug__startswith="synthetisch-")


def test_makes_marked_roles_with_assignments_relations_and_history(catalogue):
    call_command("generate_catalogue", roles=20, verbosity=0)
    roles = list(_synthetic().order_by("slug"))
    assert len(roles) == 20
    assert all(
        r.is_illustrative and r.title.startswith("Synthetische Rolle") for r in roles
    )
    for role in roles:
        assert RoleTask.objects.filter(role=role).count() == 15
        assert RoleCompetency.objects.filter(role=role).count() == 12
        assert Version.objects.get_for_object(role).count() == (
            2 if role.revision_number == 2 else 1
        )
    assert sum(r.revision_number == 2 for r in roles) == 2  # every tenth edited
    assert RoleRelation.objects.filter(from_role__in=roles[1:]).count() >= 19
    assert all("synthet" in r.search_document.lower() for r in roles)


def test_same_seed_same_catalogue_and_adding_up_to_the_total(catalogue):
    call_command("generate_catalogue", roles=5, verbosity=0)
    first = {r.slug: (r.orientation, r.family) for r in _synthetic()}
    tasks = set(
        RoleTask.objects.filter(role__slug="synthetisch-00003").values_list(
            "task__slug", "responsibility"
        )
    )
    call_command("generate_catalogue", roles=8, verbosity=0)
    assert _synthetic().count() == 8
    assert {
        r.slug: (r.orientation, r.family) for r in _synthetic() if r.slug in first
    } == first
    assert (
        set(
            RoleTask.objects.filter(role__slug="synthetisch-00003").values_list(
                "task__slug", "responsibility"
            )
        )
        == tasks
    )


def test_refuses_a_database_with_edits(catalogue):
    role = Role.objects.get(slug="blogger")
    snapshot = snapshot_of(role)
    snapshot["fields"]["summary"] += " Ergänzt."
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Redaktion",
    )
    with pytest.raises(CommandError, match="Bearbeitungen"):
        call_command("generate_catalogue", roles=3, verbosity=0)
    assert not _synthetic().exists()


def test_the_check_reads_a_synthetic_catalogue(catalogue):
    from hiring.check import check_ad

    call_command("generate_catalogue", roles=30, verbosity=0)
    ad = (
        "Community Manager (m/w/d)\n\n- Moderation\n- Aufbau und Pflege der Community\n"
    )
    result = check_ad(ad)
    assert result.best.slug == "community-manager"
