"""Follow-ups attached set-wise (Pipeline._followup_candidates / _bulk_followups) are
stored exactly as the one-by-one path (find_thread, then _followup) stores them: the same
raw outcomes, messages, events, participants and ticket states, on SQLite and PostgreSQL.
The cases that must not take the set-wise path (held senders, merged tickets, two replies
to one ticket, a reply to a mail of the same batch, subject references) are in the mix."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.support import mail, make_settings, stored_rows
from ticketing.db import make_engine
from ticketing.pipeline import Pipeline, RawItem
from ticketing.rules import load_rules

ORIGINAL_CANDIDATES = Pipeline._followup_candidates
CUSTOMERS = [f"c{i}@customer{i}.example" for i in range(9)]


def _item(data: bytes) -> RawItem:
    return RawItem(data=data, source="imap", mailbox="billing")


def _reply(
    n: int, mid: str, body: str, *, to: str, refs: str | None = None, subject: str = ""
) -> RawItem:
    return _item(
        mail(
            subject or f"Re: invoice question {n}",
            body,
            sender=CUSTOMERS[n],
            name=f"Customer {n}",
            message_id=mid,
            in_reply_to=None if refs else to,
            references=refs,
        )
    )


def _with_attachment(n: int, mid: str, to: str) -> RawItem:
    msg = EmailMessage()
    msg["From"] = CUSTOMERS[n]
    msg["To"] = "billing@example.com"
    msg["Subject"] = f"Re: invoice question {n}"
    msg["Message-ID"] = mid
    msg["In-Reply-To"] = to
    msg.set_content("Here is the remittance advice you asked for.\n")
    msg.add_attachment(
        b"%PDF-1.4 remittance", maintype="application", subtype="pdf", filename="remittance.pdf"
    )
    msg.set_boundary("remittance-boundary")  # the same bytes in both runs
    return _item(msg.as_bytes())


def _opening_batch() -> list[RawItem]:
    return [
        _item(
            mail(
                f"invoice question {n}",
                f"Hello,\n\nI have a question about invoice INV-2026-{n:03d}.\n\nRegards",
                sender=CUSTOMERS[n],
                name=f"Customer {n}",
                message_id=f"<t{n}@customer.example>",
            )
        )
        for n in range(9)
    ]


def _replies_without_merges(subject_ref: str) -> list[RawItem]:
    return [
        _reply(0, "<r0@c>", "Thanks, that answers it.", to="<t0@customer.example>"),
        _reply(1, "<r1@c>", "Sorry, one more thing about it.", to="<t1@customer.example>"),
        _reply(
            2,
            "<r2@c>",
            "Any news on this?",
            to="",
            refs="<elsewhere@c> <t2@customer.example>",
        ),
        _reply(
            3,
            "<r3@c>",
            "We were charged twice for the same licences: we will file a chargeback with our bank.",
            to="<t3@customer.example>",
        ),
        _reply(
            4, "<r4@c>", "We will pay the overdue invoice on Friday.", to="<t4@customer.example>"
        ),
        _with_attachment(6, "<r6@c>", "<t6@customer.example>"),
        # A stranger answering someone else's thread is held, never attached.
        _item(
            mail(
                "Re: invoice question 8",
                "I am not on this ticket.",
                sender="stranger@elsewhere.example",
                message_id="<rs@c>",
                in_reply_to="<t8@customer.example>",
            )
        ),
        # Two replies to one ticket, and a reply to a mail of this very batch.
        _reply(7, "<r7a@c>", "First addition.", to="<t7@customer.example>"),
        _reply(7, "<r7b@c>", "Second addition.", to="<t7@customer.example>"),
        _reply(0, "<r0b@c>", "And a follow-up to my own reply.", to="<r0@c>"),
        # A subject reference only (a client that drops the threading headers).
        _reply(0, "<r8@c>", "Following up without headers.", to="", refs="", subject=subject_ref),
        # An unknown reference: a new ticket.
        _reply(8, "<r8n@c>", "A new question.", to="<nowhere@c>"),
    ]


def _replies_with_a_merge() -> list[RawItem]:
    return [
        _reply(5, "<r5@c>", "Adding to the merged ticket.", to="<t5@customer.example>"),
        _reply(2, "<r2b@c>", "Still waiting.", to="<t2@customer.example>"),
    ]


# Where each snapshot row keeps its ticket id (tests.support.stored_rows).
TICKET_COLUMN = {"raw": 4, "ticket": 1, "message": 1, "event": 1, "outbox": 1}


def _per_ticket(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows in order per ticket. Set-wise follow-ups are stored before the batch's
    one-by-one messages, so ids across tickets may interleave differently; within a
    ticket (the conversation, its audit trail) the order must be the same."""
    column = TICKET_COLUMN
    return sorted(rows, key=lambda r: (r[0], str(r[column[r[0]]]) if r[0] in column else ""))


def _run(tmp_path: Path, url: str, setwise: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    settings = make_settings(tmp_path / ("setwise" if setwise else "single"), db_url=url)
    rules = load_rules(settings.rules_path, queues=settings.service.queues)
    pipeline = Pipeline(make_engine(url), settings, rules=rules)
    taken: list[int] = []

    def candidates(self: Pipeline, *args: Any) -> Any:
        found = ORIGINAL_CANDIDATES(self, *args) if setwise else []
        taken.extend(f.index for f in found)
        return found

    monkeypatch.setattr(Pipeline, "_followup_candidates", candidates)
    opened = pipeline.ingest_batch(_opening_batch())
    assert [r.outcome for r in opened] == ["ticket"] * 9
    ids = [r.ticket_id for r in opened]
    with pipeline.engine.begin() as conn:
        for status, tid in (("resolved", ids[1]), ("pending", ids[2]), ("closed", ids[3])):
            conn.execute(
                text("UPDATE tickets SET status = :s WHERE id = :i"), {"s": status, "i": tid}
            )
        conn.execute(
            text("UPDATE tickets SET merged_into = :t, status = 'closed' WHERE id = :i"),
            {"t": ids[6], "i": ids[5]},
        )
        conn.execute(  # as `tickets merge` does: the requester moves along
            text(
                "INSERT INTO participants (ticket_id, email, role, created_at)"
                " VALUES (:t, :e, 'cc', CURRENT_TIMESTAMP)"
            ),
            {"t": ids[6], "e": CUSTOMERS[5]},
        )
        conn.execute(
            text("UPDATE customers SET account_status = 'delinquent' WHERE email = :e"),
            {"e": CUSTOMERS[4]},
        )
    first = pipeline.ingest_batch(
        _replies_without_merges(f"[{settings.service.ticket_tag}-{ids[0]}]")
    )
    second = pipeline.ingest_batch(_replies_with_a_merge())
    snapshot = _per_ticket(stored_rows(pipeline.engine))
    with pipeline.engine.connect() as conn:
        people = conn.execute(
            text("SELECT ticket_id, email, role FROM participants ORDER BY ticket_id, email")
        ).all()
        states = conn.execute(
            text(
                "SELECT id, status, resolved_at IS NULL, closed_at IS NULL FROM tickets ORDER BY id"
            )
        ).all()
    states = [(ids.index(row[0]) if row[0] in ids else None, *row[1:]) for row in states]
    pipeline.engine.dispose()
    outcomes = [r.outcome for r in first + second]
    return snapshot, people, states, outcomes, taken


def test_setwise_followups_store_what_one_by_one_stores(
    tmp_path: Path, db_url: str, second_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    single = _run(tmp_path, db_url, False, monkeypatch)
    setwise = _run(tmp_path, second_db_url, True, monkeypatch)
    assert setwise[:4] == single[:4]
    snapshot, _, states, outcomes, taken = setwise
    # The set-wise path did the plain follow-ups (reopening, moving, the delinquent
    # customer, the attachment, References only) and left the special cases alone.
    assert sorted(taken) == [1, 2, 3, 4, 5], taken
    assert outcomes == [
        "followup",  # r0
        "followup",  # r1: reopens the resolved ticket
        "followup",  # r2: by References
        "followup",  # r3: reopens the closed ticket and moves it to disputes
        "followup",  # r4
        "followup",  # r6 with its attachment
        "held",  # the stranger
        "followup",
        "followup",  # both replies to ticket 7
        "followup",  # the reply to r0, of the same batch
        "followup",  # the subject reference
        "ticket",  # the unknown reference
        "followup",  # r5 lands on the ticket 5 was merged into
        "followup",
    ]
    events = [row for row in snapshot if row[0] == "event"]
    assert any(e[2] == "ticket.moved" and '"disputes"' in e[3] for e in events), events
    assert sum(1 for e in events if e[2] == "ticket.status") == 3  # resolved, closed, pending
    status = {row[0]: row[1] for row in states}
    assert [status[n] for n in range(5)] == ["new", "open", "open", "open", "new"]
    assert status[5] == "closed"  # merged away: the reply went to the ticket it joined
