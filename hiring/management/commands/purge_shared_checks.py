"""Delete shared job-ad checks whose time is up (run daily, e.g. from cron).

Expired links already answer 410 and delete themselves when opened; this removes
the ones nobody opens again, so no ad text outlives the time its owner chose."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hiring.sharing import purge_expired


class Command(BaseCommand):
    help = "Löscht abgelaufene geteilte Anzeigenprüfungen."

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(
            _("%(count)s abgelaufene geteilte Prüfungen gelöscht.") % {"count": deleted}
        )
