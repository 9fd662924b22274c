"""manage.py import_taxonomy esco PATH --version 1.2.0 [--language de|en]
manage.py import_taxonomy onet DIR --version 29.3"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from taxonomies.importers.files import ImportFileError
from taxonomies.importers.run import LANGUAGES, import_taxonomy, proposals_for
from taxonomies.importers.store import ImportRefused, ImportResult
from taxonomies.models import Scheme, Source

SHOWN_PROPOSALS = 40


class Command(BaseCommand):
    help = (
        "Importiert ESCO (Berufe-CSV, optional Kompetenz-Beziehungen) oder O*NET "
        "(Ordner der Datenbankdateien). Ein zweiter Lauf derselben Dateien ändert "
        "nichts; ein Fehler lässt die Datenbank, wie sie war."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The issue's --version is the data's version: it replaces Django's own
        # --version (the program's), which "resolve" lets a later option do.
        return super().create_parser(
            prog_name, subcommand, conflict_handler="resolve", **kwargs
        )

    def add_arguments(self, parser):
        parser.add_argument("source", choices=[s.value for s in Source])
        parser.add_argument("path", type=Path)
        parser.add_argument("--version", dest="data_version", required=True)
        parser.add_argument("--language", choices=LANGUAGES, default="de")
        parser.add_argument(
            "--relations",
            type=Path,
            default=None,
            help="ESCO: occupationSkillRelations_<lang>.csv, when PATH is a file",
        )
        parser.add_argument(
            "--skills",
            type=Path,
            default=None,
            help="ESCO: skills_<lang>.csv (the skills' labels), when PATH is a file",
        )

    def handle(self, *args, source, path, data_version, language, **options):
        files = {"relations": options["relations"], "skills": options["skills"]}
        started = time.monotonic()
        self.stdout.write(f"{Source(source).label} {data_version}: {path}")
        try:
            result = import_taxonomy(
                source,
                path,
                version=data_version,
                language=language,
                progress=self._progress,
                **files,
            )
        except (ImportFileError, ImportRefused) as error:
            raise CommandError(f"{error}\nNichts importiert.") from error
        except DatabaseError as error:
            raise CommandError(
                f"Die Datenbank hat den Import abgelehnt ({error}). Nichts importiert."
            ) from error
        self._summary(result, time.monotonic() - started)
        self._proposals(source)

    def _progress(self, name: str, rows: int) -> None:
        self.stdout.write(f"  {name}: {rows:,} Zeilen".replace(",", "."))

    def _summary(self, result: ImportResult, seconds: float) -> None:
        if not result.changed_anything:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Nichts geändert: {result.unchanged} Konzepte "
                    "schon auf diesem Stand."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Konzepte: {result.added} neu, {result.updated} geändert, "
                    f"{result.unchanged} unverändert."
                )
            )
            for name, counts in (
                ("Aufgaben", result.tasks),
                ("Kompetenzen", result.skills),
            ):
                if counts:
                    self.stdout.write(
                        f"{name}: {counts['added']} neu, {counts['updated']} geändert, "
                        f"{counts['removed']} entfernt, "
                        f"{counts['unchanged']} unverändert."
                    )
        if result.not_in_files:
            self.stdout.write(
                f"Nicht mehr in diesen Dateien (behalten): {result.not_in_files}"
            )
        for reason, count in sorted(result.skipped.items()):
            self.stdout.write(f"Übersprungen: {count} – {reason}")
        self.stdout.write(f"Dauer: {seconds:.1f} s")

    def _proposals(self, source: str) -> None:
        found = proposals_for(source)
        if not found:
            return
        self.stdout.write(
            f"\nMögliche Zuordnungen ({len(found)}; nichts davon ist übernommen – "
            "Redakteure entscheiden in der Bearbeitung der Rolle):"
        )
        for proposal in found[:SHOWN_PROPOSALS]:
            self.stdout.write(
                f"  {proposal.role_title} → {Scheme(proposal.scheme).label} "
                f"{proposal.code} „{proposal.label}“ (über „{proposal.matched}“)"
            )
        if len(found) > SHOWN_PROPOSALS:
            self.stdout.write(f"  … und {len(found) - SHOWN_PROPOSALS} weitere")
