"""Every fixture in tests/data/mail through the real pipeline (`ticketing ingest`), on
SQLite and PostgreSQL: nothing raises, nothing is lost, and `tickets show --json`
returns the text exactly as parsing decoded it — characters included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support import DATA, write_config
from ticketing.cli import cli
from ticketing.parse import parse_email

MAIL = sorted((DATA / "mail").glob("*.eml"))

# Fixture -> strings that must appear verbatim in the stored text (invariant 6).
MUST_SURVIVE = {
    "sjis_cp932_chars.eml": ["①", "№", "Ⅱ", "㈱", "髙"],
    "sjis_wave_dash_windows.eml": ["～"],
    "utf8_wave_dash_mac.eml": ["〜"],
    "backslash_7bit.eml": ["C:\\Users"],
    "backslash_sjis_8bit.eml": ["表示", "ソフト", "\\"],
    "broken_charset_unicode_escape.eml": ["C:\\Users\\taro\\new.pdf"],
}


def invoke(config: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout


@pytest.fixture
def ingested(tmp_path: Path, db_url: str) -> tuple[Path, dict[str, dict[str, object]]]:
    config = write_config(tmp_path, db_url=db_url)
    invoke(config, "init")
    # Some fixtures are meant for quarantine: ingest says so with exit status 3.
    out = json.loads(invoke(config, "ingest", "--json", *map(str, MAIL), code=3))
    return config, {Path(r["source"]).name: r for r in out}


def test_every_fixture_has_a_recorded_outcome(
    ingested: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    _, results = ingested
    assert len(results) == len(MAIL) >= 60
    allowed = {"ticket", "followup", "held", "ignored", "quarantined", "duplicate"}
    assert {r["outcome"] for r in results.values()} <= allowed
    quarantined = sorted(n for n, r in results.items() if r["outcome"] == "quarantined")
    # Only a message with no sender at all cannot become a ticket.
    assert quarantined == ["broken_no_from.eml"]
    for name in ("dsn_bounce_postfix.eml", "bounce_qmail_plain.eml"):
        assert results[name]["outcome"] == "ignored"  # a bounce of nothing we sent


def test_stored_text_is_exactly_the_decoded_text(
    ingested: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    config, results = ingested
    checked = 0
    for path in MAIL:
        result = results[path.name]
        if result["outcome"] != "ticket":
            continue
        shown = json.loads(invoke(config, "tickets", "show", str(result["ticket_id"]), "--json"))
        first = shown["messages"][0]
        email = parse_email(path.read_bytes())
        assert first["text"] == email.text.replace("\x00", "\ufffd"), path.name
        assert first["subject"] == email.subject, path.name
        for needle in MUST_SURVIVE.get(path.name, []):
            assert needle in first["text"], f"{path.name}: {needle!r} lost"
        checked += 1
    assert checked >= 40
