"""The agent's desk: queries and actions on tickets, quarantine and held mail, each
returning plain dicts in the documented JSON shape (the CLI only formats them)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Text, case, cast, or_, select
from sqlmodel import Session, col

from ticketing.addresses import (
    address_json,
    format_addresses,
    legacy_addresses,
    pairs_of,
)
from ticketing.blobstore import BlobStore
from ticketing.config import Settings
from ticketing.disputes import dispute_json
from ticketing.errors import NotFound, TicketingError
from ticketing.models import (
    Attachment,
    Customer,
    Dispute,
    Event,
    Message,
    Outcome,
    Participant,
    RawMessage,
    Status,
    Ticket,
    VendorCase,
    VendorStatus,
    utcnow,
)
from ticketing.refs import format_ref
from ticketing.sla import calendar_from, due_dates, target_for, ticket_sla


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def ticket_summary(settings: Settings, ticket: Ticket, requester_name: str = "") -> dict[str, Any]:
    """The list fields of one ticket; `requester_name` is its customer's name (see
    `ticket_summaries`, which looks the names up)."""
    assert ticket.id is not None
    return {
        "id": ticket.id,
        "ref": format_ref(settings.service.ticket_tag, ticket.id),
        "subject": ticket.subject,
        "status": ticket.status,
        "queue": ticket.queue,
        "priority": ticket.priority,
        "requester": ticket.requester,
        "requester_address": address_json(requester_name, ticket.requester),
        "assignee": ticket.assignee,
        "language": ticket.language,
        "tags": list(ticket.tags),
        "created_at": iso(ticket.created_at),
        "updated_at": iso(ticket.updated_at),
        "message_count": ticket.message_count,
        "first_response_at": iso(ticket.first_response_at),
        "resolved_at": iso(ticket.resolved_at),
        "closed_at": iso(ticket.closed_at),
        "sla_breached": ticket.sla_breached,
        "merged_into": ticket.merged_into,
    }


def ticket_summaries(
    session: Session, settings: Settings, tickets: Sequence[Ticket]
) -> list[dict[str, Any]]:
    """`ticket_summary` of each ticket, with its customer's name: one query for all."""
    ids = {t.customer_id for t in tickets if t.customer_id is not None}
    names: dict[int, str] = {}
    if ids:
        names = dict(
            session.execute(
                select(col(Customer.id), col(Customer.name)).where(col(Customer.id).in_(ids))
            ).all()
        )
    return [ticket_summary(settings, t, names.get(t.customer_id or 0, "") or "") for t in tickets]


def message_addresses(
    message: Message,
) -> tuple[tuple[str, str] | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """(from, to, cc) of a stored message as (name, email) pairs: from its `addresses`
    column, or for rows stored before migration 0007 read back from the text columns."""
    stored = message.addresses
    if stored is not None:
        sender = pairs_of(stored, "from")
        return (sender[0] if sender else None), pairs_of(stored, "to"), pairs_of(stored, "cc")
    sender = legacy_addresses(message.from_addr)
    if len(sender) != 1:  # the old writer put exactly one address (or none) there
        sender = [("", message.from_addr)] if message.from_addr else []
    return (
        (sender[0] if sender else None),
        legacy_addresses(message.to_addrs),
        legacy_addresses(message.cc_addrs),
    )


def _message_json(message: Message) -> dict[str, Any]:
    """The address fields of one message in `tickets show --json`: `from`, `to` and `cc`
    in the combined form (names quoted where needed), and `from_address`,
    `to_addresses`, `cc_addresses` as objects with the name and email apart."""
    sender, to, cc = message_addresses(message)
    return {
        "from": format_addresses([sender]) if sender else "",
        "to": format_addresses(to),
        "cc": format_addresses(cc),
        "from_address": address_json(*sender) if sender else None,
        "to_addresses": [address_json(*p) for p in to],
        "cc_addresses": [address_json(*p) for p in cc],
    }


SORT_KEYS = ("updated", "created", "priority", "id", "age", "due")
FINAL_STATUSES = (Status.RESOLVED.value, Status.CLOSED.value)
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")


def parse_duration(text: str) -> timedelta:
    """`30m`, `12h`, `3d`, `2w` -> a timedelta; TicketingError otherwise."""
    m = _DURATION.match(text.lower())
    if not m:
        raise TicketingError(f"not a duration: {text!r} (write e.g. 30m, 12h, 3d or 2w)")
    n, unit = int(m.group(1)), m.group(2)
    return {"m": timedelta(minutes=n), "h": timedelta(hours=n), "d": timedelta(days=n)}.get(
        unit, timedelta(weeks=n)
    )


def _values(value: str | Sequence[str] | None) -> list[str]:
    """One filter value or several as a list (empty: no filter)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [v for v in value if v]


def next_sla_due(ticket: Ticket, settings: Settings) -> datetime | None:
    """The earliest SLA target of a non-final ticket not yet met (None: no target runs)."""
    if ticket.status in FINAL_STATUSES or ticket.merged_into is not None:
        return None
    target = target_for(settings.sla, ticket.queue, ticket.priority)
    if target is None:
        return None
    open_dues = [
        d.due_at for d in due_dates(ticket, target, calendar_from(settings.sla)) if d.met_at is None
    ]
    return min(open_dues) if open_dues else None


def list_tickets(
    session: Session,
    settings: Settings,
    *,
    queue: str | Sequence[str] | None = None,
    status: str | Sequence[str] | None = None,
    requester: str | None = None,
    assignee: str | Sequence[str] | None = None,
    unassigned: bool = False,
    tag: str | Sequence[str] | None = None,
    open_only: bool = False,
    older_than: timedelta | None = None,
    newer_than: timedelta | None = None,
    sla_breached: bool = False,
    breaching: timedelta | None = None,
    sort: str = "updated",
    reverse: bool = False,
    limit: int = 50,
    offset: int = 0,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Tickets matching every filter given; a filter given several values matches any of
    them (`status=["open", "pending"]`), and several tags match a ticket carrying any.
    `open_only`: every status but resolved and closed. `breaching`: non-final tickets
    whose next SLA target not yet met falls due within that time, or is already over.
    Sorting: newest (or highest priority) first, `age` oldest first, `due` the soonest
    SLA target first (tickets without one last); `reverse` flips it. Age is measured
    from creation."""
    if sort not in SORT_KEYS:
        raise TicketingError(f"unknown sort key {sort!r} (known: {', '.join(SORT_KEYS)})")
    now = now or utcnow()
    query = select(Ticket)
    if queues := _values(queue):
        query = query.where(col(Ticket.queue).in_(queues))
    if statuses := _values(status):
        query = query.where(col(Ticket.status).in_(statuses))
    if open_only or breaching is not None:
        query = query.where(col(Ticket.status).notin_(FINAL_STATUSES))
    if requester:
        query = query.where(col(Ticket.requester) == requester.lower())
    if assignees := _values(assignee):
        query = query.where(col(Ticket.assignee).in_(assignees))
    if unassigned:
        query = query.where(col(Ticket.assignee).is_(None))
    if tags := _values(tag):
        # Tags are a JSON array; its text holds each tag as a JSON string, on both back ends.
        matches = []
        for one in tags:
            needle = json.dumps(one.strip().lower())
            needle = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            matches.append(cast(col(Ticket.tags), Text).like(f"%{needle}%", escape="\\"))
        query = query.where(or_(*matches))
    if older_than is not None:
        query = query.where(col(Ticket.created_at) <= now - older_than)
    if newer_than is not None:
        query = query.where(col(Ticket.created_at) >= now - newer_than)
    if sla_breached:
        query = query.where(col(Ticket.sla_breached).is_(True))
    if breaching is not None or sort == "due":
        # Due times are business-hour arithmetic on each ticket's queue and priority, so
        # they are computed here, over the tickets the other filters left.
        tickets = list(session.execute(query.order_by(col(Ticket.id))).scalars())
        due = {t.id: next_sla_due(t, settings) for t in tickets}
        if breaching is not None:
            horizon = now + breaching
            tickets = [t for t in tickets if (d := due[t.id]) is not None and d <= horizon]
        far = datetime.max.replace(tzinfo=now.tzinfo)
        if sort == "due":
            tickets.sort(key=lambda t: (due[t.id] or far, t.id or 0), reverse=reverse)
        else:
            tickets.sort(key=lambda t: _sort_value(t, sort), reverse=not reverse)
        return _listed(session, settings, tickets[offset : offset + limit])
    order: list[Any]
    ascending = reverse
    if sort == "priority":
        rank = case(
            {"urgent": 3, "high": 2, "normal": 1, "low": 0}, value=col(Ticket.priority), else_=1
        )
        order = [rank, col(Ticket.updated_at)]
    elif sort in ("created", "age"):
        order = [col(Ticket.created_at)]
        ascending = reverse if sort == "created" else not reverse
    elif sort == "id":
        order = [col(Ticket.id)]
    else:
        order = [col(Ticket.updated_at)]
    order.append(col(Ticket.id))
    query = (
        query.order_by(*(o.asc() if ascending else o.desc() for o in order))
        .limit(limit)
        .offset(offset)
    )
    return _listed(session, settings, list(session.execute(query).scalars()))


def _listed(
    session: Session, settings: Settings, tickets: Sequence[Ticket]
) -> list[dict[str, Any]]:
    """List rows: the summaries, each with `sla_due_at`, its next SLA target not yet met
    (None when none runs: no target, all met, or a final status)."""
    rows = ticket_summaries(session, settings, tickets)
    for row, ticket in zip(rows, tickets, strict=True):
        row["sla_due_at"] = iso(next_sla_due(ticket, settings))
    return rows


_PRIORITY_RANK = {"urgent": 3, "high": 2, "normal": 1, "low": 0}


def _sort_value(ticket: Ticket, sort: str) -> tuple[Any, ...]:
    """The key of the SQL orders above, for lists sorted in Python (descending)."""
    if sort == "priority":
        return (_PRIORITY_RANK.get(ticket.priority, 1), ticket.updated_at, ticket.id or 0)
    if sort == "created":
        return (ticket.created_at, ticket.id or 0)
    if sort == "age":  # oldest first: the negated age order
        return (-ticket.created_at.timestamp(), -(ticket.id or 0))
    if sort == "id":
        return (ticket.id or 0,)
    return (ticket.updated_at, ticket.id or 0)


def agent_desks(session: Session, settings: Settings) -> list[dict[str, Any]]:
    """Each agent with a non-final ticket: how many, by status, and the ticket waiting
    longest on them (oldest last update among new, open and escalated tickets; pending
    ones wait on the customer). Agents in name order."""
    rows = session.execute(
        select(Ticket)
        .where(col(Ticket.assignee).is_not(None))
        .where(col(Ticket.status).notin_(FINAL_STATUSES))
        .where(col(Ticket.merged_into).is_(None))
        .order_by(col(Ticket.assignee), col(Ticket.updated_at), col(Ticket.id))
    ).scalars()
    agents: dict[str, dict[str, Any]] = {}
    for t in rows:
        assert t.assignee is not None
        entry = agents.setdefault(
            t.assignee, {"agent": t.assignee, "open": 0, "by_status": {}, "oldest_waiting": None}
        )
        entry["open"] += 1
        entry["by_status"][t.status] = entry["by_status"].get(t.status, 0) + 1
        if entry["oldest_waiting"] is None and t.status != Status.PENDING.value:
            assert t.id is not None
            entry["oldest_waiting"] = {
                "id": t.id,
                "ref": format_ref(settings.service.ticket_tag, t.id),
                "subject": t.subject,
                "status": t.status,
                "updated_at": iso(t.updated_at),
            }
    return list(agents.values())


def get_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"no ticket {ticket_id}")
    return ticket


def ticket_detail(session: Session, settings: Settings, ticket_id: int) -> dict[str, Any]:
    ticket = get_ticket(session, ticket_id)
    data = ticket_summaries(session, settings, [ticket])[0]
    messages = list(
        session.execute(
            select(Message).where(col(Message.ticket_id) == ticket_id).order_by(col(Message.id))
        ).scalars()
    )
    attachments: dict[int, list[dict[str, Any]]] = {}
    if messages:
        rows = session.execute(
            select(Attachment)
            .where(col(Attachment.message_pk).in_([m.id for m in messages]))
            .order_by(col(Attachment.id))
        ).scalars()
        for a in rows:
            attachments.setdefault(a.message_pk, []).append(
                {
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "inline": a.inline,
                    "path": a.path,
                }
            )
    data["messages"] = [
        {
            "id": m.id,
            "direction": m.direction,
            "message_id": m.message_id,
            **_message_json(m),
            "subject": m.subject,
            "text": m.text,
            "new_text": m.new_text,
            "language": m.language,
            "kind": m.kind,
            "decodings": list(m.decodings),
            "created_at": iso(m.created_at),
            "attachments": attachments.get(m.id or 0, []),
        }
        for m in messages
    ]
    data["events"] = [
        {
            "id": e.id,
            "kind": e.kind,
            "actor": e.actor,
            "detail": e.detail,
            "created_at": iso(e.created_at),
        }
        for e in session.execute(
            select(Event).where(col(Event.ticket_id) == ticket_id).order_by(col(Event.id))
        ).scalars()
    ]
    data["participants"] = [
        {"email": p.email, "role": p.role}
        for p in session.execute(
            select(Participant)
            .where(col(Participant.ticket_id) == ticket_id)
            .order_by(col(Participant.id))
        ).scalars()
    ]
    data["fields"] = dict(ticket.fields)
    data["routing"] = dict(ticket.routing)
    data["vendor_cases"] = [
        {
            "case_number": v.case_number,
            "status": v.status,
            "note": v.note,
            "created_at": iso(v.created_at),
            "updated_at": iso(v.updated_at),
            "resolved_at": iso(v.resolved_at),
        }
        for v in session.execute(
            select(VendorCase)
            .where(col(VendorCase.ticket_id) == ticket_id)
            .order_by(col(VendorCase.id))
        ).scalars()
    ]
    data["disputes"] = [
        dispute_json(d)
        for d in session.execute(
            select(Dispute).where(col(Dispute.ticket_id) == ticket_id).order_by(col(Dispute.id))
        ).scalars()
    ]
    data["sla"] = ticket_sla(ticket, settings)
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    data["customer"] = (
        {
            "email": customer.email,
            "name": customer.name,
            "account_status": customer.account_status,
        }
        if customer is not None
        else None
    )
    return data


# -- quarantine and held mail ------------------------------------------------------------


def raw_summary(raw: RawMessage) -> dict[str, Any]:
    return {
        "id": raw.id,
        "outcome": raw.outcome,
        "reason": raw.detail,
        "message_id": raw.message_id,
        "source": raw.source,
        "mailbox": raw.mailbox,
        "uid": raw.uid,
        "size": raw.size,
        "sha256": raw.sha256,
        "ticket_id": raw.ticket_id,
        "received_at": iso(raw.received_at),
    }


def list_raw(session: Session, outcome: Outcome, limit: int = 100) -> list[dict[str, Any]]:
    rows = session.execute(
        select(RawMessage)
        .where(col(RawMessage.outcome) == outcome.value)
        .order_by(col(RawMessage.id))
        .limit(limit)
    ).scalars()
    return [raw_summary(r) for r in rows]


def list_held(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    """What waits for an agent: follow-ups held because their sender is not a
    participant (`held_for: "participant"`), and tickets stored from a sender address
    we cannot write to (`held_for: "invalid-sender"`, from their `sender.invalid`
    event: the ticket exists, no acknowledgement went out). Oldest mail first."""
    rows = [{**r, "held_for": "participant"} for r in list_raw(session, Outcome.HELD, limit)]
    invalid = session.execute(
        select(Event, RawMessage)
        .join(RawMessage, col(RawMessage.id) == col(Event.raw_id))
        .where(col(Event.kind) == "sender.invalid")
        .order_by(col(Event.raw_id))
        .limit(limit)
    ).all()
    for event, raw in invalid:
        rows.append(
            {
                **raw_summary(raw),
                "reason": event.detail.get("reason", ""),
                "ticket_id": event.ticket_id,
                "held_for": "invalid-sender",
                "from": event.detail.get("from", ""),
            }
        )
    rows.sort(key=lambda r: r["id"])
    return rows[:limit]


def get_raw(session: Session, raw_id: int, outcome: Outcome | None = None) -> RawMessage:
    raw = session.get(RawMessage, raw_id)
    if raw is None or (outcome is not None and raw.outcome != outcome.value):
        what = f"{outcome.value} message" if outcome else "raw message"
        raise NotFound(f"no {what} {raw_id}")
    return raw


def raw_bytes(settings: Settings, raw: RawMessage) -> bytes:
    if raw.data is not None:
        return raw.data
    if raw.blob:
        return BlobStore(settings.path(settings.service.attachments_dir)).get(raw.blob)
    raise TicketingError(f"raw message {raw.id} has no stored bytes")


def discard_raw(session: Session, raw_id: int, reason: str, actor: str) -> None:
    raw = get_raw(session, raw_id, Outcome.QUARANTINED)
    raw.outcome = Outcome.DISCARDED.value
    raw.detail = f"{raw.detail} | discarded: {reason}"
    session.add(
        Event(raw_id=raw.id, kind="quarantine.discarded", actor=actor, detail={"reason": reason})
    )


def status_summary(session: Session, settings: Settings) -> dict[str, Any]:
    """What an operator watches: queues, quarantine, held mail, outbox, mailboxes."""
    from sqlalchemy import func

    from ticketing.models import MailboxCursor, OutboxMessage

    queues: dict[str, dict[str, int]] = {q: {} for q in settings.service.queues}
    for queue, status, n in session.execute(
        select(col(Ticket.queue), col(Ticket.status), func.count()).group_by(
            col(Ticket.queue), col(Ticket.status)
        )
    ).all():
        queues.setdefault(queue, {})[status] = n
    raw_counts = dict(
        session.execute(
            select(col(RawMessage.outcome), func.count())
            .where(col(RawMessage.outcome).in_([Outcome.QUARANTINED.value, Outcome.HELD.value]))
            .group_by(col(RawMessage.outcome))
        ).all()
    )
    outbox = dict(
        session.execute(
            select(col(OutboxMessage.status), func.count()).group_by(col(OutboxMessage.status))
        ).all()
    )
    now = utcnow()
    mailboxes = []
    for cursor in session.execute(
        select(MailboxCursor).order_by(col(MailboxCursor.mailbox))
    ).scalars():
        mailboxes.append(
            {
                "mailbox": cursor.mailbox,
                "folder": cursor.folder,
                "uidvalidity": cursor.uidvalidity,
                "last_uid": cursor.last_uid,
                "last_poll_at": iso(cursor.last_poll_at),
                "seconds_since_poll": (
                    round((now - cursor.last_poll_at).total_seconds(), 1)
                    if cursor.last_poll_at
                    else None
                ),
                "last_error": cursor.last_error,
                "error_count": cursor.error_count,
            }
        )
    breached: dict[str, int] = dict(
        session.execute(
            select(col(Ticket.queue), func.count())
            .where(col(Ticket.sla_breached).is_(True))
            .where(col(Ticket.status).notin_(["resolved", "closed"]))
            .group_by(col(Ticket.queue))
        ).all()
    )
    return {
        "queues": queues,
        "sla_breached": breached,
        "stale_vendor_cases": stale_vendor_cases(session, settings, now),
        "quarantined": raw_counts.get(Outcome.QUARANTINED.value, 0),
        "held": raw_counts.get(Outcome.HELD.value, 0),
        "outbox": {
            "pending": outbox.get("pending", 0) + outbox.get("sending", 0),
            "failed": outbox.get("failed", 0),
            "sent": outbox.get("sent", 0),
        },
        "mailboxes": mailboxes,
    }


def stale_vendor_cases(
    session: Session, settings: Settings, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Open vendor cases without an update for [lifecycle].vendor_reminder_days: chase them."""
    days = settings.lifecycle.vendor_reminder_days
    if days <= 0:
        return []
    now = now or utcnow()
    rows = session.execute(
        select(VendorCase, Ticket)
        .join(Ticket, col(Ticket.id) == col(VendorCase.ticket_id))
        .where(col(VendorCase.status) == VendorStatus.OPEN.value)
        .where(col(VendorCase.updated_at) <= now - timedelta(days=days))
        .order_by(col(VendorCase.updated_at))
    ).all()
    return [
        {
            "ticket_id": t.id,
            "ref": format_ref(settings.service.ticket_tag, t.id or 0),
            "vendor_case": v.case_number,
            "last_update": iso(v.updated_at),
            "days_since_update": (now - v.updated_at).days,
            "assignee": t.assignee,
        }
        for v, t in rows
    ]
