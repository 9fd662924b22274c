"""Shared check results: stored only when the user asks, deleted when they expire."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.utils import timezone

from hiring.models import SharedCheck

ALLOWED_DAYS = {1, 7, 30}


def share(text: str, days: int) -> SharedCheck:
    if days not in ALLOWED_DAYS:
        raise ValueError(days)
    purge_expired()
    return SharedCheck.objects.create(
        token=secrets.token_urlsafe(32),
        text=text,
        expires_at=timezone.now() + timedelta(days=days),
    )


def find_shared(token: str) -> SharedCheck | None:
    """The shared check, or None when it never existed, was deleted or expired."""
    shared = SharedCheck.objects.filter(token=token).first()
    if shared and shared.expires_at <= timezone.now():
        shared.delete()
        return None
    return shared


def purge_expired() -> int:
    deleted, _by_model = SharedCheck.objects.filter(
        expires_at__lte=timezone.now()
    ).delete()
    return deleted
