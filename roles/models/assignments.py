"""How a role connects: its tasks, its competencies, its relations to others."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from roles.choices import LEVEL_MEANINGS, Level, RelationKind, Responsibility
from roles.models.catalogue import Competency, Task
from roles.models.role import NOTE_MAX_LENGTH, Role


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
