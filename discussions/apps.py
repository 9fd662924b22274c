from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussions"
    verbose_name = _("Diskussionen und Hinweise")

    def ready(self) -> None:
        from discussions import notices

        notices.connect()
