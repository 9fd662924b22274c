"""Benchmark: gunicorn (DEBUG off) on 127.0.0.1, bounded sequential load.

Measures, per page, the server worker's CPU time per request (from /proc, so the
client's own work is not counted) and requests per second, against a trivial
template page of the same app as the floor. Run with `make bench`; not a test.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
WARMUP = 20
MAX_SECONDS_PER_PAGE = 60
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAIR = "social-media-manager,social-media-berater"
SIX = f"{PAIR},community-manager,pr-berater,blogger,seo-manager"
PAGES = [
    ("Boden: Vorlage ohne Datenbank (/about/)", "/about/"),
    ("Rollenseite", "/roles/social-media-manager/"),
    ("Vergleich, 2 Rollen", f"/compare/?roles={PAIR}"),
    ("Vergleich, 6 Rollen", f"/compare/?roles={SIX}"),
    ("Export XLSX, 2 Rollen", f"/compare/export.xlsx?roles={PAIR}"),
    ("Export PDF, 2 Rollen", f"/compare/export.pdf?roles={PAIR}"),
]


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    cpu_seconds: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def worker_pid(master: int) -> int:
    for _ in range(100):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn worker did not start")


def get(port: int, path: str) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")


def measure(port: int, worker: int, name: str, path: str) -> Result:
    for _ in range(WARMUP):
        get(port, path)
    cpu_before, started, done = process_cpu_seconds(worker), time.perf_counter(), 0
    while done < REQUESTS and time.perf_counter() - started < MAX_SECONDS_PER_PAGE:
        get(port, path)
        done += 1
    seconds = time.perf_counter() - started
    return Result(name, done, seconds, process_cpu_seconds(worker) - cpu_before)


def prepare(env: dict) -> None:
    for command in (["migrate", "--noinput", "-v0"], ["load_catalogue", "-v0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


def server_env(purpose: str) -> dict:
    """A production-like environment (DEBUG off) on a fresh database: DATABASE_URL
    if set, else a new SQLite file; migrated and with the shipped catalogue."""
    workdir = Path(tempfile.mkdtemp(prefix=f"berufsbild-{purpose}-"))
    env = {
        **os.environ, "DJANGO_DEBUG": "0", "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", f"{purpose}-only-key"),
    }  # fmt: skip
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / f'{purpose}.sqlite3'}")
    prepare(env)
    return env


def main() -> None:
    env = server_env("bench")
    port = free_port()
    command = [PYTHON, "-m", "gunicorn", "config.wsgi:application"]
    command += [
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        worker = worker_pid(server.pid)
        for _ in range(50):
            try:
                get(port, "/about/")
                break
            except OSError:
                time.sleep(0.1)
        results = [measure(port, worker, name, path) for name, path in PAGES]
    finally:
        server.terminate()
        server.wait(timeout=10)
    report(results)


def report(results: list[Result]) -> None:
    floor = results[0]
    print(
        f"\n{REQUESTS} Anfragen je Seite, sequenziell, 1 gunicorn-Worker, DEBUG aus\n"
    )
    print(f"{'Seite':42} {'Anfr./s':>8} {'CPU ms/Anfr.':>13} {'× Boden':>8}")
    for result in results:
        ratio = result.cpu_ms / floor.cpu_ms if floor.cpu_ms else float("nan")
        figures = f"{result.per_second:8.1f} {result.cpu_ms:13.2f} {ratio:8.2f}"
        print(f"{result.name:42} {figures}")


if __name__ == "__main__":
    main()
