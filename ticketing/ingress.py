"""The embedded SMTP (or LMTP) ingress: an aiosmtpd listener that hands each message to
the pipeline and answers 250 only after it committed.

451 when the database is unavailable (the client retries later, nothing is lost), 552
over the size limit (aiosmtpd enforces it from `data_size_limit`). Only the desk's own
addresses (`local+tag@domain` included) receive mail: another recipient at our domains
gets 550 5.1.1, one elsewhere 550 5.7.1. Only clients in `[ingress] allow_from` may
deliver without AUTH; the others must authenticate (after STARTTLS when a certificate
is configured), and a connection is closed after `AUTH_MAX_FAILURES` wrong credentials.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import ipaddress
import logging
import ssl
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword, syntax
from sqlalchemy.exc import OperationalError

from ticketing.config import Settings
from ticketing.errors import ConfigError
from ticketing.pipeline import DUPLICATE, Pipeline, RawItem

log = logging.getLogger(__name__)

# Wrong credentials allowed per connection; the last one is answered 421 and the
# connection closed, so guessing costs a new connection (and a log line) every few tries.
AUTH_MAX_FAILURES = 3
TOO_MANY_FAILURES = "421 4.7.0 Too many failed authentication attempts, closing connection"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def desk_address(address: str, desk: frozenset[str]) -> bool:
    """Whether `address` is one of the desk's (lower-cased) addresses, or one of them
    with a `+tag` after its local part."""
    local, _, domain = address.rpartition("@")
    domain = domain.lower()
    if f"{local}@{domain}".lower() in desk:
        return True
    return any(
        f"{local[:i]}@{domain}".lower() in desk for i, c in enumerate(local) if c == "+" and i
    )


def client_allowed(peer: Any, networks: tuple[Network, ...]) -> bool:
    """Whether the client at `peer` (aiosmtpd's peername tuple) is in `networks`."""
    host = peer[0] if isinstance(peer, tuple) and peer else peer
    try:
        ip = ipaddress.ip_address(str(host))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # a dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d
    return any(ip in net for net in networks)


class IngressHandler:
    """aiosmtpd handler; its hooks follow aiosmtpd's `handle_<VERB>` convention."""

    def __init__(
        self, pipeline: Pipeline, settings: Settings, lmtp: bool = False, password: str = ""
    ) -> None:
        self.pipeline = pipeline
        self.settings = settings
        self.source = "lmtp" if lmtp else "smtp"
        ing = settings.ingress
        self.desk = settings.own_addresses
        desk_domains = {a.rpartition("@")[2] for a in self.desk}
        self.domains = {d.lower() for d in ing.recipient_domains} or desk_domains
        self.networks = tuple(ipaddress.ip_network(n) for n in ing.allow_from)
        self.username = ing.auth_username.encode("utf-8")
        self.password = password.encode("utf-8")
        if self.username and not self.password:
            raise ConfigError("ingress.auth_username is set but the AUTH password is empty")

    def refusal(self, session: Any) -> str | None:
        """Why this client may not deliver (an SMTP reply), or None."""
        if session.authenticated or client_allowed(session.peer, self.networks):
            return None
        if self.username:
            return "530 5.7.0 Authentication required"
        host = session.peer[0] if isinstance(session.peer, tuple) else session.peer
        log.info("ingress: refused %s: not in [ingress] allow_from and no AUTH configured", host)
        return f"550 5.7.1 Client host {host} may not send mail here"

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        if self.username:
            return responses
        # Without credentials nobody can authenticate: do not advertise AUTH at all.
        return [r for r in responses if not r.startswith("250-AUTH")]

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, mail_options: list[str]
    ) -> str:
        refusal = self.refusal(session)
        if refusal:
            return refusal
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        refusal = self.refusal(session)
        if refusal:
            return refusal
        domain = address.rpartition("@")[2].lower()
        if domain not in self.domains:
            return f"550 5.7.1 relaying denied: we accept mail for {', '.join(sorted(self.domains))} only"
        if not desk_address(address, self.desk):
            return f"550 5.1.1 <{address}>: no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        """aiosmtpd's authenticator: the configured username and password, compared in
        constant time; every wrong pair counts against the connection."""
        if isinstance(auth_data, LoginPassword):
            # Both comparisons always run, so the timing tells nothing about which failed.
            user_ok = hmac.compare_digest(auth_data.login, self.username)
            password_ok = hmac.compare_digest(auth_data.password, self.password)
            if user_ok and password_ok and self.username:
                return AuthResult(
                    success=True, auth_data=auth_data.login.decode("utf-8", "replace")
                )
        server.auth_failures += 1
        host = session.peer[0] if isinstance(session.peer, tuple) else session.peer
        log.warning(
            "ingress: failed AUTH %s from %s (%d of %d)",
            mechanism,
            host,
            server.auth_failures,
            AUTH_MAX_FAILURES,
        )
        if server.auth_failures >= AUTH_MAX_FAILURES:
            return AuthResult(success=False, handled=False, message=TOO_MANY_FAILURES)
        return AuthResult(success=False, handled=False)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        refusal = self.refusal(session)
        if refusal:
            return refusal
        data = envelope.original_content or envelope.content
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
        item = RawItem(
            data=raw,
            source=self.source,
            mailbox="ingress",
            envelope_from=envelope.mail_from or "",
            envelope_to=tuple(envelope.rcpt_tos),
            queue=self.settings.ingress.queue,
        )
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(None, self.pipeline.ingest, item)
        except OperationalError as exc:
            log.error("ingress: database unavailable: %s", exc)
            return "451 4.3.0 temporary failure storing the message, try again later"
        except Exception:  # the outermost guard of the listener: the client retries
            log.exception("ingress: failed to store a message")
            return "451 4.3.0 temporary failure storing the message, try again later"
        if result.outcome == DUPLICATE:
            return "250 2.0.0 OK: already received"
        ref = f" ticket {result.ticket_id}" if result.ticket_id else ""
        return f"250 2.0.0 OK: {result.outcome}{ref}"


class IngressSMTP(SMTP):
    """aiosmtpd's SMTP, closing the connection once AUTH failed too often."""

    auth_failures = 0  # per connection: aiosmtpd makes one instance per client

    @syntax("AUTH <mechanism>")
    async def smtp_AUTH(self, arg: str) -> None:
        await super().smtp_AUTH(arg)
        if self.auth_failures >= AUTH_MAX_FAILURES:
            # As smtp_QUIT does, after the reply (421, from the authenticator) went out.
            if self._handler_coroutine is not None:
                self._handler_coroutine.cancel()
            if self.transport is not None:
                self.transport.close()


class IngressLMTP(LMTP, IngressSMTP):
    """The same, speaking LMTP."""


def access_summary(settings: Settings) -> str:
    """Who may deliver, for the operator's start-up line."""
    ing = settings.ingress
    parts = [f"without AUTH from {', '.join(ing.allow_from) or 'nowhere'}"]
    if ing.auth_username:
        parts.append("AUTH after STARTTLS" if ing.tls_cert else "AUTH in clear (no tls_cert)")
    elif ing.tls_cert:
        parts.append("STARTTLS")
    return "; ".join(parts)


def tls_context(settings: Settings) -> ssl.SSLContext | None:
    """The server context for STARTTLS, or None without `tls_cert`; a ConfigError naming
    the key when a file is missing or does not load."""
    ing = settings.ingress
    where = f"{settings.source}: " if settings.source else ""
    if not ing.tls_cert and not ing.tls_key:
        return None
    files = {}
    for key in ("tls_cert", "tls_key"):
        value = getattr(ing, key)
        if not value:
            raise ConfigError(f"{where}ingress.{key}: tls_cert and tls_key go together")
        path = settings.path(value)
        if not path.is_file():
            raise ConfigError(f"{where}ingress.{key}: no such file: {path}")
        files[key] = path
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(str(files["tls_cert"]), str(files["tls_key"]))
    except (ssl.SSLError, OSError) as exc:
        raise ConfigError(
            f"{where}ingress.tls_cert: cannot load {files['tls_cert']} with the key "
            f"{files['tls_key']}: {exc}"
        ) from exc
    return context


def listen_problem(settings: Settings) -> str | None:
    """What stops the ingress from starting, found without listening: the certificate
    and the AUTH password (each error names its key); None when they are fine."""
    ing = settings.ingress
    try:
        tls_context(settings)
        if ing.auth_username:
            ing.auth_password(settings.base_dir)
    except ConfigError as exc:
        return str(exc)
    return None


def listen_error(settings: Settings, exc: OSError) -> str:
    """`exc` from binding [ingress] listen, said as what to change."""
    listen = settings.ingress.listen
    if exc.errno == errno.EADDRINUSE:
        return (
            f"[ingress] listen = {listen!r}: the address is already in use (another "
            "`ticketing serve`, or a mail server on that port): stop it or change [ingress] listen"
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return (
            f"[ingress] listen = {listen!r}: no interface of this machine has that address: "
            "change [ingress] listen"
        )
    if exc.errno == errno.EACCES:
        return (
            f"[ingress] listen = {listen!r}: this user may not listen on that port (below "
            "1024 needs privileges): use a port above 1024 and let the MTA hand mail over"
        )
    return f"[ingress] listen = {listen!r}: cannot listen: {exc.strerror or exc}"


def start_listener(pipeline: Pipeline, settings: Settings) -> Any:
    """Start the ingress in a background thread; returns the aiosmtpd controller.

    A missing certificate or AUTH password is a ConfigError here, before anything listens.
    """
    host_port = settings.ingress.host_port
    if host_port is None:
        raise ValueError("ingress is disabled (ingress.listen is empty)")
    host, port = host_port
    ing = settings.ingress
    context = tls_context(settings)
    password = ing.auth_password(settings.base_dir) if ing.auth_username else ""
    handler = IngressHandler(pipeline, settings, lmtp=ing.lmtp, password=password)
    limit = settings.service.max_message_bytes
    server_class = IngressLMTP if ing.lmtp else IngressSMTP

    class _Controller(Controller):
        def factory(self) -> Any:
            return server_class(
                self.handler,
                data_size_limit=limit,
                enable_SMTPUTF8=True,
                decode_data=False,
                hostname=settings.service.message_domain,
                ident="ticketing ingress",
                tls_context=context,
                require_starttls=ing.require_starttls and context is not None,
                # With a certificate, credentials never cross the network in clear.
                auth_require_tls=context is not None,
                authenticator=handler.authenticate if ing.auth_username else None,
                # Without a username there is nothing to log in to (nor any AUTH in EHLO).
                auth_exclude_mechanism=() if ing.auth_username else ("LOGIN", "PLAIN"),
            )

    controller = _Controller(handler, hostname=host, port=port)
    try:
        controller.start()
    except OSError as exc:
        # The listener thread gave up without closing its event loop: close it here.
        thread = getattr(controller, "_thread", None)
        if thread is not None:
            thread.join(timeout=5)
        controller.loop.close()
        raise ConfigError(listen_error(settings, exc)) from exc
    return controller
