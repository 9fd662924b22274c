"""Settings for the test suite: the real settings, with a test-only secret key.

The real settings refuse to start with DEBUG off and no key, as production must.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-any-server")

from config.settings import *  # noqa: E402, F403
