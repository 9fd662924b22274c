"""The one Markdown door: every known payload comes out harmless."""

from __future__ import annotations

import pytest

from core.markdown import render_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick](jav&#x09;ascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://example.org"></iframe>',
    "<svg onload=alert(1)></svg>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<details open ontoggle=alert(1)>x</details>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_rendered_harmless(payload):
    html = render_markdown(payload).lower()
    for danger in (
        "<script",
        "onerror",
        "onload",
        "ontoggle",
        "javascript:",
        "data:",
        "<iframe",
        "<svg",
        "style=",
    ):
        assert danger not in html


def test_ordinary_markdown_survives():
    html = render_markdown("## Aufgaben\n\n- **Strategie**\n- [BVCM](https://bvcm.org)")
    assert "<h2>Aufgaben</h2>" in html
    assert "<strong>Strategie</strong>" in html
    assert 'href="https://bvcm.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_images_only_from_own_uploads():
    html = render_markdown(
        "![a](/media/uploads/a.png) ![b](https://evil.example/b.png)"
    )
    assert 'src="/media/uploads/a.png"' in html
    assert "evil.example" not in html


def test_tables_from_markdown_extra_render():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html and "<td>1</td>" in html
