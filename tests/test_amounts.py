"""The amount finder (ticketing/amounts.py): the fixture table tests/data/amounts.tsv,
written from how customers write, through the finder and through the default rules'
`money` extractor; and what a table of single lines cannot say: every amount in order,
which one a mail is about, and families of non-amounts (paths, dates, phone numbers)
generated rather than listed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_rules import mail
from ticketing.amounts import Amount, find_amounts, main_amount
from ticketing.money import CURRENCIES
from ticketing.rules import RuleSet, default_rules_path, load_rules

TABLE = Path(__file__).resolve().parent / "data" / "amounts.tsv"
NONE = "-"  # amount column: the text names no amount
UNKNOWN = "?"  # currency column: an amount whose currency the text does not say


def _table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _table()
CASES = [
    pytest.param(
        row["text"],
        None if row["amount"] == NONE else row["amount"],
        None if row["currency"] in (NONE, UNKNOWN) else row["currency"],
        id=f"{number:03d}-{row['note']}",
    )
    for number, row in enumerate(ROWS, start=2)  # the line of the file
]


@pytest.fixture(scope="module")
def default_rules() -> RuleSet:
    return load_rules(default_rules_path())


def _is_japanese(text: str) -> bool:
    return re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) is not None


def test_the_table_is_large_bilingual_and_well_formed() -> None:
    assert len(ROWS) >= 60
    negatives = [r for r in ROWS if r["amount"] == NONE]
    assert len(negatives) >= 20
    japanese = sum(_is_japanese(r["text"]) for r in ROWS)
    assert 0.4 <= japanese / len(ROWS) <= 0.6, japanese
    for row in ROWS:
        assert set(row) == {"text", "amount", "currency", "note"} and row["note"], row
        if row["amount"] == NONE:
            assert row["currency"] == NONE, row
        else:
            assert re.fullmatch(r"\d+(\.\d+)?", row["amount"]), row
            assert row["currency"] == UNKNOWN or row["currency"] in CURRENCIES, row
    assert len({r["text"] for r in ROWS}) == len(ROWS), "duplicate lines"


@pytest.mark.parametrize(("text", "amount", "currency"), CASES)
def test_main_amount_of_each_line(text: str, amount: str | None, currency: str | None) -> None:
    found = main_amount(text)
    assert (None if found is None else (found.value, found.currency)) == (
        None if amount is None else (amount, currency)
    )


@pytest.mark.parametrize(("text", "amount", "currency"), CASES)
def test_default_rules_extract_each_line(
    default_rules: RuleSet, text: str, amount: str | None, currency: str | None
) -> None:
    fields = default_rules.extract(mail("", text))
    assert (fields.get("amount"), fields.get("currency")) == (amount, currency)


def test_find_amounts_lists_every_amount_in_order_with_its_source() -> None:
    assert find_amounts("税込み11,000円、税抜き１０，０００円") == (
        Amount("11000", "JPY", "11,000"),
        Amount("10000", "JPY", "10,000"),
    )
    assert [(a.value, a.currency) for a in find_amounts("2 x $30 = $60, £5.50 or 12万3千円")] == [
        ("30", "USD"),
        ("60", "USD"),
        ("5.50", "GBP"),
        ("123000", "JPY"),
    ]
    assert find_amounts("") == () and find_amounts("no digits at all") == ()


def test_main_amount_prefers_one_with_a_currency() -> None:
    text = "The invoice total is 3,300 but the card was charged ¥3,630."
    assert [a.currency for a in find_amounts(text)] == [None, "JPY"]
    assert main_amount(text) == Amount("3630", "JPY", "3,630")
    assert main_amount("Total: 3,300") == Amount("3300", None, "3,300")


def test_extractor_looks_at_the_subject_then_the_new_text_and_keeps_unknown_currency_out(
    default_rules: RuleSet,
) -> None:
    email = mail("Refund of ¥5,000?", "We paid $40.", new_text="We paid $40.")
    assert default_rules.extract(email) == {"amount": "5000", "currency": "JPY"}
    email = mail("Total 3,300", "We were charged €12.", new_text="We were charged €12.")
    assert default_rules.extract(email) == {"amount": "12", "currency": "EUR"}
    # An amount in quoted history only is not the mail's (where = "both").
    quoted = mail("Question", "see below\n> ¥9,999", new_text="see below")
    assert "amount" not in default_rules.extract(quoted)
    unknown = default_rules.extract(mail("", "請求額は 98,000 です"))
    assert unknown["amount"] == "98000" and "currency" not in unknown


# -------------------------------------------------------------- generated non-amounts

_segment = st.from_regex(r"[A-Za-z0-9_]{1,8}", fullmatch=True)
_number = st.integers(0, 99999).map(str)


@settings(max_examples=200, deadline=None)
@given(
    drive=st.sampled_from("CDEZ"),
    parts=st.lists(st.one_of(_segment, _number), min_size=1, max_size=5),
    last=_number,
    sep=st.sampled_from(["\\", "¥", "/"]),
    ext=st.sampled_from(["", ".pdf", ".xlsx", "\\"]),
    frame=st.sampled_from(["see {}", "ファイルは{}に保存しました。", "金額: {}", "Amount: {}"]),
)
def test_numbers_in_paths_are_never_amounts(
    drive: str, parts: list[str], last: str, sep: str, ext: str, frame: str
) -> None:
    path = f"{drive}:{sep}" + sep.join([*parts, last]) + ext
    assert find_amounts(frame.format(path)) == (), path


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(1990, 2099),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    form=st.sampled_from(
        [
            "{y}-{m:02d}-{d:02d}",
            "{y}/{m}/{d}",
            "{d:02d}.{m:02d}.{y}",
            "{m}/{d}/{y}",
            "{y}年{m}月{d}日",
        ]
    ),
    frame=st.sampled_from(
        ["dated {}", "Amount due by {}", "Total: {}", "請求額：{}", "支払期限 {}"]
    ),
)
def test_dates_are_never_amounts(year: int, month: int, day: int, form: str, frame: str) -> None:
    date = form.format(y=year, m=month, d=day)
    assert find_amounts(frame.format(date)) == (), date


@settings(max_examples=200, deadline=None)
@given(
    phone=st.sampled_from(
        [
            "{a}-{b}-{c}",
            "({a}) {b}-{c}",
            "+81 {a2} {b} {c}",
            "+81-{a2}-{b}-{c}",
            "TEL:{a}-{b}-{c}",
            "〒{p}-{c}",
        ]
    ),
    a=st.from_regex(r"0[1-9]{1,3}", fullmatch=True),
    b=st.from_regex(r"[0-9]{3,4}", fullmatch=True),
    c=st.from_regex(r"[0-9]{4}", fullmatch=True),
    p=st.from_regex(r"[0-9]{3}", fullmatch=True),
    frame=st.sampled_from(
        ["call {}", "料金のお問い合わせ {}", "Total: {}", "{}までお電話ください"]
    ),
)
def test_phone_numbers_and_postcodes_are_never_amounts(
    phone: str, a: str, b: str, c: str, p: str, frame: str
) -> None:
    number = phone.format(a=a, a2=a[1:], b=b, c=c, p=p)
    assert find_amounts(frame.format(number)) == (), number
