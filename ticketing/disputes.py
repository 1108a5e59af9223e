"""Disputes: what a customer contests (invoice, amount, currency) and the outcome the
vendor decided (upheld, rejected, partial with a credit), mailed to the customer.

A dispute is about an invoice on the customer's account, and at most one per ticket and
invoice waits for an outcome (the `uq_dispute_open` index backs it); while one waits,
the ticket is not resolved and the invoice's collections are held (ticketing.dunning)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from ticketing.config import Settings
from ticketing.customers import account_invoice
from ticketing.errors import NotFound, TicketingError
from ticketing.invoiceno import canonical_invoice
from ticketing.lifecycle import ActionResult, change_status, load_ticket, open_disputes
from ticketing.models import Dispute, DisputeStatus, Event, Status, Ticket, utcnow
from ticketing.money import check_currency, format_amount, parse_amount, to_decimal_string
from ticketing.notify import send
from ticketing.refs import format_ref
from ticketing.render import Renderer

OUTCOMES = (DisputeStatus.UPHELD.value, DisputeStatus.REJECTED.value, DisputeStatus.PARTIAL.value)
DISPUTES_QUEUE = "disputes"


@dataclass(frozen=True)
class DisputeView:
    """What a template may use about a dispute: formatted, plain data."""

    invoice: str
    amount: str  # "12,000 JPY"
    currency: str
    status: str
    credit: str  # "" unless a credit was granted
    reason: str


def view(d: Dispute) -> DisputeView:
    credit = format_amount(d.credit_minor, d.currency) if d.credit_minor else ""
    return DisputeView(
        d.invoice, format_amount(d.amount_minor, d.currency), d.currency, d.status, credit, d.reason
    )


def dispute_json(d: Dispute) -> dict[str, Any]:
    return {
        "id": d.id,
        "invoice": d.invoice,
        "amount": to_decimal_string(d.amount_minor, d.currency),
        "currency": d.currency,
        "status": d.status,
        "credit": to_decimal_string(d.credit_minor, d.currency)
        if d.credit_minor is not None
        else None,
        "reason": d.reason,
        "created_at": d.created_at.isoformat(),
        "decided_at": d.decided_at.isoformat() if d.decided_at else None,
    }


class DisputeAlreadyOpen(TicketingError):
    """A dispute on this ticket and invoice is open already: one outcome per dispute."""

    def __init__(self, message: str, dispute: Dispute) -> None:
        super().__init__(message)
        self.dispute = dispute_json(dispute)


def describe(disputes: list[Dispute]) -> str:
    """`INV-2026-0042 (dispute 3, 12,000 JPY), ...` for messages."""
    return ", ".join(
        f"{d.invoice} (dispute {d.id}, {format_amount(d.amount_minor, d.currency)})"
        for d in disputes
    )


def _ref(settings: Settings, ticket: Ticket) -> str:
    assert ticket.id is not None
    return format_ref(settings.service.ticket_tag, ticket.id)


def record_dispute(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket_id: int,
    *,
    actor: str,
    invoice: str | None = None,
    amount: str | None = None,
    currency: str | None = None,
    reason: str = "",
    notify: bool = False,
) -> ActionResult:
    """Record what is disputed. Invoice, amount and currency default to what the rules
    extracted from the customer's mail; the invoice (any spelling) must be on the
    customer's account, and only one dispute per ticket and invoice may be open
    (DisputeAlreadyOpen names it). The ticket moves to the disputes queue; the
    customer is mailed `dispute-received` only with `notify` (the disputes queue's
    acknowledgement normally told them already)."""
    ticket = load_ticket(session, ticket_id)
    ref = _ref(settings, ticket)
    if ticket.status == Status.CLOSED.value or ticket.merged_into is not None:
        raise TicketingError(f"{ref} is closed: reopen it first")
    fields = ticket.fields
    given = invoice if invoice is not None else str(fields.get("invoice") or "")
    if not given.strip():
        raise TicketingError("give --invoice (none was found in the customer's mail)")
    account = account_invoice(session, ticket, given)
    invoice = account.number
    already = open_disputes(session, ticket_id, invoice)
    if already:
        raise DisputeAlreadyOpen(
            f"{ref} already has dispute {already[0].id} open on invoice {invoice} "
            f"({format_amount(already[0].amount_minor, already[0].currency)}, recorded "
            f"{already[0].created_at:%Y-%m-%d}): record its outcome with "
            f"`tickets dispute-outcome {ref} upheld|rejected|partial --invoice {invoice}`",
            already[0],
        )
    currency = currency or str(fields.get("currency") or "")
    if not currency:
        raise TicketingError("give --currency (none was found in the customer's mail)")
    code = check_currency(currency)
    text = amount or str(fields.get("amount") or "")
    if not text:
        raise TicketingError("give --amount (none was found in the customer's mail)")
    amount_minor = parse_amount(text, code)
    if amount_minor <= 0:
        raise TicketingError("the disputed amount must be more than zero")
    dispute = Dispute(
        ticket_id=ticket_id,
        invoice=invoice,
        invoice_id=account.id,
        amount_minor=amount_minor,
        currency=code,
        reason=reason,
    )
    session.add(dispute)
    session.flush()
    now = utcnow()
    if ticket.queue != DISPUTES_QUEUE and DISPUTES_QUEUE in settings.service.queues:
        session.add(
            Event(
                ticket_id=ticket_id,
                kind="ticket.moved",
                actor=actor,
                detail={"from": ticket.queue, "to": DISPUTES_QUEUE, "reason": "dispute recorded"},
            )
        )
        ticket.queue = DISPUTES_QUEUE
    outbox_ids: list[int] = []
    if notify:
        row = send(
            session, settings, renderer, ticket, "dispute-received", actor, dispute=view(dispute)
        )
        assert row.id is not None
        outbox_ids.append(row.id)
    if ticket.status == Status.NEW.value:
        change_status(session, ticket, Status.OPEN.value, actor, "dispute recorded", now)
    ticket.updated_at = now
    session.add(
        Event(
            ticket_id=ticket_id,
            kind="dispute.recorded",
            actor=actor,
            detail={**dispute_json(dispute), "notified": notify},
        )
    )
    return ActionResult(
        ticket_id,
        "dispute",
        f"{ref}: dispute recorded: invoice {invoice}, {format_amount(amount_minor, code)}",
        outbox_ids,
        {"dispute": dispute_json(dispute)},
    )


def dispute_outcome(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket_id: int,
    *,
    actor: str,
    outcome: str,
    credit: str | None = None,
    message: str = "",
    invoice: str | None = None,
) -> ActionResult:
    """Record the vendor's decision and mail it (template `dispute-outcome`). With
    several open disputes on the ticket, `invoice` (any spelling) picks one."""
    if outcome not in OUTCOMES:
        raise TicketingError(f"unknown outcome {outcome!r} (known: {', '.join(OUTCOMES)})")
    ticket = load_ticket(session, ticket_id)
    ref = _ref(settings, ticket)
    if ticket.status == Status.CLOSED.value or ticket.merged_into is not None:
        raise TicketingError(f"{ref} is closed: reopen it first")
    pending = open_disputes(session, ticket_id)
    if invoice is not None:
        wanted = canonical_invoice(invoice)
        chosen = [d for d in pending if d.invoice == wanted]
        if not chosen:
            hint = f"open: {describe(pending)}" if pending else "record one with tickets dispute"
            raise NotFound(f"{ref} has no open dispute on invoice {wanted} ({hint})")
        pending = chosen
    if not pending:
        raise NotFound(f"{ref} has no open dispute (record one with tickets dispute)")
    if len(pending) > 1:
        raise TicketingError(
            f"{ref} has several open disputes: {describe(pending)}: give --invoice"
        )
    dispute = pending[0]
    full = format_amount(dispute.amount_minor, dispute.currency)
    credit_minor: int | None
    if outcome == DisputeStatus.REJECTED.value:
        if credit is not None:
            raise TicketingError("a rejected dispute grants no credit: drop --credit")
        credit_minor = None
    elif outcome == DisputeStatus.UPHELD.value:
        credit_minor = dispute.amount_minor
        if credit is not None and parse_amount(credit, dispute.currency) != credit_minor:
            raise TicketingError(
                f"upheld means the full {full} is credited; for less use 'partial'"
            )
    else:
        if credit is None:
            raise TicketingError("a partial outcome needs --credit (the amount credited)")
        credit_minor = parse_amount(credit, dispute.currency)
        if not 0 < credit_minor < dispute.amount_minor:
            raise TicketingError(f"a partial credit must be more than 0 and less than {full}")
    now = utcnow()
    dispute.status = outcome
    dispute.credit_minor = credit_minor
    dispute.decided_at = now
    session.flush()
    row = send(
        session,
        settings,
        renderer,
        ticket,
        "dispute-outcome",
        actor,
        dispute=view(dispute),
        outcome=outcome,
        message=message,
    )
    assert row.id is not None
    session.add(
        Event(
            ticket_id=ticket_id,
            kind="dispute.outcome",
            actor=actor,
            detail={**dispute_json(dispute), "message": message, "outbox_id": row.id},
        )
    )
    told = f", credit {format_amount(credit_minor, dispute.currency)}" if credit_minor else ""
    return ActionResult(
        ticket_id,
        "dispute-outcome",
        f"{ref}: dispute on invoice {dispute.invoice} {outcome}{told}; outcome queued (outbox {row.id})",
        [row.id],
        {"dispute": dispute_json(dispute)},
    )
