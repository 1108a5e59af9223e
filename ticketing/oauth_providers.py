"""The Microsoft (MSAL) and Google (google-auth) OAuth2 providers: each turns an
`[...oauth2]` section into Grants, non-interactively (client credentials, service
account, refresh token) or through the operator's one-time login (device code,
installed app with a loopback redirect).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from datetime import UTC
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import requests

from ticketing.config import OAuth2Settings, login_command
from ticketing.oauth import Grant, OAuthError, Provider, TokenRevoked

MICROSOFT_HOST = "login.microsoftonline.com"
MICROSOFT_APP_SCOPE = "https://outlook.office365.com/.default"
MICROSOFT_USER_SCOPE = (
    "https://outlook.office365.com/IMAP.AccessAsUser.All "
    "https://outlook.office365.com/SMTP.Send offline_access"
)
# MSAL asks for these itself and refuses them in `scopes`.
MSAL_RESERVED_SCOPES = frozenset({"openid", "profile", "offline_access"})
GOOGLE_SCOPE = "https://mail.google.com/"
LOGIN_TIMEOUT = 600.0  # seconds the installed-app login waits for the browser's redirect


def _refused(where: str, error: str, description: str) -> OAuthError:
    """The provider's error answer as the exception to raise."""
    detail = f"{error}: {description}" if description else error
    if error == "invalid_grant":
        return TokenRevoked(
            f"{where}: the provider refused the grant ({detail}); "
            f"sign in again with `{login_command(where)}`"
        )
    return OAuthError(f"{where}: the token request failed ({detail})")


def _grant_from(where: str, answer: Mapping[str, Any]) -> Grant:
    """A token endpoint's (or MSAL's) answer as a Grant; error answers raise."""
    if "access_token" not in answer:
        raise _refused(
            where,
            str(answer.get("error") or "no access_token in the answer"),
            str(answer.get("error_description") or ""),
        )
    try:
        lifetime = float(answer.get("expires_in", 3600))
    except (TypeError, ValueError):
        lifetime = 3600.0
    return Grant(
        access_token=str(answer["access_token"]),
        expires_at=time.time() + lifetime,
        refresh_token=str(answer.get("refresh_token") or ""),
    )


class _TlsSession(requests.Session):
    """A requests session that keeps to `ca_file` for every request.

    requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's own `verify`
    (psf/requests#3829); a per-request `verify` wins over them, so each request gets one.
    """

    def __init__(self, ca_file: str, timeout: float = 30.0) -> None:
        super().__init__()
        self.verify = ca_file or True
        self.timeout = timeout

    def request(self, method: str, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("verify", self.verify)
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, *args, **kwargs)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class MicrosoftProvider:
    """Microsoft Entra ID through MSAL: client credentials (an app's own token) or the
    device-code flow (a user signs in once; the refresh token is kept)."""

    def __init__(self, settings: OAuth2Settings) -> None:
        self.settings = settings
        self.flow = settings.effective_flow()
        if self.flow not in ("client_credentials", "device_code"):
            raise OAuthError(
                f"{settings.where}.flow: microsoft supports client_credentials or "
                f"device_code, not {self.flow!r}"
            )
        if not settings.client_id:
            raise OAuthError(f"{settings.where}.client_id: required for provider microsoft")
        default = MICROSOFT_APP_SCOPE if self.flow == "client_credentials" else MICROSOFT_USER_SCOPE
        self.scopes = [
            s for s in (settings.scope or default).split() if s not in MSAL_RESERVED_SCOPES
        ]
        if not self.scopes:
            raise OAuthError(f"{settings.where}.scope: names only scopes MSAL adds itself")
        self._app: Any = None

    def _application(self) -> Any:
        """The MSAL application, made on first use (it fetches the tenant's metadata)."""
        if self._app is not None:
            return self._app
        import msal

        s = self.settings
        authority = f"{s.authority.rstrip('/')}/{s.tenant}"
        # The session carries `verify=ca_file` (MSAL would hand `verify` to a session of
        # its own, where REQUESTS_CA_BUNDLE overrides it).
        options: dict[str, Any] = {"authority": authority, "http_client": _TlsSession(s.ca_file)}
        if urllib.parse.urlsplit(s.authority).hostname != MICROSOFT_HOST:
            options["instance_discovery"] = False
        try:
            if self.flow == "client_credentials":
                self._app = msal.ConfidentialClientApplication(
                    s.client_id, client_credential=s.client_secret(), **options
                )
            else:
                self._app = msal.PublicClientApplication(s.client_id, **options)
        except (ValueError, requests.RequestException) as exc:
            raise OAuthError(
                f"{s.where}.authority: cannot reach {authority}: {_one_line(exc)}"
            ) from exc
        return self._app

    def _call(self, step: Callable[[Any], Any]) -> Any:
        try:
            return step(self._application())
        except requests.RequestException as exc:
            raise OAuthError(
                f"{self.settings.where}: the token endpoint did not answer: {_one_line(exc)}"
            ) from exc

    def fetch(self, refresh_token: str) -> Grant:
        where = self.settings.where
        if self.flow == "client_credentials":
            answer = self._call(lambda app: app.acquire_token_for_client(scopes=self.scopes))
        elif refresh_token:
            answer = self._call(
                lambda app: app.acquire_token_by_refresh_token(refresh_token, scopes=self.scopes)
            )
        else:
            raise OAuthError(f"{where}: no refresh token stored; run `{login_command(where)}`")
        return _grant_from(where, answer)

    def login(self, say: Callable[[str], None]) -> Grant:
        where = self.settings.where
        if self.flow == "client_credentials":
            raise OAuthError(f"{where}: client_credentials needs no login")
        flow = self._call(lambda app: app.initiate_device_flow(scopes=self.scopes))
        if "user_code" not in flow:
            raise _refused(
                where,
                str(flow.get("error") or "no device code"),
                str(flow.get("error_description") or ""),
            )
        say(str(flow["message"]))
        answer = self._call(lambda app: app.acquire_token_by_device_flow(flow))
        grant = _grant_from(where, answer)
        if not grant.refresh_token:
            raise OAuthError(
                f"{where}: signed in, but no refresh token came back (offline_access?)"
            )
        return grant


class GoogleProvider:
    """Google through google-auth: a service account acting for the mailbox's user
    (domain-wide delegation), or an installed app the user signs in to once."""

    def __init__(
        self, settings: OAuth2Settings, *, subject: str = "", login_timeout: float = LOGIN_TIMEOUT
    ) -> None:
        self.settings = settings
        self.subject = subject
        self.login_timeout = login_timeout
        self.flow = settings.effective_flow()
        if self.flow == "service_account" and not settings.service_account_file:
            raise OAuthError(f"{settings.where}.service_account_file: required for service_account")
        if self.flow == "installed_app" and not settings.client_secrets_file:
            raise OAuthError(f"{settings.where}.client_secrets_file: required for installed_app")
        if self.flow not in ("service_account", "installed_app"):
            raise OAuthError(
                f"{settings.where}.flow: google supports service_account or installed_app, "
                f"not {self.flow!r}"
            )
        self.scopes = (settings.scope or GOOGLE_SCOPE).split()

    def _session(self) -> requests.Session:
        return _TlsSession(self.settings.ca_file)

    def _read_json(self, setting: str, path: str) -> dict[str, Any]:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as exc:
            raise OAuthError(f"{self.settings.where}.{setting}: cannot read {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise OAuthError(f"{self.settings.where}.{setting}: {path} is not a JSON object")
        return data

    def _client(self) -> dict[str, str]:
        """client_id, client_secret, auth_uri and token_uri of the installed app."""
        data = self._read_json("client_secrets_file", self.settings.client_secrets_file)
        app = data.get("installed")
        needed = ("client_id", "client_secret", "auth_uri", "token_uri")
        if not isinstance(app, dict) or any(not app.get(k) for k in needed):
            raise OAuthError(
                f'{self.settings.where}.client_secrets_file: needs an "installed" object '
                f"with {', '.join(needed)}"
            )
        client = {k: str(app[k]) for k in needed}
        if self.settings.token_url:
            client["token_uri"] = self.settings.token_url
        return client

    def fetch(self, refresh_token: str) -> Grant:
        if self.flow == "service_account":
            return self._service_account_grant()
        if not refresh_token:
            raise OAuthError(
                f"{self.settings.where}: no refresh token stored; "
                f"run `{login_command(self.settings.where)}`"
            )
        from google.oauth2.credentials import Credentials

        client = self._client()
        credentials = Credentials(  # type: ignore[no-untyped-call]
            token=None,
            refresh_token=refresh_token,
            client_id=client["client_id"],
            client_secret=client["client_secret"],
            token_uri=client["token_uri"],
            scopes=self.scopes,
        )
        return self._refreshed(credentials, keep=refresh_token)

    def _service_account_grant(self) -> Grant:
        from google.oauth2 import service_account

        if not self.subject:
            raise OAuthError(
                f"{self.settings.where}: a service account needs the mailbox's username"
            )
        info = self._read_json("service_account_file", self.settings.service_account_file)
        if self.settings.token_url:
            info["token_uri"] = self.settings.token_url
        try:
            credentials = service_account.Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
                info, scopes=self.scopes, subject=self.subject
            )
        except (ValueError, KeyError) as exc:
            raise OAuthError(
                f"{self.settings.where}.service_account_file: not a service account key: {exc}"
            ) from exc
        return self._refreshed(credentials, keep="")

    def _refreshed(self, credentials: Any, *, keep: str) -> Grant:
        """Refresh google-auth credentials into a Grant (their errors as ours)."""
        from google.auth.exceptions import RefreshError, TransportError
        from google.auth.transport.requests import Request

        where = self.settings.where
        try:
            credentials.refresh(Request(self._session()))
        except RefreshError as exc:
            answer = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], dict) else {}
            error = str(answer.get("error") or _one_line(exc))
            raise _refused(where, error, str(answer.get("error_description") or "")) from exc
        except TransportError as exc:
            raise OAuthError(
                f"{where}: the token endpoint did not answer: {_one_line(exc)}"
            ) from exc
        expiry = credentials.expiry
        # google-auth keeps expiry as a naive UTC datetime.
        expires_at = expiry.replace(tzinfo=UTC).timestamp() if expiry else time.time() + 3600
        rotated = getattr(credentials, "refresh_token", "") or ""
        return Grant(
            access_token=str(credentials.token),
            expires_at=expires_at,
            refresh_token="" if rotated == keep else str(rotated),
        )

    def login(self, say: Callable[[str], None]) -> Grant:
        where = self.settings.where
        if self.flow == "service_account":
            raise OAuthError(f"{where}: service_account needs no login")
        client = self._client()
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        state = secrets.token_urlsafe(16)
        with _LoopbackRedirect(state) as redirect:
            query = {
                "client_id": client["client_id"],
                "redirect_uri": redirect.uri,
                "response_type": "code",
                "scope": " ".join(self.scopes),
                "state": state,
                "code_challenge": challenge.decode().rstrip("="),
                "code_challenge_method": "S256",
                "access_type": "offline",
                "prompt": "consent",
            }
            say(
                "Open this URL in a browser on this machine and allow access:\n"
                f"{client['auth_uri']}?{urllib.parse.urlencode(query)}"
            )
            code = redirect.wait(self.login_timeout, where)
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
            "redirect_uri": redirect.uri,
            "code_verifier": verifier,
        }
        grant = _grant_from(where, self._post(client["token_uri"], form))
        if not grant.refresh_token:
            raise OAuthError(f"{where}: signed in, but no refresh token came back")
        return grant

    def _post(self, url: str, form: dict[str, str]) -> dict[str, Any]:
        return _post_form(self._session(), self.settings.where, url, form)


def _post_form(
    session: requests.Session, where: str, url: str, form: dict[str, str]
) -> dict[str, Any]:
    """POST a token request; the answer's JSON object (errors included)."""
    try:
        response = session.post(url, data=form)
        answer = response.json()
    except requests.RequestException as exc:
        raise OAuthError(f"{where}: the token endpoint did not answer: {_one_line(exc)}") from exc
    except ValueError as exc:
        raise OAuthError(
            f"{where}: the token endpoint answered HTTP {response.status_code}, not JSON"
        ) from exc
    if not isinstance(answer, dict):
        raise OAuthError(f"{where}: the token endpoint's answer is not an object")
    return answer


class GenericProvider:
    """Any OAuth2 server: the refresh-token grant (RFC 6749 section 6) at token_url,
    with the refresh token the operator got from it once."""

    def __init__(self, settings: OAuth2Settings) -> None:
        self.settings = settings
        if not settings.token_url:
            raise OAuthError(f"{settings.where}.token_url: required for provider generic")
        if not settings.client_id:
            raise OAuthError(f"{settings.where}.client_id: required for provider generic")
        self._http: requests.Session | None = None

    def fetch(self, refresh_token: str) -> Grant:
        s = self.settings
        if not refresh_token:
            raise OAuthError(
                f"{s.where}: no refresh token; set refresh_token_env or refresh_token_file "
                f"(or store one with `{login_command(s.where)}`)"
            )
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        form["client_id"] = s.client_id
        secret = s.client_secret()
        if secret:
            form["client_secret"] = secret
        if s.scope:
            form["scope"] = s.scope
        if self._http is None:
            self._http = _TlsSession(s.ca_file)
        return _grant_from(s.where, _post_form(self._http, s.where, s.token_url, form))

    def login(self, say: Callable[[str], None]) -> Grant:
        raise OAuthError(
            f"{self.settings.where}: provider generic has no sign-in flow of its own; "
            "put the refresh token your provider issued in refresh_token_env or "
            f"refresh_token_file, or paste it when `{login_command(self.settings.where)}` asks"
        )


class _LoopbackRedirect:
    """A one-shot HTTP server on 127.0.0.1 that catches the browser's redirect."""

    def __init__(self, state: str) -> None:
        self.state = state
        self.result: dict[str, str] = {}
        self.arrived = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                if params.get("state") != owner.state or not (
                    params.get("code") or params.get("error")
                ):
                    self.send_error(400, "not the sign-in redirect")
                    return
                owner.result = params
                body = b"Signed in; you can close this window.\n"
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                owner.arrived.set()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.uri = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _LoopbackRedirect:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def wait(self, timeout: float, where: str) -> str:
        if not self.arrived.wait(timeout):
            raise OAuthError(f"{where}: no sign-in redirect within {timeout:.0f} s")
        if self.result.get("error"):
            raise _refused(where, self.result["error"], self.result.get("error_description", ""))
        return self.result["code"]


def provider_for_settings(settings: OAuth2Settings, *, subject: str = "") -> Provider:
    """The provider a section names; `subject` is the mailbox user a Google service
    account acts for."""
    if settings.provider == "microsoft":
        return MicrosoftProvider(settings)
    if settings.provider == "google":
        return GoogleProvider(settings, subject=subject)
    if settings.provider == "generic":
        return GenericProvider(settings)
    raise OAuthError(
        f"{settings.where}.provider: {settings.provider!r} is not generic, microsoft or google"
    )
