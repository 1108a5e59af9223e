"""Message-IDs we issue, signed so that a reply referencing one proves it answers us.

Our Message-ID is `<tk.<ticket>.<nonce>.<sig>@domain>` with `sig` an HMAC over ticket
and nonce: only a person who received our mail can quote it back (invariant 7). The
keys come from `replykeys`; a token for one ticket never verifies for another, since the
ticket number is signed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence

_TOKEN = re.compile(r"^tk\.(\d+)\.([0-9a-f]{16})\.([0-9a-f]{20})@(.+)$")


def _sign(secret: bytes, ticket_id: int, nonce: str) -> str:
    return hmac.new(secret, f"{ticket_id}.{nonce}".encode(), hashlib.sha256).hexdigest()[:20]


def new_message_id(secret: bytes, domain: str, ticket_id: int | None) -> str:
    """A fresh Message-ID (without angle brackets) for an outbound message."""
    nonce = secrets.token_hex(8)
    if ticket_id is None:
        return f"tm.{nonce}.{secrets.token_hex(4)}@{domain}"
    return f"tk.{ticket_id}.{nonce}.{_sign(secret, ticket_id, nonce)}@{domain}"


def ticket_from_token(keys: Sequence[bytes], message_id: str) -> int | None:
    """The ticket id a Message-ID of ours was issued for, if its signature holds under
    one of `keys` (the signing key and the retired keys still in their grace period)."""
    m = _TOKEN.match(message_id)
    if not m:
        return None
    ticket_id, nonce, sig = int(m.group(1)), m.group(2), m.group(3)
    # Every key is tried, a match or not, so the time taken says nothing about which.
    valid = False
    for key in keys:
        valid |= hmac.compare_digest(sig, _sign(key, ticket_id, nonce))
    return ticket_id if valid else None


def token_claim(message_id: str) -> int | None:
    """The ticket id a Message-ID in our token format names, signed validly or not."""
    m = _TOKEN.match(message_id)
    return int(m.group(1)) if m else None
