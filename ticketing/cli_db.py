"""`ticketing db ...`: the schema's revision, its upgrade, and copying the database
to another one (SQLite to PostgreSQL).

Thin: each command calls ticketing/db.py or ticketing/dbcopy.py and prints. These work on
`[database] url` directly, so `db status` and `db upgrade` also answer for a database
that is not initialised yet.
"""

from __future__ import annotations

import time
from typing import Any

import click

from ticketing.cli import App, emit_json, pass_app
from ticketing.errors import TicketingError

PROGRESS_SECONDS = 5.0


@click.group()
def db() -> None:
    """The database: schema revision, upgrade, copy to another database."""


def _revision_state(app: App) -> dict[str, Any]:
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import NullPool

    from ticketing.db import (
        current_revision,
        head_revision,
        known_revision,
        make_engine,
        pending_revisions,
        redact_url,
    )

    url = app.settings.database_url
    engine = make_engine(url, poolclass=NullPool)
    try:
        current = current_revision(engine)
    except DBAPIError as exc:
        raise TicketingError(
            f"cannot open the database {redact_url(url)}: {_first_line(exc)} "
            "(check [database] url or $TICKETING_DATABASE_URL)"
        ) from exc
    finally:
        engine.dispose()
    head = head_revision()
    if current is not None and not known_revision(current):
        raise TicketingError(
            f"the database {redact_url(url)} is at revision {current}, which this version of "
            f"ticketing (newest {head}) does not know: a newer version upgraded it; install "
            "that version"
        )
    return {
        "database": redact_url(url),
        "current": current,
        "head": head,
        "pending": [{"revision": r, "summary": s} for r, s in pending_revisions(current)],
    }


def _first_line(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@db.command("status")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def db_status(app: App, as_json: bool) -> None:
    """The database's schema revision, the newest this version knows, and the
    migrations `db upgrade` would apply."""
    state = _revision_state(app)
    state["up_to_date"] = not state["pending"]
    if as_json:
        emit_json(state)
        return
    click.echo(f"database: {state['database']}")
    click.echo(f"current revision: {state['current'] or 'none (not initialised)'}")
    click.echo(f"head revision:    {state['head']}")
    if not state["pending"]:
        click.echo("up to date")
        return
    click.echo(f"{len(state['pending'])} migration(s) to apply with `ticketing db upgrade`:")
    for step in state["pending"]:
        click.echo(f"  {step['revision']}  {step['summary']}")


@db.command("upgrade")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def db_upgrade(app: App, as_json: bool) -> None:
    """Apply the Alembic migrations up to the newest revision (creates the schema in an
    empty database); safe to run again. Stop `serve` first."""
    from ticketing.db import upgrade

    before = _revision_state(app)
    upgrade(app.settings.database_url)
    result = {
        "database": before["database"],
        "from": before["current"],
        "to": before["head"],
        "applied": before["pending"],
    }
    if as_json:
        emit_json(result)
        return
    if not before["pending"]:
        click.echo(f"{before['database']}: already at revision {before['head']}, nothing to do")
        return
    click.echo(
        f"{before['database']}: upgraded from revision {before['current'] or 'none (empty)'} "
        f"to {before['head']}"
    )
    for step in before["pending"]:
        click.echo(f"  applied {step['revision']}  {step['summary']}")


@db.command("copy")
@click.option("--to", "target", required=True, metavar="URL", help="The database to copy into.")
@click.option("--force", is_flag=True, help="Replace the data the target already has.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=1000,
    show_default=True,
    help="Rows read and written at a time.",
)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def db_copy(app: App, target: str, force: bool, batch_size: int, as_json: bool) -> None:
    """Copy every table of the configured database into the (empty) database at URL,
    ids unchanged, in one transaction, and verify each table's row count. Stop `serve`
    first. Files under var_dir (attachments, keys, models) are not copied."""
    from ticketing.dbcopy import copy_database

    s = app.settings

    last_shown = [time.monotonic()]

    def progress(table: str, rows: int) -> None:
        # A large copy shows it is alive every few seconds; a small one stays quiet.
        if not as_json and time.monotonic() - last_shown[0] >= PROGRESS_SECONDS:
            last_shown[0] = time.monotonic()
            click.echo(f"  {table}: {rows} rows so far...", err=True)

    report = copy_database(
        s.database_url, target, force=force, batch_rows=batch_size, progress=progress
    )
    files = {
        "var_dir": str(s.var_path),
        "attachments_dir": str(s.path(s.service.attachments_dir)),
    }
    if as_json:
        emit_json({**report.as_dict(), "not_copied": files})
        return
    click.echo(f"copied {report.source} -> {report.target} (schema revision {report.revision})")
    if report.replaced:
        click.echo("the target's previous rows were deleted first (--force)")
    width = max(len(t.table) for t in report.tables)
    click.echo(f"  {'table':<{width}}  {'source':>9}  {'target':>9}")
    for t in report.tables:
        click.echo(f"  {t.table:<{width}}  {t.source_rows:>9}  {t.target_rows:>9}")
    click.echo(
        f"verified: {len(report.tables)} tables, {report.rows} rows, every count equal "
        f"({report.seconds:.1f} s)"
    )
    if report.sequences:
        click.echo(
            "sequences reset, next ids: "
            + ", ".join(f"{name} {n}" for name, n in report.sequences.items())
        )
    click.echo(
        f"not copied (files, not rows): var_dir {files['var_dir']} with the blob store "
        f"{files['attachments_dir']}, the reply-token keys and the routing models; the new "
        "database is used with the same var_dir"
    )
    click.echo(
        "next: set [database] url (or $TICKETING_DATABASE_URL) to the target, then "
        "`ticketing config check` and start serve"
    )
