"""The `ticketing` command line: a click group with a context object holding the
settings, the database engine and the pipeline, all created lazily so that
`ticketing --help` imports neither SQLAlchemy nor Jinja.

Exit codes: 0 success, 2 usage error, 1 any other error with a one-line message.
"""

from __future__ import annotations

import sys

if "serve" in sys.argv[1:]:
    # Before any heavy import: a SIGTERM during start-up must still stop `serve` cleanly.
    from ticketing import shutdown

    shutdown.install()

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ticketing import display
from ticketing.completion import complete_queue, complete_template, complete_ticket
from ticketing.config import Settings, load_settings
from ticketing.desk_view import PRIORITY_STYLES, SLA_STYLES, DeskClock, sla_cell
from ticketing.errors import TicketingError
from ticketing.progress import progress_bar
from ticketing.ticket_view import model_lines

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from ticketing.lifecycle import ActionResult
    from ticketing.pipeline import IngestResult, Pipeline
    from ticketing.render import Renderer
    from ticketing.rules import RuleSet


@dataclass
class App:
    config_path: str | None
    _settings: Settings | None = None
    _engine: Engine | None = None
    _pipeline: Pipeline | None = None
    _warned: bool = False

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from ticketing.db import current_revision, make_engine, schema_problem

            engine = make_engine(self.settings.database_url)
            try:
                revision = current_revision(engine)
            except Exception as exc:  # any driver error means: not reachable
                engine.dispose()
                raise TicketingError(f"cannot open the database: {_one_line(exc)}") from exc
            problem = schema_problem(revision)
            if problem is not None:
                engine.dispose()
                raise TicketingError(problem)
            self._engine = engine
        return self._engine

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ticketing.pipeline import Pipeline
            from ticketing.rules import load_rules

            s = self.settings
            rules = load_rules(s.rules_path, queues=s.service.queues)
            self._pipeline = Pipeline(self.engine, s, rules=rules)
            self.warn_security()
        return self._pipeline

    def warn_security(self) -> None:
        """Print, once, what the operator should fix (a readable key, a plain password)."""
        if self._warned:
            return
        self._warned = True
        from ticketing.private import security_warnings

        for warning in security_warnings(self.settings):
            click.echo(f"warning: {warning}", err=True)

    def scrub(self, text: str) -> str:
        """`text` without any password or key the loaded settings know of."""
        if self._settings is None:
            return text
        from ticketing.private import scrub, secret_values

        return scrub(text, secret_values(self._settings))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _end_quietly_after_broken_pipe() -> NoReturn:
    """The reader of our output went away (`ticketing tickets list | head -1`): nothing
    is wrong, so end with status 0 and no message. Standard output is pointed at
    /dev/null first, or the interpreter's last flush would fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file (click's test runner): nothing left to flush
    raise click.exceptions.Exit(0)


class _Group(click.Group):
    """Turns our own errors into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        # A password or key must never reach the terminal, even inside a driver's error.
        app = ctx.obj if isinstance(ctx.obj, App) else None
        scrub = app.scrub if app is not None else str
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, inside this handler
            return result
        except TicketingError as exc:
            # Messages may quote mail (a subject, an address): no control reaches the terminal.
            raise click.ClickException(display.text(scrub(str(exc)))) from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            _end_quietly_after_broken_pipe()
        except Exception as exc:
            if os.environ.get("TICKETING_DEBUG"):
                raise
            raise click.ClickException(
                display.text(
                    scrub(
                        f"unexpected error: {type(exc).__name__}: {_one_line(exc)} "
                        "(set TICKETING_DEBUG=1 for the traceback)"
                    )
                )
            ) from exc


# Output goes through these three: `emit_json` for --json, `table` and `echo` for people.
# Text from mail (subjects, names, file names, bodies) may carry terminal controls; each
# makes them harmless on the way out (ticketing/display.py), the database keeps them.


def emit_json(data: Any) -> None:
    click.echo(display.dumps(data))


def echo(message: str = "", *, err: bool = False) -> None:
    """click.echo for lines that may quote stored mail: controls shown, never obeyed."""
    click.echo(display.text(message), err=err)


# Columns that give up room when a table is wider than the terminal: shortened with "…"
# (weight: their share of the room; the least each keeps), and those left out, in this
# order, while the shortened ones would get less than their least. Other columns keep
# their width, and rich folds them only when nothing else is left to give.
FLEX_COLUMNS = {
    "subject": (4, 24),
    "oldest_subject": (4, 20),
    "requester": (2, 14),
    "assignee": (1, 8),
    "reason": (3, 20),
}
DROP_ORDER = ("message_count", "requester", "queue")
GAP = 2  # rich's padding between two columns


def table(
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str]],
    *,
    styles: dict[str, Callable[[dict[str, Any]], str]] | None = None,
) -> None:
    """Print rows as an aligned table (rich) with the given (key, heading) columns,
    fitted to the terminal: identifiers whole, subjects and names shortened with "…",
    the least needed columns left out when it is narrow. `styles` colours a column by
    row (only on a terminal, and never with NO_COLOR)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cells = [
        {k: display.line("" if row.get(k) is None else str(row.get(k))) for k, _ in columns}
        for row in rows
    ]
    width = _output_width()
    shown, flex_widths = fit_columns(cells, columns, width)
    t = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for key, heading in shown:
        if key in flex_widths:
            t.add_column(heading, no_wrap=True, overflow="ellipsis", width=flex_widths[key])
        else:
            t.add_column(heading, overflow="fold")
    styles = styles or {}
    for row, cell in zip(rows, cells, strict=True):
        # Text, not str: rich would read "[link=...]" in a subject as its own markup.
        t.add_row(*(Text(cell[k], style=styles[k](row) if k in styles else "") for k, _ in shown))
    console = Console(width=width, soft_wrap=False, highlight=False)
    # rich ends a write into a closed pipe with status 1; a reader that stops early
    # (`| head -1`) is no error.
    console.on_broken_pipe = _end_quietly_after_broken_pipe  # type: ignore[method-assign]
    console.print(t)


def fit_columns(
    cells: list[dict[str, str]], columns: list[tuple[str, str]], width: int
) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The columns that fit in `width`, and the width of each shortened one."""
    from rich.cells import cell_len

    natural = {
        key: max([cell_len(heading), *(cell_len(c[key]) for c in cells)])
        for key, heading in columns
    }

    def room(keys: list[tuple[str, str]]) -> int:
        fixed = sum(natural[k] for k, _ in keys if k not in FLEX_COLUMNS)
        return width - fixed - GAP * (len(keys) - 1)

    def least(keys: list[tuple[str, str]]) -> int:
        return sum(min(FLEX_COLUMNS[k][1], natural[k]) for k, _ in keys if k in FLEX_COLUMNS)

    shown = list(columns)
    for drop in DROP_ORDER:
        if room(shown) >= least(shown):
            break
        shown = [c for c in shown if c[0] != drop]
    flex = [k for k, _ in shown if k in FLEX_COLUMNS]
    widths = {k: min(FLEX_COLUMNS[k][1], natural[k]) for k in flex}
    left = room(shown) - sum(widths.values())
    # What is left goes by weight to those that want more, until none does or it is gone.
    while left > 0:
        hungry = [k for k in flex if widths[k] < natural[k]]
        if not hungry:
            break
        total = sum(FLEX_COLUMNS[k][0] for k in hungry)
        given = 0
        for k in hungry:
            more = min(natural[k] - widths[k], max(1, left * FLEX_COLUMNS[k][0] // total))
            more = min(more, left - given)
            widths[k] += more
            given += more
        left -= given
        if given == 0:
            break
    return shown, widths


def _output_width() -> int:
    """The terminal's width; $COLUMNS when set (not a terminal); else wide, for files and
    pipes, where nothing wraps."""
    if sys.stdout.isatty():
        return _terminal_width()
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return PIPE_WIDTH


PIPE_WIDTH = 160


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return 100


def fail(message: str) -> NoReturn:
    raise click.UsageError(message)


# Row ids are INTEGER columns: 32 bits on PostgreSQL, 64 on SQLite. A larger number names
# no row, and would reach the driver as an overflow ("unexpected error").
MAX_ID = 2**31 - 1


def _id_number(text: str) -> int | None:
    """`text` as an id (1 to MAX_ID), or None; ASCII digits only ("①".isdigit() is true)."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


# A row id argument (RAW_ID, OUTBOX_ID): a usage error unless 1 to MAX_ID.
ID = click.IntRange(1, MAX_ID)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    envvar="TICKETING_CONFIG",
    type=click.Path(dir_okay=False),
    help="Config file (default: config/ticketing.toml; env TICKETING_CONFIG).",
)
@click.version_option(package_name="ticketing")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Email-driven ticketing for billing support."""
    from ticketing.private import restrict_umask

    # Mail and customer data stay private to the service's user, whatever the shell's umask.
    restrict_umask()
    app = App(config_path)
    ctx.obj = app
    ctx.call_on_close(app.close)


pass_app = click.make_pass_decorator(App)


# -- set-up and ingestion -----------------------------------------------------------------


@cli.command()
@pass_app
def init(app: App) -> None:
    """Create or upgrade the database schema and create the reply-token key (safe to run
    again); make var_dir and everything in it private to this user."""
    from ticketing import replykeys
    from ticketing.db import redact_url, upgrade
    from ticketing.private import make_private_dir, tighten

    s = app.settings
    make_private_dir(s.var_path)
    upgrade(s.database_url)
    click.echo(f"database ready: {redact_url(s.database_url)}")
    path, created = replykeys.ensure_key(s)
    if path is None:
        click.echo(f"reply-token key: from ${s.service.secret_env}")
    else:
        click.echo(f"reply-token key: {'created ' if created else ''}{path}")
    tighten(s)
    app.warn_security()


@cli.group()
def secret() -> None:
    """The key that signs reply tokens in our Message-IDs."""


def _key_rows(settings: Settings) -> list[dict[str, Any]]:
    from datetime import UTC, datetime, timedelta

    from ticketing import replykeys

    now = datetime.now(UTC)
    grace = timedelta(days=settings.service.secret_grace_days)
    rows = []
    for index, entry in enumerate(replykeys.entries(settings)[1]):
        until = entry.retired + grace if entry.retired else None
        rows.append(
            {
                "fingerprint": entry.fingerprint,
                "role": "signs"
                if index == 0
                else "verifies"
                if until is None or until > now
                else "expired",
                "created": entry.created.isoformat() if entry.created else None,
                "retired": entry.retired.isoformat() if entry.retired else None,
                "verifies_until": until.isoformat() if until else None,
            }
        )
    return rows


@secret.command("status")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def secret_status(app: App, as_json: bool) -> None:
    """Where the keys live and which sign or verify (fingerprints only, never a key)."""
    from ticketing import replykeys

    source = replykeys.entries(app.settings)[0]
    rows = _key_rows(app.settings)
    if as_json:
        emit_json({"source": source, "keys": rows})
        return
    click.echo(f"keys from {source}")
    table(
        rows,
        [
            ("fingerprint", "KEY"),
            ("role", "ROLE"),
            ("created", "CREATED"),
            ("retired", "RETIRED"),
            ("verifies_until", "VERIFIES UNTIL"),
        ],
    )
    app.warn_security()


@secret.command("rotate")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def secret_rotate(app: App, as_json: bool) -> None:
    """Sign with a new key from now on; the old one still verifies for secret_grace_days."""
    from ticketing import replykeys

    path, _ = replykeys.rotate(app.settings)
    rows = _key_rows(app.settings)
    if as_json:
        emit_json({"source": str(path), "keys": rows})
        return
    click.echo(f"new signing key {rows[0]['fingerprint']} in {path}")
    for row in rows[1:]:
        if row["role"] == "verifies":
            click.echo(f"  {row['fingerprint']} still verifies until {row['verifies_until']}")
    click.echo("a running `ticketing serve` picks the new key up at its next mail")


@cli.group("config")
def config_group() -> None:
    """Write a new desk's configuration, or check one."""


@config_group.command("init")
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option("--force", is_flag=True, help="Replace the configuration, rules and templates there.")
def config_init(directory: Path, force: bool) -> None:
    """Write DIRECTORY/config/ticketing.toml (every key at its default, explained), copies
    of the rules and templates to customise, and the reply-token key (default: here)."""
    from ticketing.setup_desk import init_desk

    try:
        written = init_desk(directory, force=force)
    except TicketingError as exc:
        fail(str(exc))
    click.echo(f"configuration: {written.config}")
    click.echo(f"routing rules: {written.rules}")
    click.echo(f"templates:     {written.templates}")
    click.echo(f"reply-token key: {written.key or 'from the environment variable'}")
    click.echo(
        f"next: edit {written.config}, then `ticketing --config {written.config} config check`"
    )


@config_group.command("check")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def config_check(app: App, as_json: bool) -> None:
    """Check what a start needs (key, permissions, passwords, database, rules); one line
    per check. Exits 1 when any check fails."""
    from ticketing.checks import run_checks

    results = run_checks(app.settings)
    failed = any(r.state == "fail" for r in results)
    if as_json:
        emit_json({"ok": not failed, "checks": [r.as_dict() for r in results]})
    else:
        for r in results:
            click.echo(f"{r.state.upper():<4}  {r.name}: {r.detail}")
    if failed:
        raise click.exceptions.Exit(1)


def _print_results(results: list[IngestResult], names: list[str], as_json: bool) -> None:
    if as_json:
        emit_json(
            [
                {
                    "source": n,
                    "outcome": r.outcome,
                    "ticket_id": r.ticket_id,
                    "raw_id": r.raw_id,
                    "message_id": r.message_id,
                    "detail": r.detail,
                }
                for n, r in zip(names, results, strict=True)
            ]
        )
        return
    for name, r in zip(names, results, strict=True):
        echo(f"{name}: {r.outcome}: {r.detail}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "--queue",
    shell_complete=complete_queue,
    help="Queue for new tickets when no rule decides (default: service default).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per message.")
@pass_app
def ingest(app: App, files: tuple[str, ...], queue: str | None, as_json: bool) -> None:
    """Ingest raw RFC 5322 messages from FILES, or from standard input with -."""
    from ticketing.pipeline import RawItem

    if queue and queue not in app.settings.service.queues:
        fail(f"unknown queue {queue!r} (known: {', '.join(app.settings.service.queues)})")
    items: list[RawItem] = []
    names: list[str] = []
    for name in files:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                fail(f"cannot read {name}: {exc.strerror}")
        items.append(RawItem(data=data, source="cli", queue=queue))
        names.append(name)
    results: list[IngestResult] = []
    with progress_bar("ingesting", as_json=as_json) as advance:
        for start in range(0, len(items), INGEST_CHUNK):
            results += app.pipeline.ingest_batch(items[start : start + INGEST_CHUNK])
            advance(len(results), len(items))
    _print_results(results, names, as_json)
    quarantined = [r for r in results if r.outcome == "quarantined"]
    if quarantined:
        ids = ", ".join(str(r.raw_id) for r in quarantined)
        echo(
            f"{len(quarantined)} of {len(results)} message(s) quarantined, not ticketed "
            f"(raw {ids}): `ticketing quarantine show ID` says why, "
            "`ticketing quarantine retry ID` tries again",
            err=True,
        )
        sys.exit(QUARANTINED_EXIT)


# Files handed to one ingest_batch: the progress bar moves once per chunk.
INGEST_CHUNK = 100
# `ingest` exit status when some mail went to quarantine instead of becoming a ticket.
QUARANTINED_EXIT = 3


@cli.command()
@click.option("--once", is_flag=True, help="Fetch everything new once, then exit.")
@click.option("--mailbox", "mailbox_names", multiple=True, help="Only this mailbox (repeatable).")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def poll(app: App, once: bool, mailbox_names: tuple[str, ...], as_json: bool) -> None:
    """Fetch and ingest new mail of every configured IMAP mailbox."""
    import time

    from ticketing.errors import MailboxError
    from ticketing.imap import poll_once

    s = app.settings
    if not s.mailboxes:
        raise TicketingError("no [[mailboxes]] configured")
    selected = [s.mailbox(n) for n in mailbox_names] if mailbox_names else list(s.mailboxes)
    while True:
        reports = []
        errors = []
        for mb in selected:
            try:
                reports.append(poll_once(mb, app.pipeline))
            except MailboxError as exc:
                errors.append(str(exc))
        if as_json:
            emit_json(
                [
                    {
                        "mailbox": r.mailbox,
                        "fetched": r.fetched,
                        "outcomes": {o: r.count(o) for o in sorted({x.outcome for x in r.results})},
                    }
                    for r in reports
                ]
            )
        else:
            for r in reports:
                counts = ", ".join(
                    f"{r.count(o)} {o}" for o in sorted({x.outcome for x in r.results})
                )
                click.echo(f"{r.mailbox}: fetched {r.fetched}" + (f" ({counts})" if counts else ""))
        if errors:
            raise TicketingError("; ".join(errors))
        if once:
            return
        time.sleep(min(mb.poll_interval for mb in selected))


@cli.command()
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default=None,
    help="Log lines as text or as JSON objects (default: [service] log_json).",
)
@pass_app
def serve(app: App, log_format: str | None) -> None:
    """Run the service: IMAP mailboxes, SMTP ingress and the outbox dispatcher. Logs one
    line per mail (its ticket, queue, sender and Message-ID) to standard error."""
    import logging

    from ticketing.logs import configure_logging
    from ticketing.private import secret_values
    from ticketing.service import Service

    s = app.settings
    as_json = s.service.log_json if log_format is None else log_format == "json"
    configure_logging(s.service.log_level, as_json, redact=secret_values(s))
    service = Service(s, app.engine, app.pipeline, announce=lambda m: click.echo(m))
    service.install_signal_handlers()
    if s.ingress.host_port:
        host, port = s.ingress.host_port
        click.echo(
            f"try it: swaks --server {host}:{port} --to {s.from_address} "
            f"--from you@example.net --header 'Subject: Invoice question'"
        )
        click.echo("   or: ticketing ingest tests/data/mail/<file>.eml; ticketing tickets list")
    click.echo("stop with Ctrl-C or SIGTERM")
    service.run()
    logging.getLogger(__name__).info("bye")


# -- outbox -------------------------------------------------------------------------------


@cli.group()
def outbox() -> None:
    """Outbound mail: send, list and retry."""


@outbox.command("send")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def outbox_send(app: App, as_json: bool) -> None:
    """Send every pending outbound message now, then exit."""
    from ticketing.outbox import make_dispatcher

    dispatcher = make_dispatcher(app.engine, app.settings)
    transport = dispatcher.transport
    total_sent = total_retried = total_failed = 0
    errors: list[str] = []
    try:
        while True:
            report = dispatcher.run_once()
            total_sent += report.sent
            total_retried += report.retried
            total_failed += report.failed
            errors += report.errors
            if report.sent == 0 or report.retried:
                break
    finally:
        transport.close()
    if as_json:
        emit_json(
            {"sent": total_sent, "retried": total_retried, "failed": total_failed, "errors": errors}
        )
    else:
        echo(f"sent {total_sent}, to retry {total_retried}, failed {total_failed}")
        for e in errors:
            echo(f"  {e}", err=True)
    if total_retried or total_failed:
        sys.exit(1)


@outbox.command("list")
@click.option("--status", type=click.Choice(["pending", "sending", "sent", "failed", "cancelled"]))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def outbox_list(app: App, status: str | None, limit: int, as_json: bool) -> None:
    """List outbound messages, newest first."""
    from sqlalchemy import select
    from sqlmodel import Session, col

    from ticketing.desk import iso
    from ticketing.models import OutboxMessage

    with Session(app.engine) as session:
        query = select(OutboxMessage).order_by(col(OutboxMessage.id).desc()).limit(limit)
        if status:
            query = query.where(col(OutboxMessage.status) == status)
        rows = [
            {
                "id": o.id,
                "ticket_id": o.ticket_id,
                "status": o.status,
                "template": o.template,
                "to": o.to_addrs,
                "subject": o.subject,
                "attempts": o.attempts,
                "message_id": o.message_id,
                "last_error": o.last_error,
                "created_at": iso(o.created_at),
                "sent_at": iso(o.sent_at),
            }
            for o in session.execute(query).scalars()
        ]
    if as_json:
        emit_json(rows)
    else:
        table(
            rows,
            [
                ("id", "ID"),
                ("ticket_id", "TICKET"),
                ("status", "STATUS"),
                ("attempts", "TRIES"),
                ("to", "TO"),
                ("subject", "SUBJECT"),
                ("last_error", "LAST ERROR"),
            ],
        )


@outbox.command("retry")
@click.argument("outbox_id", required=False, type=ID)
@click.option("--failed", "all_failed", is_flag=True, help="Retry every failed message.")
@pass_app
def outbox_retry(app: App, outbox_id: int | None, all_failed: bool) -> None:
    """Put a failed message (or all with --failed) back in the queue."""
    from sqlalchemy import update
    from sqlmodel import Session, col

    from ticketing.models import OutboxMessage, OutboxStatus, utcnow

    if (outbox_id is None) == (not all_failed):
        fail("give either an OUTBOX_ID or --failed")
    with Session(app.engine) as session:
        query = update(OutboxMessage).where(col(OutboxMessage.status) == OutboxStatus.FAILED.value)
        if outbox_id is not None:
            query = query.where(col(OutboxMessage.id) == outbox_id)
        result = session.execute(
            query.values(status=OutboxStatus.PENDING.value, next_attempt_at=utcnow(), attempts=0)
        )
        session.commit()
        count = result.rowcount  # type: ignore[attr-defined]
    if outbox_id is not None and count == 0:
        raise TicketingError(f"no failed outbox message {outbox_id}")
    click.echo(f"queued {count} message(s) for another attempt")


# -- tickets ------------------------------------------------------------------------------


@cli.group()
def tickets() -> None:
    """List, show and work tickets."""


def actor_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--actor",
        default=lambda: os.environ.get("USER") or "agent",
        show_default="$USER",
        help="Who does it (recorded in the audit trail).",
    )(func)


STATUSES = ["new", "open", "pending", "escalated", "resolved", "closed"]


@tickets.command("list")
@click.option(
    "--queue",
    shell_complete=complete_queue,
    multiple=True,
    help="Tickets in this queue (repeatable: any of them).",
)
@click.option(
    "--status", type=click.Choice(STATUSES), multiple=True, help="Repeatable: any of them."
)
@click.option("--open", "open_only", is_flag=True, help="Every status but resolved and closed.")
@click.option("--requester", help="The requester's email address.")
@click.option("--assignee", multiple=True, help="Assigned to this agent (repeatable).")
@click.option("--mine", is_flag=True, help="Assigned to the agent running this (--actor).")
@click.option("--unassigned", is_flag=True, help="Only tickets nobody is assigned to.")
@click.option("--tag", multiple=True, help="Carrying this tag (repeatable: any of them).")
@click.option("--older-than", metavar="AGE", help="Created at least AGE ago: 30m, 12h, 3d, 2w.")
@click.option("--newer-than", metavar="AGE", help="Created at most AGE ago.")
@click.option("--sla-breached", is_flag=True, help="Only tickets that missed an SLA target.")
@click.option(
    "--breaching",
    metavar="WITHIN",
    is_flag=False,
    flag_value="0m",
    help="Open tickets whose next SLA target falls due within WITHIN (e.g. 2h) or is "
    "over; alone, only those already over.",
)
@click.option(
    "--sort",
    type=click.Choice(["updated", "created", "priority", "id", "age", "due"]),
    default="updated",
    show_default=True,
    help="updated/created: newest first; priority: most urgent first; age: oldest "
    "first; due: soonest SLA target first.",
)
@click.option("--reverse", is_flag=True, help="Flip the order.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--offset", default=0, type=click.IntRange(0, MAX_ID))
@click.option(
    "--page", type=click.IntRange(1, MAX_ID), help="Page number (pages of --limit tickets)."
)
@click.option(
    "--actor",
    default=lambda: os.environ.get("USER") or "agent",
    show_default="$USER",
    help="The agent --mine means.",
)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_list(
    app: App,
    queue: tuple[str, ...],
    status: tuple[str, ...],
    open_only: bool,
    requester: str | None,
    assignee: tuple[str, ...],
    mine: bool,
    unassigned: bool,
    tag: tuple[str, ...],
    older_than: str | None,
    newer_than: str | None,
    sla_breached: bool,
    breaching: str | None,
    sort: str,
    reverse: bool,
    limit: int,
    offset: int,
    page: int | None,
    actor: str,
    as_json: bool,
) -> None:
    """List tickets, most recently updated first."""
    from sqlmodel import Session

    from ticketing.desk import list_tickets, parse_duration

    for q in queue:
        if q not in app.settings.service.queues:
            fail(f"unknown queue {q!r} (known: {', '.join(app.settings.service.queues)})")
    assignees = [*assignee, *([actor] if mine else [])]
    if assignees and unassigned:
        fail("give --assignee/--mine or --unassigned, not both")
    if page is not None:
        if offset:
            fail("give --offset or --page, not both")
        offset = (page - 1) * limit
    try:
        older = parse_duration(older_than) if older_than else None
        newer = parse_duration(newer_than) if newer_than else None
        within = parse_duration(breaching) if breaching is not None else None
    except TicketingError as exc:
        fail(str(exc))
    with Session(app.engine) as session:
        rows = list_tickets(
            session,
            app.settings,
            queue=queue,
            status=status,
            open_only=open_only,
            requester=requester,
            assignee=assignees,
            unassigned=unassigned,
            tag=tag,
            older_than=older,
            newer_than=newer,
            sla_breached=sla_breached,
            breaching=within,
            sort=sort,
            reverse=reverse,
            limit=limit,
            offset=offset,
        )
    if as_json:
        emit_json(rows)
        return
    clock = desk_clock(app.settings)
    for row in rows:
        row["updated"] = clock.when(row["updated_at"])
        row["sla"], row["sla_state"] = sla_cell(row["sla_due_at"], row["sla_breached"], clock)
    table(
        rows,
        [
            ("ref", "REF"),
            ("status", "STATUS"),
            ("queue", "QUEUE"),
            ("priority", "PRI"),
            ("assignee", "ASSIGNEE"),
            ("requester", "REQUESTER"),
            ("message_count", "MSGS"),
            ("updated", "UPDATED"),
            ("sla", "SLA"),
            ("subject", "SUBJECT"),
        ],
        styles={
            "priority": lambda row: PRIORITY_STYLES.get(row["priority"], ""),
            "sla": lambda row: SLA_STYLES[row["sla_state"]],
        },
    )


def desk_clock(settings: Settings) -> DeskClock:
    """The desk's clock: `[sla] timezone`, now."""
    return DeskClock.of(settings.sla.timezone)


def in_desk_time(
    rows: list[dict[str, Any]], settings: Settings, *keys: str
) -> list[dict[str, Any]]:
    """Copies of table rows with the timestamps under `keys` in the desk's time ("14:05",
    "Tue 09:12"); `--json` prints the rows themselves, in ISO-8601 UTC."""
    clock = desk_clock(settings)
    return [{**row, **{k: clock.when(row.get(k)) for k in keys}} for row in rows]


@cli.group()
def agents() -> None:
    """Who works which tickets."""


@agents.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def agents_list(app: App, as_json: bool) -> None:
    """Each agent with their open tickets and the one waiting longest on them."""
    from sqlmodel import Session

    from ticketing.desk import agent_desks

    with Session(app.engine) as session:
        rows = agent_desks(session, app.settings)
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        oldest = row["oldest_waiting"]
        row["statuses"] = ", ".join(f"{k} {v}" for k, v in sorted(row["by_status"].items()))
        row["oldest"] = (
            f"{oldest['ref']} {desk_clock(app.settings).age(oldest['updated_at'])}"
            if oldest
            else ""
        )
        row["oldest_subject"] = oldest["subject"] if oldest else ""
    table(
        rows,
        [
            ("agent", "AGENT"),
            ("open", "OPEN"),
            ("statuses", "BY STATUS"),
            ("oldest", "OLDEST WAITING"),
            ("oldest_subject", "SUBJECT"),
        ],
    )


def _ticket_id(value: str, settings: Settings) -> int:
    """Accept `42` or the reference `BILL-42`."""
    text = value.strip()
    prefix = settings.service.ticket_tag.upper() + "-"
    if text.upper().startswith(prefix):
        text = text[len(prefix) :]
    number = _id_number(text)
    if number is None:
        fail(f"not a ticket id or reference: {value!r} (ids are 1 to {MAX_ID})")
    return number


@tickets.command("show")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--trace", is_flag=True, help="Why it was routed: the model, every rule tried.")
@click.option("--full", is_flag=True, help="Show quoted history instead of folding it.")
@click.option("--no-pager", is_flag=True, help="Never page, even on a terminal.")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_show(
    app: App, ticket: str, trace: bool, full: bool, no_pager: bool, as_json: bool
) -> None:
    """Show one ticket (ID or REF): its header, the conversation (newest last),
    attachments and audit trail. On a terminal, long output goes through a pager."""
    from sqlmodel import Session

    from ticketing.desk import ticket_detail
    from ticketing.ticket_view import ShowOptions, render_ticket

    with Session(app.engine) as session:
        data = ticket_detail(session, app.settings, _ticket_id(ticket, app.settings))
    if as_json:
        emit_json(data)
        return
    options = ShowOptions(width=_output_width(), trace=trace, full=full, paint=_paint())
    lines = render_ticket(data, desk_clock(app.settings), options)
    page(lines, no_pager=no_pager)


# Colours by kind of word (ticketing.ticket_view paints "priority:urgent", "sla:over").
PAINT_STYLES: dict[str, dict[str, Any]] = {
    "priority:urgent": {"fg": "red", "bold": True},
    "priority:high": {"fg": "yellow"},
    "sla:over": {"fg": "red", "bold": True},
    "account:delinquent": {"fg": "yellow"},
    "account:suspended": {"fg": "red", "bold": True},
}


def colour_wanted() -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _paint() -> Callable[[str, str], str]:
    if not colour_wanted():
        return lambda text, kind: text
    return lambda text, kind: (
        click.style(text, **PAINT_STYLES[kind]) if kind in PAINT_STYLES else text
    )


def page(lines: list[str], *, no_pager: bool) -> None:
    """Print; through $PAGER (less) when on a terminal and longer than it is high."""
    text = "\n".join(lines)
    if not no_pager and sys.stdout.isatty() and len(lines) > _terminal_height():
        click.echo_via_pager(text + "\n", color=colour_wanted())
    else:
        click.echo(text, color=colour_wanted() or None)


def _terminal_height() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError):
        return 24


@tickets.command("held")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_held(app: App, as_json: bool) -> None:
    """Follow-ups held because their sender is not a participant of the ticket, and
    tickets whose sender address is not valid (nothing can be sent to it)."""
    from sqlmodel import Session

    from ticketing.desk import list_held

    with Session(app.engine) as session:
        rows = list_held(session)
    if as_json:
        emit_json(rows)
    else:
        table(
            in_desk_time(rows, app.settings, "received_at"),
            [
                ("id", "ID"),
                ("ticket_id", "TICKET"),
                ("received_at", "RECEIVED"),
                ("reason", "REASON"),
            ],
        )


@tickets.command("release")
@click.argument("raw_id", type=ID)
@click.option("--attach", "mode", flag_value="attach", help="Add it to the ticket it matched.")
@click.option("--new", "mode", flag_value="new", help="Open a new ticket with it.")
@click.option("--actor", default=lambda: os.environ.get("USER") or "agent", show_default="$USER")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_release(app: App, raw_id: int, mode: str | None, actor: str, as_json: bool) -> None:
    """Decide on a held follow-up: --attach it to its ticket or open a --new one."""
    from sqlmodel import Session

    from ticketing.desk import get_raw, raw_bytes
    from ticketing.models import Outcome
    from ticketing.pipeline import release_held

    if mode is None:
        fail("give --attach or --new")
    with Session(app.engine) as session:
        data = raw_bytes(app.settings, get_raw(session, raw_id, Outcome.HELD))
    result = release_held(app.pipeline, raw_id, data, attach=mode == "attach", actor=actor)
    if as_json:
        emit_json(
            {"outcome": result.outcome, "ticket_id": result.ticket_id, "raw_id": result.raw_id}
        )
    else:
        echo(f"{raw_id}: {result.outcome}: {result.detail}")


# -- tickets: the agent's desk (lifecycle, vendor escalations, disputes, search) ---------


def _canonical_invoice_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Every --invoice: the canonical number (ticketing.invoiceno), as the mail gets."""
    from ticketing.invoiceno import InvalidInvoice, canonical_invoice

    if value is None:
        return None
    try:
        return canonical_invoice(value)
    except InvalidInvoice as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


def invoice_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--invoice", callback=_canonical_invoice_option, help=help)


def _show_desk_status(data: dict[str, Any]) -> None:
    """The desk's part of `ticketing status`: SLA breaches and vendor cases to chase."""
    breached = data.get("sla_breached", {})
    total = sum(breached.values())
    click.echo(
        f"SLA breached (open tickets) {total}"
        + (f": {', '.join(f'{q} {n}' for q, n in sorted(breached.items()))}" if total else "")
    )
    stale = data.get("stale_vendor_cases", [])
    click.echo(f"vendor cases without an update: {len(stale)}")
    if stale:
        table(
            stale,
            [
                ("ref", "TICKET"),
                ("vendor_case", "VENDOR CASE"),
                ("days_since_update", "DAYS SILENT"),
                ("assignee", "ASSIGNEE"),
            ],
        )


def _read_text(text: str | None, path: str | None, what: str, required: bool = True) -> str:
    """Text from an option or a file (`-` = standard input); a usage error otherwise."""
    if text is not None and path is not None:
        fail(f"give --{what} or --{what}-file, not both")
    if path is not None:
        if path == "-":
            return sys.stdin.read()
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}")
    if text is None and required:
        fail(f"give --{what} TEXT or --{what}-file FILE")
    return text or ""


def _run_action(
    app: App,
    as_json: bool,
    action: Callable[[Session, Renderer], ActionResult],
) -> None:
    """Run one desk action in one transaction, then print its line or its JSON."""
    from sqlmodel import Session

    from ticketing.desk import get_ticket, ticket_summaries
    from ticketing.notify import make_renderer

    renderer = make_renderer(app.settings)
    with Session(app.engine, expire_on_commit=False) as session:
        result = action(session, renderer)
        session.commit()
        summary = ticket_summaries(session, app.settings, [get_ticket(session, result.ticket_id)])[
            0
        ]
    if as_json:
        emit_json(result.to_json(summary))
    else:
        echo(result.message)


@tickets.command("reply")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--body", help="The reply text.")
@click.option("--body-file", type=click.Path(dir_okay=False, allow_dash=True), help="Or a file.")
@click.option(
    "--template",
    "template_name",
    shell_complete=complete_template,
    help="Send this template (a canned answer).",
)
@click.option(
    "--status",
    type=click.Choice(["open", "pending"]),
    help="Status afterwards (default: [lifecycle].reply_status for new/open tickets).",
)
@click.option("--sign", "signature", default="", help="The name signing the mail.")
@click.option(
    "--cc", multiple=True, metavar="ADDRESS", help="Also to this address, in Cc (repeatable)."
)
@click.option(
    "--bcc", multiple=True, metavar="ADDRESS", help="Also to this address, unseen (repeatable)."
)
@click.option(
    "--attach",
    "attach",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Attach this file (repeatable; [service] max_reply_attachment_bytes in all).",
)
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_reply(
    app: App,
    ticket: str,
    body: str | None,
    body_file: str | None,
    template_name: str | None,
    status: str | None,
    signature: str,
    cc: tuple[str, ...],
    bcc: tuple[str, ...],
    attach: tuple[str, ...],
    actor: str,
    as_json: bool,
) -> None:
    """Mail the customer, threaded into their conversation, with --attach files."""
    from ticketing.lifecycle import reply
    from ticketing.outbound_files import read_attachments

    text = _read_text(body, body_file, "body", required=template_name is None)
    if template_name is None and not text.strip():
        fail("the reply is empty")
    tid = _ticket_id(ticket, app.settings)
    try:
        files = read_attachments(attach, app.settings.service.max_reply_attachment_bytes)
    except TicketingError as exc:
        fail(str(exc))
    _run_action(
        app,
        as_json,
        lambda s, r: reply(
            s,
            app.settings,
            r,
            tid,
            actor=actor,
            body=text,
            template=template_name or "reply",
            status=status,
            signature=signature,
            cc=cc,
            bcc=bcc,
            attachments=files,
        ),
    )


@tickets.command("attachment")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--list", "list_them", is_flag=True, help="List them (the default).")
@click.option(
    "--save",
    "save_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Save every one directly inside DIR under a safe name; existing files are kept.",
)
@click.option("--open", "open_id", type=int, metavar="ID", help="Open this one in a viewer.")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_attachment(
    app: App,
    ticket: str,
    list_them: bool,
    save_dir: Path | None,
    open_id: int | None,
    as_json: bool,
) -> None:
    """List a ticket's attachments, save them, or open one."""
    from sqlmodel import Session

    from ticketing.attachment_files import list_attachments, save_attachments, save_for_opening

    if sum((list_them, save_dir is not None, open_id is not None)) > 1:
        fail("give one of --list, --save DIR, --open ID")
    tid = _ticket_id(ticket, app.settings)
    with Session(app.engine) as session:
        if save_dir is not None:
            result = save_attachments(session, app.settings, tid, save_dir)
            if as_json:
                emit_json(result)
            else:
                for row in result["saved"]:
                    echo(f"saved {row['path']}")
                for row in result["refused"]:
                    echo(f"not saved (a file of that name exists): {row['path']}", err=True)
            if result["refused"]:
                sys.exit(1)
            return
        if open_id is not None:
            path = save_for_opening(session, app.settings, tid, open_id)
            if as_json:
                emit_json({"id": open_id, "path": str(path)})
            else:
                echo(f"opening {path}")
            click.launch(str(path))
            return
        rows = list_attachments(session, tid)
    if as_json:
        emit_json(rows)
        return
    table(
        rows,
        [
            ("id", "ID"),
            ("message", "MSG"),
            ("direction", "DIR"),
            ("save_as", "NAME"),
            ("content_type", "TYPE"),
            ("size", "SIZE"),
        ],
    )


@tickets.command("note")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("text", required=False)
@click.option("--body-file", type=click.Path(dir_okay=False, allow_dash=True), help="Or a file.")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_note(
    app: App, ticket: str, text: str | None, body_file: str | None, actor: str, as_json: bool
) -> None:
    """Add an internal note (never mailed)."""
    from ticketing.lifecycle import note

    content = _read_text(text, body_file, "body")
    if not content.strip():
        fail("the note is empty")
    tid = _ticket_id(ticket, app.settings)
    _run_action(app, as_json, lambda s, r: note(s, app.settings, tid, actor=actor, text=content))


@tickets.command("assign")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("agent")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_assign(app: App, ticket: str, agent: str, actor: str, as_json: bool) -> None:
    """Assign the ticket to AGENT (`-` unassigns it)."""
    from ticketing.lifecycle import assign

    tid = _ticket_id(ticket, app.settings)
    who = None if agent == "-" else agent
    _run_action(app, as_json, lambda s, r: assign(s, app.settings, tid, actor=actor, agent=who))


@tickets.command("priority")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("priority", type=click.Choice(["low", "normal", "high", "urgent"]))
@click.option("--reason", default="")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_priority(
    app: App, ticket: str, priority: str, reason: str, actor: str, as_json: bool
) -> None:
    """Set the priority."""
    from ticketing.lifecycle import set_priority

    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: set_priority(
            s, app.settings, tid, actor=actor, priority=priority, reason=reason
        ),
    )


@tickets.command("tag")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("tags", nargs=-1)
@click.option("--remove", multiple=True, help="Remove this tag (repeatable).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_tag(
    app: App, ticket: str, tags: tuple[str, ...], remove: tuple[str, ...], actor: str, as_json: bool
) -> None:
    """Add TAGS (and remove --remove ones)."""
    from ticketing.lifecycle import tag

    if not tags and not remove:
        fail("give tags to add or --remove TAG")
    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app, as_json, lambda s, r: tag(s, app.settings, tid, actor=actor, add=tags, remove=remove)
    )


@tickets.command("status")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument(
    "new_status",
    metavar="STATUS",
    type=click.Choice(["new", "open", "pending", "escalated", "resolved", "closed"]),
)
@click.option("--reason", default="", help="Why (required to close an unresolved ticket).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_status(
    app: App, ticket: str, new_status: str, reason: str, actor: str, as_json: bool
) -> None:
    """Change the status (resolved and escalated have their own commands)."""
    from ticketing.lifecycle import set_status

    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: set_status(
            s, app.settings, tid, actor=actor, status=new_status, reason=reason
        ),
    )


@tickets.command("resolve")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--resolution", help="What was done: the customer is told this.")
@click.option("--resolution-file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--no-notify", is_flag=True, help="Do not mail the customer (needs --reason).")
@click.option(
    "--force",
    is_flag=True,
    help="Resolve despite an open vendor case or a dispute without an outcome (needs --reason).",
)
@click.option("--reason", default="", help="Why the customer is not told, or why forced.")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_resolve(
    app: App,
    ticket: str,
    resolution: str | None,
    resolution_file: str | None,
    no_notify: bool,
    force: bool,
    reason: str,
    actor: str,
    as_json: bool,
) -> None:
    """Resolve and close the loop: the `resolved` mail is queued with the resolution."""
    from ticketing.lifecycle import resolve

    text = _read_text(resolution, resolution_file, "resolution", required=not no_notify)
    if not no_notify and not text.strip():
        fail("the resolution is empty")
    if no_notify and not reason.strip():
        fail("--no-notify needs --reason TEXT (recorded)")
    if force and not reason.strip():
        fail("--force needs --reason TEXT (recorded)")
    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: resolve(
            s,
            app.settings,
            r,
            tid,
            actor=actor,
            resolution=text,
            notify=not no_notify,
            reason=reason,
            force=force,
        ),
    )


@tickets.command("reopen")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--reason", default="")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_reopen(app: App, ticket: str, reason: str, actor: str, as_json: bool) -> None:
    """Reopen a resolved or closed ticket."""
    from ticketing.lifecycle import reopen

    tid = _ticket_id(ticket, app.settings)
    _run_action(app, as_json, lambda s, r: reopen(s, app.settings, tid, actor=actor, reason=reason))


@tickets.command("close")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--reason", default="", help="Required unless the ticket is resolved.")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_close(app: App, ticket: str, reason: str, actor: str, as_json: bool) -> None:
    """Close a ticket (a resolved one, or any with --reason)."""
    from ticketing.lifecycle import close

    tid = _ticket_id(ticket, app.settings)
    _run_action(app, as_json, lambda s, r: close(s, app.settings, tid, actor=actor, reason=reason))


@tickets.command("merge")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("into")
@click.option("--force", is_flag=True, help="Merge tickets of different requesters.")
@click.option("--reason", default="")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_merge(
    app: App, ticket: str, into: str, force: bool, reason: str, actor: str, as_json: bool
) -> None:
    """Merge TICKET into INTO: its conversation moves, TICKET is closed with a pointer."""
    from ticketing.lifecycle import merge

    if force and not reason.strip():
        fail("--force needs --reason TEXT (recorded)")
    source, target = _ticket_id(ticket, app.settings), _ticket_id(into, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: merge(
            s, app.settings, source, target, actor=actor, force=force, reason=reason
        ),
    )


@tickets.command("escalate")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--vendor-case", required=True, help="The vendor's case number.")
@click.option("--note", default="", help="Internal note about the case.")
@click.option("--no-notify", is_flag=True, help="Do not mail the customer (needs --reason).")
@click.option("--reason", default="")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_escalate(
    app: App,
    ticket: str,
    vendor_case: str,
    note: str,
    no_notify: bool,
    reason: str,
    actor: str,
    as_json: bool,
) -> None:
    """Record the vendor case, set `escalated`, tell the customer we escalated for them."""
    from ticketing.lifecycle import escalate

    if not vendor_case.strip():
        fail("--vendor-case is empty")
    if no_notify and not reason.strip():
        fail("--no-notify needs --reason TEXT (recorded)")
    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: escalate(
            s,
            app.settings,
            r,
            tid,
            actor=actor,
            vendor_case=vendor_case,
            note=note,
            notify=not no_notify,
            reason=reason,
        ),
    )


@tickets.command("vendor-update")
@click.argument("ticket", shell_complete=complete_ticket)
@click.option("--status", "vendor_status", type=click.Choice(["open", "resolved"]), required=True)
@click.option("--note", default="", help="What the vendor said.")
@click.option("--case", "vendor_case", help="Which case (default: the open one).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_vendor_update(
    app: App,
    ticket: str,
    vendor_status: str,
    note: str,
    vendor_case: str | None,
    actor: str,
    as_json: bool,
) -> None:
    """Record news from the vendor; a resolved case returns the ticket to `open`."""
    from ticketing.lifecycle import vendor_update

    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: vendor_update(
            s,
            app.settings,
            tid,
            actor=actor,
            status=vendor_status,
            note=note,
            vendor_case=vendor_case,
        ),
    )


@tickets.command("dispute")
@click.argument("ticket", shell_complete=complete_ticket)
@invoice_option("Default: the invoice number found in the customer's mail.")
@click.option("--amount", help="The disputed amount, e.g. 12000 or 1,234.56.")
@click.option("--currency", help="ISO 4217 code, e.g. JPY, USD.")
@click.option("--reason", default="", help="Why the customer disputes it.")
@click.option("--notify", is_flag=True, help="Also mail the customer `dispute-received`.")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_dispute(
    app: App,
    ticket: str,
    invoice: str | None,
    amount: str | None,
    currency: str | None,
    reason: str,
    notify: bool,
    actor: str,
    as_json: bool,
) -> None:
    """Record what the customer disputes (invoice, amount, currency).

    The invoice must be on the customer's account; while a dispute on the same ticket
    and invoice has no outcome, another is refused (exit 1, naming it)."""
    from ticketing.disputes import DisputeAlreadyOpen, record_dispute
    from ticketing.money import MoneyError, check_currency

    if currency is not None:
        try:
            check_currency(currency)
        except MoneyError as exc:
            fail(str(exc))
    tid = _ticket_id(ticket, app.settings)
    try:
        _run_action(
            app,
            as_json,
            lambda s, r: record_dispute(
                s,
                app.settings,
                r,
                tid,
                actor=actor,
                invoice=invoice,
                amount=amount,
                currency=currency,
                reason=reason,
                notify=notify,
            ),
        )
    except DisputeAlreadyOpen as exc:
        if not as_json:
            raise
        # Scripts get the dispute that is open, not only a sentence about it.
        click.echo(f"Error: {exc}", err=True)
        emit_json({"error": str(exc), "ticket_id": tid, "dispute": exc.dispute})
        sys.exit(1)


@tickets.command("dispute-outcome")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("outcome", type=click.Choice(["upheld", "rejected", "partial"]))
@click.option("--credit", help="Amount credited (required for partial).")
@click.option("--message", default="", help="An explanation for the customer.")
@invoice_option("Which dispute, when the ticket has several open.")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_dispute_outcome(
    app: App,
    ticket: str,
    outcome: str,
    credit: str | None,
    message: str,
    invoice: str | None,
    actor: str,
    as_json: bool,
) -> None:
    """Record the vendor's decision on the dispute and mail it to the customer."""
    from ticketing.disputes import dispute_outcome

    if outcome == "partial" and credit is None:
        fail("a partial outcome needs --credit AMOUNT")
    tid = _ticket_id(ticket, app.settings)
    _run_action(
        app,
        as_json,
        lambda s, r: dispute_outcome(
            s,
            app.settings,
            r,
            tid,
            actor=actor,
            outcome=outcome,
            credit=credit,
            message=message,
            invoice=invoice,
        ),
    )


@tickets.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--queue", shell_complete=complete_queue)
@click.option(
    "--status", type=click.Choice(["new", "open", "pending", "escalated", "resolved", "closed"])
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_search(
    app: App,
    words: tuple[str, ...],
    queue: str | None,
    status: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Tickets whose subject or messages contain every word ("quote" a phrase)."""
    from sqlmodel import Session

    from ticketing.search import search, terms_of

    query = " ".join(f'"{w}"' if " " in w.strip() else w for w in words)
    if not terms_of(query):
        fail("nothing to search for")
    if queue and queue not in app.settings.service.queues:
        fail(f"unknown queue {queue!r} (known: {', '.join(app.settings.service.queues)})")
    with Session(app.engine) as session:
        rows = search(session, app.settings, query, queue=queue, status=status, limit=limit)
    if as_json:
        emit_json(rows)
    else:
        table(
            rows,
            [
                ("ref", "REF"),
                ("status", "STATUS"),
                ("queue", "QUEUE"),
                ("requester", "REQUESTER"),
                ("subject", "SUBJECT"),
                ("snippet", "MATCH"),
            ],
        )


# -- customers and collections ------------------------------------------------------------


@cli.group()
def customers() -> None:
    """Customers, their invoices and account status."""


def _today(app: App) -> date:
    from ticketing.dunning import local_today
    from ticketing.models import utcnow

    return local_today(app.settings, utcnow())


@customers.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--encoding", help="The file's encoding (default: UTF-8, else CP932).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def customers_import(app: App, file: str, encoding: str | None, actor: str, as_json: bool) -> None:
    """Import customers and invoices from a CSV file (columns in the README).

    Bad rows are reported as FILE:LINE: reason and skipped; the rest is imported.
    Exit 1 when any row was bad."""
    from sqlmodel import Session

    from ticketing.customers import import_csv
    from ticketing.notify import make_renderer

    path = Path(file)
    if not path.is_file():
        fail(f"cannot read {file}: no such file")
    languages = make_renderer(app.settings).languages()
    with progress_bar("importing", as_json=as_json) as advance, Session(app.engine) as session:
        report = import_csv(
            session,
            path,
            actor=actor,
            languages=languages,
            today=_today(app),
            encoding=encoding,
            progress=advance,
        )
        session.commit()
    if as_json:
        emit_json(report.to_json())
    else:
        echo(
            f"{report.imported} of {report.rows} row(s) imported ({report.encoding}): "
            f"{report.customers_created} customer(s) created, {report.customers_updated} updated, "
            f"{report.invoices_created} invoice(s) created, {report.invoices_updated} updated, "
            f"{report.status_changes} status change(s)"
        )
        for error in report.errors:
            echo(error, err=True)
    if report.errors:
        sys.exit(1)


@customers.command("list")
@click.option("--status", type=click.Choice(["active", "delinquent", "suspended"]))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--offset", default=0, type=click.IntRange(0, MAX_ID))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def customers_list(app: App, status: str | None, limit: int, offset: int, as_json: bool) -> None:
    """Customers with their account status and open invoices."""
    from sqlmodel import Session

    from ticketing.customers import list_customers

    with Session(app.engine) as session:
        rows = list_customers(session, today=_today(app), status=status, limit=limit, offset=offset)
    if as_json:
        emit_json(rows)
    else:
        table(
            rows,
            [
                ("email", "EMAIL"),
                ("name", "NAME"),
                ("language", "LANG"),
                ("account_status", "STATUS"),
                ("open_invoices", "OPEN INVOICES"),
                ("max_days_overdue", "DAYS OVERDUE"),
            ],
        )


@customers.command("show")
@click.argument("email")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def customers_show(app: App, email: str, as_json: bool) -> None:
    """One customer: invoices with the notices sent, tickets, account history."""
    from sqlmodel import Session

    from ticketing.customers import show_customer

    with Session(app.engine) as session:
        data = show_customer(session, app.settings, email, _today(app))
    if as_json:
        emit_json(data)
        return
    echo(f"{data['email']}  {data['name']} · {data['language'] or '-'} · {data['account_status']}")
    if data["invoices"]:
        rows = [
            {**i, "notices": ", ".join(n["stage"] for n in i["notices"])} for i in data["invoices"]
        ]
        table(
            rows,
            [
                ("number", "INVOICE"),
                ("amount_display", "AMOUNT"),
                ("due_date", "DUE"),
                ("days_overdue", "DAYS OVERDUE"),
                ("status", "STATUS"),
                ("notices", "NOTICES SENT"),
            ],
        )
    if data["tickets"]:
        table(
            data["tickets"],
            [("ref", "REF"), ("status", "STATUS"), ("queue", "QUEUE"), ("subject", "SUBJECT")],
        )
    for e in data["events"]:
        echo(
            f"  {e['created_at']} {e['actor']}: {e['kind']} "
            f"{json.dumps(e['detail'], ensure_ascii=False)}"
        )


@customers.command("set-status")
@click.argument("email")
@click.argument(
    "new_status", metavar="STATUS", type=click.Choice(["active", "delinquent", "suspended"])
)
@click.option("--reason", required=True, help="Why (recorded).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def customers_set_status(
    app: App, email: str, new_status: str, reason: str, actor: str, as_json: bool
) -> None:
    """Set a customer's account status (active, delinquent, suspended)."""
    from sqlmodel import Session

    from ticketing.customers import set_status

    if not reason.strip():
        fail("--reason is empty")
    with Session(app.engine) as session:
        result = set_status(session, email, new_status, reason=reason, actor=actor)
        session.commit()
    if as_json:
        emit_json(result)
    elif result["changed"]:
        click.echo(f"{result['email']}: {result['from']} -> {result['to']}")
    else:
        click.echo(f"{result['email']}: already {result['to']}")


@cli.group()
def collections() -> None:
    """The collections policy: reminders, final notices, suspension notices."""


@collections.command("run")
@click.option("--dry-run", is_flag=True, help="Only list the notices that are due.")
@invoice_option("Only this invoice (any spelling).")
@click.option("--actor", default="system", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def collections_run(
    app: App, dry_run: bool, invoice: str | None, actor: str, as_json: bool
) -> None:
    """Queue every collections notice that is due, once per stage and invoice.

    Invoices under dispute are held (no notice, no stage, no status change) and listed
    with the reason."""
    from sqlmodel import Session

    from ticketing.dunning import run
    from ticketing.notify import make_renderer

    with (
        progress_bar("queueing notices", as_json=as_json) as advance,
        Session(app.engine) as session,
    ):
        result = run(
            session,
            app.settings,
            make_renderer(app.settings),
            dry_run=dry_run,
            actor=actor,
            invoice=invoice,
            progress=advance,
        )
        if not dry_run:
            session.commit()
    notices, held = result["notices"], result["held"]
    if as_json:
        emit_json({"dry_run": dry_run, "notices": notices, "held": held})
        return
    verb = "due" if dry_run else "queued"
    click.echo(f"{len(notices)} notice(s) {verb}, {len(held)} invoice(s) held")
    if notices:
        table(
            notices,
            [
                ("customer", "CUSTOMER"),
                ("invoice", "INVOICE"),
                ("days_overdue", "DAYS OVERDUE"),
                ("stage", "STAGE"),
                ("template", "TEMPLATE"),
                ("account_status", "ACCOUNT →"),
                *([] if dry_run else [("ticket_id", "TICKET")]),
            ],
        )
    if held:
        table(
            held,
            [
                ("customer", "CUSTOMER"),
                ("invoice", "INVOICE"),
                ("days_overdue", "DAYS OVERDUE"),
                ("stage", "HELD AT"),
                ("reason", "HELD BECAUSE"),
            ],
        )


# -- SLAs and templates -------------------------------------------------------------------


@cli.group()
def sla() -> None:
    """Service levels."""


@sla.command("check")
@click.option("--actor", default="system", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def sla_check(app: App, actor: str, as_json: bool) -> None:
    """Mark SLA breaches (raising priority per [sla]) and auto-close resolved tickets
    that had no reply for [lifecycle].auto_close_days. Run it from cron."""
    from sqlmodel import Session

    from ticketing.sla import check

    with Session(app.engine) as session:
        report = check(session, app.settings, actor=actor)
        session.commit()
    if as_json:
        emit_json(report.to_json())
        return
    click.echo(
        f"checked {report.checked} open ticket(s): {len(report.breaches)} new breach(es), "
        f"{len(report.auto_closed)} auto-closed"
    )
    if report.breaches:
        table(
            in_desk_time(report.breaches, app.settings, "due_at"),
            [
                ("ticket_id", "TICKET"),
                ("kind", "TARGET"),
                ("due_at", "DUE"),
                ("queue", "QUEUE"),
                ("priority_raised_to", "PRIORITY →"),
            ],
        )


@cli.group()
def templates() -> None:
    """Customer-facing mail templates."""


@templates.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def templates_list(app: App, as_json: bool) -> None:
    """Every template with the languages it exists in."""
    from ticketing.notify import make_renderer
    from ticketing.templating import list_templates

    rows = [t.to_json() for t in list_templates(make_renderer(app.settings), app.settings)]
    if as_json:
        emit_json(rows)
        return
    table(
        [
            {
                "name": r["name"],
                "languages": ", ".join(r["languages"]),
                "missing": ", ".join(r["missing"]),
            }
            for r in rows
        ],
        [("name", "TEMPLATE"), ("languages", "LANGUAGES"), ("missing", "MISSING IN")],
    )


@templates.command("preview")
@click.argument("name", shell_complete=complete_template)
@click.option("--ticket", "ticket_ref", required=True, help="Render for this ticket.")
@click.option("--lang", help="Language (default: the ticket's).")
@click.option("--html", "show_html", is_flag=True, help="Print the HTML part too.")
@click.option("--body", help="The agent's text, as `tickets reply --body` would send it.")
@click.option("--sign", help="The signature, as `tickets reply --sign` (default: none).")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def templates_preview(
    app: App,
    name: str,
    ticket_ref: str,
    lang: str | None,
    show_html: bool,
    body: str | None,
    sign: str | None,
    as_json: bool,
) -> None:
    """Render NAME for a real ticket as it would be sent (with --body, the agent's text;
    sample data for what the action would add); nothing is queued."""
    from sqlmodel import Session

    from ticketing.desk import get_ticket
    from ticketing.notify import make_renderer
    from ticketing.templating import preview

    renderer = make_renderer(app.settings)
    if lang is not None and lang not in renderer.languages():
        fail(f"unknown language {lang!r} (known: {', '.join(renderer.languages())})")
    tid = _ticket_id(ticket_ref, app.settings)
    with Session(app.engine) as session:
        rendered = preview(
            session,
            app.settings,
            renderer,
            name,
            get_ticket(session, tid),
            lang,
            body=body,
            agent=sign,
        )
    if as_json:
        emit_json(
            {
                "name": rendered.name,
                "language": rendered.language,
                "subject": rendered.subject,
                "text": rendered.text,
                "html": rendered.html,
            }
        )
        return
    echo(f"template: {rendered.name} ({rendered.language})")
    echo(f"Subject: {rendered.subject}\n")
    echo(rendered.text.rstrip())
    if show_html:
        echo("\n" + rendered.html.rstrip())


@templates.command("check")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def templates_check(app: App, as_json: bool) -> None:
    """Render every template in every language with StrictUndefined; exit 1 on failure."""
    from ticketing.notify import make_renderer
    from ticketing.templating import all_names, check

    renderer = make_renderer(app.settings)
    failures = check(renderer, app.settings)
    names = all_names(renderer, app.settings)
    if as_json:
        emit_json(
            {
                "templates": len(names),
                "languages": renderer.languages(),
                "failures": failures,
            }
        )
    else:
        for failure in failures:
            click.echo(failure)
        click.echo(
            f"{len(names)} template(s) in {', '.join(renderer.languages())}: "
            + (f"{len(failures)} failure(s)" if failures else "all render")
        )
    if failures:
        sys.exit(1)


# -- quarantine ---------------------------------------------------------------------------


@cli.group()
def quarantine() -> None:
    """Messages that failed a stage: list, show, retry or discard them."""


@quarantine.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def quarantine_list(app: App, as_json: bool) -> None:
    """List quarantined messages with their reason."""
    from sqlmodel import Session

    from ticketing.desk import list_raw
    from ticketing.models import Outcome

    with Session(app.engine) as session:
        rows = list_raw(session, Outcome.QUARANTINED, limit=1000)
    if as_json:
        emit_json(rows)
    else:
        table(
            in_desk_time(rows, app.settings, "received_at"),
            [
                ("id", "ID"),
                ("received_at", "RECEIVED"),
                ("source", "SOURCE"),
                ("size", "SIZE"),
                ("reason", "REASON"),
            ],
        )


@quarantine.command("show")
@click.argument("raw_id", type=ID)
@click.option("--raw", "show_raw", is_flag=True, help="Print the raw message bytes.")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def quarantine_show(app: App, raw_id: int, show_raw: bool, as_json: bool) -> None:
    """Show a quarantined message: reason, traceback, and optionally its bytes."""
    from sqlmodel import Session

    from ticketing.desk import get_raw, raw_bytes, raw_summary
    from ticketing.models import Outcome

    with Session(app.engine) as session:
        raw = get_raw(session, raw_id, Outcome.QUARANTINED)
        data = raw_summary(raw) | {"error": raw.error}
        content = raw_bytes(app.settings, raw) if show_raw else b""
    if show_raw:
        sys.stdout.buffer.write(content)
        return
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        if key != "error":
            echo(f"{key}: {value}")
    if data["error"]:
        echo("\n" + data["error"])


@quarantine.command("retry")
@click.argument("raw_id", required=False, type=ID)
@click.option("--all", "retry_all", is_flag=True, help="Retry every quarantined message.")
@pass_app
def quarantine_retry(app: App, raw_id: int | None, retry_all: bool) -> None:
    """Run a quarantined message (or all) through the pipeline again."""
    from sqlmodel import Session

    from ticketing.desk import get_raw, list_raw, raw_bytes
    from ticketing.models import Outcome
    from ticketing.pipeline import replay_raw

    if (raw_id is None) == (not retry_all):
        fail("give either a RAW_ID or --all")
    with Session(app.engine) as session:
        ids: list[int] = (
            [r["id"] for r in list_raw(session, Outcome.QUARANTINED, limit=100000)]
            if raw_id is None
            else [raw_id]
        )
    for rid in ids:
        with Session(app.engine, expire_on_commit=False) as session:
            raw = get_raw(session, rid, Outcome.QUARANTINED)
            data = raw_bytes(app.settings, raw)
        result = replay_raw(app.pipeline, raw, data)
        echo(f"{rid}: {result.outcome}: {result.detail}")


@quarantine.command("discard")
@click.argument("raw_id", type=ID)
@click.option("--reason", required=True, help="Why it is discarded (recorded).")
@click.option("--actor", default=lambda: os.environ.get("USER", "agent"), show_default="$USER")
@pass_app
def quarantine_discard(app: App, raw_id: int, reason: str, actor: str) -> None:
    """Mark a quarantined message as discarded; its bytes are kept."""
    from sqlmodel import Session

    from ticketing.desk import discard_raw

    with Session(app.engine) as session:
        discard_raw(session, raw_id, reason, actor)
        session.commit()
    click.echo(f"discarded {raw_id}")


# -- operations ---------------------------------------------------------------------------


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@pass_app
def optimize(app: App, as_json: bool) -> None:
    """Compact the search index and refresh planner statistics (nightly, or after a bulk
    import; safe while the service runs)."""
    import time

    from ticketing.search import optimize as optimize_database

    start = time.monotonic()
    data = optimize_database(app.engine)
    data["seconds"] = round(time.monotonic() - start, 3)
    if as_json:
        emit_json(data)
        return
    for line in data["done"]:
        click.echo(line)
    click.echo(f"done in {data['seconds']:.1f} s")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@pass_app
def status(app: App, as_json: bool) -> None:
    """Queues, quarantine, held mail, outbox backlog and mailbox health at a glance."""
    from sqlmodel import Session

    from ticketing.desk import status_summary

    with Session(app.engine) as session:
        data = status_summary(session, app.settings)
    if as_json:
        emit_json(data)
        return
    statuses = ["new", "open", "pending", "escalated", "resolved", "closed"]
    rows = [{"queue": q, **counts} for q, counts in data["queues"].items()]
    table(rows, [("queue", "QUEUE"), *[(s, s.upper()) for s in statuses]])
    click.echo(
        f"quarantined {data['quarantined']} · held {data['held']} · outbox pending "
        f"{data['outbox']['pending']}, failed {data['outbox']['failed']}"
    )
    _show_desk_status(data)
    if data["mailboxes"]:
        table(
            data["mailboxes"],
            [
                ("mailbox", "MAILBOX"),
                ("folder", "FOLDER"),
                ("last_uid", "LAST UID"),
                ("seconds_since_poll", "LAG S"),
                ("error_count", "ERRORS"),
                ("last_error", "LAST ERROR"),
            ],
        )


@cli.group()
def mailbox() -> None:
    """IMAP mailbox maintenance."""


@mailbox.command("reconcile")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def mailbox_reconcile(app: App, name: str, as_json: bool) -> None:
    """Compare the mailbox's UIDs with what was ingested and list any gap."""
    from ticketing.imap import reconcile

    with progress_bar(f"reconciling {name}", as_json=as_json) as advance:
        report = reconcile(app.settings.mailbox(name), app.pipeline, progress=advance)
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(
            f"{report.mailbox}/{report.folder} (UIDVALIDITY {report.uidvalidity}): "
            f"{report.in_mailbox} in mailbox, {report.stored} stored, {report.duplicates} duplicates, "
            f"{len(report.not_yet_fetched)} not yet fetched, {len(report.missing)} missing"
        )
        if report.missing:
            click.echo("missing UIDs: " + " ".join(map(str, report.missing)))
    if report.missing:
        sys.exit(1)


# -- rules --------------------------------------------------------------------------------
# Validate the rule file, route mail without storing it, replay stored mail against the
# current rules; `tickets move` (an agent's re-route) lives here too, with its logic in
# ticketing/routing_ops.py.


@cli.group()
def rules() -> None:
    """Routing rules: check the rule file, test it on mail, replay stored mail."""


def _load_rules(app: App, path: str | None, *, model: bool = True) -> RuleSet:
    """The rule file (default: [service].rules_file) with the active routing model."""
    from ticketing.rules import load_rules

    s = app.settings
    if path is not None and not Path(path).is_file():
        fail(f"no such rule file: {path}")
    rules = load_rules(Path(path) if path else s.rules_path, queues=s.service.queues)
    if not model:
        return rules
    from ticketing.model_store import ActiveModel

    return rules.with_model(ActiveModel(s.path(s.service.models_dir)))


@rules.command("check")
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False),
    help="Rule file to check (default: [service].rules_file).",
)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def rules_check(app: App, path: str | None, as_json: bool) -> None:
    """Validate the rule file; every error is printed as FILE:LINE: rule 'NAME': what."""
    from ticketing.errors import RulesError

    s = app.settings
    shown = path or str(s.rules_path)
    try:
        ruleset = _load_rules(app, path)
    except RulesError as exc:
        errors = [e for e in str(exc).splitlines() if not e.startswith("(")]
        if as_json:
            emit_json({"file": shown, "ok": False, "errors": errors})
            sys.exit(1)
        raise
    queues: dict[str, int] = {}
    for rule in ruleset.rules:
        if rule.actions.queue:
            queues[rule.actions.queue] = queues.get(rule.actions.queue, 0) + 1
    rows = [
        {
            "name": r.name,
            "line": r.line,
            "queue": r.actions.queue,
            "priority": r.actions.priority,
            "tags": list(r.actions.tags),
            "on_followup": r.on_followup,
            "continue": r.continue_,
            "description": r.description,
        }
        for r in ruleset.rules
    ]
    if as_json:
        emit_json(
            {
                "file": shown,
                "ok": True,
                "errors": [],
                "queues": list(ruleset.queues),
                "rules": len(ruleset.rules),
                "extractors": len(ruleset.extractors),
                "rules_per_queue": queues,
                "rule_list": rows,
            }
        )
        return
    click.echo(
        f"{shown}: OK: {len(ruleset.rules)} rules, {len(ruleset.extractors)} extractors, "
        f"queues {', '.join(ruleset.queues)}"
    )
    click.echo(
        "rules setting a queue: "
        + (", ".join(f"{q} {n}" for q, n in queues.items()) or "none")
        + f"; default {s.service.default_queue}"
    )
    table(
        [r | {"flags": _rule_flags(r)} for r in rows],
        [("line", "LINE"), ("name", "RULE"), ("queue", "QUEUE"), ("flags", "FLAGS")],
    )


def _rule_flags(row: dict[str, Any]) -> str:
    flags = []
    if row["priority"]:
        flags.append(f"priority {row['priority']}")
    if row["tags"]:
        flags.append("tags " + ",".join(row["tags"]))
    if row["on_followup"]:
        flags.append("on_followup")
    if row["continue"]:
        flags.append("continue")
    return "; ".join(flags)


@rules.command("test")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "--customer-status",
    type=click.Choice(["active", "delinquent", "suspended", "unknown"]),
    default="unknown",
    show_default=True,
    help="The sender's account status, as routing would see it.",
)
@click.option(
    "--mailbox", help="Route as mail from this mailbox (a [[mailboxes]] name or ingress)."
)
@click.option("--file", "rules_path", type=click.Path(dir_okay=False), help="Another rule file.")
@click.option("-v", "--verbose", is_flag=True, help="One line per rule tried, with why.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per message.")
@pass_app
def rules_test(
    app: App,
    files: tuple[str, ...],
    customer_status: str,
    mailbox: str | None,
    rules_path: str | None,
    verbose: bool,
    as_json: bool,
) -> None:
    """Route raw messages (FILES, or - for standard input) without storing anything."""
    from ticketing.routing_ops import INGRESS_MAILBOX, route_message

    s = app.settings
    if mailbox is not None and mailbox != INGRESS_MAILBOX:
        known = [mb.name for mb in s.mailboxes]
        if mailbox not in known:
            fail(f"unknown mailbox {mailbox!r} (known: {', '.join([*known, INGRESS_MAILBOX])})")
    ruleset = _load_rules(app, rules_path)
    results = []
    for name in files:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                fail(f"cannot read {name}: {exc.strerror}")
        status = None if customer_status == "unknown" else customer_status
        results.append(
            route_message(ruleset, s, data, name=name, mailbox=mailbox, customer_status=status)
        )
    if as_json:
        emit_json(results)
        return
    for r in results:
        extras = [f"priority {r['priority']}"]
        if r["tags"]:
            extras.append("tags " + ", ".join(r["tags"]))
        echo(f"{r['file']}: {r['queue']} ({'; '.join(extras)})")
        echo(f"  {r['explanation']}")
        for line in model_lines(r.get("model")):
            echo(f"  {line}")
        if r["fields"]:
            echo("  fields: " + ", ".join(f"{k}={v}" for k, v in r["fields"].items()))
        if verbose:
            for step in r["trace"]:
                echo("  " + _trace_line(step))
            continue
        import textwrap

        marks = " ".join(
            ("-" if t["skipped_reason"] else "✔" if t["matched"] else "✘") + t["rule"]
            for t in r["trace"]
        )
        wrapped = textwrap.fill(
            marks, 100, initial_indent="  tried: ", subsequent_indent="    ", break_on_hyphens=False
        )
        echo(wrapped)
        for step in r["trace"]:
            if step["matched"]:
                echo("  " + _trace_line(step))


def _trace_line(step: dict[str, Any]) -> str:
    """One rule of a trace on one line: why it matched, or the first condition that failed."""
    if step["skipped_reason"]:
        return f"- {step['rule']} (skipped: {step['skipped_reason']})"
    if step["matched"]:
        held = [c["detail"] for c in step["conditions"] if c["held"]]
        return f"✔ {step['rule']}" + (f": {'; '.join(held)}" if held else "")
    failed = next((c for c in step["conditions"] if not c["held"]), None)
    why = f": {failed['condition']} ({failed['detail']})" if failed else ""
    line = f"✘ {step['rule']}{why}"
    return line if len(line) <= 140 else line[:139] + "…"


@rules.command("replay")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
    help="Only tickets opened since then (UTC).",
)
@click.option(
    "--queue", shell_complete=complete_queue, help="Only tickets the rules had sent to this queue."
)
@click.option("--limit", type=click.IntRange(1, MAX_ID), help="Only the N newest tickets.")
@click.option("--file", "rules_path", type=click.Path(dir_okay=False), help="Another rule file.")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def rules_replay(
    app: App,
    since: datetime | None,
    queue: str | None,
    limit: int | None,
    rules_path: str | None,
    as_json: bool,
) -> None:
    """Re-route stored mail with the current rules and report what would move (changes nothing)."""
    from datetime import UTC

    from sqlmodel import Session

    from ticketing.routing_ops import replay

    s = app.settings
    if queue and queue not in s.service.queues:
        fail(f"unknown queue {queue!r} (known: {', '.join(s.service.queues)})")
    ruleset = _load_rules(app, rules_path)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    with progress_bar("replaying", as_json=as_json) as advance, Session(app.engine) as session:
        report = replay(
            session, s, ruleset, since=since, queue=queue, limit=limit, progress=advance
        )
        session.rollback()  # replay only reads; make sure nothing could be written
    if as_json:
        emit_json(report)
        return
    echo(
        f"replayed {report['examined']} tickets with {report['rules_file']}: "
        f"{report['unchanged']} unchanged, {report['would_move']} would move"
    )
    print_replay(report)


def print_replay(report: dict[str, Any]) -> None:
    """The moves, the skipped tickets and the tickets of a replay report (after its
    header line): `rules replay` and `routing replay` print them alike."""
    for move in report["moves"]:
        echo(f"  {move['from']} -> {move['to']}: {move['count']}")
    for skip in report["skipped"]:
        echo(f"  skipped ticket {skip['ticket_id']}: {skip['reason']}", err=True)
    if report["tickets"]:
        table(
            report["tickets"],
            [
                ("ref", "REF"),
                ("from", "FROM"),
                ("to", "TO"),
                ("current_queue", "NOW"),
                ("matched_rule", "RULE"),
                ("subject", "SUBJECT"),
            ],
        )


@tickets.command("move")
@click.argument("ticket", shell_complete=complete_ticket)
@click.argument("queue", shell_complete=complete_queue)
@click.option("--reason", required=True, help="Why it moves (recorded).")
@actor_option
@click.option("--json", "as_json", is_flag=True)
@pass_app
def tickets_move(app: App, ticket: str, queue: str, reason: str, actor: str, as_json: bool) -> None:
    """Move TICKET (ID or REF) to QUEUE by hand; the move and its reason are recorded."""
    from sqlmodel import Session

    from ticketing.routing_ops import move_ticket

    s = app.settings
    if queue not in s.service.queues:
        fail(f"unknown queue {queue!r} (known: {', '.join(s.service.queues)})")
    if not reason.strip():
        fail("--reason must not be empty")
    tid = _ticket_id(ticket, s)
    with Session(app.engine) as session:
        result = move_ticket(session, s, tid, queue, reason=reason, actor=actor)
        session.commit()
    if as_json:
        emit_json(result)
    else:
        click.echo(f"{result['ref']}: moved from {result['from']} to {result['to']}")


def _register_groups() -> None:
    from ticketing.cli_db import db
    from ticketing.cli_oauth import mailbox_login
    from ticketing.cli_routing import routing

    cli.add_command(routing)
    cli.add_command(db)
    mailbox.add_command(mailbox_login)


# Only in the package's module: `python -m ticketing.cli` runs this file as __main__, and
# a parse worker it spawns re-runs it as __mp_main__; registering there would import the
# command groups, which import ticketing.cli, which registers them: a circular import
# that killed every parse worker of a `python -m ticketing.cli serve`.
if __name__ == "ticketing.cli":
    _register_groups()


def main() -> None:
    cli(prog_name="ticketing")


if __name__ == "__main__":
    # `python -m ticketing.cli`: run the package's module, so that the command groups in
    # other modules register on the one `cli` they import.
    from ticketing.cli import main as package_main

    package_main()
