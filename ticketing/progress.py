"""One progress bar for long commands (ingest of many files, rules replay, collections
run, customers import, routing train, mailbox reconcile).

Shown on standard error, and only when that is a terminal and the command prints text
(not `--json`); $TICKETING_PROGRESS=1 shows it anyway, =0 never. Standard output is
never touched, so what a command prints is the same with and without the bar.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# advance(done, total): `done` items of `total` (None while the total is unknown).
Advance = Callable[[int, "int | None"], None]


def _nothing(done: int, total: int | None = None) -> None:
    return None


def wanted(*, as_json: bool = False) -> bool:
    forced = os.environ.get("TICKETING_PROGRESS", "")
    if forced in ("0", "1"):
        return forced == "1"
    return not as_json and sys.stderr.isatty()


@contextmanager
def progress_bar(what: str, *, as_json: bool = False) -> Iterator[Advance]:
    """A callback to report progress with; the bar (if any) is gone when this ends."""
    if not wanted(as_json=as_json):
        yield _nothing
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f}/s" if speed else "", style="progress.data.speed")

    forced = os.environ.get("TICKETING_PROGRESS") == "1"
    bar = Progress(
        TextColumn(what),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        console=Console(stderr=True, force_terminal=forced or None),
        transient=True,
    )
    with bar:
        task = bar.add_task(what, total=None)

        def advance(done: int, total: int | None = None) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
