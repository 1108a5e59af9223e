"""Routing as agents and rule authors use it outside the pipeline: route a raw message
without storing it (`rules test`), re-route stored mail with the current rules to see
what a rule change would move (`rules replay`, which writes nothing), and move a ticket
to another queue by hand, recorded (`tickets move`).

Each function returns plain dicts in the documented JSON shape; the CLI only formats them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from ticketing.config import Settings
from ticketing.desk import get_ticket, iso, raw_bytes
from ticketing.errors import TicketingError
from ticketing.inbound import InboundEmail
from ticketing.models import Customer, Event, Message, RawMessage, Ticket, utcnow
from ticketing.parse import parse_email
from ticketing.refs import format_ref
from ticketing.rules import Decision, RouteContext, RuleSet

INGRESS_MAILBOX = "ingress"  # the name the SMTP/LMTP ingress gives its mail


def our_domains(settings: Settings) -> tuple[str, ...]:
    """The domains parse_email treats as ours (the pipeline's own choice)."""
    return tuple(sorted({a.rpartition("@")[2] for a in settings.own_addresses}))


def mailbox_queue(settings: Settings, mailbox: str | None) -> str:
    """The default queue of mail that came through `mailbox` (None: the CLI's `ingest`)."""
    if mailbox == INGRESS_MAILBOX:
        return settings.ingress.queue
    for mb in settings.mailboxes:
        if mb.name == mailbox:
            return mb.queue
    return settings.service.default_queue


def route_context(
    settings: Settings,
    email: InboundEmail,
    *,
    mailbox: str | None,
    customer_status: str | None,
    envelope_to: Sequence[str] = (),
    default_queue: str | None = None,
) -> RouteContext:
    """The context the pipeline would give this mail when it opens a ticket."""
    own = settings.own_addresses
    seen = [a.email for a in (*email.to, *email.cc) if a.email in own]
    seen += [a.lower() for a in envelope_to]
    return RouteContext(
        mailbox=mailbox,
        recipients=tuple(dict.fromkeys(seen)),
        default_queue=default_queue or mailbox_queue(settings, mailbox),
        customer_status=customer_status,
    )


def route_message(
    rules: RuleSet,
    settings: Settings,
    data: bytes,
    *,
    name: str,
    mailbox: str | None = None,
    customer_status: str | None = None,
) -> dict[str, Any]:
    """Route raw `data` as a new ticket would be routed, storing nothing.

    The shape is the stored routing decision (`Decision.to_json()`) plus `file`,
    `explanation` and what the parser saw (`subject`, `from`, `language`).
    """
    email = parse_email(
        data, our_domains=our_domains(settings), limits=settings.service.parse_limits
    )
    context = route_context(settings, email, mailbox=mailbox, customer_status=customer_status)
    decision = rules.route(email, context)
    return {
        "file": name,
        **decision.to_json(),
        "explanation": decision.explain(),
        "subject": email.subject,
        "from": email.sender_email,
        "language": email.language,
        "customer_status": customer_status or "unknown",
    }


# -- replay ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stored:
    ticket: Ticket
    raw: RawMessage
    customer_status: str | None


def first_inbound(
    session: Session,
    *,
    since: datetime | None = None,
    queue: str | None = None,
    limit: int | None = None,
    ticket_ids: Collection[int] | None = None,
) -> list[_Stored]:
    """Each ticket's first inbound message with its raw row, newest ticket first (only
    `ticket_ids` when given), in one query."""
    first = (
        select(col(Message.ticket_id), func.min(col(Message.id)).label("message_id"))
        .where(col(Message.direction) == "in", col(Message.raw_id).is_not(None))
        .group_by(col(Message.ticket_id))
        .subquery()
    )
    query = (
        select(Ticket, RawMessage, Customer)
        .join(first, first.c.ticket_id == col(Ticket.id))
        .join(Message, col(Message.id) == first.c.message_id)
        .join(RawMessage, col(RawMessage.id) == col(Message.raw_id))
        .outerjoin(Customer, col(Customer.id) == col(Ticket.customer_id))
        .order_by(col(Ticket.id).desc())
    )
    if since is not None:
        query = query.where(col(Ticket.created_at) >= since)
    if ticket_ids is not None:
        query = query.where(col(Ticket.id).in_(list(ticket_ids)))
    if limit is not None and queue is None:
        query = query.limit(limit)
    out = []
    # The routed queue lives in the JSON decision, so that filter is applied here.
    for ticket, raw, customer in session.execute(query):
        if queue is not None and _routed_queue(ticket) != queue:
            continue
        out.append(_Stored(ticket, raw, customer.account_status if customer else None))
        if limit is not None and len(out) >= limit:
            break
    return out


def _routed_queue(ticket: Ticket) -> str:
    """The queue the rules chose when the ticket was opened (its queue if none recorded)."""
    routing = ticket.routing or {}
    queue = routing.get("queue")
    return queue if isinstance(queue, str) and queue else ticket.queue


def replay(
    session: Session,
    settings: Settings,
    rules: RuleSet,
    *,
    since: datetime | None = None,
    queue: str | None = None,
    limit: int | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> dict[str, Any]:
    """Re-route the first inbound message of stored tickets with `rules`; change nothing.

    `from` is the queue the rules chose when the ticket was opened, `to` the queue the
    current rules choose; `current_queue` is where the ticket is now (an agent or a
    follow-up may have moved it). The customer's account status is today's. `queue`
    keeps tickets whose `from` is that queue; `limit` keeps the newest tickets.
    """
    moves: Counter[tuple[str, str]] = Counter()
    tickets: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    stored = first_inbound(session, since=since, queue=queue, limit=limit)
    domains = our_domains(settings)
    for done, item in enumerate(stored):
        if progress is not None and done % 50 == 0:
            progress(done, len(stored))
        ticket, raw = item.ticket, item.raw
        assert ticket.id is not None
        try:
            data = raw_bytes(settings, raw)
        except TicketingError as exc:
            skipped.append({"ticket_id": ticket.id, "raw_id": raw.id, "reason": str(exc)})
            continue
        email = parse_email(data, our_domains=domains, limits=settings.service.parse_limits)
        envelope_to = [a.strip() for a in (raw.envelope_to or "").split(",") if a.strip()]
        context = route_context(
            settings,
            email,
            mailbox=raw.mailbox,
            customer_status=item.customer_status,
            envelope_to=envelope_to,
        )
        decision = rules.route(email, context)
        before = _routed_queue(ticket)
        if decision.queue == before:
            continue
        moves[(before, decision.queue)] += 1
        tickets.append(_moved(settings, ticket, raw, before, decision))
    rules_file = str(rules.path) if rules.path is not None else None
    return {
        "rules_file": rules_file,
        "examined": len(stored) - len(skipped),
        "unchanged": len(stored) - len(skipped) - len(tickets),
        "would_move": len(tickets),
        "moves": [
            {"from": before, "to": after, "count": count}
            for (before, after), count in sorted(moves.items(), key=lambda m: (-m[1], m[0]))
        ],
        "tickets": tickets,
        "skipped": skipped,
    }


def _moved(
    settings: Settings, ticket: Ticket, raw: RawMessage, before: str, decision: Decision
) -> dict[str, Any]:
    assert ticket.id is not None
    return {
        "id": ticket.id,
        "ref": format_ref(settings.service.ticket_tag, ticket.id),
        "subject": ticket.subject,
        "requester": ticket.requester,
        "created_at": iso(ticket.created_at),
        "source": raw.source,
        "current_queue": ticket.queue,
        "from": before,
        "to": decision.queue,
        "was_rule": (ticket.routing or {}).get("matched_rule"),
        "matched_rule": decision.matched_rule,
        "explanation": decision.explain(),
    }


# -- manual move -------------------------------------------------------------------------


def move_ticket(
    session: Session,
    settings: Settings,
    ticket_id: int,
    queue: str,
    *,
    reason: str,
    actor: str,
    manual: bool = True,
) -> dict[str, Any]:
    """An agent's re-route: the ticket goes to `queue` and an event records who and why.

    A manual move is a correction `routing train` learns from; `routing replay --apply`
    moves with `manual` false. The caller validates `queue` against the configured queues (a usage error) and
    commits. Moving a ticket to the queue it is in is refused: nothing would be recorded.
    """
    if queue not in settings.service.queues:
        known = ", ".join(settings.service.queues)
        raise TicketingError(f"unknown queue {queue!r} (known: {known})")
    if not reason.strip():
        raise TicketingError("a reason is required to move a ticket")
    ticket = get_ticket(session, ticket_id)
    before = ticket.queue
    if before == queue:
        raise TicketingError(f"ticket {ticket_id} is already in queue {queue}")
    detail = {"from": before, "to": queue, "reason": reason, "actor": actor, "manual": manual}
    event = Event(ticket_id=ticket_id, kind="ticket.moved", actor=actor, detail=detail)
    session.add(event)
    ticket.queue = queue
    ticket.updated_at = utcnow()
    session.add(ticket)
    session.flush()
    return {
        "id": ticket_id,
        "ref": format_ref(settings.service.ticket_tag, ticket_id),
        "event_id": event.id,
        **detail,
    }
