"""Write the .eml files of the world fixture set from manifest.json (the source of truth).

    python tests/data/world/make_world.py           # (re)write every .eml next to the manifest
    python tests/data/world/make_world.py --check   # exit 1 if a file differs from what it would write

Deterministic: the same manifest always gives the same bytes. Each mail is written exactly
as its entry declares it, the deliberately wrong declarations included: `charset` is what
the body bytes really are, `declared_charset` is the label written (null: no charset
parameter at all), `subject_encoding` / `from_encoding` say how the header is written
(ascii, raw 8-bit bytes, RFC 2047 B or Q words, split words, words in several charsets).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import html
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
OUR_ADDRESS = "Billing Support <billing@example.com>"
MAX_WORD = 75  # RFC 2047: an encoded word is at most 75 characters
RTL = frozenset({"ar", "he"})

# Labels Python's codecs do not know, or know as something narrower than what mail means.
_CODEC = {
    "iso-8859-8-i": "iso8859_8",
    "windows-874": "cp874",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "tis-620": "tis_620",
}
# Windows-1258 writes Vietnamese tone marks as combining characters after the letter.
_VIETNAMESE_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def encode(text: str, label: str) -> bytes:
    """`text` in the charset `label`, as a mail client using that label would write it."""
    if label.lower() == "windows-1258":
        return _encode_cp1258(text)
    return text.encode(_CODEC.get(label.lower(), label))


def _encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _VIETNAMESE_TONES))
        tones = "".join(c for c in parts if c in _VIETNAMESE_TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


# -- headers ------------------------------------------------------------------------------

_Q_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def _q(data: bytes) -> str:
    return "".join("_" if b == 0x20 else chr(b) if b in _Q_SAFE else f"={b:02X}" for b in data)


def _word(data: bytes, label: str, kind: str) -> str:
    payload = base64.b64encode(data).decode() if kind == "B" else _q(data)
    return f"=?{label}?{kind}?{payload}?="


def _chunks(text: str, label: str, kind: str) -> list[str]:
    """`text` cut at character boundaries into pieces whose encoded words fit MAX_WORD."""
    pieces: list[str] = []
    current = ""
    for char in text:
        if current and len(_word(encode(current + char, label), label, kind)) > MAX_WORD:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def encoded_words(text: str, label: str, kind: str) -> str:
    return "\r\n ".join(_word(encode(p, label), label, kind) for p in _chunks(text, label, kind))


def subject_header(entry: dict[str, Any]) -> bytes:
    text, how, label = entry["subject"], entry["subject_encoding"], entry["subject_charset"]
    if how == "ascii":
        return text.encode("ascii")
    if how == "raw":
        return encode(text, label)
    if how in ("B", "Q"):
        return encoded_words(text, label, how).encode("ascii")
    if how == "B-split":
        middle = len(text) // 2
        words = [_word(encode(p, label), label, "B") for p in (text[:middle], text[middle:])]
        return "\r\n ".join(words).encode("ascii")
    if how == "B-split-bytes":
        # Cut inside a character: each word is whole base64, neither is whole text.
        data = encode(text, label)
        cut = len(data) // 2
        while cut < len(data) and _decodes(data[:cut], label):
            cut += 1
        words = [_word(p, label, "B") for p in (data[:cut], data[cut:])]
        return "\r\n ".join(words).encode("ascii")
    if how == "B-split-stream":
        # One base64 stream cut into words anywhere (not on 4-character quanta).
        stream = base64.b64encode(encode(text, label)).decode()
        cut = len(stream) // 2 + 1 if (len(stream) // 2) % 4 == 0 else len(stream) // 2
        return f"=?{label}?B?{stream[:cut]}?=\r\n =?{label}?B?{stream[cut:]}?=".encode("ascii")
    if how == "mixed":
        return "\r\n ".join(
            _word(encode(t, cs), cs, kind) for t, cs, kind in entry["subject_words"]
        ).encode("ascii")
    raise ValueError(f"{entry['file']}: unknown subject_encoding {how!r}")


def _decodes(data: bytes, label: str) -> bool:
    try:
        data.decode(_CODEC.get(label.lower(), label))
    except UnicodeDecodeError:
        return False
    return True


def from_header(entry: dict[str, Any]) -> bytes:
    name, email, how = entry["from_name"], entry["from_email"], entry["from_encoding"]
    label = entry["from_charset"]
    address = f"<{email}>".encode()
    if how == "none" or not name:
        return email.encode()
    if how == "ascii":
        return name.encode("ascii") + b" " + address
    if how == "quoted":
        return b'"' + name.encode("ascii") + b'" ' + address
    if how == "raw":
        raw = encode(name, label)
        return (b'"' + raw + b'"' if "," in name else raw) + b" " + address
    if how in ("B", "Q"):
        return encoded_words(name, label, how).encode("ascii") + b" " + address
    if how == "quoted-ew":
        return b'"' + _word(encode(name, label), label, "Q").encode("ascii") + b'" ' + address
    raise ValueError(f"{entry['file']}: unknown from_encoding {how!r}")


# -- bodies -------------------------------------------------------------------------------


def plain_text(entry: dict[str, Any]) -> str:
    text = entry["new_text"]
    if entry.get("mobile_signature"):
        text += "\n\n" + entry["mobile_signature"]
    if entry.get("signature"):
        text += "\n\n-- \n" + entry["signature"]
    uu = entry.get("uuencode")
    if uu:
        text += "\n\n" + _uuencode(uu["name"], uu["content"].encode()) + "\n"
    quote = entry.get("quote")
    if quote:
        quoted = "\n".join(quote["prefix"] + line for line in quote["text"].split("\n"))
        text += "\n\n" + quote["attribution"] + "\n" + quoted
    return text + "\n"


def html_text(entry: dict[str, Any]) -> str:
    direction = ' dir="rtl"' if entry["language"] in RTL else ""
    paragraphs = "".join(
        f"<p>{html.escape(p, quote=False)}</p>" for p in entry["new_text"].split("\n\n")
    )
    quote = entry.get("quote")
    if quote:
        paragraphs += (
            f"<div>{html.escape(quote['attribution'], quote=False)}</div>"
            f"<blockquote>{html.escape(quote['text'], quote=False).replace(chr(10), '<br>')}"
            "</blockquote>"
        )
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html"></head>'
        f"<body{direction}>{paragraphs}</body></html>\n"
    )


def _uuencode(name: str, data: bytes) -> str:
    lines = [f"begin 644 {name}"]
    for i in range(0, len(data), 45):
        lines.append(binascii.b2a_uu(data[i : i + 45]).decode().rstrip("\n"))
    lines += ["`", "end"]
    return "\n".join(lines)


def _transfer(data_lf: bytes, cte: str, file: str) -> bytes:
    """Body bytes (LF line ends, in their charset) encoded for the wire, CRLF line ends."""
    if cte in ("7bit", "8bit"):
        if cte == "7bit" and not data_lf.isascii():
            raise ValueError(f"{file}: 7bit body with 8-bit bytes")
        return data_lf.replace(b"\n", b"\r\n")
    if cte == "quoted-printable":
        return binascii.b2a_qp(data_lf).replace(b"\n", b"\r\n")
    if cte == "base64":
        return base64.encodebytes(data_lf.replace(b"\n", b"\r\n")).replace(b"\n", b"\r\n")
    raise ValueError(f"{file}: unknown transfer_encoding {cte!r}")


def _text_part(entry: dict[str, Any], subtype: str, text: str) -> bytes:
    charset, declared, cte = entry["charset"], entry["declared_charset"], entry["transfer_encoding"]
    if charset.lower() == "utf-16":
        data = text.replace("\n", "\r\n").encode("utf-16")
        body = base64.encodebytes(data).replace(b"\n", b"\r\n")
    else:
        body = _transfer(encode(text, charset), cte, entry["file"])
    label = f'; charset="{declared}"' if declared else ""
    return (
        f"Content-Type: text/{subtype}{label}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
        + body
    )


def _attachment_part(att: dict[str, Any]) -> bytes:
    name, ctype, how, label = (
        att["name"],
        att["content_type"],
        att["name_encoding"],
        att["name_charset"],
    )
    if how == "plain":
        type_line = f'{ctype}; name="{name}"'
        disposition = f'attachment; filename="{name}"'
    elif how == "name-only":
        type_line, disposition = f'{ctype}; name="{name}"', "attachment"
    elif how == "rfc2231":
        type_line = ctype
        disposition = f"attachment; filename*={label}''{url_quote(encode(name, label), safe='')}"
    elif how == "rfc2231-continued":
        encoded = url_quote(encode(name, label), safe="")
        pieces = _percent_pieces(encoded, 24)
        sections = ";\r\n ".join(
            f"filename*{i}*={label}''{p}" if i == 0 else f"filename*{i}*={p}"
            for i, p in enumerate(pieces)
        )
        type_line, disposition = ctype, f"attachment;\r\n {sections}"
    elif how == "rfc2047":
        word = encoded_words(name, label, "B").replace("\r\n ", " ")
        type_line = f'{ctype}; name="{word}"'
        disposition = f'attachment; filename="{word}"'
    elif how == "name-only-rfc2047":
        word = encoded_words(name, label, "B").replace("\r\n ", " ")
        type_line, disposition = f'{ctype}; name="{word}"', "attachment"
    else:
        raise ValueError(f"attachment {name!r}: unknown name_encoding {how!r}")
    body = base64.encodebytes(att["content"].encode()).replace(b"\n", b"\r\n")
    return (
        f"Content-Type: {type_line}\r\nContent-Disposition: {disposition}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n".encode()
        + body
    )


def _percent_pieces(encoded: str, size: int) -> list[str]:
    """`encoded` cut into pieces of about `size`, never inside a %XX escape."""
    pieces: list[str] = []
    current = ""
    i = 0
    while i < len(encoded):
        token = encoded[i : i + 3] if encoded[i] == "%" else encoded[i]
        if len(current) + len(token) > size and current:
            pieces.append(current)
            current = ""
        current += token
        i += len(token)
    if current:
        pieces.append(current)
    return pieces


def _multipart(subtype: str, boundary: str, parts: list[bytes]) -> bytes:
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\n'.encode()
    for part in parts:
        out += f"--{boundary}\r\n".encode() + part
        if not part.endswith(b"\r\n"):
            out += b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def _forwarded(entry: dict[str, Any], stem: str) -> bytes:
    fwd = entry["forward"]
    inner_parts = [
        b'Content-Type: text/plain; charset="us-ascii"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n'
        + fwd["text"].encode("ascii")
        + b"\r\n",
        *(_attachment_part(a) for a in fwd["attachments"]),
    ]
    inner = (
        f"From: {fwd['from']}\r\nTo: {entry['from_email']}\r\nSubject: {fwd['subject']}\r\n"
        "Date: Thu, 30 Apr 2026 16:00:00 +0000\r\n"
        f"Message-ID: <inner-{stem}@vendor.example>\r\nMIME-Version: 1.0\r\n".encode()
        + _multipart("mixed", f"inner-{stem}", inner_parts)
    )
    return b"Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + inner


def body_part(entry: dict[str, Any], stem: str) -> bytes:
    if entry["html"] == "only":
        main = _text_part(entry, "html", html_text(entry))
    elif entry["html"] == "alternative":
        main = _multipart(
            "alternative",
            f"alt-{stem}",
            [
                _text_part(entry, "plain", plain_text(entry)),
                _text_part(entry, "html", html_text(entry)),
            ],
        )
    else:
        main = _text_part(entry, "plain", plain_text(entry))
    extra = [_attachment_part(a) for a in entry["attachments"]]
    if entry.get("forward"):
        extra.append(_forwarded(entry, stem))
    if not extra:
        return main
    return _multipart("mixed", f"mixed-{stem}", [main, *extra])


def build(entry: dict[str, Any], index: int) -> bytes:
    stem = entry["file"].removesuffix(".eml")
    domain = entry["from_email"].rsplit("@", 1)[1]
    head = (
        b"From: "
        + from_header(entry)
        + b"\r\n"
        + f"To: {OUR_ADDRESS}\r\n".encode()
        + b"Subject: "
        + subject_header(entry)
        + b"\r\n"
        + f"Date: Mon, 04 May 2026 {9 + index // 60:02d}:{index % 60:02d}:00 +0000\r\n".encode()
        + f"Message-ID: <world-{stem}@{domain.encode('idna').decode()}>\r\n".encode()
        + b"MIME-Version: 1.0\r\n"
    )
    return head + body_part(entry, stem)


def load_manifest(path: Path = MANIFEST) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for index, entry in enumerate(load_manifest()):
        data = build(entry, index)
        path = HERE / entry["file"]
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(entry["file"])
        else:
            path.write_bytes(data)
    if stale:
        print("out of date:", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
