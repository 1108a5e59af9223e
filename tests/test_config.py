"""Configuration: defaults, overrides, and every mistake named with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from ticketing.config import IngressSettings, load_settings
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


@pytest.mark.parametrize(
    ("ingress", "line", "error"),
    [
        ('allow_from = ["10.0.0.0/33"]', 3, r"ingress\.allow_from: not a network .*10\.0\.0\.0/33"),
        ('allow_from = ["10.0.0.1/8"]', 3, r"ingress\.allow_from: .*has host bits set"),
        ("allow_from = []", 3, r"ingress\.allow_from: is empty and no auth_username"),
        ('addresses = ["desk"]', 3, r"ingress\.addresses: not an email address: 'desk'"),
        ('tls_cert = "c.pem"', 3, r"ingress\.tls_cert: needs tls_key too"),
        ('tls_key = "k.pem"', 3, r"ingress\.tls_key: needs tls_cert too"),
        ("require_starttls = true", 3, r"ingress\.require_starttls: needs tls_cert"),
        ('auth_username = "relay"', 3, r"ingress\.auth_username: needs auth_password_env or"),
        ('auth_password_env = "PW"', 3, r"ingress\.auth_password_env: needs auth_username"),
        ('auth_password = "hunter22"', 3, r"ingress\.auth_password: a plain password is not"),
    ],
)
def test_bad_ingress_access_settings_are_named(
    tmp_path: Path, ingress: str, line: int, error: str
) -> None:
    path = write(tmp_path, f'[ingress]\nlisten = "0.0.0.0:25"\n{ingress}\n')
    with pytest.raises(ConfigError, match=error) as info:
        load_settings(path, env={})
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_ingress_access_settings_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[service]
from_address = "billing@example.com"
addresses = ["billing@example.com"]
[ingress]
addresses = ["Desk@Example.com"]
allow_from = ["127.0.0.0/8", "::1/128", "192.0.2.0/24", "2001:db8::/32"]
tls_cert = "certs/ingress.pem"
tls_key = "certs/ingress.key"
auth_username = "relay"
auth_password_env = "TICKETING_INGRESS_PASSWORD"
""",
    )
    s = load_settings(path, env={})
    assert s.ingress.allow_from[2:] == ("192.0.2.0/24", "2001:db8::/32")
    assert s.ingress.auth_username == "relay" and s.ingress.tls_cert == "certs/ingress.pem"
    assert s.own_addresses == {"billing@example.com", "desk@example.com"}
    assert IngressSettings().allow_from == ("127.0.0.0/8", "::1/128")
