"""Copies of the fixture files to break, and the import command's output."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from django.core.management import call_command

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "taxonomy"
ESCO = FIXTURES / "esco"
ONET = FIXTURES / "onet"
SMM_URI = "http://data.europa.eu/esco/occupation/0a1b2c3d-1111-4aaa-8bbb-000000000001"
OCM_URI = "http://data.europa.eu/esco/occupation/0a1b2c3d-2222-4aaa-8bbb-000000000002"


def copy_of(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def run_import(*args: str) -> str:
    out = io.StringIO()
    call_command("import_taxonomy", *args, stdout=out)
    return out.getvalue()


def import_esco(path: Path = ESCO, version: str = "1.2.0", language: str = "de") -> str:
    return run_import("esco", str(path), "--version", version, "--language", language)


def import_onet(path: Path = ONET, version: str = "29.3") -> str:
    return run_import("onet", str(path), "--version", version)


def database_state() -> dict:
    """Everything the importers write, as comparable data."""
    from taxonomies.models import (
        Concept,
        ConceptChange,
        ConceptSkill,
        ConceptTask,
        TaxonomyImport,
    )

    return {
        "imports": list(
            TaxonomyImport.objects.values_list("pk", "version", "checksum")
        ),
        "concepts": list(
            Concept.objects.order_by("pk").values_list(
                "pk",
                "scheme",
                "code",
                "labels",
                "alt_labels",
                "descriptions",
                "source_version",
            )
        ),
        "tasks": list(
            ConceptTask.objects.order_by("pk").values_list("pk", "statement", "kind")
        ),
        "skills": list(
            ConceptSkill.objects.order_by("pk").values_list(
                "pk", "labels", "importance", "level", "not_relevant", "suppress"
            )
        ),
        "changes": ConceptChange.objects.count(),
    }
