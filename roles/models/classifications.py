"""A role mapped to official classifications (ESCO, ISCO-08, O*NET, KldB)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from roles.choices import ClassificationScheme, MappingStatus
from roles.models.role import NOTE_MAX_LENGTH, Role

CLASSIFICATION_CODE_PATTERNS = {
    ClassificationScheme.ESCO: (
        r"^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$",
        _(
            "Bitte die URI des ESCO-Berufs angeben, etwa "
            "http://data.europa.eu/esco/occupation/… (36 Zeichen am Ende)."
        ),
    ),
    ClassificationScheme.ISCO: (
        r"^[0-9]{1,4}$",
        _("Eine ISCO-08-Gruppe hat 1 bis 4 Ziffern, etwa 2432."),
    ),
    ClassificationScheme.ONET: (
        r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$",
        _("Ein O*NET-Code sieht so aus: 27-3031.00."),
    ),
    ClassificationScheme.KLDB: (
        r"^[0-9]{5}$",
        _("Ein KldB-2010-Code hat genau fünf Ziffern, etwa 92212."),
    ),
}


def classification_code_error(scheme: str, code: str) -> str | None:
    """Why ``code`` is no code of ``scheme``, or None when it is one."""
    import re

    pattern, message = CLASSIFICATION_CODE_PATTERNS.get(
        scheme, (None, _("Unbekannte Klassifikation."))
    )
    if pattern is None or not re.fullmatch(pattern, code or ""):
        return str(message)
    return None


class RoleClassification(models.Model):
    """A role mapped to an official code: part of the role, edited in the wiki."""

    role = models.ForeignKey(
        Role, related_name="classifications", on_delete=models.CASCADE
    )
    scheme = models.CharField(
        _("Klassifikation"), max_length=8, choices=ClassificationScheme
    )
    code = models.CharField(_("Code oder URI"), max_length=255)
    status = models.CharField(
        _("Stand"),
        max_length=12,
        choices=MappingStatus,
        default=MappingStatus.SUGGESTED,
    )
    note = models.CharField(_("Anmerkung"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("Zuordnung zu einer Klassifikation")
        verbose_name_plural = _("Zuordnungen zu Klassifikationen")
        ordering = ["role", "scheme", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "scheme", "code"], name="roleclassification_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} → {self.get_scheme_display()} {self.code}"

    def clean(self) -> None:
        error = classification_code_error(self.scheme, self.code)
        if error:
            raise ValidationError({"code": error})
