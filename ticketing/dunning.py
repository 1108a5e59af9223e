"""The collections policy: for every open invoice, the next notice of [collections]
(reminder, final notice, suspension notice by default) once it is due.

Stages go out in order and are never skipped (no one is suspended who was not
warned), at least `min_days_between` days apart, and each stage at most once per
invoice: a `collection_notices` row with a unique (invoice, stage) key is written in the
same transaction as the outbox row, so a rerun queues nothing new. The notices thread
into one collections ticket per invoice, so a customer's answer lands next to them.

A dispute holds its invoice: no notice, no stage, no account status change while it has
no outcome, nor for `min_days_between` days after one; then the stage it was held at
goes out, asking only for what was not credited. Credited in full, it stays held.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlmodel import Session, col

from ticketing.config import ACCOUNT_STATUSES, CollectionStage, Settings
from ticketing.customers import known_invoices, record_status
from ticketing.lifecycle import change_status
from ticketing.models import (
    CollectionNotice,
    Customer,
    Dispute,
    DisputeStatus,
    Event,
    Invoice,
    Participant,
    Status,
    Ticket,
    utcnow,
)
from ticketing.money import format_amount, to_decimal_string
from ticketing.notify import send
from ticketing.refs import format_ref
from ticketing.render import Renderer

_OUTCOMES = (DisputeStatus.UPHELD.value, DisputeStatus.REJECTED.value, DisputeStatus.PARTIAL.value)


@dataclass(frozen=True)
class InvoiceView:
    """What a collections template may use about the invoice."""

    number: str
    amount: str  # "12,000 JPY"
    currency: str
    due_date: str  # ISO date
    days_overdue: int


@dataclass(frozen=True)
class DueNotice:
    invoice_id: int
    invoice: str
    customer_id: int
    email: str
    stage: CollectionStage
    days_overdue: int
    credited_minor: int = 0  # granted by disputes on the invoice: the notice asks for less

    def to_json(self) -> dict[str, Any]:
        return {
            "invoice": self.invoice,
            "customer": self.email,
            "stage": self.stage.name,
            "template": self.stage.template,
            "days_overdue": self.days_overdue,
            "account_status": self.stage.account_status or None,
        }


@dataclass(frozen=True)
class HeldInvoice:
    """An invoice that would be in collections but a dispute holds: no notice, no stage,
    no account status change until the hold ends."""

    invoice_id: int
    invoice: str
    email: str
    stage: CollectionStage  # where it is held: the next stage, sent once the hold ends
    days_overdue: int
    dispute_id: int
    ticket_id: int
    reason: str
    until: datetime | None  # the end of the grace after an outcome; None: no end yet

    def to_json(self) -> dict[str, Any]:
        return {
            "invoice": self.invoice,
            "customer": self.email,
            "stage": self.stage.name,
            "days_overdue": self.days_overdue,
            "dispute_id": self.dispute_id,
            "ticket_id": self.ticket_id,
            "reason": self.reason,
            "until": self.until.isoformat() if self.until else None,
        }


@dataclass(frozen=True)
class Plan:
    due: list[DueNotice]
    held: list[HeldInvoice]


def local_today(settings: Settings, now: datetime) -> date:
    """Days overdue count in the business's own time zone ([sla].timezone)."""
    return now.astimezone(ZoneInfo(settings.sla.timezone)).date()


def plan(
    session: Session,
    settings: Settings,
    now: datetime | None = None,
    *,
    invoice: str | None = None,
) -> Plan:
    """The notices due now, and the invoices disputes hold (pure reading: nothing is
    written). `invoice` (any spelling) limits it to that invoice; NotFound if unknown."""
    now = now or utcnow()
    today = local_today(settings, now)
    policy = settings.collections
    query = (
        select(Invoice, Customer)
        .join(Customer, col(Customer.id) == col(Invoice.customer_id))
        .where(col(Invoice.status) == "open")
        .order_by(col(Invoice.due_date), col(Invoice.id))
    )
    if invoice is not None:
        query = query.where(col(Invoice.id).in_([i.id for i in known_invoices(session, invoice)]))
    if not policy.stages:
        return Plan([], [])
    rows = session.execute(
        query.where(col(Invoice.due_date) <= today - timedelta(days=policy.stages[0].days_overdue))
    ).all()
    sent: dict[int, dict[str, datetime]] = {}
    if rows:
        for n in session.execute(
            select(CollectionNotice).where(
                col(CollectionNotice.invoice_id).in_([inv.id for inv, _ in rows])
            )
        ).scalars():
            sent.setdefault(n.invoice_id, {})[n.stage] = n.created_at
    disputes = _disputes_by_invoice(session, [inv for inv, _ in rows])
    due: list[DueNotice] = []
    held: list[HeldInvoice] = []
    gap = timedelta(days=policy.min_days_between)
    for inv, customer in rows:
        assert inv.id is not None and customer.id is not None
        days = (today - inv.due_date).days
        done = sent.get(inv.id, {})
        stage = next((s for s in policy.stages if s.name not in done), None)
        if stage is None:
            continue
        on_invoice = disputes.get(inv.id, [])
        hold = _hold(settings, inv, on_invoice, now, gap)
        if hold is not None:
            held.append(
                HeldInvoice(
                    inv.id,
                    inv.number,
                    customer.email,
                    stage,
                    days,
                    hold.dispute.id or 0,
                    hold.dispute.ticket_id,
                    hold.reason,
                    hold.until,
                )
            )
            continue
        if days < stage.days_overdue:
            continue
        if done and now - max(done.values()) < gap:
            continue
        credited = _credited(inv, on_invoice)
        due.append(
            DueNotice(inv.id, inv.number, customer.id, customer.email, stage, days, credited)
        )
    return Plan(due, held)


@dataclass(frozen=True)
class HoldReason:
    dispute: Dispute
    reason: str
    until: datetime | None


def _disputes_by_invoice(session: Session, invoices: list[Invoice]) -> dict[int, list[Dispute]]:
    """Every dispute on these invoices, oldest first. Disputes recorded before they
    pointed at their invoice (migration 0005) count by number and the ticket's customer."""
    if not invoices:
        return {}
    by_number = {(i.customer_id, i.number): i.id for i in invoices}
    out: dict[int, list[Dispute]] = {}
    for dispute, customer_id in session.execute(
        select(Dispute, col(Ticket.customer_id))
        .join(Ticket, col(Ticket.id) == col(Dispute.ticket_id))
        .where(
            or_(
                col(Dispute.invoice_id).in_([i.id for i in invoices]),
                and_(
                    col(Dispute.invoice_id).is_(None),
                    col(Dispute.invoice).in_({i.number for i in invoices}),
                ),
            )
        )
        .order_by(col(Dispute.id))
    ).all():
        target = dispute.invoice_id or by_number.get((customer_id, dispute.invoice))
        if target is not None:
            out.setdefault(target, []).append(dispute)
    return out


def _decided(disputes: list[Dispute]) -> list[Dispute]:
    return [d for d in disputes if d.status in _OUTCOMES and d.decided_at is not None]


def _credited(invoice: Invoice, disputes: list[Dispute]) -> int:
    """What the invoice's decided disputes credited, in its minor unit."""
    return sum(d.credit_minor or 0 for d in _decided(disputes) if d.currency == invoice.currency)


def _hold(
    settings: Settings, invoice: Invoice, disputes: list[Dispute], now: datetime, gap: timedelta
) -> HoldReason | None:
    """Why the invoice's disputes hold its collections; None when they do not.

    An open dispute holds until its outcome. After an outcome the charge (or the part
    not credited) stands and collections resume at the stage they were held at, but not
    before `min_days_between` days: the customer is given the same time to pay after
    the outcome as after a notice. Credited in full, nothing is owed: held for good."""
    tag = settings.service.ticket_tag
    for d in disputes:
        if d.status == DisputeStatus.OPEN.value:
            return HoldReason(
                d,
                f"dispute {d.id} on {format_ref(tag, d.ticket_id)} has no outcome yet "
                f"(recorded {d.created_at:%Y-%m-%d}): no notice until it is decided",
                None,
            )
    decided = _decided(disputes)
    if not decided:
        return None
    last = max(decided, key=lambda d: (d.decided_at, d.id or 0))
    assert last.decided_at is not None
    if _credited(invoice, disputes) >= invoice.amount_minor:
        return HoldReason(
            last,
            f"credited in full by dispute {last.id} ({last.status}): nothing is owed; "
            "import the invoice with invoice_status paid",
            None,
        )
    until = last.decided_at + gap
    if now < until:
        return HoldReason(
            last,
            f"dispute {last.id} {last.status} on {last.decided_at:%Y-%m-%d}: collections "
            f"resume on {until:%Y-%m-%d}",
            until,
        )
    return None


def run(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    actor: str = "system",
    invoice: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Queue every due notice (or, with `dry_run`, only say which would go), and say
    which invoices are held and why."""
    now = now or utcnow()
    planned = plan(session, settings, now, invoice=invoice)
    held = [h.to_json() for h in planned.held]
    if dry_run:
        return {"notices": [n.to_json() for n in planned.due], "held": held}
    notices = []
    for done, notice in enumerate(planned.due, start=1):
        notices.append(_send(session, settings, renderer, notice, now, actor))
        if progress is not None:
            progress(done, len(planned.due))
    return {"notices": notices, "held": held}


def _send(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    due: DueNotice,
    now: datetime,
    actor: str,
) -> dict[str, Any]:
    invoice = session.get(Invoice, due.invoice_id)
    customer = session.get(Customer, due.customer_id)
    assert invoice is not None and invoice.id is not None and customer is not None
    ticket = _ticket_for(session, settings, invoice, customer, now, actor)
    assert ticket.id is not None
    view = InvoiceView(
        invoice.number,
        # What is still owed: a partly upheld dispute's credit is not asked for again.
        format_amount(invoice.amount_minor - due.credited_minor, invoice.currency),
        invoice.currency,
        invoice.due_date.isoformat(),
        due.days_overdue,
    )
    row = send(
        session,
        settings,
        renderer,
        ticket,
        due.stage.template,
        actor,
        cc_participants=False,
        counts_as_response=False,
        auto_submitted="auto-generated",
        invoice=view,
        stage=due.stage.name,
    )
    session.add(
        CollectionNotice(
            invoice_id=invoice.id,
            stage=due.stage.name,
            ticket_id=ticket.id,
            outbox_id=row.id,
            days_overdue=due.days_overdue,
        )
    )
    detail: dict[str, Any] = {
        "invoice": invoice.number,
        "stage": due.stage.name,
        "days_overdue": due.days_overdue,
        "outbox_id": row.id,
    }
    if due.credited_minor:
        detail["credited"] = to_decimal_string(due.credited_minor, invoice.currency)
    new_status = due.stage.account_status
    # Only ever more severe: a reminder must not turn a suspended account back to delinquent.
    if new_status and _severity(new_status) > _severity(customer.account_status):
        reason = f"collections: {due.stage.name} for invoice {invoice.number}"
        detail["account_status"] = {"from": customer.account_status, "to": new_status}
        record_status(session, customer, new_status, reason, actor, now)
    session.add(Event(ticket_id=ticket.id, kind="collections.notice", actor=actor, detail=detail))
    if ticket.status == Status.RESOLVED.value:
        change_status(session, ticket, Status.PENDING.value, actor, "collections notice sent", now)
    session.flush()
    return {**due.to_json(), "ticket_id": ticket.id, "outbox_id": row.id}


def _severity(status: str) -> int:
    return ACCOUNT_STATUSES.index(status) if status in ACCOUNT_STATUSES else 0


def _ticket_for(
    session: Session,
    settings: Settings,
    invoice: Invoice,
    customer: Customer,
    now: datetime,
    actor: str,
) -> Ticket:
    """The invoice's collections ticket, or a new one when it has none (or it is closed)."""
    if invoice.ticket_id is not None:
        ticket = session.get(Ticket, invoice.ticket_id)
        if ticket is not None and ticket.status != Status.CLOSED.value:
            return ticket
    queue = settings.collections.queue
    ticket = Ticket(
        queue=queue,
        status=Status.PENDING.value,  # waiting on the customer to pay
        subject=f"Overdue invoice {invoice.number}",
        requester=customer.email,
        customer_id=customer.id,
        language=customer.language or settings.service.default_language,
        tags=["collections"],
        fields={
            "invoice": invoice.number,
            "amount": to_decimal_string(invoice.amount_minor, invoice.currency),
            "currency": invoice.currency,
        },
        routing={"queue": queue, "matched_rule": None, "trace": [], "source": "collections"},
        # We speak first: there is no customer request for a first-response target.
        first_response_at=now,
    )
    session.add(ticket)
    session.flush()
    assert ticket.id is not None
    session.add(Participant(ticket_id=ticket.id, email=customer.email, role="requester"))
    session.add(
        Event(
            ticket_id=ticket.id,
            kind="ticket.created",
            actor=actor,
            detail={
                "queue": queue,
                "source": "collections",
                "invoice": invoice.number,
                "ref": format_ref(settings.service.ticket_tag, ticket.id),
            },
        )
    )
    invoice.ticket_id = ticket.id
    return ticket
