"""Scenario 5: cost that does not grow with the ticket count. The bulk loader fills a
database with 10,000 and with 1,000,000 tickets; then `tickets list --queue disputes
--status open` (first page), `tickets show` and `tickets search` for a rare word are
timed twice: the desk query in a warm process (what grows with the data) and the CLI
command's wall time (what an agent waits for, start-up included)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.bulkload import RARE_COUNT, RARE_WORD, load
from bench.env import OUT, cli, run_worker, stats, write_config

LIST_SHOW_FACTOR = 1.5
SEARCH_FACTOR = 3.0


def _cli_times(config: Path, args: list[str], runs: int) -> tuple[list[float], int, bytes]:
    times, code, out = [], 0, b""
    for _ in range(runs):
        start = time.perf_counter()
        proc = cli(config, *args)
        times.append(time.perf_counter() - start)
        code, out = proc.returncode, proc.stdout
    return times, code, out


def _pick_ticket(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        count = conn.execute("SELECT COUNT(*) FROM tickets WHERE queue = 'disputes'").fetchone()[0]
        row = conn.execute(
            "SELECT id FROM tickets WHERE queue = 'disputes' ORDER BY id LIMIT 1 OFFSET ?",
            (count // 2,),
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def prepare(n: int) -> dict[str, Any]:
    directory = OUT / f"scale-{n}"
    shutil.rmtree(directory, ignore_errors=True)
    config = write_config(directory)
    init = cli(config, "init")
    if init.returncode != 0:
        raise RuntimeError(init.stderr.decode(errors="replace"))
    db = directory / "ticketing.db"
    loaded = load(db, n)
    # As an operator would after a bulk import (and nightly): `ticketing optimize`
    # merges the search index's segments (README, "Performance and indexes").
    start = time.perf_counter()
    optimized = cli(config, "optimize")
    if optimized.returncode != 0:
        raise RuntimeError(optimized.stderr.decode(errors="replace"))
    loaded["optimize_s"] = time.perf_counter() - start
    return {
        "n": n,
        "directory": directory,
        "config": config,
        "load": loaded,
        "ticket": _pick_ticket(db),
    }


def measure_round(
    db: dict[str, Any], samples: dict[str, list[float]], repeat: int, cli_runs: int
) -> dict[str, Any]:
    """One round of in-process and CLI timings, appended to `samples`."""
    config, ticket = db["config"], db["ticket"]
    inproc = run_worker(
        "queries",
        "--config",
        str(config),
        "--ticket",
        str(ticket),
        "--word",
        RARE_WORD,
        "--repeat",
        str(repeat),
    )
    for name in ("list", "show", "search"):
        samples.setdefault(name, []).extend(inproc.get(name, []))
    commands: dict[str, list[str]] = {
        "list": ["tickets", "list", "--queue", "disputes", "--status", "open", "--json"],
        "show": ["tickets", "show", str(ticket), "--json"],
    }
    if db.setdefault("search_cli", cli(config, "tickets", "search", "--help").returncode == 0):
        commands["search"] = ["tickets", "search", RARE_WORD, "--json"]
    for name, args in commands.items():
        times, code, _ = _cli_times(config, args, cli_runs)
        samples.setdefault("cli_" + name, []).extend(times)
        db.setdefault("cli_exit", {})[name] = code
    return inproc


def run_scale(
    sizes: tuple[int, int] = (10_000, 1_000_000),
    rounds: int = 3,
    repeat: int = 11,
    cli_runs: int = 2,
) -> dict[str, Any]:
    """Both databases are loaded first, then measured in alternating rounds, so that the
    machine's noise falls on both sizes alike."""
    dbs = [prepare(n) for n in sizes]
    samples: list[dict[str, list[float]]] = [{}, {}]
    last: list[dict[str, Any]] = [{}, {}]
    try:
        for _ in range(rounds):
            for i, db in enumerate(dbs):
                last[i] = measure_round(db, samples[i], repeat, cli_runs)
    finally:
        for db in dbs:
            shutil.rmtree(db["directory"], ignore_errors=True)
    results = []
    for db, sample, inproc in zip(dbs, samples, last, strict=True):
        results.append(
            {
                "tickets": db["n"],
                "load": db["load"],
                "ticket_shown": db["ticket"],
                "query_s": {
                    k: stats(v) for k, v in sample.items() if not k.startswith("cli_") and v
                },
                "cli_wall_s": {
                    k.removeprefix("cli_"): {
                        **stats(v),
                        "exit": db.get("cli_exit", {}).get(k.removeprefix("cli_")),
                    }
                    for k, v in sample.items()
                    if k.startswith("cli_")
                },
                "list_rows": inproc.get("list_rows"),
                "search_rows": inproc.get("search_rows"),
                "search_error": inproc.get("search_error"),
                "search_cli": db.get("search_cli", False),
                "plans": inproc.get("plans"),
                "expected_search_rows": RARE_COUNT,
            }
        )
    small, large = results
    verdicts: dict[str, Any] = {}
    for name, factor in (
        ("list", LIST_SHOW_FACTOR),
        ("show", LIST_SHOW_FACTOR),
        ("search", SEARCH_FACTOR),
    ):
        a, b = small["query_s"].get(name), large["query_s"].get(name)
        if not a or not b:
            verdicts[name] = {"available": False, "met": False, "factor": factor}
            continue
        ratio = b["median"] / a["median"]
        wa, wb = small["cli_wall_s"].get(name), large["cli_wall_s"].get(name)
        verdicts[name] = {
            "available": True,
            "cli": bool(wa),
            "ratio": ratio,
            "cli_ratio": wb["median"] / wa["median"] if wa and wb else None,
            "factor": factor,
            "met": ratio <= factor
            and (large["search_rows"] == RARE_COUNT if name == "search" else True),
        }
    return {
        "sizes": list(sizes),
        "rounds": rounds,
        "small": small,
        "large": large,
        "verdicts": verdicts,
    }
