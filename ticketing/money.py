"""Money as the desk stores it: an integer in the currency's minor unit plus an ISO 4217
code, so that no float and no database-specific decimal type ever rounds an amount.

Pure functions only: parsing what an agent or a CSV file typed, and formatting it back.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ticketing.errors import TicketingError

# ISO 4217 codes a cloud reseller plausibly invoices in, with their minor-unit exponent.
CURRENCIES: dict[str, int] = {
    "AED": 2,
    "AUD": 2,
    "BHD": 3,
    "BRL": 2,
    "CAD": 2,
    "CHF": 2,
    "CNY": 2,
    "CZK": 2,
    "DKK": 2,
    "EUR": 2,
    "GBP": 2,
    "HKD": 2,
    "HUF": 2,
    "IDR": 2,
    "ILS": 2,
    "INR": 2,
    "JPY": 0,
    "KRW": 0,
    "KWD": 3,
    "MXN": 2,
    "MYR": 2,
    "NOK": 2,
    "NZD": 2,
    "PHP": 2,
    "PLN": 2,
    "SAR": 2,
    "SEK": 2,
    "SGD": 2,
    "THB": 2,
    "TRY": 2,
    "TWD": 2,
    "USD": 2,
    "VND": 0,
    "ZAR": 2,
}

_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


class MoneyError(TicketingError):
    """An amount or currency an agent or a file gave is not valid."""


def check_currency(code: str) -> str:
    """The upper-case ISO 4217 code, or MoneyError naming what is accepted."""
    value = code.strip().upper()
    if value not in CURRENCIES:
        raise MoneyError(
            f"unknown currency {code!r}: give an ISO 4217 code such as JPY, USD or EUR"
        )
    return value


def parse_amount(text: str, currency: str) -> int:
    """`"12,000"` JPY -> 12000; `"12.5"` USD -> 1250 (minor units). Refuses negative
    amounts and more decimals than the currency has (no silent rounding)."""
    code = check_currency(currency)
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _AMOUNT.match(raw):
        raise MoneyError(f"not an amount: {text!r} (write e.g. 12000 or 1,234.56)")
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex already refused it
        raise MoneyError(f"not an amount: {text!r}") from exc
    exponent = CURRENCIES[code]
    scaled = value.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"{code} has {exponent} decimal place(s); {text!r} has more")
    return int(scaled)


def format_amount(minor: int, currency: str) -> str:
    """12000, "JPY" -> "12,000 JPY"; 1250, "USD" -> "12.50 USD"."""
    exponent = CURRENCIES.get(currency, 2)
    value = Decimal(minor).scaleb(-exponent)
    return f"{value:,.{exponent}f} {currency}"


def to_decimal_string(minor: int, currency: str) -> str:
    """The plain amount for JSON: 1250, "USD" -> "12.50" (a string: exact, no float)."""
    exponent = CURRENCIES.get(currency, 2)
    return f"{Decimal(minor).scaleb(-exponent):.{exponent}f}"
