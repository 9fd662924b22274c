"""Writing an import: compare with what is stored, then write only the difference.

All in one transaction: a file that fails halfway (or a database that does)
leaves the tables as they were. A second run of the same files finds nothing to
change and writes nothing, not even an import record.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from taxonomies.importers.records import ConceptRecord, Parsed, SkillRecord
from taxonomies.matching import label_keys
from taxonomies.models import (
    Concept,
    ConceptChange,
    ConceptSkill,
    ConceptTask,
    Scheme,
    Source,
    TaxonomyImport,
)
from taxonomies.sources import SOURCES, version_key

BATCH = 500
CHUNK = 5_000
"""Stored rows are streamed into the comparison, not held twice."""
SCHEMES = {Source.ESCO: [Scheme.ESCO, Scheme.ISCO], Source.ONET: [Scheme.ONET]}
COMPARED = (
    "notation",
    "labels",
    "alt_labels",
    "hidden_labels",
    "descriptions",
    "group_code",
    "status",
)


class ImportRefused(Exception):
    """The files are fine, but importing them would be wrong (e.g. older data)."""


@dataclass
class ImportResult:
    taxonomy_import: TaxonomyImport | None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    not_in_files: int = 0
    tasks: Counter = field(default_factory=Counter)
    skills: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)

    @property
    def changed_anything(self) -> bool:
        return self.taxonomy_import is not None

    def as_summary(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "not_in_files": self.not_in_files,
            "tasks": dict(self.tasks),
            "skills": dict(self.skills),
            "skipped": dict(self.skipped),
        }


def store(parsed: Parsed) -> ImportResult:
    with transaction.atomic():
        _one_import_at_a_time(parsed.source)
        _refuse_older(parsed)
        return _Writer(parsed).run()


def _one_import_at_a_time(source: str) -> None:
    """Two imports of one source at once (two terminals, two servers) would both
    insert the same concepts. On PostgreSQL the second waits for the first and
    then finds its work done; SQLite lets only one writer in anyway."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"import:{source}".encode()).digest()[:4])
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _refuse_older(parsed: Parsed) -> None:
    latest = (
        TaxonomyImport.objects.filter(source=parsed.source, language=parsed.language)
        .order_by("-pk")
        .first()
    )
    if latest and version_key(parsed.version) < version_key(latest.version):
        raise ImportRefused(
            _(
                "Version %(version)s ist älter als die schon importierte %(latest)s "
                "(%(date)s). Nichts importiert."
            )
            % {
                "version": parsed.version,
                "latest": latest.version,
                "date": f"{latest.imported_at:%Y-%m-%d}",
            }
        )


def _merged(old: dict, language: str, value) -> dict:
    """Per-language values: this import's language replaced, the others kept."""
    merged = {key: item for key, item in old.items() if key != language}
    if value:
        merged[language] = value
    return dict(sorted(merged.items()))


class _Writer:
    def __init__(self, parsed: Parsed):
        self.parsed = parsed
        self.language = parsed.language
        self.result = ImportResult(None, skipped=Counter(parsed.skipped))
        self.import_row: TaxonomyImport | None = None

    def run(self) -> ImportResult:
        schemes = SCHEMES[self.parsed.source]
        existing = {
            (c.scheme, c.code): c for c in Concept.objects.filter(scheme__in=schemes)
        }
        new, changed = self._plan_concepts(existing)
        self.result.not_in_files = len(set(existing) - set(self.parsed.concepts))
        ids = {key: c.pk for key, c in existing.items()}
        task_plan = self._plan_tasks(ids) if self.parsed.tasks is not None else None
        skill_plan = self._plan_skills(ids) if self.parsed.skills is not None else None
        if not (new or changed or _any(task_plan) or _any(skill_plan)):
            return self.result
        self.import_row = self._record_import()
        self._write_concepts(new, changed)
        ids.update(
            {
                (scheme, code): pk
                for scheme, code, pk in Concept.objects.filter(
                    scheme__in=schemes
                ).values_list("scheme", "code", "pk")
            }
        )
        if task_plan is not None:
            self._write_tasks(self._plan_tasks(ids))
        if skill_plan is not None:
            self._write_skills(self._plan_skills(ids))
        self.import_row.summary = self.result.as_summary() | self.parsed.extra
        self.import_row.save(update_fields=["summary"])
        self.result.taxonomy_import = self.import_row
        return self.result

    # --- concepts ---------------------------------------------------------------

    def _values(self, record: ConceptRecord, old: Concept | None) -> dict[str, Any]:
        lang = self.language
        before = (lambda name: getattr(old, name)) if old else (lambda name: {})
        values = {
            "notation": record.notation,
            "labels": _merged(before("labels"), lang, record.label),
            "alt_labels": _merged(before("alt_labels"), lang, record.alt_labels),
            "hidden_labels": _merged(
                before("hidden_labels"), lang, record.hidden_labels
            ),
            "descriptions": _merged(before("descriptions"), lang, record.description),
            "group_code": record.group_code,
            "status": record.status,
        }
        return values

    def _plan_concepts(self, existing: dict) -> tuple[list[Concept], list]:
        new, changed = [], []
        for key, record in self.parsed.concepts.items():
            old = existing.get(key)
            values = self._values(record, old)
            if old is None:
                new.append(Concept(scheme=record.scheme, code=record.code, **values))
                continue
            diff = {
                name: [getattr(old, name), value]
                for name, value in values.items()
                if getattr(old, name) != value
            }
            if diff or old.source_version != self.parsed.version:
                changed.append((old, values, diff))
            else:
                self.result.unchanged += 1
        self.result.added = len(new)
        self.result.updated = sum(1 for _old, _values, diff in changed if diff)
        self.result.unchanged += len(changed) - self.result.updated
        return new, changed

    def _finish(self, concept: Concept) -> Concept:
        concept.source_version = self.parsed.version
        concept.last_import = self.import_row
        concept.label_keys = label_keys(concept.labels, concept.alt_labels)
        words = [concept.code, concept.notation, *concept.labels.values()]
        for values in (*concept.alt_labels.values(), *concept.hidden_labels.values()):
            words.extend(values)
        concept.search_text = "\n".join(words).casefold()
        return concept

    def _write_concepts(self, new: list[Concept], changed: list) -> None:
        Concept.objects.bulk_create([self._finish(c) for c in new], batch_size=BATCH)
        rows, changes = [], []
        for concept, values, diff in changed:
            for name, value in values.items():
                setattr(concept, name, value)
            rows.append(self._finish(concept))
            if diff:
                changes.append(
                    ConceptChange(
                        taxonomy_import=self.import_row, concept=concept, fields=diff
                    )
                )
        fields = [
            *COMPARED,
            "source_version",
            "last_import",
            "label_keys",
            "search_text",
        ]
        Concept.objects.bulk_update(rows, fields, batch_size=BATCH)
        ConceptChange.objects.bulk_create(changes, batch_size=BATCH)

    def _record_import(self) -> TaxonomyImport:
        info = SOURCES[self.parsed.source]
        files = [f.as_dict() for f in self.parsed.files]
        combined = hashlib.sha256("".join(f["sha256"] for f in files).encode())
        return TaxonomyImport.objects.create(
            source=self.parsed.source,
            version=self.parsed.version,
            language=self.language,
            licence=info.licence,
            attribution=info.attribution(self.parsed.version),
            files=files,
            checksum=combined.hexdigest(),
        )

    # --- tasks and skills: rows per concept, compared by their own code ---------

    def _plan_tasks(self, ids: dict) -> dict:
        wanted = {
            (ids.get((Scheme.ONET, code)), task_id): values
            for code, tasks in self.parsed.tasks.items()
            for task_id, values in tasks.items()
        }
        stored = {
            (concept_id, task_id): (pk, (statement, kind))
            for pk, concept_id, task_id, statement, kind in ConceptTask.objects.filter(
                concept__scheme=Scheme.ONET
            )
            .values_list("pk", "concept_id", "task_id", "statement", "kind")
            .iterator(chunk_size=CHUNK)
        }
        return _row_plan(wanted, self._in_files(stored, ids, Scheme.ONET))

    def _write_tasks(self, plan: dict) -> None:
        ConceptTask.objects.bulk_create(
            [
                ConceptTask(concept_id=cid, task_id=tid, statement=s, kind=k)
                for (cid, tid), (s, k) in plan["add"].items()
            ],
            batch_size=BATCH,
        )
        updates = []
        for pk, (statement, kind) in plan["change"].items():
            updates.append(ConceptTask(pk=pk, statement=statement, kind=kind))
        ConceptTask.objects.bulk_update(
            updates, ["statement", "kind"], batch_size=BATCH
        )
        ConceptTask.objects.filter(pk__in=plan["remove"]).delete()
        self.result.tasks.update(_counts(plan))

    def _skill_values(self, record: SkillRecord, old_labels: dict) -> tuple:
        return (
            _merged(old_labels, self.language, record.label),
            record.relation,
            record.skill_type,
            _decimal(record.importance),
            _decimal(record.level),
            record.not_relevant,
            record.suppress,
        )

    def _plan_skills(self, ids: dict) -> dict:
        scheme = SCHEMES[self.parsed.source][0]
        stored = {
            (row[1], row[2]): (row[0], tuple(row[3:]))
            for row in ConceptSkill.objects.filter(concept__scheme=scheme)
            .values_list("pk", "concept_id", "skill_code", *SKILL_FIELDS)
            .iterator(chunk_size=CHUNK)
        }
        wanted = {}
        for code, skills in self.parsed.skills.items():
            concept_id = ids.get((scheme, code))
            for skill_code, record in skills.items():
                old = stored.get((concept_id, skill_code))
                wanted[(concept_id, skill_code)] = self._skill_values(
                    record, old[1][0] if old else {}
                )
        return _row_plan(wanted, self._in_files(stored, ids, scheme))

    def _in_files(self, stored: dict, ids: dict, scheme: str) -> dict:
        """Only the occupations in these files: rows of others stay as they are."""
        in_files = {ids.get(key) for key in self.parsed.concepts if key[0] == scheme}
        return {key: value for key, value in stored.items() if key[0] in in_files}

    def _write_skills(self, plan: dict) -> None:
        ConceptSkill.objects.bulk_create(
            [
                ConceptSkill(
                    concept_id=cid,
                    skill_code=code,
                    **dict(zip(SKILL_FIELDS, v, strict=True)),
                )
                for (cid, code), v in plan["add"].items()
            ],
            batch_size=BATCH,
        )
        updates = [
            ConceptSkill(pk=pk, **dict(zip(SKILL_FIELDS, v, strict=True)))
            for pk, v in plan["change"].items()
        ]
        ConceptSkill.objects.bulk_update(updates, SKILL_FIELDS, batch_size=BATCH)
        ConceptSkill.objects.filter(pk__in=plan["remove"]).delete()
        self.result.skills.update(_counts(plan))


SKILL_FIELDS = [
    "labels",
    "relation",
    "skill_type",
    "importance",
    "level",
    "not_relevant",
    "suppress",
]


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _row_plan(wanted: dict, stored: dict) -> dict:
    """Rows to add (key → values), change (pk → values) and remove (pks)."""
    plan = {"add": {}, "change": {}, "remove": [], "same": 0}
    for key, values in wanted.items():
        if key not in stored:
            plan["add"][key] = values
        elif stored[key][1] != tuple(values):
            plan["change"][stored[key][0]] = values
        else:
            plan["same"] += 1
    plan["remove"] = [pk for key, (pk, _v) in stored.items() if key not in wanted]
    return plan


def _any(plan: dict | None) -> bool:
    return bool(plan and (plan["add"] or plan["change"] or plan["remove"]))


def _counts(plan: dict) -> dict[str, int]:
    return {
        "added": len(plan["add"]),
        "updated": len(plan["change"]),
        "removed": len(plan["remove"]),
        "unchanged": plan["same"],
    }
