"""Logging set-up for the service: plain text for people, JSON lines for collectors,
with the ticket, queue, sender, Message-ID, mailbox and outbox ids of each record when it
has them."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from ticketing import display

# Per mail (ticketing.pipeline): outcome, ticket, queue, sender, message_id, source,
# mailbox, raw; per outbound mail: outbox.
CONTEXT_KEYS = (
    "outcome",
    "ticket",
    "queue",
    "sender",
    "message_id",
    "source",
    "mailbox",
    "outbox",
    "raw",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in CONTEXT_KEYS:
            value = getattr(record, key, None)
            if value is not None:
                data[key] = value
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        # Messages quote mail (Message-IDs, errors): its controls stay escaped.
        return display.json_safe(json.dumps(data, ensure_ascii=False))


class DisplayFormatter(logging.Formatter):
    """Another formatter's output with the controls of mail text it quotes shown, not
    obeyed, when `serve` logs to a terminal (ticketing/display.py)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return display.text(self.inner.format(record))


class RedactingFormatter(logging.Formatter):
    """Another formatter's output with every password and key replaced by ***."""

    def __init__(self, inner: logging.Formatter, secrets: Sequence[str]) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = tuple(secrets)

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        for value in self.secrets:
            text = text.replace(value, "***")
        return text


def configure_logging(
    level: str = "INFO", as_json: bool = False, redact: Sequence[str] = ()
) -> None:
    handler = logging.StreamHandler(sys.stderr)
    formatter: logging.Formatter = (
        JsonFormatter()
        if as_json
        else DisplayFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    )
    # A driver's or server's error text can carry a password (a database URL, say).
    handler.setFormatter(RedactingFormatter(formatter, redact) if redact else formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # aiosmtpd logs every SMTP command at INFO: too chatty for a service log.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
