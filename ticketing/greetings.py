"""Does an agent's reply already open with a greeting? Then the reply template leaves
out its own ("Dear Ms Tanaka," twice reads as a mistake to the customer)."""

from __future__ import annotations

import re

# The first line of the text, in the languages the desk answers in and a few more.
_GREETING = re.compile(
    r"""^\s*(?:
        (?:dear|hello|hi|hey|greetings|good\s+(?:morning|afternoon|evening))\b
      | (?:hallo|guten\s+(?:tag|morgen|abend)|sehr\s+geehrte[rs]?|liebe[rs]?)\b
      | (?:bonjour|bonsoir|chère?s?|madame|monsieur)\b
      | (?:hola|estimad[oa]s?|buen[oa]s\s+(?:días|tardes|noches))\b
      | (?:いつもお世話になっております|お世話になっております|こんにちは|拝啓)
      | .{1,40}(?:様|さま|御中)\s*[、,]?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def opens_with_greeting(text: str) -> bool:
    """True when the first non-empty line of `text` is a salutation."""
    for line in text.splitlines():
        if line.strip():
            return bool(_GREETING.match(line))
    return False
