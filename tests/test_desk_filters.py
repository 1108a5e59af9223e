"""`tickets list` filters (repeatable values, --open, --mine, --unassigned, --breaching,
--sort age|priority|due) and `agents list`, through the CLI on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.desk_support import Desk
from ticketing.models import Ticket, utcnow

# Every hour of every day is a business hour, so due times are plain clock arithmetic.
SLA = """
[sla]
business_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
business_hours = "00:00-23:59"

[[sla.targets]]
queue = "*"
priority = "*"
first_response_hours = 4
"""


@pytest.fixture
def desk(tmp_path: Path, db_url: str) -> Iterator[Desk]:
    d = Desk(tmp_path, db_url, extra=SLA)
    d.ok("init")
    yield d
    d.close()


def add(desk: Desk, subject: str, *, hours_old: float = 0, **fields: Any) -> int:
    """A ticket made `hours_old` hours ago, last touched then."""
    when = utcnow() - timedelta(hours=hours_old)
    fields.setdefault("queue", "billing")
    fields.setdefault("requester", "taro@customer.example")
    with desk.session() as s:
        ticket = Ticket(subject=subject, created_at=when, updated_at=when, **fields)
        s.add(ticket)
        s.commit()
        assert ticket.id is not None
        return ticket.id


def ids(desk: Desk, *args: str) -> list[int]:
    return [row["id"] for row in desk.json("tickets", "list", *args)]


@pytest.fixture
def board(desk: Desk) -> dict[str, int]:
    return {
        "over": add(desk, "over", hours_old=5, status="open", assignee="ann", tags=["vip"]),
        "soon": add(desk, "soon", hours_old=3, status="pending", assignee="bob", priority="urgent"),
        "fresh": add(desk, "fresh", hours_old=0.1, status="new", queue="disputes", tags=["tax"]),
        "answered": add(
            desk,
            "answered",
            hours_old=6,
            status="escalated",
            assignee="ann",
            first_response_at=utcnow() - timedelta(hours=5),
            priority="low",
        ),
        "done": add(desk, "done", hours_old=8, status="closed", assignee="ann", tags=["vip"]),
    }


def test_repeated_filters_match_any_value(desk: Desk, board: dict[str, int]) -> None:
    b = board
    assert set(ids(desk, "--status", "open", "--status", "pending")) == {b["over"], b["soon"]}
    assert set(ids(desk, "--queue", "disputes", "--queue", "billing")) == set(b.values())
    assert set(ids(desk, "--tag", "vip", "--tag", "tax")) == {b["over"], b["fresh"], b["done"]}
    assert set(ids(desk, "--assignee", "ann", "--assignee", "bob")) == {
        b["over"],
        b["soon"],
        b["answered"],
        b["done"],
    }
    # Filters of different kinds still all apply.
    assert ids(desk, "--assignee", "ann", "--tag", "vip", "--status", "open") == [b["over"]]


def test_open_mine_and_unassigned(desk: Desk, board: dict[str, int]) -> None:
    b = board
    assert set(ids(desk, "--open")) == set(b.values()) - {b["done"]}
    assert set(ids(desk, "--mine", "--actor", "ann")) == {b["over"], b["answered"], b["done"]}
    assert set(ids(desk, "--mine", "--open", "--actor", "ann")) == {b["over"], b["answered"]}
    assert ids(desk, "--unassigned") == [b["fresh"]]
    out = desk.fails(2, "tickets", "list", "--mine", "--unassigned", "--actor", "ann")
    assert "not both" in out


def test_mine_defaults_to_the_user_running_it(
    desk: Desk, board: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "bob")
    assert ids(desk, "--mine") == [board["soon"]]


def test_breaching_within_a_time_or_already_over(desk: Desk, board: dict[str, int]) -> None:
    b = board
    # Alone: only tickets whose first response is already late.
    assert ids(desk, "--breaching") == [b["over"]]
    assert set(ids(desk, "--breaching", "2h")) == {b["over"], b["soon"]}
    assert set(ids(desk, "--breaching", "5h")) == {b["over"], b["soon"], b["fresh"]}
    # A met target or a closed ticket never breaches; the flag takes the next option.
    assert ids(desk, "--breaching", "--sort", "due") == [b["over"]]
    assert "not a duration" in desk.fails(2, "tickets", "list", "--breaching", "soon")


def test_sort_by_age_priority_and_due(desk: Desk, board: dict[str, int]) -> None:
    b = board
    assert ids(desk, "--sort", "age") == [
        b["done"],
        b["answered"],
        b["over"],
        b["soon"],
        b["fresh"],
    ]
    assert ids(desk, "--sort", "age", "--reverse")[0] == b["fresh"]
    assert ids(desk, "--sort", "priority")[0] == b["soon"]
    assert ids(desk, "--sort", "priority")[-1] == b["answered"]
    # Soonest target first; tickets without a running target last, by id.
    assert ids(desk, "--sort", "due") == [
        b["over"],
        b["soon"],
        b["fresh"],
        b["answered"],
        b["done"],
    ]
    assert ids(desk, "--sort", "due", "--limit", "2", "--offset", "1") == [b["soon"], b["fresh"]]


def test_agents_list_counts_open_tickets_and_the_oldest_waiting(
    desk: Desk, board: dict[str, int]
) -> None:
    rows = desk.json("agents", "list")
    assert [r["agent"] for r in rows] == ["ann", "bob"]
    ann, bob = rows
    assert ann["open"] == 2 and ann["by_status"] == {"open": 1, "escalated": 1}
    assert ann["oldest_waiting"]["id"] == board["answered"]
    # bob's only ticket waits on the customer, not on him.
    assert bob["open"] == 1 and bob["oldest_waiting"] is None
    text = desk.ok("agents", "list")
    assert "ann" in text and f"BILL-{board['answered']}" in text.upper()
