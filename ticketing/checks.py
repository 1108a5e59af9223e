"""What `ticketing config check` verifies before a start: one result per check, each
either fine or naming the problem and the fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ticketing import private, replykeys
from ticketing.config import Settings, plain_passwords
from ticketing.errors import TicketingError


@dataclass(frozen=True)
class Check:
    name: str
    state: str  # "ok" | "warn" | "fail"
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"check": self.name, "state": self.state, "detail": self.detail}


def _reply_key(settings: Settings) -> Check:
    try:
        keys = replykeys.load(settings)
    except TicketingError as exc:
        return Check("reply-token key", "fail", str(exc))
    source, found = replykeys.entries(settings)
    retired = len(keys.verifying) - 1
    return Check(
        "reply-token key",
        "ok",
        f"from {source}: signing key {found[0].fingerprint}, "
        f"{retired} retired key{'s' if retired != 1 else ''} still verifying",
    )


def _key_file_mode(settings: Settings) -> Check:
    if replykeys.from_environment(settings):
        return Check("key file permissions", "ok", f"key from ${settings.service.secret_env}")
    path = replykeys.key_file(settings)
    mode = private.readable_by_others(path)
    if mode is not None:
        return Check(
            "key file permissions",
            "fail",
            f"{path} is readable by group or others (mode {mode:04o}): chmod 600 {path}, "
            "then `ticketing secret rotate` (the key may have been read)",
        )
    return Check("key file permissions", "ok", f"{path} is private")


def _passwords(settings: Settings) -> Check:
    plain = plain_passwords(settings)
    if not plain:
        return Check("passwords", "ok", "none in plain text in the config file")
    source = settings.source
    mode = private.readable_by_others(source) if source is not None else None
    if mode is not None:
        return Check(
            "passwords",
            "warn",
            f"{source} holds a plain password ({', '.join(plain)}) and is readable by "
            f"group or others (mode {mode:04o}): chmod 600 {source}, or use password_env "
            "/ password_file",
        )
    return Check("passwords", "ok", f"plain passwords in {source}, which is private")


def _data_mode(settings: Settings) -> Check:
    loose = private.loose_paths(settings)
    if loose:
        return Check(
            "data permissions",
            "fail",
            "accessible to group or others: "
            + "; ".join(loose)
            + f" — run `ticketing init` (it makes {settings.var_path} 0700 and its files 0600)",
        )
    return Check("data permissions", "ok", f"{settings.var_path} and its files are private")


def _database(settings: Settings) -> Check:
    from ticketing.db import current_revision, make_engine, redact_url

    url = redact_url(settings.database_url)
    try:
        engine = make_engine(settings.database_url)
        try:
            revision = current_revision(engine)
        finally:
            engine.dispose()
    except Exception as exc:  # any driver error means: not reachable
        why = private.scrub(str(exc).strip().splitlines()[0], private.secret_values(settings))
        return Check("database", "fail", f"{url}: cannot connect: {why} (check [database] url)")
    if revision is None:
        return Check("database", "fail", f"{url}: not initialised: run `ticketing init`")
    return Check("database", "ok", f"{url} at revision {revision}")


def _rules(settings: Settings) -> Check:
    from ticketing.rules import load_rules

    path = settings.rules_path
    try:
        rules = load_rules(path, queues=settings.service.queues)
    except TicketingError as exc:
        return Check("rules", "fail", str(exc))
    return Check("rules", "ok", f"{path}: {len(rules.rules)} rules compile")


def _templates(settings: Settings) -> Check:
    from ticketing.render import Renderer
    from ticketing.templating import check

    folder = settings.templates_path
    if not folder.is_dir():
        return Check(
            "templates", "fail", f"{folder}: no such folder (check [service] templates_dir)"
        )
    failures = check(Renderer(folder, settings.service.default_language), settings)
    if failures:
        shown = "; ".join(failures[:3]) + (
            f"; and {len(failures) - 3} more" if len(failures) > 3 else ""
        )
        return Check("templates", "fail", f"{folder}: {shown} (`ticketing templates check`)")
    return Check("templates", "ok", f"{folder}: every template renders")


def _ingress(settings: Settings) -> Check:
    import socket

    from ticketing.ingress import listen_problem

    ing = settings.ingress
    if ing.host_port is None:
        return Check("ingress", "ok", "off ([ingress] listen is empty)")
    problem = listen_problem(settings)
    if problem is not None:
        return Check("ingress", "fail", problem)
    host, port = ing.host_port
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return Check("ingress", "fail", _listen_error(settings, exc))
    return Check("ingress", "ok", f"{ing.listen} is free to listen on")


def _listen_error(settings: Settings, exc: OSError) -> str:
    from ticketing.ingress import listen_error

    return listen_error(settings, exc)


def _mailboxes(settings: Settings) -> list[Check]:
    from ticketing.imap import connect, logout

    found = []
    for mailbox in settings.mailboxes:
        name = f"mailbox {mailbox.name}"
        try:
            client = connect(mailbox)
        except TicketingError as exc:
            found.append(Check(name, "fail", str(exc)))
            continue
        logout(client)
        found.append(
            Check(name, "ok", f"logged in to {mailbox.host}:{mailbox.port} as {mailbox.username}")
        )
    return found


def _relay(settings: Settings) -> Check:
    from ticketing.outbox import SmtpTransport

    relay = settings.smtp
    if relay is None:
        return Check(
            "smtp relay",
            "ok",
            f"none: outbound mail goes to {settings.path(settings.service.maildir)}",
        )
    transport = SmtpTransport(relay)
    try:
        transport.check()
    except TicketingError as exc:
        return Check("smtp relay", "fail", str(exc))
    who = f" as {relay.username}" if relay.username else ""
    return Check("smtp relay", "ok", f"{relay.host}:{relay.port} answers{who}")


CHECKS: tuple[Callable[[Settings], Check], ...] = (
    _reply_key,
    _key_file_mode,
    _passwords,
    _data_mode,
    _database,
    _rules,
    _templates,
    _ingress,
    _relay,
)


def run_checks(settings: Settings) -> list[Check]:
    found = [check(settings) for check in CHECKS]
    return found + _mailboxes(settings)
