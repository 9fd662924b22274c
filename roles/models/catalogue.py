"""The shared catalogue: tasks and competencies that many roles name."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roles.choices import CompetencyKind, TaskArea
from roles.models.role import AD_PHRASES_MAX_LENGTH, split_lines


class SlugNaturalKeyManager(models.Manager):
    """Lets fixtures refer to rows by slug, so loading twice updates in place."""

    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class CatalogueEntry(models.Model):
    """What tasks and competencies share: an expert and a plain wording."""

    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=80, unique=True)
    name = models.CharField(_("Fachbezeichnung"), max_length=120)
    plain_name = models.CharField(_("Bezeichnung in Alltagssprache"), max_length=160)
    plain_description = models.TextField(
        _("Erklärung für Unternehmen"), max_length=1000, blank=True
    )
    description = models.TextField(_("Fachbeschreibung"), max_length=2000, blank=True)
    ad_phrases = models.TextField(
        _("So steht es in Stellenanzeigen"),
        max_length=AD_PHRASES_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Eine Formulierung pro Zeile, so wie Anzeigen sie schreiben, "
            "z. B. „Betreuung unserer Social-Media-Kanäle“."
        ),
    )
    revision_number = models.PositiveIntegerField(default=0, editable=False)

    objects = SlugNaturalKeyManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def ad_phrase_list(self) -> list[str]:
        return split_lines(self.ad_phrases)


class Task(CatalogueEntry):
    area = models.CharField(_("Aufgabenfeld"), max_length=20, choices=TaskArea)

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")

    def get_absolute_url(self) -> str:
        return reverse("roles:task", kwargs={"slug": self.slug})


class Competency(CatalogueEntry):
    kind = models.CharField(_("Art"), max_length=20, choices=CompetencyKind)

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("Kompetenz")
        verbose_name_plural = _("Kompetenzen")

    def get_absolute_url(self) -> str:
        return reverse("roles:competency", kwargs={"slug": self.slug})
