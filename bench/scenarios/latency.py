"""Scenario 3: latency with IDLE. `ticketing serve` runs as a subprocess against the
private Dovecot (IMAPS) and the SMTP sink; emails are APPENDed one by one at a steady
pace over one IMAP connection. For each we record APPEND -> committed raw message (a
reader polls the SQLite database every few milliseconds) and APPEND -> acknowledgement
received by the sink (matched by In-Reply-To)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from typing import Any

from bench.env import OUT, PYTHON, REPO, TimedSink, cli, percentile, worker_env, write_config
from bench.imapload import open_client
from bench.mailgen import generate
from tests.servers import Dovecot

TARGETS = {"commit_p50": 0.2, "commit_p99": 1.0, "ack_p99": 2.0}


class _CommitWatcher(threading.Thread):
    """Notes when each Message-ID first shows up committed in raw_messages."""

    def __init__(self, db: str, interval: float = 0.003) -> None:
        super().__init__(daemon=True)
        self.db, self.interval = db, interval
        self.seen: dict[str, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        conn = sqlite3.connect(self.db, timeout=30)
        last = 0
        try:
            while not self.stop.is_set():
                rows = conn.execute(
                    "SELECT id, message_id FROM raw_messages WHERE id > ? ORDER BY id", (last,)
                ).fetchall()
                now = time.monotonic()
                for row_id, mid in rows:
                    self.seen.setdefault(mid, now)
                    last = max(last, row_id)
                self.stop.wait(self.interval)
        finally:
            conn.close()


def _exists(responses: list[Any]) -> bool:
    return any(isinstance(r, tuple) and len(r) > 1 and r[1] == b"EXISTS" for r in responses)


def _append_later(client: Any, raw: bytes, delay: float, stamp: list[float]) -> None:
    time.sleep(delay)
    stamp.append(time.monotonic())
    client.append("INBOX", raw)


def notification_floor(dovecot: Dovecot, samples: int = 15) -> dict[str, Any]:
    """How long the server itself takes to tell an IDLE client about an APPEND from
    another connection (no ticketing code involved), next to NOOP polling every 100 ms:
    the floor under scenario 3's APPEND -> commit latency."""
    account = dovecot.new_account("floor")
    mails = [m.raw for m in generate(2 * samples + 1, seed=41)]
    account.append(mails[0])
    watcher, writer = open_client(dovecot, account), open_client(dovecot, account)
    idle: list[float] = []
    noop: list[float] = []
    try:
        watcher.select_folder("INBOX")
        for i in range(samples):
            watcher.idle()
            time.sleep(0.05)
            start = time.monotonic()
            writer.append("INBOX", mails[1 + i])
            while not _exists(watcher.idle_check(timeout=3)):
                if time.monotonic() - start > 5:
                    break
            idle.append(time.monotonic() - start)
            watcher.idle_done()
        for i in range(samples):
            stamp: list[float] = []
            thread = threading.Thread(
                target=_append_later,
                args=(writer, mails[1 + samples + i], (0.013 * i) % 0.1, stamp),
            )
            thread.start()
            while True:
                _, responses = watcher.noop()
                if _exists(responses) and stamp:
                    break
                time.sleep(0.1)
            thread.join()
            noop.append(time.monotonic() - stamp[0])
    finally:
        watcher.logout()
        writer.logout()
    return {
        "idle_notify": {"p50": percentile(idle, 50), "max": max(idle), "samples": len(idle)},
        "noop_100ms": {"p50": percentile(noop, 50), "max": max(noop), "samples": len(noop)},
    }


def run_latency(
    dovecot: Dovecot, sink: TimedSink, count: int = 500, interval: float = 0.1
) -> dict[str, Any]:
    account = dovecot.new_account("latency")
    directory = OUT / "latency"
    shutil.rmtree(directory, ignore_errors=True)
    config = write_config(directory, account=account, sink=sink)
    init = cli(config, "init")
    if init.returncode != 0:
        raise RuntimeError(init.stderr.decode(errors="replace"))
    mails = list(generate(count + 1, seed=31))
    warmup, mails = mails[0], mails[1:]
    sink.clear()
    log = (directory / "serve.log").open("wb")
    env = worker_env(account)
    env["TICKETING_CONFIG"] = str(config)
    serve = subprocess.Popen(
        [PYTHON, "-m", "ticketing.cli", "serve"],
        cwd=str(REPO),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    watcher = _CommitWatcher(str(directory / "ticketing.db"))
    appended: dict[str, float] = {}
    client = open_client(dovecot, account)
    try:
        client.append("INBOX", warmup.raw)
        deadline = time.monotonic() + 60
        while warmup.message_id not in sink.arrivals:
            if time.monotonic() > deadline or serve.poll() is not None:
                raise RuntimeError(
                    "serve did not acknowledge the warm-up mail within 60 s:\n"
                    + (directory / "serve.log").read_text(errors="replace")[-3000:]
                )
            time.sleep(0.02)
        watcher.start()
        start = time.monotonic()
        for i, mail in enumerate(mails):
            # A steady arrival rate, independent of how fast the service answers.
            pause = start + i * interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            appended[mail.message_id] = time.monotonic()
            client.append("INBOX", mail.raw)
        expected_acks = {m.message_id for m in mails if m.reply_to is None}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if expected_acks <= set(sink.arrivals) and len(watcher.seen) >= len(mails) + 1:
                break
            time.sleep(0.05)
    finally:
        client.logout()
        watcher.stop.set()
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()
        log.close()
    commit = [watcher.seen[m] - t for m, t in appended.items() if m in watcher.seen]
    acks = [sink.arrivals[m] - appended[m] for m in expected_acks if m in sink.arrivals]
    summary: dict[str, Any] = {
        "emails": len(mails),
        "interval_s": interval,
        "committed": len(commit),
        "acks_expected": len(expected_acks),
        "acks_received": len(acks),
        "serve_exit": serve.returncode,
    }
    for name, values in (("commit", commit), ("ack", acks)):
        if values:
            summary[name] = {
                "p50": percentile(values, 50),
                "p90": percentile(values, 90),
                "p99": percentile(values, 99),
                "max": max(values),
                "min": min(values),
            }
    complete = len(commit) == len(mails) and len(acks) == len(expected_acks)
    met = {
        "commit_p50": complete and summary["commit"]["p50"] < TARGETS["commit_p50"],
        "commit_p99": complete and summary["commit"]["p99"] < TARGETS["commit_p99"],
        "ack_p99": complete and "ack" in summary and summary["ack"]["p99"] < TARGETS["ack_p99"],
    }
    summary["met"] = met
    summary["complete"] = complete
    summary["floor"] = notification_floor(dovecot)
    sink.clear()
    return summary
