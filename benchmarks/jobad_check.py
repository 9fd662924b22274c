"""Benchmark of the job-ad check and the guide, in process (no HTTP), at each
catalogue size of ``BENCH_SIZES``: CPU for the cold build of the check's index,
per check of 500, 3,000 and 20,000 characters, per answered guide, and for the
first check after a role was edited (the index is patched, not rebuilt). Not a
test; the accuracy figures come from ``benchmarks/evaluate.py``.

Each size runs in its own process on a copy of the kept benchmark database, so
that the edit it makes does not change the kept data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import PYTHON, SIZES, prepare  # noqa: E402

LENGTHS = (500, 3_000, 20_000)
ROUNDS = {500: 100, 3_000: 30, 20_000: 8}
GUIDE_ROUNDS = 30
GUIDE_ANSWERS = {
    "company_size": "small",
    "position": "internal",
    "lead": False,
    "tasks": {
        "redaktionsplanung": "often",
        "beitraege-schreiben": "often",
        "veroeffentlichen": "often",
        "moderation": "sometimes",
    },
}


def ad_of_length(texts: list[str], length: int) -> str:
    """Labelled ads one after another, cut at a word near ``length``."""
    text = ""
    while len(text) < length:
        text += "\n\n".join(texts)
    return text[:length].rsplit(" ", 1)[0]


def cpu_ms(call, rounds: int = 1) -> float:
    started = time.process_time()
    for _ in range(rounds):
        call()
    return 1000 * (time.process_time() - started) / rounds


def measure_here() -> None:
    """In the worker process: Django on the database of DATABASE_URL."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from core.caching import catalogue_stamp
    from hiring.catalogue import build_catalogue, current_catalogue
    from hiring.check import check_ad
    from hiring.checkindex import build_check_index, current_check_index
    from hiring.guide import answer_guide
    from hiring.guide_answers import read_answers
    from roles.models import Role
    from roles.revisions.snapshots import snapshot_of
    from roles.services import save_role
    from tests.hiring.labelled import load_ads

    texts = [ad.text for ad in load_ads() if ad.batch == "b01-06"]
    cold = cpu_ms(lambda: build_check_index(build_catalogue(catalogue_stamp())))
    print(f"  Katalog und Index aufbauen (kalt): {cold:.0f} ms CPU")
    current_check_index()
    for length in LENGTHS:
        text = ad_of_length(texts, length)
        check_ad(text)
        per_check = cpu_ms(lambda t=text: check_ad(t), ROUNDS[length])
        print(f"  Prüfung, {len(text):>6} Zeichen: {per_check:6.1f} ms CPU")
    answers = read_answers(GUIDE_ANSWERS, current_catalogue())
    answer_guide(answers)
    guide = cpu_ms(lambda: answer_guide(answers), GUIDE_ROUNDS)
    print(f"  Rollenfinder mit Antworten: {guide:.1f} ms CPU")
    role = Role.objects.get(slug="blogger")
    snapshot = snapshot_of(role)
    snapshot["fields"]["summary"] = role.summary + " (Benchmark)"
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Benchmark",
    )
    text = ad_of_length(texts, 3_000)
    first = cpu_ms(lambda: check_ad(text))
    print(f"  erste Prüfung nach einer Bearbeitung: {first:.0f} ms CPU")


def main() -> None:
    if os.environ.get("BENCH_WORKER"):
        measure_here()
        return
    for size in SIZES:
        env = prepare("sqlite", size)
        kept = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
        with tempfile.TemporaryDirectory(prefix="berufsbild-check-bench-") as tmp:
            copy = Path(tmp) / kept.name
            shutil.copyfile(kept, copy)
            title = f"Anzeigenprüfung und Rollenfinder, sqlite, {size} Rollen"
            print(f"\n### {title}", flush=True)
            subprocess.run(
                [PYTHON, __file__],
                env={**env, "DATABASE_URL": f"sqlite:///{copy}", "BENCH_WORKER": "1"},
                cwd=ROOT,
                check=True,
            )


if __name__ == "__main__":
    main()
