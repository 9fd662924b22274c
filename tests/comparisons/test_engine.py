"""The pure engine: rows line up, know how they differ, and filter and reword."""

from __future__ import annotations

import pytest

from comparisons.engine import build_comparison
from comparisons.tables import Audience, Difference
from tests.comparisons.builders import competency, relation, role, task


def _row(table, key):
    return next(row for s in table.sections for row in s.rows if row.key == key)


def test_too_few_or_too_many_roles_is_refused():
    with pytest.raises(ValueError):
        build_comparison([role("a")])
    with pytest.raises(ValueError):
        build_comparison([role(str(n)) for n in range(7)])


def test_columns_keep_the_chosen_order():
    table = build_comparison([role("b"), role("a"), role("c")])
    assert table.role_slugs == ["b", "a", "c"]


def test_owned_here_and_excluded_there_is_the_heaviest_difference():
    table = build_comparison(
        [
            role("a", tasks=[task("post", "owns")]),
            role("b", tasks=[task("post", "excluded")]),
        ]
    )
    row = _row(table, "task-post")
    assert row.difference == Difference.EXCLUDED
    assert row.difference_label == "bei einer Rolle ausdrücklich nicht ihre Aufgabe"
    assert row.weight == 4
    assert [c.code for c in row.cells] == ["owns", "excluded"]


def test_weights_rank_the_kinds_of_difference():
    def weight(a: str | None, b: str | None) -> float:
        first = role("a", tasks=[task("t", a)] if a else [])
        second = role("b", tasks=[task("t", b)] if b else [])
        return _row(build_comparison([first, second]), "task-t").weight

    excluded = weight("owns", "excluded")
    assert excluded > weight("owns", "contributes") > weight("owns", "carries-out")
    assert weight("owns", "carries-out") > weight("owns", None) > 0
    a = role("a", tasks=[task("t", "owns", "allein")])
    b = role("b", tasks=[task("t", "owns", "im Team")])
    note = _row(build_comparison([a, b]), "task-t").weight
    assert weight("owns", "contributes") > note > weight("owns", None)


def test_labels_count_roles_instead_of_saying_some():
    table = build_comparison([role("a", tasks=[task("t", "owns")]), role("b")])
    assert _row(table, "task-t").difference_label == "nur eine Rolle übernimmt das"
    three = build_comparison(
        [
            role("a", tasks=[task("t", "owns")]),
            role("b", tasks=[task("t", "owns")]),
            role("c"),
        ]
    )
    label = _row(three, "task-t").difference_label
    assert label == "nur 2 von 3 Rollen übernehmen das"


def test_competency_rows_speak_of_levels_not_responsibilities():
    a = role("a", competencies=[competency("k", 4)])
    b = role("b", competencies=[competency("k", 2)])
    row = _row(build_comparison([a, b]), "competency-k")
    assert row.difference_label == "unterschiedliche Stufe"
    assert row.weight == 2
    only = build_comparison([a, role("b")])
    assert _row(only, "competency-k").difference_label == "nur eine Rolle braucht das"


def test_key_only_keeps_the_heavy_rows_and_lists_them_first():
    a = role("a", tasks=[task("x", "owns"), task("y", "owns", "allein")])
    b = role("b", tasks=[task("x", "excluded"), task("y", "owns", "im Team")])
    table = build_comparison([a, b], key_only=True)
    keys = [row.key for section in table.sections for row in section.rows]
    assert keys == ["task-x"]
    assert [row.key for row in table.key_differences] == ["task-x"]


def test_task_missing_for_a_role_gives_an_empty_cell():
    table = build_comparison([role("a", tasks=[task("post", "owns")]), role("b")])
    row = _row(table, "task-post")
    assert row.cells[1].is_empty
    assert row.difference == Difference.ONLY_SOME


def test_different_responsibility_is_named():
    a = role("a", tasks=[task("plan", "owns")])
    b = role("b", tasks=[task("plan", "contributes")])
    assert (
        _row(build_comparison([a, b]), "task-plan").difference
        == Difference.RESPONSIBILITY
    )


def test_same_responsibility_with_other_note_is_done_differently():
    a = role("a", tasks=[task("plan", "owns", "allein")])
    b = role("b", tasks=[task("plan", "owns", "im Team")])
    assert _row(build_comparison([a, b]), "task-plan").difference == Difference.NOTE


def test_identical_task_is_the_same():
    a = role("a", tasks=[task("plan", "owns", "x")])
    b = role("b", tasks=[task("plan", "owns", "x")])
    row = _row(build_comparison([a, b]), "task-plan")
    assert row.difference == Difference.SAME and not row.differs


def test_competency_level_difference():
    a = role("a", competencies=[competency("empathie", 4)])
    b = role("b", competencies=[competency("empathie", 2)])
    row = _row(build_comparison([a, b]), "competency-empathie")
    assert row.difference == Difference.LEVEL
    assert [c.code for c in row.cells] == ["4", "2"]


def test_only_differences_hides_equal_rows_and_empty_sections():
    a = role("a", tasks=[task("same", "owns"), task("diff", "owns")])
    b = role("b", tasks=[task("same", "owns"), task("diff", "excluded")])
    table = build_comparison([a, b], only_differences=True)
    keys = [row.key for s in table.sections for row in s.rows]
    assert "task-diff" in keys
    assert "task-same" not in keys
    assert "fact-position" not in keys
    assert all(section.rows for section in table.sections)


def test_expert_wording_changes_labels_not_structure():
    a = role("a", tasks=[task("post", "owns")])
    b = role("b", tasks=[task("post", "excluded")])
    plain = build_comparison([a, b], audience=Audience.PLAIN)
    expert = build_comparison([a, b], audience=Audience.EXPERT)
    assert _row(plain, "task-post").label == "Alltag-post"
    assert _row(expert, "task-post").label == "Fach-post"
    assert [r.key for s in plain.sections for r in s.rows] == [
        r.key for s in expert.sections for r in s.rows
    ]


def test_relation_row_only_for_related_compared_roles():
    a = role("a", relations=[relation("b", "supports", "hilft"), relation("z")])
    table = build_comparison([a, role("b"), role("c")])
    rows = [r for s in table.sections if s.key == "relations" for r in s.rows]
    assert [r.key for r in rows] == ["relation-a-b"]
    assert rows[0].cells[0].text == "supports B: hilft"
    assert rows[0].cells[2].is_empty


def test_competency_profile_gives_each_role_its_level_per_competency():
    a = role("a", competencies=[competency("x", 4), competency("y", 1)])
    b = role("b", competencies=[competency("y", 3)])
    chart = build_comparison([a, b]).competency_chart
    assert [(row.label, row.values) for row in chart] == [
        ("Alltag-x", (4, None)),  # most demanded first within the kind
        ("Alltag-y", (1, 3)),
    ]
    assert {row.kind for row in chart} == {"Sozialkompetenz"}
