"""Database engines and schema management: one engine per URL, SQLite tuned for a
single-machine service (WAL), Alembic to create and upgrade the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import create_engine

from ticketing.errors import TicketingError
from ticketing.rawjson import json_serializer

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, *, snapshot_reader: bool = False, **kwargs: Any) -> Engine:
    """An engine for `url`; for SQLite the file's directory is created if missing.

    `snapshot_reader`: for a reader that wants one consistent view without blocking
    writers (`db copy`): SQLite transactions begin deferred, so they hold no write lock
    and see the snapshot of their first read; PostgreSQL transactions are REPEATABLE READ.
    """
    # JSON a parse worker already serialised (a routing decision) is stored as is.
    kwargs.setdefault("json_serializer", json_serializer)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(
            engine, "begin", _sqlite_begin_deferred if snapshot_reader else _sqlite_begin_immediate
        )
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if snapshot_reader:
        kwargs.setdefault("isolation_level", "REPEATABLE READ")
    return create_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module, so that _sqlite_begin_immediate
    # decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the CLI) run while the service writes; NORMAL is durable in WAL
    # mode except for the last transactions on power loss, never corrupting.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # A deferred transaction that reads, then writes after another process committed,
    # fails at once with "database is locked" (WAL snapshot conflict) instead of
    # waiting. Taking the write lock up front makes writers queue on busy_timeout.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_begin_deferred(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def url_password(url: str) -> str:
    """The password in a database URL, or ""."""
    if "://" not in url:
        return ""
    creds = url.split("://", 1)[1].rpartition("@")[0]
    return creds.partition(":")[2] if creds else ""


def redact_url(url: str) -> str:
    """`url` with its password, if any, replaced by ***, for messages and logs."""
    password = url_password(url)
    return url.replace(f":{password}@", ":***@", 1) if password else url


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    """Create the schema or bring it to the newest revision; safe to run again."""
    from alembic import command

    if url.startswith("sqlite"):
        make_engine(url, poolclass=NullPool).dispose()  # creates the directory
    try:
        command.upgrade(_alembic_config(url), "head")
    except Exception as exc:  # alembic wraps driver errors in many types
        password = url_password(url)
        why = str(exc).replace(password, "***") if password else str(exc)
        raise TicketingError(f"cannot initialise the database at {redact_url(url)}: {why}") from exc


# The newest migration, written down so that every command can compare a database with
# it without importing Alembic (tests/test_db.py checks it against the migrations).
SCHEMA_REVISION = "0008"


def schema_problem(revision: str | None) -> str | None:
    """What is wrong with a database at `revision` for this version, or None."""
    if revision is None:
        return "the database is not initialised: run `ticketing init` first"
    if revision < SCHEMA_REVISION:
        return (
            f"the database schema is at revision {revision}, this version of ticketing needs "
            f"{SCHEMA_REVISION}: run `ticketing db upgrade` (back up the database first)"
        )
    if revision > SCHEMA_REVISION:
        return (
            f"the database schema is at revision {revision}, written by a newer ticketing "
            f"than this one (which knows up to {SCHEMA_REVISION}): upgrade ticketing"
        )
    return None


def head_revision() -> str:
    """The newest schema revision this version of ticketing knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert head is not None, "no migrations"
    return head


def pending_revisions(current: str | None) -> list[tuple[str, str]]:
    """The migrations `upgrade` would apply after `current` (None: an empty database),
    oldest first, each (revision, the first line of its description)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    steps = list(script.iterate_revisions("heads", current or "base"))
    return [(rev.revision, _summary(rev.doc or "")) for rev in reversed(steps)]


def known_revision(revision: str) -> bool:
    """Whether this version of ticketing has the migration `revision` (a database a
    newer version upgraded has one it does not)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    return revision in {rev.revision for rev in script.walk_revisions()}


def _summary(doc: str) -> str:
    return " ".join(doc.strip().split("\n\n", 1)[0].split())


def current_revision(engine: Engine) -> str | None:
    """The schema revision, read directly: importing Alembic costs every CLI call ~160 ms."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
