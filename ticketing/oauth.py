"""OAuth2 access tokens for IMAP and SMTP sign-in (XOAUTH2 / OAUTHBEARER).

A Provider turns credentials into a Grant (an access token with its expiry); a
TokenSource caches grants under var_dir, refreshes them before they expire and once
more after the server refuses one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Grant:
    """What a provider hands back."""

    access_token: str
    expires_at: float  # time.time() at which the access token stops working
    refresh_token: str = ""  # a new (rotated) refresh token, or "" to keep the stored one


class OAuthError(Exception):
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
