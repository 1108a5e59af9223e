"""The measured code, run in a fresh subprocess per run so that every run starts from
the same state (cold process, empty database) and the SMTP sink in the parent never
competes for this interpreter's GIL.

    python -m bench.worker ingest  --config C --manifest M --out R [--profile P]
    python -m bench.worker outbox  --config C --out R
    python -m bench.worker memory  --config C --out R   (driven over stdin/stdout)
    python -m bench.worker queries --config C --out R --ticket ID --word W

Each command writes one JSON object to --out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from ticketing.config import Settings, load_settings


def _settings(config: str) -> Settings:
    return load_settings(Path(config))


def _engine(settings: Settings, init: bool) -> Engine:
    from ticketing import replykeys
    from ticketing.db import make_engine, upgrade

    if init:  # what `ticketing init` does: the schema and the reply-token key
        upgrade(settings.database_url)
        replykeys.ensure_key(settings)
    return make_engine(settings.database_url)


def _pipeline(settings: Settings, engine: Engine) -> Any:
    from ticketing.pipeline import Pipeline
    from ticketing.rules import load_rules

    rules = load_rules(settings.rules_path, queues=settings.service.queues)
    return Pipeline(engine, settings, rules=rules)


def _cpu_of(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes `pids` have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
        except (FileNotFoundError, IndexError):
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def _machine_busy() -> float:
    """CPU seconds all processes of the machine have used (every core), from /proc/stat:
    Dovecot, TLS and SQLite included."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# -- correctness ------------------------------------------------------------------------


def check_ingested(engine: Engine, manifest: list[dict[str, Any]]) -> dict[str, Any]:
    """Every email became exactly one stored raw message and one conversation message,
    with its subject decoded right; new mail got one acknowledgement in the outbox."""
    errors: list[str] = []
    with engine.connect() as conn:
        raws = conn.execute(
            text(
                "SELECT r.message_id, r.outcome, COUNT(m.id) FROM raw_messages r"
                " LEFT JOIN messages m ON m.raw_id = r.id GROUP BY r.id, r.message_id, r.outcome"
            )
        ).all()
        subjects: dict[str, str] = dict(
            conn.execute(
                text("SELECT message_id, subject FROM messages WHERE direction = 'in'")
            ).all()
        )
        acks = conn.execute(text("SELECT COUNT(*) FROM outbox WHERE auto")).scalar_one()
    by_mid: dict[str, list[tuple[str, int]]] = {}
    for mid, outcome, messages in raws:
        by_mid.setdefault(mid, []).append((outcome, int(messages)))
    originals = 0
    for entry in manifest:
        mid, reply = entry["message_id"], entry["reply"]
        originals += not reply
        stored = by_mid.get(mid, [])
        if len(stored) != 1:
            errors.append(f"{mid}: stored {len(stored)} times")
            continue
        outcome, messages = stored[0]
        if outcome != ("followup" if reply else "ticket"):
            errors.append(f"{mid}: outcome {outcome}")
        if messages != 1:
            errors.append(f"{mid}: {messages} conversation messages")
        if subjects.get(mid) != entry["subject"]:
            errors.append(f"{mid}: subject {subjects.get(mid)!r} != {entry['subject']!r}")
    if len(raws) != len(manifest):
        errors.append(f"{len(raws)} raw messages stored for {len(manifest)} emails")
    if acks != originals:
        errors.append(f"{acks} acknowledgements in the outbox for {originals} new tickets")
    return {
        "ok": not errors,
        "emails": len(manifest),
        "raw_messages": len(raws),
        "acks": int(acks),
        "errors": errors[:20],
        "error_count": len(errors),
    }


# -- profiling --------------------------------------------------------------------------


def summarize_profile(session: Any, total: float, top: int = 30) -> dict[str, Any]:
    """Self time and inclusive time per file:function from a pyinstrument session."""
    self_time: dict[str, float] = {}
    inclusive: dict[str, float] = {}

    def walk(frame: Any, active: frozenset[str]) -> None:
        key = _frame_key(frame)
        if key is not None:
            # Synthetic "[self]" children hold the frame's own time; total_self_time adds them.
            self_time[key] = self_time.get(key, 0.0) + frame.total_self_time
            if key not in active:  # count recursion once
                inclusive[key] = inclusive.get(key, 0.0) + frame.time
            active = active | {key}
        for child in frame.children:
            walk(child, active)

    root = session.root_frame()
    if root is not None:
        walk(root, frozenset())

    def table(data: dict[str, float], only_app: bool = False) -> list[dict[str, Any]]:
        rows = sorted(data.items(), key=lambda kv: -kv[1])
        if only_app:
            rows = [r for r in rows if r[0].startswith(("ticketing/", "imapclient/", "email/"))]
        return [
            {"function": k, "seconds": round(v, 4), "share": round(v / total, 4) if total else 0}
            for k, v in rows[:top]
        ]

    return {
        "total_seconds": round(total, 4),
        "self": table(self_time),
        "inclusive": table(inclusive),
        "inclusive_app": table(inclusive, only_app=True),
    }


def _frame_key(frame: Any) -> str | None:
    function = getattr(frame, "function", None) or ""
    if function.startswith("[") or frame.is_synthetic:
        return None
    path = frame.file_path or ""
    for marker in ("/site-packages/", "/lib/python3", "/work/main/", "/bench/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/lib/python3":
                path = "stdlib/" + path.split("/", 1)[1] if "/" in path else path
            break
    cls = getattr(frame, "class_name", None)
    name = f"{cls}.{function}" if cls else function
    return f"{path}:{name}"


class _SqlCounter:
    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, *args: Any) -> None:
        self.count += 1


# -- commands ---------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> dict[str, Any]:
    from ticketing.imap import poll_once

    settings = _settings(args.config)
    engine = _engine(settings, init=True)
    pipeline = _pipeline(settings, engine)
    mailbox = settings.mailboxes[0]
    counter = _SqlCounter(engine) if args.profile else None
    # `serve` starts its parse workers once, at start-up; so does this run, outside the
    # timed part (the figure is reported next to the rate).
    started = time.perf_counter()
    pipeline.start_workers()
    workers_start = time.perf_counter() - started
    workers = pipeline._pool.workers if pipeline._pool is not None else 0
    profiler: Any = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    worker_pids = list(pipeline._pool.pids) if pipeline._pool is not None else []
    cpu_before = (time.process_time(), _cpu_of(worker_pids), _machine_busy())
    start = time.perf_counter()
    report = poll_once(mailbox, pipeline)
    seconds = time.perf_counter() - start
    cpu_after = (time.process_time(), _cpu_of(worker_pids), _machine_busy())
    result: dict[str, Any] = {
        "seconds": seconds,
        "fetched": report.fetched,
        "rate": report.fetched / seconds if seconds else 0.0,
        "outcomes": {o: report.count(o) for o in sorted({r.outcome for r in report.results})},
        "peak_rss_kb": _rss_kb("VmHWM"),
        "parse_workers": workers,
        "workers_start_seconds": workers_start,
        # CPU seconds spent during the timed part, per email: where the time goes.
        "cpu_ms_per_email": {
            name: (after - before) * 1000 / max(report.fetched, 1)
            for name, before, after in zip(
                ("ingesting process", "parse workers", "whole machine"),
                cpu_before,
                cpu_after,
                strict=True,
            )
        },
    }
    if profiler is not None:
        profiler.stop()
        Path(args.profile + ".txt").write_text(
            profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False)
        )
        Path(args.profile + ".html").write_text(profiler.output_html())
        result["profile"] = summarize_profile(profiler.last_session, seconds)
        result["sql_statements"] = counter.count if counter else 0
    manifest = json.loads(Path(args.manifest).read_text())
    result["check"] = check_ingested(engine, manifest)
    pipeline.close()
    engine.dispose()
    return result


def cmd_outbox(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import func, select
    from sqlmodel import Session, col

    from ticketing.models import OutboxMessage, OutboxStatus
    from ticketing.outbox import Dispatcher, SmtpTransport

    settings = _settings(args.config)
    engine = _engine(settings, init=False)
    assert settings.smtp is not None
    with Session(engine) as session:
        pending = session.execute(
            select(func.count())
            .select_from(OutboxMessage)
            .where(col(OutboxMessage.status) == OutboxStatus.PENDING.value)
        ).scalar_one()
    transport = SmtpTransport(settings.smtp)
    dispatcher = Dispatcher(engine, transport, worker_id="bench")
    sent = failed = 0
    start = time.perf_counter()
    while True:
        report = dispatcher.run_once(limit=200)
        sent += report.sent
        failed += report.failed + report.retried
        if report.sent + report.failed + report.retried == 0:
            break
    transport.close()
    seconds = time.perf_counter() - start
    engine.dispose()
    return {
        "pending_before": pending,
        "sent": sent,
        "failed": failed,
        "seconds": seconds,
        "rate": sent / seconds if seconds else 0.0,
    }


def cmd_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Warm up on a small mail, report idle RSS, wait for the parent to add the big mail,
    then ingest it and report the peak."""
    from ticketing.imap import poll_once

    settings = _settings(args.config)
    engine = _engine(settings, init=True)
    pipeline = _pipeline(settings, engine)
    mailbox = settings.mailboxes[0]
    warm = poll_once(mailbox, pipeline)
    import gc

    gc.collect()
    idle = _rss_kb("VmRSS")
    print(json.dumps({"ready": True, "idle_rss_kb": idle, "warmup": warm.fetched}), flush=True)
    sys.stdin.readline()  # the parent has appended the big message
    reset = _reset_peak()
    baseline = _rss_kb("VmRSS")
    start = time.perf_counter()
    report = poll_once(mailbox, pipeline)
    seconds = time.perf_counter() - start
    peak = _rss_kb("VmHWM")
    engine.dispose()
    return {
        "idle_rss_kb": idle,
        "before_rss_kb": baseline,
        "peak_rss_kb": peak,
        "peak_reset": reset,
        "seconds": seconds,
        "fetched": report.fetched,
        "outcomes": {o: report.count(o) for o in sorted({r.outcome for r in report.results})},
    }


def cmd_memory_direct(args: argparse.Namespace) -> dict[str, Any]:
    """The pipeline alone (no IMAP): `Pipeline.ingest` of the big mail read from a file."""
    from ticketing.pipeline import RawItem

    settings = _settings(args.config)
    engine = _engine(settings, init=True)
    pipeline = _pipeline(settings, engine)
    pipeline.ingest(RawItem(data=Path(args.warmup).read_bytes(), source="cli"))
    import gc

    gc.collect()
    idle = _rss_kb("VmRSS")
    reset = _reset_peak()
    data = Path(args.mail).read_bytes()
    start = time.perf_counter()
    result = pipeline.ingest(RawItem(data=data, source="cli"))
    seconds = time.perf_counter() - start
    peak = _rss_kb("VmHWM")
    engine.dispose()
    return {
        "idle_rss_kb": idle,
        "peak_rss_kb": peak,
        "peak_reset": reset,
        "seconds": seconds,
        "message_bytes": len(data),
        "outcome": result.outcome,
    }


def _timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _search_function() -> Callable[..., Any] | None:
    """`ticketing.search.search(session, settings, query)` when it exists."""
    try:
        from ticketing import search as module
    except ImportError:
        return None
    function = getattr(module, "search", None)
    return function if callable(function) else None


def cmd_queries(args: argparse.Namespace) -> dict[str, Any]:
    """In-process timings of the desk queries behind `tickets list/show/search` on a warm
    engine (the CLI wall time is measured separately by the parent)."""
    from sqlmodel import Session

    from ticketing import desk

    settings = _settings(args.config)
    engine = _engine(settings, init=False)
    out: dict[str, Any] = {}
    with Session(engine) as session:
        listed: list[Any] = []

        def list_first_page() -> None:
            listed[:] = desk.list_tickets(session, settings, queue="disputes", status="open")

        def show() -> None:
            desk.ticket_detail(session, settings, args.ticket)

        out["list"] = _timed(list_first_page, args.repeat)
        out["list_rows"] = len(listed)
        out["show"] = _timed(show, args.repeat)
        search = _search_function()
        if search is not None:
            found: list[Any] = []

            def run_search() -> None:
                found[:] = list(search(session, settings, args.word))

            try:
                out["search"] = _timed(run_search, args.repeat)
                out["search_rows"] = len(found)
            except Exception as exc:  # a signature or back end we do not know yet: report it
                out["search_error"] = f"{type(exc).__name__}: {exc}"
        plans: dict[str, list[str]] = {}
        if engine.dialect.name == "sqlite":
            sql = (
                "EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE queue = 'disputes' AND "
                "status = 'open' ORDER BY updated_at DESC, id DESC LIMIT 50"
            )
            plans["list"] = [str(r[-1]) for r in session.execute(text(sql)).all()]
        out["plans"] = plans
    engine.dispose()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.worker")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--config", required=True)
    p.add_argument("--manifest", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--profile", default="")
    p = sub.add_parser("outbox")
    p.add_argument("--config", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("memory")
    p.add_argument("--config", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("memory-direct")
    p.add_argument("--config", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mail", required=True)
    p.add_argument("--warmup", required=True)
    p = sub.add_parser("queries")
    p.add_argument("--config", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--ticket", type=int, required=True)
    p.add_argument("--word", required=True)
    p.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
        "ingest": cmd_ingest,
        "outbox": cmd_outbox,
        "memory": cmd_memory,
        "memory-direct": cmd_memory_direct,
        "queries": cmd_queries,
    }
    result = commands[args.command](args)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
