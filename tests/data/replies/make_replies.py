"""Write the multilingual reply set: tests/data/replies/*.eml and manifest.csv.

Every reply was written by hand in `sources/LANG.txt`: the whole body as the customer's
client sent it (new text, quote header, quoted history, signature) and, separately, the
new text a reader should see. This script only wraps each body in a message (headers,
the charset and transfer encoding named in the entry) and writes the manifest.
Run it from anywhere: `python tests/data/replies/make_replies.py`.

Entry format (one per reply):

    ### id: de-01 | style: gmail | charset: utf-8 | cte: quoted-printable | type: plain
    From: Name <address>
    Subject: Re: ...
    ~~~ body
    ...
    ~~~ expected
    ...

`sources/heldout.txt` (entries name their language with `lang: xx`) was written after the
trimmer was changed for the main set and measured once as it stood: the figure that
says how the trimmer does on replies it was not written against.
"""

from __future__ import annotations

import base64
import csv
import quopri
from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr, parseaddr
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
MANIFEST = HERE / "manifest.csv"
DESK = "Reseller Billing <billing@reseller.example>"
LANGUAGES = ("en", "ja", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "zh", "ko")


@dataclass(frozen=True)
class Reply:
    id: str
    batch: str
    language: str
    style: str
    charset: str
    cte: str
    content_type: str
    sender: str
    subject: str
    body: str
    expected: str


def read_sources(path: Path, batch: str) -> list[Reply]:
    replies: list[Reply] = []
    chunks = path.read_text(encoding="utf-8").split("\n### ")
    for chunk in chunks:
        chunk = chunk.removeprefix("### ")
        if not chunk.strip():
            continue
        head, rest = chunk.split("\n~~~ body\n", 1)
        body, expected = rest.split("\n~~~ expected\n", 1)
        first, *header_lines = head.split("\n")
        fields = dict(part.split(": ", 1) for part in first.split(" | "))
        headers = dict(line.split(": ", 1) for line in header_lines if line.strip())
        replies.append(
            Reply(
                id=fields["id"],
                batch=batch,
                language=fields.get("lang", path.stem),
                style=fields["style"],
                charset=fields["charset"],
                cte=fields["cte"],
                content_type=f"text/{fields['type']}",
                sender=headers["From"],
                subject=headers["Subject"],
                body=body.rstrip("\n") + "\n",
                expected=expected.strip("\n"),
            )
        )
    return replies


def encoded_header(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8").encode()


def encoded_address(value: str) -> str:
    name, address = parseaddr(value)
    return formataddr((name, address), charset="utf-8")


def body_bytes(reply: Reply) -> bytes:
    data = reply.body.encode(reply.charset)
    if reply.cte == "quoted-printable":
        return quopri.encodestring(data)
    if reply.cte == "base64":
        encoded = base64.b64encode(data)
        return b"\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76)) + b"\n"
    if reply.cte == "7bit" and not data.isascii():
        raise ValueError(f"{reply.id}: 7bit body with 8-bit bytes")
    return data


def message(reply: Reply, index: int) -> bytes:
    headers = [
        f"From: {encoded_address(reply.sender)}",
        f"To: {DESK}",
        f"Subject: {encoded_header(reply.subject)}",
        f"Date: Mon, 13 May 2024 {9 + index // 60:02d}:{index % 60:02d}:00 +0000",
        f"Message-ID: <{reply.id}.{index}@replies.example>",
        f"In-Reply-To: <desk-{reply.id}@reseller.example>",
        "MIME-Version: 1.0",
        f"Content-Type: {reply.content_type}; charset={reply.charset}",
        f"Content-Transfer-Encoding: {reply.cte}",
    ]
    return ("\n".join(headers) + "\n\n").encode("ascii") + body_bytes(reply)


def main() -> None:
    replies = [r for lang in LANGUAGES for r in read_sources(SOURCES / f"{lang}.txt", "main")]
    replies += read_sources(SOURCES / "heldout.txt", "held-out")
    ids = [r.id for r in replies]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f"duplicate ids: {sorted(duplicates)}")
    for old in HERE.glob("*.eml"):
        old.unlink()
    with MANIFEST.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(
            ["file", "batch", "language", "client_style", "charset", "cte", "expected_new_text"]
        )
        for index, reply in enumerate(replies):
            name = f"{reply.id}.eml"
            (HERE / name).write_bytes(message(reply, index))
            writer.writerow(
                [
                    name,
                    reply.batch,
                    reply.language,
                    reply.style,
                    reply.charset,
                    reply.cte,
                    reply.expected,
                ]
            )
    for batch in ("main", "held-out"):
        chosen = [r for r in replies if r.batch == batch]
        print(f"{batch}: {len(chosen)} replies in {len({r.language for r in chosen})} languages")


if __name__ == "__main__":
    main()
