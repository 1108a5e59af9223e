"""OAuth2 access tokens for IMAP and SMTP sign-in (XOAUTH2 / OAUTHBEARER).

A Provider turns credentials into a Grant (an access token with its expiry); a
TokenSource caches grants under var_dir, refreshes them before they expire and once
more after the server refuses one.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ticketing.config import OAuth2Settings
from ticketing.errors import TicketingError


@dataclass(frozen=True)
class Grant:
    """What a provider hands back."""

    access_token: str
    expires_at: float  # time.time() at which the access token stops working
    refresh_token: str = ""  # a new (rotated) refresh token, or "" to keep the stored one


class OAuthError(TicketingError):
    """No token could be had; the message names the setting or the step that fixes it."""


class TokenRevoked(OAuthError):
    """The provider refused the refresh token or the credentials (invalid_grant)."""


class Provider(Protocol):
    def fetch(self, refresh_token: str) -> Grant:
        """A fresh access token: from `refresh_token` when given, else from the
        provider's non-interactive credentials (client credentials, service account).
        Raises TokenRevoked when the grant is refused, OAuthError otherwise."""
        ...

    def login(self, say: Callable[[str], None]) -> Grant:
        """The interactive flow (device code, installed app), run once by
        `ticketing mailbox login NAME`; `say` shows the operator what to do. The
        Grant carries the refresh token to store. Raises OAuthError when the
        configured flow needs no login."""
        ...


REFRESH_EARLY = 60.0  # seconds before expiry at which a cached access token is renewed


class TokenSource:
    """Access tokens for one `[...oauth2]` section, cached in `settings.cache_file`.

    The cache (JSON, mode 0600 in a 0700 directory) keeps the access token, its expiry
    and the refresh token, so a restart reuses a live token and a rotated refresh token
    survives. Several workers may share it: a refresh runs under an exclusive lock on
    the cache, and whoever gets the lock second finds the fresh token there.
    """

    def __init__(
        self, settings: OAuth2Settings, *, subject: str = "", provider: Provider | None = None
    ) -> None:
        self.settings = settings
        self.subject = subject
        self._provider = provider
        self._memory: dict[str, Any] = {}  # the cache when no cache_file is set

    @property
    def provider(self) -> Provider:
        if self._provider is None:
            from ticketing.oauth_providers import provider_for_settings

            self._provider = provider_for_settings(self.settings, subject=self.subject)
        return self._provider

    def token(self, *, refused: str = "") -> str:
        """A working access token. `refused` is one the server just turned down: it is
        not handed out again, whatever its stated expiry."""
        cached = self._read()
        if self._usable(cached, refused):
            return str(cached["access_token"])
        with self._locked():
            cached = self._read()
            # Another worker may have refreshed while this one waited for the lock.
            if self._usable(cached, refused):
                return str(cached["access_token"])
            stored = str(cached.get("refresh_token") or "")
            grant = self._fetch(stored)
            self._write(grant, keep=stored)
            return grant.access_token

    @staticmethod
    def _usable(cached: dict[str, Any], refused: str) -> bool:
        token = cached.get("access_token")
        if not token or token == refused:
            return False
        try:
            expires_at = float(cached.get("expires_at", 0))
        except (TypeError, ValueError):
            return False
        return expires_at - time.time() > REFRESH_EARLY

    def store(self, grant: Grant) -> None:
        """Keep a grant from an interactive login (its refresh token above all)."""
        with self._locked():
            self._write(grant, keep="")

    def _fetch(self, stored: str) -> Grant:
        given = self.settings.given_refresh_token()
        first = stored or given
        try:
            return self.provider.fetch(first)
        except TokenRevoked:
            # A rotated token in the cache may be stale next to a newer one the
            # operator put in refresh_token_env / _file: try that once.
            if given and given != first:
                return self.provider.fetch(given)
            raise

    # --- the cache file ----------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        path = self.settings.cache_file
        if not path:
            return dict(self._memory)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # A damaged cache only costs a refresh; the stored refresh token is lost
            # with it, and a login may be needed (the provider says so).
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, grant: Grant, *, keep: str) -> None:
        self._save(
            {
                "access_token": grant.access_token,
                "expires_at": grant.expires_at,
                "refresh_token": grant.refresh_token or keep,
            }
        )

    def _save(self, data: dict[str, Any]) -> None:
        path = self.settings.cache_file
        if not path:
            self._memory = dict(data)
            return
        target = Path(path)
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)
            os.replace(tmp, target)
        except OSError as exc:
            raise OAuthError(
                f"{self.settings.where}: cannot write the token cache {path}: {exc} "
                "(check [service] var_dir and its permissions)"
            ) from exc

    @contextmanager
    def _locked(self) -> Iterator[None]:
        path = self.settings.cache_file
        if not path:
            yield
            return
        lock = Path(path).with_suffix(".lock")
        try:
            lock.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise OAuthError(
                f"{self.settings.where}: cannot open the token cache lock {lock}: {exc}"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def xoauth2(user: str, access_token: str) -> str:
    """The XOAUTH2 initial response (Google's and Microsoft's SASL mechanism)."""
    return f"user={user}\x01auth=Bearer {access_token}\x01\x01"


def oauthbearer(user: str, access_token: str, host: str, port: int) -> str:
    """The OAUTHBEARER initial response (RFC 7628): GS2 header, host, port, token."""
    safe_user = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={safe_user},\x01host={host}\x01port={port}\x01auth=Bearer {access_token}\x01\x01"


def sasl_response(mechanism: str, user: str, access_token: str, host: str, port: int) -> str:
    if mechanism == "oauthbearer":
        return oauthbearer(user, access_token, host, port)
    return xoauth2(user, access_token)
