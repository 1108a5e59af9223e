"""Business-hours arithmetic and SLA target selection: pure functions, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ticketing.config import SlaSettings, SlaTarget
from ticketing.models import Ticket
from ticketing.sla import (
    BusinessCalendar,
    add_business_hours,
    business_hours_between,
    calendar_from,
    due_dates,
    is_breached,
    target_for,
)

TOKYO = ZoneInfo("Asia/Tokyo")
# Mon-Fri 09:00-18:00 Tokyo; 2026-11-23 (Mon) is Labour Thanksgiving Day.
CAL = BusinessCalendar(
    tz=TOKYO,
    weekdays=frozenset(range(5)),
    start=time(9),
    end=time(18),
    holidays=frozenset({date(2026, 11, 23)}),
)


def tokyo(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        # inside hours, same day
        (tokyo(2026, 11, 24, 10), 4, tokyo(2026, 11, 24, 14)),
        # runs past closing: the rest continues at the next opening
        (tokyo(2026, 11, 24, 16), 4, tokyo(2026, 11, 25, 11)),
        # before opening: the clock starts at 09:00
        (tokyo(2026, 11, 24, 6, 30), 2, tokyo(2026, 11, 24, 11)),
        # after closing: starts next business morning
        (tokyo(2026, 11, 24, 20), 1, tokyo(2026, 11, 25, 10)),
        # Friday evening -> Monday (weekend skipped)
        (tokyo(2026, 11, 27, 17), 3, tokyo(2026, 11, 30, 11)),
        # Saturday -> Monday morning
        (tokyo(2026, 11, 28, 12), 8, tokyo(2026, 11, 30, 17)),
        # Friday before a holiday Monday -> Tuesday
        (tokyo(2026, 11, 20, 17), 2, tokyo(2026, 11, 24, 10)),
        # exactly a full day lands on closing time, not the next morning
        (tokyo(2026, 11, 24, 9), 9, tokyo(2026, 11, 24, 18)),
        # 40 business hours from Friday morning: 9 + (holiday) + 9 + 9 + 9 + 4
        (tokyo(2026, 11, 20, 9), 40, tokyo(2026, 11, 27, 13)),
    ],
)
def test_add_business_hours(start: datetime, hours: float, due: datetime) -> None:
    got = add_business_hours(start, hours, CAL)
    assert got == due and got.tzinfo is UTC


def test_add_business_hours_accepts_utc_and_rejects_naive() -> None:
    start = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
    assert add_business_hours(start, 1, CAL) == tokyo(2026, 11, 24, 11)
    with pytest.raises(ValueError):
        add_business_hours(datetime(2026, 11, 24, 10), 1, CAL)


def test_fractional_hours_and_zero() -> None:
    assert add_business_hours(tokyo(2026, 11, 24, 17, 45), 0.5, CAL) == tokyo(2026, 11, 25, 9, 15)
    assert add_business_hours(tokyo(2026, 11, 24, 12), 0, CAL) == tokyo(2026, 11, 24, 12)


def test_business_hours_between_skips_nights_weekends_and_holidays() -> None:
    assert business_hours_between(tokyo(2026, 11, 24, 10), tokyo(2026, 11, 24, 12), CAL) == 2
    # Friday 17:00 -> Tuesday 10:00: 1 h Friday, weekend, holiday Monday, 1 h Tuesday
    assert business_hours_between(tokyo(2026, 11, 20, 17), tokyo(2026, 11, 24, 10), CAL) == 2
    assert business_hours_between(tokyo(2026, 11, 24, 19), tokyo(2026, 11, 25, 8), CAL) == 0
    assert business_hours_between(tokyo(2026, 11, 25), tokyo(2026, 11, 24), CAL) == 0


def test_add_and_between_agree() -> None:
    start = tokyo(2026, 11, 19, 15, 20)
    for hours in (0.25, 3, 9, 17.5, 50):
        due = add_business_hours(start, hours, CAL)
        assert business_hours_between(start, due, CAL) == pytest.approx(hours)


def test_calendar_from_settings() -> None:
    cal = calendar_from(
        SlaSettings(
            timezone="Asia/Tokyo",
            business_days=("mon", "tue", "wed", "thu", "fri", "sat"),
            business_hours="10:00-17:30",
            holidays=("2026-01-01",),
        )
    )
    assert cal.weekdays == frozenset(range(6)) and cal.end == time(17, 30)
    assert not cal.is_business_day(date(2026, 1, 1)) and cal.is_business_day(date(2026, 11, 28))


def test_most_specific_target_wins() -> None:
    sla = SlaSettings(
        targets=(
            SlaTarget("*", "*", 8, 40),
            SlaTarget("*", "urgent", 1, 8),
            SlaTarget("disputes", "*", 4, 80),
            SlaTarget("disputes", "urgent", 0.5, 16),
        )
    )

    def hours(queue: str, priority: str) -> float:
        t = target_for(sla, queue, priority)
        assert t is not None
        return t.first_response_hours

    assert hours("billing", "normal") == 8
    assert hours("billing", "urgent") == 1
    assert hours("disputes", "low") == 4
    assert hours("disputes", "urgent") == 0.5
    assert target_for(SlaSettings(targets=()), "billing", "normal") is None


def test_due_dates_and_breach() -> None:
    created = tokyo(2026, 11, 24, 10)
    ticket = Ticket(id=1, queue="billing", requester="a@b.example", created_at=created)
    target = SlaTarget("*", "*", 2, 0)  # no resolution target
    (due,) = due_dates(ticket, target, CAL)
    assert due.kind == "first_response" and due.due_at == tokyo(2026, 11, 24, 12)
    assert not is_breached(due, tokyo(2026, 11, 24, 11, 59))
    assert is_breached(due, tokyo(2026, 11, 24, 12, 1))
    ticket.first_response_at = created + timedelta(hours=1)
    (met,) = due_dates(ticket, target, CAL)
    assert not is_breached(met, tokyo(2026, 12, 31))
