"""Exports under load: one PDF engine, a render limit per process, a rate per client.

WeasyPrint needs most of a CPU for up to a second and holds the GIL while it does.
So each app-server process renders at most ``PDF_RENDERS_PER_PROCESS`` PDFs at a
time (other threads keep serving pages meanwhile), a request that waits too long
for its turn is told to come back, and a client asking for more new renders per
minute than ``EXPORT_RENDERS_PER_MINUTE`` gets a polite 429 with ``Retry-After``
(counted for all app-server processes together: core.counters). Files already
rendered come from the cache and count against nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from core.clients import client_key
from core.counters import count_hit

WAIT_FOR_TURN_SECONDS = 20
_slots = threading.BoundedSemaphore(settings.PDF_RENDERS_PER_PROCESS)


class ExportBusy(Exception):
    """Too many renders now (this process) or from this client (this minute)."""

    def __init__(self, retry_after: int, message: str):
        super().__init__(message)
        self.retry_after = retry_after
        self.message = message


@contextmanager
def render_turn():
    """Wait for one of this process's render slots, or give up politely."""
    if not _slots.acquire(timeout=WAIT_FOR_TURN_SECONDS):
        raise ExportBusy(
            5, _("Gerade werden viele Dateien erstellt. Bitte gleich noch einmal.")
        )
    try:
        yield
    finally:
        _slots.release()


def html_to_pdf(html: str) -> bytes:
    """The one place HTML becomes a tagged PDF (screen readers follow headings,
    lists and tables), inside a render slot."""
    from weasyprint import HTML  # ~0.7 s to import; only PDF requests pay for it

    with render_turn():
        document = HTML(string=html, base_url=str(settings.BASE_DIR))
        return document.write_pdf(pdf_tags=True)


def count_render(request: HttpRequest) -> None:
    """Count one new render for this client; past the rate, ExportBusy."""
    limit = settings.EXPORT_RENDERS_PER_MINUTE
    if limit <= 0:
        return
    hit = count_hit("export", client_key(request), seconds=60)
    if hit.count > limit:
        raise ExportBusy(
            hit.retry_after,
            _(
                "Sie haben in dieser Minute schon %(limit)s Dateien erstellt. "
                "Bitte warten Sie kurz."
            )
            % {"limit": limit},
        )


def polite_when_busy(view: Callable) -> Callable:
    """429 with Retry-After and a plain sentence, instead of a queue or a 500."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ExportBusy as busy:
            response = HttpResponse(
                busy.message, status=429, content_type="text/plain; charset=utf-8"
            )
            response["Retry-After"] = str(busy.retry_after)
            return response

    return wrapper
