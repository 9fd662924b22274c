"""Role data in the shape the engine needs: plain values, no database access."""

from __future__ import annotations

from dataclasses import dataclass, field

from roles.choices import Responsibility

DOING = {Responsibility.OWNS, Responsibility.CARRIES_OUT, Responsibility.CONTRIBUTES}


@dataclass(frozen=True)
class TaskEntry:
    slug: str
    name: str
    plain_name: str
    area: str
    area_label: str
    responsibility: str
    responsibility_label: str
    note: str = ""


@dataclass(frozen=True)
class CompetencyEntry:
    slug: str
    name: str
    plain_name: str
    kind: str
    kind_label: str
    level: int
    level_label: str
    is_essential: bool = True
    note: str = ""


@dataclass(frozen=True)
class RelationEntry:
    to_slug: str
    kind: str
    kind_label: str
    description: str = ""


@dataclass(frozen=True)
class Fact:
    """One 'at a glance' value; ``code`` compares, the labels are shown."""

    key: str
    label: str
    expert_label: str
    plain: str
    expert: str
    code: str


@dataclass(frozen=True)
class RoleData:
    slug: str
    title: str
    url: str
    summary: str
    orientation: int
    orientation_label: str
    position: str
    position_label: str
    facts: tuple[Fact, ...] = ()
    tasks: tuple[TaskEntry, ...] = ()
    competencies: tuple[CompetencyEntry, ...] = ()
    relations: tuple[RelationEntry, ...] = field(default_factory=tuple)


def is_doing(entry: TaskEntry | None) -> bool:
    """True when a role takes part in a task: owns, carries out or contributes."""
    return entry is not None and entry.responsibility in DOING
