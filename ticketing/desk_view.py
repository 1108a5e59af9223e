"""How the desk shows times, ages and SLA state in a terminal: pure functions, no I/O.

Times are the desk's own (`[sla] timezone`): "14:05" for today, "Tue 09:12" within six
days either way, "28 Nov" this year, "2025-11-28" before. Ages and SLA margins are short
("45 min", "3 h", "2 d"). `--json` never goes through here: it keeps ISO-8601 UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

# An SLA target this close or closer is shown as due soon (yellow).
DUE_SOON = timedelta(hours=2)

PRIORITY_STYLES = {"urgent": "bold red", "high": "yellow", "low": "dim"}
SLA_STYLES = {"over": "bold red", "soon": "yellow", "ok": "", "met": "green", "": ""}


def parse_time(value: str | datetime | None) -> datetime | None:
    """A stored timestamp (ISO text or datetime; naive means UTC) as an aware datetime."""
    if value is None or value == "":
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class DeskClock:
    """The desk's time zone and "now", so one listing reads the same from top to bottom."""

    tz: ZoneInfo
    now: datetime

    @classmethod
    def of(cls, timezone: str, now: datetime | None = None) -> DeskClock:
        return cls(ZoneInfo(timezone), now or datetime.now(UTC))

    def when(self, value: str | datetime | None) -> str:
        moment = parse_time(value)
        if moment is None:
            return ""
        local = moment.astimezone(self.tz)
        today = self.now.astimezone(self.tz).date()
        if local.date() == today:
            return local.strftime("%H:%M")
        if abs((today - local.date()).days) < 7:
            return local.strftime("%a %H:%M")
        if local.year == today.year:
            return local.strftime("%d %b").lstrip("0")
        return local.strftime("%Y-%m-%d")

    def full(self, value: str | datetime | None) -> str:
        """Date and time with the zone, for the one ticket `tickets show` is about."""
        moment = parse_time(value)
        if moment is None:
            return ""
        return f"{self.when(moment)} ({moment.astimezone(self.tz).strftime('%Y-%m-%d %H:%M %Z')})"

    def age(self, value: str | datetime | None) -> str:
        moment = parse_time(value)
        return short_span(self.now - moment) if moment is not None else ""


def short_span(span: timedelta) -> str:
    """45 min, 3 h, 2 d, 5 w: the largest unit that fits, rounded down."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    days = minutes // (24 * 60)
    return f"{days} d" if days < 28 else f"{days // 7} w"


def sla_cell(due_at: str | datetime | None, breached: bool, clock: DeskClock) -> tuple[str, str]:
    """The SLA column of a ticket list and its state: ("over 3 h", "over"), ("1 h",
    "soon"), ("2 d", "ok"), ("breached", "over") for a closed ticket that missed one."""
    due = parse_time(due_at)
    if due is None:
        return ("breached", "over") if breached else ("", "")
    left = due - clock.now
    if left <= timedelta(0):
        return f"over {short_span(-left)}", "over"
    return short_span(left), "soon" if left <= DUE_SOON else "ok"


def fold_quotes(text: str, new_text: str | None) -> tuple[str, int]:
    """The part of a message the customer wrote now, and how many lines of quoted
    history were folded away (0 when there is none, or nothing new was found)."""
    full = text.rstrip()
    fresh = (new_text or "").rstrip()
    if not fresh or fresh == full:
        return full, 0
    folded = max(0, len(full.splitlines()) - len(fresh.splitlines()))
    return fresh, folded
