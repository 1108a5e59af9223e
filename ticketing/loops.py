"""Loop protection: may we answer this mail automatically (invariant 5)?

We never auto-reply to anything but human mail, never to our own addresses, to null
senders or to mailer daemons, and never more than N times per sender in a window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlmodel import Session, col

from ticketing.config import Settings
from ticketing.inbound import InboundEmail, MailKind
from ticketing.models import OutboxMessage, utcnow
from ticketing.outbox import LOOP_HEADER

_DAEMONS = ("mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply")


def own_mail_reason(settings: Settings, email: InboundEmail) -> str | None:
    """Why this mail is ours (and must be ignored), or None."""
    loop = email.header(LOOP_HEADER)
    if loop is not None and loop.strip().lower() == settings.service.message_domain.lower():
        return f"carries our loop header {LOOP_HEADER}: {loop.strip()}"
    sender = email.sender_email
    if sender and is_own_address(settings, sender):
        return f"sent from our own address {sender}"
    return None


def is_own_address(settings: Settings, address: str) -> bool:
    """Whether `address` reaches one of the desk's mailboxes: case and a +tag do not
    matter (`Billing+Reply@X.example` is billing@x.example)."""
    own = settings.own_addresses
    return address.lower() in own or rate_key(address) in {rate_key(a) for a in own}


# What may not appear unquoted in a local part, nor anywhere in a domain (RFC 5322
# specials, whitespace, control characters). UTF-8 beyond ASCII is allowed (RFC 6532).
_NOT_IN_LOCAL = re.compile(r'[\x00-\x20\x7f()<>\[\]:;@\\,"]')
_DOMAIN_LABEL = re.compile(r"(?!-)[^\W_]+(?:-+[^\W_]+)*", re.UNICODE)


def deliverable(address: str) -> bool:
    """Whether `address` is one we can send to: a local part and a domain that parses.

    Pure and cheap: `@example.com`, `"Broken" <>` or `taro@` are not; `josé@example.es`
    and `用户@例子.example` (RFC 6532) are. Quoted local parts are accepted as written.
    """
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or len(address) > 254:
        return False
    if local.startswith('"') and local.endswith('"') and len(local) >= 2:
        if any(c in "\r\n" for c in local):
            return False
    elif (
        _NOT_IN_LOCAL.search(local) or local.startswith(".") or local.endswith(".") or ".." in local
    ):
        return False
    labels = domain.rstrip(".").split(".")
    return all(len(label) <= 63 and _DOMAIN_LABEL.fullmatch(label) for label in labels)


def invalid_sender_reason(email: InboundEmail) -> str | None:
    """Why the mail's reply address cannot be written to, or None when it can (or when
    there is none at all, which `static_refusal` reports on its own)."""
    target = reply_address(email)
    if target and not deliverable(target):
        return f"sender address {target!r} is not a valid address: no mail is sent to it"
    return None


def reply_address(email: InboundEmail) -> str | None:
    if email.reply_to:
        return email.reply_to[0].email
    return email.sender_email


def static_refusal(settings: Settings, email: InboundEmail) -> str | None:
    """Why this mail must never get an automatic reply, judging by the mail alone."""
    if email.kind is not MailKind.HUMAN:
        return f"not human mail ({email.kind.value}: {email.kind_reason})"
    if email.return_path == "":
        return "null sender (Return-Path: <>)"
    target = reply_address(email)
    if not target:
        return "no address to reply to"
    invalid = invalid_sender_reason(email)
    if invalid:
        return invalid
    local = target.split("@", 1)[0]
    if any(local == d or local.startswith(d + "+") for d in _DAEMONS):
        return f"{target} is an automated mailbox"
    if is_own_address(settings, target):
        return f"{target} is one of our own addresses"
    return None


def rate_key(address: str) -> str:
    """The mailbox an address reaches, as the rate limit counts it: `Taro+1@X.example`
    and `taro+2@x.example` are `taro@x.example`, or a sender could tag their way past it."""
    address = address.strip().lower()
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    return f"{local.split('+', 1)[0] or local}@{domain}"


def recent_autoreplies(
    session: Session, settings: Settings, targets: Iterable[str]
) -> dict[str, int]:
    """Automatic replies within the rate-limit window, by `rate_key` of the recipient."""
    wanted = {rate_key(t) for t in targets}
    if not wanted:
        return {}
    window = timedelta(minutes=settings.service.autoreply_window_minutes)
    to = col(OutboxMessage.to_addrs)
    rows = session.execute(
        select(to, func.count())
        .where(col(OutboxMessage.auto).is_(True))
        .where(col(OutboxMessage.created_at) >= utcnow() - window)
        # The plain forms, and every tagged address of the window (few), keyed below.
        .where(or_(func.lower(to).in_(sorted(wanted)), to.like("%+%")))
        .group_by(to)
    ).all()
    counts: dict[str, int] = {}
    for address, n in rows:
        key = rate_key(address)
        if key in wanted:
            counts[key] = counts.get(key, 0) + n
    return counts


def rate_limit_reason(settings: Settings, target: str, recent: int) -> str | None:
    limit = settings.service.autoreply_limit
    if recent >= limit:
        window = settings.service.autoreply_window_minutes
        return f"rate limit: {recent} automatic replies to {target} in the last {window} minutes"
    return None


def autoreply_refusal(session: Session, settings: Settings, email: InboundEmail) -> str | None:
    """Why we must not answer automatically, or None when an acknowledgement may go out."""
    refusal = static_refusal(settings, email)
    if refusal:
        return refusal
    target = reply_address(email)
    assert target is not None
    recent = recent_autoreplies(session, settings, [target]).get(rate_key(target), 0)
    return rate_limit_reason(settings, target, recent)
