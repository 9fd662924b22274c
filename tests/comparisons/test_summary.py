"""The generated summary speaks plain German from the data, not from canned text."""

from __future__ import annotations

import pytest

from comparisons.engine import build_comparison
from comparisons.selectors import load_role_data
from comparisons.summary import join_words
from comparisons.tables import Audience
from roles.models import RoleRelation, RoleTask, Task
from tests.comparisons.builders import relation, role, task

MANAGER, CONSULTANT = "social-media-manager", "social-media-berater"


def _summary(slugs, audience=Audience.PLAIN) -> str:
    table = build_comparison(load_role_data(slugs), audience=audience)
    return "\n".join(point.text for point in table.summary)


def _plain_names(**filters) -> list[str]:
    return list(
        RoleTask.objects.filter(**filters).values_list("task__plain_name", flat=True)
    )


@pytest.mark.django_db
def test_manager_alone_implements_what_the_consultant_excludes(catalogue):
    text = _summary([MANAGER, CONSULTANT])
    sentence = next(
        line
        for line in text.splitlines()
        if line.startswith("Nur „Social Media Manager“")
    )
    excluded = _plain_names(role__slug=CONSULTANT, responsibility="excluded")
    implemented = _plain_names(role__slug=MANAGER, task__plain_name__in=excluded)
    assert implemented, "fixture: the manager does tasks the consultant excludes"
    for name in implemented[:4]:
        assert f"„{name}“" in sentence
    assert sentence.endswith("– „Social Media Berater“ ausdrücklich nicht.")


@pytest.mark.django_db
def test_consultant_analyses_from_outside_and_shapes_strategy(catalogue):
    text = _summary([MANAGER, CONSULTANT])
    analysis = Task.objects.get(slug="ist-analyse").plain_name
    assert f"Unterschiedlich verteilt ist „{analysis}“" in text
    assert "„Social Media Berater“ verantwortet" in text
    assert "„Social Media Berater“ überwiegend strategisch, extern" in text
    strategy = Task.objects.get(slug="social-media-strategie").plain_name
    assert f"Dieselbe Aufgabe, anders erledigt – „{strategy}“" in text


@pytest.mark.django_db
def test_summary_says_how_the_roles_work_together(catalogue):
    text = _summary([MANAGER, CONSULTANT])
    support = RoleRelation.objects.get(
        from_role__slug=CONSULTANT, to_role__slug=MANAGER, kind="supports"
    )
    assert (
        "„Social Media Berater“ unterstützt „Social Media Manager“: "
        f"{support.description}" in text
    )


@pytest.mark.django_db
def test_summary_follows_edited_data(catalogue):
    RoleTask.objects.filter(role__slug=CONSULTANT, task__slug="moderation").update(
        responsibility="carries-out"
    )
    text = _summary([MANAGER, CONSULTANT])
    moderation = Task.objects.get(slug="moderation").plain_name
    only_line = next(
        line
        for line in text.splitlines()
        if line.startswith("Nur „Social Media Manager“")
    )
    assert moderation not in only_line


@pytest.mark.django_db
def test_expert_summary_uses_expert_names(catalogue):
    text = _summary([MANAGER, CONSULTANT], Audience.EXPERT)
    assert "„Moderation“" in text


def test_roles_without_relations_say_so():
    table = build_comparison([role("a"), role("b")])
    assert (
        table.summary[-1].text
        == "Zwischen diesen Rollen sind keine Schnittstellen erfasst."
    )


def test_sentence_for_a_task_only_one_role_has():
    a = role(
        "a", tasks=[task("post", "owns")], relations=[relation("b", "unterstützt")]
    )
    table = build_comparison([a, role("b")])
    texts = [p.text for p in table.summary]
    assert "Nur bei „A“: „Alltag-post“." in texts
    assert "„A“ unterstützt „B“." in texts


def test_long_lists_are_shortened_in_words():
    assert join_words(["a", "b", "c"]) == "a, b und c"
    assert join_words(list("abcdefgh"), limit=4) == "a, b, c und 5 weitere"


def test_illustrative_entries_keep_their_marker_in_table_summary_and_exports():
    from dataclasses import replace

    from comparisons.exporters import EXPORTERS

    example = replace(task("post", "owns"), is_illustrative=True)
    table = build_comparison([role("a", tasks=[example]), role("b")])
    summary = " ".join(point.text for point in table.summary)
    assert "„Alltag-post“ (beispielhaft)" in summary
    (cell,) = [
        row.cells[0] for s in table.sections for row in s.rows if row.key == "task-post"
    ]
    assert cell.is_illustrative
    csv_text = EXPORTERS["csv"].render(table).decode("utf-8-sig")
    assert "verantwortet (beispielhaft)" in csv_text
    assert "verantwortet (beispielhaft)" in EXPORTERS["md"].render(table).decode()
