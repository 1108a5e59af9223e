"""Service levels: first-response and resolution targets per queue and priority, counted
in business hours (weekdays, opening hours and holidays from [sla]).

The time arithmetic is pure (`add_business_hours`, `business_hours_between`); `check`
applies it to the open tickets: it records each missed target once (an `sla.breached`
event and an `sla_breaches` row), raises the priority as configured, and closes
resolved tickets that had no reply for [lifecycle].auto_close_days.

The clocks run from the ticket's creation and are not paused while a ticket waits on
the customer or the vendor: the simple, conservative reading of the promise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session, col

from ticketing.config import WEEKDAYS, Settings, SlaSettings, SlaTarget
from ticketing.errors import TicketingError
from ticketing.lifecycle import PRIORITIES, auto_close
from ticketing.models import Event, SlaBreach, Status, Ticket, utcnow

OPEN_STATUSES = (
    Status.NEW.value,
    Status.OPEN.value,
    Status.PENDING.value,
    Status.ESCALATED.value,
)
FIRST_RESPONSE = "first_response"
RESOLUTION = "resolution"
# A calendar whose business days never come (every day a holiday) must not loop forever.
_MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class BusinessCalendar:
    tz: ZoneInfo
    weekdays: frozenset[int]  # 0 = Monday
    start: time
    end: time
    holidays: frozenset[date] = field(default_factory=frozenset)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def _window(self, day: date) -> tuple[datetime, datetime]:
        return (
            datetime.combine(day, self.start, tzinfo=self.tz),
            datetime.combine(day, self.end, tzinfo=self.tz),
        )


def calendar_from(sla: SlaSettings) -> BusinessCalendar:
    start, end = (time.fromisoformat(p.strip()) for p in sla.business_hours.split("-"))
    return BusinessCalendar(
        tz=ZoneInfo(sla.timezone),
        weekdays=frozenset(WEEKDAYS.index(d) for d in sla.business_days),
        start=start,
        end=end,
        holidays=frozenset(date.fromisoformat(d) for d in sla.holidays),
    )


def add_business_hours(start: datetime, hours: float, cal: BusinessCalendar) -> datetime:
    """The moment `hours` business hours after `start` (UTC). Time outside opening
    hours, on weekends and on holidays does not count."""
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    remaining = timedelta(hours=hours)
    local = start.astimezone(cal.tz)
    day = local.date()
    for _ in range(_MAX_DAYS):
        if cal.is_business_day(day):
            open_at, close_at = cal._window(day)
            begin = max(open_at, local)
            if begin < close_at:
                available = close_at - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(UTC)
                remaining -= available
        day += timedelta(days=1)
        local = datetime.combine(day, time(0), tzinfo=cal.tz)
    raise TicketingError("the SLA calendar has no business day in three years")


def business_hours_between(a: datetime, b: datetime, cal: BusinessCalendar) -> float:
    """Business hours from `a` to `b` (0 when b is not after a)."""
    if b <= a:
        return 0.0
    total = timedelta()
    day = a.astimezone(cal.tz).date()
    last = b.astimezone(cal.tz).date()
    while day <= last:
        if cal.is_business_day(day):
            open_at, close_at = cal._window(day)
            begin, end = max(open_at, a), min(close_at, b)
            if begin < end:
                total += end - begin
        day += timedelta(days=1)
    return total.total_seconds() / 3600


def target_for(sla: SlaSettings, queue: str, priority: str) -> SlaTarget | None:
    """The most specific target: queue and priority, then queue, then priority, then *."""
    best: tuple[int, SlaTarget] | None = None
    for t in sla.targets:
        if t.queue not in ("*", queue) or t.priority not in ("*", priority):
            continue
        score = (2 if t.queue == queue else 0) + (1 if t.priority == priority else 0)
        if best is None or score >= best[0]:  # the later of equally specific entries wins
            best = (score, t)
    return best[1] if best else None


@dataclass(frozen=True)
class Due:
    kind: str
    hours: float
    due_at: datetime
    met_at: datetime | None  # first response / resolution time, if it happened


def due_dates(ticket: Ticket, target: SlaTarget, cal: BusinessCalendar) -> list[Due]:
    out = []
    for kind, hours, met in (
        (FIRST_RESPONSE, target.first_response_hours, ticket.first_response_at),
        (RESOLUTION, target.resolution_hours, ticket.resolved_at),
    ):
        if hours > 0:
            out.append(Due(kind, hours, add_business_hours(ticket.created_at, hours, cal), met))
    return out


def is_breached(due: Due, now: datetime) -> bool:
    return (due.met_at or now) > due.due_at


@dataclass
class SlaReport:
    checked: int = 0
    breaches: list[dict[str, Any]] = field(default_factory=list)
    auto_closed: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "breaches": self.breaches,
            "auto_closed": self.auto_closed,
        }


def check(
    session: Session, settings: Settings, now: datetime | None = None, actor: str = "system"
) -> SlaReport:
    """Mark new breaches on open tickets, raise their priority, auto-close resolved ones."""
    now = now or utcnow()
    cal = calendar_from(settings.sla)
    report = SlaReport()
    known = {
        (tid, kind)
        for tid, kind in session.execute(
            select(col(SlaBreach.ticket_id), col(SlaBreach.kind))
        ).all()
    }
    tickets = session.execute(
        select(Ticket)
        .where(col(Ticket.status).in_(OPEN_STATUSES))
        .where(col(Ticket.merged_into).is_(None))
        .order_by(col(Ticket.id))
    ).scalars()
    for ticket in tickets:
        assert ticket.id is not None
        report.checked += 1
        target = target_for(settings.sla, ticket.queue, ticket.priority)
        if target is None:
            continue
        for due in due_dates(ticket, target, cal):
            if (ticket.id, due.kind) in known or not is_breached(due, now):
                continue
            known.add((ticket.id, due.kind))
            session.add(SlaBreach(ticket_id=ticket.id, kind=due.kind, due_at=due.due_at))
            ticket.sla_breached = True
            detail: dict[str, Any] = {
                "kind": due.kind,
                "due_at": due.due_at.isoformat(),
                "target_hours": due.hours,
                "queue": ticket.queue,
                "priority": ticket.priority,
            }
            raised = _raise_priority(session, settings, ticket, due.kind, actor)
            if raised:
                detail["priority_raised_to"] = raised
            session.add(Event(ticket_id=ticket.id, kind="sla.breached", actor=actor, detail=detail))
            report.breaches.append({"ticket_id": ticket.id, **detail})
    report.auto_closed = auto_close(session, settings, now, actor)
    return report


def _raise_priority(
    session: Session, settings: Settings, ticket: Ticket, kind: str, actor: str
) -> str | None:
    wanted = settings.sla.breach_priority
    if not wanted or PRIORITIES.index(wanted) <= _rank(ticket.priority):
        return None
    previous = ticket.priority
    ticket.priority = wanted
    session.add(
        Event(
            ticket_id=ticket.id,
            kind="ticket.priority",
            actor=actor,
            detail={"from": previous, "to": wanted, "reason": f"SLA {kind} breached"},
        )
    )
    return wanted


def _rank(priority: str) -> int:
    return PRIORITIES.index(priority) if priority in PRIORITIES else 0


def ticket_sla(ticket: Ticket, settings: Settings, now: datetime | None = None) -> dict[str, Any]:
    """The targets of one ticket and where it stands, for `tickets show`.

    A target is "met" when its moment came, "stopped" when the ticket was resolved or
    closed without meeting it (the clock stops there, with its final figure), else
    "running". `margin_seconds` is due time minus that end (negative: over the target).
    """
    target = target_for(settings.sla, ticket.queue, ticket.priority)
    if target is None:
        return {}
    now = now or utcnow()
    views: dict[str, Any] = {}
    for due in due_dates(ticket, target, calendar_from(settings.sla)):
        stopped = None if due.met_at else _clock_stopped_at(ticket)
        end = due.met_at or stopped or now
        views[due.kind] = {
            "due_at": due.due_at.isoformat(),
            "met_at": due.met_at.isoformat() if due.met_at else None,
            "breached": end > due.due_at,
            "state": "met" if due.met_at else ("stopped" if stopped else "running"),
            "stopped_at": stopped.isoformat() if stopped else None,
            "margin_seconds": int((due.due_at - end).total_seconds()),
        }
    return views


def _clock_stopped_at(ticket: Ticket) -> datetime | None:
    """When a resolved or closed ticket's SLA clocks stopped (None while it is live)."""
    if ticket.status not in (Status.RESOLVED.value, Status.CLOSED.value):
        return None
    return ticket.resolved_at or ticket.closed_at or ticket.updated_at
