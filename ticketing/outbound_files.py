"""Files an agent attaches to a reply (`tickets reply --attach FILE`): read and checked
when the reply is queued, and written as MIME parts of the outgoing message.

The whole message, attachments included, is composed at queue time and kept in the
outbox row, so a file changed or removed afterwards, or a restart before sending,
changes nothing about what goes out. The files also go to the blob store with an
attachment row on the agent's message, so `tickets show` and `tickets attachment`
list and save them like a customer's.
"""

from __future__ import annotations

import base64
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import encode_rfc2231
from pathlib import Path

from ticketing.errors import TicketingError
from ticketing.filenames import content_type_for, safe_name


@dataclass(frozen=True)
class OutboundFile:
    filename: str  # the base name sent: never the agent's path
    content_type: str
    data: bytes


def read_attachments(paths: Sequence[str], limit: int) -> list[OutboundFile]:
    """Each file as an OutboundFile; TicketingError naming the file when one is not a
    readable regular file, or when they come to more than `limit` bytes together."""
    files: list[OutboundFile] = []
    total = 0
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except OSError as exc:
            raise TicketingError(f"--attach {given}: {exc.strerror or exc}") from exc
        if not stat.S_ISREG(info.st_mode):
            raise TicketingError(f"--attach {given}: not a regular file")
        total += info.st_size
        if total > limit:
            raise TicketingError(
                f"--attach {given}: the attachments come to more than {_size(limit)} "
                f"([service] max_reply_attachment_bytes = {limit}); send a link instead"
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TicketingError(f"--attach {given}: {exc.strerror or exc}") from exc
        name = safe_name(path.name) or "attachment"
        files.append(OutboundFile(name, content_type_for(name), data))
    return files


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def attachment_part(file: OutboundFile) -> bytes:
    """One MIME part: base64 in 76-character lines, the name in RFC 2231 form when it is
    not plain ASCII (and as a quoted string otherwise)."""
    if file.filename.isascii():
        quoted = file.filename.replace("\\", "\\\\").replace('"', '\\"')
        name, filename = f'name="{quoted}"', f'filename="{quoted}"'
    else:
        encoded = encode_rfc2231(file.filename, "utf-8")
        name, filename = f"name*={encoded}", f"filename*={encoded}"
    body = base64.encodebytes(file.data).replace(b"\n", b"\r\n")
    head = (
        f"Content-Type: {file.content_type}; {name}\r\n"
        f"Content-Disposition: attachment; {filename}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode("ascii")
    return head + body
