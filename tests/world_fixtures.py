"""The world fixture set (tests/data/world): every mail read by ticketing's parser and by
Python's `email` package (policy default), each field compared with the manifest.

Shared by tests/test_world_fixtures.py and the `world` benchmark scenario. Fields:

- subject: whitespace runs count as one space;
- from_name, from_email: the first From address (the address compared case-insensitively);
- new_text: the customer's new text (whitespace runs count as one space); ticketing's
  `new_text`, the stdlib's `get_body(preferencelist=('plain', 'html')).get_content()`,
  an HTML body turned into its text first (the stdlib has no converter: it is given ours);
- attachments: the sorted names of the attachments that have a name (ticketing's
  `attachments`, the stdlib's `iter_attachments()` filenames).

A parser that raises on a mail fails every field of it, with the error as its value.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from ticketing.parse import html_to_text, parse_email

WORLD = Path(__file__).resolve().parent / "data" / "world"
MANIFEST = WORLD / "manifest.json"
FIELDS = ("subject", "from_name", "from_email", "new_text", "attachments")

# The body's charset -> the family reported in BENCHMARKS.md.
FAMILIES = {
    "us-ascii": "Western",
    "iso-8859-1": "Western",
    "iso-8859-15": "Western",
    "windows-1252": "Western",
    "iso-8859-2": "Central European",
    "windows-1250": "Central European",
    "koi8-r": "Cyrillic",
    "koi8-u": "Cyrillic",
    "windows-1251": "Cyrillic",
    "iso-8859-5": "Cyrillic",
    "iso-8859-7": "Greek",
    "windows-1253": "Greek",
    "iso-8859-9": "Turkish",
    "windows-1254": "Turkish",
    "windows-1257": "Baltic",
    "iso-8859-13": "Baltic",
    "iso-8859-6": "Arabic",
    "windows-1256": "Arabic",
    "iso-8859-8": "Hebrew",
    "windows-1255": "Hebrew",
    "tis-620": "Thai",
    "windows-874": "Thai",
    "windows-1258": "Vietnamese",
    "gb2312": "Chinese",
    "gbk": "Chinese",
    "gb18030": "Chinese",
    "big5": "Chinese",
    "euc-kr": "Korean",
    "ks_c_5601-1987": "Korean",
    "iso-2022-jp": "Japanese",
    "shift_jis": "Japanese",
    "cp932": "Japanese",
    "euc-jp": "Japanese",
    "utf-8": "Unicode",
    "utf-16": "Unicode",
}


@dataclass(frozen=True)
class FieldResult:
    """One field of one mail, as the manifest expects it and as each parser read it."""

    file: str
    language: str
    charset: str
    field: str
    expected: Any
    ticketing: Any
    stdlib: Any
    pending: bool  # the manifest says another branch's change is expected to fix it
    note: str

    @property
    def family(self) -> str:
        return FAMILIES.get(self.charset.lower(), "other")

    @property
    def ticketing_ok(self) -> bool:
        return _same(self.field, self.expected, self.ticketing)

    @property
    def stdlib_ok(self) -> bool:
        return _same(self.field, self.expected, self.stdlib)


def load_manifest() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return entries


def _spaces(text: str) -> str:
    return " ".join(text.split())


def _same(field: str, expected: Any, actual: Any) -> bool:
    if isinstance(actual, _Failed):
        return False
    if field == "from_email":
        return str(expected).lower() == str(actual).lower()
    if field == "attachments":
        return list(expected) == list(actual)
    return _spaces(str(expected)) == _spaces(str(actual))


@dataclass(frozen=True)
class _Failed:
    error: str

    def __str__(self) -> str:
        return f"<raised {self.error}>"


def ticketing_fields(raw: bytes) -> dict[str, Any]:
    email = parse_email(raw)
    sender = email.from_addr
    return {
        "subject": email.subject,
        "from_name": sender.name if sender else "",
        "from_email": sender.email if sender else "",
        "new_text": email.new_text,
        "attachments": sorted(a.filename for a in email.attachments if a.filename),
    }


def stdlib_fields(raw: bytes) -> dict[str, Any]:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return {
        "subject": _guard(lambda: str(msg["subject"] or "")),
        "from_name": _guard(lambda: _stdlib_sender(msg)[0]),
        "from_email": _guard(lambda: _stdlib_sender(msg)[1]),
        "new_text": _guard(lambda: _stdlib_text(msg)),
        "attachments": _guard(
            lambda: sorted(str(n) for p in msg.iter_attachments() if (n := p.get_filename()))
        ),
    }


def _guard(compute: Callable[[], Any]) -> Any:
    try:
        return compute()
    except Exception as exc:  # a parser that raises fails the field; that is the measurement
        return _Failed(f"{type(exc).__name__}: {exc}")


def _stdlib_sender(msg: EmailMessage) -> tuple[str, str]:
    header = msg["from"]
    addresses = getattr(header, "addresses", ())
    if not addresses:
        return "", ""
    return addresses[0].display_name, addresses[0].addr_spec


def _stdlib_text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    content = body.get_content()
    if body.get_content_subtype() == "html":
        return html_to_text(content)
    return str(content)


def results() -> Iterator[FieldResult]:
    """Every field of every mail of the manifest."""
    for entry in load_manifest():
        raw = (WORLD / entry["file"]).read_bytes()
        ours = _guard(lambda raw=raw: ticketing_fields(raw))
        theirs = stdlib_fields(raw)
        expected = {
            "subject": entry["subject"],
            "from_name": entry["from_name"],
            "from_email": entry["from_email"],
            "new_text": entry["new_text"],
            "attachments": entry["expected_attachments"],
        }
        for name in FIELDS:
            yield FieldResult(
                file=entry["file"],
                language=entry["language"],
                charset=entry["charset"],
                field=name,
                expected=expected[name],
                ticketing=ours if isinstance(ours, _Failed) else ours[name],
                stdlib=theirs[name],
                pending=name in entry.get("pending", ()),
                note=entry.get("note", ""),
            )
