"""Scenario 4: the dispatcher sends the acknowledgements of an ingestion run (rendered,
pending outbox rows) to the aiosmtpd sink over one SMTP connection."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from bench.env import OUT, TimedSink, run_worker, stats, write_config

TARGET_RATE = 300.0


def run_outbox(database: Path, sink: TimedSink, runs: int) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    delivered: list[int] = []
    for i in range(runs):
        directory = OUT / f"outbox-{i}"
        shutil.rmtree(directory, ignore_errors=True)
        config = write_config(directory, sink=sink)
        shutil.copy(database, directory / "ticketing.db")
        sink.clear()
        results.append(run_worker("outbox", "--config", str(config)))
        delivered.append(len(sink.messages))
        shutil.rmtree(directory, ignore_errors=True)
    sink.clear()
    rate = stats([r["rate"] for r in results])
    correct = all(
        r["sent"] == r["pending_before"] == d for r, d in zip(results, delivered, strict=True)
    )
    return {
        "messages": results[0]["pending_before"] if results else 0,
        "rate": rate,
        "seconds": stats([r["seconds"] for r in results]),
        "correct": correct,
        "delivered": delivered,
        "target": f">= {TARGET_RATE:.0f} messages/s",
        "met": bool(rate) and correct and rate["median"] >= TARGET_RATE,
        "raw_runs": results,
    }
