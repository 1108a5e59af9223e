"""Fill a private Dovecot mailbox fast: write the messages as Maildir files straight into
the user's mail directory, then let Dovecot index them on the first SELECT.

APPEND over one IMAP connection costs a round trip and an fsync-free save per message
(about 1-3 ms each on loopback TLS); 20,000 files written directly take about a second.
The layout is the one tests/servers.py configures: `mail_location =
maildir:{root}/mail/%u`, INBOX at the Maildir's root, files owned by the mail uid (the
owner of `{root}/mail`). Dovecot assigns UIDs to new files in file-name order, which
starts with the delivery time: names carry increasing timestamps so UIDs follow the
generator's order (a reply always gets a higher UID than the mail it answers).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.servers import Dovecot, ImapAccount

BASE_TIMESTAMP = 1_770_000_000


def maildir_of(account: ImapAccount) -> Path:
    return account.dovecot.root / "mail" / account.username


def write_maildir(account: ImapAccount, messages: Iterable[bytes]) -> int:
    """Write `messages` into the account's INBOX as new mail; returns how many."""
    root = maildir_of(account)
    mail_root = root.parent
    uid, gid = mail_root.stat().st_uid, mail_root.stat().st_gid
    for sub in ("", "cur", "new", "tmp"):
        path = root / sub
        path.mkdir(exist_ok=True)
        os.chown(path, uid, gid)
        path.chmod(0o700)
    host = socket.gethostname().replace("/", "_").replace(":", "_")
    existing = len(os.listdir(root / "new")) + len(os.listdir(root / "cur"))
    count = 0
    pid = os.getpid()
    for i, raw in enumerate(messages, start=existing):
        name = f"{BASE_TIMESTAMP + i}.M{i % 1_000_000}P{pid}Q{i}.{host},S={len(raw)}"
        tmp = root / "tmp" / name
        # Maildir delivery: write in tmp/, then rename into new/ (atomic for readers).
        with open(tmp, "xb") as file:
            file.write(raw)
        os.chown(tmp, uid, gid)
        os.rename(tmp, root / "new" / name)
        count += 1
    return count


def index_mailbox(account: ImapAccount, folder: str = "INBOX") -> tuple[int, float]:
    """SELECT the folder so Dovecot indexes the new files; returns (messages, seconds)."""
    start = time.perf_counter()
    with account.client() as client:
        status = client.select_folder(folder, readonly=True)
        exists = int(status[b"EXISTS"])
    return exists, time.perf_counter() - start


def append_all(account: ImapAccount, messages: Iterable[bytes], folder: str = "INBOX") -> int:
    """APPEND over one connection (the slow, protocol-level way), for comparison."""
    count = 0
    with account.client() as client:
        for raw in messages:
            client.append(folder, raw)
            count += 1
    return count


def open_client(dovecot: Dovecot, account: ImapAccount) -> Any:
    """A logged-in IMAPClient over TLS that the caller closes (logout)."""
    from imapclient import IMAPClient

    client = IMAPClient(
        dovecot.host, dovecot.imaps_port, ssl=True, ssl_context=dovecot.ssl_context(), timeout=30
    )
    client.login(account.username, account.password)
    return client
