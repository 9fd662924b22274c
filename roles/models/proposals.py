"""Change proposals and their review (Step 10): the models.

A proposal holds the full proposed state of a role (a snapshot, as the edit form
makes it) against the revision it was based on. It never touches the role: only
approving it writes, through the services, as the role's next revision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SUMMARY_MAX_LENGTH = 2_000
COMMENT_MAX_LENGTH = 5_000


class ProposalState(models.TextChoices):
    OPEN = "open", _("wartet auf Prüfung")
    CHANGES_REQUESTED = "changes-requested", _("Änderungen erbeten")
    NEEDS_AUTHOR = "needs-author", _("braucht die Person, die ihn gemacht hat")
    APPROVED = "approved", _("angenommen")
    REJECTED = "rejected", _("abgelehnt")


OPEN_STATES = (
    ProposalState.OPEN,
    ProposalState.CHANGES_REQUESTED,
    ProposalState.NEEDS_AUTHOR,
)


class ChangeProposal(models.Model):
    role = models.ForeignKey(
        "roles.Role", on_delete=models.SET_NULL, null=True, related_name="proposals"
    )
    role_title = models.CharField(_("Rolle"), max_length=120)
    """Kept when the role is deleted, so the proposal still says what it was."""
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        verbose_name=_("vorgeschlagen von"),
    )
    summary = models.TextField(_("Begründung"), max_length=SUMMARY_MAX_LENGTH)
    base_number = models.PositiveIntegerField(_("Grundlage: Fassung"))
    base = models.JSONField(_("Grundlage"))
    proposed = models.JSONField(_("vorgeschlagener Stand"))
    size = models.PositiveIntegerField(_("Umfang (geänderte Angaben)"), default=0)
    state = models.CharField(
        _("Stand"), max_length=20, choices=ProposalState, default=ProposalState.OPEN
    )
    pushes = models.PositiveIntegerField(_("Fassungen des Vorschlags"), default=1)
    """Rises with every push: a decision names the push it saw."""
    created_at = models.DateTimeField(_("eingereicht am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entschieden von"),
    )

    class Meta:
        verbose_name = _("Änderungsvorschlag")
        verbose_name_plural = _("Änderungsvorschläge")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["state", "created_at", "id"]),
            models.Index(fields=["role", "state"]),
        ]
        permissions = [("review_proposal", _("Kann Änderungsvorschläge prüfen"))]

    def __str__(self) -> str:
        return f"#{self.pk} {self.role_title}"

    def get_absolute_url(self) -> str:
        return reverse("roles:proposal", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ReviewEvent(models.Model):
    """One step of a proposal's life: who, when, what, and why."""

    class Kind(models.TextChoices):
        PROPOSED = "proposed", _("eingereicht")
        PUSHED = "pushed", _("überarbeitet")
        REBASED = "rebased", _("auf die neue Fassung gehoben")
        HELD = "held", _("angehalten: kollidiert mit einer neueren Fassung")
        APPROVED = "approved", _("angenommen")
        CHANGES_REQUESTED = "changes-requested", _("Änderungen erbeten")
        REJECTED = "rejected", _("abgelehnt")

    proposal = models.ForeignKey(
        ChangeProposal, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("Schritt"), max_length=20, choices=Kind)
    comment = models.TextField(
        _("Kommentar"), max_length=COMMENT_MAX_LENGTH, blank=True
    )
    comment_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Schritt der Prüfung")
        verbose_name_plural = _("Schritte der Prüfung")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.kind}"

    def save(self, *args, **kwargs):
        from core.markdown import render_markdown

        self.comment_html = render_markdown(self.comment) if self.comment else ""
        super().save(*args, **kwargs)
