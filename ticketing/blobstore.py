"""A content-addressed store for attachment and large message bytes.

A blob lives at `<root>/ab/cd/<sha256>`: the path is built from the hash only, never
from a name a sender chose, and writing the same bytes twice stores them once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ticketing.atomic import write_atomically


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, sha256: str | None = None) -> str:
        digest = sha256 or hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves a truncated blob under a valid name.
        write_atomically(target, data, prefix=".incoming-")
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()
