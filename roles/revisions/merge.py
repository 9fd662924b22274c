"""Three-way merge of role snapshots, as wikis do when two edits cross.

Where only one side changed a field or an assignment, that change wins; where both
changed the same thing differently, it is a conflict the person must resolve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roles.revisions.snapshots import SECTIONS, Snapshot
from roles.schema import FIELDS_BY_NAME

MISSING = object()


@dataclass
class MergeResult:
    merged: Snapshot
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """(section, key) pairs both sides changed differently."""

    @property
    def is_clean(self) -> bool:
        return not self.conflicts


def _merge_value(base: Any, theirs: Any, mine: Any) -> tuple[Any, bool]:
    """(value, conflicted) for one field or one assignment row."""
    if mine == theirs or mine == base:
        return theirs, False
    if theirs == base:
        return mine, False
    return mine, True


def _merge_lines(base: str, theirs: str, mine: str) -> str:
    """Both sides' list edits: their lines, less what I removed, plus what I added."""
    base_lines, mine_lines = _lines(base), _lines(mine)
    removed = set(base_lines) - set(mine_lines)
    kept = [line for line in _lines(theirs) if line not in removed]
    added = [line for line in mine_lines if line not in base_lines and line not in kept]
    return "\n".join(kept + added)


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _merge_field(name: str, base: Any, theirs: Any, mine: Any) -> tuple[Any, bool]:
    value, conflicted = _merge_value(base, theirs, mine)
    spec = FIELDS_BY_NAME.get(name)
    if conflicted and spec is not None and spec.merge == "lines":
        return _merge_lines(base, theirs, mine), False
    return value, conflicted


def _merge_section(base: dict, theirs: dict, mine: dict, section: str, result) -> dict:
    merged = {}
    for key in sorted({*base, *theirs, *mine}):
        args = base.get(key, MISSING), theirs.get(key, MISSING), mine.get(key, MISSING)
        if section == "fields" and MISSING not in args:
            value, conflicted = _merge_field(key, *args)
        else:
            value, conflicted = _merge_value(*args)
        if conflicted:
            result.conflicts.append((section, key))
        if value is not MISSING:
            merged[key] = value
    return merged


def three_way_merge(base: Snapshot, theirs: Snapshot, mine: Snapshot) -> MergeResult:
    """Merge ``mine`` (the submitted form) onto ``theirs`` (saved meanwhile)."""
    result = MergeResult(merged={})
    result.merged["fields"] = _merge_section(
        base["fields"], theirs["fields"], mine["fields"], "fields", result
    )
    for section in SECTIONS:
        result.merged[section] = _merge_section(
            base.get(section, {}),
            theirs.get(section, {}),
            mine.get(section, {}),
            section,
            result,
        )
    return result
