"""Roles, the shared task and competency catalogue, and how they connect."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from core.markdown import render_markdown
from roles.choices import (
    LEVEL_MEANINGS,
    ORIENTATION_MAX,
    ORIENTATION_MIN,
    ClassificationScheme,
    CompanySize,
    CompetencyKind,
    Family,
    Level,
    MappingStatus,
    Position,
    RelationKind,
    Responsibility,
    Seniority,
    Status,
    TaskArea,
    orientation_label,
)
from roles.querysets import RoleQuerySet

SUMMARY_MAX_LENGTH = 800
DEFINITION_MAX_LENGTH = 20_000
NOTE_MAX_LENGTH = 300
AD_PHRASES_MAX_LENGTH = 3000


def split_lines(text: str) -> list[str]:
    """A text field holding one entry per line, as a clean list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SlugNaturalKeyManager(models.Manager):
    """Lets fixtures refer to rows by slug, so loading twice updates in place."""

    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class Role(models.Model):
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=80, unique=True)
    title = models.CharField(_("Bezeichnung"), max_length=120)
    aliases = models.TextField(
        _("andere Bezeichnungen"),
        blank=True,
        help_text=_("Eine Bezeichnung pro Zeile, z. B. „SoMe-Manager“."),
    )
    family = models.CharField(_("Berufsfamilie"), max_length=20, choices=Family)
    seniority = models.CharField(
        _("Stufe"), max_length=10, choices=Seniority, default=Seniority.NONE
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Spezialisierung von"),
        related_name="specialisations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    summary = models.TextField(
        _("Kurzbeschreibung für Unternehmen"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_("Zwei bis vier Sätze in Alltagssprache, ohne Fachjargon."),
    )
    definition = MarkdownxField(
        _("Fachdefinition"), max_length=DEFINITION_MAX_LENGTH, blank=True
    )
    definition_html = models.TextField(editable=False, blank=True)
    orientation = models.PositiveSmallIntegerField(
        _("Ausrichtung (0 = strategisch, 10 = operativ)"),
        validators=[
            MinValueValidator(ORIENTATION_MIN),
            MaxValueValidator(ORIENTATION_MAX),
        ],
        default=5,
    )
    position = models.CharField(
        _("Position"), max_length=10, choices=Position, default=Position.INTERNAL
    )
    placement = models.CharField(
        _("Einordnung im Unternehmen"), max_length=200, blank=True
    )
    company_sizes = models.JSONField(
        _("Unternehmensgrößen"),
        default=list,
        blank=True,
        help_text=_("Liste aus: %(codes)s") % {"codes": ", ".join(CompanySize.values)},
    )
    industries = models.TextField(_("Branchen"), blank=True)
    salary_min = models.PositiveIntegerField(
        _("Gehalt von (EUR brutto/Monat)"), null=True, blank=True
    )
    salary_max = models.PositiveIntegerField(
        _("Gehalt bis (EUR brutto/Monat)"), null=True, blank=True
    )
    salary_source = models.CharField(
        _("Quelle der Gehaltsangabe"), max_length=200, blank=True
    )
    backgrounds = models.TextField(_("typische Werdegänge"), blank=True)
    certificates = models.TextField(_("Zertifikate und Weiterbildung"), blank=True)
    goals = models.TextField(
        _("Beispielziele und Kennzahlen"),
        blank=True,
        help_text=_("Ein Ziel pro Zeile."),
    )
    sources = models.TextField(
        _("Quellen"), blank=True, help_text=_("Eine Quelle pro Zeile.")
    )
    is_illustrative = models.BooleanField(
        _("beispielhaft"),
        default=False,
        help_text=_(
            "Die Quellen sagen zu dieser Rolle wenig; der Eintrag ist ein Beispiel."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status, default=Status.DRAFT
    )
    is_protected = models.BooleanField(
        _("geschützt"),
        default=False,
        help_text=_("Nur die Pflege darf geschützte Rollen bearbeiten."),
    )
    search_document = models.TextField(
        editable=False,
        blank=True,
    )
    revision_number = models.PositiveIntegerField(
        _("Fassung"),
        default=0,
        editable=False,
        help_text=_("Zählt jede gespeicherte Änderung; Grundlage der Konfliktprüfung."),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("Rolle")
        verbose_name_plural = _("Rollen")
        ordering = ["family", "title"]
        # The paged lists and the start page sort on these (roles.listing).
        indexes = [
            models.Index(fields=["title", "id"], name="role_title_idx"),
            models.Index(
                fields=["family", "title", "id"], name="role_family_title_idx"
            ),
            models.Index(fields=["-updated_at"], name="role_updated_idx"),
            # the start page fills its picks with documented roles by title
            models.Index(
                fields=["is_illustrative", "title", "id"], name="role_documented_idx"
            ),
        ]
        permissions = [
            ("protect_role", _("Kann Rollen schützen")),
            ("revert_role", _("Kann Rollen auf frühere Fassungen zurücksetzen")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(orientation__gte=ORIENTATION_MIN)
                & models.Q(orientation__lte=ORIENTATION_MAX),
                name="role_orientation_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(salary_min__isnull=True)
                | models.Q(salary_max__isnull=True)
                | models.Q(salary_min__lte=models.F("salary_max")),
                name="role_salary_min_not_above_max",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Stored, sanitised HTML: pages never render Markdown per request.
        self.definition_html = render_markdown(self.definition)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("roles:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            message = _("Eine Rolle kann keine Spezialisierung ihrer selbst sein.")
            raise ValidationError(
                {"parent": ValidationError(message, code="parent_is_self")}
            )
        if self.parent_id and self.pk and self._parent_chain_reaches_self():
            message = _(
                "„%(parent)s“ ist selbst eine Spezialisierung dieser Rolle; "
                "das ergäbe einen Kreis. Bitte wählen Sie eine andere Rolle."
            )
            error = ValidationError(
                message, code="parent_cycle", params={"parent": self.parent}
            )
            raise ValidationError({"parent": error})
        unknown = [
            code for code in self.company_sizes if code not in CompanySize.values
        ]
        if unknown:
            error = ValidationError(
                _("Unbekannte Unternehmensgröße: %(codes)s"),
                code="unknown_company_size",
                params={"codes": ", ".join(map(str, unknown))},
            )
            raise ValidationError({"company_sizes": error})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def _parent_chain_reaches_self(self) -> bool:
        """Walk up the chosen parent's ancestors (one query per level, bounded)."""
        seen: set[int] = set()
        current = self.parent_id
        while current is not None and current not in seen and len(seen) < 100:
            if current == self.pk:
                return True
            seen.add(current)
            current = (
                Role.objects.filter(pk=current)
                .values_list("parent_id", flat=True)
                .first()
            )
        return False

    @property
    def orientation_label(self) -> str:
        return orientation_label(self.orientation)

    @property
    def salary_label(self) -> str:
        if self.salary_min and self.salary_max:
            return _("%(low)s–%(high)s EUR brutto im Monat") % {
                "low": f"{self.salary_min:,}".replace(",", "."),
                "high": f"{self.salary_max:,}".replace(",", "."),
            }
        return ""

    @property
    def alias_list(self) -> list[str]:
        return split_lines(self.aliases)

    @property
    def goal_list(self) -> list[str]:
        return split_lines(self.goals)

    @property
    def source_list(self) -> list[str]:
        return split_lines(self.sources)

    @property
    def company_size_labels(self) -> list[str]:
        labels = dict(CompanySize.choices)
        return [
            str(labels[code])
            for code in CompanySize.values
            if code in self.company_sizes
        ]


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


class PairManager(models.Manager):
    """Natural key (role slug, other slug) for assignment rows in fixtures."""

    other_field = ""

    def get_by_natural_key(self, role_slug: str, other_slug: str):
        return self.get(
            role__slug=role_slug, **{f"{self.other_field}__slug": other_slug}
        )


class RoleTaskManager(PairManager):
    other_field = "task"


class RoleCompetencyManager(PairManager):
    other_field = "competency"


class RoleTask(models.Model):
    role = models.ForeignKey(
        Role, related_name="task_assignments", on_delete=models.CASCADE
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("Aufgabe"),
        related_name="role_assignments",
        on_delete=models.PROTECT,
    )
    responsibility = models.CharField(
        _("Zuständigkeit"), max_length=20, choices=Responsibility
    )
    note = models.CharField(
        _("So macht es diese Rolle"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    is_illustrative = models.BooleanField(_("beispielhaft"), default=False)

    objects = RoleTaskManager()

    class Meta:
        verbose_name = _("Aufgabenzuordnung")
        verbose_name_plural = _("Aufgabenzuordnungen")
        ordering = ["role", "task__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "task"], name="roletask_one_per_role_and_task"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} – {self.task}: {self.get_responsibility_display()}"

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.task.slug)

    natural_key.dependencies = ["roles.role", "roles.task"]


class RoleCompetency(models.Model):
    role = models.ForeignKey(
        Role, related_name="competency_assignments", on_delete=models.CASCADE
    )
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("Kompetenz"),
        related_name="role_assignments",
        on_delete=models.PROTECT,
    )
    level = models.PositiveSmallIntegerField(
        _("Stufe"),
        choices=Level,
        validators=[MinValueValidator(Level.BASIC), MaxValueValidator(Level.EXPERT)],
    )
    is_essential = models.BooleanField(_("unverzichtbar"), default=True)
    note = models.CharField(_("Anmerkung"), max_length=NOTE_MAX_LENGTH, blank=True)
    is_illustrative = models.BooleanField(_("beispielhaft"), default=False)

    objects = RoleCompetencyManager()

    class Meta:
        verbose_name = _("Kompetenzzuordnung")
        verbose_name_plural = _("Kompetenzzuordnungen")
        ordering = ["role", "competency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "competency"],
                name="rolecompetency_one_per_role_and_competency",
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=Level.BASIC)
                & models.Q(level__lte=Level.EXPERT),
                name="rolecompetency_level_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} – {self.competency}: {self.level}"

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.competency.slug)

    natural_key.dependencies = ["roles.role", "roles.competency"]

    @property
    def level_dots(self) -> str:
        """The level as filled and empty dots, e.g. ●●●○ for 3 of 4."""
        return "●" * self.level + "○" * (Level.EXPERT - self.level)

    @property
    def level_meaning(self) -> str:
        return str(LEVEL_MEANINGS[Level(self.level)])


class RoleRelationManager(models.Manager):
    def get_by_natural_key(self, from_slug: str, to_slug: str, kind: str):
        return self.get(from_role__slug=from_slug, to_role__slug=to_slug, kind=kind)


class RoleRelation(models.Model):
    """A Schnittstelle: how one role works with (or is mistaken for) another."""

    from_role = models.ForeignKey(
        Role, related_name="relations_out", on_delete=models.CASCADE
    )
    to_role = models.ForeignKey(
        Role,
        verbose_name=_("andere Rolle"),
        related_name="relations_in",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("Art der Beziehung"), max_length=20, choices=RelationKind)
    description = models.CharField(
        _("Beschreibung"), max_length=NOTE_MAX_LENGTH, blank=True
    )

    objects = RoleRelationManager()

    class Meta:
        verbose_name = _("Beziehung")
        verbose_name_plural = _("Beziehungen")
        ordering = ["from_role", "kind", "to_role"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_role", "to_role", "kind"],
                name="rolerelation_one_per_pair_and_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_role=models.F("to_role")),
                name="rolerelation_not_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_role} {self.get_kind_display()} {self.to_role}"

    def natural_key(self) -> tuple[str, str, str]:
        return (self.from_role.slug, self.to_role.slug, self.kind)

    natural_key.dependencies = ["roles.role"]


class RoleOldSlug(models.Model):
    """A slug a role had before it was renamed: old links redirect to the role."""

    slug = models.SlugField(_("früherer Kurzname"), max_length=80, unique=True)
    role = models.ForeignKey(Role, related_name="old_slugs", on_delete=models.CASCADE)
    created_at = models.DateTimeField(_("umbenannt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("früherer Kurzname")
        verbose_name_plural = _("frühere Kurznamen")
        ordering = ["slug"]

    def __str__(self) -> str:
        return f"{self.slug} → {self.role.slug}"


class SearchTerm(models.Model):
    """A word some role uses; the vocabulary that corrects typos in searches.

    Written with the search index (``roles.search.index``); a trigram index on it
    (FTS5 on SQLite, pg_trgm on PostgreSQL) finds the words close to a typed one.
    """

    word = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("Suchwort")
        verbose_name_plural = _("Suchwörter")

    def __str__(self) -> str:
        return self.word


CLASSIFICATION_CODE_PATTERNS = {
    ClassificationScheme.ESCO: (
        r"^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$",
        _("Bitte die URI des ESCO-Berufs angeben, etwa "
          "http://data.europa.eu/esco/occupation/… (36 Zeichen am Ende)."),
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
}  # fmt: skip


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
        _("Stand"), max_length=12, choices=MappingStatus,
        default=MappingStatus.SUGGESTED,
    )  # fmt: skip
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


# Proposals live in their own module; importing it here registers the models.
from roles.proposal_models import ChangeProposal, ReviewEvent  # noqa: E402, F401
