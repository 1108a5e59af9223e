"""Find the amounts of money a customer's mail names, with their currency.

Pure: text in, `Amount`s out, no database. English and Japanese as customers write them:
`¥12,000`, `１２，０００円` (NFKC first), `12万3千円`, `$1,234.56`, `USD 30`, `1.234,56 €`,
`1 234,56 €`, `CHF 1'250.00`, `£40k`, and a yen sign that Shift_JIS decoding turned into a
backslash (`\\12,000`). A number is an amount only when a currency marker is attached to it
(a symbol, an ISO code, 円, ドル, "yen", ...) or an amount word introduces it ("amount",
"total", 金額, 請求額, ...); the currency then comes from that context (`Total (USD):
1,234`, `金額（円）：12,000`) or stays unknown. Numbers in paths, URLs, e-mail addresses,
dates, times, invoice or order numbers, phone numbers, postcodes, counts (seats, licences,
users, months), percentages, version numbers and exchange rates (`1 EUR = 1.0412 USD`,
`１ドル＝１５１円`) are never amounts, whatever is around them: a wrong amount on a dispute
is worse than none. `find_amounts` gives every amount in order, `main_amount` the one a
mail is about (the first with a currency).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from ticketing.money import CURRENCIES

__all__ = ["Amount", "find_amounts", "iter_amounts", "main_amount"]


@dataclass(frozen=True)
class Amount:
    """One amount: `value` a plain decimal string as written ("12000", "1234.56",
    "99.90"), `currency` an ISO 4217 code or None when the text does not say, `source`
    the text it was read from (NFKC-normalised)."""

    value: str
    currency: str | None
    source: str


# A number as customers write one: Japanese 億/万/千/百 composites first (12万3千, 1,000万,
# 1.5万), then digits grouped by thousands (1,234.56, 1.234,56, 1 234,56, 1'250.00), then
# plain digits with at most two decimals. A number starts at no digit (2026 in 12026 is
# not one); what may touch it is checked by `_embedded`.
_PART = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# It runs on every mail: the leading (?=[0-9]) lets `re` skip to digits quickly (a pattern
# that starts with a lookbehind is tried at every character, eight times slower), and the
# 万 branch is only tried where a 万/千/億/百 follows the digits. ASCII digits only: NFKC
# has made full-width ones ASCII.
_NUMBER = re.compile(
    r"(?=[0-9])(?<![0-9])"
    rf"(?:(?=[\d,.]*[億万千百])(?P<jp>(?:{_PART}[億万千百])+(?:\d{{1,3}}(?:,\d{{3}})+|\d+)?)"
    r"|(?P<grouped>\d{1,3}(?P<sep>[,.'\u2019 \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*"
    r"(?P<dec>[.,]\d{1,2})?(?!\d))"
    r"|(?P<plain>\d+(?:[.,]\d{1,2})?(?!\d)))",
    re.ASCII,
)
_JP_UNITS = {"億": 100_000_000, "万": 10_000, "千": 1_000, "百": 100}

# ISO codes: the desk's currencies (ticketing/money.py), upper case only except the four
# everyone writes in lower case too; not PHP and TRY, which are a language and a verb
# ("PHP 8.1", "TRY 3 times") far more often than pesos and lira.
_CODES = frozenset(CURRENCIES) - {"PHP", "TRY"}
_LOWER_CODES = frozenset({"usd", "jpy", "eur", "gbp"})
_SYMBOLS = {"¥": "JPY", "$": "USD", "€": "EUR", "£": "GBP", "\\": "JPY"}
_DOLLARS = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD"}
_DOLLARS |= {"S": "SGD", "SG": "SGD", "HK": "HKD"}
_WORDS = {"円": "JPY", "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR", "ポンド": "GBP"}
_WORDS |= {"yen": "JPY", "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD"}
_WORDS |= {"euro": "EUR", "euros": "EUR"}

# A marker just before the number: "$", "US$", "USD ", "¥ ", "€-". A code must not end a
# longer word ("AutoCAD 2024"), a dollar's country prefix neither.
_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>[A-Za-z]{3})|(?<![A-Za-z])(?P<dollar>[A-Za-z]{0,2})\$"
    r"|(?P<sym>[¥€£\\]))[ \u00a0]?[-\u2212]?\Z"
)
# A marker just after it: "円", "万円" (the 万 is the number's), " yen", "USD", " €". Not
# one that introduces the next number instead: "2026 ¥12,000", "Invoice 2026 USD 1,200".
_SUFFIX = re.compile(
    r"[ \u00a0]?(?:(?P<word>円|米ドル|ドル|ユーロ|ポンド|(?i:yen|(?:us )?dollars?|euros?)(?![A-Za-z]))"
    r"|(?:(?P<code>[A-Za-z]{3})(?![A-Za-z])|(?P<sym>[¥$€£]))(?![ \u00a0]?[-\u2212]?\d))"
)

# What must not touch a number on its left or right: it is then part of a date
# (2026-03-01, 3/1, 2026.03.01), a time (10:30), an identifier (INV-2026, #123,
# 03-1234-5678, +81), a version (2.3.1), a postcode (〒100), a longer token (v12, 30GB,
# 3rd), a percentage, or a path ("\2026\", "2026.pdf").
# A currency marker lets "/month" and "-" (¥5,000-) follow.
_BAD_LEFT = re.compile(r"(?:[A-Za-z_]|[A-Za-z\d][-\u2010\u2011]|\d[.,:/]|[#+〒№])\Z")
_BAD_RIGHT = re.compile(r"[-\u2010\u2011.,:/]\d|[.,][A-Za-z]|[\\¥][\w.]|[%‰A-Za-z\d_]")
_BAD_RIGHT_BARE = re.compile(r"[-\u2010\u2011.,:/][\dA-Za-z]|[\\¥][\w.]|[%‰A-Za-z\d_]")

# An amount word the number follows, and what may stand between them: "the invoice amount
# is 1,234.56", "Total (USD): 2,400.00", "balance due 350.00", "請求額は 98,000",
# "金額（円）：12,000". Not "amount for March 2026" or "請求額の件で、注文番号12345".
_CONTEXT_WORDS = """
    amount, amount due, amount owed, amount owing, total, totals, grand total, subtotal,
    sub-total, totalling, totaling, sum, price, cost, costs, fee, fees, charge, charged,
    billed, invoiced, debited, paid, pay, payment, refund, refunded, credit, credited,
    balance, balance due, owe, owed, outstanding, overcharged by,
    金額, 請求額, 請求金額, 合計, 合計額, 合計金額, 総額, 小計, 料金, 代金, 価格, 値段, 単価,
    月額, 年額, 支払額, 支払金額, 支払い金額, 支払い額, 入金額, 振込額, 振込金額, 振り込み金額,
    返金額, 差額, 残高, 未払額, 未払い額, 未払金, 費用, 利用料, 税込, 税込み, 税抜, 税抜き, 税別
"""
_FILLERS = """
    is, was, were, are, be, will be, would be, should be, of, to, now, still, only, just,
    exactly, about, approx, approximately, around, roughly, nearly, almost, over, came to,
    comes to, come to
"""
_FILLER_MARKS = ":, =, approx., は, が, を, で, も, として, 約, およそ, 概算"  # may touch a word


def _backwards(words: str) -> str:
    """A regex alternation of the comma-separated `words`, each spelt backwards."""
    return "|".join(re.escape(w[::-1]) for w in re.split(r",\s*", words.strip()))


# Read backwards from the number, in lower-cased text: anchored where the number starts,
# it is tried at one place per number, not at every character of the mail (it was a
# third of the finder's time). Fillers, "in USD" and "(USD)" (group `named`), then the
# amount word, which no letter may precede ("discount", "prepaid").
_CONTEXT_BEFORE = re.compile(
    r"[ \u00a0]*(?:(?:(?:"
    + _backwards(_FILLERS)
    + rf"|(?P<named_in>[a-z]{{3}}|{_backwards('yen, dollars, euros')}) ni)(?![a-z])|"
    + _backwards(_FILLER_MARKS)
    + r"|\)(?P<named>[^()\d\n]{1,20})\()[ \u00a0]*)*(?:"
    + _backwards(_CONTEXT_WORDS)
    + r")(?![a-z])"
)
_CONTEXT_REACH = 64  # characters before a number that an amount word and fillers may take
# What after a bare number (no currency marker) makes it a count, a date or a share.
_NOT_MONEY_AFTER = re.compile(
    r"[ \u00a0]*(?:%|パーセント|倍|×|年|月|日|時|分|秒|週|人|名|件|個|台|本|回|枚|席|社|通|部|"
    r"行|ヶ月|か月|カ月|ヵ月|ケ月|営業日|ライセンス|ユーザ|アカウント|シート|"
    r"(?i:percent|seats?|licen[cs]es?|users?|accounts?|mailboxes|subscriptions?|invoices?|"
    r"payments?|charges?|months?|days?|weeks?|years?|hours?|minutes?|times?|items?|units?|"
    r"people|persons?|employees?|[kmgt]b)(?![A-Za-z]))"
)
# The characters of one path, URL or address: ASCII without spaces, and ¥, which
# Japanese Windows shows (and users type) for the path separator.
_TOKEN_CHARS = frozenset(chr(c) for c in range(0x21, 0x7F)) | {"¥"}
_PATH_SIGNS = re.compile(r"://|@|^www\.|[A-Za-z0-9_.~\\¥][\\¥]|(?<![A-Za-z])[A-Za-z]:[\\¥/]")

# "12k", "1.5m", "2bn" after a number: a multiple, as customers abbreviate big amounts.
_SCALE = re.compile(r"(?:k|m|mn|bn)(?![A-Za-z])", re.IGNORECASE)
_SCALES = {"k": Decimal(1_000), "m": Decimal(1_000_000), "mn": Decimal(1_000_000)}
_SCALES["bn"] = Decimal(1_000_000_000)
# Exchange rates are not amounts: "1 EUR = 1.0412 USD", "１ドル＝１５１．２０円", "1ドルあたり
# 150円", "151円/ドル", "150 yen to the dollar", "158.90円で換算", "TTM 151.20円".
_RATE_LINK = re.compile(r"[ \u00a0]*(?:=|あたり|当たり|につき)[ \u00a0]*")
_RATE_AFTER = re.compile(
    r"[ \u00a0]*(?:/[ \u00a0]*(?:ドル|ユーロ|US\$|\$|€|USD|EUR|JPY|円)|で換算|に換算|"
    r"(?i:per (?:us )?(?:dollar|euro|usd|eur|yen)|to the (?:dollar|euro)))"
)
_RATE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?i:rate|レート|TTM|TTS|TTB)[ \u00a0]*(?i:of|is|was|at|:|=|は|が|で)?[ \u00a0]*\Z"
)


class _Marker(NamedTuple):
    """A currency marker touching a number: its ISO code and span; `weak` for a
    backslash, a yen sign only when Shift_JIS decoding made it one."""

    code: str
    start: int
    end: int
    weak: bool = False


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Every amount in `text`, in order (see the module docstring for what counts)."""
    return tuple(iter_amounts(text))


def iter_amounts(text: str) -> Iterator[Amount]:
    """`find_amounts` one at a time: a caller that wants the first stops early."""
    text = unicodedata.normalize("NFKC", text)
    if not _ANY_DIGIT.search(text):
        return
    lowered: str | None = None  # lower-cased text, made for the first bare number
    rate_end = -1  # where "1 EUR =" ended: the number after it is a rate, not an amount
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        value = _value(m)
        if value is None:
            continue
        scale = _SCALE.match(text, end)  # $12k, £1.5m: only beside a currency marker
        if scale is not None:
            end = scale.end()
        marker = _marker(text, start, end)
        if marker is None and (scale is not None or m["sep"] in _SPACES):
            continue  # "3 000" is a French thousand beside a currency; else two numbers
        if _embedded(text, start, end, marker):
            continue
        if marker is None or marker.weak:
            if lowered is None:
                lowered = _lowered(text)
            context = _context_before(text, lowered, start if marker is None else marker.start)
            if context is None or _NOT_MONEY_AFTER.match(text, end):
                continue
            if marker is None and not (context.label or _money_shaped(m)):
                continue  # "our old total of 350" (licences), "invoice paid 2 Nov"
            currency = context.currency if marker is None else marker.code
        else:
            currency = marker.code
        first = start if marker is None else min(start, marker.start)
        last = end if marker is None else max(end, marker.end)
        if rate_end >= 0:
            linked = _RATE_LINK.fullmatch(text, rate_end, first)
            rate_end = -1
            if linked:
                continue
        if value in ("1", "1.0", "1.00") and _RATE_LINK.match(text, last):
            rate_end = last  # 1 EUR = 1.0412 USD, 1ドル＝151.20円
            continue
        if _RATE_AFTER.match(text, last) or _RATE_BEFORE.search(text, max(0, first - 12), first):
            continue  # 151円/ドル, 150 yen to the dollar, 158.90円で換算, the TTM of 151.20円
        if scale is not None:
            value = _scaled(value, scale.group(0))
        yield Amount(value, currency, text[start:end])


def main_amount(text: str) -> Amount | None:
    """The amount a mail is about: the first with a known currency, else the first."""
    first: Amount | None = None
    for found in iter_amounts(text):
        if found.currency:
            return found
        first = first or found
    return first


_ANY_DIGIT = re.compile(r"[0-9]")
_SPACES = frozenset(" \u00a0\u202f\u2009")


def _marker(text: str, start: int, end: int) -> _Marker | None:
    """The currency marker just after the number, else just before it, or None."""
    suffix = _SUFFIX.match(text, end)
    if suffix is not None:
        word, sym = suffix["word"], suffix["sym"]
        code = _WORDS[word.lower()] if word else _SYMBOLS[sym] if sym else _code(suffix["code"])
        if code is not None:
            return _Marker(code, end, suffix.end())
    prefix = _PREFIX.search(text, max(0, start - 6), start)
    if prefix is None:
        return None
    if prefix["code"] is not None:
        code = _code(prefix["code"])
    elif prefix["dollar"] is not None:
        code = _DOLLARS.get(prefix["dollar"].upper()) if prefix["dollar"] else "USD"
    else:
        code = _SYMBOLS[prefix["sym"]]
    if code is None:
        return None
    # A backslash stands for ¥ by itself only before money-shaped digits (grouped by
    # thousands, or the Japanese trailing "-": \12,000 \5000-); else only after an
    # amount word ("金額：\2026"), never in "フォルダ\2026".
    weak = prefix["sym"] == "\\" and "," not in text[start:end] and not text.startswith("-", end)
    return _Marker(code, prefix.start(), start, weak)


def _code(raw: str) -> str | None:
    if raw in _CODES:
        return raw
    return raw.upper() if raw in _LOWER_CODES else None


def _embedded(text: str, start: int, end: int, marker: _Marker | None) -> bool:
    """Whether the number is part of a path, URL, address, date, time, identifier or
    version rather than standing alone (with its currency marker)."""
    left = marker.start if marker is not None and marker.end == start else start
    right = marker.end if marker is not None and marker.start == end else end
    tok_start, tok_end = left, right
    while tok_start > 0 and text[tok_start - 1] in _TOKEN_CHARS:
        tok_start -= 1
    while tok_end < len(text) and text[tok_end] in _TOKEN_CHARS:
        tok_end += 1
    if _PATH_SIGNS.search(text[tok_start:tok_end]) or "/" in text[tok_start:left]:
        return True
    if left == start and _BAD_LEFT.search(text, max(0, start - 2), start):
        return True
    if right == end:
        bad = _BAD_RIGHT if marker is not None else _BAD_RIGHT_BARE
        if bad.match(text, end):
            return True
    return False


class _Context(NamedTuple):
    """What an amount word says about the number after it: the currency its context
    names, and whether it is a label ("Amount:", "合計="), after which any number is one."""

    currency: str | None
    label: bool


def _context_before(text: str, lowered: str, lead: int) -> _Context | None:
    """The amount word and fillers that end where a number starts at `lead`, if any."""
    window = lowered[max(0, lead - _CONTEXT_REACH) : lead][::-1]
    m = _CONTEXT_BEFORE.match(window)
    if m is None:
        return None
    currency = None
    group = "named_in" if m["named_in"] else "named" if m["named"] else None
    if group is not None:  # back to the original text, for the case of an ISO code
        currency = _named_currency(text[lead - m.end(group) : lead - m.start(group)])
    return _Context(currency, m.group(0).lstrip(" \u00a0")[:1] in (":", "="))


def _lowered(text: str) -> str:
    """`text.lower()`, one character for one: "İ" lowers to two, and is left as it is."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _money_shaped(m: re.Match[str]) -> bool:
    """Grouped by thousands, two decimals, or 万: 1,234 / 350.00 / 12万, not 350 or 2."""
    raw = m.group(0)
    return bool(m["jp"] or m["grouped"] or (len(raw) > 3 and raw[-3] in ".,"))


def _scaled(value: str, suffix: str) -> str:
    total = Decimal(value) * _SCALES[suffix.lower()]
    return str(int(total)) if total == total.to_integral_value() else str(total.normalize())


_NAMED = re.compile(
    r"円|米ドル|ドル|ユーロ|ポンド|[¥$€£]|(?<![A-Za-z])[A-Za-z]{3,7}(?![A-Za-z])", re.IGNORECASE
)


def _named_currency(text: str) -> str | None:
    for m in _NAMED.finditer(text):
        word = m.group(0)
        code = _WORDS.get(word.lower()) or _SYMBOLS.get(word) or _code(word)
        if code is not None:
            return code
    return None


def _value(m: re.Match[str]) -> str | None:
    """The plain decimal string of a `_NUMBER` match, or None when it is not one number
    after all ("1,234,56": a decimal comma cannot also group thousands)."""
    if m["jp"]:
        return _japanese_value(m["jp"])
    if m["grouped"]:
        sep, dec = m["sep"], m["dec"] or ""
        if dec and dec[0] == sep:
            return None
        digits = m.group(0)[: len(m.group(0)) - len(dec)].replace(sep, "")
        return digits + ("." + dec[1:] if dec else "")
    return m.group(0).replace(",", ".")  # "12000", "12000.50", "20,50" (decimal comma)


def _japanese_value(raw: str) -> str | None:
    """The value of a 万 composite: 12万3千 -> "123000", 1億2000万 -> "120000000"."""
    total = Decimal(0)
    number = ""
    for ch in raw:
        unit = _JP_UNITS.get(ch)
        if unit is None:
            number += ch
            continue
        total += Decimal(number.replace(",", "")) * unit
        number = ""
    if number:
        total += Decimal(number.replace(",", ""))
    if total != total.to_integral_value():
        return None  # 1.23456万: finer than one yen, so not a way of writing an amount
    return str(int(total))
