"""The embedded SMTP (or LMTP) ingress: an aiosmtpd listener that hands each message to
the pipeline and answers 250 only after it committed.

451 when the database is unavailable (the client retries later, nothing is lost), 552
over the size limit (aiosmtpd enforces it from `data_size_limit`), 550 for recipients
outside our domains.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any

from sqlalchemy.exc import OperationalError

from ticketing.config import Settings
from ticketing.pipeline import DUPLICATE, Pipeline, RawItem

log = logging.getLogger(__name__)


class IngressHandler:
    """aiosmtpd handler; its hooks follow aiosmtpd's `handle_<VERB>` convention."""

    def __init__(self, pipeline: Pipeline, settings: Settings, lmtp: bool = False) -> None:
        self.pipeline = pipeline
        self.settings = settings
        self.source = "lmtp" if lmtp else "smtp"
        own_domains = {a.rpartition("@")[2] for a in settings.service.own_addresses}
        self.domains = {d.lower() for d in settings.ingress.recipient_domains} or own_domains

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        domain = address.rpartition("@")[2].lower()
        if domain not in self.domains:
            return f"550 5.7.1 relaying denied: we accept mail for {', '.join(sorted(self.domains))} only"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
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


def start_listener(pipeline: Pipeline, settings: Settings) -> Any:
    """Start the ingress in a background thread; returns the aiosmtpd controller."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.lmtp import LMTP
    from aiosmtpd.smtp import SMTP

    host_port = settings.ingress.host_port
    if host_port is None:
        raise ValueError("ingress is disabled (ingress.listen is empty)")
    host, port = host_port
    handler = IngressHandler(pipeline, settings, lmtp=settings.ingress.lmtp)
    limit = settings.service.max_message_bytes
    tls_context = None
    if settings.ingress.tls_cert and settings.ingress.tls_key:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(
            str(settings.path(settings.ingress.tls_cert)),
            str(settings.path(settings.ingress.tls_key)),
        )

    class _Controller(Controller):
        def factory(self) -> Any:
            server_class = LMTP if settings.ingress.lmtp else SMTP
            return server_class(
                self.handler,
                data_size_limit=limit,
                enable_SMTPUTF8=True,
                decode_data=False,
                hostname=settings.service.message_domain,
                ident="ticketing ingress",
                tls_context=tls_context,
                require_starttls=settings.ingress.require_starttls and tls_context is not None,
            )

    controller = _Controller(handler, hostname=host, port=port)
    controller.start()
    return controller
