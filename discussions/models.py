"""Discussion per role, who follows which role, and the notices they get."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

BODY_MAX_LENGTH = 10_000


class Comment(models.Model):
    """A comment on a role, or a reply to one (one level only)."""

    role = models.ForeignKey(
        "roles.Role", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
    )
    anchor = models.CharField(
        _("zu"),
        max_length=100,
        blank=True,
        help_text=_("Eine Aufgabe oder Kompetenz der Rolle (task:… / competency:…)"),
    )
    proposal = models.ForeignKey(
        "roles.ChangeProposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("zum Vorschlag"),
    )
    body = models.TextField(_("Kommentar (Markdown)"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("geschrieben am"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    is_deleted = models.BooleanField(_("gelöscht"), default=False)
    is_hidden = models.BooleanField(_("ausgeblendet"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_closed = models.BooleanField(_("Diskussion geschlossen"), default=False)
    """On a thread's first comment: no more replies."""

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["role", "parent", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} zu {self.role_id}"

    def save(self, *args, **kwargs):
        from core.markdown import render_markdown

        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The comment's thread alone (found on no page of threads), at the comment."""
        page = reverse("discussions:role", args=[self.role.slug])
        return f"{page}?thread={self.parent_id or self.pk}#kommentar-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return not (self.is_deleted or self.is_hidden)


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    role = models.ForeignKey(
        "roles.Role", on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gefolgte Rolle")
        verbose_name_plural = _("gefolgte Rollen")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.role_id}"


class Notice(models.Model):
    """Something that happened on a followed role (or to one's own proposal or
    comment), on the person's own page."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("neuer Vorschlag")
        DECISION = "decision", _("Entscheidung über einen Vorschlag")
        REPLY = "reply", _("Antwort")
        COMMENT = "comment", _("neuer Kommentar")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("Art"), max_length=12, choices=Kind)
    text = models.CharField(_("Hinweis"), max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(_("am"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelesen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Hinweis")
        verbose_name_plural = _("Hinweise")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return self.text
