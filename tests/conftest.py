"""Pytest fixtures that hand tests real servers from tests/servers.py (Dovecot, an SMTP
sink, a PostgreSQL database), skipping — or failing under TICKETING_REQUIRE_SERVICES=1 —
when a service cannot be had."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from tests.desk_support import Desk, sink_toml
from tests.servers import (
    Dovecot,
    ImapAccount,
    PgDatabase,
    ServiceUnavailable,
    SmtpSink,
    ensure_dovecot_installed,
    services_required,
)

pytest_plugins = ["tests.app_fixtures"]

# Markers (e.g. "services", "slow") are registered in pyproject.toml, not here.


def _unavailable(reason: str) -> NoReturn:
    # CI sets TICKETING_REQUIRE_SERVICES=1 so a broken service can never turn the
    # integration suite into a silent wall of skips.
    if services_required():
        pytest.fail(f"required service unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One private Dovecot for the whole run; use ``imap_account`` for isolation."""
    if not ensure_dovecot_installed():
        _unavailable("Dovecot is not installed and cannot be installed here (not root?)")
    server = Dovecot()
    try:
        server.start()
    except ServiceUnavailable as exc:
        server.close()
        _unavailable(str(exc))
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def imap_account(dovecot: Dovecot) -> ImapAccount:
    """A fresh user on the shared Dovecot, so tests never see each other's mail."""
    if not dovecot.running:
        # A fault test that stopped the server and then failed must not take every
        # later test down with it.
        try:
            dovecot.start()
        except ServiceUnavailable as exc:
            _unavailable(str(exc))
    return dovecot.new_account()


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """A fresh, empty SMTP sink on its own loopback port."""
    sink = SmtpSink()
    try:
        sink.start()
    except ServiceUnavailable as exc:
        _unavailable(str(exc))
    try:
        yield sink
    finally:
        sink.stop()


@pytest.fixture
def pg_database() -> Iterator[PgDatabase]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    try:
        database = PgDatabase()
    except ServiceUnavailable as exc:
        _unavailable(str(exc))
    try:
        yield database
    finally:
        database.drop()


@pytest.fixture
def pg_url(pg_database: PgDatabase) -> str:
    """SQLAlchemy URL (postgresql+psycopg://...) of a fresh database."""
    return pg_database.url


@pytest.fixture
def desk(tmp_path: Path, db_url: str) -> Iterator[Desk]:
    """A desk on a fresh database, initialised (test modules that need an SMTP sink
    define their own)."""
    d = Desk(tmp_path, db_url)
    d.ok("init")
    yield d
    d.close()


@pytest.fixture
def sink_desk(tmp_path: Path, db_url: str, smtp_sink: SmtpSink) -> Iterator[Desk]:
    """A desk like `desk` whose outbound mail goes to the test's SMTP sink."""
    d = Desk(tmp_path, db_url, extra=sink_toml(smtp_sink))
    d.ok("init")
    yield d
    d.close()
