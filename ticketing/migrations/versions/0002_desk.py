"""the agent's desk: vendor cases, disputes, invoices, collections notices, SLA breaches,
merge pointers, customer events, and full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 21:08:13

Search: on SQLite, FTS5 tables with the trigram tokenizer (Japanese has no spaces to
split words on) kept in step with `messages` and `tickets` by triggers. A later
migration that rebuilds either table in batch mode must recreate those triggers.
On PostgreSQL, pg_trgm GIN indexes serve `ILIKE '%term%'` when the extension can be
created; without it the same queries run, only unindexed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE messages_fts USING fts5("
    "subject, text, content='messages', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text); END",
    "CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    "VALUES ('delete', old.id, old.subject, old.text); END",
    "CREATE TRIGGER messages_fts_au AFTER UPDATE OF subject, text ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, subject, text) "
    "VALUES ('delete', old.id, old.subject, old.text); "
    "INSERT INTO messages_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text); END",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE tickets_fts USING fts5("
    "subject, content='tickets', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN "
    "INSERT INTO tickets_fts(rowid, subject) VALUES (new.id, new.subject); END",
    "CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN "
    "INSERT INTO tickets_fts(tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject); END",
    "CREATE TRIGGER tickets_fts_au AFTER UPDATE OF subject ON tickets BEGIN "
    "INSERT INTO tickets_fts(tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject); "
    "INSERT INTO tickets_fts(rowid, subject) VALUES (new.id, new.subject); END",
    "INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild')",
]

_PG_TRGM_INDEXES = {
    "ix_messages_text_trgm": "messages USING gin (text gin_trgm_ops)",
    "ix_messages_subject_trgm": "messages USING gin (subject gin_trgm_ops)",
    "ix_tickets_subject_trgm": "tickets USING gin (subject gin_trgm_ops)",
}


def _pg_trgm_available(bind: sa.engine.Connection) -> bool:
    installed = bind.execute(
        sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    ).scalar()
    if installed:
        return True
    offered = bind.execute(
        sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).scalar()
    if not offered:
        return False
    try:
        # A savepoint: without the privilege the failure must not abort the migration.
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return False
    return True


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("invoice", sa.String(length=120), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("credit_minor", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disputes_invoice"), ["invoice"], unique=False)
        batch_op.create_index(batch_op.f("ix_disputes_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_disputes_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=120), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("customer_id", "number", name="uq_invoice_number"),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_status"), ["status"], unique=False)

    op.create_table(
        "sla_breaches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id", "kind", name="uq_sla_breach"),
    )
    with op.batch_alter_table("sla_breaches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sla_breaches_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "vendor_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("vendor_cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendor_cases_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vendor_cases_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendor_cases_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "collection_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("days_overdue", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"]),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"]),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("invoice_id", "stage", name="uq_notice_stage"),
    )
    with op.batch_alter_table("collection_notices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collection_notices_invoice_id"), ["invoice_id"], unique=False
        )

    # Plain ADD COLUMNs (no foreign keys): SQLite would otherwise rebuild the tables.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("customer_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_customer_id"), ["customer_id"], unique=False)

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sla_breached", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_tickets_merged_into"), ["merged_into"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_sla_breached"), ["sla_breached"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)
    elif bind.dialect.name == "postgresql" and _pg_trgm_available(bind):
        for name, target in _PG_TRGM_INDEXES.items():
            op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in (
            "messages_fts_ai",
            "messages_fts_ad",
            "messages_fts_au",
            "tickets_fts_ai",
            "tickets_fts_ad",
            "tickets_fts_au",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS messages_fts")
        op.execute("DROP TABLE IF EXISTS tickets_fts")
    elif bind.dialect.name == "postgresql":
        for name in _PG_TRGM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_sla_breached"))
        batch_op.drop_index(batch_op.f("ix_tickets_merged_into"))
        batch_op.drop_column("merged_into")
        batch_op.drop_column("sla_breached")

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_customer_id"))
        batch_op.drop_column("customer_id")

    op.drop_table("collection_notices")
    op.drop_table("vendor_cases")
    op.drop_table("sla_breaches")
    op.drop_table("invoices")
    op.drop_table("disputes")
