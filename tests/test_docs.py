"""The README stays a newcomer's page, and every link in the docs leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+)\)")


def test_the_readme_is_short_enough_for_a_newcomer():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 200


@pytest.mark.parametrize("document", DOCS, ids=lambda p: p.name)
def test_every_local_link_leads_to_a_file(document):
    for target in LOCAL_LINK.findall(document.read_text()):
        path = (document.parent / target.split("#")[0]).resolve()
        assert path.exists(), (document.name, target)


def test_the_readme_names_the_two_commands_and_the_first_account():
    readme = (ROOT / "README.md").read_text()
    for words in ("make run", "make test", "manage.py adduser", "127.0.0.1:8000"):
        assert words in readme, words
