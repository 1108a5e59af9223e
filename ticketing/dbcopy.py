"""`ticketing db copy`: every table of the configured database into another database
(SQLite to PostgreSQL is the case that matters; any direction works).

The target's schema is made by the same Alembic migrations, so it is exactly what
`ticketing init` would create there (search indexes included: SQLite's FTS5 tables fill
themselves through their triggers as rows arrive; PostgreSQL's trigram indexes are plain
indexes). Rows are read from one consistent snapshot of the source, table by table in
foreign-key order, each in primary-key order and in batches (keyset pagination, so a
large table costs no more per batch at its end than at its start), and written with
their ids unchanged. Everything is written in one transaction on the target: a copy that
fails part-way leaves the target as it was. PostgreSQL sequences are then set past the
largest id, and each table's row count is compared with the source's before commit.

Files are not copied: the blob store, the reply-token keys, trained models and locks
live under `var_dir`, which the new database is used with unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary, Table, func, inspect, select, text, tuple_
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

import ticketing.models  # noqa: F401 - registers the tables on SQLModel.metadata
from ticketing.db import (
    current_revision,
    head_revision,
    make_engine,
    redact_url,
    upgrade,
    url_password,
)
from ticketing.errors import TicketingError

DEFAULT_BATCH_ROWS = 1000
# Rows of tables holding mail bytes (raw messages up to 1 MiB inline, rendered outbound
# mail) are fetched fewer at a time, to bound the memory one batch takes.
BINARY_BATCH_ROWS = 100


@dataclass(frozen=True)
class TableCount:
    table: str
    source_rows: int
    target_rows: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "source_rows": self.source_rows,
            "target_rows": self.target_rows,
        }


@dataclass(frozen=True)
class CopyReport:
    source: str  # URLs with their passwords replaced by ***
    target: str
    revision: str
    replaced: bool  # the target had rows, emptied first (--force)
    tables: list[TableCount] = field(default_factory=list)
    sequences: dict[str, int] = field(default_factory=dict)  # sequence -> next id it gives
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.source_rows for t in self.tables)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "revision": self.revision,
            "replaced": self.replaced,
            "tables": [t.as_dict() for t in self.tables],
            "rows": self.rows,
            "sequences": self.sequences,
            "seconds": round(self.seconds, 3),
        }


def copied_tables() -> list[Table]:
    """Every table of the data model, parents before the tables that refer to them."""
    return list(SQLModel.metadata.sorted_tables)


def copy_database(
    source_url: str,
    target_url: str,
    *,
    force: bool = False,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy every table of `source_url` into `target_url` (see the module docstring).

    `progress(table, rows_so_far)` is called after each batch. Raises TicketingError,
    with the target unchanged, when the source is not at the newest schema revision, the
    target cannot be reached, is not empty (unless `force`), or a row cannot be written.
    """
    started = time.monotonic()
    if _same_database(source_url, target_url):
        raise TicketingError(
            f"the target {redact_url(target_url)} is the configured database itself"
        )
    head = head_revision()
    target = _engine(target_url, "the target", snapshot_reader=False)
    try:
        source = _engine(source_url, "the configured database", snapshot_reader=True)
        try:
            _check_source(source, source_url, head)
            occupied = _target_rows(target, target_url)
            if occupied and not force:
                listed = ", ".join(f"{name}: {n}" for name, n in occupied.items())
                raise TicketingError(
                    f"the target {redact_url(target_url)} already has data ({listed}): "
                    "nothing copied (--force replaces it)"
                )
            upgrade(target_url)
            report = CopyReport(
                redact_url(source_url), redact_url(target_url), head, replaced=bool(occupied)
            )
            _copy(source, target, report, batch_rows=batch_rows, progress=progress)
        finally:
            source.dispose()
    finally:
        target.dispose()
    return replace(report, seconds=time.monotonic() - started)


def _same_database(a: str, b: str) -> bool:
    try:
        ua, ub = make_url(a), make_url(b)
    except ArgumentError:
        return False
    if ua.get_backend_name() == ub.get_backend_name() == "sqlite":
        return (
            bool(ua.database)
            and Path(ua.database or "").resolve() == Path(ub.database or "").resolve()
        )
    return ua.get_backend_name() == ub.get_backend_name() and (
        ua.host or "localhost",
        ua.port,
        ua.database,
    ) == (ub.host or "localhost", ub.port, ub.database)


def _engine(url: str, what: str, *, snapshot_reader: bool) -> Engine:
    try:
        return make_engine(url, snapshot_reader=snapshot_reader, poolclass=NullPool)
    except (ArgumentError, ValueError) as exc:
        raise TicketingError(
            f"{what} {redact_url(url)} is not a database URL ({exc}); "
            "write it as sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        ) from exc
    except ModuleNotFoundError as exc:
        raise TicketingError(f"{what} {redact_url(url)}: no driver for it ({exc})") from exc


def _one_line(exc: BaseException, url: str) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    text_ = lines[0] if lines else type(exc).__name__
    password = url_password(url)
    return text_.replace(password, "***") if password else text_


def _check_source(source: Engine, url: str, head: str) -> None:
    try:
        revision = current_revision(source)
    except DBAPIError as exc:
        raise TicketingError(
            f"cannot open the configured database {redact_url(url)}: {_one_line(exc, url)}"
        ) from exc
    if revision is None:
        raise TicketingError(
            f"the configured database {redact_url(url)} is not initialised: nothing to copy"
        )
    if revision != head:
        raise TicketingError(
            f"the configured database is at revision {revision}, this ticketing at {head}: "
            "run `ticketing db upgrade` first"
        )


def _target_rows(target: Engine, url: str) -> dict[str, int]:
    """The target's ticketing tables that hold rows, with their counts. Refuses a
    target whose tables are not ticketing's."""
    try:
        with target.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if names and "alembic_version" not in names:
                others = ", ".join(sorted(names)[:5])
                raise TicketingError(
                    f"the target {redact_url(url)} holds tables that are not ticketing's "
                    f"({others}): copy into an empty database"
                )
            return {
                t.name: n
                for t in copied_tables()
                if t.name in names
                and (n := conn.execute(select(func.count()).select_from(t)).scalar_one())
            }
    except DBAPIError as exc:
        raise TicketingError(
            f"cannot connect to the target {redact_url(url)}: {_one_line(exc, url)}"
        ) from exc


def _insert_table(table: Table) -> Any:
    """`table` for INSERTs: a nullable JSON column gets SQL NULL for None (as the source
    row had), not the JSON value null."""
    columns = [
        sql_column(
            c.name, JSON(none_as_null=True) if isinstance(c.type, JSON) and c.nullable else c.type
        )
        for c in table.columns
    ]
    return sql_table(table.name, *columns)


def _batch_rows(table: Table, batch_rows: int) -> int:
    if any(isinstance(c.type, LargeBinary) for c in table.columns):
        return max(1, min(batch_rows, BINARY_BATCH_ROWS))
    return max(1, batch_rows)


def _copy(
    source: Engine,
    target: Engine,
    report: CopyReport,
    *,
    batch_rows: int,
    progress: Callable[[str, int], None] | None,
) -> None:
    tables = copied_tables()
    with source.connect() as src, src.begin(), target.begin() as dst:
        if report.replaced:
            for table in reversed(tables):
                dst.execute(table.delete())
        for table in tables:
            copied = _copy_table(src, dst, table, _batch_rows(table, batch_rows), progress)
            source_rows = src.execute(select(func.count()).select_from(table)).scalar_one()
            target_rows = dst.execute(select(func.count()).select_from(table)).scalar_one()
            report.tables.append(TableCount(table.name, source_rows, target_rows))
            if not source_rows == target_rows == copied:
                raise TicketingError(
                    f"{table.name}: {source_rows} rows in the source, {copied} copied, "
                    f"{target_rows} in the target: nothing committed"
                )
        report.sequences.update(_reset_sequences(dst, tables))


def _copy_table(
    src: Connection,
    dst: Connection,
    table: Table,
    batch_rows: int,
    progress: Callable[[str, int], None] | None,
) -> int:
    key: Sequence[Column[Any]] = list(table.primary_key.columns)
    insert = _insert_table(table).insert()
    copied = 0
    last: tuple[Any, ...] | None = None
    while True:
        query = select(table).order_by(*key).limit(batch_rows)
        if last is not None:
            query = query.where(key[0] > last[0] if len(key) == 1 else tuple_(*key) > tuple_(*last))
        rows = [dict(r) for r in src.execute(query).mappings()]
        if not rows:
            return copied
        try:
            dst.execute(insert, rows)
        except DBAPIError as exc:
            first = tuple(rows[0][c.name] for c in key)
            final = tuple(rows[-1][c.name] for c in key)
            raise TicketingError(
                f"{table.name}: cannot write the rows with {', '.join(c.name for c in key)} "
                f"{_show(first)} to {_show(final)}: {_one_line(exc, '')}: "
                "nothing committed"
            ) from exc
        copied += len(rows)
        last = tuple(rows[-1][c.name] for c in key)
        if progress is not None:
            progress(table.name, copied)


def _show(key: tuple[Any, ...]) -> str:
    return str(key[0]) if len(key) == 1 else str(key)


def _reset_sequences(dst: Connection, tables: Sequence[Table]) -> dict[str, int]:
    """Make each id sequence give the id after the largest copied one (PostgreSQL; a
    SQLite rowid table takes max(id) + 1 by itself)."""
    if dst.dialect.name != "postgresql":
        return {}
    done: dict[str, int] = {}
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].autoincrement is False:
            continue
        sequence = dst.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": key[0].name},
        ).scalar()
        if sequence is None:
            continue
        largest = dst.execute(select(func.max(key[0]))).scalar() or 0
        dst.execute(
            text("SELECT setval(CAST(:sequence AS regclass), :next, false)"),
            {"sequence": sequence, "next": largest + 1},
        )
        done[str(sequence)] = largest + 1
    return done
