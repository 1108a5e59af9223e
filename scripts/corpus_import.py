"""Add a folder of labelled mails (made with scripts/corpus_write.py) to a corpus folder.

    python scripts/corpus_import.py FROM_DIR corpus/train

Copies every .eml named in FROM_DIR/labels.csv and appends its rows to the target's
labels.csv; refuses a file name the target already has.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

FIELDS = ("file", "queue", "language", "kind", "note", "customer_status")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    target.mkdir(parents=True, exist_ok=True)
    manifest = target / "labels.csv"
    known: set[str] = set()
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as fh:
            known = {row["file"] for row in csv.DictReader(fh)}
    with (source / "labels.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    clash = [r["file"] for r in rows if r["file"] in known]
    if clash:
        print(
            f"corpus_import: {len(clash)} files already in {target}, e.g. {clash[0]}",
            file=sys.stderr,
        )
        return 1
    for row in rows:
        shutil.copyfile(source / row["file"], target / row["file"])
    new = not manifest.exists()
    with manifest.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        if new:
            writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in FIELDS} for row in rows)
    print(f"added {len(rows)} mails from {source} to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
