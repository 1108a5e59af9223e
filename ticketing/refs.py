"""Ticket references as customers see them: `BILL-42` in a subject as `[BILL-42]`."""

from __future__ import annotations

import re
from functools import lru_cache


def format_ref(tag: str, ticket_id: int) -> str:
    return f"{tag}-{ticket_id}"


@lru_cache(maxsize=8)
def _subject_pattern(tag: str) -> re.Pattern[str]:
    # Full-width brackets appear when a Japanese IME or client rewrites the subject.
    return re.compile(rf"[\[［]\s*{re.escape(tag)}\s*[-－#]\s*(\d{{1,12}})\s*[\]］]", re.IGNORECASE)


def refs_in_subject(tag: str, subject: str) -> list[int]:
    """Ticket ids referenced as `[TAG-N]` in a subject, in order of appearance."""
    return [int(m.group(1)) for m in _subject_pattern(tag).finditer(subject)]
