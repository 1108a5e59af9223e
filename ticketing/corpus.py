"""The labelled routing corpus: .eml files and one manifest per folder.

    corpus/train/labels.csv        what the model learns from
    corpus/sealed/<batch>/labels.csv   evaluation batches: measured, never trained on

A manifest has the columns `file, queue, language, kind, note` and optionally
`customer_status` (the sender's account status when it matters to the label). Every
`.eml` file in a folder has exactly one row, and every row names a file that exists: a
mismatch is a `CorpusError` naming the manifest and the line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ticketing.errors import TicketingError

MANIFEST = "labels.csv"
COLUMNS = ("file", "queue", "language", "kind", "note")
LANGUAGES = ("en", "ja")
STATUSES = ("", "active", "delinquent", "suspended")


class CorpusError(TicketingError):
    """A corpus folder or its manifest is not what the loader expects."""


@dataclass(frozen=True)
class LabelledMail:
    """One corpus mail and the queue a careful agent routes it to."""

    path: Path
    queue: str
    language: str
    kind: str
    note: str
    customer_status: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    def raw(self) -> bytes:
        return self.path.read_bytes()


def default_root() -> Path:
    """The corpus shipped with ticketing (`corpus/`; see resources.py)."""
    from ticketing import resources

    return resources.shipped(resources.CORPUS)


def load_corpus(folder: Path, *, queues: Sequence[str] | None = None) -> list[LabelledMail]:
    """Every labelled mail of one corpus folder, in manifest order."""
    manifest = folder / MANIFEST
    try:
        with manifest.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise CorpusError(f"{manifest}:1: missing columns: {', '.join(missing)}")
            rows = [(reader.line_num, row) for row in reader]
    except OSError as exc:
        raise CorpusError(f"{manifest}: cannot read the corpus manifest: {exc}") from exc
    mails: list[LabelledMail] = []
    seen: set[str] = set()
    for line, row in rows:
        where = f"{manifest}:{line}"
        name = (row.get("file") or "").strip()
        queue = (row.get("queue") or "").strip()
        language = (row.get("language") or "").strip()
        status = (row.get("customer_status") or "").strip()
        if not name.endswith(".eml") or "/" in name:
            raise CorpusError(f"{where}: file {name!r} is not an .eml file name")
        if name in seen:
            raise CorpusError(f"{where}: {name} is listed twice")
        if queues is not None and queue not in queues:
            raise CorpusError(f"{where}: queue {queue!r} is not one of {', '.join(queues)}")
        if language not in LANGUAGES:
            raise CorpusError(f"{where}: language {language!r} is not one of en, ja")
        if status not in STATUSES:
            raise CorpusError(f"{where}: customer_status {status!r} is not a known status")
        path = folder / name
        if not path.is_file():
            raise CorpusError(f"{where}: {name} does not exist in {folder}")
        seen.add(name)
        mails.append(
            LabelledMail(
                path=path,
                queue=queue,
                language=language,
                kind=(row.get("kind") or "").strip(),
                note=(row.get("note") or "").strip(),
                customer_status=status or None,
            )
        )
    unlisted = sorted(p.name for p in folder.glob("*.eml") if p.name not in seen)
    if unlisted:
        raise CorpusError(
            f"{manifest}: {len(unlisted)} .eml files have no label, e.g. {unlisted[0]}"
        )
    return mails


def training_folder(root: Path | None = None) -> Path:
    return (root or default_root()) / "train"


def sealed_batches(root: Path | None = None) -> dict[str, Path]:
    """The sealed evaluation batches by name, e.g. {"s1": corpus/sealed/s1}."""
    sealed = (root or default_root()) / "sealed"
    if not sealed.is_dir():
        return {}
    folders = [p for p in sealed.iterdir() if (p / MANIFEST).is_file()]
    folders.sort(key=lambda p: batch_order(p.name))
    return {p.name: p for p in folders}


def batch_order(name: str) -> list[int | str]:
    """Sort key for batch names: s2 before s10 (digits compare as numbers)."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]
