"""Threading out of order (threads._referenced_by, message_references): a mail that
arrives after a reply to it joins the reply's ticket when its sender is already on that
ticket, on the one-by-one path and the set-wise batch path alike; a stranger's mail with
that Message-ID stays a ticket of its own; nothing joins with a second acknowledgement."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from tests.support import OUR, mail, make_settings
from ticketing.db import _alembic_config, make_engine, upgrade
from ticketing.pipeline import IngestResult, Pipeline, RawItem
from ticketing.rules import load_rules

ALICE = "alice@customer.example"  # writes the first mail, Cc Bob
BOB = "bob@customer.example"  # answers it (reply-all) before it reaches us
MALLORY = "mallory@elsewhere.example"  # a stranger who knows the Message-ID
ROOT = "<root-1@customer.example>"


def _root(sender: str = ALICE, name: str = "Alice") -> RawItem:
    return RawItem(
        mail(
            "Charged twice for INV-2026-0042",
            "Hello,\n\nWe were charged twice this month. Bob is in Cc.\n",
            sender=sender,
            name=name,
            message_id=ROOT,
            headers={"Cc": BOB},
        ),
        source="cli",
    )


def _reply() -> RawItem:
    return RawItem(
        mail(
            "Re: Charged twice for INV-2026-0042",
            "Adding the card statement.\n\n> We were charged twice this month.\n",
            sender=BOB,
            name="Bob",
            to=OUR,
            message_id="<reply-1@customer.example>",
            in_reply_to=ROOT,
            references=ROOT,
            headers={"Cc": f"Alice <{ALICE}>"},
        ),
        source="cli",
    )


def _others(tag: str, n: int = 3) -> list[RawItem]:
    """Plain new mail that keeps a batch on the set-wise path."""
    return [
        RawItem(
            mail(
                f"Question {tag}{i}",
                "A plain question about seats.\n",
                sender=f"other{i}@{tag}.example",
                message_id=f"<other-{tag}-{i}@{tag}.example>",
            ),
            source="cli",
        )
        for i in range(n)
    ]


def _count(pipeline: Pipeline, sql: str, **params: object) -> int:
    with pipeline.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _acks(pipeline: Pipeline, ticket_id: int | None) -> int:
    return _count(pipeline, "SELECT COUNT(*) FROM outbox WHERE ticket_id = :t", t=ticket_id)


def _event_detail(pipeline: Pipeline, raw_id: int | None, kind: str) -> str:
    with pipeline.engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT CAST(detail AS TEXT) FROM events WHERE raw_id = :r AND kind = :k"),
                {"r": raw_id, "k": kind},
            ).scalar_one()
        )


def _one_by_one(pipeline: Pipeline, items: Sequence[RawItem]) -> list[IngestResult]:
    return [pipeline.ingest(item) for item in items]


def _in_batches(pipeline: Pipeline, items: Sequence[RawItem]) -> list[IngestResult]:
    """Each item in a batch of its own with plain new mail around it: the set-wise path."""
    results = []
    for n, item in enumerate(items):
        batch = pipeline.ingest_batch([*_others(f"b{n}x"), item, *_others(f"b{n}y")])
        results.append(batch[3])
    return results


PATHS: dict[str, Callable[[Pipeline, Sequence[RawItem]], list[IngestResult]]] = {
    "one-by-one": _one_by_one,
    "set-wise": _in_batches,
}


@pytest.mark.parametrize("path", PATHS)
def test_the_root_arriving_after_its_reply_joins_the_replys_ticket(
    pipeline: Pipeline, path: str
) -> None:
    reply, root = PATHS[path](pipeline, [_reply(), _root()])
    assert reply.outcome == "ticket"
    assert root.outcome == "followup", root
    assert root.ticket_id == reply.ticket_id
    assert "referenced-by" in root.detail
    detail = _event_detail(pipeline, root.raw_id, "message.followup")
    assert '"referenced-by"' in detail and "root-1@customer.example" in detail
    # The reply's ticket was acknowledged once; the root that joined it adds none.
    assert _acks(pipeline, reply.ticket_id) == 1
    assert (
        _count(pipeline, "SELECT COUNT(*) FROM messages WHERE ticket_id = :t", t=reply.ticket_id)
        == 3  # the reply, its acknowledgement, the root
    )
    assert _count(pipeline, "SELECT COUNT(*) FROM tickets WHERE requester = :a", a=ALICE) == 0


def test_reply_and_root_in_one_batch_make_one_ticket(pipeline: Pipeline) -> None:
    results = pipeline.ingest_batch([*_others("one"), _reply(), _root()])
    reply, root = results[3], results[4]
    assert {reply.outcome, root.outcome} == {"ticket", "followup"}
    assert reply.ticket_id == root.ticket_id
    assert _acks(pipeline, reply.ticket_id) == 1


@pytest.mark.parametrize("path", PATHS)
def test_a_strangers_mail_with_a_referenced_message_id_stays_its_own_ticket(
    pipeline: Pipeline, path: str
) -> None:
    reply, forged = PATHS[path](pipeline, [_reply(), _root(sender=MALLORY, name="Mallory")])
    assert forged.outcome == "ticket", forged  # neither joined nor held
    assert forged.ticket_id != reply.ticket_id
    created = _event_detail(pipeline, forged.raw_id, "ticket.created")
    assert "not a participant of the ticket" in created
    assert f'"related_ticket": {reply.ticket_id}' in created
    # The stranger is on no ticket of the reply's; the reply's ticket is untouched.
    assert (
        _count(
            pipeline,
            "SELECT COUNT(*) FROM participants WHERE ticket_id = :t AND email = :e",
            t=reply.ticket_id,
            e=MALLORY,
        )
        == 0
    )
    assert _acks(pipeline, reply.ticket_id) == 1
    assert _acks(pipeline, forged.ticket_id) == 1  # a new ticket of its own: acknowledged


def test_both_paths_decide_the_same(tmp_path: Path, db_url: str, second_db_url: str) -> None:
    """The same mail, one by one and set-wise, each on a fresh database: the same
    outcome for each mail, the same grouping into tickets."""
    # The forged root has the real root's Message-ID but another sender (another
    # dedupe key): it arrives after the real root joined the reply's ticket.
    items = [_reply(), _root(), _root(sender=MALLORY, name="Mallory")]
    decided = []
    for (name, path), url in zip(PATHS.items(), (db_url, second_db_url), strict=True):
        settings = make_settings(tmp_path / name, db_url=url)
        rules = load_rules(
            settings.path(settings.service.rules_file), queues=settings.service.queues
        )
        pipeline = Pipeline(make_engine(url), settings, rules=rules)
        try:
            results = path(pipeline, items)
        finally:
            pipeline.engine.dispose()
        first = results[0].ticket_id
        decided.append([(r.outcome, r.ticket_id == first) for r in results])
    assert decided[0] == decided[1] == [("ticket", True), ("followup", True), ("ticket", False)]


def test_inbound_references_stored_before_the_index_are_found(
    pipeline: Pipeline, db_url: str, tmp_path: Path
) -> None:
    """Migration 0008 indexes the references of the messages already stored."""
    reply = pipeline.ingest(_reply())
    command.downgrade(_alembic_config(db_url), "0007")
    upgrade(db_url)
    assert (
        _count(
            pipeline,
            "SELECT COUNT(*) FROM message_references WHERE referenced_id = :m",
            m=ROOT.strip("<>"),
        )
        == 1
    )
    root = pipeline.ingest(_root())
    assert root.outcome == "followup" and root.ticket_id == reply.ticket_id
