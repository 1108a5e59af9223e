"""Scenarios 1 and 2: IMAP -> pipeline -> SQLite or PostgreSQL, acknowledgements
rendered into the outbox. Each run is a fresh worker process and an empty database;
the timing covers `poll_once`: connect, login, SELECT, SEARCH, FETCH in batches,
parse, route, store, commit per batch, and the \\Seen flags after each commit."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from bench.env import OUT, run_worker, stats, write_config
from bench.scenarios.data import Dataset
from tests.servers import PgDatabase


def run_ingest(
    data: Dataset,
    backend: str,
    runs: int,
    *,
    profile: bool = False,
    keep_db: Path | None = None,
) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    # The profiled run is an extra one: the profiler's overhead stays out of the figures.
    for i in range(runs + (1 if profile else 0)):
        directory = OUT / f"ingest-{backend}-{data.name}-{i}"
        shutil.rmtree(directory, ignore_errors=True)
        pg: PgDatabase | None = (
            PgDatabase(prefix="ticketing_bench") if backend == "postgresql" else None
        )
        try:
            config = write_config(directory, db_url=pg.url if pg else None, account=data.account)
            args = ["--config", str(config), "--manifest", str(data.manifest)]
            if profile and i == runs:
                args += ["--profile", str(OUT / f"profile-ingest-{backend}-{data.name}")]
            results.append(run_worker("ingest", *args, account=data.account))
        finally:
            if pg is not None:
                pg.drop()
        if keep_db is not None and i == 0 and backend == "sqlite":
            shutil.copy(directory / "ticketing.db", keep_db)
        shutil.rmtree(directory, ignore_errors=True)
    timed = [r for r in results if "profile" not in r] or results
    return {
        "backend": backend,
        "emails": data.summary["count"],
        "rate": stats([r["rate"] for r in timed]),
        "seconds": stats([r["seconds"] for r in timed]),
        "peak_rss_mb": stats([r["peak_rss_kb"] / 1024 for r in timed]),
        "parse_workers": timed[0].get("parse_workers", 0),
        "workers_start_seconds": stats([r.get("workers_start_seconds", 0.0) for r in timed]),
        "cpu_ms_per_email": {
            name: stats([r["cpu_ms_per_email"][name] for r in timed if "cpu_ms_per_email" in r])
            for name in timed[0].get("cpu_ms_per_email", {})
        },
        "correct": all(r["check"]["ok"] for r in results),
        "checks": [r["check"] for r in results],
        "outcomes": results[0]["outcomes"],
        "profile": next((r["profile"] for r in results if "profile" in r), None),
        "profile_rate": next((r["rate"] for r in results if "profile" in r), None),
        "sql_statements": next((r["sql_statements"] for r in results if "profile" in r), None),
        "raw_runs": [
            {k: v for k, v in r.items() if k not in ("profile", "check")} for r in results
        ],
    }
