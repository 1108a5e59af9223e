"""an index of the Message-IDs inbound messages refer to (threading out of order)

Revision ID: 0008
Revises: 0007

When a reply arrives before the mail it answers, the answered mail must find the
reply's ticket by its own Message-ID: `message_references` holds one row per
Message-ID an inbound message names in In-Reply-To or References, indexed on that id.
Existing inbound messages are indexed here from their stored `in_reply_to` and
`references` (space-separated ids), in chunks so a large table does not sit in memory.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHUNK = 5000

_messages = sa.table(
    "messages",
    sa.column("id", sa.Integer),
    sa.column("direction", sa.String),
    sa.column("in_reply_to", sa.Text),
    sa.column("references", sa.Text),
)


def upgrade() -> None:
    references = op.create_table(
        "message_references",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_pk", sa.Integer(), sa.ForeignKey("messages.id"), nullable=False),
        sa.Column("referenced_id", sa.String(length=998), nullable=False),
    )
    op.create_index("ix_message_references_message_pk", "message_references", ["message_pk"])
    op.create_index("ix_message_references_referenced_id", "message_references", ["referenced_id"])
    assert references is not None
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(_messages.c.id, _messages.c.in_reply_to, _messages.c.references)
            .where(_messages.c.direction == "in", _messages.c.id > last)
            .order_by(_messages.c.id)
            .limit(_CHUNK)
        ).all()
        if not rows:
            break
        last = rows[-1][0]
        batch = [
            {"message_pk": pk, "referenced_id": mid}
            for pk, in_reply_to, refs in rows
            for mid in dict.fromkeys(f"{in_reply_to or ''} {refs or ''}".split())
        ]
        if batch:
            conn.execute(references.insert(), batch)


def downgrade() -> None:
    op.drop_index("ix_message_references_referenced_id", table_name="message_references")
    op.drop_index("ix_message_references_message_pk", table_name="message_references")
    op.drop_table("message_references")
