"""Rate limits per client address, shared by all app servers through the cache."""

from __future__ import annotations

import math

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from comparisons.exporters.limits import client_address


class ClientRateThrottle(SimpleRateThrottle):
    """Every API request counts. The rate is read per request (not at import,
    as DRF's own classes do), so settings and tests can change it."""

    scope = "api"
    setting = "API_RATE"

    def get_rate(self) -> str:
        return getattr(settings, self.setting)

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def wait(self) -> int:
        """Whole seconds until a request is allowed again: every 429 carries
        Retry-After. DRF gives None when the history holds more requests than
        the rate allows (it was lowered since), and fractions that its header
        rounds down to 0."""
        if self.num_requests <= 0 or len(self.history) < self.num_requests:
            return self.duration
        oldest_counted = self.history[self.num_requests - 1]
        return max(math.ceil(self.duration - (self.now - oldest_counted)), 1)

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {
            "scope": self.scope,
            "ident": client_address(request),
        }


class CheckRateThrottle(ClientRateThrottle):
    """The job-ad check reads a whole text: a tighter rate of its own."""

    scope = "api-check"
    setting = "API_CHECK_RATE"
