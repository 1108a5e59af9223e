"""`serve` logs one line per mail, naming its ticket, queue, sender and Message-ID: as
text for people, as a JSON object with `--log-format json` (or `[service] log_json`)."""

from __future__ import annotations

import json
import smtplib
import time
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port
from tests.support import OUR, mail, run_cli, serving, write_config

READY = "stop with Ctrl-C or SIGTERM"


def ingress_config(tmp_path: Path, port: int, service: str = "") -> Path:
    config = write_config(tmp_path, service=service)
    config.write_text(
        config.read_text(encoding="utf-8").replace('listen = ""', f'listen = "127.0.0.1:{port}"'),
        encoding="utf-8",
    )
    return config


def deliver_and_read_log(
    tmp_path: Path, options: tuple[str, ...] = (), service: str = ""
) -> list[str]:
    """Start serve, deliver two mails (a new ticket and its follow-up) through the
    ingress, stop serve with SIGTERM; its log lines."""
    port = free_port()
    config = ingress_config(tmp_path, port, service)
    run_cli(config, "init")
    log = tmp_path / "serve.log"
    with serving(config, log, options=options) as proc:
        deadline = time.monotonic() + 60
        while READY not in log.read_text(errors="replace"):
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, log.read_text(errors="replace")
            time.sleep(0.1)
        _wait_for_port(port)
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.sendmail(
                "taro@customer.example",
                [OUR],
                mail(subject="Why was I charged twice?", message_id="<first@customer.example>"),
            )
            client.sendmail(
                "taro@customer.example",
                [OUR],
                mail(
                    subject="Re: Why was I charged twice?",
                    message_id="<second@customer.example>",
                    in_reply_to="<first@customer.example>",
                ),
            )
        proc.terminate()
        assert proc.wait(timeout=30) == 0
    return log.read_text(encoding="utf-8").splitlines()


def _wait_for_port(port: int) -> None:
    import socket

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"the ingress never listened on {port}")


def mail_records(lines: list[str]) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in lines if line.startswith("{")]
    return [r for r in records if r["logger"] == "ticketing.pipeline"]


@pytest.mark.parametrize(
    ("options", "service"), [(("--log-format", "json"), ""), ((), "log_json = true")]
)
def test_json_log_has_one_record_per_mail(
    tmp_path: Path, options: tuple[str, ...], service: str
) -> None:
    records = mail_records(deliver_and_read_log(tmp_path, options, service))
    assert len(records) == 2, records
    first, second = records
    common = {"level": "info", "sender": "taro@customer.example", "source": "smtp"}
    assert {k: first[k] for k in common} == common
    assert (first["outcome"], first["ticket"], first["queue"], first["message_id"]) == (
        "ticket",
        1,
        "billing",
        "first@customer.example",
    )
    assert (second["outcome"], second["ticket"], second["queue"], second["message_id"]) == (
        "followup",
        1,
        "billing",
        "second@customer.example",
    )
    assert first["message"] == (
        "mail <first@customer.example> from taro@customer.example: ticket, "
        "ticket 1 in billing (new ticket 1)"
    )


def test_text_log_names_ticket_queue_sender_and_message_id(tmp_path: Path) -> None:
    lines = deliver_and_read_log(tmp_path, ("--log-format", "text"), "log_json = true")
    assert not any(line.startswith("{") for line in lines)  # the option wins over the file
    per_mail = [line for line in lines if " INFO ticketing.pipeline: mail <" in line]
    assert len(per_mail) == 2, lines
    assert per_mail[0].endswith(
        "mail <first@customer.example> from taro@customer.example: ticket, "
        "ticket 1 in billing (new ticket 1)"
    )
    assert "mail <second@customer.example> from taro@customer.example: followup, " in per_mail[1]
    assert "ticket 1 in billing" in per_mail[1]
