"""ESCO as the EU publishes it: the occupations CSV of one language, and where
given the occupation–skill relations, the skills and the ISCO-08 groups.

PATH is the occupations file itself or the folder of a download
(``occupations_de.csv``, ``occupationSkillRelations_de.csv``, ``skills_de.csv``,
``ISCOGroups_de.csv``; other languages' files in the folder are ignored).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from django.utils.translation import gettext as _

from taxonomies.importers.files import ImportFileError, Progress, Row, read_table
from taxonomies.importers.records import (
    ConceptRecord,
    Parsed,
    SkillRecord,
    split_labels,
)
from taxonomies.models import ConceptSkill, Scheme, Source

OCCUPATION_COLUMNS = {"conceptUri", "iscoGroup", "preferredLabel"}
RELATION_COLUMNS = {"occupationUri", "relationType", "skillUri"}
SKILL_COLUMNS = {"conceptUri", "preferredLabel"}
ISCO_COLUMNS = {"code", "preferredLabel"}
OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
RELATIONS = {
    "essential": ConceptSkill.Relation.ESSENTIAL,
    "optional": ConceptSkill.Relation.OPTIONAL,
}


LANGUAGE_IN_NAME = re.compile(r"_([a-z]{2}(?:-[a-z]{2})?)\.csv$", re.IGNORECASE)


def _refuse_other_language(path: Path, language: str) -> None:
    """occupations_en.csv imported as German would put English labels under de."""
    named = LANGUAGE_IN_NAME.search(path.name)
    if named and named.group(1).lower() != language:
        raise ImportFileError(
            path.name,
            None,
            None,
            _(
                "Die Datei ist in der Sprache „%(file)s“, der Import mit --language "
                "%(language)s."
            )
            % {"file": named.group(1), "language": language},
        )


def _files(path: Path, language: str) -> dict[str, Path | None]:
    if path.is_file():
        return {"occupations": path, "relations": None, "skills": None, "isco": None}
    if not path.is_dir():
        raise ImportFileError(str(path), None, None, _("Datei oder Ordner fehlt."))

    def named(stem: str) -> Path | None:
        for candidate in (f"{stem}_{language}.csv", f"{stem}.csv"):
            if (path / candidate).is_file():
                return path / candidate
        return None

    occupations = named("occupations")
    if occupations is None:
        raise ImportFileError(
            str(path),
            None,
            None,
            _(
                "Keine ESCO-Berufsdatei „occupations_%(language)s.csv“ im Ordner. "
                "Ist das ein ESCO-Download in dieser Sprache?"
            )
            % {"language": language},
        )
    return {
        "occupations": occupations,
        "relations": named("occupationSkillRelations"),
        "skills": named("skills"),
        "isco": named("ISCOGroups"),
    }


def parse_esco(
    path: Path,
    *,
    version: str,
    language: str,
    progress: Progress,
    relations: Path | None = None,
    skills: Path | None = None,
) -> Parsed:
    """``relations`` and ``skills`` name those files when PATH is the occupations
    file itself; in a download folder they are found by their names."""
    parsed = Parsed(Source.ESCO, version, language)
    files = _files(path, language)
    for name, given in (("relations", relations), ("skills", skills)):
        if given is not None:
            if not given.is_file():
                raise ImportFileError(
                    str(given), None, None, _("Datei oder Ordner fehlt.")
                )
            files[name] = given
    for given in files.values():
        if given is not None:
            _refuse_other_language(given, language)
    _read_occupations(parsed, files["occupations"], progress)
    if files["isco"]:
        _read_isco(parsed, files["isco"], progress)
    if files["relations"]:
        labels = _read_skill_labels(parsed, files["skills"], progress)
        _read_relations(parsed, files["relations"], labels, progress)
    return parsed


def _read_occupations(parsed: Parsed, path: Path, progress: Progress) -> None:
    info, rows = read_table(
        path, required=OCCUPATION_COLUMNS, kind=_("ESCO-Berufen"), progress=progress
    )
    parsed.files.append(info)
    for row in rows:
        uri = row["conceptUri"].strip()
        if not uri.startswith(OCCUPATION_PREFIX):
            if row["conceptType"] and row["conceptType"] != "Occupation":
                parsed.skipped[_("kein Beruf (conceptType)")] += 1
                continue
            raise row.fail(
                "conceptUri",
                _("Keine URI eines ESCO-Berufs: „%(uri)s“.") % {"uri": uri[:80]},
            )
        if (Scheme.ESCO, uri) in parsed.concepts:
            raise row.fail("conceptUri", _("Dieser Beruf steht zweimal in der Datei."))
        label = row["preferredLabel"].strip()
        if not label:
            raise row.fail("preferredLabel", _("Die Bezeichnung fehlt."))
        parsed.concepts[(Scheme.ESCO, uri)] = ConceptRecord(
            Scheme.ESCO,
            uri,
            notation=row["code"].strip(),
            label=label,
            alt_labels=split_labels(row["altLabels"]),
            hidden_labels=split_labels(row["hiddenLabels"]),
            description=(row["description"] or row["definition"]).strip(),
            group_code=_isco_code(row),
            status=row["status"].strip(),
        )


def _isco_code(row: Row) -> str:
    """``iscoGroup`` is a code (``2432``) in some releases, a URI in others."""
    raw = row["iscoGroup"].strip()
    code = raw.rsplit("/", 1)[-1].removeprefix("C")
    if raw and not (code.isdigit() and 1 <= len(code) <= 4):
        raise row.fail("iscoGroup", _("Kein ISCO-08-Code: „%(code)s“.") % {"code": raw})
    return code


def _read_isco(parsed: Parsed, path: Path, progress: Progress) -> None:
    info, rows = read_table(
        path, required=ISCO_COLUMNS, kind=_("ISCO-08-Gruppen"), progress=progress
    )
    parsed.files.append(info)
    for row in rows:
        code = row["code"].strip()
        if not (code.isdigit() and 1 <= len(code) <= 4):
            raise row.fail("code", _("Kein ISCO-08-Code: „%(code)s“.") % {"code": code})
        if (Scheme.ISCO, code) in parsed.concepts:
            raise row.fail("code", _("Diese Gruppe steht zweimal in der Datei."))
        parsed.concepts[(Scheme.ISCO, code)] = ConceptRecord(
            Scheme.ISCO,
            code,
            notation=code,
            label=row["preferredLabel"].strip(),
            alt_labels=split_labels(row["altLabels"]),
            description=row["description"].strip(),
            group_code=code[:-1],
        )


def _read_skill_labels(
    parsed: Parsed, path: Path | None, progress: Progress
) -> dict[str, tuple[str, str]]:
    if path is None:
        return {}
    info, rows = read_table(
        path, required=SKILL_COLUMNS, kind=_("ESCO-Kompetenzen"), progress=progress
    )
    parsed.files.append(info)
    # Each skill is named by ~10 relations: one shared string, not ten copies.
    return {
        sys.intern(row["conceptUri"].strip()): (
            sys.intern(row["preferredLabel"].strip()),
            sys.intern(row["skillType"]),
        )
        for row in rows
    }


def _read_relations(
    parsed: Parsed, path: Path, labels: dict, progress: Progress
) -> None:
    info, rows = read_table(
        path,
        required=RELATION_COLUMNS,
        kind=_("ESCO-Beruf-Kompetenz-Beziehungen"),
        progress=progress,
    )
    parsed.files.append(info)
    parsed.skills = {}
    for row in rows:
        occupation = row["occupationUri"].strip()
        if (Scheme.ESCO, occupation) not in parsed.concepts:
            parsed.skipped[
                _("Beziehung zu einem Beruf, der nicht in der Datei steht")
            ] += 1
            continue
        relation = RELATIONS.get(row["relationType"].strip().lower())
        if relation is None:
            raise row.fail(
                "relationType",
                _("„%(value)s“: erwartet essential oder optional.")
                % {"value": row["relationType"]},
            )
        skill = sys.intern(row["skillUri"].strip())
        label, skill_type = labels.get(skill, (row["skillLabel"].strip(), ""))
        if not label:
            parsed.skipped[_("Kompetenz ohne Bezeichnung (skills-Datei fehlt)")] += 1
            continue
        skills = parsed.skills.setdefault(occupation, {})
        if skill in skills:
            raise row.fail("skillUri", _("Diese Beziehung steht zweimal in der Datei."))
        skills[skill] = SkillRecord(
            label, relation, skill_type=(row["skillType"] or skill_type).strip()
        )
