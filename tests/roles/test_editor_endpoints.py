"""markdownx's preview and upload: login required, same sanitiser, real images only."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db

PREVIEW = reverse("markdownx_markdownify")
UPLOAD = reverse("markdownx_upload")


@pytest.fixture
def member(client, settings, tmp_path, editor):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    return client


def test_readers_may_neither_preview_nor_upload(client_for, reader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(reader)
    assert client.post(PREVIEW, {"content": "x"}).status_code == 403
    assert _upload(client, "a.png", _image_bytes("PNG"), "image/png").status_code == 403
    assert not (tmp_path / "uploads").exists()


def _image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=image_format)
    return buffer.getvalue()


def _upload(client, name: str, content: bytes, content_type: str):
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(UPLOAD, {"image": file}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_preview_needs_login(client):
    response = client.post(PREVIEW, {"content": "**x**"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")


def test_upload_needs_login(client):
    response = _upload(client, "a.png", _image_bytes("PNG"), "image/png")
    assert response.status_code == 302


def test_preview_is_sanitised(member):
    response = member.post(
        PREVIEW, {"content": "**fett** <img src=x onerror=alert(1)>"}
    )
    html = response.content.decode()
    assert "<strong>fett</strong>" in html
    assert "onerror" not in html


def test_preview_without_content_is_empty_not_an_error(member):
    response = member.post(PREVIEW, {})
    assert response.status_code == 200
    assert response.content == b""


def test_png_upload_is_stored_and_returned_as_markdown(member, tmp_path):
    response = _upload(member, "bild.png", _image_bytes("PNG"), "image/png")
    assert response.status_code == 200
    code = response.json()["image_code"]
    assert code.startswith("![](/media/uploads/") and code.endswith(".png)")
    assert len(list((tmp_path / "uploads").iterdir())) == 1


def test_jpeg_upload_is_accepted(member):
    response = _upload(member, "foto.jpg", _image_bytes("JPEG"), "image/jpeg")
    assert response.json()["image_code"].endswith(".jpg)")


def test_svg_upload_is_refused(member, tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    response = _upload(member, "bild.png", svg, "image/png")
    assert response.status_code == 400
    assert "PNG und JPEG" in response.json()["image"][0]
    assert not (tmp_path / "uploads").exists()


def test_gif_disguised_as_png_is_refused(member):
    response = _upload(member, "bild.png", _image_bytes("GIF"), "image/png")
    assert response.status_code == 400
    assert "GIF" in response.json()["image"][0]


def test_too_large_upload_is_refused(member, settings):
    settings.MARKDOWNX_UPLOAD_MAX_SIZE = 100
    response = _upload(
        member, "bild.png", _image_bytes("PNG") + b"\0" * 200, "image/png"
    )
    assert response.status_code == 400
    assert "zu groß" in response.json()["image"][0]


def test_upload_without_file_says_what_to_do(member):
    response = member.post(UPLOAD, {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 400
    assert "Bilddatei" in response.json()["image"][0]
