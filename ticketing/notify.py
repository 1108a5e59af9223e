"""Customer-facing mail caused by an agent action or a policy: who it goes to, how it
threads into the customer's own conversation, and the template context. Every message
goes through `outbox.enqueue`, inside the caller's transaction (invariant 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from ticketing.config import Settings
from ticketing.errors import UndeliverableCustomer
from ticketing.loops import deliverable
from ticketing.models import Customer, Message, OutboxMessage, Participant, Ticket, utcnow
from ticketing.outbound_files import OutboundFile
from ticketing.outbox import enqueue, template_context
from ticketing.render import Renderer

# Inbound kinds a reply must never answer to: threading under a bounce would hide it.
_NOT_A_PARENT = ("bounce",)


@dataclass(frozen=True)
class Threading:
    in_reply_to: str | None
    references: list[str]


def thread_headers(session: Session, ticket_id: int) -> Threading:
    """In-Reply-To: the customer's last message on the ticket (else our last one);
    References: that message's own References, then the conversation, parent last."""
    messages = list(
        session.execute(
            select(Message).where(col(Message.ticket_id) == ticket_id).order_by(col(Message.id))
        ).scalars()
    )
    usable = [m for m in messages if m.kind not in _NOT_A_PARENT and m.message_id]
    inbound = [m for m in usable if m.direction == "in"]
    # The customer's own words, not their out-of-office answer, are what we reply to.
    human = [m for m in inbound if m.kind == "human"]
    parent = (human or inbound or usable or [None])[-1]
    if parent is None:
        return Threading(None, [])
    chain: list[str] = [*parent.references.split(), *(m.message_id for m in usable)]
    refs = [r for r in dict.fromkeys(chain) if r != parent.message_id]
    return Threading(parent.message_id, [*refs, parent.message_id])


def recipients(session: Session, settings: Settings, ticket: Ticket) -> tuple[list[str], list[str]]:
    """To: the requester; Cc: the other participants, as a mail client's reply-all would."""
    own = settings.own_addresses
    to = [ticket.requester]
    cc = [
        p.email
        for p in session.execute(
            select(Participant)
            .where(col(Participant.ticket_id) == ticket.id)
            .order_by(col(Participant.id))
        ).scalars()
        if p.role != "agent"
        and p.email not in own
        and p.email != ticket.requester
        and deliverable(p.email)  # a header's broken address is kept, never written to
    ]
    return to, list(dict.fromkeys(cc))


def customer_name(session: Session, ticket: Ticket) -> str:
    if ticket.customer_id is None:
        return ""
    customer = session.get(Customer, ticket.customer_id)
    return customer.name if customer else ""


def send(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket: Ticket,
    template: str,
    actor: str,
    *,
    cc_participants: bool = True,
    counts_as_response: bool = True,
    auto_submitted: str | None = None,
    extra_cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    attachments: Sequence[OutboundFile] = (),
    **extra: Any,
) -> OutboxMessage:
    """Queue `template` for the ticket's customer, threaded into their conversation.

    Refused (TicketingError) when the customer's address is not one mail can go to: the
    ticket was stored from a From that did not parse (`tickets held` lists it).
    """
    assert ticket.id is not None
    if not deliverable(ticket.requester):
        raise UndeliverableCustomer(
            f"the customer's address {ticket.requester!r} is not a valid address: nothing "
            "can be mailed to it (reach them another way; resolve or escalate with "
            "--no-notify --reason)"
        )
    threading = thread_headers(session, ticket.id)
    to, cc = recipients(session, settings, ticket)
    context = template_context(
        settings, ticket, customer_name=customer_name(session, ticket), **extra
    )
    row = enqueue(
        session,
        settings,
        renderer,
        ticket=ticket,
        template=template,
        to=to,
        cc=[a for a in dict.fromkeys([*(cc if cc_participants else ()), *extra_cc]) if a not in to],
        bcc=bcc,
        context=context,
        in_reply_to=threading.in_reply_to,
        references=threading.references,
        auto=False,
        actor=actor,
        auto_submitted=auto_submitted,
        attachments=attachments,
    )
    now = utcnow()
    if counts_as_response and ticket.first_response_at is None:
        ticket.first_response_at = now
    ticket.updated_at = now
    session.add(ticket)
    return row


def make_renderer(settings: Settings) -> Renderer:
    return Renderer(settings.templates_path, settings.service.default_language)
