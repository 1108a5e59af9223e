"""Invoice numbers in one canonical form, whoever wrote them: the mail extractor
(`normalize = "invoice"` in config/rules.toml), an agent's `--invoice`, a customers CSV.

`inv-2026-0042`, `INV 2026 0042`, `INV2026-0042` and the full-width
`ＩＮＶ－２０２６－００４２` are one invoice, `INV-2026-0042`. Any other reference (a
vendor's `G012345678`, a bare `123456`) is kept as written, upper-cased, with Unicode
compatibility forms folded and runs of spaces made one. Pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata

from ticketing.errors import TicketingError

MAX_LENGTH = 120  # the width of the invoice columns

# Our own numbers: INV, the year, a serial; any (or no) separator between the parts.
_OURS = re.compile(r"INV[ _./-]*(\d{4})[ _./-]*(\d{3,6})")
# Dashes a Japanese IME or a word processor types for "-"; NFKC leaves them alone
# (the katakana prolonged sound mark ー is what 全角 input often gives between digits).
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc", "-"))


class InvalidInvoice(TicketingError):
    """Text that cannot be an invoice number (empty, too long, control characters)."""


def canonical_invoice(raw: str) -> str:
    """The canonical form of an invoice number; InvalidInvoice if it cannot be one."""
    text = unicodedata.normalize("NFKC", raw).translate(_DASHES)
    text = " ".join(text.split()).upper().lstrip("#").strip()
    if not text:
        raise InvalidInvoice(f"not an invoice number: {raw!r} (empty)")
    ours = _OURS.fullmatch(text)
    if ours:
        return f"INV-{ours.group(1)}-{ours.group(2)}"
    if len(text) > MAX_LENGTH or not text.isprintable():
        raise InvalidInvoice(f"not an invoice number: {raw!r}")
    return text
