"""mailbox cursors remember how far post-processing (flag or move) got

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mailbox_cursors") as batch:
        batch.add_column(
            sa.Column("processed_uid", sa.Integer(), nullable=False, server_default="0")
        )
    # Existing installations: everything ingested so far counts as post-processed.
    op.execute("UPDATE mailbox_cursors SET processed_uid = last_uid")


def downgrade() -> None:
    with op.batch_alter_table("mailbox_cursors") as batch:
        batch.drop_column("processed_uid")
