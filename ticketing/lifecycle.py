"""The ticket lifecycle: which status may follow which, and every agent action on a
ticket (reply, note, assign, priority, tags, status, resolve, reopen, close, merge,
vendor escalation). Each action validates, changes the ticket, records its Events and
queues any customer mail in the caller's transaction; the caller commits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col

from ticketing.config import Settings
from ticketing.errors import InvalidTransition, NotFound, TicketingError
from ticketing.greetings import opens_with_greeting
from ticketing.loops import deliverable
from ticketing.models import (
    CollectionNotice,
    Dispute,
    DisputeStatus,
    Event,
    Invoice,
    Message,
    OutboxMessage,
    Participant,
    RawMessage,
    Status,
    Ticket,
    VendorCase,
    VendorStatus,
    utcnow,
)
from ticketing.notify import send
from ticketing.outbound_files import OutboundFile
from ticketing.refs import format_ref
from ticketing.render import Renderer
from ticketing.threads import add_participant

PRIORITIES = ("low", "normal", "high", "urgent")
STATUSES = tuple(s.value for s in Status)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW.value: ("open", "pending", "escalated", "resolved", "closed"),
    Status.OPEN.value: ("pending", "escalated", "resolved", "closed"),
    Status.PENDING.value: ("open", "escalated", "resolved", "closed"),
    Status.ESCALATED.value: ("open", "pending", "resolved", "closed"),
    Status.RESOLVED.value: ("open", "closed"),
    Status.CLOSED.value: ("open",),
}

# Statuses that carry obligations and so are reached only through their own command.
_DEDICATED = {
    Status.RESOLVED.value: "tickets resolve (it queues the close-the-loop message)",
    Status.ESCALATED.value: "tickets escalate (it records the vendor case)",
}


def allowed_transitions(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(ticket: Ticket, target: str, settings: Settings) -> None:
    """Raise InvalidTransition, naming the allowed statuses, unless `target` may follow."""
    allowed = allowed_transitions(ticket.status)
    if target not in allowed:
        ref = _ref(settings, ticket)
        names = ", ".join(allowed) or "none"
        raise InvalidTransition(
            f"{ref} is {ticket.status}: cannot change to {target} (allowed: {names})"
        )


@dataclass
class ActionResult:
    """What an action did, for the CLI: one human line and a JSON object."""

    ticket_id: int
    action: str
    message: str
    outbox_ids: list[int] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self, ticket: dict[str, Any]) -> dict[str, Any]:
        return {
            "action": self.action,
            "ticket": ticket,
            "outbox_ids": self.outbox_ids,
            "message": self.message,
            **self.detail,
        }


def _ref(settings: Settings, ticket: Ticket) -> str:
    assert ticket.id is not None
    return format_ref(settings.service.ticket_tag, ticket.id)


def load_ticket(session: Session, ticket_id: int) -> Ticket:
    """The ticket, locked for this transaction on PostgreSQL (the service may be
    adding a follow-up to it at the same moment)."""
    ticket: Ticket | None = session.execute(
        select(Ticket).where(col(Ticket.id) == ticket_id).with_for_update()
    ).scalar_one_or_none()
    if ticket is None:
        raise NotFound(f"no ticket {ticket_id}")
    return ticket


def _refuse_merged(settings: Settings, ticket: Ticket) -> None:
    if ticket.merged_into is not None:
        raise TicketingError(
            f"{_ref(settings, ticket)} was merged into "
            f"{format_ref(settings.service.ticket_tag, ticket.merged_into)}: work on that ticket"
        )


def _event(session: Session, ticket: Ticket, kind: str, actor: str, **detail: Any) -> Event:
    event = Event(ticket_id=ticket.id, kind=kind, actor=actor, detail=detail)
    session.add(event)
    return event


def change_status(
    session: Session, ticket: Ticket, target: str, actor: str, reason: str, now: datetime
) -> None:
    """Set the status and its timestamps, with a `ticket.status` event (no validation)."""
    previous = ticket.status
    if previous == target:
        return
    ticket.status = target
    if target == Status.RESOLVED.value:
        ticket.resolved_at = now
    elif target == Status.CLOSED.value:
        ticket.closed_at = now
    elif previous in (Status.RESOLVED.value, Status.CLOSED.value):
        ticket.resolved_at = None
        ticket.closed_at = None
    ticket.updated_at = now
    _event(
        session, ticket, "ticket.status", actor, **{"from": previous, "to": target}, reason=reason
    )


# -- conversation --------------------------------------------------------------------


def reply(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket_id: int,
    *,
    actor: str,
    body: str,
    template: str = "reply",
    status: str | None = None,
    signature: str = "",
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    attachments: Sequence[OutboundFile] = (),
) -> ActionResult:
    """Mail the customer (template `reply` unless told), threaded; a reply to a new or
    open ticket moves it to [lifecycle].reply_status unless `status` says otherwise.
    `cc` addresses are added to the Cc header and become participants (their answers
    join the ticket); `bcc` ones get the mail unseen and do not."""
    extra_cc = checked_addresses(cc, "--cc")
    hidden = checked_addresses(bcc, "--bcc")
    ticket = load_ticket(session, ticket_id)
    _refuse_merged(settings, ticket)
    if ticket.status == Status.CLOSED.value:
        raise InvalidTransition(
            f"{_ref(settings, ticket)} is closed: reopen it first (tickets reopen)"
        )
    if status in _DEDICATED:
        raise TicketingError(f"to make a ticket {status}, use {_DEDICATED[status]}")
    if not body.strip() and template == "reply":
        raise TicketingError("the reply is empty")
    target = status
    if target is None and ticket.status in (Status.NEW.value, Status.OPEN.value):
        target = settings.lifecycle.reply_status
    if target is not None and target != ticket.status:
        check_transition(ticket, target, settings)
    now = utcnow()
    own = {a.lower() for a in settings.own_addresses}
    if any(a in own for a in [*extra_cc, *hidden]):
        raise TicketingError("--cc/--bcc name one of our own addresses: mail would loop")
    row = send(
        session,
        settings,
        renderer,
        ticket,
        template,
        actor,
        extra_cc=extra_cc,
        bcc=hidden,
        body=body,
        agent=signature,
        greeted=opens_with_greeting(body),
        attachments=attachments,
    )
    assert ticket.id is not None
    for address in extra_cc:
        add_participant(session, ticket.id, address, "cc")
    previous = ticket.status
    if target is not None and target != ticket.status:
        change_status(session, ticket, target, actor, "agent replied", now)
    _event(
        session,
        ticket,
        "ticket.replied",
        actor,
        outbox_id=row.id,
        template=row.template,
        status={"from": previous, "to": ticket.status},
    )
    assert row.id is not None
    return ActionResult(
        ticket_id,
        "reply",
        f"{_ref(settings, ticket)}: reply queued (outbox {row.id}), status {ticket.status}",
        [row.id],
        {"status": ticket.status},
    )


_NOT_A_BARE_ADDRESS = re.compile(r"[\s<>,;()\[\]]")


def checked_addresses(values: Sequence[str], option: str) -> list[str]:
    """Bare addresses (`kato@customer.example`), lower-cased and each once;
    TicketingError naming `option` for a display name, a list, or an address mail cannot
    go to (ticketing/loops.py `deliverable`)."""
    out: list[str] = []
    for value in values:
        address = value.strip()
        if _NOT_A_BARE_ADDRESS.search(address) or not deliverable(address):
            raise TicketingError(
                f"{option} {value!r} is not an address (give one bare address per {option}, "
                "e.g. kato@customer.example)"
            )
        out.append(address.lower())
    return list(dict.fromkeys(out))


def note(
    session: Session, settings: Settings, ticket_id: int, *, actor: str, text: str
) -> ActionResult:
    """An internal note: stored as an event, never mailed."""
    if not text.strip():
        raise TicketingError("the note is empty")
    ticket = load_ticket(session, ticket_id)
    event = _event(session, ticket, "ticket.note", actor, text=text)
    ticket.updated_at = utcnow()
    session.flush()
    return ActionResult(
        ticket_id, "note", f"{_ref(settings, ticket)}: note added", detail={"event_id": event.id}
    )


# -- fields --------------------------------------------------------------------------


def assign(
    session: Session, settings: Settings, ticket_id: int, *, actor: str, agent: str | None
) -> ActionResult:
    ticket = load_ticket(session, ticket_id)
    agent = agent.strip() if agent else None
    if agent is not None and (not agent or len(agent) > 120 or not agent.isprintable()):
        raise TicketingError(f"not an agent name: {agent!r}")
    previous = ticket.assignee
    ticket.assignee = agent
    ticket.updated_at = utcnow()
    _event(session, ticket, "ticket.assigned", actor, **{"from": previous, "to": agent})
    who = agent or "nobody"
    return ActionResult(
        ticket_id,
        "assign",
        f"{_ref(settings, ticket)}: assigned to {who}",
        detail={"assignee": agent},
    )


def set_priority(
    session: Session,
    settings: Settings,
    ticket_id: int,
    *,
    actor: str,
    priority: str,
    reason: str = "",
) -> ActionResult:
    if priority not in PRIORITIES:
        raise TicketingError(f"unknown priority {priority!r} (known: {', '.join(PRIORITIES)})")
    ticket = load_ticket(session, ticket_id)
    previous = ticket.priority
    ticket.priority = priority
    ticket.updated_at = utcnow()
    _event(
        session,
        ticket,
        "ticket.priority",
        actor,
        **{"from": previous, "to": priority},
        reason=reason,
    )
    return ActionResult(
        ticket_id,
        "priority",
        f"{_ref(settings, ticket)}: priority {previous} -> {priority}",
        detail={"priority": priority},
    )


def normalize_tag(tag: str) -> str:
    value = " ".join(tag.split()).lower()
    if not value or len(value) > 60:
        raise TicketingError(f"not a tag: {tag!r}")
    return value


def tag(
    session: Session,
    settings: Settings,
    ticket_id: int,
    *,
    actor: str,
    add: tuple[str, ...] = (),
    remove: tuple[str, ...] = (),
) -> ActionResult:
    ticket = load_ticket(session, ticket_id)
    added = [normalize_tag(t) for t in add]
    removed = [normalize_tag(t) for t in remove]
    tags = [t for t in ticket.tags if t not in removed]
    tags += [t for t in added if t not in tags]
    ticket.tags = sorted(tags)
    ticket.updated_at = utcnow()
    _event(session, ticket, "ticket.tags", actor, added=added, removed=removed, tags=ticket.tags)
    return ActionResult(
        ticket_id,
        "tag",
        f"{_ref(settings, ticket)}: tags {', '.join(ticket.tags) or '(none)'}",
        detail={"tags": ticket.tags},
    )


# -- status --------------------------------------------------------------------------


def set_status(
    session: Session,
    settings: Settings,
    ticket_id: int,
    *,
    actor: str,
    status: str,
    reason: str = "",
) -> ActionResult:
    """A plain status change (open, pending, closed); resolved and escalated have
    their own commands because they carry obligations."""
    if status not in STATUSES:
        raise TicketingError(f"unknown status {status!r} (known: {', '.join(STATUSES)})")
    if status in _DEDICATED:
        raise TicketingError(f"to make a ticket {status}, use {_DEDICATED[status]}")
    if status == Status.CLOSED.value:
        return close(session, settings, ticket_id, actor=actor, reason=reason)
    ticket = load_ticket(session, ticket_id)
    _refuse_merged(settings, ticket)
    check_transition(ticket, status, settings)
    previous = ticket.status
    change_status(session, ticket, status, actor, reason or "set by agent", utcnow())
    return ActionResult(
        ticket_id,
        "status",
        f"{_ref(settings, ticket)}: {previous} -> {status}",
        detail={"status": status},
    )


def open_vendor_cases(session: Session, ticket_id: int) -> list[VendorCase]:
    return list(
        session.execute(
            select(VendorCase)
            .where(col(VendorCase.ticket_id) == ticket_id)
            .where(col(VendorCase.status) == VendorStatus.OPEN.value)
            .order_by(col(VendorCase.id))
        ).scalars()
    )


def open_disputes(session: Session, ticket_id: int, invoice: str | None = None) -> list[Dispute]:
    """The ticket's disputes still waiting for an outcome (on `invoice`), oldest first."""
    query = (
        select(Dispute)
        .where(col(Dispute.ticket_id) == ticket_id)
        .where(col(Dispute.status) == DisputeStatus.OPEN.value)
        .order_by(col(Dispute.id))
    )
    if invoice is not None:
        query = query.where(col(Dispute.invoice) == invoice)
    return list(session.execute(query).scalars())


def resolve(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket_id: int,
    *,
    actor: str,
    resolution: str,
    notify: bool = True,
    reason: str = "",
    force: bool = False,
) -> ActionResult:
    """Resolve and close the loop (invariant 8): the `resolved` message is queued in
    this transaction, or `notify=False` with a recorded reason. An open vendor case or
    a dispute without an outcome refuses it, unless `force` with a recorded reason."""
    ticket = load_ticket(session, ticket_id)
    _refuse_merged(settings, ticket)
    check_transition(ticket, Status.RESOLVED.value, settings)
    ref = _ref(settings, ticket)
    if notify and not resolution.strip():
        raise TicketingError("a resolution text is required: it is what the customer is told")
    if not notify and not reason.strip():
        raise TicketingError("resolving without telling the customer needs a reason")
    pending_cases = open_vendor_cases(session, ticket_id)
    if pending_cases and not force:
        cases = ", ".join(c.case_number for c in pending_cases)
        raise InvalidTransition(
            f"{ref} waits on vendor case {cases}: record the vendor's answer with "
            f"`tickets vendor-update {ref} --status resolved`, or use --force --reason"
        )
    # A dispute without an outcome: the customer would be told "resolved" while the
    # charge is still contested (and its invoice's collections held).
    pending_disputes = open_disputes(session, ticket_id)
    if pending_disputes and not force:
        which = ", ".join(f"invoice {d.invoice} (dispute {d.id})" for d in pending_disputes)
        raise InvalidTransition(
            f"{ref} has a dispute without an outcome, on {which}: record the "
            f"vendor's decision with `tickets dispute-outcome {ref} upheld|rejected|partial "
            f"--invoice {pending_disputes[0].invoice}`, or use --force --reason"
        )
    if force and (pending_cases or pending_disputes) and not reason.strip():
        raise TicketingError("--force needs a --reason")
    now = utcnow()
    outbox_ids: list[int] = []
    detail: dict[str, Any] = {"resolution": resolution, "notified": notify}
    if notify:
        row = send(session, settings, renderer, ticket, "resolved", actor, resolution=resolution)
        assert row.id is not None
        outbox_ids.append(row.id)
        detail["outbox_id"] = row.id
    if reason:
        detail["reason"] = reason
    if pending_cases:
        detail["forced_past_vendor_cases"] = [c.case_number for c in pending_cases]
    if pending_disputes:
        detail["forced_past_disputes"] = [
            {"id": d.id, "invoice": d.invoice} for d in pending_disputes
        ]
    change_status(session, ticket, Status.RESOLVED.value, actor, "resolved by agent", now)
    _event(session, ticket, "ticket.resolved", actor, **detail)
    told = f"resolution queued (outbox {outbox_ids[0]})" if outbox_ids else "customer not notified"
    return ActionResult(
        ticket_id, "resolve", f"{ref}: resolved, {told}", outbox_ids, {"notified": notify}
    )


def reopen(
    session: Session, settings: Settings, ticket_id: int, *, actor: str, reason: str = ""
) -> ActionResult:
    ticket = load_ticket(session, ticket_id)
    _refuse_merged(settings, ticket)
    if ticket.status not in (Status.RESOLVED.value, Status.CLOSED.value):
        raise InvalidTransition(
            f"{_ref(settings, ticket)} is {ticket.status}, not resolved or closed: nothing to reopen"
        )
    check_transition(ticket, Status.OPEN.value, settings)
    change_status(
        session, ticket, Status.OPEN.value, actor, reason or "reopened by agent", utcnow()
    )
    return ActionResult(
        ticket_id, "reopen", f"{_ref(settings, ticket)}: reopened", detail={"status": "open"}
    )


def close(
    session: Session, settings: Settings, ticket_id: int, *, actor: str, reason: str = ""
) -> ActionResult:
    """Close a resolved ticket; closing one that was never resolved (spam, a duplicate)
    needs a reason, since no close-the-loop message went out."""
    ticket = load_ticket(session, ticket_id)
    check_transition(ticket, Status.CLOSED.value, settings)
    if ticket.status != Status.RESOLVED.value and not reason.strip():
        raise TicketingError(
            f"{_ref(settings, ticket)} is {ticket.status}, not resolved: closing it without "
            "a resolution needs --reason (or resolve it first)"
        )
    previous = ticket.status
    change_status(
        session, ticket, Status.CLOSED.value, actor, reason or "closed by agent", utcnow()
    )
    return ActionResult(
        ticket_id,
        "close",
        f"{_ref(settings, ticket)}: {previous} -> closed",
        detail={"status": "closed"},
    )


def auto_close(
    session: Session, settings: Settings, now: datetime | None = None, actor: str = "system"
) -> list[int]:
    """Close resolved tickets that had no reply for [lifecycle].auto_close_days (a
    customer reply reopens a ticket, so still being resolved means no reply came)."""
    days = settings.lifecycle.auto_close_days
    if days <= 0:
        return []
    now = now or utcnow()
    cutoff = now - timedelta(days=days)
    tickets = session.execute(
        select(Ticket)
        .where(col(Ticket.status) == Status.RESOLVED.value)
        .where(col(Ticket.resolved_at) <= cutoff)
        .order_by(col(Ticket.id))
        .with_for_update()
    ).scalars()
    closed: list[int] = []
    for ticket in tickets:
        assert ticket.id is not None
        change_status(
            session,
            ticket,
            Status.CLOSED.value,
            actor,
            f"auto-closed: resolved {days} day(s) ago without a reply",
            now,
        )
        closed.append(ticket.id)
    return closed


# -- merge ---------------------------------------------------------------------------


def merge(
    session: Session,
    settings: Settings,
    source_id: int,
    target_id: int,
    *,
    actor: str,
    force: bool = False,
    reason: str = "",
) -> ActionResult:
    """Move the conversation (messages with their attachments, raw mail, outbox rows,
    vendor cases, disputes, invoices) of `source_id` into `target_id`, copy its
    participants, and close the source with a pointer to the target."""
    if source_id == target_id:
        raise TicketingError("cannot merge a ticket into itself")
    first, second = sorted((source_id, target_id))  # lock in id order: no deadlock
    locked = {first: load_ticket(session, first), second: load_ticket(session, second)}
    source, target = locked[source_id], locked[target_id]
    src_ref, dst_ref = _ref(settings, source), _ref(settings, target)
    if source.merged_into is not None:
        raise TicketingError(f"{src_ref} was already merged into ticket {source.merged_into}")
    _refuse_merged(settings, target)
    if target.status == Status.CLOSED.value:
        raise InvalidTransition(f"{dst_ref} is closed: reopen it before merging into it")
    if source.requester != target.requester:
        if not force:
            raise TicketingError(
                f"{src_ref} ({source.requester}) and {dst_ref} ({target.requester}) belong to "
                "different requesters: merging shows each one's mail to the other; "
                "use --force --reason if that is intended"
            )
        if not reason.strip():
            raise TicketingError("--force needs a --reason")
    # The target would have two open disputes on one invoice (uq_dispute_open).
    clash = sorted(
        {d.invoice for d in open_disputes(session, source_id)}
        & {d.invoice for d in open_disputes(session, target_id)}
    )
    if clash:
        raise TicketingError(
            f"{src_ref} and {dst_ref} both have a dispute open on invoice {', '.join(clash)}: "
            f"record the outcome of one of them first (tickets dispute-outcome)"
        )
    moved: dict[str, int] = {}
    for name, model, column in (
        ("messages", Message, Message.ticket_id),
        ("raw_messages", RawMessage, RawMessage.ticket_id),
        ("outbox", OutboxMessage, OutboxMessage.ticket_id),
        ("vendor_cases", VendorCase, VendorCase.ticket_id),
        ("disputes", Dispute, Dispute.ticket_id),
        ("invoices", Invoice, Invoice.ticket_id),
        ("collection_notices", CollectionNotice, CollectionNotice.ticket_id),
    ):
        result = cast(
            "CursorResult[Any]",
            session.execute(
                update(model).where(col(column) == source_id).values(ticket_id=target_id)
            ),
        )
        moved[name] = int(result.rowcount)
    have = set(
        session.execute(
            select(col(Participant.email)).where(col(Participant.ticket_id) == target_id)
        ).scalars()
    )
    copied = 0
    for p in session.execute(
        select(Participant)
        .where(col(Participant.ticket_id) == source_id)
        .order_by(col(Participant.id))
    ).scalars():
        if p.email not in have:
            # Kept on the source too: a reply quoting only the old [TAG-n] subject is then
            # not held as coming from a stranger (invariant 7 still holds).
            session.add(Participant(ticket_id=target_id, email=p.email, role=p.role))
            have.add(p.email)
            copied += 1
    now = utcnow()
    target.message_count += moved["messages"]
    source.message_count = 0
    target.tags = sorted({*target.tags, *source.tags})
    target.fields = {**source.fields, **target.fields}
    target.updated_at = now
    source.merged_into = target_id
    detail = {"messages": moved["messages"], "participants_copied": copied, "moved": moved}
    if reason:
        detail["reason"] = reason
    _event(session, source, "ticket.merged", actor, into=target_id, **detail)
    _event(session, target, "ticket.merged_from", actor, **{"from": source_id}, **detail)
    change_status(session, source, Status.CLOSED.value, actor, f"merged into {dst_ref}", now)
    return ActionResult(
        target_id,
        "merge",
        f"{src_ref} merged into {dst_ref} ({moved['messages']} message(s) moved)",
        detail={"merged": source_id, "into": target_id, "moved": moved},
    )


# -- vendor escalation ---------------------------------------------------------------


def _case_number(value: str) -> str:
    text = value.strip()
    if not text or len(text) > 120 or not text.isprintable():
        raise TicketingError(f"not a vendor case number: {value!r}")
    return text


def escalate(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    ticket_id: int,
    *,
    actor: str,
    vendor_case: str,
    note: str = "",
    notify: bool = True,
    reason: str = "",
) -> ActionResult:
    """Record the vendor's case number, set `escalated`, and tell the customer that we
    escalated on their behalf (template `escalated`)."""
    case_number = _case_number(vendor_case)
    ticket = load_ticket(session, ticket_id)
    _refuse_merged(settings, ticket)
    check_transition(ticket, Status.ESCALATED.value, settings)
    if not notify and not reason.strip():
        raise TicketingError("escalating without telling the customer needs a reason")
    now = utcnow()
    case = VendorCase(ticket_id=ticket_id, case_number=case_number, note=note)
    session.add(case)
    session.flush()
    outbox_ids: list[int] = []
    if notify:
        row = send(session, settings, renderer, ticket, "escalated", actor, vendor_case=case_number)
        assert row.id is not None
        outbox_ids.append(row.id)
    change_status(session, ticket, Status.ESCALATED.value, actor, f"vendor case {case_number}", now)
    detail: dict[str, Any] = {"vendor_case": case_number, "note": note, "notified": notify}
    if outbox_ids:
        detail["outbox_id"] = outbox_ids[0]
    if reason:
        detail["reason"] = reason
    _event(session, ticket, "vendor.escalated", actor, **detail)
    return ActionResult(
        ticket_id,
        "escalate",
        f"{_ref(settings, ticket)}: escalated to the vendor (case {case_number})",
        outbox_ids,
        {"vendor_case": case_number},
    )


def vendor_update(
    session: Session,
    settings: Settings,
    ticket_id: int,
    *,
    actor: str,
    status: str,
    note: str = "",
    vendor_case: str | None = None,
) -> ActionResult:
    """Record news from the vendor. A resolved case returns an escalated ticket to
    `open`: it is the agent's turn to answer and resolve."""
    if status not in (VendorStatus.OPEN.value, VendorStatus.RESOLVED.value):
        raise TicketingError(f"unknown vendor case status {status!r} (known: open, resolved)")
    ticket = load_ticket(session, ticket_id)
    cases = list(
        session.execute(
            select(VendorCase)
            .where(col(VendorCase.ticket_id) == ticket_id)
            .order_by(col(VendorCase.id))
        ).scalars()
    )
    ref = _ref(settings, ticket)
    if not cases:
        raise TicketingError(f"{ref} has no vendor case: escalate it first (tickets escalate)")
    if vendor_case is not None:
        chosen = [c for c in cases if c.case_number == vendor_case.strip()]
        if not chosen:
            known = ", ".join(c.case_number for c in cases)
            raise NotFound(f"{ref} has no vendor case {vendor_case!r} (known: {known})")
        case = chosen[-1]
    else:
        open_cases = [c for c in cases if c.status == VendorStatus.OPEN.value]
        case = (open_cases or cases)[-1]
    now = utcnow()
    previous = case.status
    case.status = status
    case.updated_at = now
    case.resolved_at = now if status == VendorStatus.RESOLVED.value else None
    if note:
        case.note = note
    ticket.updated_at = now
    _event(
        session,
        ticket,
        "vendor.update",
        actor,
        vendor_case=case.case_number,
        status={"from": previous, "to": status},
        note=note,
    )
    session.flush()
    if (
        status == VendorStatus.RESOLVED.value
        and ticket.status == Status.ESCALATED.value
        and not open_vendor_cases(session, ticket_id)
    ):
        change_status(
            session,
            ticket,
            Status.OPEN.value,
            actor,
            f"vendor case {case.case_number} resolved",
            now,
        )
    return ActionResult(
        ticket_id,
        "vendor-update",
        f"{ref}: vendor case {case.case_number} {status}; ticket {ticket.status}",
        detail={"vendor_case": case.case_number, "vendor_status": status, "status": ticket.status},
    )
