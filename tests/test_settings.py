"""Production settings come from the environment; unsafe ones refuse to serve."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "berufsbild.example.org",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_BEHIND_PROXY": "1",
}


def _python(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=120,
    )


def test_without_debug_the_app_servers_refuse_the_public_key():
    for module in ("config.wsgi", "config.asgi"):
        result = _python("-c", f"import {module}")
        assert result.returncode != 0, module
        assert "DJANGO_SECRET_KEY fehlt" in result.stderr


def test_app_servers_start_with_a_key_or_in_debug_mode():
    assert (
        _python("-c", "import config.wsgi", DJANGO_SECRET_KEY="x" * 50).returncode == 0
    )
    assert _python("-c", "import config.wsgi", DJANGO_DEBUG="1").returncode == 0


def test_management_commands_work_locally_without_a_key():
    assert _python("manage.py", "check").returncode == 0


def test_the_documented_production_environment_passes_check_deploy():
    result = _python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_operations_guide_shows_the_same_production_environment():
    readme = (BASE_DIR / "docs" / "operations.md").read_text()
    for name in PRODUCTION:
        assert name in readme, name
