"""Checks an app server runs before it serves anyone."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_unsafe_production() -> None:
    """Without DEBUG, never serve on the public development key."""
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY fehlt: Ohne Debug-Modus startet Berufsbild nicht mit "
            "dem öffentlichen Entwicklungsschlüssel. Setzen Sie einen langen "
            "Zufallswert (siehe README, „Betrieb“)."
        )
