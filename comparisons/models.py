"""Curated comparisons: a saved set of roles with an editorial introduction."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from core.markdown import render_markdown
from roles.models import Role


class CuratedComparisonManager(models.Manager):
    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class CuratedComparison(models.Model):
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=80, unique=True)
    title = models.CharField(_("Titel"), max_length=160)
    intro = MarkdownxField(_("Einleitung"), max_length=10_000, blank=True)
    intro_html = models.TextField(editable=False, blank=True)
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = CuratedComparisonManager()

    class Meta:
        verbose_name = _("kuratierter Vergleich")
        verbose_name_plural = _("kuratierte Vergleiche")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Stored, sanitised HTML: the page never renders Markdown per request.
        self.intro_html = render_markdown(self.intro)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("comparisons:curated", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class CuratedRoleManager(models.Manager):
    def get_by_natural_key(self, comparison_slug: str, role_slug: str):
        return self.get(comparison__slug=comparison_slug, role__slug=role_slug)


class CuratedComparisonRole(models.Model):
    """One role in a curated comparison, at its place in the column order."""

    comparison = models.ForeignKey(
        CuratedComparison, related_name="entries", on_delete=models.CASCADE
    )
    role = models.ForeignKey(
        Role,
        verbose_name=_("Rolle"),
        related_name="curated_entries",
        on_delete=models.CASCADE,
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = CuratedRoleManager()

    class Meta:
        verbose_name = _("Rolle im Vergleich")
        verbose_name_plural = _("Rollen im Vergleich")
        ordering = ["comparison", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparison", "role"], name="curatedrole_one_per_comparison"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.comparison}: {self.role}"

    def natural_key(self) -> tuple[str, str]:
        return (self.comparison.slug, self.role.slug)

    natural_key.dependencies = ["comparisons.curatedcomparison", "roles.role"]
