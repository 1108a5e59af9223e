"""The routing commands: `rules check`, `rules test`, `rules replay` (on mail that came
through `ticketing ingest` and through IMAP) and `tickets move`, driven through click's
CliRunner against a private database (SQLite and PostgreSQL) and a private Dovecot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import update
from sqlmodel import Session, col

from tests.servers import ImapAccount
from tests.support import REPO, mail, settings_from, write_config
from tests.test_e2e_imap import imap_config
from ticketing.cli import cli
from ticketing.db import make_engine
from ticketing.models import Customer
from ticketing.rules import DEFAULT_QUEUES

CORPUS = REPO / "corpus" / "train"
RULES = REPO / "config" / "rules.toml"
TRACE_KEYS = {"rule", "matched", "conditions", "skipped_reason"}


def invoke(config: Path, *args: str, input: bytes | None = None, **env: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(config), *args], input=input, env=env, catch_exceptions=False
    )


def ok(config: Path, *args: str, input: bytes | None = None, **env: str) -> Result:
    result = invoke(config, *args, input=input, **env)
    assert result.exit_code == 0, result.output
    return result


def ok_json(config: Path, *args: str, input: bytes | None = None, **env: str) -> Any:
    return json.loads(ok(config, *args, "--json", input=input, **env).output)


def point_rules_at(config: Path, rules_file: Path) -> None:
    """write_config names the shipped rule file; use `rules_file` instead."""
    text = config.read_text(encoding="utf-8")
    shipped = f'rules_file = "{RULES}"'
    assert shipped in text
    config.write_text(text.replace(shipped, f'rules_file = "{rules_file}"'), encoding="utf-8")


def rules_with_first(tmp_path: Path, rule: str, name: str = "rules.toml") -> Path:
    """A copy of the shipped rules with `rule` (a [[rules]] table) tried first."""
    text = RULES.read_text(encoding="utf-8")
    at = text.index("\n[[rules]]\n")
    path = tmp_path / name
    path.write_text(text[:at] + "\n" + rule.strip() + "\n" + text[at:], encoding="utf-8")
    return path


# --------------------------------------------------------------------------- rules check


def test_rules_check_summarises_a_good_file(tmp_path: Path) -> None:
    config = write_config(tmp_path)  # no database needed: nothing is read or stored
    out = ok(config, "rules", "check").output
    assert f"{RULES}: OK" in out and "extractors" in out and "escalations" in out
    data = ok_json(config, "rules", "check")
    assert data["ok"] is True and data["errors"] == []
    assert data["queues"] == ["billing", "disputes", "collections", "escalations"]
    # Policy only: the topic is the model's (docs/routing.md).
    assert data["rules"] == len(data["rule_list"]) >= 5 and data["extractors"] > 0
    assert set(data["rules_per_queue"]) <= {"billing", "disputes", "collections", "escalations"}
    assert "escalations" in data["rules_per_queue"]
    first = data["rule_list"][0]
    assert {"name", "line", "queue", "priority", "tags", "on_followup", "continue"} <= set(first)


def test_rules_check_reports_every_error_with_file_line_and_rule(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[rules]]\nname = "one"\nqueue = "nowhere"\n\n'
        '[[rules]]\nname = "two"\nwhen.subject = { regex = "(" }\n',
        encoding="utf-8",
    )
    result = invoke(config, "rules", "check", "--file", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:3: rule 'one': unknown queue 'nowhere'" in result.output
    assert f"{bad}:7: rule 'two': bad regex" in result.output
    as_json = invoke(config, "rules", "check", "--file", str(bad), "--json")
    assert as_json.exit_code == 1
    errors = json.loads(as_json.output)["errors"]
    assert len(errors) == 2 and errors[0].startswith(f"{bad}:3: rule 'one'")
    # The configured file is checked by default, so a broken one fails `check` too.
    point_rules_at(config, bad)
    assert invoke(config, "rules", "check").exit_code == 1
    assert invoke(config, "rules", "check", "--file", str(tmp_path / "none.toml")).exit_code == 2


# --------------------------------------------------------------------------- rules test


def test_rules_test_json_per_message_without_storing(tmp_path: Path) -> None:
    config = write_config(tmp_path)  # the database is never initialised: nothing is stored
    files = [
        CORPUS / "h4-en-disputes-card-charged-again.eml",
        CORPUS / "h4-ja-escalations-license-not-reflected.eml",  # ISO-2022-JP
        CORPUS / "h4-en-billing-iphone-typos.eml",
    ]
    out = ok_json(config, "rules", "test", *map(str, files))
    assert [r["file"] for r in out] == list(map(str, files))
    assert [r["queue"] for r in out] == ["disputes", "escalations", "billing"]
    for r in out:
        assert {"file", "queue", "priority", "tags", "fields", "matched_rule", "trace"} <= set(r)
        assert {"matched_rules", "template", "explanation"} <= set(r)
        for step in r["trace"]:
            assert set(step) == TRACE_KEYS
            for cond in step["conditions"]:
                assert set(cond) == {"condition", "held", "detail"}
    dispute = out[0]
    assert dispute["matched_rule"] and dispute["fields"]["invoice"] == "INV-2024-06655"
    matched = [t for t in dispute["trace"] if t["rule"] == dispute["matched_rule"]]
    assert matched[0]["matched"] and all(c["held"] for c in matched[0]["conditions"])
    assert any(not t["matched"] for t in dispute["trace"])  # the misses are shown too
    # The model chose the queue, and says how sure it was and why.
    assert out[2]["matched_rule"] == "model" and "by the model" in out[2]["explanation"]
    model = out[2]["model"]
    assert model["queue"] == "billing" and set(model["probabilities"]) == set(DEFAULT_QUEUES)
    assert model["top_features"] and model["version"].startswith("default-")

    human = ok(config, "rules", "test", str(files[0])).output
    assert f"{files[0]}: disputes" in human and "tried:" in human and "✔" in human
    verbose = ok(config, "rules", "test", "-v", str(files[0])).output
    assert "✘ automatic-mail: kind is one of" in verbose


def test_rules_test_uses_customer_status_mailbox_and_stdin(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    paid = mail(
        subject="Payment sent",
        body="We paid the invoice by bank transfer yesterday. Could you send us a receipt?",
    )
    default = ok_json(config, "rules", "test", "-", input=paid)
    assert default[0]["file"] == "-" and default[0]["queue"] == "billing"
    assert default[0]["customer_status"] == "unknown"
    good = ok_json(config, "rules", "test", "--customer-status", "active", "-", input=paid)
    assert good[0]["queue"] == "billing" and good[0]["matched_rule"] == "model"
    behind = ok_json(config, "rules", "test", "--customer-status", "delinquent", "-", input=paid)
    assert behind[0]["queue"] == "collections"
    assert behind[0]["matched_rule"] == "account-behind-on-payment"

    by_mailbox = rules_with_first(
        tmp_path,
        '[[rules]]\nname = "from-ingress"\nqueue = "escalations"\nwhen.mailbox = "ingress"\n',
    )
    args = ("rules", "test", "--file", str(by_mailbox), "-")
    assert ok_json(config, *args, input=paid)[0]["queue"] == "billing"
    routed = ok_json(
        config, "rules", "test", "--mailbox", "ingress", "--file", str(by_mailbox), "-", input=paid
    )
    assert routed[0]["queue"] == "escalations" and routed[0]["matched_rule"] == "from-ingress"
    assert invoke(config, "rules", "test", "--mailbox", "nope", "-", input=paid).exit_code == 2
    assert invoke(config, "rules", "test", str(tmp_path / "missing.eml")).exit_code == 2
    assert invoke(config, "rules", "test").exit_code == 2


# --------------------------------------------------------------------------- rules replay


def ingest(config: Path, *files: Path) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = ok_json(config, "ingest", *map(str, files))
    assert {r["outcome"] for r in results} == {"ticket"}, results
    return results


def queues(config: Path) -> dict[int, str]:
    return {t["id"]: t["queue"] for t in ok_json(config, "tickets", "list")}


def test_replay_after_changing_the_rule_file_changes_nothing(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, db_url=db_url)
    ok(config, "init")
    files = [
        CORPUS / "h4-en-disputes-50-vs-30-seats.eml",  # from copperleaf.example
        CORPUS / "h4-en-billing-add-seats-cost.eml",
        CORPUS / "h4-ja-collections-late-apology.eml",
    ]
    tickets = ingest(config, *files)
    paid = tmp_path / "paid.eml"
    paid.write_bytes(
        mail(
            subject="Payment sent",
            body="We paid the invoice by bank transfer yesterday. Could you send us a receipt?",
        )
    )
    paid_ticket = ingest(config, paid)[0]["ticket_id"]
    before = queues(config)
    assert sorted(before.values()) == ["billing", "billing", "collections", "disputes"]

    same = ok_json(config, "rules", "replay")
    assert same["examined"] == 4 and same["unchanged"] == 4 and same["would_move"] == 0
    assert same["moves"] == [] and same["tickets"] == [] and same["skipped"] == []
    assert same["rules_file"] == str(RULES)

    changed = rules_with_first(
        tmp_path,
        '[[rules]]\nname = "copperleaf-vip"\nqueue = "escalations"\n'
        'when.from_domain = "copperleaf.example"\n',
    )
    point_rules_at(config, changed)
    # The customer fell behind since the mail came in: replay routes with today's status.
    engine = make_engine(settings_from(config).database_url)
    try:
        with Session(engine) as session:
            session.execute(
                update(Customer)
                .where(col(Customer.email) == "taro@customer.example")
                .values(account_status="delinquent")
            )
            session.commit()
    finally:
        engine.dispose()

    report = ok_json(config, "rules", "replay")
    assert report["rules_file"] == str(changed)
    assert (report["examined"], report["unchanged"], report["would_move"]) == (4, 2, 2)
    assert report["moves"] == [
        {"from": "billing", "to": "collections", "count": 1},
        {"from": "disputes", "to": "escalations", "count": 1},
    ]
    moved = {t["id"]: t for t in report["tickets"]}
    assert set(moved) == {tickets[0]["ticket_id"], paid_ticket}
    vip = moved[tickets[0]["ticket_id"]]
    assert (vip["from"], vip["to"], vip["current_queue"]) == ("disputes", "escalations", "disputes")
    assert vip["matched_rule"] == "copperleaf-vip" and vip["ref"] == f"BILL-{vip['id']}"
    assert {"subject", "requester", "created_at", "source", "was_rule", "explanation"} <= set(vip)
    assert moved[paid_ticket]["matched_rule"] == "account-behind-on-payment"
    assert queues(config) == before  # nothing was changed

    human = ok(config, "rules", "replay").output
    assert (
        "4 tickets" in human and "2 would move" in human and "disputes -> escalations: 1" in human
    )
    only = ok_json(config, "rules", "replay", "--queue", "disputes")
    assert only["examined"] == 1 and only["would_move"] == 1
    assert ok_json(config, "rules", "replay", "--limit", "1")["examined"] == 1
    assert ok_json(config, "rules", "replay", "--since", "2999-01-01")["examined"] == 0
    assert ok_json(config, "rules", "replay", "--since", "2000-01-01")["examined"] == 4
    assert invoke(config, "rules", "replay", "--queue", "sales").exit_code == 2
    assert invoke(config, "rules", "replay", "--since", "yesterday").exit_code == 2


@pytest.mark.services
def test_rules_test_and_replay_on_mail_from_imap_and_from_ingest(
    tmp_path: Path, db_url: str, imap_account: ImapAccount
) -> None:
    config = imap_config(tmp_path, imap_account, None, db_url)
    env = {"TEST_IMAP_PASSWORD": imap_account.password}
    ok(config, "init")
    by_imap = [
        CORPUS / "h4-ja-billing-pdf-resend.eml",  # ISO-2022-JP
        CORPUS / "h4-ja-escalations-portal-error.eml",  # Shift_JIS
        CORPUS / "h4-en-disputes-notice-html.eml",  # HTML only
    ]
    uids = [imap_account.append(f.read_bytes()) for f in by_imap]
    polled = ok_json(config, "poll", "--once", **env)
    assert polled[0]["outcomes"] == {"ticket": 3}
    by_cli = ingest(config, CORPUS / "h4-en-collections-debit-bounced.eml")[0]["ticket_id"]
    before = queues(config)
    assert sorted(before.values()) == ["billing", "collections", "disputes", "escalations"]

    # `rules test` reads the mail exactly as the IMAP server hands it out.
    as_served = imap_account.message(uids[1])
    served = ok_json(config, "rules", "test", "--mailbox", "billing", "-", input=as_served)
    assert served[0]["queue"] == "escalations" and served[0]["language"] == "ja"

    assert ok_json(config, "rules", "replay")["would_move"] == 0  # same rules, same queues
    changed = rules_with_first(
        tmp_path,
        '[[rules]]\nname = "imap-billing-box"\nqueue = "collections"\nwhen.mailbox = "billing"\n',
    )
    point_rules_at(config, changed)
    report = ok_json(config, "rules", "replay")
    assert report["examined"] == 4 and report["skipped"] == []
    moved = {t["id"]: t for t in report["tickets"]}
    assert by_cli not in moved  # it came through `ingest`, not the billing mailbox
    assert {t["source"] for t in moved.values()} == {"imap"} and len(moved) == 3
    assert {(t["from"], t["to"]) for t in moved.values()} == {
        ("billing", "collections"),
        ("escalations", "collections"),
        ("disputes", "collections"),
    }
    assert queues(config) == before


# --------------------------------------------------------------------------- tickets move


def test_tickets_move_records_who_why_and_from_where(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, db_url=db_url)
    ok(config, "init")
    tid = ingest(config, CORPUS / "h4-en-billing-higher-this-month.eml")[0]["ticket_id"]
    assert queues(config)[tid] == "billing"

    out = ok(
        config,
        "tickets",
        "move",
        f"BILL-{tid}",
        "disputes",
        "--reason",
        "contests the total",
        "--actor",
        "alice",
    ).output
    assert f"BILL-{tid}: moved from billing to disputes" in out
    shown = ok_json(config, "tickets", "show", str(tid))
    assert shown["queue"] == "disputes"
    moves = [e for e in shown["events"] if e["kind"] == "ticket.moved"]
    assert len(moves) == 1 and moves[0]["actor"] == "alice"
    detail = moves[0]["detail"]
    assert (detail["from"], detail["to"], detail["reason"]) == (
        "billing",
        "disputes",
        "contests the total",
    )
    assert detail["actor"] == "alice" and detail["manual"] is True
    # The routing decision stays what the rules decided: replay compares against it.
    assert shown["routing"]["queue"] == "billing"

    back = ok_json(config, "tickets", "move", str(tid), "billing", "--reason", "oops")
    assert (back["from"], back["to"], back["id"]) == ("disputes", "billing", tid)

    bad_queue = invoke(config, "tickets", "move", str(tid), "sales", "--reason", "x")
    assert bad_queue.exit_code == 2 and "unknown queue 'sales'" in bad_queue.output
    assert invoke(config, "tickets", "move", str(tid), "disputes").exit_code == 2  # no --reason
    assert invoke(config, "tickets", "move", "BILL-x", "disputes", "--reason", "x").exit_code == 2
    same = invoke(config, "tickets", "move", str(tid), "billing", "--reason", "x")
    assert same.exit_code == 1 and "already in queue billing" in same.output
    missing = invoke(config, "tickets", "move", "999", "disputes", "--reason", "x")
    assert missing.exit_code == 1 and "no ticket 999" in missing.output
    events = ok_json(config, "tickets", "show", str(tid))["events"]
    assert len([e for e in events if e["kind"] == "ticket.moved"]) == 2
