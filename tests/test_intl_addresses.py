"""Mail from the whole world (issue 14, items 3 and 4): an internationalised sender
(RFC 6532) is always stored as a ticket and acknowledged over SMTPUTF8 when the relay
offers it; a From header without a valid address stores the ticket, sends nothing and
shows the ticket under `tickets held`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlmodel import Session, col

from tests.servers import ServiceUnavailable, SmtpSink
from tests.support import OUR, write_config
from ticketing.cli import cli
from ticketing.config import SmtpSettings
from ticketing.models import Event, OutboxMessage, OutboxStatus, RawMessage, Ticket
from ticketing.outbox import Dispatcher, MaildirTransport, SmtpTransport
from ticketing.pipeline import IngestResult, Pipeline, RawItem

INTL = ["josé@example.es", "用户@例子.example"]
BROKEN = ["@example.com", '"Broken" <>']


def raw_mail(
    from_header: str, message_id: str, subject: str = "Question about my invoice"
) -> bytes:
    """A mail whose From is written as given, in UTF-8 as an RFC 6532 client sends it."""
    return (
        f"From: {from_header}\r\n"
        f"To: {OUR}\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: {message_id}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        "Hello, I was charged twice this month.\r\n"
    ).encode()


def ingest(pipeline: Pipeline, data: bytes, path: str) -> IngestResult:
    """Ingest `data` on the set-wise batch path, or on the one-by-one path (a subject
    tag naming no ticket sends a mail there: it might have been a follow-up)."""
    if path == "batch":
        others = [
            RawItem(data=raw_mail(f"c{i}@cust.example", f"<other{i}@c>"), source="cli")
            for i in range(2)
        ]
        results = pipeline.ingest_batch([others[0], RawItem(data=data, source="cli"), others[1]])
        assert [r.outcome for r in results] == ["ticket"] * 3
        return results[1]
    return pipeline.ingest(RawItem(data=data, source="cli"))


def ingest_ticket(
    pipeline: Pipeline, sender: str, message_id: str, path: str
) -> tuple[IngestResult, Ticket]:
    """Ingest one mail from `sender` by `path`: the result and the ticket it made."""
    result = ingest(pipeline, raw_mail(sender, message_id, one_by_one_subject(path)), path)
    assert result.outcome == "ticket", result.detail
    assert result.ticket_id is not None
    with Session(pipeline.engine) as s:
        ticket = s.get(Ticket, result.ticket_id)
    assert ticket is not None
    return result, ticket


def one_by_one_subject(path: str) -> str:
    return "[BILL-9999] Question about my invoice" if path == "one" else "Question"


def events(pipeline: Pipeline, ticket_id: int, kind: str) -> list[Event]:
    with Session(pipeline.engine) as s:
        return list(
            s.execute(
                select(Event)
                .where(col(Event.ticket_id) == ticket_id)
                .where(col(Event.kind) == kind)
            ).scalars()
        )


def outbox_rows(pipeline: Pipeline) -> list[OutboxMessage]:
    with Session(pipeline.engine) as s:
        return list(s.execute(select(OutboxMessage).order_by(col(OutboxMessage.id))).scalars())


def transport_for(sink: SmtpSink) -> SmtpTransport:
    return SmtpTransport(SmtpSettings(host=sink.host, port=sink.port, security="none"))


@pytest.fixture
def legacy_sink() -> Iterator[SmtpSink]:
    """An SMTP relay that does not offer SMTPUTF8."""
    sink = SmtpSink(smtputf8=False)
    try:
        sink.start()
    except ServiceUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield sink
    finally:
        sink.stop()


# --- item 3: internationalised addresses ----------------------------------------------


def test_deliverable_accepts_utf8_and_refuses_addresses_without_local_part_or_domain() -> None:
    from ticketing.loops import deliverable

    for good in [*INTL, "taro+tag@customer.example", '"taro yamada"@customer.example']:
        assert deliverable(good), good
    for bad in [*BROKEN, "", "taro@", "mailer-daemon", "a b@x.example", "a@-x.example"]:
        assert not deliverable(bad), bad


@pytest.mark.parametrize("path", ["one", "batch"])
@pytest.mark.parametrize("sender", INTL)
def test_internationalised_sender_is_stored_and_acknowledged(
    pipeline: Pipeline, sender: str, path: str
) -> None:
    _, ticket = ingest_ticket(pipeline, sender, "<intl@x>", path)
    assert ticket.requester == sender
    assert ticket.message_count == 2  # the mail and its acknowledgement
    with Session(pipeline.engine) as s:
        outcomes = set(s.execute(select(RawMessage.outcome)).scalars())  # type: ignore[call-overload]
    assert outcomes == {"ticket"}
    acks = [o for o in outbox_rows(pipeline) if o.ticket_id == ticket.id]
    assert [o.to_addrs for o in acks] == [sender]
    # RFC 6532: the address goes into the header as UTF-8, everything else stays ASCII.
    head = acks[0].raw.split(b"\r\n\r\n", 1)[0].decode("utf-8")
    assert f"\r\nTo: {sender}\r\n" in head


@pytest.mark.parametrize("sender", INTL)
def test_acknowledgement_goes_out_with_smtputf8_when_the_relay_offers_it(
    pipeline: Pipeline, smtp_sink: SmtpSink, sender: str
) -> None:
    result = pipeline.ingest(RawItem(data=raw_mail(sender, "<intl@x>"), source="cli"))
    transport = transport_for(smtp_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    transport.close()
    assert (report.sent, report.failed, report.retried) == (1, 0, 0), report.errors
    [got] = smtp_sink.wait_for(1)
    assert got.rcpt_tos == (sender,)
    assert got.parsed()["To"] == sender
    assert [o.status for o in outbox_rows(pipeline)] == [OutboxStatus.SENT.value]
    assert result.ticket_id is not None
    assert len(events(pipeline, result.ticket_id, "outbox.sent")) == 1


def test_acknowledgement_is_skipped_with_a_note_when_the_relay_lacks_smtputf8(
    pipeline: Pipeline, legacy_sink: SmtpSink
) -> None:
    sender = INTL[0]
    result = pipeline.ingest(RawItem(data=raw_mail(sender, "<intl@x>"), source="cli"))
    assert result.outcome == "ticket" and result.ticket_id is not None
    transport = transport_for(legacy_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    transport.close()
    assert (report.sent, report.failed, report.retried) == (0, 1, 0)
    assert legacy_sink.messages == []
    [row] = outbox_rows(pipeline)
    assert row.status == OutboxStatus.FAILED.value
    assert row.last_error is not None and "SMTPUTF8" in row.last_error
    [note] = events(pipeline, result.ticket_id, "outbox.failed")
    assert "SMTPUTF8" in note.detail["error"] and sender in note.detail["error"]


def test_maildir_transport_writes_the_utf8_acknowledgement(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    sender = INTL[1]
    pipeline.ingest(RawItem(data=raw_mail(sender, "<intl@x>"), source="cli"))
    box_path = tmp_path / "out-maildir"
    report = Dispatcher(pipeline.engine, MaildirTransport(box_path)).run_once()
    assert report.sent == 1, report.errors
    [stored] = list((box_path / "new").iterdir())
    data = stored.read_bytes()
    assert f"\r\nTo: {sender}\r\n".encode() in data
    assert f"\nDelivered-To: {sender}\n".encode() in data.replace(b"\r\n", b"\n")


# --- item 4: a From header without a valid address ------------------------------------


@pytest.mark.parametrize("path", ["one", "batch"])
@pytest.mark.parametrize("written", BROKEN)
def test_invalid_sender_stores_the_ticket_and_sends_nothing(
    pipeline: Pipeline, written: str, path: str
) -> None:
    from ticketing.desk import list_held

    result, ticket = ingest_ticket(pipeline, written, "<broken@x>", path)
    assert ticket.id is not None
    assert ticket.requester == written  # the raw From, kept
    assert ticket.message_count == 1
    with Session(pipeline.engine) as s:
        held = list_held(s)
    assert [o.to_addrs for o in outbox_rows(pipeline) if o.ticket_id == ticket.id] == []
    [suppressed] = events(pipeline, ticket.id, "autoreply.suppressed")
    assert "not a valid address" in suppressed.detail["reason"]
    [entry] = held
    assert (entry["id"], entry["ticket_id"]) == (result.raw_id, result.ticket_id)
    assert entry["held_for"] == "invalid-sender"
    assert entry["from"] == written
    assert written in entry["reason"] and "not a valid address" in entry["reason"]


def test_tickets_held_lists_an_invalid_sender_with_the_reason(tmp_path: Path) -> None:
    config = write_config(tmp_path)

    def run(*args: str, input: bytes | None = None) -> str:
        out = CliRunner().invoke(cli, ["--config", str(config), *args], input=input)
        assert out.exit_code == 0, out.output
        return out.output

    run("init")
    [stored] = json.loads(run("ingest", "--json", "-", input=raw_mail("@example.com", "<b@x>")))
    assert stored["outcome"] == "ticket"
    [held] = json.loads(run("tickets", "held", "--json"))
    assert held["ticket_id"] == stored["ticket_id"]
    assert held["held_for"] == "invalid-sender"
    assert "'@example.com' is not a valid address" in held["reason"]
    assert "not a valid address" in run("tickets", "held")
    assert json.loads(run("outbox", "list", "--json")) == []


def test_an_agent_cannot_mail_a_customer_whose_address_is_broken(tmp_path: Path) -> None:
    """`tickets reply` and a notifying `resolve` are refused with the reason and the way
    out; nothing reaches the outbox; resolving with --no-notify still works."""
    config = write_config(tmp_path)

    def run(*args: str, input: bytes | None = None, code: int = 0) -> str:
        out = CliRunner().invoke(cli, ["--config", str(config), *args], input=input)
        assert out.exit_code == code, out.output
        return out.output

    run("init")
    [stored] = json.loads(run("ingest", "--json", "-", input=raw_mail("@example.com", "<b@x>")))
    ticket = str(stored["ticket_id"])
    refused = run("tickets", "reply", ticket, "--body", "We refunded it.", code=1)
    assert "'@example.com' is not a valid address" in refused
    assert "Traceback" not in refused
    refused = run("tickets", "resolve", ticket, "--resolution", "Refunded.", code=1)
    assert "--no-notify" in refused
    assert json.loads(run("outbox", "list", "--json")) == []
    run("tickets", "resolve", ticket, "--no-notify", "--reason", "phoned the customer")
    [shown] = json.loads(run("tickets", "list", "--json", "--status", "resolved"))
    assert shown["id"] == stored["ticket_id"]
