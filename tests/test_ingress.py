"""The embedded SMTP ingress: 250 only after commit, 550 outside our domains, 552 over
the size limit, 451 while the database is unavailable — and nothing lost on retry."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.servers import free_port
from tests.support import OUR, mail, with_service
from ticketing.config import IngressSettings
from ticketing.ingress import start_listener
from ticketing.models import RawMessage, Ticket
from ticketing.pipeline import Pipeline


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
    from tests.servers import client_ssl_context, make_self_signed_cert

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
