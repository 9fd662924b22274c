"""Put a user into the Redaktion (editors) or Pflege (maintainers) group."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from roles.services.accounts import GROUPS, add_to_group


class Command(BaseCommand):
    help = (
        "Macht ein bestehendes Konto zur Redaktion (bearbeiten) oder Pflege "
        "(auch zurücksetzen, schützen, Vergleiche kuratieren, Konten verwalten)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("group", choices=sorted(GROUPS))

    def handle(self, *args, username: str, group: str, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(username=username)
        except user_model.DoesNotExist as error:
            raise CommandError(
                f"Kein Konto „{username}“. Erst anlegen: manage.py adduser "
                f"{username} --group {group}"
            ) from error
        add_to_group(user, group)
        self.stdout.write(f"{username} gehört jetzt zur Gruppe {GROUPS[group]}.")
