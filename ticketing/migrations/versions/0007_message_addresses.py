"""messages keep each address's display name and addr-spec apart

Revision ID: 0007
Revises: 0006

`messages.from_addr`, `to_addrs` and `cc_addrs` held `name <email>` with the name never
quoted, so `"Doe, Jane" <j@x>` came back as `Doe, Jane <j@x>`: two addresses to anyone
re-parsing it. New rows write those columns in the quoted form and add `addresses`
(JSON: `{"from": {"name", "email"} | null, "to": [...], "cc": [...]}`). Rows stored
before stay as they are (null `addresses`): `ticketing.addresses.legacy_addresses`
reads their text, exactly for every address except a name that itself looks like a
bare address followed by a comma.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both back ends: a batch (copy-and-rename) on SQLite would
    # drop the search triggers that migrations 0002 and 0004 put on `messages`.
    op.add_column("messages", sa.Column("addresses", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("messages", "addresses")
