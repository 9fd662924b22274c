"""Three-way merge of snapshots: pure, no database."""

from __future__ import annotations

from roles.revisions.merge import three_way_merge


def _snapshot(**fields) -> dict:
    return {"fields": fields, "tasks": {}, "competencies": {}, "relations": {}}


def test_list_fields_merge_line_by_line_when_both_add():
    base = _snapshot(aliases="SoMe-Manager", summary="Alt.")
    theirs = _snapshot(aliases="SoMe-Manager\nSocial-Media-Managerin", summary="Alt.")
    mine = _snapshot(aliases="SoMe-Manager\nFacebook-Manager", summary="Alt.")
    result = three_way_merge(base, theirs, mine)
    assert result.is_clean
    assert result.merged["fields"]["aliases"] == (
        "SoMe-Manager\nSocial-Media-Managerin\nFacebook-Manager"
    )


def test_a_line_one_side_removed_stays_removed():
    base = _snapshot(goals="Ziel A\nZiel B")
    theirs = _snapshot(goals="Ziel A\nZiel B\nZiel C")
    mine = _snapshot(goals="Ziel A")
    result = three_way_merge(base, theirs, mine)
    assert result.is_clean
    assert result.merged["fields"]["goals"] == "Ziel A\nZiel C"


def test_prose_fields_still_conflict_when_both_change():
    base = _snapshot(summary="Alt.")
    result = three_way_merge(
        base, _snapshot(summary="Ihre."), _snapshot(summary="Meine.")
    )
    assert result.conflicts == [("fields", "summary")]


def test_one_sided_changes_win_without_conflict():
    base = _snapshot(summary="Alt.", placement="Marketing")
    theirs = _snapshot(summary="Ihre.", placement="Marketing")
    mine = _snapshot(summary="Alt.", placement="Stabsstelle")
    result = three_way_merge(base, theirs, mine)
    assert result.is_clean
    assert result.merged["fields"] == {"summary": "Ihre.", "placement": "Stabsstelle"}
