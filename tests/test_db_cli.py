"""`ticketing db status | upgrade | copy`: the schema revision, its upgrade, and a desk
moved from SQLite to PostgreSQL (and back) that answers every agent command as the
original did and keeps numbering where the original stopped."""

from __future__ import annotations

import json
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.desk_support import Desk, jis_mail
from tests.support import OUR, mail
from ticketing.db import _alembic_config, head_revision, make_engine

# The commands whose --json output the copy must reproduce exactly.
READ_COMMANDS: list[tuple[str, ...]] = [
    ("tickets", "list", "--limit", "1000"),
    ("tickets", "held"),
    ("customers", "list"),
    ("outbox", "list", "--limit", "1000"),
    ("quarantine", "list"),
    ("status",),
]


def with_attachment(subject: str, sender: str, message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Ann Lee <{sender}>"
    msg["To"] = OUR
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    msg.set_content("The invoice is attached; I was charged twice.\n")
    msg.add_attachment(
        b"%PDF-1.4 invoice INV-2026-0007\n",
        maintype="application",
        subtype="pdf",
        filename="inv.pdf",
    )
    return msg.as_bytes()


def build_desk(desk: Desk) -> list[int]:
    """A desk with every kind of row: tickets and follow-ups, attachments, customers and
    invoices, a dispute, a vendor case, collections notices, agent replies, held mail,
    a quarantined mail, outbox rows and their events."""
    tickets = [
        desk.ingest(with_attachment("Charged twice", "ann@lee.example", "<a1@lee.example>")),
        desk.ingest(
            jis_mail("請求書 INV-2026-0042 の二重請求について", "二重に請求されています。\n")
        ),
        desk.ingest(
            mail(subject="Seat count", sender="bob@corp.example", message_id="<b1@corp.example>")
        ),
    ]
    desk.ingest(
        mail(
            subject="Re: Seat count",
            sender="bob@corp.example",
            message_id="<b2@corp.example>",
            in_reply_to="<b1@corp.example>",
        )
    )
    held = desk.json(
        "ingest",
        "-",
        input=mail(
            subject="Re: Seat count",
            sender="eve@elsewhere.example",
            message_id="<e1@elsewhere.example>",
            in_reply_to="<b1@corp.example>",
        ),
    )
    assert held[0]["outcome"] == "held"
    books = desk.tmp_path / "books.csv"
    books.write_text(
        "email,invoice,amount,currency,days_overdue\n"
        "taro@yamada.example,INV-2026-0042,24000,JPY,0\n"
        "ann@lee.example,INV-2026-0007,120.50,USD,40\n"
        "carol@late.example,INV-2026-0099,99.00,USD,25\n",
        encoding="utf-8",
    )
    desk.ok("customers", "import", str(books))
    desk.ok(
        "tickets", "dispute", str(tickets[1]), "--amount", "12000", "--currency", "JPY",
        "--reason", "二重請求",
    )  # fmt: skip
    desk.ok("tickets", "escalate", str(tickets[1]), "--vendor-case", "2611240040001234")
    desk.ok("tickets", "reply", str(tickets[2]), "--body", "We are checking the seat count.")
    desk.ok("tickets", "note", str(tickets[0]), "duplicate charge confirmed")
    desk.ok("collections", "run")
    return tickets


def reads(desk: Desk, ticket_ids: list[int]) -> dict[str, Any]:
    out = {" ".join(args): desk.json(*args) for args in READ_COMMANDS}
    for tid in ticket_ids:
        shown = desk.json("tickets", "show", str(tid))
        for clock in shown["sla"].values():
            if clock["state"] == "running":
                # A running clock's margin is measured at the moment of asking.
                clock.pop("margin_seconds")
        out[f"tickets show {tid}"] = shown
    for customer in ("ann@lee.example", "carol@late.example", "taro@yamada.example"):
        out[f"customers show {customer}"] = desk.json("customers", "show", customer)
    return out


def desk_on(original: Desk, url: str, name: str) -> Desk:
    """A desk with the original's configuration (var_dir, keys, blobs) on database `url`."""
    folder = original.tmp_path / name
    folder.mkdir()
    config = original.config.read_text(encoding="utf-8")
    config = re.sub(r'(?m)^url = ".*"$', f'url = "{url}"', config, count=1)
    (folder / "ticketing.toml").write_text(config, encoding="utf-8")
    return Desk.from_config(folder / "ticketing.toml")


def all_ticket_ids(desk: Desk) -> list[int]:
    return sorted(t["id"] for t in desk.json("tickets", "list", "--limit", "1000"))


@pytest.mark.services
def test_copy_sqlite_to_postgresql_and_back_answers_as_the_original(
    tmp_path: Path, pg_url: str
) -> None:
    original = Desk(tmp_path, f"sqlite:///{tmp_path}/ticketing.db")
    original.ok("init")
    build_desk(original)
    ids = all_ticket_ids(original)
    before = reads(original, ids)
    # Every table the copy must carry has rows.
    with original.engine.connect() as conn:
        for table in (
            "tickets", "messages", "attachments", "events", "outbox", "customers",
            "invoices", "disputes", "vendor_cases", "collection_notices", "participants",
            "raw_messages", "message_references",
        ):  # fmt: skip
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() > 0, table

    out = original.ok("db", "copy", "--to", pg_url)
    assert "verified: 15 tables" in out and "every count equal" in out, out
    assert "not copied (files, not rows): var_dir" in out
    for table in ("tickets", "messages", "attachments", "outbox"):
        line = re.search(rf"(?m)^  {table}\s+(\d+)\s+(\d+)$", out)
        assert line and line.group(1) == line.group(2) != "0", (table, out)

    on_pg = desk_on(original, pg_url, "pg")
    try:
        assert reads(on_pg, ids) == before
        # Search works on the copy: PostgreSQL's indexes, not SQLite's FTS5 tables.
        found = on_pg.json("tickets", "search", "二重請求")
        assert [t["id"] for t in found] == [
            t["id"] for t in original.json("tickets", "search", "二重請求")
        ]
        # Sequences continue after the copied ids: a new mail is the next ticket.
        new_id = on_pg.ingest(
            mail(subject="New on PG", sender="dan@new.example", message_id="<d1@new.example>")
        )
        assert new_id == max(ids) + 1
        assert on_pg.json("tickets", "show", str(new_id))["messages"][0]["subject"] == "New on PG"
        on_pg.ok("tickets", "note", str(new_id), "events continue too")
        after_pg = reads(on_pg, [*ids, new_id])

        # And back: PostgreSQL to a new SQLite file, FTS5 filled by its triggers.
        back_url = f"sqlite:///{tmp_path}/back.db"
        on_pg.ok("db", "copy", "--to", back_url)
        back = desk_on(original, back_url, "back")
        try:
            assert reads(back, [*ids, new_id]) == after_pg
            assert [t["id"] for t in back.json("tickets", "search", "New on PG")] == [new_id]
            assert (
                back.ingest(mail(sender="fay@x.example", message_id="<f1@x.example>")) == new_id + 1
            )
        finally:
            back.close()
    finally:
        on_pg.close()
        original.close()


@pytest.mark.services
def test_copy_refuses_a_target_with_data_and_force_replaces_it(tmp_path: Path, pg_url: str) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/ticketing.db")
    desk.ok("init")
    desk.ingest(mail())
    desk.ok("db", "copy", "--to", pg_url)
    desk.ingest(mail(subject="second", message_id="<m2@customer.example>"))
    refused = desk.fails(1, "db", "copy", "--to", pg_url)
    assert "already has data (customers: 1, tickets: 1," in refused
    assert "nothing copied (--force replaces it)" in refused
    report = json.loads(desk.ok("db", "copy", "--to", pg_url, "--force", "--json"))
    assert report["replaced"] is True
    tickets = {t["table"]: t for t in report["tables"]}["tickets"]
    assert tickets == {"table": "tickets", "source_rows": 2, "target_rows": 2}
    assert report["sequences"]["public.tickets_id_seq"] == 3
    try:
        engine = make_engine(pg_url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM tickets")).scalar_one() == 2
    finally:
        engine.dispose()


@pytest.mark.services
def test_a_row_the_target_cannot_hold_leaves_the_target_unchanged(
    tmp_path: Path, pg_url: str
) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/ticketing.db")
    desk.ok("init")
    for i in range(3):
        desk.ingest(mail(subject=f"mail {i}", message_id=f"<n{i}@customer.example>"))
    with desk.engine.begin() as conn:  # SQLite keeps a NUL in text; PostgreSQL refuses it
        conn.execute(
            text("UPDATE tickets SET subject = 'bad' || char(0) || 'subject' WHERE id = 2")
        )
    out = desk.fails(1, "db", "copy", "--to", pg_url)
    assert "Error: tickets: cannot write the rows with id 1 to 3:" in out
    assert "nothing committed" in out
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM customers")).scalar_one() == 0
    finally:
        engine.dispose()


def test_copy_refuses_the_configured_database_and_a_source_behind(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path}/ticketing.db"
    desk = Desk(tmp_path, url)
    command.upgrade(_alembic_config(url), "0006")
    assert "is the configured database itself" in desk.fails(1, "db", "copy", "--to", url)
    behind = desk.fails(1, "db", "copy", "--to", f"sqlite:///{tmp_path}/other.db")
    assert (
        f"at revision 0006, this ticketing at {head_revision()}: run `ticketing db upgrade`"
        in behind
    )
    assert "is not a database URL" in desk.fails(1, "db", "copy", "--to", "no-such-scheme")
    desk.close()


def test_status_and_upgrade_name_the_revisions(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path}/ticketing.db"
    desk = Desk(tmp_path, url)
    fresh = desk.json("db", "status")
    assert fresh["current"] is None and fresh["head"] == head_revision()
    revisions = [p["revision"] for p in fresh["pending"]]
    assert (revisions[0], revisions[-1]) == ("0001", head_revision())
    command.upgrade(_alembic_config(url), "0006")
    status = desk.ok("db", "status")
    assert "current revision: 0006" in status and f"head revision:    {head_revision()}" in status
    assert "2 migration(s) to apply with `ticketing db upgrade`:" in status
    assert "  0007  messages keep each address's display name and addr-spec apart" in status
    upgraded = desk.ok("db", "upgrade")
    assert f"upgraded from revision 0006 to {head_revision()}" in upgraded
    assert "applied 0008" in upgraded
    assert desk.json("db", "status")["up_to_date"] is True
    assert f"already at revision {head_revision()}, nothing to do" in desk.ok("db", "upgrade")
    desk.close()


def test_status_of_an_unreachable_database_names_the_setting(tmp_path: Path) -> None:
    desk = Desk(tmp_path, "postgresql+psycopg://nobody:pw@127.0.0.1:1/none")
    out = desk.fails(1, "db", "status")
    assert "cannot open the database postgresql+psycopg://nobody:***@127.0.0.1:1/none" in out
    assert "(check [database] url or $TICKETING_DATABASE_URL)" in out
    assert ":pw@" not in out
