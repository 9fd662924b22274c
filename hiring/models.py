"""What the hiring tools store: only job-ad checks someone chose to share."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SharedCheck(models.Model):
    """A job-ad check someone chose to share: the ad text, kept until it expires.

    Only created on request; by default the check stores nothing. The token is the
    only way in, so it is long and random; anyone holding the link may delete it."""

    token = models.CharField(max_length=43, unique=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        # The table kept its name when the job-ad check moved out of comparisons.
        db_table = "comparisons_sharedcheck"
        verbose_name = _("geteilte Anzeigenprüfung")
        verbose_name_plural = _("geteilte Anzeigenprüfungen")

    def __str__(self) -> str:
        return self.token[:8]

    def get_absolute_url(self) -> str:
        return reverse("hiring:shared", kwargs={"token": self.token})
