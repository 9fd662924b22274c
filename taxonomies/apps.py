from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "taxonomies"
    verbose_name = _("Klassifikationen (ESCO, O*NET)")
