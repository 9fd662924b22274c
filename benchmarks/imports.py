"""Import benchmark (`make bench-import`, not a test): generated files the size of
the real releases, imported on SQLite (and PostgreSQL with BENCH_POSTGRES_URL).

ESCO: 3,000 occupations (multi-line alternative labels), 600 ISCO groups, 13,900
skills and 126,000 occupation–skill relations. O*NET: 1,000 occupations, 19,000
task statements, 57,000 alternate titles, 62,000 skill rows (31,000 pairs) and the
scales. Each import runs in its own process, three times: into an empty database,
the same files again (nothing to change), and a newer version with 5 % of the
occupations renamed. Printed: wall time and the process's peak memory (maxrss).
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "benchmarks" / ".data")) / "imports"
PYTHON = sys.executable
E = "http://data.europa.eu/esco/"
WORDS = (
    "plan write measure lead review design answer build teach check report "
    "budget channel campaign audience content brand network data market"
).split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _uuid(kind: int, n: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


def _write(path: Path, rows, delimiter=",") -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(
            handle,
            delimiter=delimiter,
            lineterminator="\n",
            quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE,
            escapechar="\\",
        )
        writer.writerows(rows)


def generate_esco(folder: Path, rename_share: float = 0.0) -> None:
    rng = random.Random(1)
    folder.mkdir(parents=True, exist_ok=True)
    header = [
        "conceptType",
        "conceptUri",
        "iscoGroup",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "regulatedProfessionNote",
        "scopeNote",
        "definition",
        "inScheme",
        "description",
        "code",
    ]
    groups = [f"{n:04d}" for n in range(110, 9700, 16)][:600]
    rows = [header]
    for n in range(3000):
        label = f"Beruf {n} {rng.choice(WORDS)}"
        if rng.random() < rename_share:
            label += " (neu)"
        alts = "\n".join(f"{label} {k}" for k in range(rng.randint(1, 8)))
        group = groups[n % len(groups)]
        rows.append(
            [
                "Occupation",
                E + "occupation/" + _uuid(1, n),
                group,
                label,
                alts,
                "",
                "released",
                "2024-01-01T00:00:00Z",
                "",
                "",
                "",
                E + "concept-scheme/occupations",
                _text(rng, 45),
                f"{group}.{n % 9}",
            ]
        )
    _write(folder / "occupations_de.csv", rows)
    _write(
        folder / "ISCOGroups_de.csv",
        [
            [
                "conceptType",
                "conceptUri",
                "code",
                "preferredLabel",
                "altLabels",
                "inScheme",
                "description",
            ]
        ]
        + [
            ["ISCOGroup", E + "isco/C" + g, g, f"Gruppe {g}", "", "", _text(rng, 20)]
            for g in groups
        ],
    )
    skills = [E + "skill/" + _uuid(2, n) for n in range(13_900)]
    _write(
        folder / "skills_de.csv",
        [
            [
                "conceptType",
                "conceptUri",
                "skillType",
                "reuseLevel",
                "preferredLabel",
                "altLabels",
                "description",
            ]
        ]
        + [
            [
                "KnowledgeSkillCompetence",
                uri,
                "skill/competence",
                "cross-sector",
                f"Kompetenz {n} {rng.choice(WORDS)}",
                "",
                _text(rng, 20),
            ]
            for n, uri in enumerate(skills)
        ],
    )
    relations = [["occupationUri", "relationType", "skillType", "skillUri"]]
    for n in range(3000):
        for skill in rng.sample(skills, 42):
            relations.append(
                [
                    E + "occupation/" + _uuid(1, n),
                    rng.choice(("essential", "optional")),
                    "skill/competence",
                    skill,
                ]
            )
    _write(folder / "occupationSkillRelations_de.csv", relations)


def generate_onet(folder: Path, rename_share: float = 0.0) -> None:
    rng = random.Random(2)
    folder.mkdir(parents=True, exist_ok=True)
    codes = [f"{10 + n % 45:02d}-{n:04d}.{n % 3:02d}" for n in range(1000)]
    occupations = [["O*NET-SOC Code", "Title", "Description"]]
    for n, code in enumerate(codes):
        title = f"Occupation {n} {rng.choice(WORDS)}" + (
            " II" if rng.random() < rename_share else ""
        )
        occupations.append([code, title, _text(rng, 30)])
    _write(folder / "Occupation Data.txt", occupations, "\t")
    tasks = [
        [
            "O*NET-SOC Code",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ]
    ]
    for n in range(19_000):
        tasks.append(
            [
                codes[n % 1000],
                str(10_000 + n),
                _text(rng, 14),
                rng.choice(("Core", "Core", "Supplemental", "")),
                "30",
                "08/2024",
                "Incumbent",
            ]
        )
    _write(folder / "Task Statements.txt", tasks, "\t")
    titles = [
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"]
    ]
    titles += [
        [codes[n % 1000], "", f"Alternate {n}", "n/a", "08"] for n in range(57_000)
    ]
    _write(folder / "Alternate Titles.txt", titles, "\t")
    _write(
        folder / "Scales Reference.txt",
        [
            ["Scale ID", "Scale Name", "Minimum", "Maximum"],
            ["IM", "Importance", "1", "5"],
            ["LV", "Level", "0", "7"],
        ],
        "\t",
    )
    skills = [
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "N",
            "Standard Error",
            "Lower CI Bound",
            "Upper CI Bound",
            "Recommend Suppress",
            "Not Relevant",
            "Date",
            "Domain Source",
        ]
    ]
    for code in codes[:886]:  # like O*NET: some occupations have no ratings
        for element in range(35):
            skills.append(
                [
                    code,
                    f"2.A.{element}",
                    f"Skill {element}",
                    "IM",
                    f"{rng.uniform(1, 5):.2f}",
                    "8",
                    "0.2",
                    "1",
                    "5",
                    "N",
                    "n/a",
                    "08/2024",
                    "Analyst",
                ]
            )
            skills.append(
                [
                    code,
                    f"2.A.{element}",
                    f"Skill {element}",
                    "LV",
                    f"{rng.uniform(0, 7):.2f}",
                    "8",
                    "0.2",
                    "0",
                    "7",
                    "N",
                    rng.choice("NNNY"),
                    "08/2024",
                    "Analyst",
                ]
            )
    _write(folder / "Skills.txt", skills, "\t")


def _environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }


def timed(args: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the process, and its last output line."""
    started = time.monotonic()
    process = subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(output)
    summary = next(
        (
            line
            for line in output.splitlines()
            if line.startswith(("Konzepte", "Nichts"))
        ),
        "",
    )
    return time.monotonic() - started, usage.ru_maxrss / 1024, summary


def run(database_url: str, label: str) -> None:
    env = _environment(database_url)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
    )
    print(f"\n{label}")
    print(f"{'import':<36} {'s':>7} {'MB':>7}  result")
    for source, folder, newer, version, newer_version in (
        ("esco", DATA / "esco", DATA / "esco-newer", "1.2.0", "1.2.1"),
        ("onet", DATA / "onet", DATA / "onet-newer", "29.3", "30.0"),
    ):
        for title, path, ver in (
            ("first", folder, version),
            ("same files again", folder, version),
            ("newer, 5 % renamed", newer, newer_version),
        ):
            args = [
                PYTHON,
                "manage.py",
                "import_taxonomy",
                source,
                str(path),
                "--version",
                ver,
            ]
            seconds, megabytes, summary = timed(args, env)
            print(
                f"{source + ' ' + title:<36} {seconds:7.1f} {megabytes:7.0f}  {summary}"
            )


def main() -> None:
    if not (DATA / "onet-newer").exists():
        print("generating files …")
        generate_esco(DATA / "esco")
        generate_esco(DATA / "esco-newer", rename_share=0.05)
        generate_onet(DATA / "onet")
        generate_onet(DATA / "onet-newer", rename_share=0.05)
    for path in sorted(DATA.rglob("*.*")):
        print(f"  {path.relative_to(DATA)}: {path.stat().st_size / 1e6:.1f} MB")
    sqlite = DATA / "imports.sqlite3"
    sqlite.unlink(missing_ok=True)
    run(f"sqlite:///{sqlite}", "SQLite")
    admin_url = os.environ.get("BENCH_POSTGRES_URL")
    if admin_url:
        import psycopg2

        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("DROP DATABASE IF EXISTS berufsbild_bench_imports")
            cursor.execute("CREATE DATABASE berufsbild_bench_imports")
        connection.close()
        parts = urllib.parse.urlsplit(admin_url)
        run(parts._replace(path="/berufsbild_bench_imports").geturl(), "PostgreSQL")


if __name__ == "__main__":
    main()
