"""A small OAuth2 authorisation server on loopback for sign-in tests.

It issues access tokens from refresh tokens (RFC 6749 section 6, with rotation when
asked) and answers token introspection (RFC 7662), which Dovecot's oauth2 passdb and
the SMTP sink's XOAUTH2 authenticator both ask. Tests can expire every issued token on
the server side (the client still thinks them valid), revoke a user's refresh token and
count what was asked.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.servers import LOOPBACK

CLIENT_ID = "ticketing-test-client"
CLIENT_SECRET = "s3cret-client"


@dataclass
class TokenServer:
    lifetime: float = 3600.0  # expires_in of each access token
    rotate: bool = False  # each refresh issues a new refresh token and retires the old
    _refresh: dict[str, str] = field(default_factory=dict)  # refresh token -> user
    _access: dict[str, tuple[str, float]] = field(default_factory=dict)  # -> user, expiry
    _lock: threading.Lock = field(default_factory=threading.Lock)
    refreshes: list[str] = field(default_factory=list)  # user per refresh grant
    introspections: list[bool] = field(default_factory=list)  # active? per question
    port: int = 0

    @property
    def token_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/token"

    @property
    def introspection_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/introspect"

    def refresh_token_for(self, user: str) -> str:
        token = "rt-" + secrets.token_urlsafe(16)
        with self._lock:
            self._refresh[token] = user
        return token

    def revoke(self, user: str) -> None:
        """Every refresh and access token of `user` stops working."""
        with self._lock:
            self._refresh = {t: u for t, u in self._refresh.items() if u != user}
            self._access = {t: v for t, v in self._access.items() if v[0] != user}

    def expire_access_tokens(self) -> None:
        """Every issued access token is dead from now on, whatever its expires_in said."""
        with self._lock:
            self._access.clear()

    def active(self, token: str) -> str | None:
        """The user an access token belongs to while it is live, else None."""
        with self._lock:
            entry = self._access.get(token)
        live = entry is not None and entry[1] > time.time()
        with self._lock:
            self.introspections.append(live)
        return entry[0] if live and entry else None

    # --- the endpoints -------------------------------------------------------

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client", "error_description": "unknown client"}
        if form.get("grant_type") != "refresh_token":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            user = self._refresh.get(form.get("refresh_token", ""))
            if user is None:
                return 400, {"error": "invalid_grant", "error_description": "token revoked"}
            access = "at-" + secrets.token_urlsafe(24)
            self._access[access] = (user, time.time() + self.lifetime)
            self.refreshes.append(user)
            answer: dict[str, Any] = {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": int(self.lifetime),
            }
            if self.rotate:
                del self._refresh[form["refresh_token"]]
                fresh = "rt-" + secrets.token_urlsafe(16)
                self._refresh[fresh] = user
                answer["refresh_token"] = fresh
        return 200, answer

    def introspect(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        user = self.active(form.get("token", ""))
        if user is None:
            return 200, {"active": False}
        return 200, {"active": True, "username": user, "scope": "mail"}


def ask_introspection(url: str, token: str) -> str | None:
    """What a resource server does: POST the token, get the live user or None."""
    data = urllib.parse.urlencode({"token": token}).encode()
    with urllib.request.urlopen(url, data=data, timeout=5) as answer:
        body = json.load(answer)
    return str(body["username"]) if body.get("active") else None


def _handler(server: TokenServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            path = urllib.parse.urlsplit(self.path).path
            if path == "/token":
                status, body = server.token(form)
            elif path == "/introspect":
                status, body = server.introspect(form)
            else:
                status, body = 404, {"error": "not_found"}
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def running_token_server(**options: Any) -> Iterator[TokenServer]:
    server = TokenServer(**options)
    httpd = ThreadingHTTPServer((LOOPBACK, 0), _handler(server))
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
