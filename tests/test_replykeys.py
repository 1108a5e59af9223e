"""The reply-token key (ticketing/replykeys.py) and what a token lets into a ticket:
forged, old-scheme, wrong-key and replayed tokens are held, never attached, on both the
one-by-one and the batch ingest path (invariant 7)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.support import mail, make_settings, run_cli, write_config
from ticketing import replykeys
from ticketing.config import Settings
from ticketing.db import upgrade
from ticketing.models import Message, Participant, RawMessage
from ticketing.pipeline import Pipeline, RawItem
from ticketing.replytoken import new_message_id, ticket_from_token

STRANGER = "eve@attacker.example"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _sign(key: bytes, ticket_id: int, nonce: str) -> str:
    return hmac.new(key, f"{ticket_id}.{nonce}".encode(), hashlib.sha256).hexdigest()[:20]


def _token(key: bytes, ticket_id: int, nonce: str = "0123456789abcdef") -> str:
    return f"tk.{ticket_id}.{nonce}.{_sign(key, ticket_id, nonce)}@example.com"


# -- the key ---------------------------------------------------------------------------


def test_init_creates_a_random_private_key_whatever_the_umask(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    old = os.umask(0)  # the CLI must not rely on the operator's umask
    try:
        run_cli(config, "init")
    finally:
        os.umask(old)
    path = tmp_path / "var" / "reply-keys"
    assert _mode(path) == 0o600
    keys = replykeys.load(make_settings_for(tmp_path, config))
    assert re.fullmatch(rb"[0-9a-f]{64}", keys.signing)
    # A second init keeps the key: open conversations must keep threading.
    run_cli(config, "init")
    assert replykeys.load(make_settings_for(tmp_path, config)).signing == keys.signing
    other = tmp_path / "other"
    other.mkdir()
    other_config = write_config(other)
    run_cli(other_config, "init")
    assert replykeys.load(make_settings_for(other, other_config)).signing != keys.signing


def make_settings_for(tmp_path: Path, config: Path) -> Settings:
    from ticketing.config import load_settings

    return load_settings(config, env={})


def test_world_readable_key_file_gives_a_warning(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    run_cli(config, "init")
    path = tmp_path / "var" / "reply-keys"
    os.chmod(path, 0o644)
    out = run_cli(config, "secret", "status")
    assert f"warning: the reply-token key file {path} is readable" in out.stderr.decode()
    check = run_cli(config, "config", "check", "--json", check=False)
    assert check.returncode == 1
    states = {c["check"]: c for c in json.loads(check.stdout)["checks"]}
    assert states["key file permissions"]["state"] == "fail"
    assert "chmod 600" in states["key file permissions"]["detail"]
    os.chmod(path, 0o600)
    clean = run_cli(config, "secret", "status")
    assert "warning" not in clean.stderr.decode()


def test_commands_that_sign_or_verify_refuse_without_a_key(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    upgrade(f"sqlite:///{tmp_path}/ticketing.db")  # a database, but no `ticketing init`
    eml = tmp_path / "one.eml"
    eml.write_bytes(mail())
    for args in (("ingest", str(eml)), ("serve",)):
        out = run_cli(config, *args, check=False)
        err = out.stderr.decode()
        assert out.returncode == 1, (args, err)
        assert "no reply-token key" in err and "ticketing init" in err, (args, err)
        assert "Traceback" not in err
    # Nothing was ingested: refusing happened before any mail was touched.
    settings = make_settings_for(tmp_path, config)
    from ticketing.db import make_engine

    engine = make_engine(settings.database_url)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(RawMessage)).scalar_one() == 0
    engine.dispose()


def test_pipeline_refuses_without_a_key(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    (settings.var_path / "reply-keys").unlink()
    from ticketing.db import make_engine

    with pytest.raises(replykeys.SecretMissing, match="ticketing init"):
        Pipeline(make_engine(settings.database_url), settings)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("short", "too short"),
        ("ticketing-local:/srv/ticketing/var", "old key derived from the install path"),
    ],
)
def test_guessable_keys_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, why: str
) -> None:
    settings = make_settings(tmp_path, secret_env="TEST_TICKETING_SECRET")
    monkeypatch.setenv("TEST_TICKETING_SECRET", value)
    with pytest.raises(replykeys.SecretMissing, match=why):
        replykeys.load(settings)
    (settings.var_path / "reply-keys").write_text(value + "\n")
    monkeypatch.delenv("TEST_TICKETING_SECRET")
    with pytest.raises(replykeys.SecretMissing, match=why):
        replykeys.load(settings)


def test_environment_key_signs_and_later_words_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new, old = "n" * 40, "o" * 40
    settings = make_settings(tmp_path, secret_env="TEST_TICKETING_SECRET")
    monkeypatch.setenv("TEST_TICKETING_SECRET", f"{new} {old}")
    keys = replykeys.load(settings)
    assert keys.signing == new.encode() and keys.verifying == (new.encode(), old.encode())
    with pytest.raises(replykeys.ConfigError, match="TEST_TICKETING_SECRET"):
        replykeys.rotate(settings)


def test_rotation_keeps_old_tokens_for_the_grace_period(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, secret_grace_days=10)
    before = replykeys.load(settings)
    old_token = new_message_id(before.signing, "example.com", 7)
    start = datetime.now(UTC)
    replykeys.rotate(settings, now=start)
    after = replykeys.load(settings)
    assert after.signing != before.signing
    assert _mode(settings.var_path / "reply-keys") == 0o600
    # New mail is signed with the new key; the old token still threads for the grace.
    assert ticket_from_token(after.verifying, new_message_id(after.signing, "e.com", 7)) == 7
    assert ticket_from_token(after.verifying, old_token) == 7
    late = replykeys.load(settings, now=start + timedelta(days=11))
    assert ticket_from_token(late.verifying, old_token) is None
    # A rotation after the grace period drops the expired key from the file.
    replykeys.rotate(settings, now=start + timedelta(days=11))
    assert len(replykeys.entries(settings)[1]) == 2


def test_secret_rotate_and_status_never_print_a_key(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    run_cli(config, "init")
    first = replykeys.load(make_settings_for(tmp_path, config)).signing.decode()
    out = run_cli(config, "secret", "rotate", "--json")
    data = json.loads(out.stdout)
    assert [k["role"] for k in data["keys"]] == ["signs", "verifies"]
    assert data["keys"][1]["verifies_until"]
    second = replykeys.load(make_settings_for(tmp_path, config)).signing.decode()
    status = run_cli(config, "secret", "status")
    for output in (out, status):
        text = output.stdout.decode() + output.stderr.decode()
        assert first not in text and second not in text


# -- tokens at ingest ------------------------------------------------------------------


def _item(data: bytes) -> RawItem:
    return RawItem(data=data, source="imap", mailbox="billing")


def _stranger_reply(n: int, reference: str, subject: str = "Re: your invoice") -> bytes:
    return mail(
        subject=subject,
        body="Please send the refund to my account instead.",
        sender=STRANGER,
        name="Eve",
        message_id=f"<forged{n}@attacker.example>",
        in_reply_to=f"<{reference}>",
    )


def _forged_references(settings: Settings, ticket_a: int, ticket_b: int) -> list[str]:
    """Three tokens an attacker can make: the old path-derived key, a key of their own,
    and a genuine token for ticket A pointed at ticket B."""
    old_key = f"ticketing-local:{os.path.abspath(settings.service.var_dir)}".encode()
    genuine_a = new_message_id(replykeys.load(settings).signing, "example.com", ticket_a)
    _, _, nonce, sig = genuine_a.split("@")[0].split(".")
    return [
        _token(old_key, ticket_b),
        _token(os.urandom(32), ticket_b),
        f"tk.{ticket_b}.{nonce}.{sig}@example.com",
    ]


def _counts(pipeline: Pipeline, ticket_id: int) -> tuple[int, list[str]]:
    with Session(pipeline.engine) as s:
        messages = s.execute(
            select(func.count()).select_from(Message).where(Message.ticket_id == ticket_id)
        ).scalar_one()
        people = s.execute(
            select(Participant.email).where(Participant.ticket_id == ticket_id)
        ).scalars()
        return messages, sorted(people)


@pytest.mark.parametrize("path", ["one-by-one", "batch"])
def test_forged_and_replayed_tokens_are_held_never_attached(
    pipeline_factory: Callable[..., Pipeline], path: str
) -> None:
    pipeline = pipeline_factory()
    a = pipeline.ingest(_item(mail(sender="alice@customer.example", message_id="<a@c>")))
    b = pipeline.ingest(_item(mail(sender="bob@customer.example", message_id="<b@c>")))
    assert a.ticket_id and b.ticket_id
    before = _counts(pipeline, b.ticket_id)
    forged = [
        _item(_stranger_reply(n, ref))
        for n, ref in enumerate(_forged_references(pipeline.settings, a.ticket_id, b.ticket_id))
    ]
    if path == "batch":
        # Among ordinary new mail, so that the set-wise paths are in play.
        others = [
            _item(mail(sender=f"c{n}@other.example", message_id=f"<o{n}@other.example>"))
            for n in range(20)
        ]
        results = pipeline.ingest_batch([*others[:10], *forged, *others[10:]])[10:13]
    else:
        results = [pipeline.ingest(item) for item in forged]
    for result in results:
        assert result.outcome == "held", result
        assert result.ticket_id == b.ticket_id, result
        assert STRANGER in result.detail
    assert _counts(pipeline, b.ticket_id) == before
    assert STRANGER not in _counts(pipeline, a.ticket_id)[1]


def test_a_genuine_token_still_lets_a_forwarded_colleague_in(
    pipeline_factory: Callable[..., Pipeline],
) -> None:
    # The control for the test above: a token we signed for this very ticket attaches.
    pipeline = pipeline_factory()
    a = pipeline.ingest(_item(mail(sender="alice@customer.example", message_id="<a@c>")))
    assert a.ticket_id
    genuine = new_message_id(replykeys.load(pipeline.settings).signing, "example.com", a.ticket_id)
    result = pipeline.ingest(_item(_stranger_reply(1, genuine)))
    assert result.outcome == "followup" and result.ticket_id == a.ticket_id


def test_forged_token_opens_a_new_ticket_when_configured(
    pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = pipeline_factory(unknown_sender="new")
    a = pipeline.ingest(_item(mail(sender="alice@customer.example", message_id="<a@c>")))
    assert a.ticket_id
    before = _counts(pipeline, a.ticket_id)
    forged = _token(os.urandom(32), a.ticket_id)
    result = pipeline.ingest(_item(_stranger_reply(1, forged)))
    assert result.outcome == "ticket" and result.ticket_id != a.ticket_id
    assert _counts(pipeline, a.ticket_id) == before
