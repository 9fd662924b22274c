"""The search's vocabulary (the index itself is in roles.search)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
