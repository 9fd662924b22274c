"""The Nu Html Checker (vnu.jar from the npm package vnu-jar, run with Java): one
start for many documents, because the JVM takes seconds to come up."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_HINT = (
    "The Nu Html Checker needs Java and node_modules/vnu-jar: run `make test-fast` "
    "(as root it installs default-jre-headless and runs npm ci), or "
    "`apt-get install default-jre-headless && npm ci`."
)


@dataclass(frozen=True)
class Finding:
    document: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())
        return f"{self.document}:{self.line}: {self.message}\n    {extract}"


def checker_command() -> list[str]:
    java = shutil.which("java")
    if java is None or not JAR.exists():
        raise RuntimeError(INSTALL_HINT)
    return [java, "-Xss2m", "-jar", str(JAR)]


def check_documents(folder: Path) -> list[Finding]:
    """Errors (not warnings) in every .html file of ``folder``, one checker run."""
    files = sorted(str(path) for path in folder.glob("*.html"))
    result = subprocess.run(
        [*checker_command(), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or '{"messages": []}')
    return [
        Finding(
            Path(message.get("url", "?")).name,
            message.get("lastLine", 0),
            message.get("message", ""),
            message.get("extract", ""),
        )
        for message in report["messages"]
        if message.get("type") in ("error", "non-document-error")
    ]
