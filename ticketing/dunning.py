"""The collections policy: for every open invoice, the next notice of [collections]
(reminder, final notice, suspension notice by default) once it is due.

Stages go out in order and are never skipped (no one is suspended who was not
warned), at least `min_days_between` days apart, and each stage at most once per
invoice: a `collection_notices` row with a unique (invoice, stage) key is written in the
same transaction as the outbox row, so a rerun queues nothing new. The notices thread
into one collections ticket per invoice, so a customer's answer lands next to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session, col

from ticketing.config import ACCOUNT_STATUSES, CollectionStage, Settings
from ticketing.lifecycle import change_status
from ticketing.models import (
    CollectionNotice,
    Customer,
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

    def to_json(self) -> dict[str, Any]:
        return {
            "invoice": self.invoice,
            "customer": self.email,
            "stage": self.stage.name,
            "template": self.stage.template,
            "days_overdue": self.days_overdue,
            "account_status": self.stage.account_status or None,
        }


def local_today(settings: Settings, now: datetime) -> date:
    """Days overdue count in the business's own time zone ([sla].timezone)."""
    return now.astimezone(ZoneInfo(settings.sla.timezone)).date()


def plan(session: Session, settings: Settings, now: datetime | None = None) -> list[DueNotice]:
    """The notices due now (pure reading: nothing is written)."""
    now = now or utcnow()
    today = local_today(settings, now)
    policy = settings.collections
    if not policy.stages:
        return []
    rows = session.execute(
        select(Invoice, Customer)
        .join(Customer, col(Customer.id) == col(Invoice.customer_id))
        .where(col(Invoice.status) == "open")
        .where(col(Invoice.due_date) <= today - timedelta(days=policy.stages[0].days_overdue))
        .order_by(col(Invoice.due_date), col(Invoice.id))
    ).all()
    sent: dict[int, dict[str, datetime]] = {}
    if rows:
        for n in session.execute(
            select(CollectionNotice).where(
                col(CollectionNotice.invoice_id).in_([inv.id for inv, _ in rows])
            )
        ).scalars():
            sent.setdefault(n.invoice_id, {})[n.stage] = n.created_at
    due: list[DueNotice] = []
    gap = timedelta(days=policy.min_days_between)
    for invoice, customer in rows:
        assert invoice.id is not None and customer.id is not None
        days = (today - invoice.due_date).days
        done = sent.get(invoice.id, {})
        stage = next((s for s in policy.stages if s.name not in done), None)
        if stage is None or days < stage.days_overdue:
            continue
        if done and now - max(done.values()) < gap:
            continue
        due.append(DueNotice(invoice.id, invoice.number, customer.id, customer.email, stage, days))
    return due


def run(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    actor: str = "system",
) -> list[dict[str, Any]]:
    """Queue every due notice (or, with `dry_run`, only say which would go)."""
    now = now or utcnow()
    notices = plan(session, settings, now)
    if dry_run:
        return [n.to_json() for n in notices]
    return [_send(session, settings, renderer, n, now, actor) for n in notices]


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
        format_amount(invoice.amount_minor, invoice.currency),
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
    new_status = due.stage.account_status
    # Only ever more severe: a reminder must not turn a suspended account back to delinquent.
    if new_status and _severity(new_status) > _severity(customer.account_status):
        reason = f"collections: {due.stage.name} for invoice {invoice.number}"
        session.add(
            Event(
                customer_id=customer.id,
                kind="customer.status",
                actor=actor,
                detail={
                    "email": customer.email,
                    "from": customer.account_status,
                    "to": new_status,
                    "reason": reason,
                },
            )
        )
        detail["account_status"] = {"from": customer.account_status, "to": new_status}
        customer.account_status = new_status
        customer.updated_at = now
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
