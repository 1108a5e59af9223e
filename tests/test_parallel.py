"""Parse workers (ticketing/parallel.py): a batch parsed and routed in worker processes
is stored exactly as one parsed and routed in-process, on SQLite and PostgreSQL; a dead
worker costs nothing; a killed service leaves no worker behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.support import DATA, REPO, make_settings, stored_rows
from ticketing.db import make_engine, upgrade
from ticketing.pipeline import Pipeline, RawItem
from ticketing.rules import RuleSet, load_rules

# Every third mail of the routing corpus (all kinds, both languages) and every mail fixture.
CORPUS = sorted((REPO / "corpus" / "train").glob("*.eml"))[::3] + sorted(
    (DATA / "mail").glob("*.eml")
)
BATCH = 40


class CountingRules:
    """The pipeline's rules, counting the decisions made in the ingesting process."""

    def __init__(self, inner: RuleSet) -> None:
        self.inner = inner
        self.routed: list[str | None] = []

    def route(self, email: Any, ctx: Any, **kwargs: Any) -> Any:
        self.routed.append(ctx.customer_status)
        return self.inner.route(email, ctx, **kwargs)

    def route_many(self, items: Any) -> Any:
        self.routed.extend(ctx.customer_status for _, ctx in items)
        return self.inner.route_many(items)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _pipeline(tmp_path: Path, url: str, workers: int) -> Pipeline:
    s = make_settings(tmp_path / f"w{workers}", db_url=url, parse_workers=workers)
    rules = load_rules(s.rules_path, queues=s.service.queues)
    return Pipeline(make_engine(url), s, rules=rules)


def _mark_customers(engine: Engine, emails: list[str], status: str) -> None:
    with engine.begin() as conn:
        for email in emails:
            conn.execute(
                text(
                    "INSERT INTO customers (email, name, account_status, created_at, updated_at)"
                    " VALUES (:e, '', :s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"e": email, "s": status},
            )


def test_workers_store_exactly_what_in_process_parsing_stores(
    tmp_path: Path, db_url: str, second_db_url: str
) -> None:
    """The whole labelled routing corpus and every mail fixture, in batches, with some
    customers delinquent or suspended (so some decisions made ahead must be redone)."""
    items = [RawItem(data=p.read_bytes(), source="imap", mailbox="billing") for p in CORPUS]
    senders = sorted({_sender(i.data) for i in items} - {""})
    assert len(senders) > 20
    special = {"delinquent": senders[::7], "suspended": senders[3::7]}

    results = {}
    routed_here = {}
    for workers, url in ((0, db_url), (2, second_db_url)):
        pipeline = _pipeline(tmp_path, url, workers)
        for status, emails in special.items():
            _mark_customers(pipeline.engine, emails, status)
        assert pipeline.rules is not None
        counting = CountingRules(pipeline.rules)
        if workers:
            pipeline.start_workers()  # ships the real rules to the workers first
        pipeline.rules = counting  # type: ignore[assignment]
        try:
            for start in range(0, len(items), BATCH):
                batch = items[start : start + BATCH]
                pipeline.ingest_batch(batch, prepared=pipeline.parse_ahead(batch))
        finally:
            pipeline.close()
        results[workers] = stored_rows(pipeline.engine)
        routed_here[workers] = counting.routed
        pipeline.engine.dispose()

    assert results[2] == results[0]
    tickets = sum(1 for row in results[0] if row[0] == "ticket")
    assert tickets > 300
    # In-process: every new ticket and follow-up was routed here. With workers, only the
    # decisions whose assumption (an active or new customer) failed, and follow-ups.
    assert len(routed_here[0]) >= tickets
    assert len(routed_here[2]) < len(routed_here[0]) / 2
    assert {"delinquent", "suspended"} <= set(routed_here[2])


def _sender(data: bytes) -> str:
    from ticketing.parse import parse_email

    return parse_email(data).sender_email or ""


@pytest.fixture
def worker_pipeline(tmp_path: Path) -> Iterator[Callable[[], Pipeline]]:
    built: list[Pipeline] = []

    def build() -> Pipeline:
        url = f"sqlite:///{tmp_path}/t{len(built)}.db"
        upgrade(url)
        pipeline = _pipeline(tmp_path, url, 2)
        built.append(pipeline)
        return pipeline

    yield build
    for pipeline in built:
        pipeline.close()
        pipeline.engine.dispose()


def test_a_dead_worker_costs_nothing(worker_pipeline: Callable[[], Pipeline]) -> None:
    pipeline = worker_pipeline()
    items = [RawItem(data=p.read_bytes(), source="cli") for p in CORPUS[:60]]
    pipeline.start_workers()
    pool = pipeline._pool
    assert pool is not None and len(pool.pids) == 2
    os.kill(pool.pids[0], signal.SIGKILL)
    first = pipeline.ingest_batch(items[:30])  # the pool is broken: parsed in-process
    assert all(r.outcome != "quarantined" for r in first)
    second = pipeline.ingest_batch(items[30:])  # and a fresh pool takes over
    assert pipeline._pool is not None and pipeline._pool is not pool
    assert all(r.outcome != "quarantined" for r in second)
    with pipeline.engine.connect() as conn:
        stored = conn.execute(text("SELECT COUNT(*) FROM raw_messages")).scalar_one()
    assert stored == 60


class RulesFailingInWorkers(RuleSet):
    """Rules whose routing raises in a parse worker (a bug, or code changed on disk)."""

    def route(self, email: Any, ctx: Any, **kwargs: Any) -> Any:
        if multiprocessing.parent_process() is not None:
            raise RuntimeError("routing failed in a worker")
        return super().route(email, ctx, **kwargs)


def test_an_error_in_a_worker_makes_the_batch_parse_in_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path}/t.db"
    upgrade(url)
    pipeline = _pipeline(tmp_path, url, 2)
    assert pipeline.rules is not None
    pipeline.rules = RulesFailingInWorkers(**vars(pipeline.rules))
    try:
        items = [RawItem(data=p.read_bytes(), source="cli") for p in CORPUS[:20]]
        results = pipeline.ingest_batch(items)
        assert {r.outcome for r in results} <= {"ticket", "followup"}
        with pipeline.engine.connect() as conn:
            routed = conn.execute(
                text("SELECT COUNT(*) FROM tickets WHERE routing LIKE '%\"trace\"%'")
            ).scalar_one()
        assert routed == sum(r.outcome == "ticket" for r in results) > 10
        assert "parse workers failed; parsing this batch in-process" in caplog.text
    finally:
        pipeline.close()
        pipeline.engine.dispose()


_SERVICE_STANDIN = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from tests.support import make_settings
    from ticketing.db import make_engine, upgrade
    from ticketing.pipeline import Pipeline

    if __name__ == "__main__":
        tmp = Path({tmp!r})
        url = f"sqlite:///{{tmp}}/t.db"
        upgrade(url)
        pipeline = Pipeline(make_engine(url), make_settings(tmp, url, parse_workers=2))
        pipeline.start_workers()
        print(" ".join(map(str, pipeline._pool.pids)), flush=True)
        time.sleep(120)
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal: Linux")
def test_a_killed_service_leaves_no_worker_behind(tmp_path: Path) -> None:
    script = tmp_path / "standin.py"
    script.write_text(_SERVICE_STANDIN.format(repo=str(REPO), tmp=str(tmp_path)))
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None
            pids = [int(p) for p in proc.stdout.readline().split()]
            assert len(pids) == 2 and all(_alive(p) for p in pids)
        finally:
            proc.kill()  # SIGKILL: no atexit, no executor shutdown
            proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids)
