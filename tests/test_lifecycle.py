"""The ticket lifecycle through the CLI: every agent action, its audit trail, the
status rules (illegal transitions name the allowed ones), invariant 8 on resolve,
vendor escalations, disputes, merge, list filters and search — on SQLite and
PostgreSQL."""

from __future__ import annotations

import email
import email.policy
import shutil
from collections.abc import Callable
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlmodel import col

from tests.desk_support import Desk, jis_mail
from tests.support import REPO, mail
from ticketing.config import Settings
from ticketing.errors import InvalidTransition
from ticketing.lifecycle import TRANSITIONS, check_transition
from ticketing.models import (
    Message,
    OutboxMessage,
    Participant,
    Status,
    Ticket,
    VendorCase,
    utcnow,
)


def outbox(desk: Desk, ticket_id: int) -> list[OutboxMessage]:
    with desk.session() as s:
        return list(
            s.execute(
                select(OutboxMessage)
                .where(col(OutboxMessage.ticket_id) == ticket_id)
                .order_by(col(OutboxMessage.id))
            ).scalars()
        )


def parsed(row: OutboxMessage) -> EmailMessage:
    msg = email.message_from_bytes(row.raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def ticket(desk: Desk, ticket_id: int) -> Ticket:
    with desk.session() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        return t


def shift(desk: Desk, ticket_id: int, **deltas: timedelta) -> None:
    """Move a ticket's timestamps into the past, as if time had passed."""
    t = ticket(desk, ticket_id)
    values: dict[str, Any] = {name: getattr(t, name) - delta for name, delta in deltas.items()}
    with desk.session() as s:
        s.execute(update(Ticket).where(col(Ticket.id) == ticket_id).values(**values))
        s.commit()


def test_every_status_has_transitions_and_refusals_name_the_allowed() -> None:
    assert set(TRANSITIONS) == {s.value for s in Status}
    for source, targets in TRANSITIONS.items():
        assert source not in targets and "new" not in targets
    closed = Ticket(id=7, queue="billing", requester="a@b.example", status="closed")
    with pytest.raises(
        InvalidTransition, match=r"BILL-7 is closed: cannot change to pending \(allowed: open\)"
    ):
        check_transition(closed, "pending", Settings())


def _reply_threads_moves_to_pending_and_sets_first_response(desk: Desk) -> None:
    raw = mail(
        message_id="<q1@customer.example>",
        references="<older@customer.example>",
        headers={"Cc": "Hanako <hanako@customer.example>"},
    )
    tid = desk.ingest(raw)
    assert ticket(desk, tid).first_response_at is None  # an acknowledgement is not a response
    out = desk.json("tickets", "reply", str(tid), "--body", "We are checking.", "--actor", "sato")
    assert out["action"] == "reply" and out["ticket"]["status"] == "pending"
    t = ticket(desk, tid)
    assert t.status == "pending" and t.first_response_at is not None
    ack, reply = outbox(desk, tid)
    msg = parsed(reply)
    assert msg["To"] == "taro@customer.example" and msg["Cc"] == "hanako@customer.example"
    assert msg["In-Reply-To"] == "<q1@customer.example>"
    refs = msg["References"].split()
    assert refs[0] == "<older@customer.example>" and refs[-1] == "<q1@customer.example>"
    assert f"<{ack.message_id}>" in refs
    assert msg["Auto-Submitted"] is None  # a human answer, not an automatic one
    assert reply.template == "reply" and not reply.auto
    events = desk.events(tid)
    kinds = [e.kind for e in events]
    assert kinds[-3:] == ["outbox.queued", "ticket.status", "ticket.replied"]
    assert {e.actor for e in events[-3:]} == {"sato"}
    assert events[-2].detail == {"from": "new", "to": "pending", "reason": "agent replied"}

    # The customer answers: pending -> open (the pipeline), and the next reply threads to it.
    follow = mail(
        message_id="<q2@customer.example>",
        in_reply_to=f"<{reply.message_id}>",
        references=f"<q1@customer.example> <{reply.message_id}>",
        subject=f"Re: [BILL-{tid}] Question",
    )
    assert desk.ingest(follow) == tid
    assert ticket(desk, tid).status == "open"
    body = desk.tmp_path / "body.txt"
    body.write_text("Found it.\n\nThe refund is on its way.", encoding="utf-8")
    desk.ok("tickets", "reply", f"BILL-{tid}", "--body-file", str(body), "--status", "open")
    assert ticket(desk, tid).status == "open"
    last = parsed(outbox(desk, tid)[-1])
    assert last["In-Reply-To"] == "<q2@customer.example>"
    assert "The refund is on its way." in str(last.get_body(("plain",)).get_content())  # type: ignore[union-attr]

    # A canned answer by template name.
    desk.ok("tickets", "reply", str(tid), "--template", "acknowledgement")
    assert outbox(desk, tid)[-1].template == "acknowledgement"
    # Bad input: one line, right exit code.
    assert "give --body" in desk.fails(2, "tickets", "reply", str(tid))
    desk.fails(2, "tickets", "reply", str(tid), "--body", "  ")
    desk.fails(2, "tickets", "reply", str(tid), "--body", "x", "--status", "resolved")
    desk.fails(2, "tickets", "reply", str(tid), "--body-file", "/nonexistent")
    assert desk.fails(1, "tickets", "reply", "999", "--body", "x").strip() == "Error: no ticket 999"


def _note_is_internal_and_never_mailed(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<n1@c.example>"))
    before = len(outbox(desk, tid))
    out = desk.json("tickets", "note", str(tid), "Customer called: wants a credit note.")
    assert out["action"] == "note"
    assert len(outbox(desk, tid)) == before
    (event,) = [e for e in desk.events(tid) if e.kind == "ticket.note"]
    assert event.detail == {"text": "Customer called: wants a credit note."}
    shown = desk.json("tickets", "show", str(tid))
    assert all(m["text"] != "Customer called: wants a credit note." for m in shown["messages"])
    assert "ticket.note" in desk.ok("tickets", "show", str(tid))
    desk.fails(2, "tickets", "note", str(tid))


def _assign_priority_tags_and_list_filters(desk: Desk) -> None:
    a = desk.ingest(mail(message_id="<a@c.example>", subject="first"))
    b = desk.ingest(mail(message_id="<b@c.example>", subject="second", sender="jiro@other.example"))
    c = desk.ingest(mail(message_id="<c@c.example>", subject="third"))
    desk.ok("tickets", "assign", str(a), "sato", "--actor", "lead")
    desk.ok("tickets", "priority", str(b), "urgent", "--reason", "CFO asking")
    desk.ok("tickets", "tag", str(a), "VIP", "refund")
    desk.ok("tickets", "tag", str(a), "--remove", "refund")
    assert ticket(desk, a).tags == ["vip"] and ticket(desk, a).assignee == "sato"
    events = {e.kind: e for e in desk.events(a)}
    assert events["ticket.assigned"].detail == {"from": None, "to": "sato"}
    assert events["ticket.assigned"].actor == "lead"
    assert {e.kind: e for e in desk.events(b)}["ticket.priority"].detail == {
        "from": "normal",
        "to": "urgent",
        "reason": "CFO asking",
    }

    def ids(*args: str) -> list[int]:
        return [r["id"] for r in desk.json("tickets", "list", *args)]

    assert ids("--assignee", "sato") == [a]
    assert sorted(ids("--unassigned")) == sorted([b, c])
    assert ids("--tag", "vip") == [a] and ids("--tag", "vi") == []
    assert ids("--requester", "JIRO@other.example") == [b]
    assert ids("--sort", "priority")[0] == b
    assert ids("--sort", "id") == [c, b, a] and ids("--sort", "id", "--reverse") == [a, b, c]
    assert ids("--sort", "id", "--limit", "2", "--page", "2") == [a]
    shift(desk, c, created_at=timedelta(days=10))
    assert ids("--older-than", "3d") == [c]
    assert sorted(ids("--newer-than", "1d")) == sorted([a, b])
    desk.ok("tickets", "assign", str(a), "-")
    assert ticket(desk, a).assignee is None
    human = desk.ok("tickets", "list")
    assert "ASSIGNEE" in human and f"BILL-{a}" in human
    desk.fails(2, "tickets", "list", "--older-than", "soon")
    desk.fails(2, "tickets", "list", "--page", "2", "--offset", "5")
    desk.fails(2, "tickets", "list", "--status", "done")
    desk.fails(2, "tickets", "priority", str(a), "critical")
    desk.fails(2, "tickets", "tag", str(a))


def _status_changes_are_validated(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<st@c.example>"))
    out = desk.fails(1, "tickets", "status", str(tid), "resolved")
    assert "use tickets resolve" in out
    assert "use tickets escalate" in desk.fails(1, "tickets", "status", str(tid), "escalated")
    desk.ok("tickets", "status", str(tid), "open")
    out = desk.fails(1, "tickets", "status", str(tid), "new")
    assert out.strip() == (
        f"Error: BILL-{tid} is open: cannot change to new "
        "(allowed: pending, escalated, resolved, closed)"
    )
    assert "needs --reason" in desk.fails(1, "tickets", "close", str(tid))
    desk.ok("tickets", "status", str(tid), "closed", "--reason", "spam")
    assert "(allowed: open)" in desk.fails(1, "tickets", "status", str(tid), "pending")
    assert "reopen it first" in desk.fails(1, "tickets", "reply", str(tid), "--body", "hi")
    desk.ok("tickets", "reopen", str(tid), "--reason", "not spam after all")
    t = ticket(desk, tid)
    assert t.status == "open" and t.closed_at is None
    assert "nothing to reopen" in desk.fails(1, "tickets", "reopen", str(tid))
    statuses = [
        (e.detail["from"], e.detail["to"], e.detail["reason"])
        for e in desk.events(tid)
        if e.kind == "ticket.status"
    ]
    assert statuses == [
        ("new", "open", "set by agent"),
        ("open", "closed", "spam"),
        ("closed", "open", "not spam after all"),
    ]


def _resolve_queues_the_close_the_loop_mail_in_the_same_transaction(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<r1@c.example>"))
    tmp_path = desk.tmp_path
    desk.fails(2, "tickets", "resolve", str(tid))  # no resolution
    desk.fails(2, "tickets", "resolve", str(tid), "--no-notify")  # no reason
    # Without the `resolved` template the mail cannot be queued: nothing changes at all.
    broken = tmp_path / "templates"
    shutil.copytree(REPO / "templates", broken)
    for part in broken.glob("*/resolved.*"):
        part.unlink()
    config = desk.config.read_text(encoding="utf-8")
    desk.config.write_text(config.replace(f"{REPO}/templates", str(broken)), encoding="utf-8")
    assert "no template 'resolved'" in desk.fails(
        1, "tickets", "resolve", str(tid), "--resolution", "Refunded."
    )
    desk.config.write_text(config, encoding="utf-8")
    assert ticket(desk, tid).status == "new"
    assert "ticket.resolved" not in desk.kinds(tid)

    out = desk.json("tickets", "resolve", str(tid), "--resolution", "We refunded the charge.")
    row = outbox(desk, tid)[-1]
    assert out["outbox_ids"] == [row.id] and row.template == "resolved"
    assert "We refunded the charge." in row.raw.decode("ascii", "replace") or "refunded" in str(
        parsed(row).get_body(("plain",)).get_content()  # type: ignore[union-attr]
    )
    t = ticket(desk, tid)
    assert t.status == "resolved" and t.resolved_at is not None
    (resolved,) = [e for e in desk.events(tid) if e.kind == "ticket.resolved"]
    assert resolved.detail["notified"] is True and resolved.detail["outbox_id"] == row.id

    # Reopen and resolve without telling the customer: the reason is recorded.
    desk.ok("tickets", "reopen", str(tid))
    count = len(outbox(desk, tid))
    desk.ok(
        "tickets", "resolve", str(tid), "--no-notify", "--reason", "customer confirmed by phone"
    )
    assert len(outbox(desk, tid)) == count
    last = [e for e in desk.events(tid) if e.kind == "ticket.resolved"][-1]
    assert last.detail["notified"] is False
    assert last.detail["reason"] == "customer confirmed by phone"
    desk.ok("tickets", "close", str(tid))  # a resolved ticket closes without a reason
    assert ticket(desk, tid).status == "closed"


def _escalation_blocks_resolve_until_the_vendor_answers(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<v1@c.example>"))
    out = desk.json(
        "tickets", "escalate", str(tid), "--vendor-case", "2611240040001234", "--note", "via portal"
    )
    assert out["vendor_case"] == "2611240040001234" and out["ticket"]["status"] == "escalated"
    assert outbox(desk, tid)[-1].template == "escalated"
    assert "allowed" in desk.fails(
        1, "tickets", "escalate", str(tid), "--vendor-case", "999"
    )  # already escalated
    refused = desk.fails(1, "tickets", "resolve", str(tid), "--resolution", "done")
    assert "waits on vendor case 2611240040001234" in refused
    desk.fails(2, "tickets", "resolve", str(tid), "--resolution", "done", "--force")
    desk.ok("tickets", "vendor-update", str(tid), "--status", "open", "--note", "vendor looking")
    assert ticket(desk, tid).status == "escalated"
    desk.ok("tickets", "vendor-update", str(tid), "--status", "resolved", "--note", "fixed")
    assert ticket(desk, tid).status == "open"
    desk.ok("tickets", "resolve", str(tid), "--resolution", "The vendor fixed it.")
    kinds = desk.kinds(tid)
    assert (
        kinds.index("vendor.escalated")
        < kinds.index("vendor.update")
        < kinds.index("ticket.resolved")
    )
    shown = desk.json("tickets", "show", str(tid))
    assert shown["vendor_cases"][0]["status"] == "resolved"

    # Forcing past an open vendor case is possible, with a recorded reason.
    other = desk.ingest(mail(message_id="<o@c.example>", subject="other"))
    desk.ok(
        "tickets", "escalate", str(other), "--vendor-case", "77", "--no-notify", "--reason", "x"
    )
    desk.ok(
        "tickets", "resolve", str(other), "--resolution", "Done.", "--force",
        "--reason", "vendor case abandoned",
    )  # fmt: skip
    resolved = [e for e in desk.events(other) if e.kind == "ticket.resolved"][-1]
    assert resolved.detail["forced_past_vendor_cases"] == ["77"]
    assert "no vendor case" in desk.fails(
        1,
        "tickets",
        "vendor-update",
        str(desk.ingest(mail(message_id="<p@c>"))),
        "--status",
        "open",
    )


def _disputes_record_and_mail_the_outcome(desk: Desk) -> None:
    # A dispute is about an invoice on the customer's account.
    accounts = desk.tmp_path / "accounts.csv"
    accounts.write_text(
        "email,invoice,amount,currency,days_overdue\n"
        "taro@customer.example,INV-2026-0042,30,USD,0\n"
        "taro@customer.example,X-1,1500,JPY,0\n",
        encoding="utf-8",
    )
    desk.ok("customers", "import", str(accounts))
    tid = desk.ingest(
        mail(
            subject="Invoice INV-2026-0042",
            body="You charged USD 30 twice on INV-2026-0042, I dispute this.",
            message_id="<d1@c.example>",
        )
    )
    desk.ok("tickets", "status", str(tid), "open")
    desk.fails(2, "tickets", "dispute", str(tid), "--currency", "dollars")
    out = desk.json("tickets", "dispute", str(tid), "--reason", "charged twice")
    assert out["dispute"]["invoice"] == "INV-2026-0042"
    assert (out["dispute"]["amount"], out["dispute"]["currency"]) == ("30.00", "USD")
    assert ticket(desk, tid).queue == "disputes"
    assert "the full 30.00 USD" in desk.fails(
        1, "tickets", "dispute-outcome", str(tid), "upheld", "--credit", "10"
    )
    desk.fails(2, "tickets", "dispute-outcome", str(tid), "partial")
    assert "less than 30.00 USD" in desk.fails(
        1, "tickets", "dispute-outcome", str(tid), "partial", "--credit", "30"
    )
    out = desk.json(
        "tickets", "dispute-outcome", str(tid), "partial", "--credit", "15",
        "--message", "One of the two charges was refunded.",
    )  # fmt: skip
    assert out["dispute"]["status"] == "partial" and out["dispute"]["credit"] == "15.00"
    row = outbox(desk, tid)[-1]
    text = str(parsed(row).get_body(("plain",)).get_content())  # type: ignore[union-attr]
    assert row.template == "dispute-outcome"
    assert "15.00 USD of 30.00 USD" in text and "One of the two charges" in text
    assert "no open dispute" in desk.fails(1, "tickets", "dispute-outcome", str(tid), "rejected")

    # A second ticket: explicit values, notify, rejected with no credit.
    other = desk.ingest(mail(message_id="<d2@c.example>", subject="charge"))
    desk.fails(1, "tickets", "dispute", str(other))  # nothing extracted, nothing given
    assert "decimal place" in desk.fails(
        1,
        "tickets",
        "dispute",
        str(other),
        "--invoice",
        "X-1",
        "--amount",
        "1.5",
        "--currency",
        "JPY",
    )
    desk.ok(
        "tickets", "dispute", str(other), "--invoice", "X-1", "--amount", "1,500",
        "--currency", "jpy", "--notify",
    )  # fmt: skip
    assert outbox(desk, other)[-1].template == "dispute-received"
    desk.fails(1, "tickets", "dispute-outcome", str(other), "rejected", "--credit", "5")
    desk.ok("tickets", "dispute-outcome", str(other), "rejected")
    disputes = desk.json("tickets", "show", str(other))["disputes"]
    assert disputes[0]["status"] == "rejected" and disputes[0]["credit"] is None
    moved = [e for e in desk.events(other) if e.kind == "ticket.moved"]
    assert moved[0].detail == {"from": "billing", "to": "disputes", "reason": "dispute recorded"}


KENJI = "kenji@merge.example"  # his own autoreply quota: every ticket acknowledged


def _merge_moves_the_conversation_and_closes_the_source(desk: Desk) -> None:
    first = desk.ingest(
        mail(message_id="<m1@customer.example>", subject="Invoice question", sender=KENJI)
    )
    second = desk.ingest(
        mail(
            message_id="<m2@customer.example>",
            subject="Invoice question again",
            sender=KENJI,
            headers={"Cc": "boss@customer.example"},
        )
    )
    stranger = desk.ingest(
        mail(message_id="<s@x.example>", sender="mallory@x.example", subject="hi")
    )
    desk.ok("tickets", "tag", str(second), "duplicate")
    out = desk.json("tickets", "merge", str(second), str(first))
    assert out["moved"]["messages"] == 2 and out["into"] == first
    src, dst = ticket(desk, second), ticket(desk, first)
    assert src.status == "closed" and src.merged_into == first and src.message_count == 0
    assert dst.message_count == 4 and "duplicate" in dst.tags
    with desk.session() as s:
        assert (
            s.execute(
                select(func.count()).select_from(Message).where(col(Message.ticket_id) == second)
            ).scalar_one()
            == 0
        )
        emails = set(
            s.execute(
                select(col(Participant.email)).where(col(Participant.ticket_id) == first)
            ).scalars()
        )
    assert "boss@customer.example" in emails
    assert [e.detail["into"] for e in desk.events(second) if e.kind == "ticket.merged"] == [first]
    assert [e.detail["from"] for e in desk.events(first) if e.kind == "ticket.merged_from"] == [
        second
    ]
    # The customer answers the merged conversation: it lands on the surviving ticket.
    reply = mail(
        message_id="<m3@customer.example>", in_reply_to="<m2@customer.example>", sender=KENJI
    )
    assert desk.ingest(reply) == first
    assert "was merged into" in desk.fails(1, "tickets", "reply", str(second), "--body", "x")
    assert "was merged into" in desk.fails(1, "tickets", "reopen", str(second))
    assert "into itself" in desk.fails(1, "tickets", "merge", str(first), str(first))
    refused = desk.fails(1, "tickets", "merge", str(stranger), str(first))
    assert "different requesters" in refused
    desk.fails(2, "tickets", "merge", str(stranger), str(first), "--force")
    desk.ok("tickets", "merge", str(stranger), str(first), "--force", "--reason", "same company")


def _search_finds_english_and_japanese(desk: Desk) -> None:
    en = desk.ingest(
        mail(message_id="<e@c.example>", subject="Double charge", body="I was charged TWICE.")
    )
    ja = desk.ingest(
        jis_mail(
            "請求書 INV-2026-0042 の二重請求について",
            "11月分の請求書で二重に請求されています。返金をお願いします。\n",
        )
    )

    def found(*words: str) -> list[int]:
        return [r["id"] for r in desk.json("tickets", "search", *words)]

    assert found("twice") == [en]
    assert found("double", "charged") == [en]
    assert found("double", "返金") == []
    assert found("二重請求") == [ja]  # in the subject
    assert found("請求されています") == [ja]  # in the body
    assert found("返金") == [ja]  # two characters: below a trigram, still found
    assert found("INV-2026") == [ja]
    assert found("nothing-like-this") == []
    # Our acknowledgements are boilerplate on every ticket: not searched (migration 0004);
    # an agent's reply is.
    assert found("contacting") == []  # "Thank you for contacting ..."
    desk.ok("tickets", "reply", str(en), "--body", "Refund reference ZEBRAFISH-77 is on its way.")
    assert found("zebrafish") == [en]
    rows = desk.json("tickets", "search", "二重に請求")
    assert "二重に請求" in rows[0]["snippet"]
    assert "REF" in desk.ok("tickets", "search", "twice")
    desk.fails(2, "tickets", "search")
    desk.fails(2, "tickets", "search", "x", "--queue", "sales")
    _optimize_compacts_the_index_and_search_finds_the_same(desk, found)


def _fts_segments(desk: Desk) -> int:
    with desk.engine.connect() as conn:
        return int(
            conn.execute(text("SELECT COUNT(DISTINCT segid) FROM messages_fts_idx")).scalar_one()
        )


def _optimize_compacts_the_index_and_search_finds_the_same(
    desk: Desk, found: Callable[..., list[int]]
) -> None:
    before = {w: found(w) for w in ("twice", "二重請求", "請求されています", "返金", "INV-2026")}
    sqlite = desk.engine.dialect.name == "sqlite"
    if sqlite:  # every ingest committed its own small segment
        assert _fts_segments(desk) > 1
    report = desk.json("optimize")
    assert report["dialect"] == desk.engine.dialect.name
    if sqlite:
        assert _fts_segments(desk) == 1
        with desk.engine.begin() as conn:  # raises if the index disagrees with the rows
            conn.execute(text("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"))
    else:
        assert report["done"] == ["ANALYZE tickets, messages"]
    assert {w: found(w) for w in before} == before
    assert "done in" in desk.ok("optimize")


def _sla_check_marks_breaches_once_raises_priority_and_auto_closes(desk: Desk) -> None:
    late = desk.ingest(mail(message_id="<late@c.example>", subject="late"))
    fresh = desk.ingest(mail(message_id="<fresh@c.example>", subject="fresh"))
    done = desk.ingest(mail(message_id="<done@c.example>", subject="done"))
    desk.ok("tickets", "resolve", str(done), "--resolution", "Done.")
    shift(desk, late, created_at=timedelta(days=30))
    shift(desk, done, resolved_at=timedelta(days=8))
    report = desk.json("sla", "check")
    assert report["auto_closed"] == [done]
    assert sorted((b["ticket_id"], b["kind"]) for b in report["breaches"]) == [
        (late, "first_response"),
        (late, "resolution"),
    ]
    t = ticket(desk, late)
    assert t.sla_breached and t.priority == "high"
    assert desk.kinds(late).count("sla.breached") == 2
    assert ticket(desk, done).status == "closed"
    assert ticket(desk, fresh).priority == "normal"
    again = desk.json("sla", "check")
    assert again["breaches"] == [] and again["auto_closed"] == []
    assert [r["id"] for r in desk.json("tickets", "list", "--sla-breached")] == [late]
    shown = desk.json("tickets", "show", str(late))
    assert shown["sla"]["first_response"]["breached"] is True
    assert "BREACHED" in desk.ok("tickets", "show", str(late))

    # `status` shows breaches and vendor cases nobody chased.
    desk.ok("tickets", "escalate", str(fresh), "--vendor-case", "CASE-1")
    with desk.session() as s:
        s.execute(update(VendorCase).values(updated_at=utcnow() - timedelta(days=5)))
        s.commit()
    status = desk.json("status")
    assert status["sla_breached"] == {"billing": 1}
    (stale,) = status["stale_vendor_cases"]
    assert stale["vendor_case"] == "CASE-1" and stale["days_since_update"] == 5
    human = desk.ok("status")
    assert "SLA breached (open tickets) 1" in human and "CASE-1" in human


# Each test below runs a few scenarios on one database: a fresh PostgreSQL database per
# test costs more than the scenarios themselves.


def test_reply_and_note(desk: Desk) -> None:
    _reply_threads_moves_to_pending_and_sets_first_response(desk)
    _note_is_internal_and_never_mailed(desk)


def test_fields_list_filters_and_status_rules(desk: Desk) -> None:
    _assign_priority_tags_and_list_filters(desk)
    _status_changes_are_validated(desk)


def test_resolve_and_vendor_escalation(desk: Desk) -> None:
    _resolve_queues_the_close_the_loop_mail_in_the_same_transaction(desk)
    _escalation_blocks_resolve_until_the_vendor_answers(desk)


def test_disputes_and_merge(desk: Desk) -> None:
    _disputes_record_and_mail_the_outcome(desk)
    _merge_moves_the_conversation_and_closes_the_source(desk)


def test_search_sla_and_status(desk: Desk) -> None:
    _search_finds_english_and_japanese(desk)
    _sla_check_marks_breaches_once_raises_priority_and_auto_closes(desk)


def test_a_closed_tickets_sla_clock_is_stopped_with_its_final_figure(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<stopped@c.example>", subject="never answered"))
    desk.ok("tickets", "status", str(tid), "closed", "--reason", "sorted by phone")
    shift(desk, tid, created_at=timedelta(days=30), closed_at=timedelta(days=29))
    first = desk.json("tickets", "show", str(tid))["sla"]["first_response"]
    assert first["state"] == "stopped" and first["met_at"] is None
    assert first["stopped_at"] == ticket(desk, tid).closed_at.isoformat()  # type: ignore[union-attr]
    assert first["breached"] is True and first["margin_seconds"] < 0
    again = desk.json("tickets", "show", str(tid))["sla"]["first_response"]
    assert again["margin_seconds"] == first["margin_seconds"]  # the clock no longer runs
    shown = desk.ok("tickets", "show", str(tid))
    (sla_line,) = [line for line in shown.splitlines() if line.startswith("SLA ")]
    assert "first response due" in sla_line and "stopped at" in sla_line and "over by" in sla_line
    assert "running" not in shown


def test_a_live_tickets_sla_shows_running_with_time_to_spare(desk: Desk) -> None:
    tid = desk.ingest(mail(message_id="<live@c.example>", subject="fresh"))
    first = desk.json("tickets", "show", str(tid))["sla"]["first_response"]
    assert first["state"] == "running" and first["stopped_at"] is None
    assert first["margin_seconds"] > 0 and not first["breached"]
    assert "running, " in desk.ok("tickets", "show", str(tid))
