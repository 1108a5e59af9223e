"""attachments remember where they sit in the mail

Revision ID: 0006
Revises: 0005

Attachments are now listed at any depth (inside forwarded messages, uuencoded in a
text part), so each row records its place: `attachments.path`, the MIME part number as
IMAP numbers parts ("2", "2.3", "1.uu1"; see `ticketing.inbound.ParsedAttachment`).
Rows stored before have no path (NULL): the raw message is kept, and re-ingesting it
is a duplicate, so they stay as they were. A nullable column without a default is a
change to the catalogue only, on SQLite and PostgreSQL alike, however many rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attachments", sa.Column("path", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("path")
