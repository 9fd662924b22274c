"""The check follows the wiki: an edit through the services changes its answer on
the next request, in this process and in any other (the index is rebuilt when
the catalogue's signature changes)."""

import pytest

from hiring.check import check_ad
from roles.models import Role, Task
from roles.revisions.snapshots import snapshot_of
from roles.services import save_catalogue_entry, save_role

pytestmark = pytest.mark.django_db
AD = "Social Media Manager (m/w/d)\n\n- Betreuung unseres Maskottchens Fridolin\n"


def test_a_new_ad_phrase_is_recognised_on_the_next_check(catalogue):
    # The title names a role, so the check answers; but it sees no task yet.
    assert check_ad(AD).tasks == []
    task = Task.objects.get(slug="community-aufbau")
    task.ad_phrases += "\nBetreuung unseres Maskottchens"
    save_catalogue_entry(
        entry=task, base_number=task.revision_number, user=None, comment="Phrase"
    )
    result = check_ad(AD)
    assert [t.entry.slug for t in result.tasks] == ["community-aufbau"]
    assert "Betreuung unseres Maskottchens" in result.tasks[0].matched[0]


def test_a_role_edit_changes_the_scores_on_the_next_check(catalogue):
    ad = "Community Manager (m/w/d)\n\n- Aufbau und Pflege der Community\n"
    before = check_ad(ad)
    assert before.best.slug == "community-manager"
    role = Role.objects.get(slug="community-manager")
    snapshot = snapshot_of(role)
    task_pk = str(Task.objects.get(slug="community-aufbau").pk)
    snapshot["tasks"][task_pk]["responsibility"] = "excluded"
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Test",
    )
    after = check_ad(ad)
    fits = {fit.slug: fit for fit in after.roles}
    assert fits["community-manager"].score < before.best.score
    assert "community-aufbau" in fits["community-manager"].excluded
    assert any(w.kind == "excluded" for w in after.warnings)
