"""`ticketing serve` under faults, with real Dovecot, a real aiosmtpd sink and real
databases: SIGKILL at random moments, Dovecot going away mid-batch, a relay that
refuses then vanishes, several workers sharing one mailbox on PostgreSQL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.servers import Dovecot, ImapAccount, SmtpSink
from tests.support import REPO, mail, run_cli, settings_from, write_config
from tests.support import serving as support_serving
from ticketing.db import make_engine
from ticketing.models import OutboxMessage, RawMessage, Ticket

pytestmark = pytest.mark.services


def serve_config(
    tmp_path: Path, account: ImapAccount, sink: SmtpSink, db_url: str, *, batch_size: int = 50
) -> Path:
    return write_config(
        tmp_path,
        db_url=db_url,
        service="""
outbox_retry_seconds = 0.2
outbox_claim_seconds = 5.0
dispatch_interval = 0.1
log_level = "INFO"
""",
        extra=f"""
[[mailboxes]]
name = "billing"
host = "{account.host}"
port = {account.imaps_port}
security = "tls"
ca_file = "{account.dovecot.cert_file}"
username = "{account.username}"
password_env = "TEST_IMAP_PASSWORD"
batch_size = {batch_size}
poll_interval = 0.5
timeout = 10.0

[smtp]
host = "{sink.host}"
port = {sink.port}
security = "none"
timeout = 5.0
""",
    )


@contextmanager
def serving(config: Path, account: ImapAccount, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with support_serving(config, log, {"TEST_IMAP_PASSWORD": account.password}) as proc:
        yield proc


# What `serve` prints once its signal handlers are in place and it is about to run.
READY = "stop with Ctrl-C or SIGTERM"


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def counts(engine: object) -> tuple[int, int, int]:
    with Session(engine) as s:  # type: ignore[arg-type]
        raws = s.execute(select(func.count()).select_from(RawMessage)).scalar_one()
        tickets = s.execute(select(func.count()).select_from(Ticket)).scalar_one()
        sent = s.execute(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "sent")  # type: ignore[arg-type]
        ).scalar_one()
    return raws, tickets, sent


def append_many(account: ImapAccount, n: int, prefix: str) -> None:
    with account.client() as client:
        for i in range(n):
            raw = mail(
                subject=f"{prefix} {i}",
                sender=f"{prefix}{i}@cust.example",
                message_id=f"<{prefix}.{i}@cust.example>",
                body=f"Invoice question {i}\n",
            )
            client.append("INBOX", raw)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str
) -> None:
    n = 1000
    append_many(imap_account, n, "kill")
    config = serve_config(tmp_path, imap_account, smtp_sink, db_url, batch_size=25)
    run_cli(config, "init")
    engine = make_engine(settings_from(config).database_url)
    rng = random.Random(20261124)
    log = tmp_path / "serve.log"
    kills = 0
    for _ in range(10):
        with serving(config, imap_account, log) as proc:
            time.sleep(rng.uniform(0.8, 2.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
    started = log.read_text(errors="replace").count(READY)
    with serving(config, imap_account, log) as proc:
        wait_until(lambda: counts(engine)[2] >= n, 240, "all acknowledgements sent")
        # The killed runs may have sent everything already: the SIGTERM must not race the
        # interpreter's own start (no Python code can catch a signal before it runs).
        wait_until(
            lambda: log.read_text(errors="replace").count(READY) > started, 60, "serve to start"
        )
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, "SIGTERM must exit cleanly with 0"
    raws, tickets, sent = counts(engine)
    engine.dispose()
    assert kills >= 5
    assert (raws, tickets, sent) == (n, n, n)
    ids = Counter(m.parsed()["Message-ID"] for m in smtp_sink.messages)
    assert len(ids) == n  # every acknowledgement arrived
    # A kill between the relay's 250 and marking the row may resend one in-flight
    # message, always with the same Message-ID; never more than one per kill.
    assert len(smtp_sink.messages) - n <= kills
    assert all("\\Seen" in imap_account.flags(uid) for uid in imap_account.uids())


def test_dovecot_stopping_mid_batch_is_survived(
    tmp_path: Path, dovecot: Dovecot, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    n = 300
    append_many(imap_account, n, "dove")
    config = serve_config(
        tmp_path, imap_account, smtp_sink, f"sqlite:///{tmp_path}/t.db", batch_size=20
    )
    run_cli(config, "init")
    engine = make_engine(settings_from(config).database_url)
    with serving(config, imap_account, tmp_path / "serve.log") as proc:
        wait_until(lambda: counts(engine)[0] > 0, 60, "the first batch")
        dovecot.stop()
        time.sleep(1.5)
        dovecot.start()
        wait_until(lambda: counts(engine)[0] >= n, 120, "every message after the restart")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    assert counts(engine)[:2] == (n, n)
    engine.dispose()
    log = (tmp_path / "serve.log").read_text()
    assert "reconnecting" in log


def test_relay_refusing_then_vanishing_then_back_delivers_each_reply_once(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    n = 20
    append_many(imap_account, n, "relay")
    config = serve_config(tmp_path, imap_account, smtp_sink, f"sqlite:///{tmp_path}/t.db")
    run_cli(config, "init")
    engine = make_engine(settings_from(config).database_url)
    smtp_sink.fail_with = "451 4.3.0 mailbox busy, try later"
    with serving(config, imap_account, tmp_path / "serve.log") as proc:
        wait_until(lambda: counts(engine)[1] >= n, 60, "tickets")
        wait_until(lambda: smtp_sink.failures >= 3, 30, "refusals")
        smtp_sink.stop()
        time.sleep(1.0)
        smtp_sink.fail_with = None
        smtp_sink.start()
        wait_until(lambda: counts(engine)[2] >= n, 120, "delivery after the relay came back")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    engine.dispose()
    ids = [m.parsed()["Message-ID"] for m in smtp_sink.messages]
    assert len(ids) == n and len(set(ids)) == n


@pytest.mark.slow
def test_three_workers_on_postgresql_share_one_mailbox_and_leadership_moves(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, pg_url: str
) -> None:
    n = 300
    append_many(imap_account, n, "pg")
    config = serve_config(tmp_path, imap_account, smtp_sink, pg_url, batch_size=20)
    run_cli(config, "init")
    engine = make_engine(pg_url)
    logs = [tmp_path / f"worker{i}.log" for i in range(3)]
    with (
        serving(config, imap_account, logs[0]) as w0,
        serving(config, imap_account, logs[1]) as w1,
        serving(config, imap_account, logs[2]) as w2,
    ):
        workers = [w0, w1, w2]
        wait_until(lambda: counts(engine)[2] >= n, 180, "all mail ingested and answered")
        leaders = [i for i, log in enumerate(logs) if "is the leader" in log.read_text()]
        assert len(leaders) == 1, f"exactly one leader expected, got {leaders}"
        leader = leaders[0]
        workers[leader].send_signal(signal.SIGKILL)
        workers[leader].wait(timeout=30)
        append_many(imap_account, 10, "after")
        took = wait_until(lambda: counts(engine)[0] >= n + 10, 60, "a new leader to ingest")
        new_leaders = [
            i for i, log in enumerate(logs) if i != leader and "is the leader" in log.read_text()
        ]
        assert len(new_leaders) == 1
        wait_until(lambda: counts(engine)[2] >= n + 10, 60, "the new acknowledgements")
        for i, w in enumerate(workers):
            if i != leader:
                w.send_signal(signal.SIGTERM)
                assert w.wait(timeout=60) == 0
    assert counts(engine) == (n + 10, n + 10, n + 10)
    engine.dispose()
    ids = Counter(m.parsed()["Message-ID"] for m in smtp_sink.messages)
    assert len(ids) == n + 10 and max(ids.values()) == 1
    assert took < 30


def test_json_logs_carry_ticket_message_and_mailbox(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink
) -> None:
    import json

    append_many(imap_account, 2, "log")
    config = serve_config(tmp_path, imap_account, smtp_sink, f"sqlite:///{tmp_path}/t.db")
    config.write_text(
        config.read_text().replace('log_level = "INFO"', 'log_level = "INFO"\nlog_json = true')
    )
    run_cli(config, "init")
    log = tmp_path / "serve.log"
    with serving(config, imap_account, log) as proc:
        wait_until(lambda: len(smtp_sink.messages) >= 2, 60, "acknowledgements")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    records = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    ingested = [r for r in records if r.get("outcome") == "ticket"]
    assert len(ingested) == 2
    for r in ingested:
        assert (
            r["mailbox"] == "billing" and r["ticket"] and r["message_id"] and r["level"] == "info"
        )
        assert (r["queue"], r["source"]) == ("billing", "imap")
        assert r["sender"] == r["message_id"].replace(".", "", 1)  # <log.0@...> from log0@...
        assert r["message"].startswith(f"mail <{r['message_id']}> from {r['sender']}: ticket, ")


def test_mail_arriving_during_a_poll_is_not_left_waiting_for_idle(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mail that arrives while a poll runs is announced (EXISTS) inside the responses
    to that poll's own commands, which no one reads, and IDLE does not announce it
    again: without a second poll it would wait for the next mail or `idle_timeout`
    (10 minutes here). It must be stored within seconds."""
    import threading

    from ticketing.db import upgrade
    from ticketing.pipeline import Pipeline
    from ticketing.rules import load_rules
    from ticketing.service import Service

    monkeypatch.setenv("TEST_IMAP_PASSWORD", imap_account.password)
    config = serve_config(tmp_path, imap_account, smtp_sink, f"sqlite:///{tmp_path}/t.db")
    settings = settings_from(config)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    rules = load_rules(settings.rules_path, queues=settings.service.queues)
    pipeline = Pipeline(engine, settings, rules=rules)
    late = mail("Arrived mid-poll", message_id="<late@customer.example>")
    original = pipeline.ingest_batch
    calls = 0

    def ingest_then_new_mail_arrives(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        if calls == 1:
            imap_account.append(late)  # after the poll's SEARCH, before its STORE
        return result

    monkeypatch.setattr(pipeline, "ingest_batch", ingest_then_new_mail_arrives)
    service = Service(settings, engine, pipeline, announce=lambda _: None)
    imap_account.append(mail("First", message_id="<first@customer.example>"))
    thread = threading.Thread(target=service._mailbox_loop, args=(settings.mailboxes[0],))
    thread.start()
    try:
        deadline = time.monotonic() + 20
        stored: set[str] = set()
        while time.monotonic() < deadline and len(stored) < 2:
            with Session(engine) as session:
                stored = set(session.execute(select(RawMessage.message_id)).scalars())
            time.sleep(0.1)
    finally:
        service.stop.set()
        thread.join(timeout=30)
        engine.dispose()
    assert stored == {"first@customer.example", "late@customer.example"}


def test_a_sigterm_during_start_up_still_stops_serve_cleanly(tmp_path: Path) -> None:
    """The signal lands after the interpreter started but before the service exists
    (imports, the database, the workers): the stop is remembered, exit code 0."""
    config = write_config(tmp_path)
    run_cli(config, "init")
    script = (
        "import os, signal, sys; sys.argv = ['ticketing', 'serve']; "
        "import ticketing.cli as cli; os.kill(os.getpid(), signal.SIGTERM); cli.main()"
    )
    env = {**os.environ, "TICKETING_CONFIG": str(config)}
    env.pop("TICKETING_DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=str(REPO), capture_output=True, timeout=60
    )
    out = (proc.stdout + proc.stderr).decode(errors="replace")
    assert proc.returncode == 0, out
    assert "stop requested during start-up" in out
