"""A desk that looks like a working day: a few hundred tickets with long and short,
English and Japanese subjects, long requester addresses, agents, priorities, statuses,
replies that quote the history, notes, attachments and a vendor escalation.

Used by the terminal-output tests (nothing may wrap at 80, 100 or 120 columns) and by
scripts/desk_output.py, which prints the README's example output from it.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from tests.desk_support import Desk

AGENTS = ("sato", "kato", "alice.johnson", "bob")
SUBJECTS = (
    "Invoice INV-2026-{n:04d} charged twice, please refund the duplicate card payment",
    "Question about my invoice",
    "Re: Fwd: Re: Credit note for the October overage on subscription SUB-88{n:02d}",
    "請求書 INV-2026-{n:04d} の金額について確認させてください",
    "Payment failed",
    "URGENT: account suspended although invoice INV-2026-{n:04d} was paid on time",
    "Seat count on the new plan does not match what we ordered last month",
    "Wrong VAT number on invoices since the migration",
    "支払い方法の変更（クレジットカード → 銀行振込）",
    "Refund",
)
SENDERS = (
    ("Taro Yamada", "taro.yamada@customer-accounts.yamada-trading.co.jp"),
    ("Ann Lee", "ann@lee.example"),
    ("", "accounts-payable.department@very-long-enterprise-name.example.com"),
    ("佐藤 花子", "hanako.sato@example.jp"),
    ("Carol Late", "carol@late.example"),
)


def _mail(n: int, when: datetime) -> bytes:
    name, address = SENDERS[n % len(SENDERS)]
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>" if name else address
    msg["To"] = "billing@example.com"
    msg["Subject"] = SUBJECTS[n % len(SUBJECTS)].format(n=n)
    msg["Message-ID"] = f"<desk.{n}@customer.example>"
    msg["Date"] = format_datetime(when)
    body = (
        f"Hello,\n\nI have a question about invoice INV-2026-{n:04d}: the amount of "
        f"{100 + n}.00 EUR looks wrong to me.\n\nRegards,\n{name or 'Accounts payable'}\n"
    )
    msg.set_content(body)
    if n % 17 == 0:
        msg.add_attachment(
            b"%PDF-1.4 statement\n",
            maintype="application",
            subtype="pdf",
            filename=f"statement-2026-{n:04d}-with-a-rather-long-file-name.pdf",
        )
    return msg.as_bytes()


def build(tmp_path: Path, db_url: str, tickets: int = 240, seed: int = 7) -> Desk:
    """The desk, with `tickets` tickets; deterministic for one seed."""
    rng = random.Random(seed)
    desk = Desk(tmp_path, db_url)
    desk.ok("init")
    folder = tmp_path / "incoming"
    folder.mkdir()
    start = datetime.now(UTC) - timedelta(days=20)
    files = []
    for n in range(tickets):
        when = start + timedelta(minutes=n * 20 * 24 * 60 // tickets)
        path = folder / f"{n:04d}.eml"
        path.write_bytes(_mail(n, when))
        files.append(str(path))
    desk.ok("ingest", *files)
    ids = [int(t["id"]) for t in desk.json("tickets", "list", "--limit", "10000", "--sort", "id")]
    for tid in ids:
        roll = rng.random()
        if roll < 0.6:
            desk.ok("tickets", "assign", str(tid), rng.choice(AGENTS))
        if roll < 0.15:
            desk.ok("tickets", "priority", str(tid), rng.choice(("high", "urgent")))
        elif roll > 0.9:
            desk.ok("tickets", "priority", str(tid), "low")
    for tid in ids[:12]:
        desk.ok(
            "tickets",
            "reply",
            str(tid),
            "--body",
            "Thank you for writing. We are looking into the invoice and will come back "
            "to you within one business day.",
        )
        raw = _follow_up(desk, tid)
        desk.ingest(raw)
    for tid in ids[12:20]:
        desk.ok("tickets", "status", str(tid), "pending")
    for tid in ids[20:30]:
        desk.ok("tickets", "resolve", str(tid), "--resolution", "Refunded the duplicate charge.")
    desk.ok(
        "tickets", "note", str(ids[0]), "Customer called; confirmed the card was charged twice."
    )
    desk.ok(
        "tickets",
        "escalate",
        str(ids[1]),
        "--vendor-case",
        "MS-CASE-7781234",
        "--no-notify",
        "--reason",
        "needs the vendor's billing team",
    )
    return desk


def _follow_up(desk: Desk, tid: int) -> bytes:
    """The customer's answer to our reply, quoting it, as mail clients do."""
    shown = desk.json("tickets", "show", str(tid))
    ours = [m for m in shown["messages"] if m["direction"] == "out"][-1]
    name, address = SENDERS[(tid - 1) % len(SENDERS)]
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>" if name else address
    msg["To"] = "billing@example.com"
    msg["Subject"] = "Re: " + ours["subject"]
    msg["Message-ID"] = f"<desk.reply.{tid}@customer.example>"
    msg["In-Reply-To"] = ours["message_id"]
    msg["References"] = ours["message_id"]
    quoted = "\n".join("> " + line for line in ours["text"].splitlines())
    msg.set_content(
        "Thanks, the card statement is attached to my first mail. Please hurry, our "
        "finance team closes the month on Friday.\n\n"
        f"On Mon, 30 Nov 2026 at 10:02, Billing Support wrote:\n{quoted}\n"
    )
    return msg.as_bytes()
