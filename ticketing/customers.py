"""Customers and their invoices: the CSV import (one bad row never stops the rest, each
is reported as FILE:LINE: reason), listing, showing, and account status changes, each
recorded as a customer event.

CSV columns (header row required, any order; only `email` is mandatory):
  email, name, language (en|ja), account_status (active|delinquent|suspended),
  invoice, amount, currency (ISO 4217), days_overdue (integer) or due_date (YYYY-MM-DD),
  invoice_status (open|paid; default open).
An invoice needs amount, currency and days_overdue or due_date. Empty cells leave the
stored value as it is, so a file with only email,account_status changes just that.
Invoice numbers are stored in their canonical form (ticketing.invoiceno), the one the
mail extractor and every `--invoice` use, so `inv 2026 0042` updates INV-2026-0042.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from ticketing.config import ACCOUNT_STATUSES, Settings
from ticketing.errors import NotFound, TicketingError
from ticketing.invoiceno import InvalidInvoice, canonical_invoice
from ticketing.models import (
    CollectionNotice,
    Customer,
    Event,
    Invoice,
    Ticket,
    utcnow,
)
from ticketing.money import (
    MoneyError,
    check_currency,
    format_amount,
    parse_amount,
    to_decimal_string,
)

COLUMNS = (
    "email",
    "name",
    "language",
    "account_status",
    "invoice",
    "amount",
    "currency",
    "days_overdue",
    "due_date",
    "invoice_status",
)
INVOICE_STATUSES = ("open", "paid")
_EXTRA = "__extra__"  # where csv puts cells beyond the header's columns
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def check_email(value: str) -> str:
    email = value.strip().lower()
    if not _EMAIL.match(email) or len(email) > 320:
        raise TicketingError(f"not an email address: {value!r}")
    return email


@dataclass(frozen=True)
class CsvRow:
    line: int
    email: str
    name: str | None
    language: str | None
    account_status: str | None
    invoice: str | None
    amount_minor: int | None
    currency: str | None
    due_date: date | None
    invoice_status: str


class RowError(Exception):
    """One CSV row is invalid; reported with its line, the import goes on."""


def parse_row(line: int, cells: dict[str, Any], today: date, languages: Sequence[str]) -> CsvRow:
    """Validate one row (pure)."""

    def cell(name: str) -> str:
        return (cells.get(name) or "").strip()

    try:
        email = check_email(cell("email"))
    except TicketingError as exc:
        raise RowError(str(exc) if cell("email") else "email is empty") from exc
    language = cell("language").lower() or None
    if language is not None and language not in languages:
        raise RowError(f"unknown language {language!r} (known: {', '.join(languages)})")
    status = cell("account_status").lower() or None
    if status is not None and status not in ACCOUNT_STATUSES:
        raise RowError(f"unknown account_status {status!r} (known: {', '.join(ACCOUNT_STATUSES)})")
    invoice = None
    if cell("invoice"):
        try:
            invoice = canonical_invoice(cell("invoice"))
        except InvalidInvoice as exc:
            raise RowError(str(exc)) from exc
    invoice_status = cell("invoice_status").lower() or "open"
    if invoice_status not in INVOICE_STATUSES:
        raise RowError(f"unknown invoice_status {invoice_status!r} (known: open, paid)")
    amount_minor: int | None = None
    currency: str | None = None
    due: date | None = None
    invoice_cells = [n for n in ("amount", "currency", "days_overdue", "due_date") if cell(n)]
    if invoice is None:
        if invoice_cells:
            raise RowError(f"{', '.join(invoice_cells)} given without an invoice number")
    else:
        missing = [n for n in ("amount", "currency") if not cell(n)]
        if not cell("days_overdue") and not cell("due_date"):
            missing.append("days_overdue or due_date")
        if missing:
            raise RowError(f"invoice {invoice}: missing {', '.join(missing)}")
        if cell("days_overdue") and cell("due_date"):
            raise RowError("give days_overdue or due_date, not both")
        try:
            currency = check_currency(cell("currency"))
            amount_minor = parse_amount(cell("amount"), currency)
        except MoneyError as exc:
            raise RowError(str(exc)) from exc
        if cell("due_date"):
            try:
                due = date.fromisoformat(cell("due_date"))
            except ValueError as exc:
                raise RowError(f"due_date is not YYYY-MM-DD: {cell('due_date')!r}") from exc
        else:
            try:
                days = int(cell("days_overdue"))
            except ValueError as exc:
                raise RowError(
                    f"days_overdue is not a whole number: {cell('days_overdue')!r}"
                ) from exc
            if abs(days) > 36500:
                raise RowError(f"days_overdue out of range: {days}")
            due = today - timedelta(days=days)
    return CsvRow(
        line,
        email,
        cell("name") or None,
        language,
        status,
        invoice,
        amount_minor,
        currency,
        due,
        invoice_status,
    )


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: UTF-8 (with or without BOM), else CP932, which
    is what Excel writes on a Japanese Windows."""
    candidates = [encoding] if encoding else ["utf-8-sig", "cp932"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
        except LookupError as exc:
            raise TicketingError(f"unknown encoding {enc!r}") from exc
    raise TicketingError(
        f"the file is neither {' nor '.join(candidates)}: give --encoding"
        if not encoding
        else f"the file is not valid {encoding}"
    )


@dataclass
class ImportReport:
    source: str
    encoding: str = ""
    rows: int = 0
    imported: int = 0
    customers_created: int = 0
    customers_updated: int = 0
    invoices_created: int = 0
    invoices_updated: int = 0
    status_changes: int = 0
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "encoding": self.encoding,
            "rows": self.rows,
            "imported": self.imported,
            "customers_created": self.customers_created,
            "customers_updated": self.customers_updated,
            "invoices_created": self.invoices_created,
            "invoices_updated": self.invoices_updated,
            "status_changes": self.status_changes,
            "errors": self.errors,
        }


def read_rows(
    path: Path, encoding: str | None = None
) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """The encoding and the rows with their line numbers; a bad header is fatal."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TicketingError(f"cannot read {path}: {exc.strerror}") from exc
    text, used = decode_csv(data, encoding)
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey=_EXTRA)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not header:
        raise TicketingError(f"{path}: empty file (a header row is required)")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise TicketingError(
            f"{path}:1: unknown column(s) {', '.join(unknown)} (known: {', '.join(COLUMNS)})"
        )
    if "email" not in header:
        raise TicketingError(f"{path}:1: the header has no email column")
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        # line_num after a row is the line it ends on (blank lines are skipped).
        rows.extend((reader.line_num, cells) for cells in reader)
    except csv.Error as exc:
        raise TicketingError(f"{path}:{reader.line_num}: {exc}") from exc
    return used, rows


def import_csv(
    session: Session,
    path: Path,
    *,
    actor: str,
    languages: Sequence[str],
    today: date,
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import customers and invoices; each row in its own savepoint, bad rows reported."""
    used, rows = read_rows(path, encoding)
    report = ImportReport(str(path), used, rows=len(rows))
    for done, (line, cells) in enumerate(rows, start=1):
        try:
            if cells.get(_EXTRA):
                raise RowError("more cells than columns in the header")
            if not any(isinstance(v, str) and v.strip() for v in cells.values()):
                raise RowError("empty row")
            row = parse_row(line, cells, today, languages)
            with session.begin_nested():
                _apply(session, row, report, f"{path.name}:{line}", actor)
            report.imported += 1
        except RowError as exc:
            report.errors.append(f"{path}:{line}: {exc}")
        except DBAPIError as exc:
            report.errors.append(f"{path}:{line}: database refused the row: {exc.orig}")
        if progress is not None:
            progress(done, len(rows))
    session.add(Event(kind="customers.imported", actor=actor, detail=report.to_json()))
    return report


def _apply(session: Session, row: CsvRow, report: ImportReport, where: str, actor: str) -> None:
    now = utcnow()
    customer = session.execute(
        select(Customer).where(col(Customer.email) == row.email)
    ).scalar_one_or_none()
    if customer is None:
        customer = Customer(email=row.email, name=row.name or "", language=row.language)
        session.add(customer)
        session.flush()
        report.customers_created += 1
        session.add(
            Event(
                customer_id=customer.id,
                kind="customer.created",
                actor=actor,
                detail={"source": where},
            )
        )
    else:
        report.customers_updated += 1
        if row.name is not None:
            customer.name = row.name
        if row.language is not None:
            customer.language = row.language
    if row.account_status is not None and row.account_status != customer.account_status:
        record_status(session, customer, row.account_status, f"import {where}", actor)
        report.status_changes += 1
    customer.updated_at = now
    if row.invoice is None:
        return
    assert customer.id is not None and row.amount_minor is not None
    assert row.currency is not None and row.due_date is not None
    invoice = session.execute(
        select(Invoice)
        .where(col(Invoice.customer_id) == customer.id)
        .where(col(Invoice.number) == row.invoice)
    ).scalar_one_or_none()
    if invoice is None:
        session.add(
            Invoice(
                customer_id=customer.id,
                number=row.invoice,
                amount_minor=row.amount_minor,
                currency=row.currency,
                due_date=row.due_date,
                status=row.invoice_status,
            )
        )
        report.invoices_created += 1
    else:
        invoice.amount_minor = row.amount_minor
        invoice.currency = row.currency
        invoice.due_date = row.due_date
        invoice.status = row.invoice_status
        invoice.updated_at = now
        report.invoices_updated += 1
    session.flush()


def record_status(
    session: Session,
    customer: Customer,
    status: str,
    reason: str,
    actor: str,
    now: datetime | None = None,
) -> None:
    """Change the customer's account status, with a `customer.status` event saying why."""
    session.add(
        Event(
            customer_id=customer.id,
            kind="customer.status",
            actor=actor,
            detail={
                "email": customer.email,
                "from": customer.account_status,
                "to": status,
                "reason": reason,
            },
        )
    )
    customer.account_status = status
    customer.updated_at = now or utcnow()


def get_customer(session: Session, email: str) -> Customer:
    customer: Customer | None = session.execute(
        select(Customer).where(col(Customer.email) == email.strip().lower())
    ).scalar_one_or_none()
    if customer is None:
        raise NotFound(f"no customer {email}")
    return customer


def ticket_customer(session: Session, ticket: Ticket) -> Customer | None:
    """The customer a ticket is about: the one it was opened for, else its requester's
    account (imported after the ticket was opened), else None."""
    if ticket.customer_id is not None:
        return session.get(Customer, ticket.customer_id)
    customer: Customer | None = session.execute(
        select(Customer).where(col(Customer.email) == ticket.requester.strip().lower())
    ).scalar_one_or_none()
    return customer


def _numbers(invoices: Sequence[Invoice], most: int = 10) -> str:
    names = [i.number for i in invoices[:most]]
    return ", ".join(names) + (f" and {len(invoices) - most} more" if len(invoices) > most else "")


def account_invoice(session: Session, ticket: Ticket, number: str) -> Invoice:
    """The invoice `number` (any spelling) of the ticket's customer, or NotFound naming
    the canonical number tried. A ticket with no customer account may name any invoice
    the desk knows, as long as only one customer has it."""
    canonical = canonical_invoice(number)
    customer = ticket_customer(session, ticket)
    if customer is not None:
        found: Invoice | None = session.execute(
            select(Invoice)
            .where(col(Invoice.customer_id) == customer.id)
            .where(col(Invoice.number) == canonical)
        ).scalar_one_or_none()
        if found is not None:
            return found
        theirs = list(
            session.execute(
                select(Invoice)
                .where(col(Invoice.customer_id) == customer.id)
                .order_by(col(Invoice.due_date).desc(), col(Invoice.id).desc())
            ).scalars()
        )
        known = f"its invoices: {_numbers(theirs)}" if theirs else "it has no invoices"
        raise NotFound(
            f"unknown invoice {canonical}: not on the account of {customer.email} ({known}); "
            "import it with `customers import`"
        )
    matches = known_invoices(session, canonical)
    if len(matches) > 1:
        raise TicketingError(
            f"invoice {canonical} is on several accounts and {ticket.requester} is not a "
            "customer: import the requester's account first"
        )
    return matches[0]


def known_invoices(session: Session, number: str) -> list[Invoice]:
    """Every invoice numbered `number` (any spelling), on any account; NotFound if the
    desk knows none."""
    canonical = canonical_invoice(number)
    found = list(
        session.execute(
            select(Invoice).where(col(Invoice.number) == canonical).order_by(col(Invoice.id))
        ).scalars()
    )
    if not found:
        raise NotFound(
            f"unknown invoice {canonical}: the desk knows no invoice by that number "
            "(import it with `customers import`)"
        )
    return found


def set_status(
    session: Session, email: str, status: str, *, reason: str, actor: str
) -> dict[str, Any]:
    if status not in ACCOUNT_STATUSES:
        raise TicketingError(
            f"unknown account status {status!r} (known: {', '.join(ACCOUNT_STATUSES)})"
        )
    if not reason.strip():
        raise TicketingError("a reason is required")
    customer = get_customer(session, email)
    previous = customer.account_status
    if previous != status:
        record_status(session, customer, status, reason, actor)
    return {"email": customer.email, "from": previous, "to": status, "changed": previous != status}


def customer_json(
    customer: Customer, open_invoices: int = 0, max_days_overdue: int | None = None
) -> dict[str, Any]:
    return {
        "id": customer.id,
        "email": customer.email,
        "name": customer.name,
        "language": customer.language,
        "account_status": customer.account_status,
        "open_invoices": open_invoices,
        "max_days_overdue": max_days_overdue,
        "created_at": customer.created_at.isoformat(),
        "updated_at": customer.updated_at.isoformat(),
    }


def list_customers(
    session: Session,
    *,
    today: date,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    query = select(Customer).order_by(col(Customer.email)).limit(limit).offset(offset)
    if status:
        query = query.where(col(Customer.account_status) == status)
    customers = list(session.execute(query).scalars())
    stats: dict[int, tuple[int, date]] = {}
    if customers:
        for cid, n, oldest in session.execute(
            select(col(Invoice.customer_id), func.count(), func.min(col(Invoice.due_date)))
            .where(col(Invoice.customer_id).in_([c.id for c in customers]))
            .where(col(Invoice.status) == "open")
            .group_by(col(Invoice.customer_id))
        ).all():
            stats[cid] = (n, oldest)
    out = []
    for c in customers:
        n, oldest = stats.get(c.id or 0, (0, None))
        overdue = (today - oldest).days if oldest is not None else None
        out.append(customer_json(c, n, overdue if overdue is None or overdue > 0 else 0))
    return out


def show_customer(session: Session, settings: Settings, email: str, today: date) -> dict[str, Any]:
    from ticketing.desk import ticket_summary

    customer = get_customer(session, email)
    invoices = list(
        session.execute(
            select(Invoice)
            .where(col(Invoice.customer_id) == customer.id)
            .order_by(col(Invoice.due_date))
        ).scalars()
    )
    notices: dict[int, list[dict[str, Any]]] = {}
    if invoices:
        for n in session.execute(
            select(CollectionNotice)
            .where(col(CollectionNotice.invoice_id).in_([i.id for i in invoices]))
            .order_by(col(CollectionNotice.id))
        ).scalars():
            notices.setdefault(n.invoice_id, []).append(
                {"stage": n.stage, "sent_at": n.created_at.isoformat(), "outbox_id": n.outbox_id}
            )
    open_count = sum(1 for i in invoices if i.status == "open")
    overdue = [max((today - i.due_date).days, 0) for i in invoices if i.status == "open"]
    data = customer_json(customer, open_count, max(overdue) if overdue else None)
    data["invoices"] = [
        {
            "number": i.number,
            "amount": to_decimal_string(i.amount_minor, i.currency),
            "amount_display": format_amount(i.amount_minor, i.currency),
            "currency": i.currency,
            "due_date": i.due_date.isoformat(),
            "days_overdue": max((today - i.due_date).days, 0) if i.status == "open" else 0,
            "status": i.status,
            "ticket_id": i.ticket_id,
            "notices": notices.get(i.id or 0, []),
        }
        for i in invoices
    ]
    data["tickets"] = [
        ticket_summary(settings, t, customer.name)
        for t in session.execute(
            select(Ticket)
            .where(col(Ticket.customer_id) == customer.id)
            .order_by(col(Ticket.id).desc())
        ).scalars()
    ]
    data["events"] = [
        {
            "id": e.id,
            "kind": e.kind,
            "actor": e.actor,
            "detail": e.detail,
            "created_at": e.created_at.isoformat(),
        }
        for e in session.execute(
            select(Event).where(col(Event.customer_id) == customer.id).order_by(col(Event.id))
        ).scalars()
    ]
    return data


def overdue_customers(
    session: Session, customer_ids: Sequence[int | None], today: date | None = None
) -> set[int]:
    """Which of `customer_ids` have an open invoice past its due date (what routing's
    `overdue_invoice` fact and the model's `overdue-invoice` feature say)."""
    from ticketing.models import utcnow

    wanted = {c for c in customer_ids if c is not None}
    if not wanted:
        return set()
    day = today or utcnow().date()
    found = session.execute(
        select(col(Invoice.customer_id))
        .where(
            col(Invoice.customer_id).in_(wanted),
            col(Invoice.status) == "open",
            col(Invoice.due_date) < day,
        )
        .distinct()
    ).scalars()
    return set(found)
