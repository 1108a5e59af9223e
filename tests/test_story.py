"""The whole story, end to end through the CLI and a real SMTP sink: a Japanese customer
writes in ISO-2022-JP to dispute a charge; the agent records the dispute, escalates it to
the vendor, the customer writes again, the agent records the vendor's answer and the
outcome, and resolves. The customer receives four Japanese emails, each threaded into
their own conversation:

1. the disputes queue's acknowledgement (automatic, at ingestion);
2. `escalated`: we escalated to the vendor on their behalf, with the case number;
3. `dispute-outcome`: the vendor upheld the dispute, the amount credited;
4. `resolved`: the close-the-loop message with the resolution.

Recording the dispute sends nothing (the acknowledgement already said we received it);
the audit trail tells the story in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.desk_support import Desk, jis_mail, sink_toml, text_of
from tests.servers import SmtpSink
from ticketing.models import OutboxMessage


@pytest.fixture
def desk(tmp_path: Path, db_url: str, smtp_sink: SmtpSink) -> Iterator[Desk]:
    d = Desk(tmp_path, db_url, extra=sink_toml(smtp_sink))
    d.ok("init")
    yield d
    d.close()


def test_japanese_dispute_from_first_mail_to_closed_loop(desk: Desk, smtp_sink: SmtpSink) -> None:
    first = jis_mail(
        "請求書 INV-2026-0042 の二重請求について",
        "ご担当者様\n\n11月分の請求書 INV-2026-0042 で ¥12,000 が二重に請求されています。\n"
        "身に覚えのない請求ですので、異議を申し立てます。返金をお願いします。\n\n山田\n",
    )
    tid = desk.ingest(first)
    ticket = desk.json("tickets", "show", str(tid))
    assert (ticket["queue"], ticket["language"]) == ("disputes", "ja")
    assert ticket["messages"][0]["decodings"]  # how ISO-2022-JP was read is recorded

    # The partner's books have the invoice: a dispute is about one on the customer's account.
    books = desk.tmp_path / "invoices.csv"
    books.write_text(
        "email,invoice,amount,currency,days_overdue\ntaro@yamada.example,INV-2026-0042,24000,JPY,0\n",
        encoding="utf-8",
    )
    desk.ok("customers", "import", str(books))
    agent = ("--actor", "sato")
    dispute = desk.json("tickets", "dispute", str(tid), "--reason", "二重請求", *agent)
    # Invoice, amount and currency come from the customer's own words.
    assert dispute["dispute"] | {"id": None, "created_at": None} == {
        "id": None,
        "invoice": "INV-2026-0042",
        "amount": "12000",
        "currency": "JPY",
        "status": "open",
        "credit": None,
        "reason": "二重請求",
        "created_at": None,
        "decided_at": None,
    }
    desk.ok("tickets", "escalate", str(tid), "--vendor-case", "2611240040001234", *agent)

    # The customer answers our escalation mail from their client, in ISO-2022-JP again.
    with desk.session() as s:
        escalated_id = s.execute(
            select(col(OutboxMessage.message_id)).where(col(OutboxMessage.template) == "escalated")
        ).scalar_one()
    second = jis_mail(
        "Re: ベンダーへエスカレーションいたしました",
        "ご対応ありがとうございます。結果をお待ちしております。\n",
        message_id="<jp-2@yamada.example>",
        in_reply_to=f"<{escalated_id}>",
    )
    assert desk.ingest(second) == tid
    assert desk.json("tickets", "show", str(tid))["status"] == "escalated"

    refused = desk.fails(1, "tickets", "resolve", str(tid), "--resolution", "返金しました")
    assert "waits on vendor case 2611240040001234" in refused
    desk.ok(
        "tickets", "vendor-update", str(tid), "--status", "resolved",
        "--note", "Vendor approved a credit for the duplicate charge", *agent,
    )  # fmt: skip
    desk.ok(
        "tickets", "dispute-outcome", str(tid), "upheld",
        "--message", "重複して請求された 12,000 円は次回の請求で相殺されます。", *agent,
    )  # fmt: skip
    desk.ok(
        "tickets", "resolve", str(tid),
        "--resolution", "二重請求分 12,000 円のクレジットを適用いたしました。", *agent,
    )  # fmt: skip
    assert desk.json("outbox", "send")["sent"] == 4

    received = [m.parsed() for m in smtp_sink.wait_for(4)]
    assert len(received) == 4
    subjects = [str(m["Subject"]) for m in received]
    assert subjects[0].startswith(f"[BILL-{tid}] ご請求に関するお申し出を承りました")
    assert subjects[1].startswith(f"[BILL-{tid}] ベンダーへエスカレーションいたしました")
    assert subjects[2] == f"[BILL-{tid}] 請求書 INV-2026-0042 への異議の結果について"
    assert subjects[3].startswith(f"[BILL-{tid}] 解決のご連絡")
    texts = [text_of(m) for m in received]
    assert "山田 太郎 様" in texts[0]
    assert "2611240040001234" in texts[1]
    assert "全額 12,000 JPY" in texts[2] and "次回の請求で相殺" in texts[2]
    assert "クレジットを適用いたしました" in texts[3]
    for m in received:
        assert m["To"] == "taro@yamada.example"
        assert m.get_body(("plain",))["Content-Type"].params["charset"] == "utf-8"
        assert m.get_body(("html",)) is not None
        assert m["X-Ticketing-Ticket"] == f"BILL-{tid}"
    # Threading: the first two answer the first mail, the last two the customer's reply;
    # each References chain starts at the customer's first message.
    assert [m["In-Reply-To"] for m in received] == [
        "<jp-1@yamada.example>",
        "<jp-1@yamada.example>",
        "<jp-2@yamada.example>",
        "<jp-2@yamada.example>",
    ]
    for m in received:
        refs = str(m["References"]).split()
        assert "<jp-1@yamada.example>" in refs and refs[-1] == m["In-Reply-To"]
    assert f"<{escalated_id}>" in str(received[3]["References"])
    assert len({m["Message-ID"] for m in received}) == 4
    assert received[0]["Auto-Submitted"] == "auto-replied"  # the acknowledgement only
    assert all(m["Auto-Submitted"] is None for m in received[1:])

    # The audit trail tells the story, in order, with who did what.
    events = desk.json("tickets", "show", str(tid))["events"]
    story = [
        "ticket.created",
        "dispute.recorded",
        "vendor.escalated",
        "message.followup",
        "vendor.update",
        "dispute.outcome",
        "ticket.resolved",
    ]
    kinds = [e["kind"] for e in events]
    assert [k for k in kinds if k in story] == story
    assert kinds.count("outbox.queued") == 4 and kinds.count("outbox.sent") == 4
    by_kind = {e["kind"]: e for e in events}
    assert all(by_kind[k]["actor"] == "sato" for k in story[1:] if k != "message.followup")
    statuses = [
        (e["detail"]["from"], e["detail"]["to"]) for e in events if e["kind"] == "ticket.status"
    ]
    assert statuses == [
        ("new", "open"),
        ("open", "escalated"),
        ("escalated", "open"),
        ("open", "resolved"),
    ]
    final = desk.json("tickets", "show", str(tid))
    assert final["status"] == "resolved" and final["disputes"][0]["status"] == "upheld"
    assert final["vendor_cases"][0]["status"] == "resolved"
    assert final["first_response_at"] is not None
