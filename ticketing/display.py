"""Text from mail made safe to print on an agent's terminal, and JSON that stays safe.

A subject can carry terminal escape sequences (`ESC ] 0 ; ... BEL` sets the window
title, `ESC [ 31 m` colours, `\\r` rewrites the line), C1 controls (U+009B is a CSI on
some terminals), bidi overrides that show `invoice\\u202efdp.exe` as `invoiceexe.pdf`,
and invisible characters that hide text. What the CLI prints from the database goes
through `line` or `text`; what is stored stays untouched. Pure: no I/O.

Visible replacements rather than deletion, so that neither two words nor an attack
silently disappear: a C0 control becomes its Unicode control picture (ESC shows as ␛),
a C1 control or a bidi control becomes U+FFFD. Zero-width and invisible format
characters are dropped: they showed as nothing anyway, so nothing can join.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps", "json_safe", "line", "text"]

_REPLACEMENT = "\ufffd"
# Bidi embeddings, overrides and isolates (the "Trojan Source" set) and the marks.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
# Invisible format characters that can hide text: zero-width space, word joiner and the
# invisible operators, the BOM / zero-width no-break space, the Mongolian vowel
# separator, interlinear annotation marks, and the tag characters ("ASCII smuggling").
# Zero-width (non-)joiners stay: emoji sequences and Indic and Persian text need them.
_INVISIBLE = (
    0x180E,
    0x200B,
    *range(0x2060, 0x2065),
    0xFEFF,
    *range(0xFFF9, 0xFFFC),
    *range(0xE0000, 0xE0080),
)


def _table(multiline: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {c: chr(0x2400 + c) for c in range(0x20)}  # ␀ ... ␟
    table[0x7F] = "\u2421"  # ␡
    table.update(dict.fromkeys(range(0x80, 0xA0), _REPLACEMENT))
    table.update(dict.fromkeys(_BIDI, _REPLACEMENT))
    table.update(dict.fromkeys(_INVISIBLE))
    if multiline:
        table[0x09] = "\t"
        table[0x0A] = "\n"
        table[0x2028] = table[0x2029] = "\n"
    else:
        table[0x09] = " "
        table[0x2028] = table[0x2029] = " "
    return table


_LINE = _table(multiline=False)
_TEXT = _table(multiline=True)
# json.dumps already escapes C0; the rest of what `line` changes is escaped by `dumps`.
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_LINE) if c >= 0x7F) + "]")


def line(value: str) -> str:
    """`value` for one line of output: every control, line break and tab made visible."""
    return value.translate(_LINE)


def text(value: str) -> str:
    """`value` for multi-line output: line breaks and tabs kept, every other control made
    visible. CRLF counts as one line break; a lone CR (which would rewrite the line) not."""
    if "\r" in value:
        value = value.replace("\r\n", "\n")
    return value.translate(_TEXT)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON escapes astral characters as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_safe(json_text: str) -> str:
    """JSON text (from json.dumps) with every character `line` would change (C0 and C1
    controls, DEL, bidi controls, invisible format characters, U+2028/2029) as a \\uXXXX
    escape, so a script reads exactly what is stored and a terminal shows no control.
    JSON syntax is all ASCII, so such characters only ever occur inside strings, and
    escaping them there keeps the document's meaning."""
    return _UNSAFE.sub(_escape, json_text)


def dumps(data: Any) -> str:
    """JSON for `--json`: UTF-8 text as written (Japanese stays readable), `json_safe`."""
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str))
