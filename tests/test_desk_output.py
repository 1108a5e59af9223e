"""The desk in a terminal (issue 16): tables that fit 80, 100 and 120 columns on a
realistic desk, desk-local times and short ages, colour only where wanted, `tickets
show` laid out header first with the newest message last, the pager, progress bars on
standard error only, shell completion, ingest's exit status for quarantined mail, and
replies that neither repeat a greeting nor a signature."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from tests.desk_support import Desk
from tests.realistic_desk import build
from tests.support import mail
from ticketing.cli import cli
from ticketing.desk_view import DeskClock, fold_quotes, short_span, sla_cell
from ticketing.greetings import opens_with_greeting

ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def busy_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    tmp = tmp_path_factory.mktemp("busy")
    desk = build(tmp, f"sqlite:///{tmp}/desk.db")
    try:
        yield desk
    finally:
        desk.close()


def at_width(
    desk: Desk, width: int, *args: str, env: dict[str, str] | None = None, color: bool = False
) -> str:
    result = CliRunner().invoke(
        cli,
        ["--config", str(desk.config), *args],
        env={"COLUMNS": str(width), **(env or {})},
        catch_exceptions=False,
        color=color,
    )
    assert result.exit_code == 0, result.output
    return result.output


# --- fitting the terminal -------------------------------------------------------------


LISTINGS = [
    ("tickets", "list", "--limit", "200"),
    ("tickets", "list", "--open", "--sort", "priority", "--limit", "200"),
    ("tickets", "search", "invoice", "--limit", "100"),
    ("agents", "list"),
    ("customers", "list", "--limit", "100"),
    ("status",),
]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_no_listing_is_wider_than_the_terminal(busy_desk: Desk, width: int) -> None:
    for args in LISTINGS:
        out = at_width(busy_desk, width, *args)
        too_wide = [line for line in out.splitlines() if cell_len(line) > width]
        assert not too_wide, (args, width, too_wide[:3])


@pytest.mark.parametrize("width", [80, 100])
def test_references_stay_whole_and_subjects_are_shortened(busy_desk: Desk, width: int) -> None:
    rows = busy_desk.json("tickets", "list", "--limit", "200")
    out = at_width(busy_desk, width, "tickets", "list", "--limit", "200")
    lines = out.splitlines()[1:]
    assert len(lines) == len(rows)
    for row, line in zip(rows, lines, strict=True):
        assert line.split()[0] == row["ref"]  # never cut
        if cell_len(row["subject"]) > 40:
            assert "…" in line, line
    header = out.splitlines()[0].split()
    assert header[:2] == ["REF", "STATUS"] and header[-1] == "SUBJECT"
    # 100 columns keep the queue and the assignee; 80 give up the queue.
    assert ("QUEUE" in header) == (width >= 100) and "ASSIGNEE" in header


@pytest.mark.parametrize("width", [80, 100])
def test_tickets_show_wraps_every_line_to_the_terminal(busy_desk: Desk, width: int) -> None:
    for ref in [t["ref"] for t in busy_desk.json("tickets", "list", "--limit", "40")]:
        out = at_width(busy_desk, width, "tickets", "show", ref, "--trace", "--full")
        too_wide = [line for line in out.splitlines() if cell_len(line) > width]
        assert not too_wide, (ref, too_wide[:3])


def test_json_keeps_iso_utc_timestamps_and_every_field(busy_desk: Desk) -> None:
    (row,) = busy_desk.json("tickets", "list", "--limit", "1")
    for key in (
        "id",
        "ref",
        "subject",
        "status",
        "queue",
        "priority",
        "requester",
        "assignee",
        "created_at",
        "updated_at",
        "message_count",
        "sla_breached",
    ):
        assert key in row
    assert datetime.fromisoformat(row["updated_at"]).utcoffset() == timedelta(0)
    assert "sla_due_at" in row  # new: the next SLA target, or null
    shown = busy_desk.json("tickets", "show", row["ref"])
    assert datetime.fromisoformat(shown["created_at"]).utcoffset() == timedelta(0)
    assert shown["customer"]["account_status"] == "active"


# --- times, ages, SLA cells -------------------------------------------------------------


NOW = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)  # a Thursday, 23:00 in Tokyo


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (NOW - timedelta(minutes=5), "22:55"),
        (NOW - timedelta(days=2), "Tue 23:00"),
        (NOW + timedelta(days=3), "Sun 23:00"),
        (NOW - timedelta(days=20), "13 Nov"),
        (datetime(2025, 6, 1, 0, 0, tzinfo=UTC), "2025-06-01"),
        ("2026-12-03T13:00:00", "22:00"),  # naive stored time: UTC
    ],
)
def test_times_are_the_desks_own(moment: datetime | str, shown: str) -> None:
    assert DeskClock.of("Asia/Tokyo", NOW).when(moment) == shown


def test_ages_and_sla_cells_are_short() -> None:
    assert [short_span(timedelta(minutes=m)) for m in (0, 59, 60, 47 * 60, 49 * 60)] == [
        "0 min",
        "59 min",
        "1 h",
        "47 h",
        "2 d",
    ]
    assert short_span(timedelta(days=60)) == "8 w"
    clock = DeskClock.of("UTC", NOW)
    assert sla_cell(NOW - timedelta(hours=3), False, clock) == ("over 3 h", "over")
    assert sla_cell(NOW + timedelta(minutes=90), False, clock) == ("1 h", "soon")
    assert sla_cell(NOW + timedelta(days=2), False, clock) == ("2 d", "ok")
    assert sla_cell(None, True, clock) == ("breached", "over")
    assert sla_cell(None, False, clock) == ("", "")


def test_quoted_history_is_folded_with_its_line_count() -> None:
    text = "Thanks!\n\nOn Mon, Ann wrote:\n> one\n> two\n"
    assert fold_quotes(text, "Thanks!") == ("Thanks!", 4)
    assert fold_quotes(text, None) == (text.rstrip(), 0)


# --- colour --------------------------------------------------------------------------


def test_no_colour_when_not_a_terminal(busy_desk: Desk) -> None:
    urgent = busy_desk.json("tickets", "list", "--sort", "priority", "--limit", "1")[0]["ref"]
    for args in (("tickets", "list", "--sort", "priority"), ("tickets", "show", urgent)):
        assert not ANSI.search(at_width(busy_desk, 100, *args))


def test_colour_on_a_terminal_unless_no_color(
    busy_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ticketing.cli as cli_module

    urgent = busy_desk.json("tickets", "list", "--sort", "priority", "--limit", "1")[0]
    assert urgent["priority"] == "urgent"
    monkeypatch.setattr(cli_module, "colour_wanted", lambda: True)
    painted = at_width(busy_desk, 100, "tickets", "show", urgent["ref"], "--no-pager", color=True)
    assert click.style("urgent", fg="red", bold=True) in painted
    assert "␛" not in painted  # colour codes are ours, not stored text shown
    monkeypatch.undo()
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module.colour_wanted() is False


# --- tickets show ----------------------------------------------------------------------


def _with_conversation(busy_desk: Desk) -> dict[str, Any]:
    rows = busy_desk.json("tickets", "list", "--limit", "200")
    return max(rows, key=lambda t: t["message_count"])


def test_show_leads_with_the_header_and_ends_with_the_newest_message(busy_desk: Desk) -> None:
    ticket = _with_conversation(busy_desk)
    out = at_width(busy_desk, 100, "tickets", "show", ticket["ref"])
    lines = out.splitlines()
    assert lines[0].startswith(f"{ticket['ref']}  ")
    labels = [line.split()[0] for line in lines[1:8] if line and not line[0].isspace()]
    assert labels[:3] == ["Customer", "Ticket", "SLA"]
    conversation = out.index("Conversation")
    assert conversation < out.index("Audit trail")
    # Oldest first: the customer's last mail (it quotes our reply) is the last message.
    messages = [line for line in lines if line.startswith("── #")]
    assert [m.split()[1] for m in messages] == [f"#{n}" for n in range(1, len(messages) + 1)]
    assert "← customer" in messages[-1]
    assert "quoted lines folded (--full shows them)" in out
    assert "\n> " not in out  # the quote itself is folded away
    full = at_width(busy_desk, 100, "tickets", "show", ticket["ref"], "--full")
    assert "\n> " in full and "folded" not in full
    # The routing is one line; its reasons only with --trace.
    assert "✔" not in out and "toward " not in out
    traced = at_width(busy_desk, 100, "tickets", "show", ticket["ref"], "--trace")
    assert "✔" in traced and "model default" in traced


def test_attachments_follow_the_conversation(busy_desk: Desk) -> None:
    (row,) = [t for t in busy_desk.json("tickets", "list", "--limit", "300") if t["id"] == 1]
    out = at_width(busy_desk, 100, "tickets", "show", row["ref"])
    assert out.index("Conversation") < out.index("Attachments") < out.index("Audit trail")
    assert "  [attachment 2] statement-2026-0000-with-a-rather-long-file-name.pdf" in out


def test_long_output_goes_through_the_pager_on_a_terminal_only(
    busy_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    import ticketing.cli as cli_module

    paged: list[str] = []
    monkeypatch.setattr(click, "echo_via_pager", lambda text, color=None: paged.append(text))
    ref = _with_conversation(busy_desk)["ref"]
    at_width(busy_desk, 100, "tickets", "show", ref)
    assert paged == []  # not a terminal: printed straight
    lines = [f"line {n}" for n in range(30)]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli_module, "_terminal_height", lambda: 20)
    cli_module.page(lines[:10], no_pager=False)  # fits the screen
    assert paged == []
    cli_module.page(lines, no_pager=False)
    assert paged == ["\n".join(lines) + "\n"]
    cli_module.page(lines, no_pager=True)
    assert len(paged) == 1 and "line 29" in capsys.readouterr().out


# --- progress bars ----------------------------------------------------------------------


def test_progress_goes_to_stderr_only_and_never_changes_stdout(tmp_path: Path) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/t.db")
    try:
        desk.ok("init")
        files = []
        for n in range(5):
            path = tmp_path / f"{n}.eml"
            path.write_bytes(mail(message_id=f"<p{n}@c.example>", subject=f"Invoice {n}"))
            files.append(str(path))
        runner = CliRunner()
        args = ["--config", str(desk.config), "ingest", *files[:3]]
        quiet = runner.invoke(cli, args, env={"TICKETING_PROGRESS": "0"})
        shown = runner.invoke(
            cli,
            ["--config", str(desk.config), "ingest", *files[3:]],
            env={"TICKETING_PROGRESS": "1"},
        )
        assert quiet.exit_code == shown.exit_code == 0
        assert quiet.stderr == "" and "ingesting" in shown.stderr and "2/2" in shown.stderr
        assert "ingesting" not in shown.stdout and shown.stdout.count(": ticket: ") == 2
        as_json = runner.invoke(
            cli,
            ["--config", str(desk.config), "rules", "replay", "--json"],
            env={"TICKETING_PROGRESS": "0"},
        )
        assert as_json.stderr == "" and json.loads(as_json.stdout)["examined"] == 5
        replay = runner.invoke(
            cli, ["--config", str(desk.config), "rules", "replay"], env={"TICKETING_PROGRESS": "1"}
        )
        assert "replaying" in replay.stderr and "replaying" not in replay.stdout
    finally:
        desk.close()


def test_not_a_terminal_shows_no_bar_by_default(tmp_path: Path) -> None:
    from ticketing import progress

    assert progress.wanted() is False  # pytest's stderr is no terminal
    with progress.progress_bar("x") as advance:
        advance(1, 2)  # a no-op that accepts the same calls


# --- small wrongs -----------------------------------------------------------------------


def test_ingest_of_something_that_is_not_mail_exits_3_and_says_where_it_went(
    tmp_path: Path,
) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/t.db")
    try:
        desk.ok("init")
        good = tmp_path / "good.eml"
        good.write_bytes(mail())
        junk = tmp_path / "photo.jpg"
        junk.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
        result = desk.invoke("ingest", str(good), str(junk))
        assert result.exit_code == 3, result.output
        assert "1 of 2 message(s) quarantined" in result.stderr
        (raw,) = desk.json("quarantine", "list")
        assert (
            f"(raw {raw['id']})" in result.stderr and "ticketing quarantine show" in result.stderr
        )
        assert f"{good}: ticket: " in result.stdout
        assert desk.invoke("ingest", str(good)).exit_code == 0  # a duplicate is no failure
    finally:
        desk.close()


def test_held_mail_says_held_once(tmp_path: Path) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/t.db")
    try:
        desk.ok("init")
        tid = desk.ingest(mail())
        ref = f"[BILL-{tid}]"
        out = desk.ok(
            "ingest",
            "-",
            input=mail(
                subject=f"Re: {ref} hi",
                sender="stranger@else.example",
                message_id="<s1@else.example>",
            ),
        )
        assert ": held: matched ticket" in out and "held: held:" not in out
        (held,) = desk.json("tickets", "held")
        assert held["reason"].startswith("matched ticket")
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("text", "greeted"),
    [
        ("Hello Mr Yamada,\n\nDone.", True),
        ("\n\nDear Ann,\nDone.", True),
        ("Hi,\nDone.", True),
        ("山田様、\n\n返金しました。", True),
        ("お世話になっております。\n返金しました。", True),
        ("Bonjour Madame,\n", True),
        ("The refund is on its way.", False),
        ("Highest priority: done.", False),
        ("", False),
    ],
)
def test_a_greeting_is_recognised(text: str, greeted: bool) -> None:
    assert opens_with_greeting(text) is greeted


def test_a_reply_never_repeats_the_greeting_or_the_signature(tmp_path: Path) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/t.db")
    try:
        desk.ok("init")
        tid = str(desk.ingest(mail()))
        desk.ok("tickets", "reply", tid, "--body", "Hello Mr Yamada,\n\nThe refund is on its way.")
        desk.ok("tickets", "reply", tid, "--body", "The refund is on its way.", "--sign", "Sato")
        first, second = [m["text"] for m in desk.json("tickets", "show", tid)["messages"][2:]]
        assert first.startswith("Hello Mr Yamada,") and "Dear" not in first
        assert first.rstrip().endswith("Kind regards,\nBilling Support")
        assert second.startswith("Dear Taro Yamada,")
        assert second.rstrip().endswith("Kind regards,\nSato\nBilling Support")
        preview = desk.ok(
            "templates",
            "preview",
            "reply",
            "--ticket",
            tid,
            "--body",
            "Hi Taro,\nThe refund is on its way.",
        )
        assert "Hi Taro," in preview and "Dear" not in preview and "data-probe" not in preview
    finally:
        desk.close()


# --- shell completion -------------------------------------------------------------------


def _complete(config: Path, words: str) -> list[str]:
    result = CliRunner().invoke(
        cli,
        [],
        prog_name="ticketing",
        env={
            "_TICKETING_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
            "TICKETING_CONFIG": str(config),
        },
    )
    assert result.exit_code == 0 and "Traceback" not in result.output
    return [line.split(",", 1)[1] for line in result.output.splitlines() if "," in line]


def test_completion_offers_open_tickets_queues_statuses_and_templates(busy_desk: Desk) -> None:
    open_ids = {str(t["id"]) for t in busy_desk.json("tickets", "list", "--open", "--limit", "300")}
    offered = _complete(busy_desk.config, "ticketing tickets show 1")
    assert offered and set(offered) <= open_ids and all(o.startswith("1") for o in offered)
    resolved = {str(t["id"]) for t in busy_desk.json("tickets", "list", "--status", "resolved")}
    assert not set(_complete(busy_desk.config, "ticketing tickets show ")) & resolved
    assert _complete(busy_desk.config, "ticketing tickets list --queue d") == ["disputes"]
    assert "pending" in _complete(busy_desk.config, "ticketing tickets list --status p")
    assert "reply" in _complete(busy_desk.config, "ticketing templates preview re")


def test_completion_without_a_database_completes_nothing_quietly(tmp_path: Path) -> None:
    config = tmp_path / "ticketing.toml"
    config.write_text('[database]\nurl = "postgresql+psycopg://nobody@127.0.0.1:1/x"\n')
    assert _complete(config, "ticketing tickets show ") == []
