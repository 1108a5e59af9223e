"""Schema management: Alembic upgrades from nothing, downgrades to nothing and back,
on SQLite and PostgreSQL, and `current_revision` reads where it stands."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from ticketing.db import _alembic_config, current_revision, make_engine, upgrade


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        head = current_revision(engine)
        assert head is not None and head >= "0003"
        assert "processed_uid" in {
            c["name"] for c in inspect(engine).get_columns("mailbox_cursors")
        }
        command.downgrade(_alembic_config(db_url), "base")
        assert current_revision(engine) is None
        assert not inspect(engine).has_table("tickets")
        upgrade(db_url)
        upgrade(db_url)  # idempotent
        assert current_revision(engine) == head
    finally:
        engine.dispose()
