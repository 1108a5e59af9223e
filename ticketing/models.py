"""The data model: SQLModel tables for customers, tickets, messages, attachments, raw
inbound mail, the audit trail, the outbox and mailbox cursors, and the desk's records:
vendor cases, disputes, invoices, collections notices and SLA breaches.

The schema itself is created and upgraded by Alembic (`ticketing/migrations`); these
classes are the single description both the code and the migrations start from.
Timestamps are timezone-aware UTC on every back end.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Status(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting on the customer
    ESCALATED = "escalated"  # waiting on the vendor
    RESOLVED = "resolved"
    CLOSED = "closed"


class Outcome(StrEnum):
    """What became of one raw inbound message (invariant 1)."""

    TICKET = "ticket"  # opened a new ticket
    FOLLOWUP = "followup"  # attached to an existing ticket
    HELD = "held"  # a follow-up from a non-participant, waiting for an agent
    IGNORED = "ignored"  # recorded but deliberately not a ticket (our own mail, bounce...)
    QUARANTINED = "quarantined"  # a stage failed; kept with its error for replay
    DISCARDED = "discarded"  # an agent discarded it from quarantine, with a reason
    RETRIED = "retried"  # replayed from quarantine; the new attempt is its own row


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Customer(SQLModel, table=True):
    __tablename__ = "customers"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    name: str = Field(default="", max_length=400)
    language: str | None = Field(default=None, max_length=8)
    account_status: str = Field(default="active", max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Ticket(SQLModel, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        # `tickets list --queue Q --status S`, newest first, must not scan the table.
        Index("ix_tickets_queue_status_updated", "queue", "status", "updated_at"),
        Index("ix_tickets_status_updated", "status", "updated_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    queue: str = Field(max_length=40, index=True)
    status: str = Field(default=Status.NEW.value, max_length=20)
    priority: str = Field(default="normal", max_length=20)
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    requester: str = Field(max_length=320, index=True)
    customer_id: int | None = Field(default=None, foreign_key="customers.id", index=True)
    assignee: str | None = Field(default=None, max_length=120, index=True)
    language: str = Field(default="en", max_length=8)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    routing: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    message_count: int = 0
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    # Set by `sla check` when a target is missed; `tickets list --sla-breached` filters on it.
    sla_breached: bool = Field(
        default=False, index=True, sa_column_kwargs={"server_default": false()}
    )
    # A merged ticket is closed and points at the ticket that absorbed it. No foreign key:
    # adding one to an existing SQLite table would mean rebuilding `tickets`.
    merged_into: int | None = Field(default=None, index=True)


class Participant(SQLModel, table=True):
    """Who may add to a ticket by email (invariant 7)."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("ticket_id", "email", name="uq_participant"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    email: str = Field(max_length=320, index=True)
    role: str = Field(default="requester", max_length=20)  # requester | cc | agent
    created_at: datetime = Field(default_factory=utcnow)


class RawMessage(SQLModel, table=True):
    """The bytes of every inbound message and what became of them (invariant 1)."""

    __tablename__ = "raw_messages"

    id: int | None = Field(default=None, primary_key=True)
    # Message-ID plus sender: the same mail fetched, delivered or imported twice, or sent
    # to several of our addresses, maps to one key, so a unique index makes it a no-op.
    dedupe_key: str = Field(max_length=1000, unique=True)
    sha256: str = Field(max_length=64, index=True)
    message_id: str = Field(default="", max_length=998, index=True)
    source: str = Field(max_length=40)  # imap | smtp | lmtp | cli
    mailbox: str | None = Field(default=None, max_length=120)
    uidvalidity: int | None = None
    uid: int | None = None
    size: int = 0
    data: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    blob: str | None = Field(default=None, max_length=64)  # sha256 in the blob store
    outcome: str = Field(max_length=20, index=True)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    envelope_from: str | None = Field(default=None, max_length=320)
    envelope_to: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    received_at: datetime = Field(default_factory=utcnow, index=True)


class Message(SQLModel, table=True):
    """One message in a ticket's conversation, inbound or outbound."""

    __tablename__ = "messages"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    raw_id: int | None = Field(default=None, foreign_key="raw_messages.id")
    outbox_id: int | None = Field(default=None, foreign_key="outbox.id")
    direction: str = Field(max_length=4)  # in | out
    message_id: str = Field(max_length=998, index=True)
    in_reply_to: str = Field(default="", sa_column=Column(Text, nullable=False))
    references: str = Field(default="", sa_column=Column(Text, nullable=False))
    from_addr: str = Field(default="", sa_column=Column(Text, nullable=False))
    to_addrs: str = Field(default="", sa_column=Column(Text, nullable=False))
    cc_addrs: str = Field(default="", sa_column=Column(Text, nullable=False))
    # The same addresses with the name and the addr-spec apart (ticketing.addresses:
    # `{"from": {"name", "email"} | null, "to": [...], "cc": [...]}`); null on rows
    # stored before migration 0007, whose text columns are read instead.
    addresses: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    new_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    html: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    language: str = Field(default="en", max_length=8)
    kind: str = Field(default="human", max_length=20)
    decodings: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class MessageReference(SQLModel, table=True):
    """One Message-ID an inbound message names in In-Reply-To or References, so that a
    mail arriving after a reply to it finds that reply's ticket (migration 0008)."""

    __tablename__ = "message_references"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="messages.id", index=True)
    referenced_id: str = Field(max_length=998, index=True)


class Attachment(SQLModel, table=True):
    __tablename__ = "attachments"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="messages.id", index=True)
    # The sender's name for it, for display only: bytes live in the blob store by sha256.
    filename: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    content_type: str = Field(default="application/octet-stream", max_length=255)
    size: int = 0
    sha256: str = Field(max_length=64, index=True)
    inline: bool = False
    content_id: str | None = Field(default=None, max_length=998)
    # Where in the mail: the MIME part number ("2.3", "1.uu1"); see ParsedAttachment.path.
    # NULL for attachments stored before migration 0006.
    path: str | None = Field(default=None, max_length=255)


class Event(SQLModel, table=True):
    """The audit trail: every change to a ticket and every decision about a message."""

    __tablename__ = "events"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    raw_id: int | None = Field(default=None, foreign_key="raw_messages.id", index=True)
    # Customer-level events (account status, imports, collections); no foreign key for
    # the same reason as Ticket.merged_into.
    customer_id: int | None = Field(default=None, index=True)
    kind: str = Field(max_length=40)
    actor: str = Field(default="system", max_length=120)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class OutboxMessage(SQLModel, table=True):
    """An outbound email, fully rendered when the change that causes it commits (invariant 4)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    message_id: str = Field(max_length=998, unique=True)
    template: str = Field(default="", max_length=80)
    auto: bool = False  # an automatic reply (rate limited per recipient, invariant 5)
    from_addr: str = Field(max_length=320)
    to_addrs: str = Field(sa_column=Column(Text, nullable=False))
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    status: str = Field(default=OutboxStatus.PENDING.value, max_length=20)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    claimed_by: str | None = Field(default=None, max_length=120)
    claimed_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow, index=True)
    sent_at: datetime | None = None


class MailboxCursor(SQLModel, table=True):
    """How far a mailbox folder has been ingested: never inferred from \\Seen (invariant 1)."""

    __tablename__ = "mailbox_cursors"

    mailbox: str = Field(primary_key=True, max_length=120)
    folder: str = Field(primary_key=True, max_length=400)
    uidvalidity: int = 0
    last_uid: int = 0
    # Flagging or moving happens after commit; a crash in between leaves UIDs up to
    # last_uid ingested but not post-processed, which the next poll finishes.
    processed_uid: int = 0
    last_poll_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    error_count: int = 0
    updated_at: datetime = Field(default_factory=utcnow)


class VendorStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class VendorCase(SQLModel, table=True):
    """A case opened with the vendor's partner support on the customer's behalf."""

    __tablename__ = "vendor_cases"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    case_number: str = Field(max_length=120, index=True)
    status: str = Field(default=VendorStatus.OPEN.value, max_length=20, index=True)
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    # The last time we heard from (or chased) the vendor: drives the stale-case reminder.
    updated_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None


class DisputeStatus(StrEnum):
    OPEN = "open"
    UPHELD = "upheld"  # the customer was right: full credit
    REJECTED = "rejected"  # the charge stands
    PARTIAL = "partial"  # partly right: a partial credit
    # Recorded again on the same ticket and invoice before at most one could be open;
    # migration 0005 kept the first open and marked the repeats so.
    DUPLICATE = "duplicate"


class Dispute(SQLModel, table=True):
    """What a customer contests: an invoice, an amount in minor units, and the outcome."""

    __tablename__ = "disputes"
    __table_args__ = (
        # At most one open dispute per ticket and invoice: a repeat would leave two
        # outcomes to record and collections held twice (migration 0005).
        Index(
            "uq_dispute_open",
            "ticket_id",
            "invoice",
            unique=True,
            sqlite_where=sql_text("status = 'open'"),
            postgresql_where=sql_text("status = 'open'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    invoice: str = Field(max_length=120, index=True)  # canonical (ticketing.invoiceno)
    # The desk's invoice it contests: what holds its collections. Null only for disputes
    # recorded before 0005 whose invoice was not imported.
    invoice_id: int | None = Field(default=None, foreign_key="invoices.id", index=True)
    amount_minor: int = Field(sa_column=Column(BigInteger, nullable=False))
    currency: str = Field(max_length=3)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default=DisputeStatus.OPEN.value, max_length=20, index=True)
    credit_minor: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None


class Invoice(SQLModel, table=True):
    """An invoice of a customer, as imported; collections notices are about these."""

    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("customer_id", "number", name="uq_invoice_number"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customers.id", index=True)
    number: str = Field(max_length=120)
    amount_minor: int = Field(sa_column=Column(BigInteger, nullable=False))
    currency: str = Field(max_length=3)
    due_date: date
    status: str = Field(default="open", max_length=20, index=True)  # open | paid
    # The collections ticket its notices thread into (created by the first notice).
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CollectionNotice(SQLModel, table=True):
    """One collections stage sent for one invoice: the unique key makes a rerun a no-op."""

    __tablename__ = "collection_notices"
    __table_args__ = (UniqueConstraint("invoice_id", "stage", name="uq_notice_stage"),)

    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoices.id", index=True)
    stage: str = Field(max_length=40)
    ticket_id: int = Field(foreign_key="tickets.id")
    outbox_id: int | None = Field(default=None, foreign_key="outbox.id")
    days_overdue: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class SlaBreach(SQLModel, table=True):
    """A missed SLA target; one row per ticket and kind, so `sla check` reports it once."""

    __tablename__ = "sla_breaches"
    __table_args__ = (UniqueConstraint("ticket_id", "kind", name="uq_sla_breach"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    kind: str = Field(max_length=20)  # first_response | resolution
    due_at: datetime
    detected_at: datetime = Field(default_factory=utcnow)
