"""Configuration: defaults, overrides, and every mistake named with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from ticketing.config import load_settings
from ticketing.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_loads_with_the_embedded_defaults() -> None:
    s = load_settings(REPO / "config" / "ticketing.toml", env={})
    assert s.database.url == "sqlite:///var/ticketing.db"
    assert s.database_url == f"sqlite:///{REPO}/var/ticketing.db"
    assert s.ingress.host_port == ("127.0.0.1", 2525)
    assert s.smtp is None and s.mailboxes == ()
    assert s.service.queues == ("billing", "disputes", "collections", "escalations")


def test_documented_keys_are_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TICKETING_IMAP_BILLING_PASSWORD", "pw")
    path = write(
        tmp_path,
        """
[database]
url = "sqlite:///var/ticketing.db"
[[mailboxes]]
name = "billing"
host = "imap.example.com"
port = 993
security = "tls"
ca_file = ""
username = "billing@example.com"
password_env = "TICKETING_IMAP_BILLING_PASSWORD"
folder = "INBOX"
queue = "billing"
[smtp]
host = "smtp.example.com"
port = 587
security = "starttls"
username = ""
password_env = ""
from_address = "billing@example.com"
[ingress]
listen = "127.0.0.1:2525"
""",
    )
    s = load_settings(path, env={})
    assert s.mailbox("billing").login_password() == "pw"
    assert s.smtp is not None and s.smtp.host == "smtp.example.com"
    assert s.from_address == "billing@example.com"


def test_unknown_key_is_reported_with_file_line_and_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[database]\nurl = "sqlite:///x.db"\n\n[service]\nname = "x"\nfrom_adress = "a@b.c"\n',
    )
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert f"{path}:6" in str(info.value) and "from_adress" in str(info.value)


def test_unknown_key_in_second_mailbox_points_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[mailboxes]]
name = "a"
host = "h"
username = "u"
[[mailboxes]]
name = "b"
host = "h"
username = "u"
hots = "typo"
""",
    )
    with pytest.raises(ConfigError, match=rf"{path}:10: mailboxes.hots: unknown key"):
        load_settings(path, env={})


def test_wrong_type_and_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r":3: mailboxes.port: must be int"):
        load_settings(
            write(tmp_path, '[[mailboxes]]\nname="a"\nport="993"\nhost="h"\nusername="u"\n'), env={}
        )
    with pytest.raises(
        ConfigError, match=r"mailboxes\.security: must be one of tls, starttls, none"
    ):
        load_settings(
            write(tmp_path, '[[mailboxes]]\nname="a"\nhost="h"\nusername="u"\nsecurity="ssl"\n'),
            env={},
        )
    with pytest.raises(ConfigError, match="missing required key 'host'"):
        load_settings(write(tmp_path, '[[mailboxes]]\nname="a"\nusername="u"\n'), env={})
    with pytest.raises(ConfigError, match="unknown section"):
        load_settings(write(tmp_path, "[databse]\nurl='x'\n"), env={})
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(write(tmp_path, "[database\n"), env={})
    with pytest.raises(ConfigError, match=r":2: service\.parse_workers: must be -1"):
        load_settings(write(tmp_path, "[service]\nparse_workers = -3\n"), env={})
    with pytest.raises(ConfigError, match=r"mailboxes\.queue: unknown queue"):
        load_settings(
            write(tmp_path, '[[mailboxes]]\nname="a"\nhost="h"\nusername="u"\nqueue="sales"\n'),
            env={},
        )


def test_environment_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, '[database]\nurl = "sqlite:///a.db"\n')
    s = load_settings(
        None,
        env={
            "TICKETING_CONFIG": str(path),
            "TICKETING_DATABASE_URL": "postgresql+psycopg://x@h/db",
        },
    )
    assert s.database_url == "postgresql+psycopg://x@h/db" and s.source == path


def test_missing_explicit_config_and_missing_password_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})
    path = write(
        tmp_path, '[[mailboxes]]\nname="a"\nhost="h"\nusername="u"\npassword_env="NOPE_PW"\n'
    )
    with pytest.raises(ConfigError, match="NOPE_PW is not set"):
        load_settings(path, env={}).mailbox("a").login_password()


def test_password_file(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    path = write(
        tmp_path, f'[[mailboxes]]\nname="a"\nhost="h"\nusername="u"\npassword_file="{secret}"\n'
    )
    assert load_settings(path, env={}).mailbox("a").login_password() == "s3cret"
