"""The ingestion pipeline end to end on SQLite (and PostgreSQL via the `db_url` param):
invariants 1, 2, 3, 5 and 7 driven through real raw bytes."""

from __future__ import annotations

from email import message_from_bytes
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.support import OUR, mail
from ticketing import replykeys
from ticketing.models import (
    Event,
    Message,
    OutboxMessage,
    Outcome,
    Participant,
    RawMessage,
    Status,
    Ticket,
)
from ticketing.pipeline import DUPLICATE, Pipeline, RawItem
from ticketing.replytoken import ticket_from_token


def count(session: Session, model: type) -> int:
    return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def ingest(pipeline: Pipeline, raw: bytes, **kw: object) -> object:
    return pipeline.ingest(RawItem(data=raw, source="cli", **kw))  # type: ignore[arg-type]


def test_new_mail_becomes_ticket_with_raw_message_and_acknowledgement(pipeline: Pipeline) -> None:
    raw = mail()
    result = pipeline.ingest(RawItem(data=raw, source="cli"))
    assert result.outcome == Outcome.TICKET.value
    with Session(pipeline.engine) as s:
        ticket = s.get(Ticket, result.ticket_id)
        assert ticket is not None
        assert ticket.subject == "Question about invoice INV-2024-001"
        assert ticket.requester == "taro@customer.example"
        assert ticket.status == Status.NEW.value
        stored = s.get(RawMessage, result.raw_id)
        assert stored is not None and stored.data == raw and stored.outcome == "ticket"
        out = s.execute(select(OutboxMessage)).scalars().one()
        assert out.auto and out.to_addrs == "taro@customer.example"
        ack = message_from_bytes(out.raw)
        assert ack["In-Reply-To"] == "<m1@customer.example>"
        assert ack["Auto-Submitted"] == "auto-replied"
        assert f"[BILL-{ticket.id}]" in ack["Subject"]
        assert ack["Message-ID"] == f"<{out.message_id}>"
        assert (
            ticket_from_token(replykeys.load(pipeline.settings).verifying, out.message_id)
            == ticket.id
        )
        kinds = [
            e.kind for e in s.execute(select(Event).where(Event.ticket_id == ticket.id)).scalars()
        ]
        assert kinds[:2] == ["ticket.created", "outbox.queued"]


def test_same_bytes_twice_is_a_no_op(pipeline: Pipeline) -> None:
    raw = mail()
    first = ingest(pipeline, raw)
    second = ingest(pipeline, raw)
    assert second.outcome == DUPLICATE  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        assert count(s, Ticket) == 1 and count(s, RawMessage) == 1 and count(s, OutboxMessage) == 1
    assert first.outcome == "ticket"  # type: ignore[attr-defined]


def test_one_message_to_two_of_our_addresses_is_one_ticket(pipeline: Pipeline) -> None:
    base = mail(to=f"{OUR}, support@example.com")
    copy_for_billing = b"Delivered-To: billing@example.com\r\n" + base
    copy_for_support = b"Delivered-To: support@example.com\r\n" + base
    results = pipeline.ingest_batch(
        [
            RawItem(data=copy_for_billing, source="imap", mailbox="billing"),
            RawItem(data=copy_for_support, source="imap", mailbox="support"),
        ]
    )
    assert [r.outcome for r in results] == ["ticket", DUPLICATE]
    with Session(pipeline.engine) as s:
        assert count(s, Ticket) == 1


def test_duplicate_across_batches_and_sources(pipeline: Pipeline) -> None:
    raw = mail()
    pipeline.ingest(RawItem(data=raw, source="smtp"))
    result = pipeline.ingest(RawItem(data=b"Received: by mx\r\n" + raw, source="imap", uid=7))
    assert result.outcome == DUPLICATE


def test_mails_without_message_id_are_lost_only_when_they_are_copies(pipeline: Pipeline) -> None:
    """Issue 14: a second mail without a Message-ID that differed only by an attachment
    was taken for a duplicate and never became a ticket (invariant 1: no lost mail).
    Both paths: one batch, and one mail at a time."""
    plain = mail(message_id=None)
    attached = mail(message_id=None)  # the same sender, date, subject and text...
    attached = attached.replace(
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit",
        b'Content-Type: multipart/mixed; boundary="b"',
    ).replace(
        b"\r\n\r\nHello,",
        b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,",
    ) + (
        b"\r\n--b\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="scan.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
    )
    # ... and a PDF.
    batch = pipeline.ingest_batch(
        [RawItem(data=plain, source="imap", uid=1), RawItem(data=attached, source="imap", uid=2)]
    )
    assert [r.outcome for r in batch] == ["ticket", "ticket"]
    # A true redelivery, in a batch and alone, is a duplicate.
    again = pipeline.ingest_batch([RawItem(data=plain, source="imap", uid=1)])
    assert [r.outcome for r in again] == [DUPLICATE]
    assert pipeline.ingest(RawItem(data=attached, source="cli")).outcome == DUPLICATE
    with Session(pipeline.engine) as s:
        assert count(s, Ticket) == 2


def test_reply_threads_by_in_reply_to_our_acknowledgement(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    with Session(pipeline.engine) as s:
        ack_id = s.execute(select(OutboxMessage.message_id)).scalar_one()
    reply = mail(
        subject="Re: question",
        body="Here is the PDF you asked for.",
        message_id="<m2@customer.example>",
        in_reply_to=f"<{ack_id}>",
    )
    result = ingest(pipeline, reply)
    assert result.outcome == "followup"  # type: ignore[attr-defined]
    assert result.ticket_id == first.ticket_id  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        assert count(s, OutboxMessage) == 1  # no acknowledgement for a follow-up
        ticket = s.get(Ticket, first.ticket_id)  # type: ignore[attr-defined]
        assert ticket is not None and ticket.message_count == 3


def test_reply_threads_by_subject_reference(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    ref = f"[BILL-{first.ticket_id}]"  # type: ignore[attr-defined]
    result = ingest(
        pipeline, mail(subject=f"Re: {ref} invoice", message_id="<m3@customer.example>")
    )
    assert result.ticket_id == first.ticket_id  # type: ignore[attr-defined]


def test_stranger_reply_is_held_not_attached(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    ref = f"[BILL-{first.ticket_id}]"  # type: ignore[attr-defined]
    stranger = mail(
        subject=f"Re: {ref}",
        sender="mallory@evil.example",
        name="Mallory",
        message_id="<x1@evil.example>",
    )
    result = ingest(pipeline, stranger)
    assert result.outcome == Outcome.HELD.value  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        msgs = (
            s.execute(select(Message).where(Message.ticket_id == first.ticket_id)).scalars().all()
        )  # type: ignore[attr-defined]
        assert all("mallory" not in m.from_addr for m in msgs)
        held = s.execute(select(Event).where(Event.kind == "message.held")).scalars().one()
        assert "not a participant" in held.detail["reason"]


def test_stranger_reply_opens_new_ticket_when_configured(pipeline_factory) -> None:  # type: ignore[no-untyped-def]
    pipeline = pipeline_factory(unknown_sender="new")
    first = ingest(pipeline, mail())
    stranger = mail(
        subject=f"Re: [BILL-{first.ticket_id}]",
        sender="other@else.example",  # type: ignore[attr-defined]
        message_id="<x2@else.example>",
    )
    result = ingest(pipeline, stranger)
    assert result.outcome == "ticket" and result.ticket_id != first.ticket_id  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        event = (
            s.execute(
                select(Event).where(
                    Event.ticket_id == result.ticket_id,  # type: ignore[attr-defined]
                    Event.kind == "ticket.created",
                )
            )
            .scalars()
            .one()
        )
        assert "not a participant" in event.detail["note"]


def test_signed_reply_token_lets_a_forwarded_colleague_in(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    with Session(pipeline.engine) as s:
        ack_id = s.execute(select(OutboxMessage.message_id)).scalar_one()
    colleague = mail(
        subject="Re: invoice",
        sender="hanako@customer.example",
        name="Hanako",
        message_id="<c1@customer.example>",
        references=f"<{ack_id}>",
    )
    result = ingest(pipeline, colleague)
    assert result.outcome == "followup" and result.ticket_id == first.ticket_id  # type: ignore[attr-defined]


def test_our_own_mail_is_ignored_with_reason(pipeline: Pipeline) -> None:
    result = ingest(pipeline, mail(sender=OUR, name="Billing"))
    assert result.outcome == Outcome.IGNORED.value  # type: ignore[attr-defined]
    assert "our own address" in result.detail  # type: ignore[attr-defined]
    looped = mail(
        sender="x@y.example", message_id="<l1@y>", headers={"X-Ticketing-Loop": "example.com"}
    )
    assert ingest(pipeline, looped).outcome == Outcome.IGNORED.value  # type: ignore[attr-defined]
    # Case and a +tag do not make our own address a stranger's.
    local, _, domain = OUR.partition("@")
    tagged = mail(sender=f"{local.upper()}+replies@{domain}", message_id="<t1@y>")
    result = ingest(pipeline, tagged)
    assert result.outcome == Outcome.IGNORED.value  # type: ignore[attr-defined]
    assert "our own address" in result.detail  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"Precedence": "list"},
        {"List-Id": "<billing-news.example.net>"},
        {"X-Auto-Response-Suppress": "All"},
    ],
)
def test_no_acknowledgement_to_automatic_mail(pipeline: Pipeline, headers: dict[str, str]) -> None:
    result = ingest(pipeline, mail(headers=headers))
    with Session(pipeline.engine) as s:
        assert count(s, OutboxMessage) == 0
        reasons = [e.detail.get("reason", "") for e in s.execute(select(Event)).scalars()]
    assert result.outcome in ("ticket", "ignored")  # type: ignore[attr-defined]
    if result.outcome == "ticket":  # type: ignore[attr-defined]
        assert any("not human" in r for r in reasons)


def test_no_acknowledgement_to_null_sender_or_daemons(pipeline: Pipeline) -> None:
    ingest(pipeline, mail(headers={"Return-Path": "<>"}, message_id="<n1@x>"))
    ingest(pipeline, mail(sender="mailer-daemon@mx.example", name="", message_id="<n2@x>"))
    ingest(pipeline, mail(sender="postmaster@mx.example", name="", message_id="<n3@x>"))
    with Session(pipeline.engine) as s:
        assert count(s, OutboxMessage) == 0


def test_automatic_replies_are_rate_limited_per_sender(pipeline: Pipeline) -> None:
    limit = pipeline.settings.service.autoreply_limit
    for i in range(limit + 3):
        ingest(pipeline, mail(subject=f"question {i}", message_id=f"<r{i}@customer.example>"))
    with Session(pipeline.engine) as s:
        assert count(s, Ticket) == limit + 3
        assert count(s, OutboxMessage) == limit
        suppressed = (
            s.execute(select(Event).where(Event.kind == "autoreply.suppressed")).scalars().all()
        )
        assert len(suppressed) == 3 and "rate limit" in suppressed[0].detail["reason"]


class ExplodingRules:
    """Routing that fails for one message: a stage both ingestion paths run."""

    def __init__(self, real: object) -> None:
        self.real = real

    def route(self, email, ctx, **kwargs):  # type: ignore[no-untyped-def]
        if "poison" in email.subject:
            raise RuntimeError("stage exploded on purpose")
        return self.real.route(email, ctx, **kwargs)  # type: ignore[attr-defined]

    def route_many(self, items):  # type: ignore[no-untyped-def]
        return [self.route(email, ctx) for email, ctx in items]


def test_poison_message_is_quarantined_and_the_rest_flow(pipeline: Pipeline) -> None:
    pipeline.rules = ExplodingRules(pipeline.rules)  # type: ignore[assignment]
    items = [
        RawItem(
            data=mail(subject=s, message_id=f"<{i}@c.example>", sender=f"s{i}@c.example"),
            source="cli",
        )
        for i, s in enumerate(["first", "poison pill", "third"])
    ]
    results = pipeline.ingest_batch(items)
    assert [r.outcome for r in results] == ["ticket", "quarantined", "ticket"]
    with Session(pipeline.engine) as s:
        q = s.get(RawMessage, results[1].raw_id)
        assert q is not None and q.outcome == "quarantined"
        assert q.error and "stage exploded on purpose" in q.error and "Traceback" in q.error
        assert q.data == items[1].data  # the bytes are kept
        assert count(s, Ticket) == 2  # the poison's half-made ticket was rolled back
        assert count(s, OutboxMessage) == 2  # and so was its acknowledgement


def test_unparseable_sender_is_quarantined_not_lost(pipeline: Pipeline) -> None:
    raw = b"Subject: no sender at all\r\n\r\nbody\r\n"
    result = ingest(pipeline, raw)
    assert result.outcome == "quarantined"  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        assert s.get(RawMessage, result.raw_id).data == raw  # type: ignore[attr-defined,union-attr]


def test_oversize_mail_is_quarantined_with_reason(pipeline_factory) -> None:  # type: ignore[no-untyped-def]
    pipeline = pipeline_factory(max_message_bytes=2000)
    result = ingest(pipeline, mail(body="x" * 5000))
    assert result.outcome == "quarantined" and "exceeds the limit" in result.detail  # type: ignore[attr-defined]


def test_reply_to_resolved_ticket_reopens_it(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    with Session(pipeline.engine) as s:
        t = s.get(Ticket, first.ticket_id)  # type: ignore[attr-defined]
        assert t is not None
        t.status = Status.RESOLVED.value
        s.add(t)
        s.commit()
    ingest(
        pipeline, mail(subject=f"Re: [BILL-{first.ticket_id}] still wrong", message_id="<again@c>")
    )  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        assert s.get(Ticket, first.ticket_id).status == Status.OPEN.value  # type: ignore[attr-defined,union-attr]


def test_cc_participants_may_follow_up(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail(headers={"Cc": "Boss <boss@customer.example>"}))
    with Session(pipeline.engine) as s:
        roles = {p.email: p.role for p in s.execute(select(Participant)).scalars()}
    assert roles == {"taro@customer.example": "requester", "boss@customer.example": "cc"}
    result = ingest(
        pipeline,
        mail(
            subject=f"Re: [BILL-{first.ticket_id}]",
            sender="boss@customer.example",  # type: ignore[attr-defined]
            message_id="<boss1@c>",
        ),
    )
    assert result.outcome == "followup"  # type: ignore[attr-defined]


def test_japanese_mail_gets_japanese_acknowledgement(pipeline: Pipeline) -> None:
    raw = mail(
        subject="請求書の金額について",
        body="お世話になっております。\n請求書の金額が違うようです。",
        name="山田 太郎",
        charset="iso-2022-jp",
    )
    result = ingest(pipeline, raw)
    with Session(pipeline.engine) as s:
        t = s.get(Ticket, result.ticket_id)  # type: ignore[attr-defined]
        assert t is not None and t.subject == "請求書の金額について" and t.language == "ja"
        out = s.execute(select(OutboxMessage)).scalars().one()
        ack = message_from_bytes(out.raw)
        from email.header import decode_header, make_header

        assert "請求書の金額について" in str(make_header(decode_header(ack["Subject"])))
        text = ack.get_payload()[0].get_payload(decode=True).decode("utf-8")
        assert f"チケット番号 BILL-{t.id}" in text and "山田 太郎" in text


def test_attachments_are_stored_by_hash_never_by_sender_filename(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    raw = (
        b"From: taro@customer.example\r\nTo: billing@example.com\r\nSubject: invoice copy\r\n"
        b"Message-ID: <att1@c>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
        b"See attached.\r\n--XX\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="../../etc/passwd"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XX--\r\n"
    )
    result = ingest(pipeline, raw)
    with Session(pipeline.engine) as s:
        from ticketing.models import Attachment

        att = s.execute(select(Attachment)).scalars().one()
    # The name shown and saved is its safe base name; the raw message keeps it as sent.
    assert (att.filename, att.size, att.path) == ("passwd", 9, "2")
    blob = pipeline.blobs.path_for(att.sha256)
    assert (
        blob.read_bytes() == b"%PDF-1.4\n"
        and ".." not in blob.relative_to(pipeline.blobs.root).parts
    )
    assert result.outcome == "ticket"  # type: ignore[attr-defined]


def dsn_for(message_id: str, rcpt: str) -> bytes:
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\r\n"
        "To: billing@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <dsn.1@mx.customer.example>\r\nAuto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        f"Reporting-MTA: dns; mx.customer.example\r\n\r\nFinal-Recipient: rfc822; {rcpt}\r\n"
        "Action: failed\r\nStatus: 5.1.1\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"From: billing@example.com\r\nTo: {rcpt}\r\nMessage-ID: <{message_id}>\r\n"
        "Subject: [BILL-1] Re: question\r\n--B--\r\n"
    ).encode()


def test_bounce_of_our_reply_is_attached_and_marks_it_failed(pipeline: Pipeline) -> None:
    first = ingest(pipeline, mail())
    with Session(pipeline.engine) as s:
        out = s.execute(select(OutboxMessage)).scalars().one()
    result = ingest(pipeline, dsn_for(out.message_id, "taro@customer.example"))
    assert result.outcome == "followup" and result.ticket_id == first.ticket_id  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        row = s.get(OutboxMessage, out.id)
        assert row is not None and row.status == "failed" and "bounced" in (row.last_error or "")
        kinds = [
            e.kind
            for e in s.execute(select(Event).where(Event.ticket_id == first.ticket_id)).scalars()
        ]  # type: ignore[attr-defined]
        assert "outbox.bounced" in kinds
        assert count(s, OutboxMessage) == 1  # never an automatic reply to a bounce


def test_oversize_mail_gets_a_polite_notice_when_configured(pipeline_factory) -> None:  # type: ignore[no-untyped-def]
    pipeline = pipeline_factory(max_message_bytes=2000, notify_oversize=True)
    result = ingest(pipeline, mail(body="x" * 5000))
    assert result.outcome == "quarantined"  # type: ignore[attr-defined]
    with Session(pipeline.engine) as s:
        notice = s.execute(select(OutboxMessage)).scalars().one()
    msg = message_from_bytes(notice.raw)
    assert notice.to_addrs == "taro@customer.example" and msg["Auto-Submitted"] == "auto-replied"
    assert msg["In-Reply-To"] == "<m1@customer.example>"
    # The same oversize mail from an automatic sender gets no notice.
    auto = pipeline_factory(max_message_bytes=2000, notify_oversize=True)
    ingest(
        auto,
        mail(body="y" * 5000, message_id="<m9@c>", headers={"Auto-Submitted": "auto-generated"}),
    )
    with Session(auto.engine) as s:
        assert count(s, OutboxMessage) == 1
