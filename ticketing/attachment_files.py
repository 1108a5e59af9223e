"""Getting a ticket's attachments out: list them, save them under a folder the agent
names, or one into a private temporary folder to open.

A file is written only directly inside the folder given, under the safe form of the
sender's name (ticketing/filenames.py: never a directory the sender chose), and never
over an existing file: an existing name is refused, and the others are still saved.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from ticketing.blobstore import BlobStore
from ticketing.config import Settings
from ticketing.errors import NotFound, TicketingError
from ticketing.filenames import generated_name, safe_name
from ticketing.models import Attachment, Message, Ticket


def _rows(session: Session, ticket_id: int) -> list[tuple[Attachment, Message]]:
    if session.get(Ticket, ticket_id) is None:
        raise NotFound(f"no ticket {ticket_id}")
    return list(
        session.execute(
            select(Attachment, Message)
            .join(Message, col(Message.id) == col(Attachment.message_pk))
            .where(col(Message.ticket_id) == ticket_id)
            .order_by(col(Attachment.id))
        ).all()
    )


def file_name(attachment: Attachment, number: int) -> str:
    """The name it is saved under: the sender's, made safe, or one from its type."""
    return safe_name(attachment.filename) or generated_name(number, attachment.content_type)


def list_attachments(session: Session, ticket_id: int) -> list[dict[str, Any]]:
    """Every attachment of the ticket's messages, in order, with the name it saves as."""
    out = []
    for number, (a, m) in enumerate(_rows(session, ticket_id), start=1):
        out.append(
            {
                "id": a.id,
                "message": m.id,
                "direction": m.direction,
                "filename": a.filename,
                "save_as": file_name(a, number),
                "content_type": a.content_type,
                "size": a.size,
                "sha256": a.sha256,
                "inline": a.inline,
            }
        )
    return out


def _write_new(target: Path, data: bytes) -> None:
    """Create `target` with `data`; FileExistsError if anything has that name."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def save_attachments(
    session: Session,
    settings: Settings,
    ticket_id: int,
    directory: Path,
    only: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Write the ticket's attachments (or the one with id `only`) into `directory`.
    Returns `saved` (id, path) and `refused` (id, path, reason: the name exists)."""
    if not directory.is_dir():
        raise TicketingError(f"not a folder: {directory}")
    folder = directory.resolve()
    blobs = BlobStore(settings.path(settings.service.attachments_dir))
    listed = list_attachments(session, ticket_id)
    if only is not None:
        listed = [a for a in listed if a["id"] == only]
        if not listed:
            raise NotFound(f"ticket {ticket_id} has no attachment {only}")
    saved: list[dict[str, Any]] = []
    refused: list[dict[str, Any]] = []
    used: set[str] = set()
    for a in listed:
        name = a["save_as"]
        if name.lower() in used:  # two files of one ticket with the same name
            name = f"{a['id']}-{name}"
        used.add(name.lower())
        target = folder / name
        if target.parent != folder:  # safe_name leaves no separator; belt and braces
            raise TicketingError(f"refusing a name outside {folder}: {name!r}")
        try:
            _write_new(target, blobs.get(a["sha256"]))
        except FileExistsError:
            refused.append({"id": a["id"], "path": str(target), "reason": "exists"})
            continue
        except FileNotFoundError as exc:
            raise TicketingError(f"attachment {a['id']}: stored bytes missing ({exc})") from exc
        saved.append({"id": a["id"], "path": str(target)})
    return {"saved": saved, "refused": refused}


def save_for_opening(
    session: Session, settings: Settings, ticket_id: int, attachment_id: int
) -> Path:
    """One attachment saved into a new private temporary folder; its path."""
    folder = Path(tempfile.mkdtemp(prefix=f"ticket-{ticket_id}-"))
    result = save_attachments(session, settings, ticket_id, folder, only=attachment_id)
    return Path(result["saved"][0]["path"])
