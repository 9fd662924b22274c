"""Load the shipped catalogue into an empty database, never over edits."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from roles.models import Role
from roles.services import record_loaded_catalogue

CATALOGUE_FIXTURES = ["catalogue.json", "curated.json"]


class Command(BaseCommand):
    help = (
        "Lädt den mitgelieferten Rollenkatalog, wenn die Datenbank noch keine Rollen "
        "enthält. Mit --force wird er auch über bestehende Einträge geladen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch laden, wenn Rollen existieren (überschreibt Änderungen).",
        )

    def handle(self, *args, force: bool = False, **options):
        if Role.objects.exists() and not force:
            self.stdout.write(
                "Katalog bereits vorhanden – nichts geladen (siehe --force)."
            )
            # Databases from before baseline revisions get them for unedited entries.
            record_loaded_catalogue(comment="Mitgelieferter Katalog")
            return
        fixtures = [
            str(settings.BASE_DIR / "fixtures" / name)
            for name in CATALOGUE_FIXTURES
            if (settings.BASE_DIR / "fixtures" / name).exists()
        ]
        with transaction.atomic():
            call_command("loaddata", *fixtures, verbosity=options.get("verbosity", 1))
            # Fixtures are saved raw: the services give each entry its first
            # revision and derive stored HTML and search documents.
            made = record_loaded_catalogue(
                comment="Mitgelieferter Katalog"
                + (" (neu geladen mit --force)" if force else ""),
                force=force,
            )
        if options.get("verbosity", 1):
            self.stdout.write(f"{made} Einträge mit erster Fassung versehen.")
