"""Make an account for the wiki, in the Redaktion (editors) or Pflege
(maintainers) group, and ask for its password."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from roles.services.accounts import GROUPS, create_account


class Command(BaseCommand):
    help = (
        "Legt ein Konto an: Redaktion (Rollen bearbeiten) oder Pflege (auch "
        "zurücksetzen, schützen, Vorschläge annehmen, Konten verwalten unter "
        "/admin/). Fragt zweimal nach dem Passwort."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--group", choices=sorted(GROUPS), required=True)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-stdin",
            action="store_true",
            help="Das Passwort als erste Zeile der Standardeingabe (für Skripte).",
        )

    def handle(self, *args, username: str, group: str, email: str, **options):
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(
                f"Das Konto „{username}“ gibt es schon. In eine Gruppe aufnehmen: "
                f"manage.py grant {username} {group}"
            )
        if options["password_from_stdin"]:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = self._ask_password()
        try:
            create_account(
                username=username, group=group, password=password, email=email
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        staff = " Sie kann sich unter /admin/ anmelden." if group == "pflege" else ""
        self.stdout.write(
            f"Konto „{username}“ angelegt, Gruppe {GROUPS[group]}.{staff}"
        )

    def _ask_password(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(
                "Keine Eingabe zum Fragen nach dem Passwort. In Skripten: "
                "--password-from-stdin und das Passwort als erste Zeile."
            )
        first = getpass.getpass("Passwort: ")
        if first != getpass.getpass("Passwort (noch einmal): "):
            raise CommandError("Die beiden Passwörter sind verschieden.")
        return first
