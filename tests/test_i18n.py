"""German first, English complete: every UI string is translated, nothing fuzzy."""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "config" / "locale" / "en" / "LC_MESSAGES"
QUOTED = r'"(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*'
ENTRY = re.compile(
    rf"(?P<flags>(?:#,[^\n]*\n)?)msgid (?P<id>{QUOTED})\n"
    rf"(?:msgid_plural (?P<plural>{QUOTED})\n)?"
    rf"(?P<strs>(?:msgstr(?:\[\d\])? {QUOTED}\n?)+)"
)


def _text(quoted_lines: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', quoted_lines)
    return "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode()


def entries(path: Path) -> list[dict]:
    """A small .po reader: msgid, plural, translations and whether it is fuzzy."""
    found = []
    for match in ENTRY.finditer(path.read_text(encoding="utf-8")):
        strings = re.findall(
            r'msgstr(?:\[\d\])? ((?:"(?:[^"\\]|\\.)*"\n?)+)', match["strs"]
        )
        found.append(
            {
                "id": _text(match["id"]),
                "plural": _text(match["plural"]) if match["plural"] else None,
                "strs": [_text(s) for s in strings],
                "fuzzy": "fuzzy" in match["flags"],
            }
        )
    return [entry for entry in found if entry["id"]]  # the header has an empty id


def test_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    catalogue = entries(CATALOGUE / "django.po")
    assert len(catalogue) > 300
    assert [e["id"] for e in catalogue if e["fuzzy"]] == []
    assert [e["id"] for e in catalogue if not all(e["strs"])] == []


def test_translations_keep_their_placeholders():
    for entry in entries(CATALOGUE / "django.po"):
        wanted = sorted(re.findall(r"%\(\w+\)s", entry["plural"] or entry["id"]))
        for translation in entry["strs"]:
            assert sorted(re.findall(r"%\(\w+\)s", translation)) in (wanted, []), entry[
                "id"
            ]


def test_compiled_catalogue_matches_the_source():
    with open(CATALOGUE / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for entry in entries(CATALOGUE / "django.po"):
        if entry["plural"] is None:
            assert translations.gettext(entry["id"]) == entry["strs"][0], entry["id"]


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext")
def test_every_string_in_the_code_is_translated(tmp_path):
    """Extract again, in a copy of the project, and merge into the committed catalogue:
    a string added to code or templates without a translation shows up empty."""
    base = Path(settings.BASE_DIR)
    for name in ("config", "roles", "comparisons", "pages", "templates"):
        shutil.copytree(
            base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(base / "manage.py", tmp_path / "manage.py")
    command = ["manage.py", "makemessages", "-l", "en", "--no-location", "-v0"]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    subprocess.run(
        [sys.executable, *command], cwd=tmp_path, check=True, env=environment
    )
    merged = entries(
        tmp_path / "config" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    )
    untranslated = [e["id"] for e in merged if e["fuzzy"] or not all(e["strs"])]
    assert untranslated == [], "run `make messages` and translate these"


@pytest.mark.django_db
def test_pages_speak_english_when_asked(client, catalogue):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(
        reverse("roles:detail", args=["social-media-manager"])
    ).content.decode()
    assert '<html lang="en">' in page
    assert "Not part of this role" in page and "Nicht Teil dieser Rolle" not in page
    assert "Die zentrale Ansprechperson" in page  # content stays German


@pytest.mark.django_db
def test_german_is_the_default(client, catalogue):
    page = client.get(reverse("roles:list")).content.decode()
    assert '<html lang="de">' in page and "Alle Rollen" in page


@pytest.mark.django_db
def test_unknown_language_code_falls_back_to_german(client, catalogue):
    response = client.post(
        reverse("set_language"), {"language": "xx", "next": "/roles/"}
    )
    assert response.status_code == 302
    assert '<html lang="de">' in client.get(reverse("roles:list")).content.decode()
