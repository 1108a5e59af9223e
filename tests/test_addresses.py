"""Addresses in `--json` (ticketing.addresses, desk): the name and the email apart, and a
combined form that re-parses to exactly the same one address, whatever the name holds."""

from __future__ import annotations

from email.header import Header
from email.utils import getaddresses

import pytest
from sqlalchemy import text

from tests.desk_support import Desk
from tests.support import OUR
from ticketing.addresses import format_address, legacy_addresses
from ticketing.inbound import Address

NAMES = [
    "Doe, Jane",  # a comma: two addresses when unquoted
    'Jane "JD" Doe',  # quotes
    "C:\\Users\\jane",  # backslashes
    "山田 太郎",  # Japanese
    "",  # no name at all
    "Ünïcode, Ltd. (sales)",  # non-ASCII with specials and a comment-like part
    "a@b.example",  # a name that looks like an address
    'tricky \\" end',  # a backslash before a quote
    "Doe; Jane <x@y>",  # a semicolon and angle brackets
]
EMAILS = ["jane@x.example", "josé@example.es", '"jane doe"@x.example']


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("email", EMAILS)
def test_the_combined_form_reparses_to_the_same_one_address(name: str, email: str) -> None:
    combined = format_address(name, email)
    assert getaddresses([combined]) == [(name, email)]
    assert str(Address(name, email)) == combined


def test_names_are_quoted_only_when_they_must_be() -> None:
    assert format_address("Doe, Jane", "j@x.example") == '"Doe, Jane" <j@x.example>'
    assert format_address("Jane Doe", "j@x.example") == "Jane Doe <j@x.example>"
    assert format_address("山田 太郎", "t@y.example") == "山田 太郎 <t@y.example>"  # not RFC 2047
    assert format_address('a "b" \\c', "j@x.example") == '"a \\"b\\" \\\\c" <j@x.example>'
    assert format_address("", "j@x.example") == "j@x.example"


def test_what_older_versions_stored_is_read_as_they_meant_it() -> None:
    assert legacy_addresses("Doe, Jane <j@x.example>") == [("Doe, Jane", "j@x.example")]
    assert legacy_addresses("a@x.example, Doe, Jane <j@x.example>, b@y.example") == [
        ("", "a@x.example"),
        ("Doe, Jane", "j@x.example"),
        ("", "b@y.example"),
    ]
    assert legacy_addresses('"Doe, \\"J\\"" <j@x.example>, 山田 <t@y.example>') == [
        ('Doe, "J"', "j@x.example"),
        ("山田", "t@y.example"),
    ]
    assert legacy_addresses("") == []


def _header(name: str, email: str) -> str:
    """How a mail client writes the address: an RFC 2047 word for any name with
    specials or non-ASCII (the decoded name then holds them unquoted)."""
    if not name:
        return email
    return f"{Header(name, 'utf-8').encode()} <{email}>"


def test_tickets_show_list_and_search_emit_name_and_email_apart(desk: Desk) -> None:
    to = [("", OUR), ("山田 太郎", "taro@yamada.example")]
    cc = [("C:\\Users\\jane", "backslash@x.example"), ("", "plain@x.example")]
    raw = (
        "\r\n".join(
            [
                f"From: {_header('Doe, Jane', 'jane@doe.example')}",
                "To: " + ", ".join(_header(n, e) for n, e in to),
                "Cc: " + ", ".join(_header(n, e) for n, e in cc),
                'Reply-To: "Doe, Jane" <jane@doe.example>',
                "Subject: Charged twice for invoice INV-2026-0042",
                "Message-ID: <addr-1@doe.example>",
                "Date: Mon, 02 Nov 2026 09:30:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Why was I charged twice?",
                "",
            ]
        )
    ).encode()
    ticket = desk.ingest(raw)
    shown = desk.json("tickets", "show", str(ticket))
    first = shown["messages"][0]
    assert first["from_address"] == {
        "name": "Doe, Jane",
        "email": "jane@doe.example",
        "display": '"Doe, Jane" <jane@doe.example>',
    }
    assert first["from"] == '"Doe, Jane" <jane@doe.example>'  # kept, now re-parseable
    assert getaddresses([first["from"]]) == [("Doe, Jane", "jane@doe.example")]
    assert [(a["name"], a["email"]) for a in first["to_addresses"]] == to
    assert [(a["name"], a["email"]) for a in first["cc_addresses"]] == cc
    for field, pairs in (("to", to), ("cc", cc)):
        assert getaddresses([first[field]]) == pairs
        for a in first[f"{field}_addresses"]:
            assert getaddresses([a["display"]]) == [(a["name"], a["email"])]
    assert "山田 太郎 <taro@yamada.example>" in first["to"]  # readable, not =?utf-8?...
    # Our acknowledgement: from us, to the customer, no names invented.
    ack = shown["messages"][1]
    assert ack["direction"] == "out"
    assert ack["from_address"]["email"] == OUR
    assert [a["email"] for a in ack["to_addresses"]] == ["jane@doe.example"]

    requester = {
        "name": "Doe, Jane",
        "email": "jane@doe.example",
        "display": '"Doe, Jane" <jane@doe.example>',
    }
    assert shown["requester"] == "jane@doe.example"
    assert shown["requester_address"] == requester
    (listed,) = desk.json("tickets", "list")
    assert listed["requester_address"] == requester
    (found,) = desk.json("tickets", "search", "charged")
    assert found["requester_address"] == requester


def test_messages_stored_before_the_addresses_column_read_back_whole(desk: Desk) -> None:
    """Rows of an older version (text only, names unquoted) still come out as one
    address each, with the combined form quoted."""
    ticket = desk.ingest(
        b"From: jane@doe.example\r\nTo: billing@example.com\r\nSubject: Old\r\n"
        b"Message-ID: <old-1@doe.example>\r\n\r\nAn old message.\r\n"
    )
    with desk.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE messages SET addresses = NULL, from_addr = :f, to_addrs = :t, "
                "cc_addrs = '' WHERE ticket_id = :i AND direction = 'in'"
            ),
            {"f": "Doe, Jane <jane@doe.example>", "t": "billing@example.com", "i": ticket},
        )
    first = desk.json("tickets", "show", str(ticket))["messages"][0]
    assert first["from_address"]["name"] == "Doe, Jane"
    assert first["from"] == '"Doe, Jane" <jane@doe.example>'
    assert first["to_addresses"] == [
        {"name": "", "email": "billing@example.com", "display": "billing@example.com"}
    ]
    assert first["cc_addresses"] == [] and first["cc"] == ""
