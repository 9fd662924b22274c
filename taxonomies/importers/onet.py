"""O*NET's database files by their published names (text or Excel), in English.

Read from one folder: ``Occupation Data``, and where present ``Task Statements``,
``Alternate Titles``, ``Skills`` and ``Scales Reference`` (``.txt`` tab-separated,
or ``.xlsx``).
"""

from __future__ import annotations

import re
from pathlib import Path

from django.utils.translation import gettext as _

from taxonomies.importers.files import (
    ImportFileError,
    Progress,
    find_file,
    parse_number,
    read_table,
)
from taxonomies.importers.records import ConceptRecord, Parsed, SkillRecord
from taxonomies.models import ConceptSkill, ConceptTask, Scheme, Source

CODE = "O*NET-SOC Code"
SOC_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
TASK_KINDS = {
    "core": ConceptTask.Kind.CORE,
    "supplemental": ConceptTask.Kind.SUPPLEMENTAL,
    "": ConceptTask.Kind.UNSPECIFIED,
    "n/a": ConceptTask.Kind.UNSPECIFIED,
}
DEFAULT_SCALES = {"IM": (1.0, 5.0), "LV": (0.0, 7.0)}
"""Skills are rated twice: importance 1–5 and level 0–7."""


def _file(directory: Path, stem: str) -> Path | None:
    return find_file(directory, f"{stem}.txt", f"{stem}.xlsx")


def parse_onet(path: Path, *, version: str, progress: Progress) -> Parsed:
    if not path.is_dir():
        raise ImportFileError(
            str(path),
            None,
            None,
            _("O*NET wird als Ordner seiner Datenbankdateien importiert."),
        )
    occupations = _file(path, "Occupation Data")
    if occupations is None:
        raise ImportFileError(
            str(path),
            None,
            None,
            _("„Occupation Data.txt“ fehlt im Ordner. Ist das ein O*NET-Download?"),
        )
    parsed = Parsed(Source.ONET, version, "en")
    _read_occupations(parsed, occupations, progress)
    if titles := _file(path, "Alternate Titles"):
        _read_alternate_titles(parsed, titles, progress)
    if tasks := _file(path, "Task Statements"):
        _read_tasks(parsed, tasks, progress)
    scales = DEFAULT_SCALES
    if reference := _file(path, "Scales Reference"):
        scales = _read_scales(parsed, reference, progress)
    if skills := _file(path, "Skills"):
        _read_skills(parsed, skills, scales, progress)
    return parsed


def _occupation_code(parsed: Parsed, row, *, known: bool) -> str | None:
    code = row[CODE].strip()
    if not SOC_CODE.match(code):
        raise row.fail(
            CODE, _("Kein O*NET-SOC-Code: „%(code)s“.") % {"code": code[:40]}
        )
    if known and (Scheme.ONET, code) not in parsed.concepts:
        parsed.skipped[
            _("Zeile zu einem Beruf, der nicht in „Occupation Data“ steht")
        ] += 1
        return None
    return code


def _read_occupations(parsed: Parsed, path: Path, progress: Progress) -> None:
    info, rows = read_table(
        path,
        required={CODE, "Title", "Description"},
        kind=_("O*NET-Berufen"),
        progress=progress,
    )
    parsed.files.append(info)
    for row in rows:
        code = _occupation_code(parsed, row, known=False)
        if (Scheme.ONET, code) in parsed.concepts:
            raise row.fail(CODE, _("Dieser Beruf steht zweimal in der Datei."))
        if not row["Title"].strip():
            raise row.fail("Title", _("Die Bezeichnung fehlt."))
        parsed.concepts[(Scheme.ONET, code)] = ConceptRecord(
            Scheme.ONET,
            code,
            notation=code,
            label=row["Title"].strip(),
            description=row["Description"].strip(),
            group_code=code[:7],
        )


def _read_alternate_titles(parsed: Parsed, path: Path, progress: Progress) -> None:
    info, rows = read_table(
        path,
        required={CODE, "Alternate Title"},
        kind=_("O*NET-Berufsbezeichnungen"),
        progress=progress,
    )
    parsed.files.append(info)
    for row in rows:
        code = _occupation_code(parsed, row, known=True)
        if code is None:
            continue
        record = parsed.concepts[(Scheme.ONET, code)]
        for title in (row["Alternate Title"], row["Short Title"]):
            title = title.strip()
            if title and title.lower() != "n/a" and title not in record.alt_labels:
                record.alt_labels.append(title)


def _read_tasks(parsed: Parsed, path: Path, progress: Progress) -> None:
    info, rows = read_table(
        path,
        required={CODE, "Task ID", "Task"},
        kind=_("O*NET-Aufgaben"),
        progress=progress,
    )
    parsed.files.append(info)
    parsed.tasks = {}
    for row in rows:
        code = _occupation_code(parsed, row, known=True)
        if code is None:
            continue
        task_id = row["Task ID"].strip()
        if not task_id.isdigit():
            raise row.fail(
                "Task ID", _("Keine Aufgaben-ID: „%(id)s“.") % {"id": task_id}
            )
        kind = TASK_KINDS.get(row["Task Type"].strip().lower())
        if kind is None:
            raise row.fail(
                "Task Type",
                _("„%(value)s“: erwartet Core, Supplemental oder leer.")
                % {"value": row["Task Type"]},
            )
        tasks = parsed.tasks.setdefault(code, {})
        if task_id in tasks:
            raise row.fail("Task ID", _("Diese Aufgabe steht zweimal in der Datei."))
        if not row["Task"].strip():
            raise row.fail("Task", _("Der Aufgabentext fehlt."))
        tasks[task_id] = (row["Task"].strip(), str(kind))


def _read_scales(parsed: Parsed, path: Path, progress: Progress) -> dict:
    info, rows = read_table(
        path,
        required={"Scale ID", "Minimum", "Maximum"},
        kind=_("O*NET-Skalen"),
        progress=progress,
    )
    parsed.files.append(info)
    scales = {}
    for row in rows:
        low = parse_number(row, "Minimum", -1e6, 1e6)
        high = parse_number(row, "Maximum", low, 1e6)
        scales[row["Scale ID"].strip()] = (low, high)
    parsed.extra["scales"] = {key: list(value) for key, value in scales.items()}
    return scales


def _yes(value: str) -> bool:
    return value.strip().upper() == "Y"


def _read_skills(parsed: Parsed, path: Path, scales: dict, progress: Progress) -> None:
    info, rows = read_table(
        path,
        required={CODE, "Element ID", "Element Name", "Scale ID", "Data Value"},
        kind=_("O*NET-Kompetenzen"),
        progress=progress,
    )
    parsed.files.append(info)
    parsed.skills = {}
    seen = set()
    for row in rows:
        code = _occupation_code(parsed, row, known=True)
        if code is None:
            continue
        scale = row["Scale ID"].strip()
        if scale not in ("IM", "LV"):
            parsed.skipped[_("Bewertung auf einer anderen Skala als IM oder LV")] += 1
            continue
        element = row["Element ID"].strip()
        if (code, element, scale) in seen:
            raise row.fail("Scale ID", _("Diese Bewertung steht zweimal in der Datei."))
        seen.add((code, element, scale))
        low, high = scales.get(scale, DEFAULT_SCALES[scale])
        value = round(parse_number(row, "Data Value", low, high), 2)
        skills = parsed.skills.setdefault(code, {})
        record = skills.setdefault(
            element,
            SkillRecord(row["Element Name"].strip(), ConceptSkill.Relation.RATED),
        )
        if scale == "IM":
            record.importance = value
        else:
            record.level = value
        record.not_relevant |= _yes(row["Not Relevant"])
        record.suppress |= _yes(row["Recommend Suppress"])
