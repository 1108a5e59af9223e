"""A stop request for `serve` (SIGTERM, SIGINT), noted from the first moment of the
process, so that a signal during start-up (imports, the database, the parse workers)
still ends the service cleanly with exit code 0 instead of killing it half-started.

`install()` runs before the CLI imports anything heavy (see ticketing/cli.py); the
service waits on `requested` and wakes every event in `wakeups`.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

log = logging.getLogger("ticketing.service")

requested = threading.Event()
wakeups: list[threading.Event] = []


def _handle(signum: int, _frame: FrameType | None) -> None:
    log.info("received signal %s: finishing the batch in flight", signum)
    requested.set()
    for event in wakeups:
        event.set()


def install() -> None:
    signal.signal(signal.SIGTERM, _handle)
    signal.signal(signal.SIGINT, _handle)
