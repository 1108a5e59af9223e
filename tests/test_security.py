"""Passwords and customer data stay private (issue 12, items 6 and 7).

A canary password is planted in every place the config can hold one (a plain mailbox
password, a plain SMTP password, the database URL); no command's output, error or log may
ever show it. Everything the desk writes under `var_dir` (and the SQLite files) is private
to the service's user whatever the umask, and `config check` reports anything looser.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import OUR, mail, run_cli, serving, write_config

CANARY_IMAP = "canary-imap-5Qz8Wv"
CANARY_SMTP = "canary-smtp-Hk3Lp0"
CANARY_DB = "canary-db-R7tYx2"
CANARIES = (CANARY_IMAP, CANARY_SMTP, CANARY_DB)

PLAIN_PASSWORDS = f"""
[[mailboxes]]
name = "billing"
host = "127.0.0.1"
port = 1
security = "none"
username = "billing"
password = "{CANARY_IMAP}"
timeout = 2

[smtp]
host = "127.0.0.1"
port = 1
username = "relay"
password = "{CANARY_SMTP}"
"""


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def _output(proc: object) -> str:
    out = getattr(proc, "stdout", b"") + getattr(proc, "stderr", b"")
    return out.decode("utf-8", errors="replace")


def _assert_no_canary(text: str) -> None:
    for canary in CANARIES:
        assert canary not in text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _attachment_mail() -> bytes:
    return (
        f"From: Taro <taro@customer.example>\r\nTo: {OUR}\r\nSubject: Invoice copy\r\n"
        "Message-ID: <att-1@customer.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the scan.\r\n"
        "--b1\r\nContent-Type: application/pdf\r\n"
        'Content-Disposition: attachment; filename="scan.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IK\r\n--b1--\r\n"
    ).encode()


# -- item 6: plain passwords ---------------------------------------------------------------


def test_plain_password_in_a_readable_config_warns_and_never_shows(tmp_path: Path) -> None:
    config = write_config(tmp_path, extra=PLAIN_PASSWORDS)
    os.chmod(config, 0o644)
    init = run_cli(config, "init")
    assert "holds a plain password" in init.stderr.decode()

    check = run_cli(config, "config", "check", check=False)
    text = _output(check)
    assert "passwords" in text and "chmod 600" in text
    _assert_no_canary(text)

    as_json = run_cli(config, "config", "check", "--json", check=False)
    _assert_no_canary(_output(as_json))
    states = {c["check"]: c["state"] for c in json.loads(as_json.stdout)["checks"]}
    assert states["passwords"] == "warn"

    # Every start warns, once: ingest is how mail enters without a server.
    ingest = run_cli(config, "ingest", "-", input=mail())
    assert ingest.stderr.decode().count("holds a plain password") == 1
    _assert_no_canary(_output(ingest))

    # Failing to reach the mailbox and the relay are logged and reported, without them.
    poll = run_cli(config, "poll", check=False)
    _assert_no_canary(_output(poll))
    send = run_cli(config, "outbox", "send", check=False)
    _assert_no_canary(_output(send))
    listed = run_cli(config, "outbox", "list", "--json", check=False)
    _assert_no_canary(_output(listed))

    # A private config file is fine: no warning.
    os.chmod(config, 0o600)
    quiet = run_cli(config, "config", "check", "--json", check=False)
    states = {c["check"]: c["state"] for c in json.loads(quiet.stdout)["checks"]}
    assert states["passwords"] == "ok"
    assert "holds a plain password" not in run_cli(config, "status").stderr.decode()


@pytest.mark.parametrize(
    "url",
    [
        # Does not connect: the driver's error names the URL.
        f"postgresql+psycopg://postgres:{CANARY_DB}@127.0.0.1:1/nowhere",
        # Does not parse: SQLAlchemy's error quotes the whole string.
        f"postgresql+psycopg://postgres:{CANARY_DB}@127.0.0.1:notaport/x",
    ],
)
def test_database_password_never_appears_in_errors(tmp_path: Path, url: str) -> None:
    config = write_config(tmp_path, db_url=url)
    for args in (("tickets", "list"), ("tickets", "list", "--json"), ("init",)):
        proc = run_cli(config, *args, check=False)
        assert proc.returncode != 0
        text = _output(proc)
        assert "Traceback" not in text
        _assert_no_canary(text)
    check = run_cli(config, "config", "check", "--json", check=False)
    assert check.returncode == 1
    _assert_no_canary(_output(check))
    states = {c["check"]: c["state"] for c in json.loads(check.stdout)["checks"]}
    assert states["database"] == "fail"


def test_serve_log_lines_never_show_a_password(tmp_path: Path) -> None:
    config = write_config(tmp_path, extra=PLAIN_PASSWORDS)
    os.chmod(config, 0o600)
    run_cli(config, "init")
    run_cli(config, "ingest", "-", input=mail())  # an acknowledgement for the relay
    log = tmp_path / "serve.log"
    with serving(config, log) as proc:
        # The mailbox and the relay both refuse; wait until both failures are logged.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace")
            if "reconnecting in" in text and "will retry" in text:
                break
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert "127.0.0.1" in text, f"serve logged no connection failure: {text}"
    assert "mailbox billing:" in text and "will retry" in text, text
    _assert_no_canary(text)


# -- item 7: private data ------------------------------------------------------------------


def test_var_dir_and_every_file_are_private_whatever_the_umask(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with umask(0o022):
        run_cli(config, "init")
        run_cli(config, "ingest", "-", input=_attachment_mail())
        run_cli(config, "outbox", "send")
    var = tmp_path / "var"
    files = [p for p in var.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "reply-keys" in names
    assert any(p.parent.name == "new" for p in files), "no outbound mail was written"
    assert any("attachments" in p.parts for p in files), "no attachment was stored"
    db = tmp_path / "ticketing.db"
    files += [
        p
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
        if p.exists()
    ]
    assert db in files
    assert _mode(var) == 0o700
    for path in var.rglob("*"):
        if path.is_dir():
            assert _mode(path) == 0o700, path
    for path in files:
        assert _mode(path) == 0o600, path

    ok = run_cli(config, "config", "check", "--json")
    states = {c["check"]: c["state"] for c in json.loads(ok.stdout)["checks"]}
    assert states["data permissions"] == "ok"


def test_config_check_reports_looser_permissions_and_init_tightens_them(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    run_cli(config, "init")
    run_cli(config, "ingest", "-", input=_attachment_mail())
    var = tmp_path / "var"
    blob = next(p for p in var.rglob("*") if p.is_file() and "attachments" in p.parts)
    os.chmod(blob, 0o644)
    os.chmod(var, 0o755)

    check = run_cli(config, "config", "check", check=False)
    assert check.returncode == 1
    text = check.stdout.decode()
    assert f"{blob} (mode 0644)" in text and f"{var} (mode 0755)" in text

    run_cli(config, "init")
    assert _mode(blob) == 0o600 and _mode(var) == 0o700
    assert run_cli(config, "config", "check").returncode == 0


def test_every_configured_secret_is_scrubbed_from_messages_and_log_lines(tmp_path: Path) -> None:
    """The scrubbing the CLI and the service's log handler rely on knows every secret."""
    import logging

    from ticketing import private, replykeys
    from ticketing.config import load_settings
    from ticketing.logs import RedactingFormatter

    url = f"postgresql+psycopg://postgres:{CANARY_DB}@127.0.0.1:5432/x"
    config = write_config(tmp_path, db_url=url, extra=PLAIN_PASSWORDS)
    settings = load_settings(config, env={})
    replykeys.ensure_key(settings)
    key = replykeys.load(settings).signing.decode()
    secrets = private.secret_values(settings)
    assert {CANARY_IMAP, CANARY_SMTP, CANARY_DB, key} <= set(secrets)

    message = f"login {CANARY_IMAP} relay {CANARY_SMTP} db {url} key {key}"
    scrubbed = private.scrub(message, secrets)
    assert (
        scrubbed
        == "login *** relay *** db postgresql+psycopg://postgres:***@127.0.0.1:5432/x key ***"
    )

    formatter = RedactingFormatter(logging.Formatter("%(message)s"), secrets)
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed: %s", (message,), None)
    assert formatter.format(record) == f"failed: {scrubbed}"
