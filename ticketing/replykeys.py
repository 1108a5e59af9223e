"""The keys that sign our reply tokens: where they live, how they are made and rotated.

A reply token is only as strong as its key, so the key is 32 random bytes from
`secrets`, made by `ticketing init` and never derived from anything an outsider could
know (an install path, a host name). Without a key, commands that sign or verify
refuse to run rather than fall back to something guessable.

The key comes from `$TICKETING_SECRET` (the service's `secret_env`) when that is set:
its first whitespace-separated word signs, any further words still verify. Otherwise
from the key file (`secret_file`, default `<var_dir>/reply-keys`, mode 0600), one key
a line, the signing key first:

    <key> created=<ISO time>
    <older key> created=<ISO time> retired=<ISO time>

`rotate` puts a new key on top and marks the old one retired; a retired key verifies
for `secret_grace_days` more, so open conversations keep threading, and is dropped from
the file at the next rotation after that.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ticketing.atomic import write_atomically
from ticketing.config import Settings
from ticketing.errors import ConfigError

KEY_FILE_NAME = "reply-keys"
MIN_KEY_CHARS = 32
# The prefix of the key this service derived from the install path before it had a key
# file: anyone who can guess the path can compute it, so it is refused outright.
_OLD_DERIVED_PREFIX = "ticketing-local:"
_HOW_TO_CREATE = (
    "run `ticketing init` to create one, or set $TICKETING_SECRET to at least "
    f"{MIN_KEY_CHARS} random characters (e.g. `python3 -c 'import secrets; "
    "print(secrets.token_hex(32))'`)"
)


class SecretMissing(ConfigError):
    """No usable reply-token key is configured."""


@dataclass(frozen=True)
class KeyEntry:
    key: bytes
    created: datetime | None = None
    retired: datetime | None = None

    @property
    def fingerprint(self) -> str:
        """Names the key in output without revealing it."""
        return hashlib.sha256(self.key).hexdigest()[:12]


@dataclass(frozen=True)
class ReplyKeys:
    """The key that signs new tokens, and every key a token may still be verified with."""

    signing: bytes
    verifying: tuple[bytes, ...]  # `signing` first
    source: str  # where they came from, for messages ("$TICKETING_SECRET" or a path)


def key_file(settings: Settings) -> Path:
    configured = settings.service.secret_file
    return settings.path(configured) if configured else settings.var_path / KEY_FILE_NAME


def from_environment(settings: Settings) -> bool:
    """True when the keys come from the environment variable, not a file."""
    return bool(_env_value(settings))


def _env_value(settings: Settings) -> str:
    name = settings.service.secret_env
    return os.environ.get(name, "").strip() if name else ""


def _check_key(text: str, where: str) -> bytes:
    if text.startswith(_OLD_DERIVED_PREFIX):
        raise SecretMissing(
            f"{where}: this is the old key derived from the install path, which anyone "
            f"can compute; {_HOW_TO_CREATE}"
        )
    if len(text) < MIN_KEY_CHARS:
        raise SecretMissing(
            f"{where}: the key is too short to be unguessable "
            f"({len(text)} characters, at least {MIN_KEY_CHARS}); {_HOW_TO_CREATE}"
        )
    return text.encode("utf-8")


def _parse_time(value: str, where: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: not an ISO time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def read_entries(path: Path) -> list[KeyEntry]:
    """The keys of a key file, signing key first; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SecretMissing(f"no reply-token key: {path} does not exist; {_HOW_TO_CREATE}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretMissing(f"{path}: cannot read the reply-token key file: {exc}") from exc
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        where = f"{path}:{number}"
        attrs: dict[str, str] = {}
        for word in words[1:]:
            name, sep, value = word.partition("=")
            if not sep or name not in ("created", "retired"):
                raise ConfigError(f"{where}: expected created=TIME or retired=TIME, got {word!r}")
            attrs[name] = value
        entries.append(
            KeyEntry(
                key=_check_key(words[0], where),
                created=_parse_time(attrs["created"], where) if "created" in attrs else None,
                retired=_parse_time(attrs["retired"], where) if "retired" in attrs else None,
            )
        )
    if not entries:
        raise SecretMissing(f"no reply-token key: {path} holds no key; {_HOW_TO_CREATE}")
    if entries[0].retired is not None:
        raise ConfigError(f"{path}: the first key (the signing key) is marked retired")
    return entries


def _write_entries(path: Path, entries: list[KeyEntry]) -> None:
    lines = [
        "# ticketing reply-token keys: the first signs, retired ones verify for a grace period"
    ]
    for e in entries:
        words = [e.key.decode("utf-8")]
        if e.created:
            words.append(f"created={e.created.isoformat(timespec='seconds')}")
        if e.retired:
            words.append(f"retired={e.retired.isoformat(timespec='seconds')}")
        lines.append(" ".join(words))
    path.parent.mkdir(parents=True, exist_ok=True)
    # 0600 from the start, renamed over the old file: the key is never readable by
    # others, not even for a moment, and a crash leaves the old file.
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _new_entry(now: datetime) -> KeyEntry:
    return KeyEntry(key=secrets.token_hex(32).encode("ascii"), created=now)


def ensure_key(settings: Settings) -> tuple[Path | None, bool]:
    """Make sure a key exists: (the key file, or None for the environment; created?)."""
    if _env_value(settings):
        load(settings)  # the environment's key must be usable too
        return None, False
    path = key_file(settings)
    if path.exists():
        read_entries(path)
        return path, False
    _write_entries(path, [_new_entry(datetime.now(UTC))])
    return path, True


def rotate(settings: Settings, now: datetime | None = None) -> tuple[Path, list[KeyEntry]]:
    """A new signing key on top; the old signing key retired from now; keys past their
    grace period dropped. Returns the file and its entries, signing key first."""
    if _env_value(settings):
        raise ConfigError(
            f"the reply-token key comes from ${settings.service.secret_env}: put a new key "
            "first in that variable and keep the old one after it (separated by a space) "
            "for as long as old conversations should keep threading"
        )
    now = now or datetime.now(UTC)
    path = key_file(settings)
    entries = read_entries(path)
    grace = timedelta(days=settings.service.secret_grace_days)
    kept = [_new_entry(now), KeyEntry(entries[0].key, entries[0].created, now)]
    kept += [e for e in entries[1:] if e.retired is None or e.retired + grace > now]
    _write_entries(path, kept)
    return path, kept


def entries(settings: Settings) -> tuple[str, list[KeyEntry]]:
    """Where the keys come from and every key there, signing key first."""
    value = _env_value(settings)
    if value:
        where = f"${settings.service.secret_env}"
        return where, [KeyEntry(_check_key(w, where)) for w in value.split()]
    path = key_file(settings)
    return str(path), _cached_entries(path)


_cache: dict[Path, tuple[tuple[int, int, int], list[KeyEntry]]] = {}


def _cached_entries(path: Path) -> list[KeyEntry]:
    # A running service picks up a rotation at its next batch, for the price of a stat.
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise SecretMissing(f"no reply-token key: {path} does not exist; {_HOW_TO_CREATE}") from exc
    except OSError as exc:
        raise SecretMissing(f"{path}: cannot read the reply-token key file: {exc}") from exc
    stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
    hit = _cache.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    found = read_entries(path)
    _cache[path] = (stamp, found)
    return found


def load(settings: Settings, now: datetime | None = None) -> ReplyKeys:
    """The keys to sign and verify with; `SecretMissing` says how to create one."""
    source, found = entries(settings)
    now = now or datetime.now(UTC)
    grace = timedelta(days=settings.service.secret_grace_days)
    verifying = tuple(e.key for e in found if e.retired is None or e.retired + grace > now)
    return ReplyKeys(signing=found[0].key, verifying=verifying, source=source)
