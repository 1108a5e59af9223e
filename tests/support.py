"""Helpers shared by the tests: settings for a private instance, config files for the
CLI, and a small builder of realistic raw emails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import text
from sqlalchemy.engine import Engine

from ticketing import replykeys
from ticketing.config import DatabaseSettings, ServiceSettings, Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
OUR = "billing@example.com"


def make_settings(tmp_path: Path, db_url: str | None = None, **service: Any) -> Settings:
    defaults: dict[str, Any] = {
        "from_address": OUR,
        "addresses": (OUR, "support@example.com", "disputes@example.com"),
        "var_dir": str(tmp_path / "var"),
        "maildir": str(tmp_path / "var" / "maildir"),
        "attachments_dir": str(tmp_path / "var" / "attachments"),
        "rules_file": str(REPO / "config" / "rules.toml"),
        "templates_dir": str(REPO / "templates"),
        "secret_env": "",
        "secret_file": "",
        # Unit tests parse in-process (no worker start-up per test); the CLI and service
        # tests (write_config) and tests/test_parallel.py use the parse workers.
        "parse_workers": 0,
    }
    defaults.update(service)
    settings = Settings(
        database=DatabaseSettings(url=db_url or f"sqlite:///{tmp_path}/ticketing.db"),
        service=ServiceSettings(**defaults),
        base_dir=tmp_path,
    )
    # Each test desk has its own random reply-token key, as `ticketing init` makes.
    replykeys.ensure_key(settings)
    return settings


def write_config(
    tmp_path: Path, db_url: str | None = None, extra: str = "", service: str = ""
) -> Path:
    """A config file for a CLI run against a private database and Maildir."""
    path = tmp_path / "ticketing.toml"
    url = db_url or f"sqlite:///{tmp_path}/ticketing.db"
    path.write_text(
        f"""
[database]
url = "{url}"

[service]
from_address = "{OUR}"
addresses = ["{OUR}", "support@example.com"]
var_dir = "{tmp_path}/var"
maildir = "{tmp_path}/var/maildir"
attachments_dir = "{tmp_path}/var/attachments"
rules_file = "{REPO}/config/rules.toml"
templates_dir = "{REPO}/templates"
{service}

[ingress]
listen = ""
{extra}
""",
        encoding="utf-8",
    )
    return path


def settings_from(path: Path) -> Settings:
    """The settings of a config file, with its reply-token key made if missing (as
    `ticketing init` would) for tests that build a pipeline without the CLI."""
    settings = load_settings(path, env={})
    replykeys.ensure_key(settings)
    return settings


def mail(
    subject: str = "Question about invoice INV-2024-001",
    body: str = "Hello,\n\nI have a question about my invoice.\n\nRegards,\nTaro",
    *,
    sender: str = "taro@customer.example",
    name: str = "Taro Yamada",
    to: str = OUR,
    message_id: str | None = "<m1@customer.example>",
    in_reply_to: str | None = None,
    references: str | None = None,
    headers: dict[str, str] | None = None,
    charset: str = "utf-8",
) -> bytes:
    """A plain-text email as a mail client would send it."""
    lines = [
        f"From: {formataddr((str(Header(name, 'utf-8')), sender)) if name else sender}",
        f"To: {to}",
        f"Subject: {Header(subject, 'utf-8').encode() if not subject.isascii() else subject}",
        f"Date: {format_datetime(datetime(2026, 11, 2, 9, 30, tzinfo=UTC))}",
        "MIME-Version: 1.0",
        f"Content-Type: text/plain; charset={charset}",
        "Content-Transfer-Encoding: 8bit",
    ]
    if message_id:
        lines.append(f"Message-ID: {message_id}")
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    if references:
        lines.append(f"References: {references}")
    for key, value in (headers or {}).items():
        lines.append(f"{key}: {value}")
    head = "\r\n".join(lines).encode("ascii")
    return head + b"\r\n\r\n" + body.replace("\n", "\r\n").encode(charset)


def run_cli(
    config: Path,
    *args: str,
    input: bytes | None = None,
    check: bool = True,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """Run `ticketing` in a real subprocess, as an operator would."""
    full_env = {**os.environ, "TICKETING_CONFIG": str(config), **(env or {})}
    full_env.pop("TICKETING_DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ticketing.cli", *args],
        input=input,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        cwd=str(REPO),
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"ticketing {' '.join(args)} exited {proc.returncode}\n"
            f"stdout: {proc.stdout.decode(errors='replace')}\nstderr: {proc.stderr.decode(errors='replace')}"
        )
    return proc


def with_service(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, service=replace(settings.service, **changes))


# Our Message-IDs carry a random part (tk.<ticket>.<random>.<signature>@domain).
OUR_MESSAGE_ID = re.compile(r"tk\.[0-9]+\.[0-9a-f.]+@[^\"]+")


def stored_rows(engine: Engine) -> list[tuple[Any, ...]]:
    """What ingestion stored, without ids of our own making that differ run to run
    (timestamps, our outbound Message-IDs)."""
    with engine.connect() as conn:
        raws = conn.execute(
            text(
                "SELECT dedupe_key, outcome, detail, ticket_id, sha256, blob IS NOT NULL "
                "FROM raw_messages ORDER BY id"
            )
        ).all()
        tickets = conn.execute(
            text(
                "SELECT id, queue, status, priority, subject, requester, language, "
                "CAST(tags AS TEXT), CAST(fields AS TEXT), CAST(routing AS TEXT), message_count "
                "FROM tickets ORDER BY id"
            )
        ).all()
        messages = conn.execute(
            text(
                "SELECT ticket_id, direction, subject, text, new_text, html, language, kind "
                "FROM messages ORDER BY id"
            )
        ).all()
        events = [
            (ticket, kind, OUR_MESSAGE_ID.sub("<ours>", detail))
            for ticket, kind, detail in conn.execute(
                text("SELECT ticket_id, kind, CAST(detail AS TEXT) FROM events ORDER BY id")
            )
        ]
        attachments = conn.execute(
            text("SELECT filename, content_type, size, sha256 FROM attachments ORDER BY id")
        ).all()
        outbox = conn.execute(
            text("SELECT ticket_id, template, to_addrs, subject FROM outbox ORDER BY id")
        ).all()
    rows: list[tuple[Any, ...]] = []
    for name, table in (
        ("raw", raws),
        ("ticket", tickets),
        ("message", messages),
        ("event", events),
        ("attachment", attachments),
        ("outbox", outbox),
    ):
        rows += [(name, *tuple(r)) for r in table]
    return rows


@contextmanager
def serving(
    config: Path, log: Path, env: dict[str, str] | None = None, options: tuple[str, ...] = ()
) -> Iterator[subprocess.Popen[bytes]]:
    """`ticketing serve [OPTIONS]` in a real subprocess, its output appended to `log`;
    killed at the end if still running."""
    full_env = {**os.environ, "TICKETING_CONFIG": str(config), **(env or {})}
    full_env.pop("TICKETING_DATABASE_URL", None)
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ticketing.cli", "serve", *options],
            env=full_env,
            cwd=str(REPO),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def invoke(config: Path, *args: str, input: bytes | None = None) -> Result:
    """`ticketing --config CONFIG ARGS...` in-process (click's CliRunner)."""
    from ticketing.cli import cli

    return CliRunner().invoke(
        cli, ["--config", str(config), *args], input=input, catch_exceptions=False
    )


def ok(config: Path, *args: str, input: bytes | None = None) -> Result:
    result = invoke(config, *args, input=input)
    assert result.exit_code == 0, result.output
    return result
