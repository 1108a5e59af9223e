"""The Microsoft (MSAL) and Google (google-auth) providers against a local HTTPS
identity provider: client credentials, device code, service account, installed app,
refresh and revocation."""

from __future__ import annotations

import json
import queue
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.oauth_provider_server import (
    DEVICE_CODE_GRANT,
    GOOGLE_TOKEN_PATH,
    JWT_BEARER_GRANT,
    IdentityProvider,
    make_service_account,
    running_identity_provider,
)
from ticketing.config import OAuth2Settings
from ticketing.oauth import Grant, OAuthError, TokenRevoked
from ticketing.oauth_providers import GoogleProvider, MicrosoftProvider

WHERE = "mailboxes.support.oauth2"


@pytest.fixture
def idp(tmp_path: Path) -> Iterator[tuple[IdentityProvider, Path]]:
    with running_identity_provider(tmp_path) as running:
        yield running


def microsoft(
    idp: IdentityProvider, ca: Path, tmp_path: Path, flow: str, **extra: str
) -> OAuth2Settings:
    secret_file = ""
    if flow == "client_credentials":
        idp.clients["app-1"] = "s3cret"
        (tmp_path / "secret").write_text("s3cret\n")
        secret_file = str(tmp_path / "secret")
    else:
        idp.clients["app-1"] = ""
    return OAuth2Settings(
        where=WHERE,
        provider="microsoft",
        flow=flow,
        client_id="app-1",
        client_secret_file=secret_file,
        tenant=idp.tenant,
        authority=idp.base_url,
        ca_file=str(ca),
        **extra,
    )


def run_login(login: object, *, approve: object) -> Grant:
    """Run login(say) in a thread; `approve(message)` plays the user at the browser."""
    said: queue.Queue[str] = queue.Queue()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["grant"] = login(said.put)  # type: ignore[operator]
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    approve(said.get(timeout=60))  # type: ignore[operator]
    thread.join(timeout=120)
    assert not thread.is_alive(), "login did not return"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    grant = outcome["grant"]
    assert isinstance(grant, Grant)
    return grant


def test_microsoft_client_credentials_sends_the_default_scope(idp, tmp_path: Path) -> None:
    server, ca = idp
    provider = MicrosoftProvider(microsoft(server, ca, tmp_path, "client_credentials"))
    grant = provider.fetch("")
    assert grant.access_token.startswith("at-")
    assert grant.expires_at > time.time() + 3000
    assert grant.refresh_token == ""
    [request] = server.grants("client_credentials")
    assert request["scope"] == "https://outlook.office365.com/.default"
    assert request["client_secret"] == "s3cret"
    with pytest.raises(OAuthError, match="client_credentials needs no login"):
        provider.login(print)


def test_microsoft_wrong_client_secret_is_an_oauth_error(idp, tmp_path: Path) -> None:
    server, ca = idp
    settings = microsoft(server, ca, tmp_path, "client_credentials")
    server.clients["app-1"] = "another"
    with pytest.raises(OAuthError, match="invalid_client") as caught:
        MicrosoftProvider(settings).fetch("")
    assert not isinstance(caught.value, TokenRevoked)
    assert WHERE in str(caught.value)


def test_microsoft_device_code_login_then_refresh_then_revoked(idp, tmp_path: Path) -> None:
    server, ca = idp
    provider = MicrosoftProvider(microsoft(server, ca, tmp_path, "device_code"))

    def approve(message: str) -> None:
        user_code = re.search(r"enter the code (\w+)", message)
        assert user_code, message
        server.approve(user_code.group(1))

    grant = run_login(provider.login, approve=approve)
    assert grant.access_token.startswith("at-")
    assert grant.refresh_token.startswith("rt-")
    assert server.grants(DEVICE_CODE_GRANT)  # it polled the token endpoint
    # MSAL adds offline_access itself; the configured default carries it too.
    scopes = server.device_requests[-1]["scope"].split()
    assert "https://outlook.office365.com/IMAP.AccessAsUser.All" in scopes
    assert "offline_access" in scopes

    refreshed = MicrosoftProvider(microsoft(server, ca, tmp_path, "device_code")).fetch(
        grant.refresh_token
    )
    assert refreshed.access_token not in ("", grant.access_token)
    assert refreshed.refresh_token.startswith("rt-")
    # The old refresh token was rotated away; using it again is a revoked grant.
    with pytest.raises(TokenRevoked, match="invalid_grant"):
        provider.fetch(grant.refresh_token)


def test_microsoft_refresh_without_a_token_asks_for_login(idp, tmp_path: Path) -> None:
    server, ca = idp
    provider = MicrosoftProvider(microsoft(server, ca, tmp_path, "device_code"))
    with pytest.raises(OAuthError, match="ticketing mailbox login"):
        provider.fetch("")


def test_microsoft_unreachable_authority_is_an_oauth_error(tmp_path: Path) -> None:
    settings = OAuth2Settings(
        where=WHERE,
        provider="microsoft",
        flow="device_code",
        client_id="app-1",
        authority="https://127.0.0.1:9",
        tenant="t",
    )
    with pytest.raises(OAuthError, match=r"mailboxes\.support\.oauth2"):
        MicrosoftProvider(settings).fetch("rt-x")


def test_google_service_account_signs_an_assertion_for_the_mailbox_user(
    idp, tmp_path: Path
) -> None:
    server, ca = idp
    key_file = make_service_account(server, tmp_path / "sa.json", "robot@test.iam")
    settings = OAuth2Settings(
        where=WHERE,
        provider="google",
        flow="service_account",
        service_account_file=str(key_file),
        token_url=server.base_url + GOOGLE_TOKEN_PATH,
        ca_file=str(ca),
    )
    grant = GoogleProvider(settings, subject="support@example.com").fetch("")
    assert grant.access_token.startswith("at-")
    assert grant.expires_at > time.time() + 3000
    [request] = server.grants(JWT_BEARER_GRANT)
    claims = json.loads(request["claims"])  # the fake verified the signature
    assert claims["sub"] == "support@example.com"
    assert claims["scope"] == "https://mail.google.com/"


def test_google_service_account_with_a_foreign_key_is_revoked(idp, tmp_path: Path) -> None:
    server, ca = idp
    key_file = make_service_account(server, tmp_path / "sa.json", "robot@test.iam")
    make_service_account(server, tmp_path / "other.json", "robot@test.iam")  # fake trusts this one
    settings = OAuth2Settings(
        where=WHERE,
        provider="google",
        flow="service_account",
        service_account_file=str(key_file),
        token_url=server.base_url + GOOGLE_TOKEN_PATH,
        ca_file=str(ca),
    )
    with pytest.raises(TokenRevoked, match="invalid_grant"):
        GoogleProvider(settings, subject="support@example.com").fetch("")


def installed_app(server: IdentityProvider, ca: Path, tmp_path: Path) -> OAuth2Settings:
    server.clients["desktop-1"] = "desk-secret"
    secrets_file = tmp_path / "client_secrets.json"
    secrets_file.write_text(
        json.dumps(
            {
                "installed": {
                    "client_id": "desktop-1",
                    "client_secret": "desk-secret",
                    "auth_uri": server.base_url + "/google/auth",
                    "token_uri": server.base_url + GOOGLE_TOKEN_PATH,
                }
            }
        )
    )
    return OAuth2Settings(
        where=WHERE,
        provider="google",
        flow="installed_app",
        client_secrets_file=str(secrets_file),
        ca_file=str(ca),
    )


def test_google_installed_app_login_refresh_and_revocation(idp, tmp_path: Path) -> None:
    server, ca = idp
    provider = GoogleProvider(installed_app(server, ca, tmp_path))

    def consent(message: str) -> None:
        url = re.search(r"https://\S+", message)
        assert url, message
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url.group(0)).query))
        assert query["code_challenge_method"] == "S256"
        assert query["scope"] == "https://mail.google.com/"
        code = server.issue_code(query["code_challenge"])
        redirect = f"{query['redirect_uri']}?state={query['state']}&code={code}"
        assert redirect.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(redirect, timeout=30) as response:
            assert response.status == 200

    grant = run_login(provider.login, approve=consent)
    assert grant.refresh_token.startswith("rt-")
    [exchange] = server.grants("authorization_code")
    assert exchange["client_secret"] == "desk-secret"

    refreshed = provider.fetch(grant.refresh_token)
    assert refreshed.access_token.startswith("at-")
    assert refreshed.refresh_token.startswith("rt-")  # the fake rotates
    with pytest.raises(TokenRevoked, match="invalid_grant"):
        provider.fetch(grant.refresh_token)


def test_google_installed_app_wrong_state_is_ignored_until_timeout(idp, tmp_path: Path) -> None:
    server, ca = idp
    provider = GoogleProvider(installed_app(server, ca, tmp_path), login_timeout=3)

    def forged(message: str) -> None:
        url = re.search(r"https://\S+", message)
        assert url
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url.group(0)).query))
        code = server.issue_code(query["code_challenge"])
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{query['redirect_uri']}?state=forged&code={code}", timeout=30)

    with pytest.raises(OAuthError, match="no sign-in redirect"):
        run_login(provider.login, approve=forged)


def test_google_service_account_needs_no_login_and_needs_a_subject(idp, tmp_path: Path) -> None:
    server, ca = idp
    key_file = make_service_account(server, tmp_path / "sa.json", "robot@test.iam")
    settings = OAuth2Settings(
        where=WHERE, provider="google", service_account_file=str(key_file), ca_file=str(ca)
    )
    with pytest.raises(OAuthError, match="needs no login"):
        GoogleProvider(settings, subject="a@example.com").login(print)
    with pytest.raises(OAuthError, match="username"):
        GoogleProvider(settings).fetch("")
