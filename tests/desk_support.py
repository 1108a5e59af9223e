"""Helpers for the desk tests: a CLI driver bound to one config file, a Japanese
ISO-2022-JP mail as old clients send it, and the [smtp] section for an SMTP sink."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from email.header import Header
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import select
from sqlmodel import Session, col

from tests.servers import SmtpSink
from tests.support import OUR, settings_from, write_config
from ticketing.cli import cli
from ticketing.db import make_engine
from ticketing.models import Event


def sink_toml(sink: SmtpSink) -> str:
    return f'\n[smtp]\nhost = "{sink.host}"\nport = {sink.port}\nsecurity = "none"\ntimeout = 10\n'


def jis_mail(
    subject: str,
    body: str,
    *,
    sender: str = "taro@yamada.example",
    name: str = "山田 太郎",
    message_id: str = "<jp-1@yamada.example>",
    in_reply_to: str | None = None,
) -> bytes:
    """A mail in ISO-2022-JP (7bit, encoded-word headers), as Japanese clients send it."""

    def enc(text: str) -> str:
        return Header(text, "iso-2022-jp").encode(maxlinelen=998)

    lines = [
        f"From: {enc(name)} <{sender}>",
        f"To: {OUR}",
        f"Subject: {enc(subject)}",
        f"Message-ID: {message_id}",
        "Date: Mon, 23 Nov 2026 10:00:00 +0900",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=ISO-2022-JP",
        "Content-Transfer-Encoding: 7bit",
    ]
    if in_reply_to:
        lines += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    return (
        "\r\n".join(lines).encode("ascii")
        + b"\r\n\r\n"
        + body.replace("\n", "\r\n").encode("iso-2022-jp")
    )


class Desk:
    """Drives the `ticketing` CLI against one private instance."""

    def __init__(self, tmp_path: Path, db_url: str, extra: str = "", service: str = "") -> None:
        self.tmp_path = tmp_path
        self.config = write_config(tmp_path, db_url=db_url, extra=extra, service=service)
        self.settings = settings_from(self.config)
        self.engine = make_engine(self.settings.database_url)

    @classmethod
    def from_config(cls, config: Path) -> Desk:
        """A driver for an existing config file (its folder is the desk's tmp_path)."""
        desk = cls.__new__(cls)
        desk.tmp_path = config.parent
        desk.config = config
        desk.settings = settings_from(config)
        desk.engine = make_engine(desk.settings.database_url)
        return desk

    def close(self) -> None:
        self.engine.dispose()

    def invoke(self, *args: str, input: bytes | str | None = None) -> Result:
        return CliRunner().invoke(
            cli, ["--config", str(self.config), *args], input=input, catch_exceptions=False
        )

    def ok(self, *args: str, input: bytes | str | None = None) -> str:
        result = self.invoke(*args, input=input)
        assert result.exit_code == 0, f"{args}: {result.output}"
        return result.output

    def json(self, *args: str, input: bytes | str | None = None) -> Any:
        return json.loads(self.ok(*args, "--json", input=input))

    def fails(self, code: int, *args: str) -> str:
        result = self.invoke(*args)
        assert result.exit_code == code, f"{args}: exit {result.exit_code}: {result.output}"
        assert "Traceback" not in result.output
        return result.output

    def ingest(self, raw: bytes) -> int:
        out = self.json("ingest", "-", input=raw)
        assert out[0]["outcome"] in ("ticket", "followup"), out
        return int(out[0]["ticket_id"])

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as s:
            yield s

    def events(self, ticket_id: int) -> list[Event]:
        with self.session() as s:
            return list(
                s.execute(
                    select(Event).where(col(Event.ticket_id) == ticket_id).order_by(col(Event.id))
                ).scalars()
            )

    def kinds(self, ticket_id: int) -> list[str]:
        return [e.kind for e in self.events(ticket_id)]


def text_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def html_of(msg: EmailMessage) -> str:
    part = msg.get_body(("html",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")
