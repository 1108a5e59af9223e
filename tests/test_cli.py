"""The CLI contract: commands, JSON shapes, exit codes (0 ok, 2 usage, 1 error with one
line), driven through click's CliRunner and, where it matters, a real subprocess."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO, invoke, mail, ok, run_cli, write_config


@pytest.fixture
def config(tmp_path: Path, db_url: str) -> Path:
    return write_config(tmp_path, db_url=db_url)


def test_help_imports_neither_sqlalchemy_nor_jinja() -> None:
    code = (
        "import sys; from ticketing.cli import main; sys.argv=['ticketing','--help'];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('sqlalchemy','jinja2','sqlmodel')]\n"
        "print('HEAVY', bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert "HEAVY []" in out.stdout, out.stdout


def test_init_is_idempotent(config: Path) -> None:
    assert "database ready" in ok(config, "init").output
    assert "database ready" in ok(config, "init").output


def test_uninitialised_database_says_what_to_do(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    result = invoke(config, "tickets", "list")
    assert result.exit_code == 1
    assert "run `ticketing init` first" in result.output and "Traceback" not in result.output


def test_ingest_files_and_stdin_then_list_and_show(config: Path, tmp_path: Path) -> None:
    ok(config, "init")
    f = tmp_path / "one.eml"
    f.write_bytes(mail())
    out = json.loads(ok(config, "ingest", "--json", str(f)).output)
    assert out[0]["outcome"] == "ticket"
    again = json.loads(ok(config, "ingest", "--json", str(f)).output)
    assert again[0]["outcome"] == "duplicate"
    stdin = json.loads(
        ok(config, "ingest", "--json", "-", input=mail(message_id="<s1@c>", subject="stdin")).output
    )
    assert stdin[0]["outcome"] == "ticket"
    listed = json.loads(ok(config, "tickets", "list", "--json").output)
    assert len(listed) == 2
    for key in (
        "id",
        "ref",
        "subject",
        "status",
        "queue",
        "requester",
        "created_at",
        "updated_at",
        "message_count",
    ):
        assert key in listed[0]
    tid = out[0]["ticket_id"]
    shown = json.loads(ok(config, "tickets", "show", f"BILL-{tid}", "--json").output)
    assert shown["id"] == tid and shown["ref"] == f"BILL-{tid}"
    first = shown["messages"][0]
    for key in (
        "direction",
        "message_id",
        "from",
        "to",
        "cc",
        "subject",
        "text",
        "created_at",
        "attachments",
    ):
        assert key in first
    assert first["direction"] == "in" and shown["messages"][1]["direction"] == "out"
    assert any(e["kind"] == "ticket.created" for e in shown["events"])
    human = ok(config, "tickets", "show", str(tid)).output
    heads = [line.split()[0] for line in human.splitlines() if line and not line[0].isspace()]
    assert heads[0].startswith("BILL-") and heads[1:4] == ["Customer", "Ticket", "SLA"]
    assert "Routing" in heads and "Conversation" in heads and "Audit" in heads
    assert heads.index("Routing") < heads.index("Conversation") < heads.index("Audit")
    assert "BILL-" in ok(config, "tickets", "list").output


def test_usage_errors_exit_2_and_errors_exit_1(config: Path) -> None:
    ok(config, "init")
    assert invoke(config, "tickets", "show").exit_code == 2
    assert invoke(config, "tickets", "list", "--limit", "zero").exit_code == 2
    assert invoke(config, "tickets", "list", "--queue", "sales").exit_code == 2
    assert invoke(config, "ingest").exit_code == 2
    assert invoke(config, "no-such-command").exit_code == 2
    assert invoke(config, "tickets", "show", "BILL-x").exit_code == 2
    missing = invoke(config, "tickets", "show", "999")
    assert missing.exit_code == 1 and missing.output.strip() == "Error: no ticket 999"
    nofile = invoke(config, "ingest", "/nonexistent.eml")
    assert nofile.exit_code == 2 and "cannot read" in nofile.output


def test_bad_config_is_one_line_with_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[service]\nfrom_address = "a@b.c"\nticket_tagg = "X"\n')
    result = invoke(bad, "init")
    assert result.exit_code == 1
    assert f"{bad}:3: service.ticket_tagg: unknown key" in result.output


def test_quarantine_commands(config: Path, tmp_path: Path) -> None:
    ok(config, "init")
    broken = tmp_path / "broken.eml"
    broken.write_bytes(b"Subject: nobody sent this\r\n\r\nno sender\r\n")
    ingested = invoke(config, "ingest", "--json", str(broken))
    assert ingested.exit_code == 3  # quarantined, not ticketed
    assert "1 of 1 message(s) quarantined" in ingested.stderr
    res = json.loads(ingested.stdout)
    assert res[0]["outcome"] == "quarantined"
    rid = res[0]["raw_id"]
    listed = json.loads(ok(config, "quarantine", "list", "--json").output)
    assert [q["id"] for q in listed] == [rid]
    assert json.loads(ok(config, "quarantine", "show", str(rid), "--json").output)["id"] == rid
    assert ok(config, "quarantine", "show", str(rid), "--raw").stdout_bytes == broken.read_bytes()
    retried = ok(config, "quarantine", "retry", str(rid)).output
    assert "quarantined" in retried  # still no sender: quarantined again, as a new row
    listed = json.loads(ok(config, "quarantine", "list", "--json").output)
    assert len(listed) == 1 and listed[0]["id"] != rid
    ok(config, "quarantine", "discard", str(listed[0]["id"]), "--reason", "spam")
    assert json.loads(ok(config, "quarantine", "list", "--json").output) == []
    assert invoke(config, "quarantine", "retry").exit_code == 2
    assert invoke(config, "quarantine", "discard", "1").exit_code == 2  # --reason is required


def test_outbox_send_to_maildir_and_list(config: Path, tmp_path: Path) -> None:
    ok(config, "init")
    ok(config, "ingest", "-", input=mail())
    pending = json.loads(ok(config, "outbox", "list", "--json").output)
    assert [o["status"] for o in pending] == ["pending"]
    assert json.loads(ok(config, "outbox", "send", "--json").output)["sent"] == 1
    assert len(list((tmp_path / "var" / "maildir" / "new").iterdir())) == 1
    assert [o["status"] for o in json.loads(ok(config, "outbox", "list", "--json").output)] == [
        "sent"
    ]
    assert invoke(config, "outbox", "retry").exit_code == 2
    assert invoke(config, "outbox", "retry", "1").exit_code == 1  # not failed


def test_real_subprocess_exit_codes(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    assert run_cli(config, "init").returncode == 0
    usage = run_cli(config, "tickets", "show", check=False)
    assert usage.returncode == 2 and b"Traceback" not in usage.stderr
    missing = run_cli(config, "tickets", "show", "42", check=False)
    assert missing.returncode == 1 and missing.stderr.decode().strip() == "Error: no ticket 42"


def test_held_follow_up_can_be_released_by_an_agent(config: Path) -> None:
    ok(config, "init")
    first = json.loads(ok(config, "ingest", "--json", "-", input=mail()).output)[0]
    tid = first["ticket_id"]
    stranger = mail(
        subject=f"Re: [BILL-{tid}]", sender="colleague@other.example", message_id="<h1@o>"
    )
    held = json.loads(ok(config, "ingest", "--json", "-", input=stranger).output)[0]
    assert held["outcome"] == "held"
    assert [h["id"] for h in json.loads(ok(config, "tickets", "held", "--json").output)] == [
        held["raw_id"]
    ]
    assert invoke(config, "tickets", "release", str(held["raw_id"])).exit_code == 2
    out = json.loads(
        ok(config, "tickets", "release", str(held["raw_id"]), "--attach", "--json").output
    )
    assert out["outcome"] == "followup" and out["ticket_id"] == tid
    assert json.loads(ok(config, "tickets", "held", "--json").output) == []
    shown = json.loads(ok(config, "tickets", "show", str(tid), "--json").output)
    assert "colleague@other.example" in [p["email"] for p in shown["participants"]]
    assert any(e["kind"] == "held.released" for e in shown["events"])
    # Once a participant, the colleague's next reply attaches directly.
    again = mail(subject=f"Re: [BILL-{tid}]", sender="colleague@other.example", message_id="<h2@o>")
    assert (
        json.loads(ok(config, "ingest", "--json", "-", input=again).output)[0]["outcome"]
        == "followup"
    )


def test_reply_to_closed_ticket_opens_new_one_when_configured(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, db_url=db_url, service='reply_to_closed = "new"')
    ok(config, "init")
    first = json.loads(ok(config, "ingest", "--json", "-", input=mail()).output)[0]
    from sqlmodel import Session

    from tests.support import settings_from
    from ticketing.db import make_engine
    from ticketing.models import Ticket

    engine = make_engine(settings_from(config).database_url)
    with Session(engine) as s:
        t = s.get(Ticket, first["ticket_id"])
        assert t is not None
        t.status = "closed"
        s.add(t)
        s.commit()
    engine.dispose()
    reply = mail(subject=f"Re: [BILL-{first['ticket_id']}] again", message_id="<again@c>")
    second = json.loads(ok(config, "ingest", "--json", "-", input=reply).output)[0]
    assert second["outcome"] == "ticket" and second["ticket_id"] != first["ticket_id"]


def test_a_parse_worker_of_python_m_ticketing_cli_can_start() -> None:
    """A spawned parse worker of `python -m ticketing.cli serve` re-runs cli.py as
    __mp_main__; that must not import the command groups (a circular import there killed
    every worker)."""
    code = "import runpy; runpy.run_module('ticketing.cli', run_name='__mp_main__', alter_sys=True)"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=str(REPO), capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_output_into_a_closed_pipe_ends_quietly_with_status_0(
    config: Path, tmp_path: Path, json_flag: tuple[str, ...]
) -> None:
    """The reader went away before we wrote (`ticketing tickets list | head -1` once
    head has its line): status 0 and nothing on stderr, not 1 or "unexpected error"."""
    run_cli(config, "init")
    run_cli(config, "ingest", str(_mail_file(tmp_path, 0)))
    env = {**os.environ, "TICKETING_CONFIG": str(config)}
    env.pop("TICKETING_DATABASE_URL", None)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ticketing.cli", "tickets", "list", *json_flag],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            cwd=str(REPO),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, b"")


def test_listing_piped_into_head_ends_quietly_with_status_0(config: Path, tmp_path: Path) -> None:
    """More output than a pipe holds, read by `head -1`."""
    mails = [str(_mail_file(tmp_path, n)) for n in range(700)]
    run_cli(config, "init")
    run_cli(config, "ingest", *mails, timeout=300)
    env = {**os.environ, "TICKETING_CONFIG": str(config)}
    env.pop("TICKETING_DATABASE_URL", None)
    command = f"{shlex.quote(sys.executable)} -m ticketing.cli tickets list --limit 1000 | head -1"
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        env=env,
        cwd=str(REPO),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert proc.stderr == b""
    assert proc.stdout.startswith(b"REF") and proc.stdout.count(b"\n") == 1


def _mail_file(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"m{n}.eml"
    subject = f"Invoice INV-2026-{n:04d} charged twice, please look at it soon"
    path.write_bytes(mail(subject=subject, message_id=f"<pipe{n}@customer.example>"))
    return path
