"""Tests of the integration-test harness itself (tests/servers.py): private Dovecot, SMTP
sink and throwaway PostgreSQL databases behave as the integration tests rely on."""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from pathlib import Path

import psycopg
import pytest
import sqlalchemy
from imapclient.exceptions import LoginError

from tests.servers import (
    Dovecot,
    ImapAccount,
    PgDatabase,
    ServiceUnavailable,
    SmtpSink,
    free_port,
    make_self_signed_cert,
)

pytestmark = pytest.mark.services

RAW = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: %d\r\n\r\nbody %d\r\n"


def raw(n: int) -> bytes:
    return RAW % (n, n)


# ------------------------------------------------------------------------ TLS/cert


def test_self_signed_cert_verifies_strictly(tmp_path: Path) -> None:
    cert, key = make_self_signed_cert(tmp_path)
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert key.stat().st_mode & 0o077 == 0
    context = ssl.create_default_context(cafile=str(cert))
    # Python 3.13 turns strict X.509 checking on by default; the cert must pass it.
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    # In-memory handshake: no sockets, so nothing to leak.
    for hostname in ("localhost", "127.0.0.1"):
        c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
        client = context.wrap_bio(c_in, c_out, server_hostname=hostname)
        server = server_context.wrap_bio(s_in, s_out, server_side=True)
        for _ in range(10):
            for side in (client, server):
                # Each side needs the other's bytes; pump them until both are done.
                with contextlib.suppress(ssl.SSLWantReadError):
                    side.do_handshake()
            s_in.write(c_out.read())
            c_in.write(s_out.read())
        assert client.version() in ("TLSv1.2", "TLSv1.3")


# ------------------------------------------------------------------------- Dovecot


def test_dovecot_tls_verifies_with_cert_as_ca(dovecot: Dovecot) -> None:
    for server_hostname in ("localhost", "127.0.0.1"):
        with (
            socket.create_connection((dovecot.host, dovecot.imaps_port), timeout=5) as sock,
            dovecot.ssl_context().wrap_socket(sock, server_hostname=server_hostname) as tls,
        ):
            assert tls.recv(64).startswith(b"* OK")
    # Without the test CA the certificate is (rightly) not trusted.
    with (
        socket.create_connection((dovecot.host, dovecot.imaps_port), timeout=5) as sock,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        ssl.create_default_context().wrap_socket(sock, server_hostname="localhost")


def test_plain_starttls_and_implicit_tls_logins(imap_account: ImapAccount) -> None:
    with imap_account.client(tls="none") as client:
        assert not isinstance(client.socket(), ssl.SSLSocket)
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
    with imap_account.client(tls="starttls") as client:
        assert isinstance(client.socket(), ssl.SSLSocket)
        client.noop()
    with imap_account.client(tls="implicit") as client:
        assert isinstance(client.socket(), ssl.SSLSocket)
        client.noop()


def test_wrong_password_is_refused(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    dovecot.users[imap_account.username] = "not-the-password"
    try:
        with pytest.raises(LoginError), dovecot.client(imap_account.username):
            pass
    finally:
        dovecot.users[imap_account.username] = imap_account.password


def test_append_returns_increasing_uids(imap_account: ImapAccount) -> None:
    assert [imap_account.append(raw(i)) for i in range(3)] == [1, 2, 3]
    assert imap_account.uids() == [1, 2, 3]
    assert imap_account.message(2) == raw(1)
    assert "\\Seen" not in imap_account.flags(2)  # message() peeks, flags untouched

    uid = imap_account.append(raw(9), folder="Processed", flags=["\\Seen", "\\Flagged"])
    assert uid == 1
    assert {"\\Seen", "\\Flagged"} <= imap_account.flags(uid, "Processed")
    assert imap_account.folder_uids() == {"INBOX": [1, 2, 3], "Processed": [1]}
    assert imap_account.uids("NoSuchFolder") == []
    with pytest.raises(KeyError):
        imap_account.flags(99)


def test_accounts_do_not_share_mail(dovecot: Dovecot) -> None:
    first, second = dovecot.new_account(), dovecot.new_account()
    first.append(raw(1))
    assert second.uids() == []
    assert set(dovecot.users) >= {first.username, second.username}


def test_restart_keeps_ports_users_and_mail(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    imap_account.append(raw(1))
    ports = (dovecot.imap_port, dovecot.imaps_port)
    with imap_account.client() as client:
        client.select_folder("INBOX")
        dovecot.stop()
        # A client connected at the moment of the outage sees its connection die.
        with pytest.raises((OSError, client.AbortError)):
            client.noop()
    assert not dovecot.running
    dovecot.start()
    assert (dovecot.imap_port, dovecot.imaps_port) == ports
    assert imap_account.append(raw(2)) == 2  # same mailbox, UIDs carry on

    dovecot.crash()
    dovecot.restart()
    assert imap_account.uids() == [1, 2]


def test_start_failure_raises_with_log_tail(dovecot: Dovecot) -> None:
    clash = Dovecot(imap_port=dovecot.imap_port, imaps_port=free_port(), startup_timeout=5)
    try:
        with pytest.raises(ServiceUnavailable, match="Address already in use"):
            clash.start()
    finally:
        clash.close()
    assert dovecot.running


# ------------------------------------------------------------------------ SMTP sink


def send(sink: SmtpSink, data: bytes, rcpts: tuple[str, ...] = ("b@example.com",)) -> None:
    with smtplib.SMTP(sink.host, sink.port, local_hostname="localhost", timeout=5) as smtp:
        smtp.sendmail("a@example.com", list(rcpts), data)


def test_sink_receives_messages(smtp_sink: SmtpSink) -> None:
    send(smtp_sink, raw(1), ("b@example.com", "c@example.com"))
    (message,) = smtp_sink.wait_for(1)
    assert message.mail_from == "a@example.com"
    assert message.rcpt_tos == ("b@example.com", "c@example.com")
    assert message.data == raw(1)
    assert message.parsed()["Subject"] == "1"
    smtp_sink.clear()
    assert smtp_sink.messages == []
    with pytest.raises(TimeoutError):
        smtp_sink.wait_for(1, timeout=0.05)


def test_sink_fail_with_data_error(smtp_sink: SmtpSink) -> None:
    smtp_sink.fail_with = "451 4.3.0 try later"
    with pytest.raises(smtplib.SMTPDataError) as excinfo:
        send(smtp_sink, raw(1))
    assert excinfo.value.smtp_code == 451

    smtp_sink.fail_with = "554 5.6.0 rejected"
    with pytest.raises(smtplib.SMTPDataError) as excinfo:
        send(smtp_sink, raw(1))
    assert excinfo.value.smtp_code == 554
    assert smtp_sink.messages == []
    assert smtp_sink.failures == 2


def test_sink_fail_rcpt_and_fail_times(smtp_sink: SmtpSink) -> None:
    smtp_sink.fail_rcpt_with = "550 5.1.1 no such user"
    with pytest.raises(smtplib.SMTPRecipientsRefused) as excinfo:
        send(smtp_sink, raw(1))
    assert excinfo.value.recipients["b@example.com"][0] == 550
    smtp_sink.fail_rcpt_with = None

    smtp_sink.fail_with, smtp_sink.fail_times = "421 4.4.2 busy", 1
    with pytest.raises(smtplib.SMTPException):
        send(smtp_sink, raw(1))
    send(smtp_sink, raw(2))  # the failure was used up
    assert [m.data for m in smtp_sink.wait_for(1)] == [raw(2)]
    assert smtp_sink.fail_with is None


def test_sink_stop_and_start_on_same_port(smtp_sink: SmtpSink) -> None:
    port = smtp_sink.port
    smtp_sink.stop()
    with pytest.raises(ConnectionRefusedError):
        send(smtp_sink, raw(1))
    smtp_sink.start()
    assert smtp_sink.port == port
    send(smtp_sink, raw(2))
    assert len(smtp_sink.wait_for(1)) == 1


# ----------------------------------------------------------------------- PostgreSQL


def _database_exists(name: str) -> bool:
    with psycopg.connect(
        host="127.0.0.1", port=5432, user="postgres", dbname="postgres", connect_timeout=5
    ) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        return row is not None


def test_pg_database_creates_and_drops(pg_database: PgDatabase) -> None:
    assert pg_database.url.startswith("postgresql+psycopg://postgres@127.0.0.1:5432/")
    engine = sqlalchemy.create_engine(pg_database.url)
    try:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text("CREATE TABLE t (x int)"))
            conn.execute(sqlalchemy.text("INSERT INTO t VALUES (1)"))
        with engine.connect() as conn:
            assert conn.execute(sqlalchemy.text("SELECT x FROM t")).scalar_one() == 1
    finally:
        engine.dispose()

    # A session the test forgot to close must not block the drop.
    leftover = psycopg.connect(pg_database.conninfo)
    try:
        assert _database_exists(pg_database.name)
        pg_database.drop()
        assert not _database_exists(pg_database.name)
        pg_database.drop()  # idempotent
    finally:
        leftover.close()


def test_pg_url_fixture_is_fresh(pg_url: str) -> None:
    engine = sqlalchemy.create_engine(pg_url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                sqlalchemy.text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
        assert tables == 0
    finally:
        engine.dispose()
