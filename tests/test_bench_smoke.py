"""A quick smoke run of the benchmark's parts at tiny N: the generator is deterministic
and every subject it writes decodes right; mail written straight into Dovecot's Maildir
is fetched and ingested as exactly one stored message each; the bulk loader's data is
found by the desk. Correctness only: no timing thresholds here (see BENCHMARKS.md)."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest

from bench.bulkload import RARE_COUNT, RARE_WORD, load, rare_ids
from bench.env import PASSWORD_ENV, write_config
from bench.imapload import index_mailbox, write_maildir
from bench.mailgen import generate
from bench.scenarios.data import manifest_of
from bench.worker import check_ingested, cmd_outbox
from tests.servers import ImapAccount, SmtpSink
from ticketing import replykeys
from ticketing.config import load_settings
from ticketing.db import make_engine, upgrade
from ticketing.imap import poll_once
from ticketing.parse import parse_email
from ticketing.pipeline import Pipeline
from ticketing.rules import load_rules


def test_generator_is_deterministic_and_its_subjects_decode() -> None:
    first = list(generate(150, seed=3))
    again = list(generate(150, seed=3))
    assert [m.raw for m in first] == [m.raw for m in again]
    assert {m.charset for m in first} >= {"UTF-8", "ISO-2022-JP", "Shift_JIS", "EUC-JP"}
    assert any(m.reply_to is not None for m in first) and any(m.html for m in first)
    for m in first:
        email = parse_email(m.raw)
        assert email.fatal is None, m.index
        assert email.subject == m.expected_subject, (m.index, m.charset)
        assert email.message_id == m.message_id


@pytest.mark.services
def test_maildir_loaded_mail_is_ingested_once_each_and_its_acks_dispatched(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    mails = list(generate(40, seed=11))
    assert any(m.reply_to is not None for m in mails)
    write_maildir(imap_account, (m.raw for m in mails))
    exists, _ = index_mailbox(imap_account)
    assert exists == len(mails)
    monkeypatch.setenv(PASSWORD_ENV, imap_account.password)
    config = write_config(tmp_path / "instance", account=imap_account, sink=smtp_sink)
    settings = load_settings(config, env={PASSWORD_ENV: imap_account.password})
    upgrade(settings.database_url)
    replykeys.ensure_key(settings)
    engine = make_engine(settings.database_url)
    try:
        rules = load_rules(settings.rules_path, queues=settings.service.queues)
        report = poll_once(settings.mailboxes[0], Pipeline(engine, settings, rules=rules))
        assert report.fetched == len(mails)
        check = check_ingested(engine, manifest_of(mails))
    finally:
        engine.dispose()
    assert check["ok"], check["errors"]
    assert check["raw_messages"] == len(mails)
    # Scenario 4's worker command, as make bench runs it, on what was just ingested.
    sent = cmd_outbox(argparse.Namespace(config=str(config)))
    assert sent["sent"] == sent["pending_before"] == check["acks"] > 0
    assert len(smtp_sink.wait_for(sent["sent"])) == sent["sent"]


def test_bulk_loader_fills_a_migrated_database(tmp_path: Path) -> None:
    db = tmp_path / "ticketing.db"
    upgrade(f"sqlite:///{db}")
    loaded = load(db, 300)
    assert loaded["tickets"] == 300
    conn = sqlite3.connect(db)
    try:
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("tickets", "messages", "participants", "events")
        }
        subjects = conn.execute(
            "SELECT id FROM tickets WHERE subject LIKE ? ORDER BY id", (f"%{RARE_WORD}%",)
        ).fetchall()
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()
    assert counts == {"tickets": 300, "messages": 300, "participants": 300, "events": 300}
    assert [r[0] for r in subjects] == rare_ids(300) and len(subjects) == RARE_COUNT
    assert set(loaded["indexes_rebuilt"]) <= indexes


def test_bulk_loaded_tickets_are_found_by_search(tmp_path: Path) -> None:
    search = pytest.importorskip("ticketing.search")
    from sqlmodel import Session

    from tests.support import make_settings

    settings = make_settings(tmp_path)
    upgrade(settings.database_url)
    load(tmp_path / "ticketing.db", 300)
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            found = search.search(session, settings, RARE_WORD)
    finally:
        engine.dispose()
    assert sorted(row["id"] for row in found) == rare_ids(300)
