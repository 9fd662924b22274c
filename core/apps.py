from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: parts every app shares, knowing none of them."""

    name = "core"
    verbose_name = _("Gemeinsame Bausteine")
    default_auto_field = "django.db.models.BigAutoField"
