"""When the database is gone, read-only or locked: a 503 that loses nothing.

Any view may meet a database that is down (server stopped, network gone), refuses
writes (read-only file, read-only replica) or stays locked past the busy timeout.
Those are passing faults, not bugs: the answer is 503 with ``Retry-After``, and a
form that was being sent comes back with everything that was typed, ready to send
again. The page is rendered without context processors, because they would ask the
database (user, messages) that just failed.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, IntegrityError, ProgrammingError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

logger = logging.getLogger("berufsbild.faults")

RETRY_AFTER_SECONDS = 30
# Fields a person did not type: they go back as hidden inputs only.
NOT_TYPED = {"csrfmiddlewaretoken", "base_state", "base_number"}


def is_passing_fault(error: BaseException) -> bool:
    """Outages and refusals of the database, not mistakes in our queries or data."""
    if isinstance(error, IntegrityError | ProgrammingError):
        return False
    return isinstance(error, DatabaseError)


class DatabaseFaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_passing_fault(exception):
            return None
        logger.warning(
            "database fault on %s %s: %s", request.method, request.path, exception
        )
        return fault_response(request)


def fault_response(request: HttpRequest) -> HttpResponse:
    typed, hidden = typed_fields(request) if request.method == "POST" else ([], [])
    context = {
        "typed": typed,
        "hidden": hidden,
        "action": request.get_full_path(),
        "csrf_token": get_token(request),
        "retry_after": RETRY_AFTER_SECONDS,
    }
    html = render_to_string("503.html", context)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def typed_fields(request: HttpRequest) -> tuple[list, list]:
    """(name, value) pairs: the texts to show for copying, and all to send again."""
    hidden = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    # Prose is worth copying by hand; ids, codes and ticks travel in the form only.
    # Passwords are never shown, even when they contain a space.
    typed = [
        (name, value)
        for name, value in hidden
        if name not in NOT_TYPED and "password" not in name and " " in value.strip()
    ]
    return typed, hidden
