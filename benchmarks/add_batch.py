"""Take a new batch of labelled ads or situations into the labelled sets.

    python benchmarks/add_batch.py ads FOLDER BATCH        # e.g. … ads /tmp/b12 b12
    python benchmarks/add_batch.py situations FOLDER BATCH

Copies the files to tests/hiring/ads/BATCH/ (or situations/BATCH/) and freezes a
random 60 % of them as test part (seeded by the batch's name, so it is the same on
every machine), appending their names to tests/hiring/FROZEN. Nobody looks at the
texts first. Then run `benchmarks/evaluate.py --batch BATCH` for the batch's first
look and record the figures in the README before changing anything.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN_SHARE = 0.6


def main() -> None:
    kind, folder, batch = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    suffix = {"ads": ".txt", "situations": ".json"}[kind]
    target = ROOT / "tests" / "hiring" / kind / batch
    if target.exists():
        sys.exit(f"{target} exists: a batch is added once")
    files = sorted(folder.glob(f"*{suffix}"))
    target.mkdir(parents=True)
    for path in files:
        shutil.copy(path, target / path.name)
    chooser = random.Random(f"berufsbild-{batch}")
    frozen = sorted(chooser.sample(files, round(FROZEN_SHARE * len(files))))
    with (ROOT / "tests" / "hiring" / "FROZEN").open("a", encoding="utf-8") as out:
        out.write(f"# {kind} {batch}: {len(frozen)} of {len(files)}\n")
        for path in frozen:
            out.write(f"{batch}/{path.stem}\n")
    print(f"{len(files)} files into {target}, {len(frozen)} frozen")


if __name__ == "__main__":
    main()
