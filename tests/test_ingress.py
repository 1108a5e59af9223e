"""The embedded SMTP ingress: 250 only after commit, 550 outside our domains, 552 over
the size limit, 451 while the database is unavailable — and nothing lost on retry."""

from __future__ import annotations

import base64
import ipaddress
import re
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.servers import client_ssl_context, free_port, make_self_signed_cert
from tests.support import OUR, mail, with_service
from ticketing.config import IngressSettings, Settings
from ticketing.errors import ConfigError
from ticketing.ingress import AUTH_MAX_FAILURES, access_summary, client_allowed, start_listener
from ticketing.models import RawMessage, Ticket
from ticketing.pipeline import Pipeline
from ticketing.private import scrub, secret_values, security_warnings


@pytest.fixture
def listener(pipeline: Pipeline) -> Iterator[tuple[Pipeline, Any]]:
    port = free_port()
    settings = with_service(
        replace(pipeline.settings, ingress=IngressSettings(listen=f"127.0.0.1:{port}")),
        max_message_bytes=200_000,
    )
    pipeline.settings = settings
    controller = start_listener(pipeline, settings)
    yield pipeline, controller
    controller.stop()


def send(controller: Any, raw: bytes, rcpt: str = OUR) -> dict[str, tuple[int, bytes]]:
    with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
        return client.sendmail("taro@customer.example", [rcpt], raw)


def tickets(pipeline: Pipeline) -> int:
    with Session(pipeline.engine) as s:
        return int(s.execute(select(func.count()).select_from(Ticket)).scalar_one())


def test_accepted_mail_is_committed_before_250(listener: tuple[Pipeline, Any]) -> None:
    pipeline, controller = listener
    assert send(controller, mail()) == {}
    # sendmail returned, so the server said 250: the ticket must already be there.
    assert tickets(pipeline) == 1
    with Session(pipeline.engine) as s:
        raw = s.execute(select(RawMessage)).scalars().one()
        assert raw.source == "smtp" and raw.envelope_to == OUR
    send(controller, mail())  # the same message again: accepted, nothing new
    assert tickets(pipeline) == 1


def test_foreign_recipient_is_refused(listener: tuple[Pipeline, Any]) -> None:
    _, controller = listener
    with pytest.raises(smtplib.SMTPRecipientsRefused) as info:
        send(controller, mail(), rcpt="someone@elsewhere.example")
    assert info.value.recipients["someone@elsewhere.example"][0] == 550


def test_oversize_mail_gets_552(listener: tuple[Pipeline, Any]) -> None:
    pipeline, controller = listener
    with pytest.raises(smtplib.SMTPResponseException) as info:
        send(controller, mail(body="x" * 300_000))
    assert info.value.smtp_code == 552
    assert tickets(pipeline) == 0


def test_database_unavailable_gives_451_and_retry_loses_nothing(
    listener: tuple[Pipeline, Any],
) -> None:
    pipeline, controller = listener
    from ticketing.db import make_engine

    good = pipeline.engine
    broken = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none", pool_pre_ping=False)
    pipeline.engine = broken
    with pytest.raises(smtplib.SMTPDataError) as info:
        send(controller, mail())
    assert info.value.smtp_code == 451
    broken.dispose()
    pipeline.engine = good
    assert send(controller, mail()) == {}
    assert tickets(pipeline) == 1


def test_lmtp_and_starttls_listeners(pipeline: Pipeline, tmp_path: Path) -> None:
    cert, key = make_self_signed_cert(tmp_path)
    port = free_port()
    settings = replace(
        pipeline.settings,
        ingress=IngressSettings(
            listen=f"127.0.0.1:{port}", tls_cert=str(cert), tls_key=str(key), require_starttls=True
        ),
    )
    pipeline.settings = settings
    controller = start_listener(pipeline, settings)
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.ehlo()
            assert client.has_extn("starttls")
            with pytest.raises(smtplib.SMTPException):
                client.sendmail("taro@customer.example", [OUR], mail())  # STARTTLS required
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.starttls(context=client_ssl_context(cert))
            assert client.sendmail("taro@customer.example", [OUR], mail()) == {}
    finally:
        controller.stop()
    assert tickets(pipeline) == 1
    lmtp_port = free_port()
    lmtp = replace(
        pipeline.settings, ingress=IngressSettings(listen=f"127.0.0.1:{lmtp_port}", lmtp=True)
    )
    pipeline.settings = lmtp
    controller = start_listener(pipeline, lmtp)
    try:
        with smtplib.LMTP("127.0.0.1", lmtp_port, timeout=30) as client:
            assert (
                client.sendmail(
                    "hanako@customer.example",
                    [OUR],
                    mail(sender="hanako@customer.example", message_id="<l2@c>"),
                )
                == {}
            )
    finally:
        controller.stop()
    assert tickets(pipeline) == 2


# -- who may deliver, and to whom ----------------------------------------------------------

PASSWORD_ENV = "TICKETING_TEST_INGRESS_PASSWORD"
PASSWORD = "correct horse battery staple"


@contextmanager
def ingress(pipeline: Pipeline, **options: Any) -> Iterator[Any]:
    """A listener on a free loopback port with these [ingress] settings."""
    settings = replace(
        pipeline.settings, ingress=IngressSettings(listen=f"127.0.0.1:{free_port()}", **options)
    )
    pipeline.settings = settings
    controller = start_listener(pipeline, settings)
    try:
        yield controller
    finally:
        controller.stop()


def raw_messages(pipeline: Pipeline) -> list[RawMessage]:
    with Session(pipeline.engine) as s:
        return list(s.execute(select(RawMessage)).scalars())


def plain_auth(user: str, password: str) -> str:
    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


@pytest.fixture
def tls_auth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """[ingress] options: STARTTLS with a self-signed certificate, AUTH for clients
    outside allow_from, and an allow list that leaves out 127.0.0.1, where the tests are."""
    cert, key = make_self_signed_cert(tmp_path / "tls")
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    return {
        "tls_cert": str(cert),
        "tls_key": str(key),
        "allow_from": ("10.0.0.0/8",),
        "auth_username": "relay",
        "auth_password_env": PASSWORD_ENV,
    }


def test_unknown_local_part_gets_550_5_1_1_and_nothing_is_stored(pipeline: Pipeline) -> None:
    with ingress(pipeline) as controller:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as info:
            send(controller, mail(to="nobody@example.com"), rcpt="nobody@example.com")
        code, reply = info.value.recipients["nobody@example.com"]
        assert code == 550 and reply.startswith(b"5.1.1")
        # One good recipient among bad ones: the mail goes to the desk address only.
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            refused = client.sendmail(
                "taro@customer.example", ["nobody@example.com", OUR], mail(message_id="<two@c>")
            )
        assert set(refused) == {"nobody@example.com"}
    rows = raw_messages(pipeline)
    assert [r.envelope_to for r in rows] == [OUR]
    assert tickets(pipeline) == 1


def test_tagged_and_mixed_case_desk_addresses_and_ingress_addresses_are_accepted(
    pipeline: Pipeline,
) -> None:
    with ingress(pipeline, addresses=("Desk@Example.com",)) as controller:
        assert send(controller, mail(), rcpt="billing+jp@EXAMPLE.com") == {}
        assert send(controller, mail(message_id="<m2@c>"), rcpt="Billing@example.COM") == {}
        assert send(controller, mail(message_id="<m3@c>"), rcpt="desk+x@example.com") == {}
        with pytest.raises(smtplib.SMTPRecipientsRefused):  # a tag is no wildcard prefix
            send(controller, mail(message_id="<m4@c>"), rcpt="billingx@example.com")
    assert sorted(r.envelope_to or "" for r in raw_messages(pipeline)) == [
        "Billing@example.COM",
        "billing+jp@EXAMPLE.com",
        "desk+x@example.com",
    ]
    assert tickets(pipeline) == 3


def test_ingress_addresses_are_our_own_for_loop_protection(pipeline: Pipeline) -> None:
    with ingress(pipeline, addresses=("desk@example.com",)) as controller:
        assert "desk@example.com" in pipeline.settings.own_addresses
        # Mail from the ingress's own desk address is ours: ignored, no ticket, no reply.
        looped = mail(sender="desk@example.com", message_id="<loop@example.com>")
        assert send(controller, looped) == {}
    (row,) = raw_messages(pipeline)
    assert row.outcome == "ignored" and "desk@example.com" in row.detail
    assert tickets(pipeline) == 0


def test_client_outside_allow_from_is_refused_without_auth(pipeline: Pipeline) -> None:
    with ingress(pipeline, allow_from=("10.0.0.0/8",)) as controller:
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            client.ehlo()
            assert not client.has_extn("auth")  # no credentials configured: none offered
            with pytest.raises(smtplib.SMTPSenderRefused) as info:
                client.sendmail("taro@customer.example", [OUR], mail())
        assert info.value.smtp_code == 550 and b"127.0.0.1" in info.value.smtp_error
    assert raw_messages(pipeline) == [] and tickets(pipeline) == 0


def test_ipv6_loopback_and_mapped_ipv4_clients_follow_allow_from() -> None:
    networks = tuple(ipaddress.ip_network(n) for n in IngressSettings().allow_from)
    assert client_allowed(("127.0.0.1", 40000), networks)
    assert client_allowed(("::1", 40000, 0, 0), networks)
    assert client_allowed(("::ffff:127.0.0.1", 40000, 0, 0), networks)
    assert not client_allowed(("192.0.2.7", 40000), networks)
    assert not client_allowed(("::ffff:192.0.2.7", 40000, 0, 0), networks)
    assert not client_allowed(None, networks)


def test_auth_over_starttls_lets_mail_in_and_auth_in_clear_is_refused(
    pipeline: Pipeline, tls_auth: dict[str, Any]
) -> None:
    with ingress(pipeline, **tls_auth) as controller:
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            client.ehlo()
            assert client.has_extn("starttls") and not client.has_extn("auth")
            code, _ = client.docmd("AUTH", f"PLAIN {plain_auth('relay', PASSWORD)}")
            assert code == 538  # encryption required first
            with pytest.raises(smtplib.SMTPSenderRefused) as info:
                client.sendmail("taro@customer.example", [OUR], mail())
            assert info.value.smtp_code == 530
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            client.starttls(context=client_ssl_context(Path(tls_auth["tls_cert"])))
            client.ehlo()
            assert client.has_extn("auth")
            client.login("relay", PASSWORD)
            assert client.sendmail("taro@customer.example", [OUR], mail()) == {}
    (row,) = raw_messages(pipeline)
    assert row.source == "smtp" and tickets(pipeline) == 1


def test_wrong_passwords_are_counted_and_close_the_connection(
    pipeline: Pipeline, tls_auth: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    context = client_ssl_context(Path(tls_auth["tls_cert"]))
    with ingress(pipeline, **tls_auth) as controller:
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            client.starttls(context=context)
            client.ehlo()
            for _ in range(AUTH_MAX_FAILURES - 1):
                code, _ = client.docmd("AUTH", f"PLAIN {plain_auth('relay', 'guess')}")
                assert code == 535
            code, reply = client.docmd("AUTH", f"PLAIN {plain_auth('mallory', PASSWORD)}")
            assert code == 421 and b"Too many" in reply
            with pytest.raises(smtplib.SMTPServerDisconnected):
                client.docmd("AUTH", f"PLAIN {plain_auth('relay', PASSWORD)}")
        # The limit is per connection: the right password on a new one works.
        with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
            client.starttls(context=context)
            client.login("relay", PASSWORD)
            assert client.sendmail("taro@customer.example", [OUR], mail()) == {}
    failures = [r for r in caplog.records if "failed AUTH" in r.getMessage()]
    assert len(failures) == AUTH_MAX_FAILURES
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)
    assert len(raw_messages(pipeline)) == 1


def test_missing_certificate_or_password_fails_at_start_naming_the_key(
    pipeline: Pipeline, tls_auth: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for options, key in (
        ({**tls_auth, "tls_cert": str(tmp_path / "missing.pem")}, "ingress.tls_cert"),
        ({**tls_auth, "tls_key": str(tmp_path / "missing.key")}, "ingress.tls_key"),
        ({**tls_auth, "tls_key": tls_auth["tls_cert"]}, "ingress.tls_cert"),  # no key inside
    ):
        settings = replace(
            pipeline.settings, ingress=IngressSettings(listen="127.0.0.1:0", **options)
        )
        with pytest.raises(ConfigError, match=re.escape(key)):
            start_listener(pipeline, settings)
    monkeypatch.delenv(PASSWORD_ENV)
    settings = replace(pipeline.settings, ingress=IngressSettings(listen="127.0.0.1:0", **tls_auth))
    with pytest.raises(ConfigError, match=re.escape("ingress.auth_password_env")):
        start_listener(pipeline, settings)
    secret = tmp_path / "ingress-password"
    secret.write_text(PASSWORD + "\n")
    from_file = {**tls_auth, "auth_password_env": "", "auth_password_file": secret.name}  # relative
    settings = replace(pipeline.settings, ingress=IngressSettings(**from_file))
    assert settings.ingress.auth_password(settings.base_dir) == PASSWORD


def test_the_ingress_password_is_scrubbed_from_logs(
    pipeline: Pipeline, tls_auth: dict[str, Any]
) -> None:
    settings = replace(pipeline.settings, ingress=IngressSettings(**tls_auth))
    assert PASSWORD in secret_values(settings)
    assert scrub(f"login relay {PASSWORD}", secret_values(settings)) == "login relay ***"


def test_auth_without_a_certificate_is_a_security_warning(
    pipeline: Pipeline, tls_auth: dict[str, Any]
) -> None:
    clear = {**tls_auth, "tls_cert": "", "tls_key": ""}
    warned = security_warnings(replace(pipeline.settings, ingress=IngressSettings(**clear)))
    assert any("AUTH without tls_cert" in w for w in warned)
    with_tls = replace(pipeline.settings, ingress=IngressSettings(**tls_auth))
    assert not any("AUTH" in w for w in security_warnings(with_tls))


def test_the_start_up_line_says_who_may_deliver(tls_auth: dict[str, Any]) -> None:
    assert access_summary(Settings()) == "without AUTH from 127.0.0.0/8, ::1/128"
    tls = Settings(ingress=IngressSettings(**tls_auth))
    assert access_summary(tls) == "without AUTH from 10.0.0.0/8; AUTH after STARTTLS"
