from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Rollen-Wiki")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from roles.revisions.history import register_models

        register_models()
