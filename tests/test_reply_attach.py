"""`tickets reply --attach FILE`: the files go out as MIME parts, through a real SMTP
sink and into the Maildir, byte for byte; they are read once, at queue time (a file
removed afterwards, or a restart before sending, changes nothing); too much, a missing
file or a directory is a usage error and nothing is queued; the desk lists and saves
what it sent like what it received."""

from __future__ import annotations

import email
import email.policy
import json
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.desk_support import Desk
from tests.servers import SmtpSink
from tests.support import mail, run_cli
from ticketing.models import OutboxMessage

pytestmark = pytest.mark.services

JAPANESE_NAME = "請求書 2026年11月.pdf"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 64  # binary, every byte value
CSV = b"invoice,amount\nINV-2026-0042,120.00\n"


def _files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "to-send"
    folder.mkdir()
    pdf = folder / JAPANESE_NAME
    pdf.write_bytes(PDF)
    csv = folder / "usage.csv"
    csv.write_bytes(CSV)
    return [pdf, csv]


def _attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    return {
        str(part.get_filename()): (part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_attachments()
    }


def _reply(desk: Desk, tid: int, files: list[Path], *extra: str) -> None:
    args = ["tickets", "reply", str(tid), "--body", "The statement is attached."]
    for f in files:
        args += ["--attach", str(f)]
    desk.ok(*args, *extra)


def _outbox_rows(desk: Desk) -> int:
    with desk.session() as s:
        return int(s.execute(select(func.count()).select_from(OutboxMessage)).scalar_one())


def test_attachments_reach_the_relay_byte_for_byte(
    sink_desk: Desk, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    tid = sink_desk.ingest(mail())
    _reply(sink_desk, tid, _files(tmp_path))
    assert sink_desk.json("outbox", "send")["sent"] == 2  # acknowledgement, reply
    reply = smtp_sink.messages[-1].parsed()
    assert reply.get_content_type() == "multipart/mixed"
    assert _attachments(reply) == {
        JAPANESE_NAME: ("application/pdf", PDF),
        "usage.csv": ("text/csv", CSV),
    }
    body = reply.get_body(("plain",))
    assert body is not None and "The statement is attached." in body.get_content()
    assert reply["In-Reply-To"] == "<m1@customer.example>"  # still threaded
    # The non-ASCII name travels in RFC 2231 form, not raw UTF-8 in a header.
    assert b"filename*=utf-8''" in smtp_sink.messages[-1].data


def test_attachments_reach_the_maildir_and_the_desk_lists_and_saves_them(
    desk: Desk, tmp_path: Path
) -> None:
    tid = desk.ingest(mail())
    _reply(desk, tid, _files(tmp_path))
    desk.ok("outbox", "send")
    box = mailbox.Maildir(str(desk.settings.path(desk.settings.service.maildir)), create=False)
    sent = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default) for m in box]
    (reply,) = [m for m in sent if m.get_content_type() == "multipart/mixed"]
    assert _attachments(reply)[JAPANESE_NAME] == ("application/pdf", PDF)  # type: ignore[arg-type]
    shown = desk.json("tickets", "show", str(tid))
    ours = shown["messages"][-1]
    assert ours["direction"] == "out"
    assert [(a["filename"], a["size"]) for a in ours["attachments"]] == [
        (JAPANESE_NAME, len(PDF)),
        ("usage.csv", len(CSV)),
    ]
    listed = desk.json("tickets", "attachment", str(tid), "--list")
    assert {a["filename"] for a in listed} == {JAPANESE_NAME, "usage.csv"}
    saved = tmp_path / "saved"
    saved.mkdir()
    desk.ok("tickets", "attachment", str(tid), "--save", str(saved))
    assert (saved / JAPANESE_NAME).read_bytes() == PDF
    # Attachment names are searchable, ours too.
    assert [t["id"] for t in desk.json("tickets", "search", "usage.csv")] == [tid]


def test_a_file_removed_after_queueing_is_still_sent_after_a_restart(
    desk: Desk, tmp_path: Path
) -> None:
    tid = desk.ingest(mail())
    files = _files(tmp_path)
    _reply(desk, tid, files)
    for f in files:
        f.unlink()
    desk.close()
    # Another process, as after a restart, sends what the first one queued.
    sent = json.loads(run_cli(desk.config, "outbox", "send", "--json").stdout)
    assert sent["sent"] == 2
    box = mailbox.Maildir(str(desk.settings.path(desk.settings.service.maildir)), create=False)
    parsed = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default) for m in box]
    (reply,) = [m for m in parsed if m.get_content_type() == "multipart/mixed"]
    assert _attachments(reply)["usage.csv"] == ("text/csv", CSV)  # type: ignore[arg-type]


def test_bad_attachments_are_usage_errors_and_queue_nothing(desk: Desk, tmp_path: Path) -> None:
    tid = desk.ingest(mail())
    before = _outbox_rows(desk)
    files = _files(tmp_path)
    for args, says in (
        (["--attach", str(tmp_path / "missing.pdf")], "missing.pdf: No such file"),
        (["--attach", str(files[0].parent)], "is a directory"),
        (["--attach", str(files[1]), "--attach", "/dev/null"], "/dev/null: not a regular file"),
    ):
        out = desk.fails(2, "tickets", "reply", str(tid), "--body", "x", *args)
        assert says in out, out
    assert _outbox_rows(desk) == before
    assert len(desk.json("tickets", "show", str(tid))["messages"]) == 2


def test_attachments_over_the_limit_are_refused_naming_the_setting(tmp_path: Path) -> None:
    desk = Desk(
        tmp_path, f"sqlite:///{tmp_path}/t.db", service="max_reply_attachment_bytes = 10000"
    )
    try:
        desk.ok("init")
        tid = desk.ingest(mail())
        before = _outbox_rows(desk)
        files = _files(tmp_path)
        out = desk.fails(
            2,
            "tickets",
            "reply",
            str(tid),
            "--body",
            "x",
            "--attach",
            str(files[1]),
            "--attach",
            str(files[0]),
        )
        assert JAPANESE_NAME in out and "max_reply_attachment_bytes = 10000" in out
        assert _outbox_rows(desk) == before
        _reply(desk, tid, [files[1]])  # the small one alone fits
        assert _outbox_rows(desk) == before + 1
    finally:
        desk.close()
