"""JSON text serialised ahead of time, and the engines' serialiser that stores it as is.

A parse worker turns a routing decision into JSON text in its own process; encoding that
text again in the ingesting process would both waste the work and store a JSON string.
"""

from __future__ import annotations

import json
from typing import Any


class RawJSON(str):
    """JSON text already serialised: stored as is, not encoded again."""


def json_serializer(value: Any) -> str:
    """The JSON serialiser of every engine: `RawJSON` passes through, the rest is dumped."""
    if isinstance(value, RawJSON):
        return str(value)
    return json.dumps(value)
