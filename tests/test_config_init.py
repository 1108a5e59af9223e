"""A new desk from nothing (issue 15, items 2 and 3): `config init` writes the
configuration (every key at its default, explained), the rules, the templates, the key
and the database; `config check` says OK or names the problem and the setting to change,
on real servers (a private Dovecot, aiosmtpd) for the mailbox and the relay."""

from __future__ import annotations

import dataclasses
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.servers import ImapAccount, SmtpSink, free_port
from ticketing import config as config_mod
from ticketing import resources
from ticketing.cli import cli
from ticketing.config import Settings, load_settings
from ticketing.errors import ConfigError

SECTIONS = {
    "database": config_mod.DatabaseSettings,
    "service": config_mod.ServiceSettings,
    "mailboxes": config_mod.MailboxSettings,
    "smtp": config_mod.SmtpSettings,
    "ingress": config_mod.IngressSettings,
    "lifecycle": config_mod.LifecycleSettings,
    "sla": config_mod.SlaSettings,
    "collections": config_mod.CollectionsSettings,
}


def run(*args: str, code: int = 0) -> str:
    out = CliRunner().invoke(cli, list(args))
    assert out.exit_code == code, out.output
    assert "Traceback" not in out.output
    return out.output


def new_desk(tmp_path: Path, extra: str = "") -> Path:
    """`config init` in an empty folder, on a free ingress port, plus `extra` TOML."""
    run("config", "init", str(tmp_path))
    config = tmp_path / "config" / "ticketing.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('listen = "127.0.0.1:2525"', f'listen = "127.0.0.1:{free_port()}"')
    config.write_text(text + extra, encoding="utf-8")
    return config


def mailbox_toml(account: ImapAccount, ca_file: Path, password_line: str) -> str:
    """A [[mailboxes]] entry named billing for `account` over implicit TLS."""
    return f"""
[[mailboxes]]
name = "billing"
host = "{account.host}"
port = {account.imaps_port}
security = "tls"
ca_file = "{ca_file}"
username = "{account.username}"
{password_line}
"""


def check(config: Path, code: int = 0) -> str:
    return run("--config", str(config), "config", "check", code=code)


def test_init_writes_everything_a_start_needs_and_check_passes(tmp_path: Path) -> None:
    config = new_desk(tmp_path)
    assert (config.stat().st_mode & 0o777) == 0o600
    assert (tmp_path / "config" / "rules.toml").read_bytes() == resources.shipped(
        resources.RULES
    ).read_bytes()
    assert (tmp_path / "templates" / "en" / "acknowledgement.txt.j2").exists()
    assert (tmp_path / "var" / "reply-keys").exists()
    out = check(config)
    assert "FAIL" not in out
    for name in ("reply-token key", "database", "rules", "templates", "ingress", "smtp relay"):
        assert re.search(rf"^OK +{name}:", out, re.M), out
    # Every setting but the two paths is the built-in default.
    settings = load_settings(config, env={})
    defaults = Settings()
    assert settings.service.rules_file == "config/rules.toml"
    assert settings.service.templates_dir == "templates"
    assert settings.rules_path == tmp_path / "config" / "rules.toml"
    for section in ("database", "lifecycle", "sla", "collections", "smtp", "mailboxes"):
        assert getattr(settings, section) == getattr(defaults, section), section
    assert dataclasses.replace(settings.service, rules_file="", templates_dir="") == (
        defaults.service
    )


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    run("config", "init", str(tmp_path))
    rules = tmp_path / "config" / "rules.toml"
    rules.write_text("# my own rules\n", encoding="utf-8")
    out = run("config", "init", str(tmp_path), code=2)
    assert "already exist: nothing written (--force replaces them)" in out
    assert rules.read_text(encoding="utf-8") == "# my own rules\n"
    run("config", "init", str(tmp_path), "--force")
    assert rules.read_text(encoding="utf-8") != "# my own rules\n"


def _sections(text: str) -> dict[str, list[str]]:
    """The reference's lines by section, commented-out sections included."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        header = re.match(r"^#? ?\[\[?([a-z.]+)\]\]?\s*(#.*)?$", line)
        if header:
            current = header.group(1).split(".")[0]
        found.setdefault(current, []).append(line)
    return found


def test_the_reference_explains_every_key_at_its_default() -> None:
    text = resources.shipped(resources.REFERENCE_CONFIG).read_text(encoding="utf-8")
    sections = _sections(text)
    for section, cls in SECTIONS.items():
        lines = sections[section]
        for field in dataclasses.fields(cls):
            if field.name in ("targets", "stages", "password", "oauth2"):
                continue  # sub-tables, shown as such; plain passwords are not advertised
            found = [i for i, line in enumerate(lines) if re.match(rf"^#? ?{field.name} = ", line)]
            assert found, f"[{section}] {field.name} is not in the reference configuration"
            first = found[0]
            explained = "#" in lines[first].split("=", 1)[1] or lines[first - 1].startswith("#")
            assert explained, f"[{section}] {field.name} has no explanation"
    oauth2 = sections["mailboxes"][
        next(i for i, line in enumerate(sections["mailboxes"]) if "[mailboxes.oauth2]" in line) :
    ]
    for field in dataclasses.fields(config_mod.OAuth2Settings):
        if field.name in ("where", "cache_file"):
            continue  # set by the loader, not by the file
        assert any(re.match(rf"^# {field.name} = .*#", line) for line in oauth2), (
            f"[mailboxes.oauth2] {field.name} is not explained in the reference configuration"
        )
    # Loaded, it is exactly the built-in default.
    loaded = load_settings(resources.shipped(resources.REFERENCE_CONFIG), env={})
    for field in dataclasses.fields(Settings):
        if field.name not in ("source", "base_dir"):
            assert getattr(loaded, field.name) == getattr(Settings(), field.name), field.name


# -- operator errors: each names the setting to change ------------------------------------


def test_ingress_port_in_use_is_named_by_check_and_by_serve(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = new_desk(tmp_path)
        text = re.sub(
            r'listen = "127.0.0.1:\d+"', f'listen = "127.0.0.1:{port}"', config.read_text()
        )
        config.write_text(text)
        expected = (
            f"[ingress] listen = '127.0.0.1:{port}': the address is already in use (another "
            "`ticketing serve`, or a mail server on that port): stop it or change [ingress] listen"
        )
        assert f"FAIL  ingress: {expected}" in check(config, code=1)
        from ticketing.db import make_engine
        from ticketing.ingress import start_listener
        from ticketing.pipeline import Pipeline

        settings = load_settings(config, env={})
        engine = make_engine(settings.database_url)
        try:
            with pytest.raises(ConfigError) as raised:
                start_listener(Pipeline(engine, settings), settings)
        finally:
            engine.dispose()
        assert str(raised.value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "not a url: cannot connect: "),
        ("postgresql+psycopg://postgres@127.0.0.1:1/none", "cannot connect: "),
    ],
)
def test_a_database_url_that_does_not_work_is_named(
    tmp_path: Path, url: str, expected: str
) -> None:
    config = new_desk(tmp_path)
    text = config.read_text().replace('url = "sqlite:///var/ticketing.db"', f'url = "{url}"')
    config.write_text(text)
    out = check(config, code=1)
    [line] = [line for line in out.splitlines() if line.startswith("FAIL  database:")]
    assert expected in line and line.endswith("(check [database] url)"), line


def test_a_missing_template_is_named(tmp_path: Path) -> None:
    config = new_desk(tmp_path)
    (tmp_path / "templates" / "en" / "resolved.txt.j2").unlink()
    out = check(config, code=1)
    assert "FAIL  templates:" in out and "en/resolved.txt.j2: missing" in out


def test_a_wrong_imap_password_is_named(tmp_path: Path, imap_account: ImapAccount) -> None:
    (tmp_path / "imap-password").write_text("not-the-password\n")
    config = new_desk(
        tmp_path,
        mailbox_toml(
            imap_account,
            imap_account.dovecot.cert_file,
            f'password_file = "{tmp_path / "imap-password"}"',
        ),
    )
    out = check(config, code=1)
    [line] = [line for line in out.splitlines() if line.startswith("FAIL  mailbox billing:")]
    assert f"mailbox billing: login as {imap_account.username} failed: " in line
    assert line.endswith(
        "(check username and password_env / password_file of [[mailboxes]] name = 'billing')"
    )
    (tmp_path / "imap-password").write_text(imap_account.password + "\n")
    assert re.search(r"^OK +mailbox billing: logged in to ", check(config), re.M)


def test_tls_verification_failing_names_the_host_and_the_ca_file(
    tmp_path: Path, imap_account: ImapAccount
) -> None:
    other_ca = tmp_path / "other-ca.pem"
    from tests.servers import make_self_signed_cert

    made, _ = make_self_signed_cert(tmp_path / "other")
    other_ca.write_bytes(made.read_bytes())
    config = new_desk(
        tmp_path, mailbox_toml(imap_account, other_ca, 'password_env = "NOT_SET_ANYWHERE"')
    )
    out = check(config, code=1)
    [line] = [line for line in out.splitlines() if line.startswith("FAIL  mailbox billing:")]
    assert (
        f"the TLS certificate of {imap_account.host}:{imap_account.imaps_port} did not verify "
        f"against the CA file {other_ca}: "
    ) in line
    assert "set ca_file of [[mailboxes]] name = 'billing' to the CA that signed it" in line


def test_the_relay_is_checked(tmp_path: Path, smtp_sink: SmtpSink) -> None:
    config = new_desk(
        tmp_path,
        f"""
[smtp]
host = "127.0.0.1"
port = {smtp_sink.port}
security = "none"
""",
    )
    assert re.search(rf"^OK +smtp relay: 127.0.0.1:{smtp_sink.port} answers", check(config), re.M)
    config.write_text(
        config.read_text().replace(f"port = {smtp_sink.port}", f"port = {free_port()}")
    )
    out = check(config, code=1)
    assert "FAIL  smtp relay: [smtp] cannot connect to 127.0.0.1:" in out
    assert "(check [smtp] host, port and security)" in out
