"""Leadership leases: exactly one `serve` worker polls a given mailbox at a time.

On PostgreSQL the lease is a session-level advisory lock held on a dedicated
connection: when its holder dies the connection drops, the server releases the lock,
and another worker's next attempt takes it over. On SQLite (one machine by design)
the same guarantee comes from an exclusive `flock` on a file under `var/locks/`,
which the kernel releases when the process dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text
from sqlalchemy.engine import Engine


def _lock_key(name: str) -> int:
    # A stable signed 64-bit key: advisory locks take a bigint.
    return int.from_bytes(
        hashlib.sha256(f"ticketing:{name}".encode()).digest()[:8], "big", signed=True
    )


class Lease:
    """A named, exclusive, non-blocking lease; `acquire()` says whether we hold it."""

    def __init__(self, engine: Engine, name: str, lock_dir: Path) -> None:
        self.engine = engine
        self.name = name
        self.lock_dir = lock_dir
        self._conn: Any = None
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def acquire(self) -> bool:
        if self.held:
            return self.alive()
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            try:
                got = bool(
                    conn.execute(
                        text("SELECT pg_try_advisory_lock(:k)"), {"k": _lock_key(self.name)}
                    ).scalar()
                )
                conn.commit()
            except Exception:
                conn.close()
                raise
            if got:
                self._conn = conn
            else:
                conn.close()
            return got
        self.lock_dir.mkdir(parents=True, exist_ok=True)
        safe = hashlib.sha256(self.name.encode()).hexdigest()[:16]
        handle = open(self.lock_dir / f"{safe}.lock", "ab")  # noqa: SIM115 - held for the lease's life
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.write(f"{os.getpid()} {self.name}\n".encode())
        handle.flush()
        self._file = handle
        return True

    def alive(self) -> bool:
        """Whether the lease is still ours (a dropped PostgreSQL connection loses it)."""
        if self._file is not None:
            return True
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1"))
            self._conn.commit()
            return True
        except Exception:
            self.release()
            return False

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.execute(
                    text("SELECT pg_advisory_unlock(:k)"), {"k": _lock_key(self.name)}
                )
                self._conn.commit()
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if self._file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
