"""Lighthouse, the audit the browsers' makers ship, over the main pages on a desktop
and a phone: accessibility, best practices and search-engine readiness each score
100. Lighthouse comes from node_modules (pinned in package.json) and drives the
Debian Chromium; it downloads nothing."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from tests.browser.conftest import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
SIX_ROLES = (
    "social-media-manager,community-manager,social-media-berater,"
    "online-redakteur,pr-berater,facebook-manager"
)
MAIN_PAGES = {
    "Startseite": "/",
    "Rollen": "/roles/",
    "Rollenseite": "/roles/social-media-manager/",
    "Vergleich, sechs Rollen": f"/compare/?roles={SIX_ROLES}",
    "Anzeige prüfen": "/check/",
    "Rolle finden": "/finden/",
    "Anzeige bauen": "/roles/community-manager/stellenanzeige/",
    "Suche": "/search/?q=community",
    "Aufgaben": "/tasks/",
    "Über": "/about/",
}
FORM_FACTORS = ("desktop", "mobile")


def audit(url: str, form_factor: str) -> dict:
    """One Lighthouse run; its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        preset = ["--preset=desktop"] if form_factor == "desktop" else []
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *preset,
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--output=json",
                f"--output-path={report}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
            timeout=180,
        )
        return json.loads(report.read_text())


def shortfalls(report: dict) -> list[str]:
    """The audits below full marks in the categories we hold at 100."""
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                failing.append(f"{category}: {ref['id']} ({result['title']})")
    return failing


def test_main_pages_score_100_on_desktop_and_phone(site):
    if connection.vendor != "sqlite":
        pytest.skip("the markup does not depend on the database: audited on SQLite")
    assert LIGHTHOUSE.exists(), "Lighthouse fehlt: `npm ci` (make test tut das)"
    runs = [(name, factor) for name in MAIN_PAGES for factor in FORM_FACTORS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = list(
            pool.map(lambda run: audit(site + MAIN_PAGES[run[0]], run[1]), runs)
        )
    table, problems = [], []
    for (name, factor), report in zip(runs, reports, strict=True):
        scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
        table.append(f"{name:26} {factor:8} {scores}")
        problems += [f"{name} ({factor}) {item}" for item in shortfalls(report)]
    print("\n".join(table))
    assert len(reports) == 20
    assert not problems, "\n".join(problems)
