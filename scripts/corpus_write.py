"""Turn hand-written mails in a compact text form into corpus .eml files and manifest rows.

    python scripts/corpus_write.py SOURCE.txt --out corpus/train

SOURCE.txt holds any number of mails, each starting with a line

    === STEM | QUEUE | LANG | KIND | NOTE

followed by optional header lines, one blank line, and the body (until the next `===`).
Header lines (all optional):

    From: Hanako Sato <hanako@sato-trading.example>   (default: derived from STEM)
    To: billing@cloudpartner.example
    Subject: ...
    Format: plain | html | both        (html = HTML only; both = multipart/alternative)
    Charset: utf-8 | iso-2022-jp | shift_jis
    Status: active | delinquent | suspended   (the sender's account status)
    Attach: invoice-copy.pdf            (a small placeholder attachment)
    Reply: yes                          (In-Reply-To/References to an earlier mail)

Body lines beginning with ">" are quoted history (rendered as <blockquote> in HTML).
Writes STEM.eml into --out and appends one row per mail to --out/labels.csv
(file, queue, language, kind, note, customer_status); an existing STEM is an error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import re
import sys
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

QUEUES = ("billing", "disputes", "collections", "escalations")
LANGUAGES = ("en", "ja")
STATUSES = ("", "active", "delinquent", "suspended")
FIELDS = ("file", "queue", "language", "kind", "note", "customer_status")
HEADER_KEYS = {"from", "to", "subject", "format", "charset", "status", "attach", "reply", "date"}
DESK = "billing@cloudpartner.example"


class SourceError(Exception):
    pass


def parse_source(text: str, where: str) -> list[dict[str, str]]:
    mails: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    body: list[str] = []
    in_headers = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("==="):
            if current is not None:
                current["body"] = "\n".join(body).strip("\n") + "\n"
                mails.append(current)
            parts = [p.strip() for p in line[3:].split("|")]
            if len(parts) < 4:
                raise SourceError(f"{where}:{number}: want '=== STEM | QUEUE | LANG | KIND | NOTE'")
            stem, queue, lang, kind = parts[:4]
            note = " | ".join(parts[4:])
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", stem):
                raise SourceError(f"{where}:{number}: stem {stem!r}: lower-case letters, digits, -")
            if queue not in QUEUES:
                raise SourceError(f"{where}:{number}: queue {queue!r} not one of {QUEUES}")
            if lang not in LANGUAGES:
                raise SourceError(f"{where}:{number}: language {lang!r} not one of {LANGUAGES}")
            current = {"stem": stem, "queue": queue, "lang": lang, "kind": kind, "note": note}
            current["line"] = str(number)
            body = []
            in_headers = True
            continue
        if current is None:
            if line.strip():
                raise SourceError(f"{where}:{number}: text before the first '===' line")
            continue
        if in_headers:
            if not line.strip():
                in_headers = False
                continue
            key, sep, value = line.partition(":")
            if sep and key.strip().lower() in HEADER_KEYS:
                current[key.strip().lower()] = value.strip()
                continue
            in_headers = False  # no header block: the body starts right away
        body.append(line)
    if current is not None:
        current["body"] = "\n".join(body).strip("\n") + "\n"
        mails.append(current)
    return mails


def _sender(mail: dict[str, str]) -> tuple[str, str]:
    if "from" in mail:
        name, address = parseaddr(mail["from"])
        if "@" in address:
            return name, address
    return "", f"{mail['stem'].split('-')[-1]}@customer.example"


def _html(text: str) -> str:
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        if all(line.startswith(">") for line in lines):
            inner = "<br>\n".join(html.escape(line.lstrip("> ").rstrip()) for line in lines)
            out.append(f"<blockquote>{inner}</blockquote>")
        else:
            out.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>\n"


def compose(mail: dict[str, str], index: int) -> bytes:
    name, address = _sender(mail)
    domain = address.rsplit("@", 1)[1]
    charset = mail.get("charset", "utf-8").lower()
    body = mail["body"]
    try:
        body.encode(charset)
    except (LookupError, UnicodeEncodeError):
        charset = "utf-8"
    msg = EmailMessage()
    msg["From"] = formataddr((str(Header(name, "utf-8")) if name else "", address))
    msg["To"] = mail.get("to", DESK)
    msg["Subject"] = mail.get("subject", "")
    seconds = int(hashlib.sha256(mail["stem"].encode()).hexdigest()[:6], 16) % (86400 * 300)
    when = datetime(2026, 1, 5, tzinfo=UTC) + timedelta(seconds=seconds)
    msg["Date"] = mail.get("date") or format_datetime(when)
    msg["Message-ID"] = f"<corpus.{mail['stem']}@{domain}>"
    if mail.get("reply", "").lower() in ("yes", "true", "1"):
        earlier = (
            f"<desk.{hashlib.sha256(mail['stem'].encode()).hexdigest()[:12]}@cloudpartner.example>"
        )
        msg["In-Reply-To"] = earlier
        msg["References"] = earlier
    fmt = mail.get("format", "plain").lower()
    cte = "7bit" if charset == "iso-2022-jp" else "8bit" if charset != "utf-8" else None
    if fmt == "html":
        msg.set_content(_html(body), subtype="html", charset=charset, cte=cte)
    else:
        msg.set_content(body, charset=charset, cte=cte)
        if fmt == "both":
            msg.add_alternative(_html(body), subtype="html", charset=charset, cte=cte)
    if mail.get("attach"):
        msg.add_attachment(
            b"%PDF-1.4\n% placeholder\n",
            maintype="application",
            subtype="pdf",
            filename=mail["attach"],
        )
    return msg.as_bytes(policy=SMTP)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = args.out / "labels.csv"
    known: set[str] = set()
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as fh:
            known = {row["file"] for row in csv.DictReader(fh)}
    rows: list[dict[str, str]] = []
    try:
        for source in args.sources:
            for index, mail in enumerate(parse_source(source.read_text("utf-8"), str(source))):
                file = f"{mail['stem']}.eml"
                if file in known:
                    raise SourceError(f"{source}:{mail['line']}: {file} is already in {manifest}")
                status = mail.get("status", "").lower()
                if status not in STATUSES:
                    raise SourceError(f"{source}:{mail['line']}: status {status!r}")
                known.add(file)
                (args.out / file).write_bytes(compose(mail, index))
                rows.append(
                    {
                        "file": file,
                        "queue": mail["queue"],
                        "language": mail["lang"],
                        "kind": mail["kind"],
                        "note": mail["note"],
                        "customer_status": status,
                    }
                )
    except SourceError as exc:
        print(f"corpus_write: {exc}", file=sys.stderr)
        return 2
    new = not manifest.exists()
    with manifest.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        if new:
            writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} mails into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
