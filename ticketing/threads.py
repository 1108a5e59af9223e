"""Threading: which existing ticket, if any, an inbound message continues, and whether
its sender may add to it (invariant 7).

A follow-up is found by In-Reply-To/References to a Message-ID we sent or received,
then by the `[TAG-N]` reference in the subject. It attaches only when its sender is a
participant of that ticket or it quotes a signed Message-ID only we could have issued.

Mail also arrives out of order (several mailboxes, delayed delivery): a reply can come
before the mail it answers and open the ticket. The answered mail, when it comes, finds
that ticket the other way round, by its own Message-ID among those the ticket's inbound
messages refer to (`message_references`), and joins it only when its sender is already
on the ticket: knowing a Message-ID proves nothing, so a stranger's mail stays a new
ticket (never held: it did not claim to continue anything).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session, col

from ticketing import replykeys
from ticketing.config import Settings
from ticketing.inbound import InboundEmail
from ticketing.models import Message, MessageReference, Participant, Ticket
from ticketing.refs import refs_in_subject
from ticketing.replytoken import ticket_from_token, token_claim


@dataclass(frozen=True)
class ThreadMatch:
    ticket: Ticket
    # "reply-token" | "unverified-reply-token" | "in-reply-to" | "references" |
    # "subject-ref" | "referenced-by" (the ticket's mail refers to this one: out of order)
    how: str
    matched_on: str  # the Message-ID or subject reference that matched
    sender_allowed: bool
    why: str  # the reason the sender may or may not add to this ticket


def find_thread(session: Session, settings: Settings, email: InboundEmail) -> ThreadMatch | None:
    referenced = email.all_message_ids_referenced
    keys = replykeys.load(settings).verifying
    signed_ticket: int | None = None
    claimed_ticket: int | None = None
    for mid in referenced:
        signed_ticket = ticket_from_token(keys, mid)
        if signed_ticket is not None:
            break
        if claimed_ticket is None:
            claimed_ticket = token_claim(mid)

    found = header_match(email, stored_tickets(session, referenced)[0]) if referenced else None
    if found is None and signed_ticket is not None:
        found = (signed_ticket, "reply-token", "signed Message-ID")
    if found is None and claimed_ticket is not None:
        # A token whose signature fails (forged, or signed with a key past its grace
        # period) still names the ticket it claims: its sender is checked like anyone's,
        # so a stranger's mail is held there instead of quietly opening a ticket.
        found = (claimed_ticket, "unverified-reply-token", "Message-ID with a bad signature")
    if found is None:
        for ticket_id in refs_in_subject(settings.service.ticket_tag, email.subject):
            found = (ticket_id, "subject-ref", f"[{settings.service.ticket_tag}-{ticket_id}]")
            break
    if found is None:
        return _referenced_by(session, email)
    ticket = _current(session, found[0])
    if ticket is None:
        return None
    allowed, why = _sender_allowed(session, ticket, email, signed_ticket)
    return ThreadMatch(ticket, found[1], found[2], allowed, why)


def _current(session: Session, ticket_id: int) -> Ticket | None:
    """The ticket, or the one it was merged into (bounded: no cycles)."""
    ticket = session.get(Ticket, ticket_id)
    for _ in range(10):
        if ticket is None or ticket.merged_into is None:
            break
        ticket = session.get(Ticket, ticket.merged_into)
    return ticket


def _referenced_by(session: Session, email: InboundEmail) -> ThreadMatch | None:
    """The ticket whose inbound mail refers to `email`'s own Message-ID (it arrived
    after a reply to it). Of several such tickets, the first its sender is on; when the
    sender is on none, the first, with the reason it may not join."""
    if email.message_id_synthetic:
        return None  # an id we made up: nobody can have referred to it
    candidates = sorted(referencing_tickets(session, [email.message_id]).get(email.message_id, ()))
    first: ThreadMatch | None = None
    for ticket_id in candidates:
        ticket = _current(session, ticket_id)
        if ticket is None:
            continue
        allowed, why = _sender_allowed(session, ticket, email, None)
        match = ThreadMatch(ticket, "referenced-by", email.message_id, allowed, why)
        if allowed:
            return match
        first = first or match
    return first


def referencing_tickets(session: Session, message_ids: Collection[str]) -> dict[str, set[int]]:
    """For each of `message_ids`, the tickets holding an inbound message that names it in
    In-Reply-To or References (`message_references`, indexed on the referenced id)."""
    found: dict[str, set[int]] = {}
    if not message_ids:
        return found
    for mid, tid in session.execute(
        select(col(MessageReference.referenced_id), col(Message.ticket_id))
        .join(Message, col(Message.id) == col(MessageReference.message_pk))
        .where(col(MessageReference.referenced_id).in_(message_ids))
    ).all():
        found.setdefault(mid, set()).add(tid)
    return found


def stored_tickets(
    session: Session, message_ids: Collection[str]
) -> tuple[dict[str, int], set[str]]:
    """The ticket of each of `message_ids` we hold a message of, and the Message-IDs held
    on more than one ticket (for those the mapping names one of them)."""
    by_mid: dict[str, int] = {}
    ambiguous: set[str] = set()
    for mid, tid in session.execute(
        select(col(Message.message_id), col(Message.ticket_id)).where(
            col(Message.message_id).in_(message_ids)
        )
    ).all():
        if by_mid.get(mid, tid) != tid:
            ambiguous.add(mid)
        by_mid[mid] = tid
    return by_mid, ambiguous


def header_match(email: InboundEmail, by_mid: Mapping[str, int]) -> tuple[int, str, str] | None:
    """(ticket, how, Message-ID) for the first Message-ID `email` refers to that we hold
    (`by_mid`, from `stored_tickets`): how is "in-reply-to" or "references"."""
    for mid in email.all_message_ids_referenced:
        if mid in by_mid:
            how = "in-reply-to" if mid in email.in_reply_to else "references"
            return by_mid[mid], how, mid
    return None


def participant_reason(sender: str) -> str:
    """Why a participant may add to a ticket (the follow-up event's `why_allowed`)."""
    return f"{sender} is a participant of the ticket"


def _sender_allowed(
    session: Session, ticket: Ticket, email: InboundEmail, signed_ticket: int | None
) -> tuple[bool, str]:
    sender = email.sender_email or ""
    if (
        sender
        and session.execute(
            select(col(Participant.role)).where(
                col(Participant.ticket_id) == ticket.id,
                col(Participant.email) == sender,
            )
        ).first()
    ):
        return True, participant_reason(sender)
    if signed_ticket is not None and signed_ticket == ticket.id:
        return True, f"{sender or 'the sender'} quoted a Message-ID we signed for this ticket"
    return False, f"{sender or 'the sender'} is not a participant of the ticket"


def participants(session: Session, ticket_id: int) -> dict[str, str]:
    rows = session.execute(
        select(col(Participant.email), col(Participant.role)).where(
            col(Participant.ticket_id) == ticket_id
        )
    ).all()
    return {email: role for email, role in rows}


def add_participant(session: Session, ticket_id: int, email: str, role: str) -> bool:
    """Add `email` to the ticket unless present; True when it was added."""
    if not email or email in participants(session, ticket_id):
        return False
    session.add(Participant(ticket_id=ticket_id, email=email, role=role))
    return True
