"""Every page type is valid HTML by the Nu Html Checker: anonymous and signed in,
German and English. The checker runs once over all documents (it starts slowly)."""

from __future__ import annotations

import pytest

from tests.html_pages import collect_pages
from tests.nu_checker import check_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reader, editor, maintainer) -> dict:
    return {"reader": reader, "editor": editor, "maintainer": maintainer}


def test_every_page_type_passes_the_nu_html_checker(people, tmp_path, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.EXPORT_RENDERS_PER_MINUTE = 0
    pages = {**collect_pages("de", people), **collect_pages("en", people)}
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    findings = check_documents(tmp_path)
    report = "\n".join(str(finding) for finding in findings)
    assert not findings, f"{len(findings)} errors in {len(pages)} documents:\n{report}"
    assert len(pages) >= 100
