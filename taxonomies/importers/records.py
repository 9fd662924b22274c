"""What a parser hands to the store: plain records, no database."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from taxonomies.importers.files import FileRead


@dataclass(slots=True)
class ConceptRecord:
    scheme: str
    code: str
    notation: str = ""
    label: str = ""
    alt_labels: list[str] = field(default_factory=list)
    hidden_labels: list[str] = field(default_factory=list)
    description: str = ""
    group_code: str = ""
    status: str = ""


@dataclass(slots=True)
class SkillRecord:
    label: str
    relation: str
    skill_type: str = ""
    importance: float | None = None
    level: float | None = None
    not_relevant: bool = False
    suppress: bool = False


@dataclass(slots=True)
class Parsed:
    """Everything one import read, checked and ready to store."""

    source: str
    version: str
    language: str
    concepts: dict[tuple[str, str], ConceptRecord] = field(default_factory=dict)
    tasks: dict[str, dict[str, tuple[str, str]]] | None = None
    """Occupation code → task id → (statement, kind); None: no task file given."""
    skills: dict[str, dict[str, SkillRecord]] | None = None
    """Occupation code → skill code → record; None: no skill file given."""
    files: list[FileRead] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    """Reason → rows left out."""
    extra: dict = field(default_factory=dict)
    """Anything worth recording in the import's summary (e.g. O*NET's scales)."""


def split_labels(text: str) -> list[str]:
    """ESCO keeps several labels in one field, one per line (inside quotes)."""
    return [
        label.strip() for label in text.replace("\r", "\n").split("\n") if label.strip()
    ]
