"""Soak: 60 s of concurrent readers plus an editor on gunicorn with threads.

Eight reader threads cycle through role pages, comparisons, search and exports
while one editor saves the same role every second through the real edit form.
It prints the count of answers that were not 2xx/3xx and checks that the number of
revisions and the final text agree with the saves the editor saw succeed.
Bounded in time and count; only 127.0.0.1. Run with `make soak` (SQLite) or with
DATABASE_URL set (PostgreSQL); not a test.
"""

from __future__ import annotations

import collections
import http.client
import http.cookies
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, free_port, server_env  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
READERS = 8
MAX_REQUESTS_PER_READER = 20_000
# A draft role: an editor's save on it is a new revision at once (on a reviewed
# role it would be a proposal for review, which is not what the soak measures).
ROLE = "blogger"
PAIR = "social-media-manager,social-media-berater"
READ_PATHS = [
    f"/roles/{ROLE}/",
    f"/compare/?roles={PAIR}",
    "/search/?q=Community",
    f"/compare/export.csv?roles={PAIR}",
    f"/compare/export.xlsx?roles={PAIR}",
    f"/roles/{ROLE}/history/",
    f"/compare/export.pdf?roles={PAIR}",
]
EDITOR, PASSWORD = "soak-redaktion", "Soak-Passwort-2026"


class FormFields(HTMLParser):
    """The fields a browser would send for the first POST form of a page."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = self._done = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method") == "post" and not self._done:
            self._in_form = "edit-form" in (a.get("class") or "")
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form, self._done = False, True
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.lstrip("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


class Session:
    """A browser-like client: keeps cookies, sends the CSRF token."""

    def __init__(self, port: int):
        self.port, self.cookies = port, http.cookies.SimpleCookie()

    def request(self, method: str, path: str, fields=None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        }
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response.status, text

    def post_form(self, path: str, changes: dict[str, str]) -> int:
        status, page = self.request("GET", path)
        if status != 200:
            return status
        parser = FormFields()
        parser.feed(page)
        fields = [(k, v) for k, v in parser.fields if k not in changes]
        fields += list(changes.items())
        fields.append(("csrfmiddlewaretoken", self.cookies["csrftoken"].value))
        return self.request("POST", path, fields)[0]

    def log_in(self) -> None:
        self.request("GET", "/accounts/login/")
        token = self.cookies["csrftoken"].value
        fields = {
            "username": EDITOR,
            "password": PASSWORD,
            "csrfmiddlewaretoken": token,
        }
        status, _page = self.request("POST", "/accounts/login/", fields)
        if status != 302:
            raise RuntimeError(f"editor login failed: HTTP {status}")


def reader(port: int, deadline: float, statuses: collections.Counter, lock) -> None:
    session = Session(port)
    for n in range(MAX_REQUESTS_PER_READER):
        if time.monotonic() > deadline:
            return
        try:
            status, _page = session.request("GET", READ_PATHS[n % len(READ_PATHS)])
        except OSError as error:
            status = f"error {type(error).__name__}"
        with lock:
            statuses[status] += 1


def editor(port: int, deadline: float, outcome: dict) -> None:
    session = Session(port)
    session.log_in()
    n = 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        text = f"Soak-Speicherung Nummer {n}: eine Rolle, die Gespräche begleitet."
        changes = {"summary": text, "edit_summary": f"Soak {n}"}
        status = session.post_form(f"/roles/{ROLE}/edit/", changes)
        outcome["statuses"][status] += 1
        if status == 302:
            outcome["saved"] += 1
            outcome["last_text"] = text
        n += 1
        time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


def manage_py(env: dict, code: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def main() -> None:
    env = server_env("soak")
    manage_py(
        env,
        (
            "from django.contrib.auth.models import Group, User\n"
            f"u, _ = User.objects.get_or_create(username={EDITOR!r})\n"
            f"u.set_password({PASSWORD!r}); u.save()\n"
            "u.groups.add(Group.objects.get(name='Redaktion'))\n"
            "from axes.models import AccessAttempt\n"
            "AccessAttempt.objects.all().delete()"
        ),
    )
    count_code = (
        "from reversion.models import Version; from roles.models import Role\n"
        f"r = Role.objects.get(slug={ROLE!r})\n"
        "print(Version.objects.get_for_object(r).count()); print(r.summary)"
    )
    versions_before = int(manage_py(env, count_code).splitlines()[0])
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_until_up(port)
        statuses, lock = collections.Counter(), threading.Lock()
        outcome = {"statuses": collections.Counter(), "saved": 0, "last_text": None}
        deadline = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=reader, args=(port, deadline, statuses, lock))
            for _ in range(READERS)
        ] + [threading.Thread(target=editor, args=(port, deadline, outcome))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    _report(env, statuses, outcome, versions_before, count_code)


def _wait_until_up(port: int) -> None:
    for _ in range(100):
        try:
            Session(port).request("GET", "/about/")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _report(env, statuses, outcome, versions_before, count_code) -> None:
    versions_after, summary = manage_py(env, count_code).split("\n", 1)
    bad_reads = sum(n for s, n in statuses.items() if not str(s).startswith(("2", "3")))
    bad_edits = sum(
        n for s, n in outcome["statuses"].items() if not str(s).startswith(("2", "3"))
    )
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    new_versions = int(versions_after) - versions_before
    print(
        f"\nSoak auf {database}: {SECONDS} s, {READERS} Leser, 1 Redakteur, "
        "gunicorn 2 Worker × 4 Threads"
    )
    print(f"Leseanfragen: {sum(statuses.values())} {dict(statuses)}")
    print(f"Speicherungen: {dict(outcome['statuses'])}")
    print(f"Antworten außer 2xx/3xx: {bad_reads + bad_edits}")
    text_agrees = summary == outcome["last_text"]
    agree = new_versions == outcome["saved"] and text_agrees
    print(
        f"Neue Fassungen: {new_versions}, erfolgreiche Speicherungen: "
        f"{outcome['saved']}, Endtext stimmt: {text_agrees}"
    )
    print("OK" if agree and not bad_reads + bad_edits else "FEHLER")
    if not agree or bad_reads + bad_edits:
        sys.exit(1)


if __name__ == "__main__":
    main()
