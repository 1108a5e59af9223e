"""Customers and the collections policy through the CLI: the CSV import (bad rows
reported as FILE:LINE and skipped, CP932 files), account status changes, and
`collections run` sending each stage once, in order, threaded, in the customer's
language — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from tests.desk_support import Desk, sink_toml, text_of
from tests.servers import SmtpSink
from ticketing.models import (
    CollectionNotice,
    Customer,
    Event,
    Invoice,
    OutboxMessage,
    Ticket,
)

HEADER = "email,name,language,account_status,invoice,amount,currency,days_overdue,due_date,invoice_status"


@pytest.fixture
def desk(tmp_path: Path, db_url: str, smtp_sink: SmtpSink) -> Iterator[Desk]:
    d = Desk(tmp_path, db_url, extra=sink_toml(smtp_sink))
    d.ok("init")
    yield d
    d.close()


def customer(desk: Desk, email: str) -> Customer:
    with desk.session() as s:
        c = s.execute(select(Customer).where(col(Customer.email) == email)).scalar_one()
        return c


def test_import_reports_bad_rows_and_imports_the_rest(desk: Desk, tmp_path: Path) -> None:
    csv_file = tmp_path / "customers.csv"
    csv_file.write_text(
        "\n".join(
            [
                HEADER,
                'ann@acme.example,Ann Lee,en,active,INV-1,"1,234.50",USD,10,,',  # 2 ok
                "not-an-email,Bob,en,,,,,,,",  # 3
                "taro@yamada.example,山田 太郎,ja,delinquent,INV-2,12000,JPY,,2026-10-01,",  # 4 ok
                "cy@acme.example,Cy,fr,,,,,,,",  # 5
                "dee@acme.example,Dee,en,,INV-3,12.5,JPY,5,,",  # 6
                "eve@acme.example,Eve,en,,INV-4,100,,5,,",  # 7
                "fay@acme.example,Fay,en,,INV-5,100,USD,5,2026-10-01,",  # 8
                "gus@acme.example,Gus,en,closed,,,,,,",  # 9
                "hal@acme.example,Hal,en,,,,,,,,extra",  # 10
                "",  # 11: blank lines are skipped
                "ivy@acme.example,,,,,,,,,",  # 12 ok: a customer without anything else
                ",,,,,,,,,",  # 13
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = desk.invoke("customers", "import", str(csv_file))
    assert result.exit_code == 1, result.output
    assert "3 of 11 row(s) imported (utf-8-sig)" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"{csv_file}:3: not an email address: 'not-an-email'",
        f"{csv_file}:5: unknown language 'fr' (known: en, ja)",
        f"{csv_file}:6: JPY has 0 decimal place(s); '12.5' has more",
        f"{csv_file}:7: invoice INV-4: missing currency",
        f"{csv_file}:8: give days_overdue or due_date, not both",
        f"{csv_file}:9: unknown account_status 'closed' (known: active, delinquent, suspended)",
        f"{csv_file}:10: more cells than columns in the header",
        f"{csv_file}:13: empty row",
    ]
    assert customer(desk, "taro@yamada.example").name == "山田 太郎"
    assert customer(desk, "taro@yamada.example").account_status == "delinquent"
    with desk.session() as s:
        invoices = {i.number: i for i in s.execute(select(Invoice)).scalars()}
        status_events = list(
            s.execute(select(Event).where(col(Event.kind) == "customer.status")).scalars()
        )
    assert invoices["INV-1"].amount_minor == 123450 and invoices["INV-1"].currency == "USD"
    assert invoices["INV-2"].due_date.isoformat() == "2026-10-01"
    assert [e.detail["to"] for e in status_events] == ["delinquent"]
    assert status_events[0].detail["reason"] == "import customers.csv:4"

    # Importing again updates in place; a CP932 file from Excel works too.
    sjis = tmp_path / "excel.csv"
    sjis.write_bytes(
        (
            HEADER
            + "\r\ntaro@yamada.example,山田 太郎（経理）,ja,,INV-2,13000,JPY,,2026-10-01,paid\r\n"
        ).encode("cp932")
    )
    report = desk.json("customers", "import", str(sjis))
    assert report["encoding"] == "cp932" and report["errors"] == []
    assert (report["customers_updated"], report["invoices_updated"]) == (1, 1)
    assert customer(desk, "taro@yamada.example").name == "山田 太郎（経理）"
    bad_header = tmp_path / "bad.csv"
    bad_header.write_text("mail,name\nx@y.example,X\n", encoding="utf-8")
    out = desk.fails(1, "customers", "import", str(bad_header))
    assert f"{bad_header}:1: unknown column(s) mail" in out
    desk.fails(2, "customers", "import", str(tmp_path / "missing.csv"))

    # list, show, set-status
    listed = desk.json("customers", "list", "--status", "delinquent")
    assert [c["email"] for c in listed] == ["taro@yamada.example"]
    everyone = desk.json("customers", "list")
    ann = next(c for c in everyone if c["email"] == "ann@acme.example")
    assert ann["open_invoices"] == 1 and ann["max_days_overdue"] == 10
    assert "ann@acme.example" in desk.ok("customers", "list")
    desk.fails(2, "customers", "set-status", "ann@acme.example", "suspended")  # --reason required
    desk.fails(2, "customers", "set-status", "ann@acme.example", "gone", "--reason", "x")
    assert "no customer" in desk.fails(
        1, "customers", "set-status", "nobody@x.example", "active", "--reason", "x"
    )
    changed = desk.json(
        "customers", "set-status", "ANN@acme.example", "suspended", "--reason", "fraud check",
        "--actor", "lead",
    )  # fmt: skip
    assert changed == {
        "email": "ann@acme.example",
        "from": "active",
        "to": "suspended",
        "changed": True,
    }
    shown = desk.json("customers", "show", "ann@acme.example")
    assert shown["invoices"][0]["amount"] == "1234.50"
    assert [(e["kind"], e["actor"]) for e in shown["events"]][-1] == ("customer.status", "lead")
    assert "INV-1" in desk.ok("customers", "show", "ann@acme.example")


def test_collections_run_sends_each_stage_once_in_order(
    desk: Desk, tmp_path: Path, smtp_sink: SmtpSink
) -> None:
    csv_file = tmp_path / "overdue.csv"
    csv_file.write_text(
        "\n".join(
            [
                HEADER,
                "ann@acme.example,Ann Lee,en,,INV-1,99.00,USD,8,,",
                "taro@yamada.example,山田 太郎,ja,,INV-2,12000,JPY,40,,",
                "paid@acme.example,Paid,en,,INV-3,10,USD,50,,paid",
                "soon@acme.example,Soon,en,,INV-4,10,USD,-100,,",  # due in 100 days
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    desk.ok("customers", "import", str(csv_file))

    def outbox_count() -> int:
        with desk.session() as s:
            return int(s.execute(select(func.count()).select_from(OutboxMessage)).scalar_one())

    def time_passes(days: int) -> None:
        with desk.session() as s:
            for n in s.execute(select(CollectionNotice)).scalars():
                n.created_at -= timedelta(days=days)
            for i in s.execute(select(Invoice)).scalars():
                i.due_date -= timedelta(days=days)
            s.commit()

    plan = desk.json("collections", "run", "--dry-run")
    assert plan["dry_run"] is True
    # Never skipped: 40 days overdue still starts with the reminder.
    assert sorted((n["customer"], n["stage"]) for n in plan["notices"]) == [
        ("ann@acme.example", "reminder"),
        ("taro@yamada.example", "reminder"),
    ]
    assert outbox_count() == 0
    assert "2 notice(s) due" in desk.ok("collections", "run", "--dry-run")

    first = desk.json("collections", "run")["notices"]
    assert sorted(n["stage"] for n in first) == ["reminder", "reminder"]
    assert outbox_count() == 2
    assert customer(desk, "ann@acme.example").account_status == "delinquent"
    assert desk.json("collections", "run")["notices"] == []  # a rerun sends nothing new

    time_passes(3)  # too soon after the reminder for the next stage
    assert desk.json("collections", "run")["notices"] == []
    time_passes(5)
    second = desk.json("collections", "run")["notices"]
    assert [(n["customer"], n["stage"]) for n in second] == [
        ("taro@yamada.example", "final_notice")
    ]
    time_passes(8)
    third = desk.json("collections", "run")["notices"]
    # Ann is now 24 days overdue: her final notice; Taro reaches suspension.
    assert sorted((n["customer"], n["stage"]) for n in third) == [
        ("ann@acme.example", "final_notice"),
        ("taro@yamada.example", "suspension"),
    ]
    assert customer(desk, "taro@yamada.example").account_status == "suspended"
    time_passes(30)
    last = desk.json("collections", "run")["notices"]
    assert [(n["customer"], n["stage"]) for n in last] == [("ann@acme.example", "suspension")]
    time_passes(30)
    assert desk.json("collections", "run")["notices"] == []  # every stage sent once

    # One collections ticket per invoice, notices threaded into it.
    with desk.session() as s:
        tickets = list(s.execute(select(Ticket).order_by(col(Ticket.requester))).scalars())
    assert [(t.queue, t.requester, t.language) for t in tickets] == [
        ("collections", "ann@acme.example", "en"),
        ("collections", "taro@yamada.example", "ja"),
    ]
    taro = tickets[1]
    kinds = desk.kinds(taro.id or 0)
    assert kinds.count("collections.notice") == 3 and kinds[0] == "ticket.created"
    shown = desk.json("customers", "show", "taro@yamada.example")
    assert [n["stage"] for n in shown["invoices"][0]["notices"]] == [
        "reminder",
        "final_notice",
        "suspension",
    ]
    assert [e["detail"]["to"] for e in shown["events"] if e["kind"] == "customer.status"] == [
        "delinquent",
        "suspended",
    ]

    assert desk.json("outbox", "send")["sent"] == 6
    to_taro = [m.parsed() for m in smtp_sink.wait_for(6) if m.rcpt_tos == ("taro@yamada.example",)]
    subjects = [str(m["Subject"]) for m in to_taro]
    assert subjects == [
        f"[BILL-{taro.id}] お支払いのお願い（請求書 INV-2）",
        f"[BILL-{taro.id}] 【最終通知】請求書 INV-2 のお支払いについて",
        f"[BILL-{taro.id}] サブスクリプション停止のお知らせ（請求書 INV-2）",
    ]
    assert "12,000 JPY" in text_of(to_taro[0]) and "ご利用を停止いたしました" in text_of(to_taro[2])
    # Each notice answers the previous one: one conversation in the customer's client.
    assert to_taro[0]["In-Reply-To"] is None
    assert to_taro[1]["In-Reply-To"] == to_taro[0]["Message-ID"]
    assert to_taro[2]["In-Reply-To"] == to_taro[1]["Message-ID"]
    assert str(to_taro[2]["References"]).split() == [
        to_taro[0]["Message-ID"],
        to_taro[1]["Message-ID"],
    ]
    human = desk.ok("customers", "show", "taro@yamada.example")
    assert "reminder, final_notice, suspension" in human
    assert json.loads(desk.ok("collections", "run", "--json"))["notices"] == []
