"""The parsed form of one inbound email: frozen dataclasses that `parse` produces
and every later stage (threading, loop detection, routing, storage) only reads.

Nothing here touches the database or the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from ticketing.addresses import format_address


class MailKind(StrEnum):
    """What sent the mail, as far as loop protection cares (invariant 5)."""

    HUMAN = "human"
    AUTO_REPLY = "auto-reply"  # out-of-office, vacation, RFC 3834 auto-replied
    BULK = "bulk"  # lists, newsletters, Precedence: bulk/junk/list
    BOUNCE = "bounce"  # DSN, null sender, mailer-daemon


@dataclass(frozen=True)
class ParseLimits:
    """How much of one mail `parse_email` unpacks ([service] max_parts, max_part_bytes).

    Beyond them the mail is still parsed and stored, its raw bytes whole; what was not
    unpacked is listed in `InboundEmail.limited` for a note on the ticket."""

    max_parts: int = 500  # MIME parts, the message and its multipart containers included
    max_part_bytes: int = 25 * 1024 * 1024  # decoded size of one part


@dataclass(frozen=True)
class Address:
    """One mailbox: display name decoded to text, addr-spec lower-cased."""

    name: str
    email: str

    def __str__(self) -> str:
        # Quoted where it must be: `"Doe, Jane" <j@x>` re-parses as one address.
        return format_address(self.name, self.email)


@dataclass(frozen=True)
class ParsedAttachment:
    """A MIME leaf that is not the body text, at any depth (inside forwarded messages
    too), or a file uuencoded in a text part.

    `filename` is the sender's name for it, decoded (RFC 2231/2047) and reduced to a safe
    base name (`ticketing.filenames`), or one made from the MIME type when the sender gave
    none (`attachment-1.pdf`); it is only ever shown, never used to build a path: the bytes
    are stored by their sha256.

    `path` is where it sits in the mail: its MIME part number as IMAP numbers parts
    (RFC 9051 6.4.5: "2" the mail's second part, "2.3" the third part of the message
    forwarded as part 2, "1" the body of a mail that is not multipart); a file uuencoded
    in text part N is "N.uu1", "N.uu2"... ("" for attachments parsed before paths were kept).
    """

    filename: str | None
    content_type: str
    data: bytes
    sha256: str
    inline: bool  # Content-Disposition inline with a Content-ID (e.g. an image in HTML)
    content_id: str | None = None
    # For message/rfc822 parts: the forwarded mail's decoded text, so agents and rules reach it.
    text: str | None = None
    path: str = ""

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class InboundEmail:
    """Everything later stages need to know about one raw message."""

    raw_sha256: str
    size: int
    message_id: str  # without angle brackets; synthetic when the mail has none
    message_id_synthetic: bool
    in_reply_to: tuple[str, ...]  # ids without angle brackets
    references: tuple[str, ...]
    subject: str  # RFC 2047 decoded, whitespace normalised
    from_addr: Address | None
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    return_path: str | None  # "" for the null sender <>, None when absent
    date: datetime | None
    # Every header as (name lower-cased, decoded value), in order, duplicates kept.
    headers: tuple[tuple[str, str], ...]
    text: str  # the full body as text (from text/plain, else converted from HTML)
    html: str | None  # sanitised HTML when the mail had an HTML body
    new_text: str  # `text` with quoted history and signature trimmed
    language: str  # "ja" or "en"
    attachments: tuple[ParsedAttachment, ...]
    kind: MailKind
    kind_reason: str  # why `kind` was chosen, e.g. "Auto-Submitted: auto-replied"
    # How each text part was decoded, e.g. "text/plain: declared shift_jis, decoded as cp932".
    decodings: tuple[str, ...] = ()
    defects: tuple[str, ...] = ()  # what was wrong with the MIME and was worked around
    # What the parse limits kept from being unpacked, one note each ("2,003 MIME parts:
    # the first 500 unpacked ..."); the raw message still holds it.
    limited: tuple[str, ...] = ()
    # For a bounce (DSN): the Message-IDs of the original messages it reports on.
    bounced_message_ids: tuple[str, ...] = ()
    # Set when the message cannot be turned into a ticket at all (e.g. no usable sender);
    # the pipeline quarantines it with this reason.
    fatal: str | None = None
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if key == wanted]

    @property
    def sender_email(self) -> str | None:
        return self.from_addr.email if self.from_addr else None

    @property
    def all_message_ids_referenced(self) -> tuple[str, ...]:
        """In-Reply-To first, then References newest first: the order to try for threading."""
        seen: list[str] = []
        for mid in (*self.in_reply_to, *reversed(self.references)):
            if mid not in seen:
                seen.append(mid)
        return tuple(seen)
