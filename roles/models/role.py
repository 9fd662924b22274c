"""A role: what it is called, what it is for, and how it stands."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from core.markdown import render_markdown
from roles.choices import (
    ORIENTATION_MAX,
    ORIENTATION_MIN,
    CompanySize,
    Family,
    Position,
    Seniority,
    Status,
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
