"""Trust and money (issue 12, items 8 and 10): what mail can do to an agent's terminal,
to the database and to the service's memory, and the CLI's answer to ids out of range."""

from __future__ import annotations

import base64
import json
import logging
import re
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlmodel import Session, col

from tests.support import invoke, mail, make_settings, ok, write_config
from ticketing import display
from ticketing.cli import table
from ticketing.db import make_engine, upgrade
from ticketing.desk import raw_bytes
from ticketing.inbound import ParseLimits
from ticketing.logs import configure_logging
from ticketing.loops import autoreply_refusal, rate_key
from ticketing.models import Attachment, Event, RawMessage
from ticketing.parallel import MIN_PARALLEL_BATCH
from ticketing.parse import parse_email
from ticketing.pipeline import IngestResult, Pipeline, RawItem

# What must never reach a terminal: C0 controls but line break and tab, DEL, C1
# controls, bidi embeddings/overrides/isolates and marks, invisible format characters.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)


def _word(value: str) -> str:
    """An RFC 2047 encoded word: any character gets into a header that way."""
    return "=?utf-8?b?" + base64.b64encode(value.encode()).decode() + "?="


SUBJECT = (
    "Invoice \x1b]0;pwned\x07 \x1b[31mred\x1b[0m \x9b2J \u202egpj.exe"
    " \u2066hidden\u2069 pay\u200bment \U000e0041"
)
NAME = "Taro \x1b[2J Yamada"
BODY = "Hello \x1b]0;title\x07 there\nline two \x1b[1A\x1b[2K erased \u202eevil\r done\n"
# RFC 2231 lets a file name carry any byte, NUL and ESC included.
FILENAME_PARAM = "filename*=utf-8''in%00voice%1B%5D0%3Bx%07%C2%9B.pdf"
FILENAME = "in\x00voice\x1b]0;x\x07\x9b.pdf"


def hostile_mail(message_id: str = "<hostile@customer.example>") -> bytes:
    head = [
        f"From: {_word(NAME)} <taro@customer.example>",
        "To: billing@example.com",
        f"Subject: {_word(SUBJECT)}",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="B"',
    ]
    parts = [
        "--B",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        base64.b64encode(BODY.encode()).decode(),
        "--B",
        "Content-Type: application/pdf",
        f"Content-Disposition: attachment; {FILENAME_PARAM}",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQK",
        "--B--",
        "",
    ]
    return "\r\n".join([*head, "", *parts]).encode("ascii")


# -- item 8: control characters from mail ----------------------------------------------


def test_display_makes_every_control_visible_and_keeps_the_text() -> None:
    shown = display.line(SUBJECT)
    assert not _CONTROLS.search(shown)
    # Replaced where they were, not deleted: the words around them stay apart.
    assert shown.startswith("Invoice ␛]0;pwned␇ ␛[31mred␛[0m \ufffd2J \ufffdgpj.exe")
    assert "\ufffdhidden\ufffd" in shown
    assert "payment" in shown  # a zero-width space showed as nothing: dropped
    assert display.line("a\nb\tc\rd") == "a␊b c␍d"
    body = display.text(BODY)
    assert not _CONTROLS.search(body)
    assert body.count("\n") == BODY.count("\n")  # lines stay lines...
    assert "\r" not in body and "evil␍ done" in body  # ...but a lone CR rewrites none
    assert display.text("one\r\ntwo\u2028three") == "one\ntwo\nthree"
    assert display.text("日本語の件名 ① C:\\Users") == "日本語の件名 ① C:\\Users"


def test_json_escapes_every_control_and_round_trips() -> None:
    data = {"subject": SUBJECT, "body": BODY, "name\x1b": [FILENAME]}
    out = display.dumps(data)
    assert not _CONTROLS.search(out)
    assert json.loads(out) == data  # exactly what is stored
    assert "\\u202e" in out and "\\u009b" in out and "\\udb40\\udc41" in out
    assert "日本語" in display.dumps({"s": "日本語"})  # readable text stays as written


def test_table_prints_rich_markup_in_mail_literally(capsys: pytest.CaptureFixture[str]) -> None:
    table(
        [{"subject": "[bold]x[/bold] [link=http://evil.example]y[/link] :smile:"}],
        [("subject", "SUBJECT")],
    )
    out = capsys.readouterr().out
    assert "[bold]x[/bold] [link=http://evil.example]y[/link] :smile:" in out


def test_cli_prints_no_control_from_mail_and_json_keeps_it_escaped(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    ok(config, "init")
    ingested = json.loads(ok(config, "ingest", "--json", "-", input=hostile_mail()).output)[0]
    assert ingested["outcome"] == "ticket"
    tid = str(ingested["ticket_id"])
    outputs = {
        args: ok(config, *args).output
        for args in [
            ("tickets", "list"),
            ("tickets", "show", tid),
            ("tickets", "search", "Invoice"),
            ("customers", "list"),
            ("customers", "show", "taro@customer.example"),
        ]
    }
    for args, out in outputs.items():
        assert not _CONTROLS.search(out), (args, repr(out))
    shown = outputs[("tickets", "show", tid)]
    assert "Invoice ␛]0;pwned␇ ␛[31mred␛[0m" in shown  # visible, not obeyed
    assert "Taro ␛[2J Yamada" in shown
    assert "line two ␛[1A␛[2K erased \ufffdevil" in shown
    # The controls in the file name never reach the store: a safe base name is kept
    # (ticketing.filenames), each control made "_", the name as sent noted in decodings.
    attachment_lines = [x for x in shown.splitlines() if x.startswith("  [attachment")]
    assert attachment_lines == ["  [attachment 2] in_voice_]0;x__.pdf (application/pdf, 9 bytes)"]
    # --json: the stored text exactly, every control escaped.
    raw_json = ok(config, "tickets", "show", tid, "--json").output
    assert not _CONTROLS.search(raw_json)
    data = json.loads(raw_json)
    assert data["subject"] == SUBJECT
    assert data["messages"][0]["text"] == BODY.replace("\r", "\n")
    assert data["messages"][0]["attachments"][0]["filename"] == "in_voice_]0;x__.pdf"
    assert (
        "attachment 2 name 'in\\x00voice\\x1b]0;x\\x07\\x9b.pdf': reduced to 'in_voice_]0;x__.pdf'"
        in data["messages"][0]["decodings"]
    )
    listed = ok(config, "tickets", "list", "--json").output
    assert not _CONTROLS.search(listed) and json.loads(listed)[0]["subject"] == SUBJECT


def test_error_messages_quoting_mail_print_no_control(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    ok(config, "init")
    missing = invoke(config, "customers", "show", "evil\x1b]0;x\x07@example.com")
    assert missing.exit_code == 1
    assert "␛]0;x␇" in missing.output and not _CONTROLS.search(missing.output)


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.parametrize("as_json", [False, True])
def test_serve_logs_quote_mail_without_its_controls(
    root_logging: None, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    configure_logging("INFO", as_json)
    logging.getLogger("ticketing.pipeline").warning("quarantining message %s", SUBJECT)
    err = capsys.readouterr().err
    assert err and not _CONTROLS.search(err), repr(err)
    if as_json:
        assert json.loads(err)["message"] == f"quarantining message {SUBJECT}"
    else:
        assert "quarantining message Invoice ␛]0;pwned␇" in err


def test_nul_from_mail_stays_out_of_the_database(pipeline: Pipeline) -> None:
    """On PostgreSQL a NUL in an attachment name made the mail quarantined, one in a
    Message-ID or an address failed the whole batch; on SQLite it was stored and printed."""
    raw = hostile_mail(message_id="<nul\x00id@customer.example>").replace(
        b"From: ", b"Reply-To: <ta\x00ro@customer.example>\r\nFrom: ", 1
    )
    result = pipeline.ingest(RawItem(data=raw, source="cli"))
    assert result.outcome == "ticket", result.detail
    assert result.message_id == "nul%00id@customer.example"
    with pipeline.engine.connect() as conn:
        (filename,) = conn.execute(text("SELECT filename FROM attachments")).one()
        requester = conn.execute(text("SELECT requester FROM tickets")).scalar_one()
        to_addrs = conn.execute(text("SELECT to_addrs FROM outbox")).scalar_one()
    assert filename == "in_voice_]0;x__.pdf"  # a safe base name: each control made "_"
    assert requester == to_addrs == "ta%00ro@customer.example"
    with Session(pipeline.engine) as session:
        stored = session.get(RawMessage, result.raw_id)
        assert stored is not None and stored.data == raw  # the raw message keeps the bytes
    again = pipeline.ingest(RawItem(data=raw, source="cli"))
    assert again.outcome == "duplicate"


def test_nul_in_a_message_id_does_not_fail_the_rest_of_the_batch(pipeline: Pipeline) -> None:
    items = [
        RawItem(data=mail(message_id="<fine1@c.example>"), source="cli"),
        RawItem(data=mail(message_id="<bad\x00@c.example>", subject="other"), source="cli"),
        RawItem(data=mail(message_id="<fine2@c.example>", subject="third"), source="cli"),
    ]
    outcomes = [r.outcome for r in pipeline.ingest_batch(items)]
    assert outcomes == ["ticket", "ticket", "ticket"]


def test_stored_subject_is_untouched_on_both_back_ends(pipeline: Pipeline) -> None:
    result = pipeline.ingest(RawItem(data=hostile_mail(), source="cli"))
    engine = make_engine(pipeline.settings.database_url)
    with engine.connect() as conn:
        subject = conn.execute(
            text("SELECT subject FROM tickets WHERE id = :id"), {"id": result.ticket_id}
        ).scalar_one()
    engine.dispose()
    assert subject == SUBJECT


# -- item 10: the acknowledgement rate limit counts mailboxes, not spellings ----------


def test_rate_key_normalises_case_and_plus_tags() -> None:
    assert rate_key("Taro+Invoice-1@Customer.Example") == "taro@customer.example"
    assert rate_key(" taro@customer.example ") == "taro@customer.example"
    assert rate_key("a+b+c@x.example") == "a@x.example"
    assert rate_key("+only@x.example") == "+only@x.example"  # no local part left to keep
    assert rate_key("not-an-address") == "not-an-address"


def _tagged(i: int) -> bytes:
    return mail(
        subject=f"question {i}",
        sender=f"Taro+{i}@Customer.Example",
        message_id=f"<tag{i}@customer.example>",
    )


def _acknowledgements(pipeline: Pipeline) -> list[str]:
    with pipeline.engine.connect() as conn:
        return list(conn.execute(text("SELECT to_addrs FROM outbox WHERE auto")).scalars())


def test_rate_limit_counts_tagged_addresses_as_one_sender(pipeline: Pipeline) -> None:
    limit = pipeline.settings.service.autoreply_limit
    for i in range(limit + 2):  # one transaction each: counted from the outbox
        assert pipeline.ingest(RawItem(data=_tagged(i), source="cli")).outcome == "ticket"
    assert len(_acknowledgements(pipeline)) == limit
    with Session(pipeline.engine) as session:
        events = session.execute(
            text("SELECT detail FROM events WHERE kind = 'autoreply.suppressed'")
        ).scalars()
        assert ["rate limit" in str(d) for d in events] == [True, True]
        # The oversize notice's check (autoreply_refusal) counts the same way.
        email = parse_email(_tagged(99))
        refusal = autoreply_refusal(session, pipeline.settings, email)
        assert refusal is not None and refusal.startswith("rate limit")


def test_rate_limit_counts_tagged_addresses_within_one_batch(pipeline: Pipeline) -> None:
    limit = pipeline.settings.service.autoreply_limit
    results = pipeline.ingest_batch(
        [RawItem(data=_tagged(i), source="cli") for i in range(limit + 2)]
    )
    assert [r.outcome for r in results] == ["ticket"] * (limit + 2)
    assert len(_acknowledgements(pipeline)) == limit


# -- item 10: ids the database cannot hold ----------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("tickets", "show", "99999999999999999999"),
        ("tickets", "show", "BILL-2147483648"),
        ("tickets", "show", "0"),
        ("tickets", "show", "①"),
        ("tickets", "note", "99999999999999999999", "text"),
        ("tickets", "merge", "1", "99999999999999999999"),
        ("templates", "preview", "resolved", "--ticket", "99999999999999999999"),
        ("tickets", "release", "99999999999999999999", "--new"),
        ("quarantine", "show", "99999999999999999999"),
        ("quarantine", "retry", "99999999999999999999"),
        ("quarantine", "discard", "99999999999999999999", "--reason", "x"),
        ("outbox", "retry", "99999999999999999999"),
        ("outbox", "list", "--limit", "99999999999999999999"),
        ("tickets", "list", "--offset", "99999999999999999999"),
        ("tickets", "list", "--page", "99999999999999999999"),
        ("customers", "list", "--offset", "99999999999999999999"),
        ("rules", "replay", "--limit", "99999999999999999999"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    config = write_config(tmp_path)
    ok(config, "init")
    result = invoke(config, *args)
    assert result.exit_code == 2, result.output
    assert "unexpected error" not in result.output and "Traceback" not in result.output


def test_the_largest_id_is_looked_up_on_both_back_ends(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, db_url=db_url)
    ok(config, "init")
    for args in (("tickets", "show", "2147483647"), ("quarantine", "show", "2147483647")):
        result = invoke(config, *args)
        assert result.exit_code == 1 and "2147483647" in result.output, result.output
        assert "unexpected error" not in result.output


# -- item 10: parts and sizes a mail may make us unpack ----------------------------------


def many_parts(n: int, message_id: str = "<many@customer.example>", **headers: str) -> bytes:
    head = [
        "From: Taro <taro@customer.example>",
        "To: billing@example.com",
        "Subject: many parts",
        f"Message-ID: {message_id}",
        *(f"{k}: {v}" for k, v in headers.items()),
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="BB"',
        "",
        "--BB",
        "Content-Type: text/plain",
        "",
        "see the attached receipts",
    ]
    parts = [
        f"--BB\r\nContent-Type: application/octet-stream\r\n"
        f'Content-Disposition: attachment; filename="r{i}.bin"\r\n\r\nreceipt {i}'
        for i in range(n)
    ]
    return "\r\n".join([*head, *parts, "--BB--", ""]).encode("ascii")


def big_part(decoded_bytes: int) -> bytes:
    data = (bytes(range(256)) * (decoded_bytes // 256 + 1))[:decoded_bytes]
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    head = (
        "From: Taro <taro@customer.example>\r\nTo: billing@example.com\r\n"
        "Subject: big scan\r\nMessage-ID: <big@customer.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="BB"\r\n\r\n'
        "--BB\r\nContent-Type: text/plain\r\n\r\nthe scan of my invoice\r\n"
        "--BB\r\nContent-Type: image/tiff\r\nContent-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment; filename="scan.tiff"\r\n\r\n'
    )
    return head.encode("ascii") + encoded + b"--BB--\r\n"


def _events(pipeline: Pipeline, kind: str) -> list[dict[str, object]]:
    with Session(pipeline.engine) as session:
        return [
            e.detail
            for e in session.execute(select(Event).where(col(Event.kind) == kind)).scalars()
        ]


def _peak_ratio(pipeline: Pipeline, raw: bytes) -> tuple[IngestResult, float]:
    tracemalloc.start()
    try:
        result = pipeline.ingest(RawItem(data=raw, source="cli"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak / len(raw)


def test_a_mail_of_100000_parts_is_one_ticket_with_max_parts_unpacked(
    pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = pipeline_factory(max_parts=50)
    raw = many_parts(100_000)
    result, ratio = _peak_ratio(pipeline, raw)
    assert result.outcome == "ticket"
    # The whole MIME tree was built before: 11 times the mail's size in memory.
    assert ratio < 1, ratio
    with Session(pipeline.engine) as session:
        attachments = session.execute(select(func.count()).select_from(Attachment)).scalar_one()
        stored = session.get(RawMessage, result.raw_id)
        assert stored is not None and stored.blob is not None
    assert 0 < attachments <= 50
    assert raw_bytes(pipeline.settings, stored) == raw
    assert _events(pipeline, "message.limited") == [
        {
            "notes": [
                "100,002 MIME parts: the first 50 unpacked (max_parts), "
                "the rest kept only in the raw message"
            ]
        }
    ]


def test_a_part_over_max_part_bytes_is_not_decoded(
    pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = pipeline_factory(max_part_bytes=8 * 1024 * 1024)
    raw = big_part(12 * 1024 * 1024)
    result, ratio = _peak_ratio(pipeline, raw)
    assert result.outcome == "ticket"
    # Decoding alone would hold three quarters of the mail's size again.
    assert ratio < 0.5, ratio
    with pipeline.engine.connect() as conn:
        assert conn.execute(text("SELECT filename FROM attachments")).all() == []
        text_body = conn.execute(text("SELECT text FROM messages WHERE direction = 'in'"))
        assert text_body.scalar_one().strip() == "the scan of my invoice"
    assert _events(pipeline, "message.limited") == [
        {
            "notes": [
                "attachment 'scan.tiff' (image/tiff) of about 12.0 MB decoded is over "
                "max_part_bytes (8.0 MB): not unpacked, kept only in the raw message"
            ]
        }
    ]


def test_max_part_bytes_counts_decoded_bytes_in_small_mail_too() -> None:
    raw = big_part(2816)  # under a megabyte: parsed without lifting the base64 out
    over = parse_email(raw, limits=ParseLimits(max_part_bytes=2815))
    assert [a.filename for a in over.attachments] == []
    assert over.limited and "about 0.0 MB decoded" in over.limited[0]
    within = parse_email(raw, limits=ParseLimits(max_part_bytes=2816))
    assert [(a.filename, a.size) for a in within.attachments] == [("scan.tiff", 2816)]
    assert within.limited == ()
    # The same, exactly, when the base64 is long enough to be lifted out of the parse.
    size = 2 * 1024 * 1024 + 1
    large = big_part(size)
    assert len(large) > 1024 * 1024
    assert parse_email(large, limits=ParseLimits(max_part_bytes=size - 1)).attachments == ()
    kept = parse_email(large, limits=ParseLimits(max_part_bytes=size)).attachments
    assert [a.size for a in kept] == [size]


def test_a_large_part_within_the_cap_is_decoded_without_copies_of_the_mail() -> None:
    # 57 bytes a base64 line: the last line holds 10, i.e. 16 characters (most bodies
    # end with a line shorter than the others).
    size = 57 * (8 * 1024 * 1024 // 57) + 10
    raw = big_part(size)
    tracemalloc.start()
    try:
        email = parse_email(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.size for a in email.attachments] == [size] and email.limited == ()
    # The decoded bytes are three quarters of the mail; copies of the base64 came on top.
    assert peak / len(raw) < 1, peak / len(raw)


def test_parts_beyond_the_limit_are_noted_on_a_follow_up(
    pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = pipeline_factory(max_parts=5)
    first = pipeline.ingest(RawItem(data=mail(), source="cli"))
    follow = many_parts(
        10, message_id="<f1@customer.example>", **{"In-Reply-To": "<m1@customer.example>"}
    )
    result = pipeline.ingest(RawItem(data=follow, source="cli"))
    assert result.outcome == "followup" and result.ticket_id == first.ticket_id
    notes = _events(pipeline, "message.limited")
    assert notes == [
        {
            "notes": [
                "12 MIME parts: the first 5 unpacked (max_parts), "
                "the rest kept only in the raw message"
            ]
        }
    ]


def test_the_note_is_shown_by_tickets_show(tmp_path: Path) -> None:
    config = write_config(tmp_path, service="max_parts = 5\nmax_part_bytes = 1000")
    ok(config, "init")
    ingested = json.loads(ok(config, "ingest", "--json", "-", input=many_parts(10)).output)[0]
    tid = str(ingested["ticket_id"])
    shown = ok(config, "tickets", "show", tid).output
    assert "message.limited" in shown and "12 MIME parts: the first 5 unpacked" in shown
    data = json.loads(ok(config, "tickets", "show", tid, "--json").output)
    (event,) = [e for e in data["events"] if e["kind"] == "message.limited"]
    assert event["detail"]["notes"][0].startswith("12 MIME parts")
    assert len(data["messages"][0]["attachments"]) == 3  # 5 parts: the message, its text, 3


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("max_parts = 0", "service.max_parts: must be at least 1"),
        ("max_part_bytes = 0", "service.max_part_bytes: must be at least 1"),
        ('max_parts = "many"', "service.max_parts: must be int"),
    ],
)
def test_limits_are_validated(tmp_path: Path, line: str, error: str) -> None:
    config = write_config(tmp_path, service=line)
    result = invoke(config, "init")
    assert result.exit_code == 1 and error in result.output, result.output


def test_parse_workers_apply_the_configured_limits(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, parse_workers=1, max_parts=5)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    pipeline = Pipeline(engine, settings)
    try:
        items = [
            RawItem(data=many_parts(10, message_id=f"<w{i}@customer.example>"), source="cli")
            for i in range(MIN_PARALLEL_BATCH)
        ]
        pending = pipeline.parse_ahead(items)
        assert pending is not None  # parsed in the worker
        results = pipeline.ingest_batch(items, prepared=pending)
    finally:
        pipeline.close()
        engine.dispose()
    assert [r.outcome for r in results] == ["ticket"] * MIN_PARALLEL_BATCH
    assert len(_events(pipeline, "message.limited")) == MIN_PARALLEL_BATCH
