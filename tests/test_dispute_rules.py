"""Invoice numbers in one canonical form whoever typed them (`ticketing.invoiceno`):
the pure function, the mail extractor, and the customers CSV import (SQLite and
PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.desk_support import Desk
from tests.support import REPO, mail
from ticketing.invoiceno import InvalidInvoice, canonical_invoice
from ticketing.models import Invoice, Ticket
from ticketing.parse import parse_email
from ticketing.rules import load_rules

ANN = "ann@acme.example"
BOB = "bob@acme.example"
SPELLINGS = [
    "INV-2026-0042",
    "inv-2026-0042",
    "INV 2026 0042",
    "INV2026-0042",
    "INV20260042",
    " #inv_2026_0042 ",
    "ＩＮＶ－２０２６－００４２",  # full-width, as a Japanese IME types it
    "ＩＮＶ２０２６ー００４２",  # with the prolonged sound mark for the dash
    "INV\u20132026\u20130042",  # an en dash from a word processor
]


# -- canonical invoice numbers (pure) ------------------------------------------------


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_one_invoice_is_one_canonical_number(spelling: str) -> None:
    assert canonical_invoice(spelling) == "INV-2026-0042"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("g012345678", "G012345678"),  # a vendor's number: upper-cased, kept
        ("１２３４５", "12345"),
        ("x-1", "X-1"),
        ("po  77\t12", "PO 77 12"),
        ("INV-2026-42", "INV-2026-42"),  # a serial too short to be ours: not guessed at
    ],
)
def test_other_references_are_folded_but_not_rewritten(raw: str, canonical: str) -> None:
    assert canonical_invoice(raw) == canonical
    assert canonical_invoice(canonical) == canonical  # idempotent


@pytest.mark.parametrize("raw", ["", "   ", "#", "X" * 121, "INV\x00-1"])
def test_what_cannot_be_an_invoice_number_is_refused(raw: str) -> None:
    with pytest.raises(InvalidInvoice, match="not an invoice number"):
        canonical_invoice(raw)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Dispute inv 2026 0042", "Please check."),
        ("Question", "We were charged twice on INV2026-0042."),
        ("請求書 ＩＮＶ－２０２６－００４２ について", "二重請求です。"),
        ("Question", "invoice number: inv2026-0042"),
    ],
)
def test_the_mail_extractor_gives_the_same_canonical_number(subject: str, body: str) -> None:
    rules = load_rules(REPO / "config" / "rules.toml")
    email_ = parse_email(mail(subject, body))
    assert rules.extract(email_)["invoice"] == "INV-2026-0042"


# -- through the CLI -------------------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path, db_url: str) -> Iterator[Desk]:
    d = Desk(tmp_path, db_url)
    d.ok("init")
    yield d
    d.close()


def import_accounts(desk: Desk, *rows: str, name: str = "accounts.csv") -> dict[str, Any]:
    path = desk.tmp_path / name
    path.write_text(
        "email,invoice,amount,currency,days_overdue\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    report: dict[str, Any] = desk.json("customers", "import", str(path))
    return report


def customer_mail(desk: Desk, sender: str, subject: str, body: str, n: int) -> int:
    return desk.ingest(mail(subject, body, sender=sender, message_id=f"<c{n}@acme.example>"))


def ticket(desk: Desk, ticket_id: int) -> Ticket:
    with desk.session() as s:
        found = s.get(Ticket, ticket_id)
        assert found is not None
        return found


def test_customers_import_and_the_mail_store_one_canonical_number(desk: Desk) -> None:
    report = import_accounts(desk, f"{ANN},inv 2026 0042,30000,JPY,10")
    assert report["invoices_created"] == 1
    # The same invoice in another spelling updates it in place.
    again = import_accounts(desk, f"{ANN},ＩＮＶ２０２６－００４２,31000,JPY,10", name="again.csv")
    assert (again["invoices_created"], again["invoices_updated"]) == (0, 1)
    with desk.session() as s:
        assert [i.number for i in s.execute(select(Invoice)).scalars()] == ["INV-2026-0042"]
    assert desk.json("customers", "show", ANN)["invoices"][0]["number"] == "INV-2026-0042"
    spelled = customer_mail(desk, ANN, "Dispute inv 2026 0042", "Charged twice.", 1)
    assert ticket(desk, spelled).fields["invoice"] == "INV-2026-0042"  # the mail extractor's
    bad = desk.tmp_path / "bad.csv"
    bad.write_text(f"email,invoice,amount,currency,days_overdue\n{ANN},#,1,JPY,1\n", "utf-8")
    assert f"{bad}:2: not an invoice number: '#'" in desk.fails(1, "customers", "import", str(bad))
