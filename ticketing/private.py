"""Keep mail, customer data and keys private to the service's own user.

Everything under `var_dir` (the database, its -wal and -shm files, the attachment store,
the outbound Maildir, the reply-token keys) holds customers' mail. The CLI sets a umask
of 077 before it creates anything, so new directories are 0700 and new files 0600
whatever the operator's shell had; `init` tightens what already exists; `config check`
reports anything looser (`loose_paths`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ticketing.config import Settings

PRIVATE_UMASK = 0o077
# `config check` names at most this many loose paths, then counts the rest.
REPORT_AT_MOST = 20


def restrict_umask() -> None:
    """New files and directories of this process (and the workers it starts) are private."""
    os.umask(PRIVATE_UMASK)


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) if needed and make it 0700."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)


def sqlite_path(settings: Settings) -> Path | None:
    """The SQLite database file, or None for another database or an in-memory one."""
    url = settings.database_url
    if not url.startswith("sqlite") or "///" not in url:
        return None
    rest = url.split("///", 1)[1].split("?", 1)[0]
    return Path(rest) if rest and rest != ":memory:" else None


def _database_files(settings: Settings) -> list[Path]:
    db = sqlite_path(settings)
    if db is None:
        return []
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def _walk(root: Path) -> Iterator[Path]:
    yield root
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        for name in (*dirnames, *filenames):
            yield base / name


def _too_open(path: Path) -> int | None:
    try:
        st = path.lstat()
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return None
    mode = stat.S_IMODE(st.st_mode)
    return mode if mode & 0o077 else None


def tighten(settings: Settings) -> int:
    """Make `var_dir` and everything in it, and the SQLite files, private; how many
    paths were changed."""
    changed = 0
    var = settings.var_path
    make_private_dir(var)
    for path in [*_walk(var), *_database_files(settings)]:
        mode = _too_open(path)
        if mode is None:
            continue
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
        changed += 1
    return changed


def loose_paths(settings: Settings) -> list[str]:
    """One line per path under `var_dir` (and the SQLite files) that group or others
    may access, each with its mode; the last line counts those not listed."""
    problems: list[str] = []
    count = 0
    var = settings.var_path
    paths = [*_walk(var)] if var.exists() else []
    for path in [*paths, *_database_files(settings)]:
        mode = _too_open(path)
        if mode is None:
            continue
        count += 1
        if count <= REPORT_AT_MOST:
            problems.append(f"{path} (mode {mode:04o})")
    if count > REPORT_AT_MOST:
        problems.append(f"and {count - REPORT_AT_MOST} more")
    return problems


def readable_by_others(path: Path) -> int | None:
    """The mode of `path` when group or others may read it, else None."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    return mode if mode & 0o044 else None


def secret_values(settings: Settings) -> list[str]:
    """Every password and key the settings lead to, for scrubbing from logs and errors."""
    from ticketing import replykeys
    from ticketing.db import url_password
    from ticketing.errors import TicketingError

    found = [url_password(settings.database_url)]
    getters = [mb.login_password for mb in settings.mailboxes]
    if settings.smtp:
        getters.append(settings.smtp.login_password)
    if settings.ingress.auth_username:
        getters.append(lambda: settings.ingress.auth_password(settings.base_dir))
    # A password or key that cannot be read cannot leak either.
    for get in getters:
        with contextlib.suppress(TicketingError):
            found.append(get())
    with contextlib.suppress(TicketingError):
        found += [e.key.decode("utf-8") for e in replykeys.entries(settings)[1]]
    # Very short values would blank out ordinary words; they are not worth hiding anyway.
    return sorted({v for v in found if len(v) >= 4}, key=len, reverse=True)


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with every one of `secrets` replaced by ***."""
    for value in secrets:
        text = text.replace(value, "***")
    return text


def security_warnings(settings: Settings) -> list[str]:
    """What an operator should fix before trusting this install with customers' mail."""
    from ticketing import replykeys
    from ticketing.config import plain_passwords

    found = []
    plain = plain_passwords(settings)
    if plain and settings.source is not None:
        mode = readable_by_others(settings.source)
        if mode is not None:
            found.append(
                f"{settings.source} holds a plain password ({', '.join(plain)}) and is "
                f"readable by group or others (mode {mode:04o}): chmod 600 {settings.source}, "
                "or use password_env / password_file"
            )
    ing = settings.ingress
    if ing.listen and ing.auth_username and not ing.tls_cert:
        found.append(
            "[ingress] offers AUTH without tls_cert: the password crosses the network in "
            "clear; set tls_cert and tls_key"
        )
    keys = replykeys.key_file(settings)
    mode = readable_by_others(keys) if not replykeys.from_environment(settings) else None
    if mode is not None:
        found.append(
            f"the reply-token key file {keys} is readable by group or others "
            f"(mode {mode:04o}): chmod 600 {keys}, then `ticketing secret rotate`"
        )
    return found
