from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringConfig(AppConfig):
    """The job-ad check, the ad builder, the guide and the practitioner profile."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hiring"
    verbose_name = _("Stellen und Anzeigen")
