"""Rate counters that every app-server process shares (the database store of
``core.counters``, used when there is no Redis)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """How many events of one kind one client (or person) caused in the window
    that began with the first of them. Written only by ``core.counters``, one
    atomic statement per event; rows past their window are deleted there."""

    key = models.CharField(_("Schlüssel"), max_length=200, primary_key=True)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)
    expires = models.BigIntegerField(_("Ende des Zeitfensters (Unix-Zeit)"))

    class Meta:
        # Made by the roles app's migration 0015 and moved here without moving
        # the data (core 0001 and roles 0016 change only Django's state).
        db_table = "roles_ratecounter"
        verbose_name = _("Zähler")
        verbose_name_plural = _("Zähler")
        indexes = [models.Index(fields=["expires"], name="ratecounter_expires")]

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
