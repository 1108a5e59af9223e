"""End to end on real servers: customers' mail APPENDed to a private Dovecot becomes
tickets through `ticketing poll --once`, and `ticketing outbox send` delivers the
acknowledgements to an aiosmtpd sink. Every step runs the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.servers import ImapAccount, SmtpSink
from tests.support import REPO, mail, run_cli, settings_from, write_config
from ticketing.db import make_engine
from ticketing.models import MailboxCursor, OutboxMessage, RawMessage, Ticket

pytestmark = pytest.mark.services


def imap_config(
    tmp_path: Path,
    account: ImapAccount,
    sink: SmtpSink | None,
    db_url: str,
    security: str = "tls",
    batch_size: int = 100,
) -> Path:
    port = account.imaps_port if security == "tls" else account.imap_port
    smtp = (
        f"""
[smtp]
host = "{sink.host}"
port = {sink.port}
security = "none"
from_address = "billing@example.com"
"""
        if sink
        else ""
    )
    extra = f"""
[[mailboxes]]
name = "billing"
host = "{account.host}"
port = {port}
security = "{security}"
ca_file = "{account.dovecot.cert_file}"
username = "{account.username}"
password_env = "TEST_IMAP_PASSWORD"
folder = "INBOX"
queue = "billing"
batch_size = {batch_size}
{smtp}
"""
    return write_config(tmp_path, db_url=db_url, extra=extra)


def cli(
    config: Path, account: ImapAccount, *args: str, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    return run_cli(config, *args, check=check, env={"TEST_IMAP_PASSWORD": account.password})


def subject_of(raw: bytes) -> str:
    from email import message_from_bytes

    return str(make_header(decode_header(message_from_bytes(raw)["Subject"])))


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_mail_in_imap_becomes_tickets_and_acknowledgements(
    tmp_path: Path, imap_account: ImapAccount, smtp_sink: SmtpSink, db_url: str, security: str
) -> None:
    emails = [
        mail(
            subject="Invoice INV-1 looks wrong",
            sender="a@cust.example",
            message_id="<a1@cust.example>",
        ),
        mail(
            subject="請求書について",
            body="請求書の再発行をお願いします。",
            sender="b@cust.example",
            name="佐藤 花子",
            message_id="<b1@cust.example>",
            charset="iso-2022-jp",
        ),
        mail(subject="Card declined", sender="c@cust.example", message_id="<c1@cust.example>"),
    ]
    uids = [imap_account.append(e) for e in emails]
    config = imap_config(tmp_path, imap_account, smtp_sink, db_url, security=security)
    cli(config, imap_account, "init")
    out = cli(config, imap_account, "poll", "--once", "--json")
    report = json.loads(out.stdout)
    assert report[0]["fetched"] == 3 and report[0]["outcomes"] == {"ticket": 3}
    for uid in uids:
        assert "\\Seen" in imap_account.flags(uid)  # flagged, after commit
    tickets = json.loads(cli(config, imap_account, "tickets", "list", "--json").stdout)
    assert sorted(t["requester"] for t in tickets) == [
        "a@cust.example",
        "b@cust.example",
        "c@cust.example",
    ]
    assert {t["subject"] for t in tickets} == {
        "Invoice INV-1 looks wrong",
        "請求書について",
        "Card declined",
    }
    for t in tickets:
        assert {
            "id",
            "ref",
            "subject",
            "status",
            "queue",
            "requester",
            "created_at",
            "updated_at",
            "message_count",
        } <= t.keys()

    sent = json.loads(cli(config, imap_account, "outbox", "send", "--json").stdout)
    assert sent["sent"] == 3
    received = smtp_sink.wait_for(3)
    by_rcpt = {m.rcpt_tos[0]: m for m in received}
    assert set(by_rcpt) == {"a@cust.example", "b@cust.example", "c@cust.example"}
    refs = {t["requester"]: t["ref"] for t in tickets}
    originals = {
        "a@cust.example": "<a1@cust.example>",
        "b@cust.example": "<b1@cust.example>",
        "c@cust.example": "<c1@cust.example>",
    }
    for rcpt, m in by_rcpt.items():
        msg = m.parsed()
        assert f"[{refs[rcpt]}]" in subject_of(m.data)
        assert msg["In-Reply-To"] == originals[rcpt]
        assert originals[rcpt] in msg["References"]
        assert msg["Auto-Submitted"] == "auto-replied"
        assert msg["Message-ID"].endswith("@example.com>")
        assert msg.is_multipart() and [p.get_content_type() for p in msg.iter_parts()] == [
            "text/plain",
            "text/html",
        ]
    ja = by_rcpt["b@cust.example"].parsed()
    assert "お問い合わせ" in ja.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    # A second poll and a second send create and send nothing.
    again = json.loads(cli(config, imap_account, "poll", "--once", "--json").stdout)
    assert again[0]["fetched"] == 0
    assert json.loads(cli(config, imap_account, "outbox", "send", "--json").stdout)["sent"] == 0
    assert len(smtp_sink.messages) == 3
    show = json.loads(
        cli(config, imap_account, "tickets", "show", str(tickets[0]["id"]), "--json").stdout
    )
    assert [m["direction"] for m in show["messages"]] == ["in", "out"]
    assert show["messages"][0]["attachments"] == [] and show["events"]


def test_poll_twice_and_reingest_after_cursor_loss_creates_nothing(
    tmp_path: Path, imap_account: ImapAccount, db_url: str
) -> None:
    for i in range(5):
        imap_account.append(mail(subject=f"q{i}", message_id=f"<q{i}@c.example>"))
    config = imap_config(tmp_path, imap_account, None, db_url)
    cli(config, imap_account, "init")
    cli(config, imap_account, "poll", "--once")
    cli(config, imap_account, "poll", "--once")
    engine = make_engine(settings_from(config).database_url)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 5
        # Forget the cursor, as after a UIDVALIDITY change: dedupe still holds.
        cursor = s.get(MailboxCursor, ("billing", "INBOX"))
        assert cursor is not None and cursor.last_uid == max(imap_account.uids())
        cursor.last_uid = 0
        s.add(cursor)
        s.commit()
    cli(config, imap_account, "poll", "--once")
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 5
        assert s.execute(select(func.count()).select_from(RawMessage)).scalar_one() == 5
    engine.dispose()


def test_sigkill_between_fetch_and_commit_loses_and_duplicates_nothing(
    tmp_path: Path, imap_account: ImapAccount, db_url: str
) -> None:
    n = 150
    for i in range(n):
        imap_account.append(
            mail(
                subject=f"crash test {i}",
                message_id=f"<k{i}@c.example>",
                body=f"message number {i}\n" + "filler line\n" * 40,
            )
        )
    config = imap_config(tmp_path, imap_account, None, db_url, batch_size=10)
    cli(config, imap_account, "init")
    env = {
        **os.environ,
        "TICKETING_CONFIG": str(config),
        "TEST_IMAP_PASSWORD": imap_account.password,
    }
    env.pop("TICKETING_DATABASE_URL", None)
    kills = 0
    engine = make_engine(settings_from(config).database_url)
    for delay in (0.6, 0.9, 1.2, 1.5, 1.8):
        proc = subprocess.Popen(
            [sys.executable, "-m", "ticketing.cli", "poll", "--once"],
            env=env,
            cwd=str(REPO),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()
        # Invariant 1: a message flagged in the mailbox is always one we committed.
        with Session(engine) as s:
            stored = set(s.execute(select(RawMessage.uid)).scalars())
        flagged = {uid for uid in imap_account.uids() if "\\Seen" in imap_account.flags(uid)}
        assert flagged <= stored
    assert kills >= 1, "the poller finished before any kill: make the mailbox bigger"
    cli(config, imap_account, "poll", "--once")
    with Session(engine) as s:
        subjects = list(s.execute(select(Ticket.subject)).scalars())
        raws = s.execute(select(func.count()).select_from(RawMessage)).scalar_one()
        outbox = s.execute(select(func.count()).select_from(OutboxMessage)).scalar_one()
    engine.dispose()
    assert sorted(subjects) == sorted(f"crash test {i}" for i in range(n))
    assert raws == n
    # One acknowledgement per ticket, within the per-sender rate limit of the config.
    assert outbox == min(n, 3)
    assert all("\\Seen" in imap_account.flags(uid) for uid in imap_account.uids())


def folder_config(tmp_path: Path, account: ImapAccount, folder: str) -> Path:
    config = imap_config(tmp_path, account, None, f"sqlite:///{tmp_path}/t.db")
    text = config.read_text().replace('folder = "INBOX"', f'folder = "{folder}"')
    config.write_text(text)
    return config


def test_uidvalidity_change_is_noticed_and_recreates_no_ticket(
    tmp_path: Path, imap_account: ImapAccount
) -> None:
    emails = [mail(subject=f"uv {i}", message_id=f"<uv{i}@c.example>") for i in range(3)]
    for raw in emails:
        imap_account.append(raw, folder="Billing")
    config = folder_config(tmp_path, imap_account, "Billing")
    cli(config, imap_account, "init")
    cli(config, imap_account, "poll", "--once")
    # Recreate the folder: the server gives it a new UIDVALIDITY and renumbers the mail.
    with imap_account.client() as client:
        client.delete_folder("Billing")
        client.create_folder("Billing")
    for raw in [*emails, mail(subject="uv new", message_id="<uvnew@c.example>")]:
        imap_account.append(raw, folder="Billing")
    out = json.loads(cli(config, imap_account, "poll", "--once", "--json").stdout)
    assert out[0]["fetched"] == 4 and out[0]["outcomes"] == {"duplicate": 3, "ticket": 1}
    engine = make_engine(settings_from(config).database_url)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 4
        from ticketing.models import Event

        kinds = list(s.execute(select(Event.kind)).scalars())
    engine.dispose()
    assert "mailbox.uidvalidity_changed" in kinds


def test_mailbox_reconcile_lists_gaps(tmp_path: Path, imap_account: ImapAccount) -> None:
    for i in range(3):
        imap_account.append(mail(subject=f"r {i}", message_id=f"<rc{i}@c.example>"))
    config = imap_config(tmp_path, imap_account, None, f"sqlite:///{tmp_path}/t.db")
    cli(config, imap_account, "init")
    cli(config, imap_account, "poll", "--once")
    clean = json.loads(
        cli(config, imap_account, "mailbox", "reconcile", "billing", "--json").stdout
    )
    assert (clean["in_mailbox"], clean["stored"], clean["missing"]) == (3, 3, [])
    skipped = imap_account.append(mail(subject="skipped", message_id="<skipped@c.example>"))
    pending = imap_account.append(mail(subject="pending", message_id="<pending@c.example>"))
    # Simulate a cursor that jumped over a message (the bug reconcile exists to catch).
    engine = make_engine(settings_from(config).database_url)
    with Session(engine) as s:
        cursor = s.get(MailboxCursor, ("billing", "INBOX"))
        assert cursor is not None
        cursor.last_uid = skipped
        s.add(cursor)
        s.commit()
    engine.dispose()
    gap = cli(config, imap_account, "mailbox", "reconcile", "billing", "--json", check=False)
    assert gap.returncode == 1
    report = json.loads(gap.stdout)
    assert report["missing"] == [skipped] and report["not_yet_fetched"] == [pending]


def test_flags_missed_by_a_dying_poller_are_set_by_the_next_poll(
    tmp_path: Path, imap_account: ImapAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ticketing.imap import MailboxPoller, poll_once
    from ticketing.pipeline import Pipeline

    uids = [
        imap_account.append(mail(subject=f"f{i}", message_id=f"<f{i}@c.example>")) for i in range(3)
    ]
    config = imap_config(tmp_path, imap_account, None, f"sqlite:///{tmp_path}/t.db")
    cli(config, imap_account, "init")
    monkeypatch.setenv("TEST_IMAP_PASSWORD", imap_account.password)
    settings = settings_from(config)
    engine = make_engine(settings.database_url)
    pipeline = Pipeline(engine, settings)
    real = MailboxPoller._after_ingest
    # The process "dies" between commit and flagging: nothing is flagged.
    monkeypatch.setattr(MailboxPoller, "_after_ingest", lambda self, client, uids: False)
    assert poll_once(settings.mailbox("billing"), pipeline).fetched == 3
    assert not any("\\Seen" in imap_account.flags(u) for u in uids)
    monkeypatch.setattr(MailboxPoller, "_after_ingest", real)
    assert poll_once(settings.mailbox("billing"), pipeline).fetched == 0
    assert all("\\Seen" in imap_account.flags(u) for u in uids)
    with Session(engine) as s:
        cursor = s.get(MailboxCursor, ("billing", "INBOX"))
        assert cursor is not None and cursor.processed_uid == cursor.last_uid == max(uids)
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 3
    engine.dispose()
