"""Real app servers for the production-shape tests: gunicorn processes on the test
database, and a small browser (cookies, forms as a browser would send them)."""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SECRET = "two-servers-test-key-not-for-production-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port: int, folder: Path) -> subprocess.Popen:
    """A throwaway Redis on ``port`` that keeps nothing on disk."""
    return subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )


def database_url() -> str:
    """The test database the tests write to, as DATABASE_URL for a server."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = urllib.parse.quote(settings.get("USER") or "")
    password = urllib.parse.quote(settings.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings['NAME']}"


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(
    extra_env: dict[str, str], *, workers: int = 1, access_log: Path | None = None
) -> AppServer:
    """gunicorn on the test database; with ``access_log``, each request's line
    starts with the pid of the worker that served it."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        **extra_env,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--timeout",
        "60",
    ]
    if access_log is not None:
        command += [
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(p)s %(s)s %(U)s",
        ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    server = AppServer(port, process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{server.url}/about/", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("gunicorn did not answer within 60 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Reply:
    status: int
    text: str
    location: str = ""


class Browser:
    """Keeps cookies per person; talks to whichever server it is told."""

    def __init__(self, headers: dict[str, str] | None = None) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )
        # Sent with every request, e.g. the X-Forwarded-For a proxy would write.
        self.opener.addheaders += list((headers or {}).items())

    def _open(self, request: urllib.request.Request) -> Reply:
        try:
            with self.opener.open(request, timeout=30) as response:
                return Reply(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Reply(
                error.code, error.read().decode(), error.headers.get("Location", "")
            )

    def get(self, url: str) -> Reply:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict, referer: str) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(url, data=body, method="POST")
        request.add_header("Referer", referer)
        return self._open(request)

    def log_in(self, server: AppServer, username: str, password: str) -> Reply:
        url = f"{server.url}/accounts/login/"
        fields = form_with(self.get(url).text, "username")
        fields.update(username=username, password=password)
        return self.post(url, fields, referer=url)


class _Forms(HTMLParser):
    """Every form's fields with the values a browser would send."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def _put(self, name: str, value: str) -> None:
        current = self._form.get(name)
        if current is None:
            self._form[name] = value
        elif isinstance(current, list):
            current.append(value)
        else:
            self._form[name] = [current, value]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._put(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image"):
                self._put(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._form[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._put(self._select, attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            if self._textarea and self._form is not None:
                # Browsers drop the newline right after <textarea>.
                value = self._form[self._textarea]
                self._form[self._textarea] = value.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_with(html: str, field: str) -> dict:
    """The fields of the first form on the page that has ``field``."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if field in form:
            return form
    raise AssertionError(f"no form with {field!r} on the page")
