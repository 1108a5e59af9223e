"""Scenario 7: `ticketing --help` must import neither SQLAlchemy nor Jinja; its wall time
is reported next to `python -c pass` (medians of several runs)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

from bench.env import PYTHON, REPO, stats, worker_env

HEAVY = ("sqlalchemy", "sqlmodel", "jinja2", "alembic", "psycopg", "imapclient", "aiosmtpd")


def _wall(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=str(REPO), env=worker_env(), capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def run_startup(runs: int = 10) -> dict[str, Any]:
    script = Path(PYTHON).parent / "ticketing"
    # The console script `make install` puts in the venv; without it, the same module.
    command = [str(script)] if script.exists() else [PYTHON, "-m", "ticketing.cli"]
    traced = [
        PYTHON,
        "-X",
        "importtime",
        *([str(script)] if script.exists() else ["-m", "ticketing.cli"]),
    ]
    proc = subprocess.run(
        [*traced, "--help"],
        cwd=str(REPO),
        env=worker_env(),
        capture_output=True,
        check=False,
    )
    imported: list[str] = []
    cumulative: dict[str, int] = {}
    for line in proc.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        raw = line.removeprefix("import time:").split("|")
        if len(raw) != 3 or not raw[1].strip().isdigit():
            continue
        name = raw[2].rstrip()
        imported.append(name.strip())
        if len(name) - len(name.lstrip()) == 1:  # a top-level import, not a nested one
            cumulative[name.strip()] = int(raw[1])
    names = set(imported)
    heavy = sorted({n.split(".")[0] for n in names if n.split(".")[0] in HEAVY})
    top = sorted(cumulative.items(), key=lambda kv: -kv[1])[:12]
    help_times = _wall([*command, "--help"], runs)
    pass_times = _wall([PYTHON, "-c", "pass"], runs)
    help_s, pass_s = stats(help_times), stats(pass_times)
    return {
        "command": " ".join(Path(c).name if c == PYTHON else c for c in command) + " --help",
        "help_exit": proc.returncode,
        "modules_imported": len(names),
        "heavy_imported": heavy,
        "top_level_imports_us": top,
        "help_wall_s": help_s,
        "python_pass_wall_s": pass_s,
        "target": "imports neither SQLAlchemy nor Jinja",
        "met": proc.returncode == 0 and not {"sqlalchemy", "jinja2"} & set(heavy),
    }
