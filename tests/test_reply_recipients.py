"""`tickets reply --cc/--bcc`: bare addresses only, checked before anything is queued;
Cc in the header and a participant afterwards, Bcc on the envelope only; as an SMTP
sink receives it, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.desk_support import Desk
from tests.servers import SmtpSink
from tests.support import OUR, mail


def test_cc_in_the_header_bcc_on_the_envelope_only(sink_desk: Desk, smtp_sink: SmtpSink) -> None:
    desk = sink_desk
    tid = desk.ingest(mail(message_id="<cc1@customer.example>"))
    desk.ok(
        "tickets",
        "reply",
        str(tid),
        "--body",
        "Copying our accountant.",
        "--cc",
        "Kato@Customer.example",
        "--cc",
        "taro@customer.example",  # already the To: not repeated in Cc
        "--bcc",
        "audit@firm.example",
    )
    participants = desk.json("tickets", "show", str(tid))["participants"]
    assert {"email": "kato@customer.example", "role": "cc"} in participants
    assert all(p["email"] != "audit@firm.example" for p in participants)
    queued = [e.detail for e in desk.events(tid) if e.kind == "outbox.queued"][-1]
    assert queued["bcc"] == ["audit@firm.example"]
    assert desk.json("outbox", "send")["sent"] == 2
    reply = smtp_sink.wait_for(2)[1]
    assert sorted(reply.rcpt_tos) == [
        "audit@firm.example",
        "kato@customer.example",
        "taro@customer.example",
    ]
    message = reply.parsed()
    assert message["To"] == "taro@customer.example"
    assert message["Cc"] == "kato@customer.example"
    assert message["Bcc"] is None
    assert b"audit@firm.example" not in reply.data


@pytest.mark.parametrize(
    "option, value",
    [
        ("--cc", "Kato <kato@customer.example>"),
        ("--cc", "a@customer.example, b@customer.example"),
        ("--bcc", "@customer.example"),
        ("--bcc", "kato@"),
        ("--cc", OUR),
    ],
)
def test_bad_cc_and_bcc_are_refused_and_nothing_is_queued(
    desk: Desk, option: str, value: str
) -> None:
    tid = desk.ingest(mail(message_id="<cc2@customer.example>"))
    before = desk.json("outbox", "list")
    out = desk.fails(1, "tickets", "reply", str(tid), "--body", "Hello.", option, value)
    assert option in out
    assert desk.json("outbox", "list") == before
    assert "ticket.replied" not in desk.kinds(tid)
