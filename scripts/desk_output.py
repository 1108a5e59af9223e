"""Print the README's example desk output: `tickets list` and `tickets show` at 100
columns on the realistic desk of tests/realistic_desk.py (about 240 tickets).

    .venv/bin/python -m scripts.desk_output
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.realistic_desk import build

WIDTH = "100"


def main() -> None:
    os.environ["COLUMNS"] = WIDTH
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        desk = build(tmp, f"sqlite:///{tmp}/desk.db")
        try:
            listed = desk.json("tickets", "list", "--open", "--sort", "priority", "--limit", "12")
            print("$ ticketing tickets list --open --sort priority --limit 12")
            print(desk.ok("tickets", "list", "--open", "--sort", "priority", "--limit", "12"))
            busiest = max(listed, key=lambda t: t["message_count"])
            print(f"$ ticketing tickets show {busiest['ref']}")
            print(desk.ok("tickets", "show", busiest["ref"]))
        finally:
            desk.close()


if __name__ == "__main__":
    main()
