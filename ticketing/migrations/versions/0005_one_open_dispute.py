"""at most one open dispute per ticket and invoice; disputes point at their invoice

Revision ID: 0005
Revises: 0004

`tickets dispute` could record the same invoice twice on one ticket, after which
`dispute-outcome` could not tell the two apart. Now:
- invoice numbers are stored in their canonical form (ticketing.invoiceno): existing
  `invoices.number` and `disputes.invoice` are rewritten to it, except an invoice whose
  canonical number another invoice of the same customer already has (left as it is,
  with a warning: an agent must decide which of the two is real);
- `disputes.invoice_id` names the invoice a dispute contests (collections hold it),
  filled in for existing disputes whose ticket's customer has that invoice;
- of several open disputes on one ticket and invoice, the first stays open and the
  others become `duplicate`, each with a `dispute.duplicate` event on the ticket;
- a partial unique index, `uq_dispute_open` on (ticket_id, invoice) WHERE status =
  'open', keeps it so (SQLite and PostgreSQL both have partial indexes).
"""

import logging
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

_OPEN = sa.text("status = 'open'")

# A frozen copy of ticketing.invoiceno.canonical_invoice as of this revision: a
# migration must rewrite the same way whatever the module becomes later.
_OURS = re.compile(r"INV[ _./-]*(\d{4})[ _./-]*(\d{3,6})")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc", "-"))


def _canonical(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).translate(_DASHES)
    text = " ".join(text.split()).upper().lstrip("#").strip()
    ours = _OURS.fullmatch(text)
    if ours:
        return f"INV-{ours.group(1)}-{ours.group(2)}"
    if not text or len(text) > 120 or not text.isprintable():
        return raw  # not an invoice number we can rewrite: leave it
    return text


_invoices = sa.table("invoices", sa.column("id"), sa.column("customer_id"), sa.column("number"))
_disputes = sa.table(
    "disputes",
    sa.column("id"),
    sa.column("ticket_id"),
    sa.column("invoice"),
    sa.column("invoice_id"),
    sa.column("status"),
    sa.column("decided_at", sa.DateTime(timezone=True)),
)
_tickets = sa.table("tickets", sa.column("id"), sa.column("customer_id"), sa.column("requester"))
_customers = sa.table("customers", sa.column("id"), sa.column("email"))
_events = sa.table(
    "events",
    sa.column("ticket_id"),
    sa.column("kind"),
    sa.column("actor"),
    sa.column("detail", sa.JSON()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _canonical_invoice_numbers(bind: sa.Connection) -> None:
    rows = bind.execute(
        sa.select(_invoices.c.id, _invoices.c.customer_id, _invoices.c.number).order_by(
            _invoices.c.id
        )
    ).all()
    taken = {(customer, number) for _, customer, number in rows}
    for invoice_id, customer, number in rows:
        canonical = _canonical(number)
        if canonical == number:
            continue
        if (customer, canonical) in taken:
            log.warning(
                "invoice %s (id %s) of customer %s left as it is: the customer already has "
                "%s; decide which is real and re-import",
                number,
                invoice_id,
                customer,
                canonical,
            )
            continue
        bind.execute(
            sa.update(_invoices).where(_invoices.c.id == invoice_id).values(number=canonical)
        )
        taken.discard((customer, number))
        taken.add((customer, canonical))


def _link_disputes(bind: sa.Connection) -> None:
    customers = {e: i for e, i in bind.execute(sa.select(_customers.c.email, _customers.c.id))}
    invoices = {
        (customer, number): invoice_id
        for invoice_id, customer, number in bind.execute(
            sa.select(_invoices.c.id, _invoices.c.customer_id, _invoices.c.number)
        )
    }
    rows = bind.execute(
        sa.select(
            _disputes.c.id, _disputes.c.invoice, _tickets.c.customer_id, _tickets.c.requester
        ).join(_tickets, _tickets.c.id == _disputes.c.ticket_id)
    ).all()
    for dispute_id, number, customer, requester in rows:
        canonical = _canonical(number)
        if customer is None:
            customer = customers.get((requester or "").lower())
        values = {"invoice": canonical, "invoice_id": invoices.get((customer, canonical))}
        bind.execute(sa.update(_disputes).where(_disputes.c.id == dispute_id).values(**values))


def _close_repeats(bind: sa.Connection) -> None:
    kept: dict[tuple[int, str], int] = {}
    now = datetime.now(UTC)
    for dispute_id, ticket_id, invoice in bind.execute(
        sa.select(_disputes.c.id, _disputes.c.ticket_id, _disputes.c.invoice)
        .where(_disputes.c.status == "open")
        .order_by(_disputes.c.id)
    ).all():
        first = kept.setdefault((ticket_id, invoice), dispute_id)
        if first == dispute_id:
            continue
        bind.execute(
            sa.update(_disputes)
            .where(_disputes.c.id == dispute_id)
            .values(status="duplicate", decided_at=now)
        )
        bind.execute(
            sa.insert(_events).values(
                ticket_id=ticket_id,
                kind="dispute.duplicate",
                actor="migration",
                detail={
                    "id": dispute_id,
                    "invoice": invoice,
                    "kept": first,
                    "reason": "at most one open dispute per ticket and invoice (migration 0005)",
                },
                created_at=now,
            )
        )


def upgrade() -> None:
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("invoice_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_disputes_invoice_id", "invoices", ["invoice_id"], ["id"])
        batch.create_index("ix_disputes_invoice_id", ["invoice_id"], unique=False)
    bind = op.get_bind()
    _canonical_invoice_numbers(bind)
    _link_disputes(bind)
    _close_repeats(bind)
    op.create_index(
        "uq_dispute_open",
        "disputes",
        ["ticket_id", "invoice"],
        unique=True,
        sqlite_where=_OPEN,
        postgresql_where=_OPEN,
    )


def downgrade() -> None:
    op.drop_index("uq_dispute_open", table_name="disputes")
    # Repeats are open again, as they were; canonical numbers stay (they mean the same).
    op.execute("UPDATE disputes SET status = 'open', decided_at = NULL WHERE status = 'duplicate'")
    with op.batch_alter_table("disputes") as batch:
        batch.drop_index("ix_disputes_invoice_id")
        batch.drop_constraint("fk_disputes_invoice_id", type_="foreignkey")
        batch.drop_column("invoice_id")
