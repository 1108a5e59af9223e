"""Mail addresses as the desk stores and prints them: a combined form that re-parses to
the same one address, the JSON objects of `--json`, and reading what older versions stored.

The combined form follows RFC 5322 (what `email.utils.formataddr` writes for an ASCII
name): a display name that is not a plain run of words is a quoted-string, with `\\` and
`"` escaped, so `Doe, Jane` is written `"Doe, Jane" <j@x.example>` and never reads back
as two addresses. Unlike `formataddr` a non-ASCII name stays readable Unicode (RFC 6532),
never an RFC 2047 encoded word: this text is for JSON and terminals, not for a header.
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "address_json",
    "format_address",
    "format_addresses",
    "legacy_addresses",
    "pairs_of",
    "stored_json",
]

# A display name that needs no quotes: words of atext (letters of any script count,
# `\w`), separated by single spaces. Anything else (specials such as `,` `;` `.` `"`
# `(` `<` `@` `\`, runs of spaces, leading or trailing space) is quoted.
_PLAIN_NAME = re.compile(r"[\w!#$%&'*+/=?^`{|}~-]+(?: [\w!#$%&'*+/=?^`{|}~-]+)*")


def format_address(name: str, email: str) -> str:
    """`name <email>` with the name quoted when it must be; the bare address without one."""
    if not name:
        return email
    if _PLAIN_NAME.fullmatch(name) is None:
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def format_addresses(pairs: Iterable[tuple[str, str]]) -> str:
    """A list of addresses as one header-style value, each in its combined form."""
    return ", ".join(format_address(name, email) for name, email in pairs)


def address_json(name: str, email: str) -> dict[str, str]:
    """The `--json` object of one address: `name` (decoded, "" when none), `email` (the
    addr-spec) and `display` (the combined form, safe to re-parse)."""
    return {"name": name, "email": email, "display": format_address(name, email)}


def stored_json(
    sender: tuple[str, str] | None,
    to: Sequence[tuple[str, str]],
    cc: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """The `messages.addresses` column: each address as `{"name", "email"}`."""

    def one(pair: tuple[str, str]) -> dict[str, str]:
        return {"name": pair[0], "email": pair[1]}

    return {
        "from": one(sender) if sender is not None else None,
        "to": [one(p) for p in to],
        "cc": [one(p) for p in cc],
    }


def pairs_of(stored: Mapping[str, Any], field: str) -> list[tuple[str, str]]:
    """The (name, email) pairs of one field ("from", "to" or "cc") of `stored_json`."""
    value = stored.get(field)
    if value is None:
        return []
    items = [value] if isinstance(value, Mapping) else list(value)
    return [(str(a.get("name", "")), str(a.get("email", ""))) for a in items]


# What versions before migration 0007 stored: `name <email>` or `email`, joined by ", ",
# the name never quoted. The address of a `<...>` is exact; the text before it is the
# name, after any bare addresses that precede it in the list.
_ANGLED = re.compile(r"\s*<([^<>]*)>\s*(?:,\s*|$)")
_BARE = re.compile(r"[^\s,<>\"]+@[^\s,<>\"]+|[^\s,<>\"@]+")


def legacy_addresses(text: str) -> list[tuple[str, str]]:
    """The (name, email) pairs of an address list stored unquoted by an older version.

    Best effort by construction: `Doe, Jane <j@x>` is one address named `Doe, Jane`
    (the old writer never split a name), and a bare `a@x, ` before it is an address
    of its own. Text in the new combined form (quoted names) also reads correctly."""
    pairs: list[tuple[str, str]] = []
    position = 0
    for match in _ANGLED.finditer(text):
        bare, name = _leading_bare(text[position : match.start()])
        position = match.end()
        pairs += bare
        name = name.strip()
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = re.sub(r"\\(.)", r"\1", name[1:-1])
        pairs.append((name, match.group(1).strip()))
    rest = text[position:]
    pairs += [("", item.strip()) for item in rest.split(",") if item.strip()]
    return pairs


def _leading_bare(segment: str) -> tuple[list[tuple[str, str]], str]:
    """Bare addresses (`a@x, `) off the front of `segment`, and what is left: the name."""
    found: list[tuple[str, str]] = []
    while True:
        head, comma, tail = segment.partition(",")
        candidate = head.strip()
        if not comma or "@" not in candidate or _BARE.fullmatch(candidate) is None:
            return found, segment
        found.append(("", candidate))
        segment = tail
