"""A local HTTPS identity provider for the OAuth2 provider tests: Microsoft's tenant
metadata, device-code and token endpoints, and Google's token endpoint (a service
account's JWT-bearer grant, checked against the key's public half; authorization codes
with PKCE; refresh tokens). Loopback only, with a self-signed certificate.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import ssl
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.servers import make_self_signed_cert

DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GOOGLE_TOKEN_PATH = "/google/token"
GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token"


@dataclass
class Answer:
    status: int
    body: dict[str, Any]


@dataclass
class IdentityProvider:
    """The fake's state; tests register clients and read what was asked."""

    base_url: str = ""
    tenant: str = "tenant-test"
    # client_id -> client secret ("" for a public client)
    clients: dict[str, str] = field(default_factory=dict)
    # the service account's public key (PEM) and e-mail
    service_account_key: bytes = b""
    service_account_email: str = ""
    refresh_tokens: set[str] = field(default_factory=set)
    device_codes: dict[str, dict[str, Any]] = field(default_factory=dict)  # device_code -> state
    auth_codes: dict[str, str] = field(default_factory=dict)  # code -> PKCE challenge
    requests: list[dict[str, str]] = field(default_factory=list)  # token requests' forms
    device_requests: list[dict[str, str]] = field(default_factory=list)  # devicecode forms
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- what the tests do

    def approve(self, user_code: str) -> None:
        """The user entered the code and signed in."""
        with self.lock:
            for state in self.device_codes.values():
                if state["user_code"] == user_code:
                    state["approved"] = True
                    return
        raise KeyError(user_code)

    def issue_code(self, challenge: str) -> str:
        """An authorization code the consent screen would give, bound to the challenge."""
        code = "code-" + secrets.token_urlsafe(8)
        with self.lock:
            self.auth_codes[code] = challenge
        return code

    def revoke(self, refresh_token: str) -> None:
        with self.lock:
            self.refresh_tokens.discard(refresh_token)

    def grants(self, grant_type: str) -> list[dict[str, str]]:
        with self.lock:
            return [r for r in self.requests if r.get("grant_type") == grant_type]

    # -- the endpoints

    def metadata(self) -> Answer:
        root = f"{self.base_url}/{self.tenant}"
        return Answer(
            200,
            {
                "issuer": f"{root}/v2.0",
                "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
                "token_endpoint": f"{root}/oauth2/v2.0/token",
                "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
            },
        )

    def device_code(self, form: dict[str, str]) -> Answer:
        with self.lock:
            self.device_requests.append(form)
        if form.get("client_id") not in self.clients:
            return _error("invalid_client", "unknown client")
        device, user = secrets.token_urlsafe(16), secrets.token_hex(4).upper()
        with self.lock:
            self.device_codes[device] = {
                "user_code": user,
                "approved": False,
                "scope": form.get("scope", ""),
            }
        message = f"To sign in, open {self.base_url}/devicelogin and enter the code {user}."
        return Answer(
            200,
            {
                "device_code": device,
                "user_code": user,
                "verification_uri": f"{self.base_url}/devicelogin",
                "expires_in": 120,
                "interval": 1,
                "message": message,
            },
        )

    def token(self, form: dict[str, str], google: bool) -> Answer:
        with self.lock:
            self.requests.append(form)
        grant = form.get("grant_type", "")
        if grant == JWT_BEARER_GRANT and google:
            return self._jwt_bearer(form.get("assertion", ""))
        if not self._client_ok(form):
            return _error("invalid_client", "client authentication failed", 401)
        if grant == "client_credentials" and not google:
            return self._tokens(form.get("scope", ""), refresh=False)
        if grant == DEVICE_CODE_GRANT and not google:
            return self._device_grant(form.get("device_code", ""))
        if grant == "authorization_code" and google:
            return self._code_grant(form)
        if grant == "refresh_token":
            return self._refresh_grant(form)
        return _error("unsupported_grant_type", grant)

    def _client_ok(self, form: dict[str, str]) -> bool:
        secret = self.clients.get(form.get("client_id", ""))
        return secret is not None and form.get("client_secret", "") == secret

    def _tokens(self, scope: str, *, refresh: bool) -> Answer:
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "access_token": "at-" + secrets.token_urlsafe(12),
            "expires_in": 3599,
            "scope": scope,
        }
        if refresh:
            body["refresh_token"] = "rt-" + secrets.token_urlsafe(12)
            with self.lock:
                self.refresh_tokens.add(body["refresh_token"])
        return Answer(200, body)

    def _device_grant(self, device: str) -> Answer:
        with self.lock:
            state = self.device_codes.get(device)
        if state is None:
            return _error("expired_token", "unknown device code")
        if not state["approved"]:
            return _error("authorization_pending", "the user has not signed in yet")
        with self.lock:
            del self.device_codes[device]
        return self._tokens(state["scope"], refresh=True)

    def _refresh_grant(self, form: dict[str, str]) -> Answer:
        token = form.get("refresh_token", "")
        with self.lock:
            known = token in self.refresh_tokens
            if known:  # rotate, as Microsoft does
                self.refresh_tokens.discard(token)
        if not known:
            return _error("invalid_grant", "AADSTS70000: the refresh token was revoked")
        scope = form.get("scope") or form.get("scopes") or ""
        return self._tokens(scope, refresh=True)

    def _code_grant(self, form: dict[str, str]) -> Answer:
        with self.lock:
            challenge = self.auth_codes.pop(form.get("code", ""), None)
        if challenge is None:
            return _error("invalid_grant", "unknown or used authorization code")
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).decode().rstrip("=") != challenge:
            return _error("invalid_grant", "code_verifier does not match the challenge")
        return self._tokens("https://mail.google.com/", refresh=True)

    def _jwt_bearer(self, assertion: str) -> Answer:
        try:
            claims = jwt.decode(
                assertion,
                self.service_account_key,
                algorithms=["RS256"],
                audience=GOOGLE_AUDIENCE,  # google-auth always names Google's endpoint
                issuer=self.service_account_email,
            )
        except jwt.PyJWTError as exc:
            return _error("invalid_grant", f"bad assertion: {exc}")
        with self.lock:
            self.requests[-1] = {**self.requests[-1], "claims": json.dumps(claims)}
        return self._tokens(str(claims.get("scope", "")), refresh=False)


def _error(error: str, description: str, status: int = 400) -> Answer:
    return Answer(status, {"error": error, "error_description": description})


def _handler(idp: IdentityProvider) -> type[BaseHTTPRequestHandler]:
    tenant_root = f"/{idp.tenant}"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == f"{tenant_root}/v2.0/.well-known/openid-configuration":
                self._send(idp.metadata())
            else:
                self._send(_error("not_found", self.path, 404))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            path = urllib.parse.urlsplit(self.path).path
            if path == f"{tenant_root}/oauth2/v2.0/devicecode":
                self._send(idp.device_code(form))
            elif path == f"{tenant_root}/oauth2/v2.0/token":
                self._send(idp.token(form, google=False))
            elif path == GOOGLE_TOKEN_PATH:
                self._send(idp.token(form, google=True))
            else:
                self._send(_error("not_found", path, 404))

        def _send(self, answer: Answer) -> None:
            body = json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def make_service_account(idp: IdentityProvider, path: Path, email: str) -> Path:
    """Write a service-account key file whose public half the fake checks assertions with."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    idp.service_account_key = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    idp.service_account_email = email
    info = {
        "type": "service_account",
        "project_id": "ticketing-test",
        "private_key_id": "key-1",
        "private_key": private_pem,
        "client_email": email,
        "client_id": "1234567890",
        "token_uri": "https://oauth2.googleapis.com/token",  # the test overrides it
    }
    path.write_text(json.dumps(info))
    return path


@contextmanager
def running_identity_provider(tmp: Path) -> Iterator[tuple[IdentityProvider, Path]]:
    """Start the fake on 127.0.0.1 over HTTPS; yield it and the CA file to trust."""
    cert, key = make_self_signed_cert(tmp / "idp-tls")
    idp = IdentityProvider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(idp))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    idp.base_url = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield idp, cert
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
