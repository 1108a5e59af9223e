"""Write a file so that a reader sees the old bytes or the new ones, never half.

The bytes go to a temporary file beside the target (created 0600 by `mkstemp`, so a
key or a mail is never readable by others, not even for a moment), are synced, and the
file is renamed over the target; on any failure the temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, prefix: str | None = None) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
