"""Official classifications, imported as published: ESCO, ISCO-08 and O*NET.

These tables hold other people's data, read-only for the wiki: the importers
(taxonomies.importers) are their only writers, and nothing here points into the
curated role content. Roles name concepts by scheme and code
(roles.RoleClassification), so a role keeps its mapping across re-imports, and a
mapping may name a code before its source is imported.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from roles.choices import ClassificationScheme as Scheme


class Source(models.TextChoices):
    ESCO = "esco", "ESCO"
    ONET = "onet", "O*NET"


def in_language(values: dict, language: str | None = None) -> str:
    """A per-language value (``{"de": …, "en": …}``) in the language asked for
    (the active one by default), else in any language there is."""
    wanted = (language or get_language() or "de")[:2]
    return values.get(wanted) or next(iter(values.values()), "")


class TaxonomyImport(models.Model):
    """One run of the importer that changed something: what was read, and when."""

    source = models.CharField(_("Quelle"), max_length=8, choices=Source)
    version = models.CharField(_("Version"), max_length=20)
    language = models.CharField(_("Sprache"), max_length=8, blank=True)
    licence = models.CharField(_("Lizenz"), max_length=120)
    attribution = models.TextField(_("Quellenangabe"))
    files = models.JSONField(
        _("Dateien"), default=list, help_text=_("Name, SHA-256 und Zeilen je Datei")
    )
    checksum = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64)
    summary = models.JSONField(_("Ergebnis"), default=dict)
    imported_at = models.DateTimeField(_("importiert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        ordering = ["-imported_at", "-pk"]
        indexes = [models.Index(fields=["source", "-id"])]

    def __str__(self) -> str:
        return (
            f"{self.get_source_display()} {self.version} ({self.imported_at:%Y-%m-%d})"
        )


class Concept(models.Model):
    """An occupation or group of a classification, in every imported language."""

    scheme = models.CharField(_("Klassifikation"), max_length=8, choices=Scheme)
    code = models.CharField(
        _("Code oder URI"),
        max_length=255,
        help_text=_("Als Zeichenkette: Codes behalten ihre führenden Nullen."),
    )
    notation = models.CharField(_("Kurzcode"), max_length=40, blank=True)
    labels = models.JSONField(_("Bezeichnungen je Sprache"), default=dict)
    alt_labels = models.JSONField(_("weitere Bezeichnungen je Sprache"), default=dict)
    hidden_labels = models.JSONField(_("Suchbegriffe je Sprache"), default=dict)
    descriptions = models.JSONField(_("Beschreibungen je Sprache"), default=dict)
    group_code = models.CharField(_("übergeordnete Gruppe"), max_length=40, blank=True)
    status = models.CharField(_("Status in der Quelle"), max_length=40, blank=True)
    source_version = models.CharField(_("Version"), max_length=20)
    search_text = models.TextField(editable=False, blank=True)
    """Code and all labels, lower case: what the concept search matches."""
    label_keys = models.TextField(editable=False, blank=True)
    """``|key|key|``: the preferred and alternative labels as name keys
    (taxonomies.matching), so a role's title finds its namesakes by one LIKE."""
    last_import = models.ForeignKey(
        TaxonomyImport, on_delete=models.PROTECT, related_name="concepts"
    )

    class Meta:
        verbose_name = _("Konzept")
        verbose_name_plural = _("Konzepte")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="concept_code")
        ]
        indexes = [models.Index(fields=["scheme", "notation"])]

    def __str__(self) -> str:
        return f"{self.notation or self.code} {self.label()}"

    def label(self, language: str | None = None) -> str:
        return in_language(self.labels, language)


class ConceptTask(models.Model):
    """An O*NET task statement of an occupation."""

    class Kind(models.TextChoices):
        CORE = "core", _("Kernaufgabe")
        SUPPLEMENTAL = "supplemental", _("ergänzende Aufgabe")
        UNSPECIFIED = "", _("ohne Einordnung")

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="tasks")
    task_id = models.CharField(_("Aufgaben-ID"), max_length=20)
    statement = models.TextField(_("Aufgabe"))
    kind = models.CharField(_("Art"), max_length=12, choices=Kind, blank=True)

    class Meta:
        verbose_name = _("Aufgabe aus der Klassifikation")
        verbose_name_plural = _("Aufgaben aus der Klassifikation")
        constraints = [
            models.UniqueConstraint(fields=["concept", "task_id"], name="concept_task")
        ]

    def __str__(self) -> str:
        return self.statement


class ConceptSkill(models.Model):
    """A skill of an occupation: an ESCO relation or an O*NET rating pair."""

    class Relation(models.TextChoices):
        ESSENTIAL = "essential", _("unverzichtbar")
        OPTIONAL = "optional", _("optional")
        RATED = "rated", _("bewertet")

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="skills"
    )
    skill_code = models.CharField(_("Code oder URI"), max_length=255)
    labels = models.JSONField(_("Bezeichnungen je Sprache"), default=dict)
    relation = models.CharField(_("Art"), max_length=12, choices=Relation)
    skill_type = models.CharField(_("Typ"), max_length=40, blank=True)
    importance = models.DecimalField(
        _("Wichtigkeit (IM 1–5)"), max_digits=4, decimal_places=2, null=True
    )
    level = models.DecimalField(
        _("Niveau (LV 0–7)"), max_digits=4, decimal_places=2, null=True
    )
    not_relevant = models.BooleanField(_("„Not Relevant“"), default=False)
    suppress = models.BooleanField(_("„Recommend Suppress“"), default=False)

    class Meta:
        verbose_name = _("Kompetenz aus der Klassifikation")
        verbose_name_plural = _("Kompetenzen aus der Klassifikation")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "skill_code"], name="concept_skill"
            )
        ]

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        return in_language(self.labels, language)

    @property
    def flagged(self) -> bool:
        return self.not_relevant or self.suppress


class ConceptChange(models.Model):
    """What a newer import changed in a concept: field → [before, after]."""

    taxonomy_import = models.ForeignKey(
        TaxonomyImport, on_delete=models.CASCADE, related_name="changes"
    )
    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="changes"
    )
    fields = models.JSONField(_("Änderungen"))

    class Meta:
        verbose_name = _("Änderung durch einen Import")
        verbose_name_plural = _("Änderungen durch Importe")

    def __str__(self) -> str:
        return f"{self.concept_id}: {', '.join(self.fields)}"
