"""The outbox (invariant 4): rows sent over one SMTP connection, retried with backoff on
4xx and network errors, failed on 5xx with an event, and never sent twice."""

from __future__ import annotations

import mailbox
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlmodel import Session

from tests.servers import SmtpSink
from tests.support import mail
from ticketing.config import SmtpSettings
from ticketing.models import Event, OutboxMessage, OutboxStatus, utcnow
from ticketing.outbox import Dispatcher, MaildirTransport, SmtpTransport
from ticketing.pipeline import Pipeline, RawItem


def queue_acks(pipeline: Pipeline, n: int) -> None:
    pipeline.ingest_batch(
        [
            RawItem(
                data=mail(subject=f"q{i}", sender=f"c{i}@cust.example", message_id=f"<o{i}@c>"),
                source="cli",
            )
            for i in range(n)
        ]
    )


def transport_for(sink: SmtpSink) -> SmtpTransport:
    return SmtpTransport(SmtpSettings(host=sink.host, port=sink.port, security="none"))


def statuses(pipeline: Pipeline) -> list[str]:
    with Session(pipeline.engine) as s:
        return list(s.execute(select(OutboxMessage.status).order_by(OutboxMessage.id)).scalars())  # type: ignore[arg-type]


def test_dispatch_sends_each_message_once_with_its_fixed_message_id(
    pipeline: Pipeline, smtp_sink: SmtpSink
) -> None:
    queue_acks(pipeline, 5)
    with Session(pipeline.engine) as s:
        ids = list(s.execute(select(OutboxMessage.message_id)).scalars())
    transport = transport_for(smtp_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    assert report.sent == 5
    assert Dispatcher(pipeline.engine, transport).run_once().sent == 0
    transport.close()
    got = [m.parsed()["Message-ID"].strip("<>") for m in smtp_sink.wait_for(5)]
    assert sorted(got) == sorted(ids)
    assert statuses(pipeline) == ["sent"] * 5


def test_temporary_failure_is_retried_later_then_delivered_once(
    pipeline: Pipeline, smtp_sink: SmtpSink
) -> None:
    queue_acks(pipeline, 2)
    smtp_sink.fail_with = "451 4.3.0 try later"
    transport = transport_for(smtp_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    assert report.sent == 0 and report.retried == 2
    assert statuses(pipeline) == ["pending", "pending"]
    # Backoff: not due yet, so nothing is attempted.
    smtp_sink.fail_with = None
    assert Dispatcher(pipeline.engine, transport).run_once().sent == 0
    with Session(pipeline.engine) as s:
        s.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert Dispatcher(pipeline.engine, transport).run_once().sent == 2
    transport.close()
    assert len(smtp_sink.messages) == 2 and statuses(pipeline) == ["sent", "sent"]


def test_permanent_failure_marks_failed_with_ticket_event(
    pipeline: Pipeline, smtp_sink: SmtpSink
) -> None:
    queue_acks(pipeline, 1)
    smtp_sink.fail_with = "550 5.1.1 no such user"
    transport = transport_for(smtp_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    transport.close()
    assert report.failed == 1
    with Session(pipeline.engine) as s:
        row = s.execute(select(OutboxMessage)).scalars().one()
        assert row.status == OutboxStatus.FAILED.value and "550" in (row.last_error or "")
        events = s.execute(select(Event).where(Event.kind == "outbox.failed")).scalars().all()
        assert len(events) == 1 and events[0].ticket_id == row.ticket_id


def test_unreachable_relay_keeps_everything_pending(
    pipeline: Pipeline, smtp_sink: SmtpSink
) -> None:
    queue_acks(pipeline, 3)
    smtp_sink.stop()
    transport = transport_for(smtp_sink)
    report = Dispatcher(pipeline.engine, transport).run_once()
    assert report.sent == 0 and report.retried == 1  # the rest released untouched
    assert statuses(pipeline) == ["pending"] * 3
    smtp_sink.start()
    with Session(pipeline.engine) as s:
        s.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert Dispatcher(pipeline.engine, transport).run_once().sent == 3
    transport.close()
    assert len(smtp_sink.messages) == 3


def test_expired_claim_is_resent_with_the_same_message_id(
    pipeline: Pipeline, smtp_sink: SmtpSink
) -> None:
    queue_acks(pipeline, 1)
    dead = Dispatcher(pipeline.engine, transport_for(smtp_sink), worker_id="dead-worker")
    claimed = dead.claim(10)
    assert len(claimed) == 1
    live = Dispatcher(pipeline.engine, transport_for(smtp_sink), worker_id="live")
    assert live.run_once().sent == 0  # still leased to the dead worker
    with Session(pipeline.engine) as s:
        s.execute(update(OutboxMessage).values(claimed_until=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert live.run_once().sent == 1
    live.transport.close()
    assert smtp_sink.messages[0].parsed()["Message-ID"].strip("<>") == claimed[0].message_id


def test_maildir_transport_is_the_default_without_relay(pipeline: Pipeline) -> None:
    queue_acks(pipeline, 2)
    path = pipeline.settings.path(pipeline.settings.service.maildir)
    report = Dispatcher(pipeline.engine, MaildirTransport(path)).run_once()
    assert report.sent == 2
    box = mailbox.Maildir(str(path), create=False)
    assert len(box) == 2
    assert all(m["Auto-Submitted"] == "auto-replied" for m in box)


def test_compose_marks_automatic_mail_per_rfc_3834() -> None:
    from email import message_from_bytes

    from ticketing.outbox import compose

    common = dict(
        from_name="Billing Support",
        from_addr="billing@example.com",
        to=["a@b.example"],
        subject="[BILL-1] 件名\r\nBcc: injected@evil.example",
        text="本文",
        html="<p>本文</p>",
        message_id="x@example.com",
        in_reply_to=None,
        references=[],
        loop_token="example.com",
    )
    replied = message_from_bytes(compose(auto=True, **common))  # type: ignore[arg-type]
    generated = message_from_bytes(compose(auto=False, auto_submitted="auto-generated", **common))  # type: ignore[arg-type]
    human = message_from_bytes(compose(auto=False, **common))  # type: ignore[arg-type]
    assert replied["Auto-Submitted"] == "auto-replied"
    assert generated["Auto-Submitted"] == "auto-generated"
    assert human["Auto-Submitted"] is None
    # Customer text in a subject can never add a header.
    assert human["Bcc"] is None and human["X-Ticketing-Loop"] == "example.com"


def test_subjects_encode_as_rfc2047_words_that_decode_exactly() -> None:
    """Our own encoder (the stdlib's Header cost too much on the ingestion path): every
    line within RFC 2047's 76 characters, no character split, the text back exactly."""
    import random
    from email import message_from_bytes, policy
    from email.header import decode_header, make_header

    from ticketing.outbox import _header_text

    rng = random.Random(7)
    alphabet = "aZ 9日本語の請求書①№Ⅱ㈱髙～〜😀é\u0301\t"
    for _ in range(500):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 200)))
        encoded = _header_text("Subject", value)
        lines = f"Subject: {encoded}".split("\r\n")
        assert all(len(line) <= 76 for line in lines), lines
        assert encoded.isascii()
        expected = " ".join(value.split())
        assert str(make_header(decode_header(encoded))) == expected
        parsed = message_from_bytes(f"Subject: {encoded}\r\n\r\n".encode(), policy=policy.default)
        assert parsed["Subject"] == expected


def test_an_edited_template_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ticketing import render

    folder = tmp_path / "en"
    folder.mkdir()
    for part in render.PARTS:
        (folder / f"probe.{part}.j2").write_text(f"{part} {{{{ n }}}}\n", encoding="utf-8")
    renderer = render.Renderer(tmp_path, "en")
    assert renderer.render("probe", "en", {"n": 1}).subject == "subject 1"
    subject_file = folder / "probe.subject.j2"
    subject_file.write_text("edited {{ n }}\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(subject_file, (later, later))
    # Within the check interval the compiled template is reused (no stat per mail)...
    assert renderer.render("probe", "en", {"n": 2}).subject == "subject 2"
    # ...after it, Jinja sees the new mtime and reloads.
    monkeypatch.setattr(render, "RELOAD_CHECK_SECONDS", 0.0)
    assert renderer.render("probe", "en", {"n": 3}).subject == "edited 3"
