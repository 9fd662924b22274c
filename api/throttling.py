"""Rate limits per client (core.clients), counted in the store all app-server
processes share (core.counters): Redis, or the database without it.

DRF's own throttles keep a list of timestamps in the cache and write it back
after reading it: per process without Redis, and requests arriving together
overwrite each other's entries. Here each request is one atomic count.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.clients import client_key
from core.counters import count_hit


class ClientRateThrottle(SimpleRateThrottle):
    """Every API request counts. The rate is read per request (not at import,
    as DRF's own classes do), so settings and tests can change it."""

    scope = "api"
    setting = "API_RATE"
    retry_after: int | None = None

    def get_rate(self) -> str:
        return getattr(settings, self.setting)

    def allow_request(self, request, view) -> bool:
        limit, seconds = self.parse_rate(self.get_rate())
        hit = count_hit(self.scope, client_key(request), seconds)
        self.retry_after = hit.retry_after
        return hit.count <= limit

    def wait(self) -> int:
        """Whole seconds until this client's window ends (the 429's Retry-After),
        at least one: every 429 carries the header."""
        return max(int(self.retry_after or 1), 1)


class CheckRateThrottle(ClientRateThrottle):
    """The job-ad check reads a whole text: a tighter rate of its own."""

    scope = "api-check"
    setting = "API_CHECK_RATE"
