"""The outbox: every outbound email is a row, rendered and given its Message-ID in the
same transaction as the change that causes it; a dispatcher sends the rows by SMTP
(or into a local Maildir) with retries and backoff, never twice (invariant 4)."""

from __future__ import annotations

import binascii
import contextlib
import logging
import mailbox
import random
import secrets
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from ticketing import replykeys
from ticketing.addresses import stored_json
from ticketing.config import Settings, SmtpSettings
from ticketing.errors import CompositionError, DeliveryError
from ticketing.models import Event, Message, OutboxMessage, OutboxStatus, Ticket, utcnow
from ticketing.oauth import OAuthError, TokenSource, sasl_response
from ticketing.outbound_files import OutboundFile, attachment_part
from ticketing.refs import format_ref
from ticketing.render import Rendered, Renderer
from ticketing.replytoken import new_message_id

log = logging.getLogger(__name__)

LOOP_HEADER = "X-Ticketing-Loop"
MAX_ATTEMPTS = 12
MAX_REFERENCES = 20


# RFC 2047: an encoded word is at most 75 characters and a line holding one at most 76.
_MAX_ENCODED_LINE = 76
_WORD_OVERHEAD = len("=?utf-8?b??=")


def _header_text(name: str, value: str) -> str:
    """One header value: RFC 2047 encoded (and folded) only when it is not ASCII."""
    value = " ".join(value.split())  # never a CR or LF from anyone's text
    if value.isascii():
        if len(value) + len(name) < 900:
            return value
        return Header(value, "utf-8", header_name=name).encode(linesep="\r\n")
    return _encoded_words(value, first_line_used=len(name) + 2)


def _encoded_words(value: str, first_line_used: int) -> str:
    """`value` as UTF-8 base64 encoded words, one per folded line, never splitting a
    character. The stdlib's Header does the same at about twenty times the cost, which
    mattered: every Japanese acknowledgement subject goes through here."""
    data = value.encode("utf-8")
    words: list[str] = []
    start, used = 0, first_line_used
    while start < len(data):
        # Whole base64 quads that fit on the line, as bytes of UTF-8.
        room = (_MAX_ENCODED_LINE - used - _WORD_OVERHEAD) // 4 * 3
        end = min(start + room, len(data))
        while end < len(data) and end > start and (data[end] & 0xC0) == 0x80:
            end -= 1  # back to the first byte of a character
        words.append(f"=?utf-8?b?{binascii.b2a_base64(data[start:end], newline=False).decode()}?=")
        start, used = end, 1  # continuation lines start with one space
    return "\r\n ".join(words)


def _qp(text: str) -> bytes:
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return binascii.b2a_qp(body.encode("utf-8"), istext=True).replace(b"\n", b"\r\n")


def _head(headers: Sequence[tuple[str, str]]) -> bytes:
    """The header block. Everything we write is ASCII except an internationalised
    address (RFC 6532), which goes as UTF-8: such a message needs an SMTPUTF8 relay,
    which `SmtpTransport` checks before sending it."""
    return "".join(f"{k}: {v}\r\n" for k, v in headers).encode("utf-8")


def needs_smtputf8(from_addr: str, to: Sequence[str], raw: bytes) -> bool:
    """Whether the envelope or the headers carry UTF-8 (RFC 6531/6532)."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    return not (from_addr.isascii() and all(a.isascii() for a in to) and head.isascii())


def compose(
    *,
    from_name: str,
    from_addr: str,
    to: Sequence[str],
    subject: str,
    text: str,
    html: str | None,
    message_id: str,
    in_reply_to: str | None,
    references: Sequence[str],
    auto: bool,
    loop_token: str,
    ticket_ref: str | None = None,
    cc: Sequence[str] = (),
    auto_submitted: str | None = None,
    attachments: Sequence[OutboundFile] = (),
) -> bytes:
    """The wire bytes of one outbound message (CRLF line endings, UTF-8 parts), with
    `attachments` as a multipart/mixed message around the text (and HTML).

    Built directly rather than through EmailMessage, which cost more than the whole
    rest of an acknowledgement: this is on the ingestion hot path.
    """
    headers: list[tuple[str, str]] = [
        ("From", formataddr((" ".join(from_name.split()), from_addr), charset="utf-8")),
        ("To", ", ".join(to)),
    ]
    if cc:
        headers.append(("Cc", ", ".join(cc)))
    headers += [
        ("Subject", _header_text("Subject", subject)),
        ("Date", format_datetime(utcnow())),
        ("Message-ID", f"<{message_id}>"),
    ]
    if in_reply_to:
        headers.append(("In-Reply-To", f"<{in_reply_to}>"))
    refs = list(dict.fromkeys(references))[-MAX_REFERENCES:]
    if refs:
        headers.append(("References", "\r\n ".join(f"<{r}>" for r in refs)))
    # RFC 3834: "auto-replied" answers a message; "auto-generated" is sent on our own
    # initiative (collections notices). Either way, no robot should answer it.
    submitted = auto_submitted or ("auto-replied" if auto else None)
    if submitted:
        headers.append(("Auto-Submitted", submitted))
    # Ask Exchange and friends not to answer us with out-of-office mail (loops).
    headers.append(("X-Auto-Response-Suppress", "All"))
    headers.append((LOOP_HEADER, loop_token))
    if ticket_ref:
        headers.append(("X-Ticketing-Ticket", ticket_ref))
    headers.append(("MIME-Version", "1.0"))
    body = (
        b'Content-Type: text/plain; charset="utf-8"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + _qp(text)
    )
    if html is not None:
        html_part = (
            b'Content-Type: text/html; charset="utf-8"\r\n'
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + _qp(html)
        )
        body = _multipart("alternative", [body, html_part])
    if attachments:
        body = _multipart("mixed", [body, *(attachment_part(f) for f in attachments)])
    return _head(headers) + body


def _multipart(kind: str, parts: Sequence[bytes]) -> bytes:
    """A multipart/`kind` part (its Content-Type header, a preamble, each part)."""
    boundary = "=_ticketing_" + secrets.token_hex(12)
    sep = f"\r\n--{boundary}\r\n".encode("ascii")
    return (
        f'Content-Type: multipart/{kind}; boundary="{boundary}"\r\n\r\n'.encode("ascii")
        + b"This is a multipart message in MIME format."
        + b"".join(sep + part for part in parts)
        + f"\r\n--{boundary}--\r\n".encode("ascii")
    )


@dataclass
class TicketMailContext:
    """What a template may use about a ticket; plain data, nothing lazy."""

    id: int
    ref: str
    subject: str
    queue: str
    status: str
    priority: str


class TicketLike(Protocol):
    """What rendering needs of a ticket: a stored Ticket, or a TicketView in bulk paths."""

    @property
    def id(self) -> int | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def queue(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def priority(self) -> str: ...
    @property
    def requester(self) -> str: ...
    @property
    def language(self) -> str: ...


@dataclass(frozen=True)
class TicketView:
    """A plain, cheap stand-in for a Ticket row that is being inserted set-wise."""

    id: int | None
    subject: str
    queue: str
    status: str
    priority: str
    requester: str
    language: str


def template_context(settings: Settings, ticket: TicketLike, **extra: Any) -> dict[str, Any]:
    assert ticket.id is not None
    ref = format_ref(settings.service.ticket_tag, ticket.id)
    base: dict[str, Any] = {
        "ticket": TicketMailContext(
            ticket.id, ref, ticket.subject, ticket.queue, ticket.status, ticket.priority
        ),
        "service": settings.service,
        "customer": {"name": extra.pop("customer_name", ""), "email": ticket.requester},
        "language": ticket.language,
        "agent": "",
        # The agent's text opens with its own salutation: the template leaves its out.
        "greeted": False,
    }
    base.update(extra)
    return base


@dataclass(frozen=True)
class PreparedMail:
    """An outbound message rendered and composed, before it becomes a row."""

    message_id: str
    template: str
    language: str
    subject: str
    text: str
    html: str
    raw: bytes


def prepare(
    settings: Settings,
    renderer: Renderer,
    *,
    ticket: TicketLike,
    template: str,
    to: Sequence[str],
    context: dict[str, Any],
    in_reply_to: str | None,
    references: Sequence[str],
    auto: bool,
    cc: Sequence[str] = (),
    auto_submitted: str | None = None,
    attachments: Sequence[OutboundFile] = (),
) -> PreparedMail:
    """Render `template` for `ticket` and compose it with a fresh signed Message-ID."""
    assert ticket.id is not None
    rendered = renderer.render(template, ticket.language, context, queue=ticket.queue)
    return _compose_ours(
        settings,
        rendered,
        ticket_id=ticket.id,
        to=to,
        cc=cc,
        in_reply_to=in_reply_to,
        references=references,
        auto=auto,
        auto_submitted=auto_submitted,
        attachments=attachments,
    )


def _compose_ours(
    settings: Settings,
    rendered: Rendered,
    *,
    ticket_id: int | None,
    to: Sequence[str],
    cc: Sequence[str] = (),
    in_reply_to: str | None,
    references: Sequence[str],
    auto: bool,
    auto_submitted: str | None = None,
    attachments: Sequence[OutboundFile] = (),
) -> PreparedMail:
    """A rendered message as we send it: our From, a new Message-ID, our loop header."""
    message_id = new_message_id(
        replykeys.load(settings).signing, settings.service.message_domain, ticket_id
    )
    try:
        raw = compose(
            from_name=settings.service.name,
            from_addr=settings.from_address,
            to=to,
            cc=cc,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            message_id=message_id,
            in_reply_to=in_reply_to,
            references=references,
            auto=auto,
            loop_token=settings.service.message_domain,
            ticket_ref=format_ref(settings.service.ticket_tag, ticket_id) if ticket_id else None,
            auto_submitted=auto_submitted,
            attachments=attachments,
        )
    except (UnicodeError, ValueError) as exc:
        raise CompositionError(f"cannot compose {rendered.name} to {', '.join(to)}: {exc}") from exc
    return PreparedMail(
        message_id,
        rendered.name,
        rendered.language,
        rendered.subject,
        rendered.text,
        rendered.html,
        raw,
    )


def enqueue(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    *,
    ticket: Ticket,
    template: str,
    to: Sequence[str],
    context: dict[str, Any],
    in_reply_to: str | None,
    references: Sequence[str],
    auto: bool,
    actor: str = "system",
    cc: Sequence[str] = (),
    auto_submitted: str | None = None,
    bcc: Sequence[str] = (),
    attachments: Sequence[OutboundFile] = (),
) -> OutboxMessage:
    """Render `template` for `ticket` and add it to the outbox and the conversation.
    `bcc` addresses get the mail through the envelope only: no header names them.
    `attachments` go into the message and, as attachment rows with their bytes in the
    blob store, onto the conversation's copy of it.

    The caller's transaction commits it together with whatever caused it.
    """
    assert ticket.id is not None
    mail = prepare(
        settings,
        renderer,
        ticket=ticket,
        template=template,
        to=to,
        context=context,
        in_reply_to=in_reply_to,
        references=references,
        auto=auto,
        cc=cc,
        auto_submitted=auto_submitted,
        attachments=attachments,
    )
    message_id, raw = mail.message_id, mail.raw
    row = OutboxMessage(
        ticket_id=ticket.id,
        message_id=message_id,
        template=mail.template,
        auto=auto,
        from_addr=settings.from_address,
        to_addrs=", ".join(dict.fromkeys([*to, *cc, *bcc])),
        subject=mail.subject,
        raw=raw,
    )
    session.add(row)
    session.flush()
    conversation = Message(
        ticket_id=ticket.id,
        outbox_id=row.id,
        direction="out",
        message_id=message_id,
        in_reply_to=in_reply_to or "",
        references=" ".join(references),
        from_addr=settings.from_address,
        to_addrs=", ".join(to),
        cc_addrs=", ".join(cc),
        addresses=stored_json(
            ("", settings.from_address), [("", a) for a in to], [("", a) for a in cc]
        ),
        subject=mail.subject,
        text=mail.text,
        new_text=mail.text,
        html=mail.html,
        language=mail.language,
        kind="auto-reply" if auto else "human",
    )
    session.add(conversation)
    if attachments:
        _keep_attachments(session, settings, conversation, attachments)
    ticket.message_count += 1
    session.add(
        Event(
            ticket_id=ticket.id,
            kind="outbox.queued",
            actor=actor,
            detail={
                "outbox_id": row.id,
                "template": mail.template,
                "language": mail.language,
                "to": list(to),
                "message_id": message_id,
                **({"bcc": list(bcc)} if bcc else {}),
                **({"attachments": [f.filename for f in attachments]} if attachments else {}),
            },
        )
    )
    return row


def _keep_attachments(
    session: Session, settings: Settings, message: Message, files: Sequence[OutboundFile]
) -> None:
    """Each file into the blob store and as an attachment row of our copy of the mail
    (part numbers as a reader sees them: 2, 3, ... after the text)."""
    from ticketing.blobstore import BlobStore
    from ticketing.models import Attachment

    session.flush()  # the message's id
    assert message.id is not None
    store = BlobStore(settings.path(settings.service.attachments_dir))
    for number, file in enumerate(files, start=2):
        session.add(
            Attachment(
                message_pk=message.id,
                filename=file.filename,
                content_type=file.content_type,
                size=len(file.data),
                sha256=store.put(file.data),
                path=str(number),
            )
        )


# --- delivery -------------------------------------------------------------------------


class Transport(Protocol):
    def send(self, from_addr: str, to: Sequence[str], raw: bytes) -> None: ...

    def close(self) -> None: ...


def _ssl_context(ca_file: str, verify: bool) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file or None)
    if not verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


class SmtpTransport:
    """One SMTP connection reused for many messages; reconnects when it drops."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._conn: smtplib.SMTP | None = None
        self._tokens: TokenSource | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        try:
            conn: smtplib.SMTP
            if s.security == "tls":
                conn = smtplib.SMTP_SSL(
                    s.host,
                    s.port,
                    timeout=s.timeout,
                    context=_ssl_context(s.ca_file, s.verify_certificate),
                )
            else:
                conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                if s.security == "starttls":
                    conn.starttls(context=_ssl_context(s.ca_file, s.verify_certificate))
            if s.auth == "oauth2":
                self._oauth2_login(conn)
            elif s.username:
                conn.login(s.username, s.login_password())
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(
                f"cannot connect to {s.host}:{s.port}: {exc}", permanent=False, unreachable=True
            ) from exc
        return conn

    def _oauth2_login(self, conn: smtplib.SMTP) -> None:
        """AUTH XOAUTH2 / OAUTHBEARER; a refused token is replaced once by a fresh one."""
        s = self.settings
        assert s.oauth2 is not None  # the loader insists on the table
        if self._tokens is None:
            self._tokens = TokenSource(s.oauth2, subject=s.username)
        mechanism = s.oauth2.mechanism
        conn.ehlo_or_helo_if_needed()
        refused = ""
        for attempt in (1, 2):
            try:
                token = self._tokens.token(refused=refused)
            except OAuthError as exc:
                conn.close()
                raise DeliveryError(
                    f"[smtp] no OAuth2 token: {exc}", permanent=False, unreachable=True
                ) from exc
            initial = sasl_response(mechanism, s.username, token, s.host, s.port)

            def answer(challenge: bytes | None = None, first: str = initial) -> str:
                # A challenge after the token carries the server's error (RFC 7628
                # 3.2.3); the client ends the exchange with an empty or ^A line.
                if challenge is None:
                    return first
                return "\x01" if mechanism == "oauthbearer" else ""

            try:
                conn.auth(mechanism.upper(), answer)
                return
            except smtplib.SMTPAuthenticationError:
                if attempt == 2:
                    raise
                refused = token

    def check(self) -> None:
        """Connect, log in and say goodbye: DeliveryError naming the setting when that fails."""
        s = self.settings
        try:
            conn = self._connect()
        except DeliveryError as exc:
            cause = exc.__cause__
            if isinstance(cause, ssl.SSLCertVerificationError):
                trusted = f"the CA file {s.ca_file}" if s.ca_file else "the system's CAs"
                raise DeliveryError(
                    f"[smtp] the TLS certificate of {s.host}:{s.port} did not verify against "
                    f"{trusted}: {cause.verify_message or cause.reason} (set [smtp] ca_file to "
                    "the CA that signed it; verify_certificate = false only for a lab server)",
                    permanent=False,
                ) from cause
            if isinstance(cause, smtplib.SMTPAuthenticationError):
                fix = (
                    "check [smtp] username and the scope and permissions in [smtp.oauth2]"
                    if s.auth == "oauth2"
                    else "check [smtp] username and password_env / password_file"
                )
                raise DeliveryError(
                    f"[smtp] login as {s.username} at {s.host}:{s.port} failed: "
                    f"{cause.smtp_code} ({fix})",
                    permanent=False,
                ) from cause
            if isinstance(cause, OAuthError):
                raise DeliveryError(str(exc), permanent=False) from cause
            raise DeliveryError(
                f"[smtp] {exc} (check [smtp] host, port and security)", permanent=False
            ) from cause
        with contextlib.suppress(OSError, smtplib.SMTPException):
            conn.quit()

    def send(self, from_addr: str, to: Sequence[str], raw: bytes) -> None:
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = self._connect()
            try:
                refused = self._conn.sendmail(
                    from_addr, list(to), raw, mail_options=self._options(from_addr, to, raw)
                )
            except smtplib.SMTPServerDisconnected as exc:
                self._conn = None
                if attempt == 2:
                    raise DeliveryError(
                        f"server disconnected: {exc}", permanent=False, unreachable=True
                    ) from exc
                continue  # a reused connection may have timed out on the server: retry once
            except smtplib.SMTPRecipientsRefused as exc:
                codes = [code for code, _ in exc.recipients.values()]
                raise DeliveryError(
                    f"all recipients refused: {exc.recipients}",
                    permanent=all(c >= 500 for c in codes),
                ) from exc
            except smtplib.SMTPResponseException as exc:
                self._reset()
                reply = exc.smtp_error
                text = (
                    reply.decode(errors="backslashreplace") if isinstance(reply, bytes) else reply
                )
                raise DeliveryError(
                    f"{exc.smtp_code} {text}",
                    permanent=exc.smtp_code >= 500,
                ) from exc
            except (OSError, smtplib.SMTPException) as exc:
                self.close()
                raise DeliveryError(
                    f"network error: {exc}", permanent=False, unreachable=True
                ) from exc
            if refused:
                log.warning("some recipients refused: %s", refused)
            return

    def _options(self, from_addr: str, to: Sequence[str], raw: bytes) -> list[str]:
        """["SMTPUTF8"] for a message that needs it; a relay that does not offer it
        cannot take the message at all (permanent: retrying will not change that)."""
        if not needs_smtputf8(from_addr, to, raw):
            return []
        assert self._conn is not None
        self._conn.ehlo_or_helo_if_needed()
        if not self._conn.has_extn("smtputf8"):
            raise DeliveryError(
                f"the relay {self.settings.host}:{self.settings.port} does not offer SMTPUTF8,"
                f" needed for the internationalised address {', '.join(to)}: not sent",
                permanent=True,
            )
        return ["SMTPUTF8"]

    def _reset(self) -> None:
        try:
            if self._conn is not None:
                self._conn.rset()
        except (OSError, smtplib.SMTPException):
            self.close()

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (OSError, smtplib.SMTPException):
                self._conn.close()
            self._conn = None


class MaildirTransport:
    """Outbound mail into a local Maildir: the embedded default without a relay."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._box: mailbox.Maildir | None = None

    def send(self, from_addr: str, to: Sequence[str], raw: bytes) -> None:
        if self._box is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Maildir(create=True) makes tmp/new/cur only when the folder is new.
            for sub in ("tmp", "new", "cur"):
                (self.path / sub).mkdir(parents=True, exist_ok=True)
            self._box = mailbox.Maildir(str(self.path), create=False)
        envelope = f"Return-Path: <{from_addr}>\r\nDelivered-To: {', '.join(to)}\r\n".encode()
        try:
            self._box.add(envelope + raw)
        except OSError as exc:
            raise DeliveryError(
                f"cannot write to Maildir {self.path}: {exc}", permanent=False
            ) from exc

    def close(self) -> None:
        self._box = None


def make_dispatcher(engine: Engine, settings: Settings, worker_id: str | None = None) -> Dispatcher:
    return Dispatcher(
        engine,
        make_transport(settings),
        worker_id,
        retry_seconds=settings.service.outbox_retry_seconds,
        max_attempts=settings.service.outbox_max_attempts,
        claim_seconds=settings.service.outbox_claim_seconds,
    )


def make_transport(settings: Settings) -> Transport:
    if settings.smtp is not None:
        return SmtpTransport(settings.smtp)
    return MaildirTransport(settings.path(settings.service.maildir))


@dataclass
class DispatchReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def backoff(attempts: int, first: float = 30.0) -> timedelta:
    """Exponential backoff with jitter: 30 s, 1 min, 2 min... capped at one hour."""
    base = min(first * 2 ** max(attempts - 1, 0), 3600)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


class Dispatcher:
    """Claims pending outbox rows, sends them, marks them; safe with several workers."""

    def __init__(
        self,
        engine: Engine,
        transport: Transport,
        worker_id: str | None = None,
        *,
        retry_seconds: float = 30.0,
        max_attempts: int = MAX_ATTEMPTS,
        claim_seconds: float = 300.0,
    ) -> None:
        self.engine = engine
        self.transport = transport
        self.retry_seconds = retry_seconds
        self.max_attempts = max_attempts
        self.claim_lease = timedelta(seconds=claim_seconds)
        self.worker_id = worker_id or f"{socket.gethostname()}:{id(self):x}"

    def claim(self, limit: int) -> list[OutboxMessage]:
        now = utcnow()
        with Session(self.engine, expire_on_commit=False) as session:
            # A claim whose lease ran out belongs to a worker that died: the message
            # may or may not have left, so it is sent again with the same Message-ID.
            session.execute(
                update(OutboxMessage)
                .where(col(OutboxMessage.status) == OutboxStatus.SENDING.value)
                .where(col(OutboxMessage.claimed_until) < now)
                .values(status=OutboxStatus.PENDING.value, claimed_by=None, claimed_until=None)
            )
            query = (
                select(col(OutboxMessage.id))
                .where(col(OutboxMessage.status) == OutboxStatus.PENDING.value)
                .where(col(OutboxMessage.next_attempt_at) <= now)
                .order_by(col(OutboxMessage.id))
                .limit(limit)
            )
            if self.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            ids = list(session.execute(query).scalars())
            if not ids:
                session.commit()
                return []
            session.execute(
                update(OutboxMessage)
                .where(col(OutboxMessage.id).in_(ids))
                .where(col(OutboxMessage.status) == OutboxStatus.PENDING.value)
                .values(
                    status=OutboxStatus.SENDING.value,
                    claimed_by=self.worker_id,
                    claimed_until=now + self.claim_lease,
                )
            )
            session.commit()
            rows = session.execute(
                select(OutboxMessage)
                .where(col(OutboxMessage.id).in_(ids))
                .where(col(OutboxMessage.claimed_by) == self.worker_id)
                .where(col(OutboxMessage.status) == OutboxStatus.SENDING.value)
                .order_by(col(OutboxMessage.id))
            ).scalars()
            return list(rows)

    def run_once(self, limit: int = 200) -> DispatchReport:
        report = DispatchReport()
        claimed = self.claim(limit)
        for index, row in enumerate(claimed):
            recipients = [a.strip() for a in row.to_addrs.split(",") if a.strip()]
            try:
                self.transport.send(row.from_addr, recipients, row.raw)
            except DeliveryError as exc:
                self._record_failure(row, exc, report)
                if exc.unreachable:
                    # The relay is unreachable: the rest would fail the same way.
                    self._release([r.id for r in claimed[index + 1 :] if r.id is not None])
                    break
                continue
            self._mark_sent(row)
            report.sent += 1
        return report

    # Marking a message sent happens once per message, right after the relay took it
    # (so a crash resends at most that one): statements built once, no ORM unit of work.
    _SENT = (
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == bindparam("outbox_id"))
        .values(
            status=OutboxStatus.SENT.value,
            sent_at=bindparam("now"),
            attempts=OutboxMessage.attempts + 1,
            claimed_by=None,
            claimed_until=None,
            last_error=None,
        )
    )
    _EVENT = insert(Event.__table__)  # type: ignore[attr-defined]

    def _mark_sent(self, row: OutboxMessage) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(self._SENT, {"outbox_id": row.id, "now": now})
            if row.ticket_id is not None:
                conn.execute(
                    self._EVENT,
                    {
                        "ticket_id": row.ticket_id,
                        "kind": "outbox.sent",
                        "actor": "system",
                        "detail": {"outbox_id": row.id, "message_id": row.message_id},
                        "created_at": now,
                    },
                )
        log.info(
            "sent outbox message %s", row.id, extra={"ticket": row.ticket_id, "outbox": row.id}
        )

    def _record_failure(
        self, row: OutboxMessage, exc: DeliveryError, report: DispatchReport
    ) -> None:
        attempts = row.attempts + 1
        permanent = exc.permanent or attempts >= self.max_attempts
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_error": str(exc),
            "claimed_by": None,
            "claimed_until": None,
        }
        if permanent:
            values["status"] = OutboxStatus.FAILED.value
            report.failed += 1
        else:
            values["status"] = OutboxStatus.PENDING.value
            values["next_attempt_at"] = utcnow() + backoff(attempts, self.retry_seconds)
            report.retried += 1
        report.errors.append(f"outbox {row.id}: {exc}")
        with Session(self.engine) as session:
            session.execute(
                update(OutboxMessage).where(col(OutboxMessage.id) == row.id).values(**values)
            )
            if row.ticket_id is not None:
                session.add(
                    Event(
                        ticket_id=row.ticket_id,
                        kind="outbox.failed" if permanent else "outbox.retry",
                        detail={"outbox_id": row.id, "error": str(exc), "attempts": attempts},
                    )
                )
            session.commit()
        log.warning(
            "outbox message %s %s: %s", row.id, "failed" if permanent else "will retry", exc
        )

    def _release(self, ids: list[int]) -> None:
        if not ids:
            return
        with Session(self.engine) as session:
            session.execute(
                update(OutboxMessage)
                .where(col(OutboxMessage.id).in_(ids))
                .where(col(OutboxMessage.claimed_by) == self.worker_id)
                .values(status=OutboxStatus.PENDING.value, claimed_by=None, claimed_until=None)
            )
            session.commit()


def enqueue_notice(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    *,
    template: str,
    language: str,
    to: str,
    context: dict[str, Any],
    in_reply_to: str | None,
    references: Sequence[str],
) -> OutboxMessage:
    """An automatic notice that belongs to no ticket (e.g. "your mail was too large")."""
    rendered = renderer.render(template, language, {"service": settings.service, **context})
    mail = _compose_ours(
        settings,
        rendered,
        ticket_id=None,
        to=[to],
        in_reply_to=in_reply_to,
        references=references,
        auto=True,
    )
    row = OutboxMessage(
        message_id=mail.message_id,
        template=mail.template,
        auto=True,
        from_addr=settings.from_address,
        to_addrs=to,
        subject=mail.subject,
        raw=mail.raw,
    )
    session.add(row)
    return row
