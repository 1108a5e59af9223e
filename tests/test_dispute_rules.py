"""Disputes and the money they hold, on SQLite and PostgreSQL: at most one open dispute
per ticket and invoice, `dispute-outcome` choosing by invoice, `tickets resolve` refused
while a dispute has no outcome, collections held while an invoice is disputed (and
resumed where they stopped once the charge stands), and invoice numbers in one
canonical form whoever typed them (`ticketing.invoiceno`)."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from tests.desk_support import Desk, text_of
from tests.support import REPO, mail
from ticketing.db import _alembic_config, upgrade
from ticketing.invoiceno import InvalidInvoice, canonical_invoice
from ticketing.models import (
    CollectionNotice,
    Customer,
    Dispute,
    Invoice,
    OutboxMessage,
    Ticket,
)
from ticketing.parse import parse_email
from ticketing.rules import load_rules

ANN = "ann@acme.example"
BOB = "bob@acme.example"
SPELLINGS = [
    "INV-2026-0042",
    "inv-2026-0042",
    "INV 2026 0042",
    "INV2026-0042",
    "INV20260042",
    " #inv_2026_0042 ",
    "ＩＮＶ－２０２６－００４２",  # full-width, as a Japanese IME types it
    "ＩＮＶ２０２６ー００４２",  # with the prolonged sound mark for the dash
    "INV\u20132026\u20130042",  # an en dash from a word processor
]


# -- canonical invoice numbers (pure) ------------------------------------------------


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_one_invoice_is_one_canonical_number(spelling: str) -> None:
    assert canonical_invoice(spelling) == "INV-2026-0042"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("g012345678", "G012345678"),  # a vendor's number: upper-cased, kept
        ("１２３４５", "12345"),
        ("x-1", "X-1"),
        ("po  77\t12", "PO 77 12"),
        ("INV-2026-42", "INV-2026-42"),  # a serial too short to be ours: not guessed at
    ],
)
def test_other_references_are_folded_but_not_rewritten(raw: str, canonical: str) -> None:
    assert canonical_invoice(raw) == canonical
    assert canonical_invoice(canonical) == canonical  # idempotent


@pytest.mark.parametrize("raw", ["", "   ", "#", "X" * 121, "INV\x00-1"])
def test_what_cannot_be_an_invoice_number_is_refused(raw: str) -> None:
    with pytest.raises(InvalidInvoice, match="not an invoice number"):
        canonical_invoice(raw)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Dispute inv 2026 0042", "Please check."),
        ("Question", "We were charged twice on INV2026-0042."),
        ("請求書 ＩＮＶ－２０２６－００４２ について", "二重請求です。"),
        ("Question", "invoice number: inv2026-0042"),
    ],
)
def test_the_mail_extractor_gives_the_same_canonical_number(subject: str, body: str) -> None:
    rules = load_rules(REPO / "config" / "rules.toml")
    email_ = parse_email(mail(subject, body))
    assert rules.extract(email_)["invoice"] == "INV-2026-0042"


# -- through the CLI -------------------------------------------------------------------


def import_accounts(desk: Desk, *rows: str, name: str = "accounts.csv") -> dict[str, Any]:
    path = desk.tmp_path / name
    path.write_text(
        "email,invoice,amount,currency,days_overdue\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    report: dict[str, Any] = desk.json("customers", "import", str(path))
    return report


def customer_mail(desk: Desk, sender: str, subject: str, body: str, n: int) -> int:
    return desk.ingest(mail(subject, body, sender=sender, message_id=f"<c{n}@acme.example>"))


def ticket(desk: Desk, ticket_id: int) -> Ticket:
    with desk.session() as s:
        found = s.get(Ticket, ticket_id)
        assert found is not None
        return found


def disputes(desk: Desk, ticket_id: int) -> list[Dispute]:
    with desk.session() as s:
        return list(
            s.execute(
                select(Dispute).where(col(Dispute.ticket_id) == ticket_id).order_by(col(Dispute.id))
            ).scalars()
        )


def test_a_repeat_dispute_names_the_open_one_and_the_outcome_picks_by_invoice(
    desk: Desk,
) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,0", f"{ANN},INV-2026-0043,5000,JPY,0")
    tid = customer_mail(desk, ANN, "Dispute INV-2026-0042", "We were charged twice.", 1)
    first = desk.json("tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY")
    assert first["dispute"]["invoice"] == "INV-2026-0042"

    # Again, in another spelling: refused, naming the dispute that is open.
    again = desk.invoke(
        "tickets", "dispute", str(tid), "--invoice", "ＩＮＶ２０２６－００４２",
        "--amount", "30000", "--currency", "JPY",
    )  # fmt: skip
    assert again.exit_code == 1 and "Traceback" not in again.output
    assert f"already has dispute {first['dispute']['id']} open on invoice INV-2026-0042" in (
        again.output
    )
    as_json = desk.invoke(
        "tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY", "--json"
    )
    assert as_json.exit_code == 1
    refused = json.loads(as_json.stdout)
    assert refused["dispute"] == first["dispute"] and refused["ticket_id"] == tid
    assert "already has dispute" in refused["error"]
    assert len(disputes(desk, tid)) == 1

    # A second invoice on the same ticket is its own dispute.
    desk.ok(
        "tickets", "dispute", str(tid), "--invoice", "inv 2026 0043",
        "--amount", "5000", "--currency", "JPY",
    )  # fmt: skip
    ambiguous = desk.fails(1, "tickets", "dispute-outcome", str(tid), "rejected")
    assert "several open disputes" in ambiguous
    assert "INV-2026-0042 (dispute" in ambiguous and "INV-2026-0043 (dispute" in ambiguous
    elsewhere = desk.fails(
        1, "tickets", "dispute-outcome", str(tid), "rejected", "--invoice", "INV-2026-0099"
    )
    assert "no open dispute on invoice INV-2026-0099" in elsewhere
    assert "open: INV-2026-0042" in elsewhere
    decided = desk.json(
        "tickets", "dispute-outcome", str(tid), "rejected", "--invoice", "inv2026-0043"
    )
    assert decided["dispute"]["invoice"] == "INV-2026-0043"
    assert decided["dispute"]["status"] == "rejected"
    # One left open: no --invoice needed any more.
    assert desk.json("tickets", "dispute-outcome", str(tid), "upheld")["dispute"]["invoice"] == (
        "INV-2026-0042"
    )
    # Decided, the invoice may be disputed again.
    desk.ok("tickets", "dispute", str(tid), "--amount", "100", "--currency", "JPY")
    assert [d.status for d in disputes(desk, tid)] == ["upheld", "rejected", "open"]


def test_customers_import_and_the_mail_store_one_canonical_number(desk: Desk) -> None:
    report = import_accounts(desk, f"{ANN},inv 2026 0042,30000,JPY,10")
    assert report["invoices_created"] == 1
    # The same invoice in another spelling updates it in place.
    again = import_accounts(desk, f"{ANN},ＩＮＶ２０２６－００４２,31000,JPY,10", name="again.csv")
    assert (again["invoices_created"], again["invoices_updated"]) == (0, 1)
    with desk.session() as s:
        assert [i.number for i in s.execute(select(Invoice)).scalars()] == ["INV-2026-0042"]
    assert desk.json("customers", "show", ANN)["invoices"][0]["number"] == "INV-2026-0042"
    spelled = customer_mail(desk, ANN, "Dispute inv 2026 0042", "Charged twice.", 1)
    assert ticket(desk, spelled).fields["invoice"] == "INV-2026-0042"  # the mail extractor's
    bad = desk.tmp_path / "bad.csv"
    bad.write_text(f"email,invoice,amount,currency,days_overdue\n{ANN},#,1,JPY,1\n", "utf-8")
    assert f"{bad}:2: not an invoice number: '#'" in desk.fails(1, "customers", "import", str(bad))


def test_an_unknown_invoice_is_a_clear_error(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,10", f"{BOB},INV-2026-0050,100,JPY,10")
    tid = customer_mail(desk, ANN, "A charge", "This charge is wrong.", 1)
    unknown = desk.fails(
        1, "tickets", "dispute", str(tid), "--invoice", "inv-2026-9999",
        "--amount", "1", "--currency", "JPY",
    )  # fmt: skip
    assert f"unknown invoice INV-2026-9999: not on the account of {ANN}" in unknown
    assert "its invoices: INV-2026-0042" in unknown
    assert "not an invoice number" in desk.fails(
        2, "tickets", "dispute", str(tid), "--invoice", "  ", "--amount", "1", "--currency", "JPY"
    )
    assert "not an invoice number" in desk.fails(
        2, "tickets", "dispute-outcome", str(tid), "rejected", "--invoice", "#"
    )
    # Someone else's invoice is not on this customer's account either.
    assert "not on the account" in desk.fails(
        1, "tickets", "dispute", str(tid), "--invoice", "INV-2026-0050",
        "--amount", "1", "--currency", "JPY",
    )  # fmt: skip
    out = desk.json(
        "tickets", "dispute", str(tid), "--invoice", "INV2026 0042",
        "--amount", "30000", "--currency", "JPY",
    )  # fmt: skip
    assert out["dispute"]["invoice"] == "INV-2026-0042"
    with desk.session() as s:
        by_number = {i.number: i.id for i in s.execute(select(Invoice)).scalars()}
    assert disputes(desk, tid)[0].invoice_id == by_number["INV-2026-0042"]

    # A ticket whose requester has no account may name an invoice the desk knows.
    stray = customer_mail(desk, "cy@elsewhere.example", "Charge", "wrong charge", 2)
    with desk.session() as s:
        s.execute(
            update(Ticket)
            .where(col(Ticket.id) == stray)
            .values(customer_id=None, requester="nobody@elsewhere.example")
        )
        s.commit()
    assert "the desk knows no invoice by that number" in desk.fails(
        1, "tickets", "dispute", str(stray), "--invoice", "INV-2026-9999",
        "--amount", "1", "--currency", "JPY",
    )  # fmt: skip
    desk.ok(
        "tickets", "dispute", str(stray), "--invoice", "inv-2026-0050",
        "--amount", "1", "--currency", "JPY",
    )  # fmt: skip
    assert disputes(desk, stray)[0].invoice_id == by_number["INV-2026-0050"]


def test_resolve_waits_for_the_outcome_unless_forced_with_a_reason(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,0", f"{ANN},INV-2026-0043,10,JPY,0")
    tid = customer_mail(desk, ANN, "Dispute INV-2026-0042", "Charged twice.", 1)
    desk.ok("tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY")
    refused = desk.fails(1, "tickets", "resolve", str(tid), "--resolution", "Credited.")
    assert "dispute without an outcome, on invoice INV-2026-0042" in refused
    assert "tickets dispute-outcome" in refused and "--force --reason" in refused
    assert "--force needs --reason" in desk.fails(
        2, "tickets", "resolve", str(tid), "--resolution", "Credited.", "--force"
    )
    assert ticket(desk, tid).status == "open"  # recording the dispute opened it
    desk.ok("tickets", "dispute-outcome", str(tid), "rejected")
    desk.ok("tickets", "resolve", str(tid), "--resolution", "The charge stands.")
    assert [e.kind for e in desk.events(tid)].count("ticket.resolved") == 1

    # Forced past an open dispute: the reason and the disputes are in the audit trail.
    other = customer_mail(desk, ANN, "Dispute INV-2026-0043", "Wrong.", 2)
    desk.ok("tickets", "dispute", str(other), "--amount", "10", "--currency", "JPY")
    desk.ok(
        "tickets", "resolve", str(other), "--resolution", "Handled by phone.", "--force",
        "--reason", "vendor decided by phone, outcome recorded later",
    )  # fmt: skip
    resolved = [e for e in desk.events(other) if e.kind == "ticket.resolved"][-1]
    assert resolved.detail["reason"] == "vendor decided by phone, outcome recorded later"
    assert resolved.detail["forced_past_disputes"] == [
        {"id": disputes(desk, other)[0].id, "invoice": "INV-2026-0043"}
    ]


def test_merge_refuses_two_open_disputes_on_one_invoice(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,0")
    first = customer_mail(desk, ANN, "Dispute INV-2026-0042", "Charged twice.", 1)
    second = customer_mail(desk, ANN, "INV-2026-0042 again", "Still charged twice.", 2)
    for tid in (first, second):
        desk.ok("tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY")
    refused = desk.fails(1, "tickets", "merge", str(second), str(first))
    assert "both have a dispute open on invoice INV-2026-0042" in refused
    desk.ok("tickets", "dispute-outcome", str(second), "rejected")
    desk.ok("tickets", "merge", str(second), str(first))
    assert [d.status for d in disputes(desk, first)] == ["open", "rejected"]


# -- collections held by a dispute -----------------------------------------------------


def time_passes(desk: Desk, days: int) -> None:
    """Everything dated moves `days` into the past, as if they had gone by."""
    delta = timedelta(days=days)
    with desk.session() as s:
        for n in s.execute(select(CollectionNotice)).scalars():
            n.created_at -= delta
        for i in s.execute(select(Invoice)).scalars():
            i.due_date -= delta
        for d in s.execute(select(Dispute)).scalars():
            d.created_at -= delta
            if d.decided_at is not None:
                d.decided_at -= delta
        s.commit()


def stages_sent(desk: Desk, number: str) -> list[str]:
    with desk.session() as s:
        return list(
            s.execute(
                select(col(CollectionNotice.stage))
                .join(Invoice, col(Invoice.id) == col(CollectionNotice.invoice_id))
                .where(col(Invoice.number) == number)
                .order_by(col(CollectionNotice.id))
            ).scalars()
        )


def account_status(desk: Desk, email_: str) -> str:
    with desk.session() as s:
        return s.execute(
            select(col(Customer.account_status)).where(col(Customer.email) == email_)
        ).scalar_one()


def outbox_rows(desk: Desk) -> int:
    with desk.session() as s:
        return int(s.execute(select(func.count()).select_from(OutboxMessage)).scalar_one())


def last_notice_text(desk: Desk, number: str) -> str:
    with desk.session() as s:
        row = (
            s.execute(
                select(OutboxMessage)
                .join(CollectionNotice, col(CollectionNotice.outbox_id) == col(OutboxMessage.id))
                .join(Invoice, col(Invoice.id) == col(CollectionNotice.invoice_id))
                .where(col(Invoice.number) == number)
                .order_by(col(OutboxMessage.id).desc())
            )
            .scalars()
            .first()
        )
        assert row is not None
        msg = email.message_from_bytes(row.raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return text_of(msg)


def run(desk: Desk, *args: str) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    out = desk.json("collections", "run", *args)
    return sorted((n["invoice"], n["stage"]) for n in out["notices"]), out.get("held")


def test_a_disputed_invoice_is_held_then_resumes_where_it_stopped(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,10", f"{BOB},INV-2026-0050,5000,JPY,10")
    assert run(desk)[0] == [("INV-2026-0042", "reminder"), ("INV-2026-0050", "reminder")]
    assert account_status(desk, ANN) == "delinquent"
    tid = customer_mail(desk, ANN, "We dispute INV-2026-0042", "Charged twice.", 1)
    dispute_id = desk.json(
        "tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY"
    )["dispute"]["id"]

    # 40 days overdue: the final notice and the suspension are both past due.
    time_passes(desk, 30)
    before = outbox_rows(desk)
    due, held = run(desk, "--dry-run")
    assert due == [("INV-2026-0050", "final_notice")]  # the undisputed invoice goes on
    assert [(h["invoice"], h["stage"], h["dispute_id"]) for h in held] == [
        ("INV-2026-0042", "final_notice", dispute_id)
    ]
    assert f"dispute {dispute_id} on BILL-{tid} has no outcome yet" in held[0]["reason"]
    assert held[0]["ticket_id"] == tid and held[0]["until"] is None
    human = desk.ok("collections", "run", "--dry-run")
    assert "1 notice(s) due, 1 invoice(s) held" in human and "has no outcome yet" in human
    due, held = run(desk)  # the real run
    assert due == [("INV-2026-0050", "final_notice")]
    assert [h["invoice"] for h in held] == ["INV-2026-0042"] and "no outcome" in held[0]["reason"]
    time_passes(desk, 30)
    due, held = run(desk)
    assert due == [("INV-2026-0050", "suspension")] and held[0]["stage"] == "final_notice"
    assert "has no outcome yet" in desk.ok("collections", "run")
    # Held: no notice, no stage advance, no suspension.
    assert outbox_rows(desk) == before + 2
    assert stages_sent(desk, "INV-2026-0042") == ["reminder"]
    assert account_status(desk, ANN) == "delinquent" and account_status(desk, BOB) == "suspended"

    # The vendor rejects the dispute: the charge stands. The customer has the usual
    # `min_days_between` to pay after the outcome, then the held stage goes out.
    desk.ok("tickets", "dispute-outcome", str(tid), "rejected")
    due, held = run(desk)
    assert due == [] and held[0]["dispute_id"] == dispute_id
    assert "rejected" in held[0]["reason"] and held[0]["until"] is not None
    time_passes(desk, 7)
    due, held = run(desk, "--dry-run")
    assert (due, held) == ([("INV-2026-0042", "final_notice")], [])
    assert run(desk) == ([("INV-2026-0042", "final_notice")], [])  # not the suspension
    assert "30,000 JPY" in last_notice_text(desk, "INV-2026-0042")
    assert account_status(desk, ANN) == "delinquent"
    time_passes(desk, 7)
    assert run(desk)[0] == [("INV-2026-0042", "suspension")]
    assert stages_sent(desk, "INV-2026-0042") == ["reminder", "final_notice", "suspension"]
    assert account_status(desk, ANN) == "suspended"


def test_after_a_credit_collections_ask_only_for_what_is_still_owed(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,12000,JPY,30", f"{BOB},INV-2026-0050,500,JPY,30")
    partly = customer_mail(desk, ANN, "Dispute INV-2026-0042", "Charged twice.", 1)
    fully = customer_mail(desk, BOB, "Dispute INV-2026-0050", "Never ordered.", 2)
    desk.ok("tickets", "dispute", str(partly), "--amount", "12000", "--currency", "JPY")
    desk.ok("tickets", "dispute", str(fully), "--amount", "500", "--currency", "JPY")
    due, held = run(desk)
    assert due == []  # both disputed: no reminder
    assert [h["invoice"] for h in held] == ["INV-2026-0042", "INV-2026-0050"]
    desk.ok("tickets", "dispute-outcome", str(partly), "partial", "--credit", "4000")
    desk.ok("tickets", "dispute-outcome", str(fully), "upheld")
    time_passes(desk, 7)
    due, held = run(desk)
    assert due == [("INV-2026-0042", "reminder")]
    text_ = last_notice_text(desk, "INV-2026-0042")
    assert "8,000 JPY" in text_ and "12,000 JPY" not in text_
    # Credited in full: nothing is owed, nothing is sent, and it says why.
    assert [(h["invoice"], h["stage"]) for h in held] == [("INV-2026-0050", "reminder")]
    assert "credited in full" in held[0]["reason"]
    time_passes(desk, 60)
    assert run(desk)[1][0]["invoice"] == "INV-2026-0050"
    assert stages_sent(desk, "INV-2026-0050") == [] and account_status(desk, BOB) == "active"


def test_collections_run_takes_any_spelling_of_one_invoice(desk: Desk) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,10", f"{BOB},INV-2026-0050,100,JPY,10")
    tid = customer_mail(desk, ANN, "Dispute INV-2026-0042", "Charged twice.", 1)
    desk.ok("tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY")
    due, held = run(desk, "--dry-run", "--invoice", "inv 2026 0042")
    assert due == [] and [h["invoice"] for h in held] == ["INV-2026-0042"]
    assert run(desk, "--dry-run", "--invoice", "ＩＮＶ２０２６－００５０") == (
        [("INV-2026-0050", "reminder")],
        [],
    )
    assert "unknown invoice INV-2026-9999: the desk knows no invoice" in desk.fails(
        1, "collections", "run", "--dry-run", "--invoice", "INV 2026 9999"
    )
    assert "not an invoice number" in desk.fails(
        2, "collections", "run", "--dry-run", "--invoice", "#"
    )
    assert run(desk, "--invoice", "INV2026-0050")[0] == [("INV-2026-0050", "reminder")]
    assert stages_sent(desk, "INV-2026-0042") == []  # only the invoice asked for ran


# -- migration 0005 ----------------------------------------------------------------------


def test_migration_keeps_the_first_open_dispute_and_canonicalises_numbers(
    desk: Desk, db_url: str
) -> None:
    import_accounts(desk, f"{ANN},INV-2026-0042,30000,JPY,0", f"{ANN},INV-2026-0043,10,JPY,0")
    tid = customer_mail(desk, ANN, "Dispute INV-2026-0042", "Charged twice.", 1)
    desk.ok("tickets", "dispute", str(tid), "--amount", "30000", "--currency", "JPY")
    first = disputes(desk, tid)[0]
    command.downgrade(_alembic_config(db_url), "0004")
    # What the desk could hold before 0005: a repeat, in another spelling, and two
    # invoices of one customer that are one number once canonical.
    with desk.engine.begin() as conn:
        conn.execute(text("UPDATE invoices SET number = 'inv 2026 0042' WHERE number LIKE '%0042'"))
        conn.execute(text("UPDATE disputes SET invoice = 'inv 2026 0042'"))
        conn.execute(
            text(
                "INSERT INTO disputes (ticket_id, invoice, amount_minor, currency, reason, "
                "status, created_at) SELECT ticket_id, 'INV2026-0042', 100, currency, 'again', "
                "'open', created_at FROM disputes"
            )
        )
        conn.execute(
            text(
                "INSERT INTO invoices (customer_id, number, amount_minor, currency, due_date, "
                "status, created_at, updated_at) SELECT customer_id, 'inv-2026-0043', "
                "amount_minor, currency, due_date, status, created_at, updated_at "
                "FROM invoices WHERE number = 'INV-2026-0043'"
            )
        )
    upgrade(db_url)
    with desk.session() as s:
        numbers = sorted(s.execute(select(col(Invoice.number))).scalars())
        ids = {i.number: i.id for i in s.execute(select(Invoice)).scalars()}
    # The clash is left for an agent to sort out; everything else is canonical.
    assert numbers == ["INV-2026-0042", "INV-2026-0043", "inv-2026-0043"]
    kept, repeat = disputes(desk, tid)
    assert (kept.id, kept.status, kept.invoice) == (first.id, "open", "INV-2026-0042")
    assert kept.invoice_id == ids["INV-2026-0042"]
    assert (repeat.status, repeat.invoice) == ("duplicate", "INV-2026-0042")
    event = [e for e in desk.events(tid) if e.kind == "dispute.duplicate"]
    assert [(e.actor, e.detail["id"], e.detail["kept"]) for e in event] == [
        ("migration", repeat.id, kept.id)
    ]
    # The database itself refuses a second open dispute on the ticket and invoice.
    with desk.session() as s:
        s.add(Dispute(ticket_id=tid, invoice="INV-2026-0042", amount_minor=1, currency="JPY"))
        with pytest.raises(IntegrityError):
            s.flush()
    # Down again: the repeat is open as it was, and nothing refuses it.
    command.downgrade(_alembic_config(db_url), "0004")
    with desk.engine.connect() as conn:
        statuses = conn.execute(text("SELECT status FROM disputes ORDER BY id")).scalars().all()
        assert statuses == ["open", "open"]
    upgrade(db_url)  # and up: the same repair again
    assert [d.status for d in disputes(desk, tid)] == ["open", "duplicate"]
