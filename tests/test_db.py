"""Schema management: Alembic upgrades from nothing, downgrades to nothing and back,
on SQLite and PostgreSQL, and `current_revision` reads where it stands."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import Session

from tests.support import mail, make_settings
from ticketing.db import _alembic_config, current_revision, make_engine, upgrade
from ticketing.pipeline import Pipeline, RawItem
from ticketing.search import search


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        head = current_revision(engine)
        assert head is not None and head >= "0004"
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


def test_search_leaves_acknowledgements_out_and_a_downgrade_puts_them_back(
    tmp_path: Path, db_url: str
) -> None:
    """Migration 0004: our acknowledgements leave the search index (SQLite: the FTS5
    triggers and the entries already there; PostgreSQL: partial trigram indexes)."""
    settings = make_settings(tmp_path, db_url=db_url)
    engine = make_engine(db_url)
    config = _alembic_config(db_url)

    def found(word: str) -> list[int]:
        with Session(engine) as session:
            return [r["id"] for r in search(session, settings, word)]

    def trigram_indexes() -> list[str]:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'ix_messages_%_trgm'")
            ).scalars()
            return sorted(rows)

    try:
        ticket = Pipeline(engine, settings).ingest(RawItem(data=mail(), source="cli")).ticket_id
        assert ticket is not None
        assert found("invoice") == [ticket]  # the customer's mail is searched
        assert found("contacting") == []  # "Thank you for contacting ...": ours, not
        sqlite = engine.dialect.name == "sqlite"
        if not sqlite:
            assert all("auto-reply" in d for d in trigram_indexes())
        command.downgrade(config, "0003")
        if sqlite:
            assert found("contacting") == [ticket]  # indexed again, as before 0004
        else:
            assert not any("auto-reply" in d for d in trigram_indexes())
        upgrade(db_url)
        assert found("contacting") == []
        assert found("invoice") == [ticket]
        if sqlite:
            with engine.begin() as conn:  # raises if the index disagrees with the rows
                conn.execute(
                    text("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
                )
        else:
            assert all("auto-reply" in d for d in trigram_indexes())
    finally:
        engine.dispose()


def test_the_written_down_schema_revision_is_the_newest_migration() -> None:
    from ticketing.db import SCHEMA_REVISION, head_revision

    assert head_revision() == SCHEMA_REVISION


def test_a_command_on_an_older_schema_says_to_upgrade(tmp_path: Path) -> None:
    """Not `unexpected error: no such column`: the revision, the one needed, the command."""
    from click.testing import CliRunner

    from tests.support import write_config
    from ticketing.cli import cli
    from ticketing.config import load_settings
    from ticketing.db import SCHEMA_REVISION

    config = write_config(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["--config", str(config), "init"]).exit_code == 0
    url = load_settings(config).database_url
    command.downgrade(_alembic_config(url), "0005")
    out = runner.invoke(cli, ["--config", str(config), "tickets", "list"])
    assert out.exit_code != 0
    assert (
        f"the database schema is at revision 0005, this version of ticketing needs "
        f"{SCHEMA_REVISION}: run `ticketing db upgrade`"
    ) in out.output
    assert "unexpected error" not in out.output
    upgraded = runner.invoke(cli, ["--config", str(config), "db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert runner.invoke(cli, ["--config", str(config), "tickets", "list"]).exit_code == 0
