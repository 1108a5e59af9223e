"""Files uuencoded inside a text body: found, decoded and cut out of the text.

Old clients and some scripts still paste `begin 644 name` ... `end` blocks (and the
POSIX `begin-base64 644 name` ... `====` form) into a text/plain body instead of
attaching a MIME part. A block counts only when it is whole: the begin line, data lines
that are all valid, and its end line; anything else stays text, untouched. Works on the
body's bytes (after the transfer encoding, before the charset), so charset detection
sees only what the customer wrote. Pure.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

__all__ = ["UuFile", "decode_uu_lines", "extract"]

_BEGIN = re.compile(rb"^begin(-base64)?[ \t]+([0-7]{3,4})[ \t]+([^\r\n]*?)[ \t]*\r?$", re.M)
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")
_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/]*={0,2}")


@dataclass(frozen=True)
class UuFile:
    name: bytes  # as written on the begin line; the caller decodes it
    data: bytes


def extract(body: bytes) -> tuple[bytes, list[UuFile]]:
    """`body` without its whole uuencoded blocks, and the files they held."""
    if b"begin" not in body:
        return body, []
    files: list[UuFile] = []
    kept = bytearray()
    position = 0
    for begin in _BEGIN.finditer(body):
        if begin.start() < position:
            continue  # a "begin" line inside a block already taken
        block = _block(body, begin.end(), base64=bool(begin.group(1)))
        if block is None:
            continue
        data, end = block
        files.append(UuFile(begin.group(3), data))
        before = body[position : begin.start()]
        after_start = end
        # The block's own blank lines go with it: text, blank, block, blank, text
        # becomes text, blank, text.
        if not before.strip(b"\r\n") or before.endswith((b"\n\n", b"\r\n\r\n", b"\r\r")):
            while body[after_start : after_start + 1] in (b"\r", b"\n"):
                after_start += 1
        kept += before
        position = after_start
    if not files:
        return body, []
    kept += body[position:]
    return bytes(kept), files


def _block(body: bytes, start: int, base64: bool) -> tuple[bytes, int] | None:
    """(decoded data, offset after the end line) of the block whose data starts after
    `start` (the begin line's end), or None when it is not one whole valid block."""
    position = start
    if body[position : position + 2] == b"\r\n":
        position += 2
    elif body[position : position + 1] in (b"\r", b"\n"):
        position += 1
    else:
        return None  # the begin line is the last line
    lines: list[bytes] = []
    terminator = b"====" if base64 else b"end"
    while position < len(body):
        match = _LINE.match(body, position)
        if match is None or match.end() == position:
            break
        line = match.group().rstrip(b"\r\n")
        position = match.end()
        if line.rstrip() == terminator:
            data = _decode_base64(lines) if base64 else decode_uu_lines(lines, strict=True)
            return (data, position) if data is not None else None
        lines.append(line)
    return None  # no end line: not a block


def _decode_base64(lines: list[bytes]) -> bytes | None:
    compact = b"".join(line.strip() for line in lines)
    if not all(_BASE64_LINE.fullmatch(line.strip()) for line in lines):
        return None
    try:
        return binascii.a2b_base64(compact, strict_mode=True)
    except binascii.Error:
        return None


def decode_uu_lines(lines: list[bytes], strict: bool = False) -> bytes | None:
    """The data of uuencoded lines (between begin and end).

    `strict`: None when a line is not uuencoding (how prose after a "begin 644" line in
    a letter is told from a block). Otherwise bad lines are skipped; some encoders drop
    trailing spaces, so a short line is decoded for just what its length byte says."""
    out = bytearray()
    for line in lines:
        if not line.strip() or line.strip() == b"`":
            continue  # the zero-length line before "end"
        count = ((line[0] - 32) & 63) if line else 0
        wanted = 1 + (count * 4 + 2) // 3  # the length byte, then 4 characters per 3 bytes
        characters_ok = all(32 <= c <= 96 for c in line)
        # One extra character is allowed: some encoders pad every line to a multiple of 4.
        if strict and (not characters_ok or len(line) > wanted + 4):
            return None
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            try:
                out += binascii.a2b_uu(line[:wanted])
            except binascii.Error:
                if strict:
                    return None
    return bytes(out)
