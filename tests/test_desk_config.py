"""The desk's config sections ([lifecycle], [sla], [collections]) and money parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ticketing.config import DEFAULT_COLLECTION_STAGES, load_settings
from ticketing.errors import ConfigError
from ticketing.money import MoneyError, check_currency, format_amount, parse_amount


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ticketing.toml"
    path.write_text('[service]\nfrom_address = "billing@example.com"\n' + text, encoding="utf-8")
    return path


def test_defaults_without_the_sections(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, ""), env={})
    assert s.lifecycle.reply_status == "pending" and s.lifecycle.auto_close_days == 7
    assert s.collections.stages == DEFAULT_COLLECTION_STAGES
    assert s.sla.timezone == "UTC" and s.sla.targets


def test_full_sections_are_read(tmp_path: Path) -> None:
    s = load_settings(
        write(
            tmp_path,
            """
[lifecycle]
reply_status = "open"
auto_close_days = 3
vendor_reminder_days = 2

[sla]
timezone = "Asia/Tokyo"
business_days = ["mon", "tue", "wed", "thu", "fri"]
business_hours = "09:00-18:00"
holidays = ["2026-11-23"]
breach_priority = "urgent"

[[sla.targets]]
queue = "disputes"
priority = "*"
first_response_hours = 4
resolution_hours = 80

[collections]
queue = "collections"
min_days_between = 5

[[collections.stages]]
name = "reminder"
days_overdue = 5
template = "collections-reminder"

[[collections.stages]]
name = "suspension"
days_overdue = 30
template = "suspension-notice"
account_status = "suspended"
""",
        ),
        env={},
    )
    assert s.lifecycle.reply_status == "open" and s.lifecycle.vendor_reminder_days == 2
    assert s.sla.holidays == ("2026-11-23",) and s.sla.breach_priority == "urgent"
    assert len(s.sla.targets) == 1 and s.sla.targets[0].resolution_hours == 80.0
    assert [st.name for st in s.collections.stages] == ["reminder", "suspension"]
    assert s.collections.stages[1].account_status == "suspended"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[lifecycle]\nreply_status = "closed"\n', ":5: lifecycle.reply_status: must be one of"),
        ("[lifecycle]\nauto_close = 3\n", ":5: lifecycle.auto_close: unknown key"),
        ('[sla]\ntimezone = "Mars/Olympus"\n', ":5: sla.timezone: unknown time zone"),
        ('[sla]\nbusiness_hours = "18:00-09:00"\n', ":5: sla.business_hours: must end after"),
        ('[sla]\nholidays = ["2026-13-01"]\n', ":5: sla.holidays: not a date"),
        (
            '[sla]\ntimezone = "UTC"\n\n[[sla.targets]]\nqueue = "sales"\n',
            ":8: sla.targets.queue: unknown queue",
        ),
        (
            '[[sla.targets]]\npriority = "normal"\nfirst_response_hours = -1\n',
            ":6: sla.targets.first_response_hours: must be 0 or more",
        ),
        (
            '[[collections.stages]]\nname = "a"\ndays_overdue = 9\ntemplate = "x"\n\n'
            '[[collections.stages]]\nname = "b"\ndays_overdue = 3\ntemplate = "y"\n',
            ":11: collections.stages.days_overdue: stages must be listed in increasing",
        ),
        (
            '[[collections.stages]]\nname = "a"\ndays_overdue = 9\ntemplate = "x"\n'
            'account_status = "closed"\n',
            ":8: collections.stages.account_status: must be one of",
        ),
        ('[collections]\nqueue = "nowhere"\n', ":5: collections.queue: unknown queue"),
    ],
)
def test_mistakes_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "\n" + text)
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert f"{path}{expected}" in str(info.value)


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("12000", "JPY", 12000),
        ("12,000", "jpy", 12000),
        ("1,234.56", "USD", 123456),
        ("12.5", "EUR", 1250),
        ("0.125", "KWD", 125),
        ("7", "USD", 700),
    ],
)
def test_parse_amount(amount: str, currency: str, minor: int) -> None:
    assert parse_amount(amount, currency) == minor


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("12.5", "JPY", "0 decimal place"),
        ("1.234", "USD", "2 decimal place"),
        ("-5", "USD", "not an amount"),
        ("12,00", "USD", "not an amount"),
        ("abc", "USD", "not an amount"),
        ("10", "XYZ", "unknown currency"),
        ("10", "円", "unknown currency"),
    ],
)
def test_bad_amounts_are_refused(amount: str, currency: str, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        parse_amount(amount, currency)


def test_format_amount() -> None:
    assert format_amount(12000, "JPY") == "12,000 JPY"
    assert format_amount(123456, "USD") == "1,234.56 USD"
    assert check_currency(" usd ") == "USD"
