from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that bring the apps together: start, about, search, recent changes."""

    name = "pages"
    verbose_name = _("Seiten")
