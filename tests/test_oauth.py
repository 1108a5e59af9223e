"""OAuth2 sign-in for mailboxes and the SMTP relay, for real: a local authorisation
server issues and introspects tokens, Dovecot checks them through its oauth2 passdb, the
SMTP sink through an XOAUTH2/OAUTHBEARER authenticator asking the same server.

Covers the config sections, the token cache (0600, early refresh, rotation, a refused
token replaced once), expiry mid-run, a revoked grant (clear error, the mailbox retried
with backoff while another keeps working) and `ticketing mailbox login`.
"""

from __future__ import annotations

import json
import os
import smtplib
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.conftest import _unavailable
from tests.oauth_provider_server import IdentityProvider, running_identity_provider
from tests.oauth_server import (
    CLIENT_ID,
    CLIENT_SECRET,
    TokenServer,
    ask_introspection,
    running_token_server,
)
from tests.servers import (
    Dovecot,
    ImapAccount,
    ServiceUnavailable,
    SmtpSink,
    ensure_dovecot_installed,
)
from tests.support import invoke, mail, serving, settings_from, write_config
from ticketing.config import MailboxSettings, OAuth2Settings, SmtpSettings, load_settings
from ticketing.db import make_engine
from ticketing.errors import ConfigError, DeliveryError, MailboxError
from ticketing.imap import connect, logout, poll_once
from ticketing.models import Ticket
from ticketing.oauth import REFRESH_EARLY, Grant, TokenRevoked, TokenSource
from ticketing.outbox import SmtpTransport
from ticketing.pipeline import Pipeline

SECRET_ENV = "TEST_OAUTH_CLIENT_SECRET"


# --- the config sections -------------------------------------------------------------


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config" / "ticketing.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        '[service]\nfrom_address = "billing@example.com"\nvar_dir = "state"\n' + body,
        encoding="utf-8",
    )
    return path


GENERIC_MAILBOX = """
[[mailboxes]]
name = "plain"
host = "imap.example.com"
username = "a@example.com"
password_env = "X"

[[mailboxes]]
name = "support"
host = "outlook.office365.com"
username = "support@example.com"
auth = "oauth2"

[mailboxes.oauth2]
provider = "generic"
token_url = "https://idp.example.com/token"
client_id = "desk"
refresh_token_env = "RT"
mechanism = "oauthbearer"

[smtp]
host = "smtp.office365.com"
username = "support@example.com"
auth = "oauth2"

[smtp.oauth2]
provider = "microsoft"
flow = "device_code"
client_id = "app-id"
"""


def test_oauth2_sections_parse_with_a_token_cache_under_var_dir(tmp_path: Path) -> None:
    settings = load_settings(_config(tmp_path, GENERIC_MAILBOX), env={})
    plain, support = settings.mailboxes
    assert plain.auth == "password" and plain.oauth2 is None
    assert support.auth == "oauth2" and support.oauth2 is not None
    assert support.oauth2.where == "mailboxes.support.oauth2"
    assert support.oauth2.mechanism == "oauthbearer"
    assert support.oauth2.cache_file == str(tmp_path / "state" / "oauth2" / "mailbox-support.json")
    assert settings.smtp is not None and settings.smtp.oauth2 is not None
    assert settings.smtp.oauth2.where == "smtp.oauth2"
    assert settings.smtp.oauth2.cache_file == str(tmp_path / "state" / "oauth2" / "smtp.json")


@pytest.mark.parametrize(
    ("change", "key", "says"),
    [
        (
            ('auth = "oauth2"\n\n[mailboxes.oauth2]', 'auth = "oauth2"\n\n[mailboxes.notoauth]'),
            "",
            "unknown key",
        ),
        (
            ('auth = "oauth2"\n\n[mailboxes.oauth2]', "\n[mailboxes.oauth2]"),
            "",
            'only used with auth = "oauth2"',
        ),
        (
            ('auth = "oauth2"\n\n[mailboxes.oauth2]', 'auth = "oauth"\n\n[mailboxes.oauth2]'),
            "auth",
            "password, oauth2",
        ),
        (('provider = "generic"', 'provider = "okta"'), "provider", "generic, microsoft, google"),
        (('mechanism = "oauthbearer"', 'mechanism = "plain"'), "mechanism", "xoauth2, oauthbearer"),
        (
            ('token_url = "https://idp.example.com/token"\n', ""),
            "token_url",
            "required for provider generic",
        ),
        (('refresh_token_env = "RT"', 'refresh_token = "RT"'), "refresh_token", "unknown key"),
        (
            ('flow = "device_code"', 'flow = "service_account"'),
            "flow",
            "client_credentials, device_code",
        ),
        (
            ('flow = "device_code"', 'flow = "client_credentials"\nclient_secret_env = "S"'),
            "tenant",
            "directory (tenant) id",
        ),
        (
            ('flow = "device_code"', 'flow = "client_credentials"\ntenant = "contoso.com"'),
            "client_secret_env",
            "required",
        ),
    ],
)
def test_oauth2_config_mistakes_name_the_file_line_and_key(
    tmp_path: Path, change: tuple[str, str], key: str, says: str
) -> None:
    old, new = change
    body = GENERIC_MAILBOX.replace(old, new)
    assert body != GENERIC_MAILBOX
    path = _config(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    message = str(caught.value)
    assert message.startswith(f"{path}:"), message
    assert says in message
    if key:
        assert f".{key}:" in message or f"'{key}'" in message, message


def test_the_token_cache_path_cannot_be_set_from_the_file(tmp_path: Path) -> None:
    body = GENERIC_MAILBOX.replace('mechanism = "oauthbearer"', 'cache_file = "/tmp/steal.json"')
    with pytest.raises(ConfigError, match="unknown key 'cache_file'"):
        load_settings(_config(tmp_path, body), env={})


# --- the token cache -------------------------------------------------------------------


class CountingProvider:
    """A provider that hands out numbered tokens and remembers what it was asked."""

    def __init__(self, lifetime: float = 3600.0, rotate: bool = False) -> None:
        self.lifetime = lifetime
        self.rotate = rotate
        self.asked: list[str] = []
        self.revoked: set[str] = set()
        self.lock = threading.Lock()

    def fetch(self, refresh_token: str) -> Grant:
        with self.lock:
            self.asked.append(refresh_token)
            n = len(self.asked)
        if refresh_token in self.revoked:
            raise TokenRevoked("revoked")
        time.sleep(0.05)  # long enough for a second worker to queue up behind the lock
        return Grant(f"at-{n}", time.time() + self.lifetime, f"rt-{n}" if self.rotate else "")

    def login(self, say: object) -> Grant:
        raise AssertionError("not used")


def _section(tmp_path: Path, **changes: str) -> OAuth2Settings:
    values = {
        "where": "mailboxes.t.oauth2",
        "client_id": "c",
        "token_url": "http://127.0.0.1:9/token",
        "refresh_token_env": "TEST_GIVEN_RT",
        "cache_file": str(tmp_path / "var" / "oauth2" / "mailbox-t.json"),
        **changes,
    }
    return OAuth2Settings(**values)


def test_tokens_are_cached_privately_and_reused_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-given")
    provider = CountingProvider()
    section = _section(tmp_path)
    assert TokenSource(section, provider=provider).token() == "at-1"
    # A new process (a new TokenSource) finds the live token in the cache.
    assert TokenSource(section, provider=provider).token() == "at-1"
    assert provider.asked == ["rt-given"]
    cache = Path(section.cache_file)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert json.loads(cache.read_text())["access_token"] == "at-1"


def test_a_token_close_to_expiry_is_renewed_before_it_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-given")
    provider = CountingProvider(lifetime=REFRESH_EARLY - 5)
    source = TokenSource(_section(tmp_path), provider=provider)
    assert source.token() == "at-1"
    assert source.token() == "at-2"  # at-1 had less than REFRESH_EARLY left
    provider.lifetime = 3600
    assert source.token() == "at-3"
    assert source.token() == "at-3"


def test_a_refused_token_is_replaced_and_a_rotated_refresh_token_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-given")
    provider = CountingProvider(rotate=True)
    section = _section(tmp_path)
    source = TokenSource(section, provider=provider)
    first = source.token()
    assert source.token(refused=first) == "at-2"
    # The provider rotated the refresh token: the cache asks with the newest one.
    assert provider.asked == ["rt-given", "rt-1"]
    assert json.loads(Path(section.cache_file).read_text())["refresh_token"] == "rt-2"


def test_a_revoked_cached_refresh_token_falls_back_to_the_operators_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-given")
    provider = CountingProvider(rotate=True)
    source = TokenSource(_section(tmp_path), provider=provider)
    source.token()
    provider.revoked = {"rt-1", "rt-given"}
    with pytest.raises(TokenRevoked):
        source.token(refused="at-1")
    # The operator puts a new refresh token where the config says: it is used.
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-new")
    assert source.token(refused="at-1").startswith("at-")
    assert provider.asked[-1] == "rt-new"


def test_workers_sharing_a_cache_refresh_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GIVEN_RT", "rt-given")
    provider = CountingProvider(rotate=True)
    section = _section(tmp_path)
    got: list[str] = []

    def worker() -> None:
        got.append(TokenSource(section, provider=provider).token())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Each worker has its own lock file descriptor, as separate processes would.
    assert provider.asked == ["rt-given"]
    assert got == ["at-1"] * 4


# --- IMAP against Dovecot's oauth2 passdb ------------------------------------------------


@pytest.fixture(scope="module")
def token_server() -> Iterator[TokenServer]:
    with running_token_server() as server:
        yield server


@pytest.fixture(scope="module")
def oauth_dovecot(token_server: TokenServer) -> Iterator[Dovecot]:
    if not ensure_dovecot_installed():
        _unavailable("Dovecot is not installed and cannot be installed here")
    server = Dovecot(oauth2_introspection_url=token_server.introspection_url)
    try:
        server.start()
    except ServiceUnavailable as exc:
        server.close()
        _unavailable(str(exc))
    try:
        yield server
    finally:
        server.close()


def _oauth_mailbox(
    tmp_path: Path,
    token_server: TokenServer,
    account: ImapAccount,
    monkeypatch: pytest.MonkeyPatch,
    *,
    name: str = "support",
    mechanism: str = "xoauth2",
) -> MailboxSettings:
    rt_file = tmp_path / f"{name}.refresh-token"
    rt_file.write_text(token_server.refresh_token_for(account.username) + "\n")
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    return MailboxSettings(
        name=name,
        host=account.host,
        port=account.imaps_port,
        ca_file=str(account.dovecot.cert_file),
        username=account.username,
        auth="oauth2",
        oauth2=OAuth2Settings(
            where=f"mailboxes.{name}.oauth2",
            client_id=CLIENT_ID,
            client_secret_env=SECRET_ENV,
            token_url=token_server.token_url,
            refresh_token_file=str(rt_file),
            mechanism=mechanism,
            cache_file=str(tmp_path / "var" / "oauth2" / f"mailbox-{name}.json"),
        ),
        timeout=10.0,
    )


@pytest.mark.services
@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_a_mailbox_signs_in_with_a_bearer_token_and_is_ingested(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
    mechanism: str,
) -> None:
    account = oauth_dovecot.new_account("oa")
    account.append(mail(subject="Invoice INV-7 twice", message_id="<oa1@c.example>"))
    mb = _oauth_mailbox(tmp_path, token_server, account, monkeypatch, mechanism=mechanism)
    config = write_config(tmp_path)
    settings = settings_from(config)
    invoke(config, "init")
    engine = make_engine(settings.database_url)
    try:
        report = poll_once(mb, Pipeline(engine, settings))
        assert report.fetched == 1
        with Session(engine) as s:
            assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
    finally:
        engine.dispose()
    log = oauth_dovecot.log_tail(60)
    assert f"user=<{account.username}>, method={mechanism.upper()}" in log


@pytest.mark.services
def test_a_token_that_dies_mid_run_is_refreshed_after_one_refusal(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = oauth_dovecot.new_account("exp")
    mb = _oauth_mailbox(tmp_path, token_server, account, monkeypatch)
    logout(connect(mb))
    before = token_server.refreshes.count(account.username)
    logout(connect(mb))  # the cached token is reused
    assert token_server.refreshes.count(account.username) == before
    # The server forgets every token (a restart, a policy change): the next sign-in is
    # refused once, a fresh token is fetched, and it works.
    token_server.expire_access_tokens()
    seen = len(token_server.introspections)
    logout(connect(mb))
    assert token_server.refreshes.count(account.username) == before + 1
    assert token_server.introspections[seen:] == [False, True]


@pytest.mark.services
def test_a_token_near_its_expiry_is_renewed_before_the_server_sees_it(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = oauth_dovecot.new_account("early")
    mb = _oauth_mailbox(tmp_path, token_server, account, monkeypatch)
    logout(connect(mb))
    assert mb.oauth2 is not None
    cache = Path(mb.oauth2.cache_file)
    data = json.loads(cache.read_text())
    data["expires_at"] = time.time() + REFRESH_EARLY / 2
    cache.write_text(json.dumps(data))
    seen = len(token_server.introspections)
    logout(connect(mb))
    assert json.loads(cache.read_text())["access_token"] != data["access_token"]
    assert token_server.introspections[seen:] == [True]  # no refusal on the way


@pytest.mark.services
def test_a_revoked_grant_is_a_clear_error_naming_the_login_command(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = oauth_dovecot.new_account("rev")
    mb = _oauth_mailbox(tmp_path, token_server, account, monkeypatch, name="sales")
    logout(connect(mb))
    token_server.revoke(account.username)
    with pytest.raises(MailboxError) as caught:
        connect(mb)
    message = str(caught.value)
    assert "mailbox sales" in message and "invalid_grant" in message
    assert "ticketing mailbox login sales" in message


@pytest.mark.services
def test_a_wrong_client_secret_says_so(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = oauth_dovecot.new_account("sec")
    mb = _oauth_mailbox(tmp_path, token_server, account, monkeypatch)
    monkeypatch.setenv(SECRET_ENV, "wrong")
    with pytest.raises(MailboxError, match="invalid_client"):
        connect(mb)


# --- SMTP relay with XOAUTH2 / OAUTHBEARER ------------------------------------------------


@pytest.fixture
def oauth_sink(token_server: TokenServer) -> Iterator[SmtpSink]:
    sink = SmtpSink(
        oauth_check=lambda user, token: (
            ask_introspection(token_server.introspection_url, token) == user
        )
    )
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


def _relay(
    tmp_path: Path, token_server: TokenServer, sink: SmtpSink, user: str, mechanism: str
) -> SmtpSettings:
    rt_file = tmp_path / "smtp.refresh-token"
    rt_file.write_text(token_server.refresh_token_for(user))
    return SmtpSettings(
        host=sink.host,
        port=sink.port,
        security="none",
        username=user,
        auth="oauth2",
        oauth2=OAuth2Settings(
            where="smtp.oauth2",
            client_id=CLIENT_ID,
            client_secret_env=SECRET_ENV,
            token_url=token_server.token_url,
            refresh_token_file=str(rt_file),
            mechanism=mechanism,
            cache_file=str(tmp_path / "var" / "oauth2" / "smtp.json"),
        ),
        timeout=5.0,
    )


RAW = b"From: billing@example.com\r\nTo: c@cust.example\r\nSubject: hi\r\n\r\nhello\r\n"


@pytest.mark.services
@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_the_relay_takes_mail_after_a_bearer_sign_in(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_sink: SmtpSink,
    monkeypatch: pytest.MonkeyPatch,
    mechanism: str,
) -> None:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    transport = SmtpTransport(_relay(tmp_path, token_server, oauth_sink, "relay@ex.com", mechanism))
    transport.check()
    transport.send("billing@example.com", ["c@cust.example"], RAW)
    transport.close()
    assert len(oauth_sink.messages) == 1
    assert oauth_sink.logins[-1] == ("relay@ex.com", mechanism.upper())


@pytest.mark.services
def test_the_relay_refusing_a_dead_token_gets_a_fresh_one_and_the_mail_goes_once(
    tmp_path: Path, token_server: TokenServer, oauth_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    relay = _relay(tmp_path, token_server, oauth_sink, "relay2@ex.com", "xoauth2")
    transport = SmtpTransport(relay)
    transport.send("billing@example.com", ["c@cust.example"], RAW)
    transport.close()
    token_server.expire_access_tokens()
    before = token_server.refreshes.count("relay2@ex.com")
    transport.send("billing@example.com", ["c@cust.example"], RAW)
    transport.close()
    assert token_server.refreshes.count("relay2@ex.com") == before + 1
    assert len(oauth_sink.messages) == 2


@pytest.mark.services
def test_a_revoked_relay_grant_is_a_retryable_error_naming_the_login_command(
    tmp_path: Path, token_server: TokenServer, oauth_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    relay = _relay(tmp_path, token_server, oauth_sink, "relay3@ex.com", "xoauth2")
    token_server.revoke("relay3@ex.com")
    transport = SmtpTransport(relay)
    with pytest.raises(DeliveryError) as caught:
        transport.send("billing@example.com", ["c@cust.example"], RAW)
    assert not caught.value.permanent and caught.value.unreachable
    assert "ticketing mailbox login --smtp" in str(caught.value)
    assert oauth_sink.messages == []


@pytest.mark.services
def test_a_sink_refusal_is_smtp_535(token_server: TokenServer, oauth_sink: SmtpSink) -> None:
    # The authenticator really checks: a made-up token is refused.
    with smtplib.SMTP(oauth_sink.host, oauth_sink.port, timeout=5) as conn:
        conn.ehlo()
        with pytest.raises(smtplib.SMTPAuthenticationError) as caught:
            conn.auth(
                "XOAUTH2",
                lambda challenge=None: "" if challenge else "user=x\x01auth=Bearer nope\x01\x01",
            )
    assert caught.value.smtp_code == 535


# --- serve: one mailbox revoked, the other unaffected; recovery without a restart --------


@pytest.mark.services
@pytest.mark.slow
def test_serve_keeps_other_mailboxes_working_while_one_grant_is_revoked(
    tmp_path: Path, token_server: TokenServer, oauth_dovecot: Dovecot, oauth_sink: SmtpSink
) -> None:
    good = oauth_dovecot.new_account("good")
    bad = oauth_dovecot.new_account("bad")
    files = {}
    for account in (good, bad):
        files[account.username] = tmp_path / f"{account.username}.rt"
        files[account.username].write_text(token_server.refresh_token_for(account.username))
    relay_rt = tmp_path / "relay.rt"
    relay_rt.write_text(token_server.refresh_token_for("relay@desk.example"))

    def oauth2(rt: Path) -> str:
        return f"""provider = "generic"
token_url = "{token_server.token_url}"
client_id = "{CLIENT_ID}"
client_secret_env = "{SECRET_ENV}"
refresh_token_file = "{rt}"
"""

    mailboxes = "".join(
        f"""
[[mailboxes]]
name = "{name}"
host = "{account.host}"
port = {account.imaps_port}
ca_file = "{oauth_dovecot.cert_file}"
username = "{account.username}"
auth = "oauth2"
poll_interval = 0.5
timeout = 10.0

[mailboxes.oauth2]
{oauth2(files[account.username])}"""
        for name, account in (("good", good), ("bad", bad))
    )
    config = write_config(
        tmp_path,
        service='dispatch_interval = 0.1\noutbox_retry_seconds = 0.2\nlog_level = "INFO"',
        extra=mailboxes
        + f"""
[smtp]
host = "{oauth_sink.host}"
port = {oauth_sink.port}
security = "none"
username = "relay@desk.example"
auth = "oauth2"
timeout = 5.0

[smtp.oauth2]
{oauth2(relay_rt)}""",
    )
    assert invoke(config, "init").exit_code == 0
    token_server.revoke(bad.username)
    good.append(mail(subject="Invoice INV-1", sender="g@cust.example", message_id="<g1@c>"))
    bad.append(mail(subject="Invoice INV-2", sender="b@cust.example", message_id="<b1@c>"))
    log = tmp_path / "serve.log"
    engine = make_engine(settings_from(config).database_url)
    env = {SECRET_ENV: CLIENT_SECRET}
    try:
        with serving(config, log, env) as proc:

            def tickets() -> int:
                with Session(engine) as s:
                    return int(s.execute(select(func.count()).select_from(Ticket)).scalar_one())

            _wait(lambda: tickets() == 1 and len(oauth_sink.messages) >= 1, 30, "good's ticket")
            # The revoked mailbox is retried, with growing delays, and says why.
            _wait(lambda: log.read_text().count("mailbox bad:") >= 2, 30, "bad retried twice")
            text = log.read_text()
            assert "invalid_grant" in text and "ticketing mailbox login bad" in text
            assert "reconnecting in" in text
            # The operator signs in again (a new refresh token where the config points):
            # the mailbox recovers without a restart.
            files[bad.username].write_text(token_server.refresh_token_for(bad.username))
            _wait(lambda: tickets() == 2, 90, "bad's ticket after the new grant")
            _wait(lambda: len(oauth_sink.messages) >= 2, 30, "both acknowledgements")
            time.sleep(1.0)  # a second send of either would arrive by now
            assert len(oauth_sink.messages) == 2
            assert proc.poll() is None
    finally:
        engine.dispose()
    assert sorted(user for user, _ in oauth_sink.logins)[0] == "relay@desk.example"
    cache = tmp_path / "var" / "oauth2"
    assert sorted(p.name for p in cache.glob("*.json")) == [
        "mailbox-bad.json",
        "mailbox-good.json",
        "smtp.json",
    ]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in cache.glob("*.json"))


def _wait(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


# --- ticketing mailbox login -------------------------------------------------------------


@pytest.mark.services
def test_mailbox_login_stores_a_pasted_refresh_token_for_serve_to_use(
    tmp_path: Path,
    token_server: TokenServer,
    oauth_dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = oauth_dovecot.new_account("login")
    config = write_config(
        tmp_path,
        extra=f"""
[[mailboxes]]
name = "support"
host = "{account.host}"
port = {account.imaps_port}
ca_file = "{oauth_dovecot.cert_file}"
username = "{account.username}"
auth = "oauth2"

[mailboxes.oauth2]
provider = "generic"
token_url = "{token_server.token_url}"
client_id = "{CLIENT_ID}"
client_secret_env = "{SECRET_ENV}"
""",
    )
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    settings = load_settings(config, env={})
    # Without a stored or configured refresh token, sign-in says what to run.
    with pytest.raises(MailboxError, match="ticketing mailbox login support"):
        connect(settings.mailbox("support"))
    wrong = invoke(config, "mailbox", "login", "support", input=b"rt-made-up\n")
    assert wrong.exit_code == 1 and "invalid_grant" in wrong.output
    refresh = token_server.refresh_token_for(account.username)
    result = invoke(config, "mailbox", "login", "support", input=f"{refresh}\n".encode())
    assert result.exit_code == 0, result.output
    assert refresh not in result.output  # the prompt hides what was typed
    cache = tmp_path / "var" / "oauth2" / "mailbox-support.json"
    assert f"tokens kept in {cache}" in result.output
    assert json.loads(cache.read_text())["refresh_token"] == refresh
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    logout(connect(settings.mailbox("support")))


def test_mailbox_login_usage_errors(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        extra="""
[[mailboxes]]
name = "plain"
host = "imap.example.com"
username = "a@example.com"
password_env = "X"
""",
    )
    for args, says in (
        ((), "give either a mailbox NAME or --smtp"),
        (("plain", "--smtp"), "give either a mailbox NAME or --smtp"),
        (("nosuch",), "no mailbox named 'nosuch'"),
        (("plain",), 'signs in with a password: set auth = "oauth2"'),
        (("--smtp",), "there is no [smtp] relay"),
    ):
        result = invoke(config, "mailbox", "login", *args)
        assert result.exit_code == 2, (args, result.output)
        assert says in result.output
        assert "Traceback" not in result.output


def test_config_file_permissions_are_not_loosened_by_the_cache(tmp_path: Path) -> None:
    # The cache directory is made 0700 even under a permissive umask.
    old = os.umask(0)
    try:
        source = TokenSource(_section(tmp_path), provider=CountingProvider())
        os.environ["TEST_GIVEN_RT"] = "rt"
        source.token()
    finally:
        os.umask(old)
        os.environ.pop("TEST_GIVEN_RT", None)
    cache = Path(_section(tmp_path).cache_file)
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600


def _microsoft_config(tmp_path: Path, server: IdentityProvider, ca: Path, flow: str) -> Path:
    secret = 'client_secret_env = "TEST_MS_SECRET"\n' if flow == "client_credentials" else ""
    return write_config(
        tmp_path,
        extra=f"""
[[mailboxes]]
name = "support"
host = "outlook.office365.com"
username = "support@contoso.example"
auth = "oauth2"

[mailboxes.oauth2]
provider = "microsoft"
flow = "{flow}"
client_id = "app-1"
{secret}tenant = "{server.tenant}"
authority = "{server.base_url}"
ca_file = "{ca}"
""",
    )


def test_mailbox_login_runs_the_device_code_flow_and_keeps_the_refresh_token(
    tmp_path: Path,
) -> None:
    with running_identity_provider(tmp_path) as (server, ca):
        server.clients["app-1"] = ""
        config = _microsoft_config(tmp_path, server, ca, "device_code")
        stop = threading.Event()

        def user_at_the_browser() -> None:
            while not stop.is_set():
                with server.lock:
                    waiting = [s["user_code"] for s in server.device_codes.values()]
                for code in waiting:
                    server.approve(code)
                    return
                time.sleep(0.05)

        browser = threading.Thread(target=user_at_the_browser, daemon=True)
        browser.start()
        try:
            result = invoke(config, "mailbox", "login", "support")
        finally:
            stop.set()
            browser.join()
    assert result.exit_code == 0, result.output
    assert "enter the code" in result.output  # what the operator is told to do
    assert "mailbox support: signed in as support@contoso.example" in result.output
    cache = json.loads((tmp_path / "var" / "oauth2" / "mailbox-support.json").read_text())
    assert cache["refresh_token"].startswith("rt-") and cache["access_token"].startswith("at-")


def test_mailbox_login_of_an_unattended_flow_only_checks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_identity_provider(tmp_path) as (server, ca):
        server.clients["app-1"] = "s3cret"
        monkeypatch.setenv("TEST_MS_SECRET", "s3cret")
        config = _microsoft_config(tmp_path, server, ca, "client_credentials")
        result = invoke(config, "mailbox", "login", "support")
        assert result.exit_code == 0, result.output
        assert "client_credentials needs no sign-in; a token was issued" in result.output
        monkeypatch.setenv("TEST_MS_SECRET", "wrong")
        (tmp_path / "var" / "oauth2" / "mailbox-support.json").unlink()
        refused = invoke(config, "mailbox", "login", "support")
    assert refused.exit_code == 1 and "invalid_client" in refused.output
