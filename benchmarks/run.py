"""Benchmark (`make bench`, not a test): every page type at 16, 1,000 and 10,000 roles,
on SQLite and on PostgreSQL, against the template-only floor of the same run.

For each database and catalogue size it serves the app with gunicorn (DEBUG off)
and measures, from /proc, the worker's CPU time per request (the client's own work
is not counted) and the bytes of each page: cold (cache off: every request renders)
and warm (the shipped local-memory cache). Then search p50/p95 over 50 queries with
typos, the job-ad check on a 3,000-character ad, a repeated PDF, a burst of 10
different PDFs with a trivial page's latency during it, and each worker's peak
memory. Django's own bare template page (benchmarks/bare/site.py) is measured in
the same run. Every CPU figure is also printed as a ratio to the floor.

Databases: SQLite always; PostgreSQL when ``BENCH_POSTGRES_URL`` names a server
(an admin URL; the benchmark creates ``berufsbild_bench_<n>`` databases there).
Generated catalogues are kept (``BENCH_DATA``, default benchmarks/.data, and the
PostgreSQL databases) and reused while they hold the right number of roles: a
10,000-role catalogue takes about 20 minutes to make through the services.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.search_queries import QUERIES  # noqa: E402

PYTHON = sys.executable
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "16,1000,10000").split(",")]
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "benchmarks" / ".data"))
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAIR = "social-media-manager,social-media-berater"
SIX = f"{PAIR},community-manager,pr-berater,blogger,seo-manager"
FLOOR = "/about/"
# The answered guide scores every role: the row that shows whether it grows.
GUIDE_ANSWERED = (  # a small firm that plans and posts, and answers its customers
    "/finden/?company_size=small&position=internal&lead=no"
    "&t-social-media-strategie=often&t-redaktionsplanung=often"
    "&t-beitraege-schreiben=often&t-veroeffentlichen=often"
    "&t-fragen-beantworten=sometimes"
)
PAGES = [
    ("Boden: nur Vorlage (/about/)", FLOOR),
    ("Startseite", "/"),
    ("Rollenliste", "/roles/"),
    ("Rollenliste, Seite 3", "/roles/?page=3"),
    ("Rollenseite", "/roles/social-media-manager/"),
    ("Aufgabe (mit Rollen)", "/tasks/moderation/"),
    ("Vergleich, 2 Rollen", f"/compare/?roles={PAIR}"),
    ("Vergleich, 6 Rollen", f"/compare/?roles={SIX}"),
    ("Picker: Vorschläge", "/search/suggest/?q=Commu"),
    ("Rollenfinder (/finden/)", "/finden/"),
    ("Rollenfinder mit Antworten", GUIDE_ANSWERED),
    ("Anzeigen-Baukasten", "/roles/social-media-manager/stellenanzeige/"),
    ("Export XLSX, 2 Rollen", f"/compare/export.xlsx?roles={PAIR}"),
    ("Export PDF, 2 Rollen", f"/compare/export.pdf?roles={PAIR}"),
]
SLOW = {"Export PDF, 2 Rollen": 6}
FLOOR_REQUESTS = REQUESTS * 5
"""The floor is what every figure is divided by: measured longer, so the clock's
10 ms ticks do not show in the ratios."""
BURST_PAIRS = [
    "social-media-manager,community-manager",
    "social-media-manager,pr-berater",
    "social-media-manager,blogger",
    "social-media-manager,seo-manager",
    "social-media-berater,community-manager",
    "social-media-berater,pr-berater",
    "social-media-berater,blogger",
    "community-manager,pr-berater",
    "community-manager,blogger",
    "pr-berater,blogger",
]


# --- serving ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def peak_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    workers: list[int]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def serve(
    env: dict, app: str = "config.wsgi:application", workers: int = 1, threads: int = 4
) -> Server:
    port = free_port()
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
        "--timeout",
        "120",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(300):
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        pids = [int(p) for p in children.read_text().split()]
        if len(pids) == workers:
            try:
                request(port, FLOOR)
                return Server(port, process, pids)
            except OSError:
                pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def request(port: int, path: str, body: dict | None = None) -> tuple[int, int]:
    """(status, bytes) of one request; POST when a body is given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    if body is None:
        connection.request("GET", path)
    else:
        data = urllib.parse.urlencode(body)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", path, data, headers)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    if response.status >= 400:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return response.status, len(content)


@dataclass
class Figure:
    name: str
    cpu_ms: float
    kilobytes: float


def measure(
    server: Server,
    name: str,
    path: str,
    body: dict | None = None,
    count: int = REQUESTS,
) -> Figure:
    worker = server.workers[0]
    for _ in range(3):
        request(server.port, path, body)
    before, size = cpu_seconds(worker), 0
    for _ in range(count):
        _status, size = request(server.port, path, body)
    cpu = cpu_seconds(worker) - before
    return Figure(name, 1000 * cpu / count, size / 1024)


# --- databases ----------------------------------------------------------------------


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def base_env() -> dict:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_EXPORT_RENDERS_PER_MINUTE": "0",  # the burst is the point here
        "DJANGO_CHECK_PAGE_PER_MINUTE": "0",  # so is checking an ad many times
    }


def server_env(purpose: str) -> dict:
    """A production-like environment (DEBUG off) on a fresh database for the soak
    and the in-process check benchmark: DATABASE_URL if set, else a new SQLite
    file; migrated and with the shipped catalogue."""
    workdir = Path(tempfile.mkdtemp(prefix=f"berufsbild-{purpose}-"))
    env = base_env()
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / f'{purpose}.sqlite3'}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_catalogue")
    return env


def database_url(vendor: str, size: int) -> str:
    if vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'sqlite-{size}.sqlite3'}"
    parts = urllib.parse.urlsplit(POSTGRES_URL)
    name = f"berufsbild_bench_{size}"
    check = subprocess.run(
        [
            "psql",
            POSTGRES_URL,
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname='{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if check.stdout.strip() != "1":
        subprocess.run(
            ["psql", POSTGRES_URL, "-qc", f"CREATE DATABASE {name}"], check=True
        )
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def prepare(vendor: str, size: int) -> dict:
    """A migrated database with the shipped catalogue plus synthetic roles up to
    ``size`` in all; made once and kept."""
    env = {**base_env(), "DATABASE_URL": database_url(vendor, size)}
    manage(env, "migrate", "--noinput", "-v0")
    synthetic = 0 if size <= 16 else size
    if role_count(env) != 16 + synthetic:
        print(f"  {vendor}: {synthetic} synthetische Rollen anlegen …", flush=True)
        manage(env, "generate_catalogue", "--roles", str(synthetic))
    return env


def role_count(env: dict) -> int:
    code = "from roles.models import Role; print(Role.objects.count())"
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(output.stdout.strip().splitlines()[-1])


def ad_text() -> str:
    """Labelled ads one after another, cut at a word near 3,000 characters."""
    texts = [
        p.read_text() for p in sorted((ROOT / "tests/hiring/ads/b01-06").glob("*.txt"))
    ]
    text = "\n\n".join(texts[:6])
    return text[:3_000].rsplit(" ", 1)[0]


# --- one database at one size -------------------------------------------------------


@dataclass
class Run:
    vendor: str
    size: int
    cold: list[Figure] = field(default_factory=list)
    warm: list[Figure] = field(default_factory=list)
    search_ms: tuple[float, float] = (0.0, 0.0)
    search_cpu_ms: float = 0.0
    check: Figure | None = None
    burst_p95_ms: float = 0.0
    burst_seconds: float = 0.0
    peak_mb: float = 0.0


def run_size(vendor: str, size: int) -> Run:
    env = prepare(vendor, size)
    result = Run(vendor, size)
    cold = serve({**env, "DJANGO_CACHE": "off"})
    try:
        result.cold = [
            measure(cold, name, path, count=SLOW.get(name, REQUESTS))
            for name, path in PAGES
        ]
        result.search_ms, result.search_cpu_ms = measure_search(cold)
        result.check = measure(
            cold,
            "Anzeigenprüfung, 3.000 Zeichen",
            "/check/",
            {"text": ad_text()},
            count=max(10, REQUESTS // 3),
        )
        peak_cold = peak_megabytes(cold.workers[0])
    finally:
        cold.stop()
    warm = serve(env)
    try:
        result.warm = [
            measure(
                warm, name, path, count=FLOOR_REQUESTS if path == FLOOR else REQUESTS
            )
            for name, path in PAGES
        ]
        peak_warm = peak_megabytes(warm.workers[0])
    finally:
        warm.stop()
    burst = serve(env, workers=2, threads=4)
    try:
        result.burst_p95_ms, result.burst_seconds = measure_burst(burst)
        peak_burst = max(peak_megabytes(pid) for pid in burst.workers)
    finally:
        burst.stop()
    result.peak_mb = max(peak_cold, peak_warm, peak_burst)
    return result


def measure_search(server: Server) -> tuple[tuple[float, float], float]:
    """Wall-clock p50/p95 of the 50 queries (sequential) and the mean CPU."""
    paths = [f"/search/?{urllib.parse.urlencode({'q': q})}" for q in QUERIES]
    for path in paths[:5]:
        request(server.port, path)
    before, times = cpu_seconds(server.workers[0]), []
    for path in paths:
        started = time.perf_counter()
        request(server.port, path)
        times.append(1000 * (time.perf_counter() - started))
    cpu = 1000 * (cpu_seconds(server.workers[0]) - before) / len(paths)
    times.sort()
    return (statistics.median(times), times[int(0.95 * len(times)) - 1]), cpu


def measure_burst(server: Server) -> tuple[float, float]:
    """10 different PDFs at once; meanwhile a trivial page every 20 ms.
    Returns the trivial page's p95 latency and how long the burst took."""
    latencies: list[float] = []
    done = threading.Event()

    def trivial() -> None:
        while not done.is_set():
            started = time.perf_counter()
            request(server.port, FLOOR)
            latencies.append(1000 * (time.perf_counter() - started))
            time.sleep(0.02)

    def pdf(pair: str) -> None:
        request(server.port, f"/compare/export.pdf?roles={pair}")

    watcher = threading.Thread(target=trivial)
    exports = [threading.Thread(target=pdf, args=(pair,)) for pair in BURST_PAIRS]
    started = time.perf_counter()
    watcher.start()
    for thread in exports:
        thread.start()
    for thread in exports:
        thread.join()
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    latencies.sort()
    return latencies[max(0, int(0.95 * len(latencies)) - 1)], seconds


def measure_bare() -> Figure:
    env = base_env()
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = serve(env, "benchmarks.bare.site:application")
    try:
        return measure(
            server, "Django, nackte Vorlagenseite", FLOOR, count=REQUESTS * 3
        )
    finally:
        server.stop()


# --- report -------------------------------------------------------------------------


def times(part: float, whole: float) -> float:
    """part as a multiple of whole; NaN when whole measured as zero (a short run on
    a fast machine can use less CPU than the clock's tick)."""
    return part / whole if whole > 0 else float("nan")


def report(run: Run, bare: Figure) -> None:
    floor = run.warm[0].cpu_ms
    print(
        f"\n### {run.vendor}, {run.size} Rollen  (Boden {floor:.2f} ms; "
        f"Django nackt {bare.cpu_ms:.2f} ms → "
        f"Boden = {times(floor, bare.cpu_ms):.2f}×)\n"
    )
    print("| Seite | kalt ms | × Boden | warm ms | × Boden | KB |")
    print("|---|---:|---:|---:|---:|---:|")
    for cold, warm in zip(run.cold, run.warm, strict=True):
        print(
            f"| {cold.name} | {cold.cpu_ms:.1f} | {times(cold.cpu_ms, floor):.1f} | "
            f"{warm.cpu_ms:.1f} | {times(warm.cpu_ms, floor):.1f} | "
            f"{cold.kilobytes:.0f} |"
        )
    check = run.check
    print(
        f"| {check.name} | {check.cpu_ms:.1f} | {times(check.cpu_ms, floor):.1f} | | | "
        f"{check.kilobytes:.0f} |"
    )
    p50, p95 = run.search_ms
    print(
        f"\nSuche (50 Anfragen mit Tippfehlern): p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"(Wanduhr), CPU {run.search_cpu_ms:.1f} ms "
        f"= {times(run.search_cpu_ms, floor):.1f}× Boden"
    )
    print(
        f"10 verschiedene PDFs gleichzeitig: {run.burst_seconds:.1f} s; triviale "
        f"Seite dabei p95 {run.burst_p95_ms:.0f} ms"
    )
    print(f"Spitzenspeicher je Worker: {run.peak_mb:.0f} MB")


def growth(runs: list[Run]) -> None:
    """Each page's CPU and size at the largest size as a multiple of the smallest."""
    for vendor in sorted({run.vendor for run in runs}):
        mine = sorted((r for r in runs if r.vendor == vendor), key=lambda r: r.size)
        if len(mine) < 2:
            continue
        small, large = mine[0], mine[-1]
        print(f"\n### {vendor}: {large.size} gegen {small.size} Rollen (kalt)\n")
        print("| Seite | CPU × | Größe × |")
        print("|---|---:|---:|")
        for a, b in zip(
            [*small.cold, small.check], [*large.cold, large.check], strict=True
        ):
            print(
                f"| {a.name} | {times(b.cpu_ms, a.cpu_ms):.2f} | "
                f"{b.kilobytes / max(a.kilobytes, 0.01):.2f} |"
            )
        search_growth = times(large.search_cpu_ms, small.search_cpu_ms)
        print(f"| Suche, CPU je Anfrage | {search_growth:.2f} | |")
        print(f"| Spitzenspeicher | {times(large.peak_mb, small.peak_mb):.2f} | |")


def main() -> None:
    vendors = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
    if not POSTGRES_URL:
        print("BENCH_POSTGRES_URL ist nicht gesetzt: nur SQLite.")
    bare = measure_bare()
    runs = []
    for vendor in vendors:
        for size in SIZES:
            run = run_size(vendor, size)
            report(run, bare)
            runs.append(run)
    growth(runs)


if __name__ == "__main__":
    main()
