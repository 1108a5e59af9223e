"""search leaves out our automatic acknowledgements

Revision ID: 0004
Revises: 0003

Every new ticket gets an acknowledgement, stored as an outbound message of kind
`auto-reply`: the same boilerplate on every ticket ("we have received your message"),
which made every ticket match its words and cost a full-text indexing per ticket at
ingestion. Search now indexes every other message (the customer's mail, agents'
replies, notices) and not those. SQLite: the FTS5 triggers skip them and their entries
leave the index. PostgreSQL: the trigram indexes on `messages` become partial indexes
with the same condition, which `ticketing.search` repeats so the planner can use them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept in step with ticketing.search.SEARCHED_MESSAGES.
_SEARCHED = "NOT ({row}.direction = 'out' AND {row}.kind = 'auto-reply')"
_ACKS = "direction = 'out' AND kind = 'auto-reply'"

_OLD_TRIGGERS = [
    "CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text); END",
    "CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    "VALUES ('delete', old.id, old.subject, old.text); END",
    "CREATE TRIGGER messages_fts_au AFTER UPDATE OF subject, text ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    "VALUES ('delete', old.id, old.subject, old.text); "
    "INSERT INTO messages_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text); END",
]
_NEW_TRIGGERS = [
    f"CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages WHEN {_SEARCHED.format(row='new')} "
    "BEGIN INSERT INTO messages_fts(rowid, subject, text) "
    "VALUES (new.id, new.subject, new.text); END",
    f"CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages WHEN {_SEARCHED.format(row='old')} "
    "BEGIN INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    "VALUES ('delete', old.id, old.subject, old.text); END",
    # An update takes out what was indexed and puts in what now should be, so a row that
    # changes kind or direction moves in or out of the index correctly.
    "CREATE TRIGGER messages_fts_au AFTER UPDATE OF subject, text, direction, kind ON messages "
    "BEGIN INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    f"SELECT 'delete', old.id, old.subject, old.text WHERE {_SEARCHED.format(row='old')}; "
    "INSERT INTO messages_fts(rowid, subject, text) "
    f"SELECT new.id, new.subject, new.text WHERE {_SEARCHED.format(row='new')}; END",
]
_TRIGGER_NAMES = ("messages_fts_ai", "messages_fts_ad", "messages_fts_au")
_PG_INDEXES = {
    "ix_messages_text_trgm": "messages USING gin (text gin_trgm_ops)",
    "ix_messages_subject_trgm": "messages USING gin (subject gin_trgm_ops)",
}


def _pg_trgm_installed() -> bool:
    query = sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    return bool(op.get_bind().execute(query).scalar())


def _switch(triggers: list[str], move_acknowledgements: str, pg_where: str) -> None:
    """Put `triggers` in place of the messages FTS5 triggers and run
    `move_acknowledgements` (SQLite), or rebuild the message trigram indexes with
    `pg_where` (PostgreSQL, when pg_trgm is there)."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in triggers:
            op.execute(statement)
        op.execute(move_acknowledgements)
    elif dialect == "postgresql" and _pg_trgm_installed():
        for name, target in _PG_INDEXES.items():
            op.execute(f"DROP INDEX IF EXISTS {name}")
            op.execute(f"CREATE INDEX {name} ON {target}{pg_where}")


def upgrade() -> None:
    _switch(
        _NEW_TRIGGERS,
        "INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
        f"SELECT 'delete', id, subject, text FROM messages WHERE {_ACKS}",
        f" WHERE {_SEARCHED.format(row='messages')}",
    )


def downgrade() -> None:
    _switch(
        _OLD_TRIGGERS,
        f"INSERT INTO messages_fts(rowid, subject, text) SELECT id, subject, text FROM messages WHERE {_ACKS}",
        "",
    )
