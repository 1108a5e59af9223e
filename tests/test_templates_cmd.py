"""`templates list|check|preview`: every template renders in both languages with
StrictUndefined, failures are listed (exit 1), previews render for a real ticket."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.desk_support import Desk
from tests.support import REPO, mail
from ticketing.templating import REQUIRED


def test_shipped_templates_all_render(tmp_path: Path) -> None:
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/unused.db")  # no database needed
    try:
        listed = {t["name"]: t for t in desk.json("templates", "list")}
        for name in (
            *REQUIRED,
            "acknowledgement-disputes",
            "acknowledgement-collections",
            "acknowledgement-escalations",
            "collections-reminder",
            "final-notice",
            "suspension-notice",
        ):
            assert listed[name]["languages"] == ["en", "ja"] and listed[name]["missing"] == []
        checked = desk.json("templates", "check")
        assert checked["failures"] == [] and checked["languages"] == ["en", "ja"]
        assert "all render" in desk.ok("templates", "check")
        assert "MISSING IN" in desk.ok("templates", "list")
    finally:
        desk.close()


def test_check_lists_every_broken_template(tmp_path: Path) -> None:
    broken = tmp_path / "templates"
    shutil.copytree(REPO / "templates", broken)
    (broken / "ja" / "escalated.html.j2").unlink()
    (broken / "en" / "reply.txt.j2").write_text("{{ body }} {{ no_such_thing }}\n")
    resolved = broken / "en" / "resolved.html.j2"
    resolved.write_text(
        resolved.read_text().replace("resolution | paragraphs", "resolution | safe")
    )
    (broken / "en" / "dispute-received.subject.j2").write_text("{% if %}\n")
    desk = Desk(tmp_path, f"sqlite:///{tmp_path}/unused.db", service="")
    config = desk.config.read_text()
    desk.config.write_text(config.replace(f"{REPO}/templates", str(broken)))
    try:
        result = desk.invoke("templates", "check")
        assert result.exit_code == 1
        lines = result.output.splitlines()
        assert "ja/escalated.html.j2: missing" in lines
        assert any(
            line.startswith("en/reply.txt.j2: UndefinedError") and "no_such_thing" in line
            for line in lines
        )
        assert "en/resolved.html.j2: customer text reaches the HTML unescaped" in lines
        assert any(line.startswith("en/dispute-received.subject.j2:1: ") for line in lines)
        assert lines[-1].endswith("4 failure(s)")
        listed = {t["name"]: t for t in desk.json("templates", "list")}
        assert listed["escalated"]["missing"] == ["ja"]
    finally:
        desk.close()


def test_preview_renders_for_a_ticket(tmp_path: Path, db_url: str) -> None:
    desk = Desk(tmp_path, db_url)
    try:
        desk.ok("init")
        tid = desk.ingest(mail())
        shown = desk.json("templates", "preview", "resolved", "--ticket", f"BILL-{tid}")
        assert shown["language"] == "en" and shown["subject"].startswith(f"[BILL-{tid}] Resolved")
        ja = desk.json("templates", "preview", "escalated", "--ticket", str(tid), "--lang", "ja")
        assert ja["language"] == "ja" and "エスカレーション" in ja["subject"]
        assert "Taro Yamada 様" in ja["text"] and '<html lang="ja">' in ja["html"]
        human = desk.ok("templates", "preview", "reply", "--ticket", str(tid), "--html")
        assert human.startswith("template: reply (en)") and "<!DOCTYPE html>" in human
        assert "no template 'nope'" in desk.fails(
            1, "templates", "preview", "nope", "--ticket", str(tid)
        )
        desk.fails(2, "templates", "preview", "reply", "--ticket", str(tid), "--lang", "fr")
        desk.fails(2, "templates", "preview", "reply")
        assert desk.fails(1, "templates", "preview", "reply", "--ticket", "99").strip() == (
            "Error: no ticket 99"
        )
        # A preview queues nothing.
        assert len(desk.json("outbox", "list")) == 1
    finally:
        desk.close()
