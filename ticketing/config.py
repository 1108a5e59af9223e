"""Load `config/ticketing.toml` into one typed, immutable Settings object.

Settings are passed explicitly to whatever needs them (never a module global), so tests
build their own. Every mistake is reported with the file, the line and the key.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ticketing import resources
from ticketing.errors import ConfigError
from ticketing.inbound import ParseLimits

DEFAULT_CONFIG = Path("config/ticketing.toml")
SECURITY_MODES = ("tls", "starttls", "none")
AFTER_INGEST = ("flag", "move", "none")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = "sqlite:///var/ticketing.db"


AUTH_MODES = ("password", "oauth2")
OAUTH2_PROVIDERS = ("generic", "microsoft", "google")
OAUTH2_MECHANISMS = ("xoauth2", "oauthbearer")
OAUTH2_FLOWS = {
    "generic": ("refresh_token",),
    "microsoft": ("client_credentials", "device_code"),
    "google": ("service_account", "installed_app"),
}


@dataclass(frozen=True)
class OAuth2Settings:
    """`[mailboxes.oauth2]` or `[smtp.oauth2]`: where access tokens come from.

    `where` is the section's name in messages ("mailboxes.support.oauth2", "smtp.oauth2").
    """

    where: str = "oauth2"
    provider: str = "generic"  # generic | microsoft | google
    # generic: refresh_token; microsoft: client_credentials | device_code;
    # google: service_account | installed_app. "" = the provider's first.
    flow: str = ""
    mechanism: str = "xoauth2"  # xoauth2 | oauthbearer (SASL)
    scope: str = ""  # space-separated; "" = the provider's default for the protocol
    client_id: str = ""
    client_secret_env: str = ""
    client_secret_file: str = ""
    # generic: the token endpoint (RFC 6749 refresh grant); google: overrides token_uri.
    token_url: str = ""
    # A refresh token given by the operator (generic); `ticketing mailbox login NAME`
    # stores one in the token cache instead.
    refresh_token_env: str = ""
    refresh_token_file: str = ""
    # microsoft: the directory (tenant) id or domain, and the authority host.
    tenant: str = "organizations"
    authority: str = "https://login.microsoftonline.com"
    # google: a service account key (JSON) with domain-wide delegation, and the installed
    # app's client secrets (JSON) for the installed_app flow.
    service_account_file: str = ""
    client_secrets_file: str = ""
    # CA bundle for the token endpoint's TLS ("" = the system's).
    ca_file: str = ""
    # Set by the loader, not by the file: where this section's tokens are cached
    # (var_dir/oauth2/<mailbox-NAME | smtp>.json); "" keeps them in memory only.
    cache_file: str = ""

    def client_secret(self) -> str:
        return _read_secret(
            self.where, self.client_secret_env, self.client_secret_file, what="client secret"
        )

    def given_refresh_token(self) -> str:
        return _read_secret(
            self.where, self.refresh_token_env, self.refresh_token_file, what="refresh token"
        )

    def effective_flow(self) -> str:
        return self.flow or OAUTH2_FLOWS.get(self.provider, ("",))[0]


def login_command(where: str) -> str:
    """The command that signs an oauth2 section in ("mailboxes.NAME.oauth2" or "smtp.oauth2")."""
    if where.startswith("mailboxes.") and where.endswith(".oauth2"):
        return f"ticketing mailbox login {where[len('mailboxes.') : -len('.oauth2')]}"
    if where.startswith("smtp"):
        return "ticketing mailbox login --smtp"
    return "ticketing mailbox login NAME"


@dataclass(frozen=True)
class MailboxSettings:
    name: str
    host: str
    username: str
    port: int = 993
    security: str = "tls"  # tls | starttls | none
    ca_file: str = ""
    verify_certificate: bool = True
    password_env: str = ""
    password_file: str = ""
    # A plain password in the config file works, but the file must then be private
    # (`config check` and `serve` warn otherwise); password_env / password_file are better.
    password: str = field(default="", repr=False)
    folder: str = "INBOX"
    queue: str = "billing"
    after_ingest: str = "flag"  # flag | move | none; mail is never expunged
    flag: str = "\\Seen"
    move_to: str = "Ticketed"
    batch_size: int = 100
    poll_interval: float = 30.0
    idle: bool = True
    # Re-issue IDLE well before the 30 minutes after which RFC 9051 lets servers drop it.
    idle_timeout: float = 600.0
    timeout: float = 60.0
    # password | oauth2 (then the [mailboxes.oauth2] table says where tokens come from)
    auth: str = "password"
    oauth2: OAuth2Settings | None = None

    def login_password(self) -> str:
        return _read_secret(
            f"mailboxes.{self.name}", self.password_env, self.password_file, self.password
        )


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"
    ca_file: str = ""
    verify_certificate: bool = True
    username: str = ""
    password_env: str = ""
    password_file: str = ""
    password: str = field(default="", repr=False)  # see MailboxSettings.password
    from_address: str = ""
    timeout: float = 30.0
    auth: str = "password"  # password | oauth2 (with an [smtp.oauth2] table)
    oauth2: OAuth2Settings | None = None

    def login_password(self) -> str:
        return _read_secret("smtp", self.password_env, self.password_file, self.password)


DEFAULT_ALLOW_FROM = ("127.0.0.0/8", "::1/128")


@dataclass(frozen=True)
class IngressSettings:
    listen: str = "127.0.0.1:2525"  # empty = off
    queue: str = "billing"
    # Desk addresses that accept mail here besides [service] from_address and addresses
    # (with them, our own addresses: see Settings.own_addresses).
    addresses: tuple[str, ...] = ()
    # Domains we answer for: a recipient outside them is relaying (550 5.7.1), one inside
    # that is no desk address is unknown (550 5.1.1). Empty = the desk addresses' domains.
    recipient_domains: tuple[str, ...] = ()
    lmtp: bool = False
    # Clients in these networks may deliver without AUTH; any other must authenticate.
    allow_from: tuple[str, ...] = DEFAULT_ALLOW_FROM
    # STARTTLS is offered when both are set; require_starttls refuses mail without it.
    tls_cert: str = ""
    tls_key: str = ""
    require_starttls: bool = False
    # AUTH (PLAIN, LOGIN) for clients outside allow_from, offered only when auth_username
    # is set, and with a tls_cert only after STARTTLS. The password never sits in the file.
    auth_username: str = ""
    auth_password_env: str = ""
    auth_password_file: str = ""

    def auth_password(self, base_dir: Path) -> str:
        """The AUTH password: $auth_password_env when set, else auth_password_file
        (relative to `base_dir`); an error naming the key when neither gives one."""
        if self.auth_password_env:
            value = os.environ.get(self.auth_password_env)
            if value:
                return value
        if self.auth_password_file:
            path = Path(self.auth_password_file)
            path = path if path.is_absolute() else base_dir / path
            try:
                value = path.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"ingress.auth_password_file: cannot read {str(path)!r}: {exc}"
                ) from exc
            if not value:
                raise ConfigError(f"ingress.auth_password_file: {str(path)!r} is empty")
            return value
        if self.auth_password_env:
            raise ConfigError(
                f"ingress.auth_password_env: environment variable {self.auth_password_env} "
                "is not set or empty"
            )
        raise ConfigError("ingress.auth_username needs auth_password_env or auth_password_file")

    @property
    def host_port(self) -> tuple[str, int] | None:
        if not self.listen:
            return None
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)


@dataclass(frozen=True)
class ServiceSettings:
    """How we present ourselves and the policies that are not per mailbox."""

    name: str = "Billing Support"
    from_address: str = "billing@example.com"
    # Our addresses: mail from them is ignored (loops); mail to several of them is one ticket.
    addresses: tuple[str, ...] = ()
    domain: str = ""  # for Message-IDs; default: the domain of from_address
    ticket_tag: str = "BILL"  # subject tag, e.g. [BILL-42]
    default_language: str = "en"
    default_queue: str = "billing"
    queues: tuple[str, ...] = ("billing", "disputes", "collections", "escalations")
    var_dir: str = "var"
    maildir: str = "var/outbox-maildir"  # outbound mail goes here when no [smtp] relay
    attachments_dir: str = "var/attachments"
    # Trained routing models and the ACTIVE pointer (`ticketing routing ...`); without one,
    # the model shipped with the package routes.
    models_dir: str = "var/models"
    # The labelled corpus `routing train` learns from ("" = the one shipped with ticketing).
    corpus_dir: str = ""
    max_message_bytes: int = 40 * 1024 * 1024
    notify_oversize: bool = False
    # Beyond these, a mail is stored whole but not unpacked further (a note says so):
    # MIME parts per mail, and the decoded size of one part.
    max_parts: int = ParseLimits.max_parts
    max_part_bytes: int = ParseLimits.max_part_bytes
    # What `tickets reply --attach` may send in all, per reply (default 20 MiB, below
    # what most relays take: Exchange Online 25 MB, Gmail 25 MB, after base64's third).
    max_reply_attachment_bytes: int = 20 * 1024 * 1024
    # Automatic replies per sender within the window; beyond it we stay silent (loops).
    autoreply_limit: int = 3
    autoreply_window_minutes: int = 60
    # A follow-up from someone who is not a participant: "hold" for an agent, or "new" ticket.
    unknown_sender: str = "hold"
    # A reply to a resolved or closed ticket: "reopen" it, or open a "new" ticket.
    reply_to_closed: str = "reopen"
    # Outbound retries: first delay in seconds (doubling, with jitter, capped at an hour)
    # and the attempts after which a message is marked failed.
    outbox_retry_seconds: float = 30.0
    outbox_max_attempts: int = 12
    # A claimed message whose worker died is sent again after this many seconds, with
    # the same Message-ID; it must exceed the time one dispatch round takes.
    outbox_claim_seconds: float = 300.0
    dispatch_interval: float = 0.5  # how often `serve` looks for new outbound mail
    # The reply-token keys (ticketing/replykeys.py): this environment variable when set,
    # else secret_file, else <var_dir>/reply-keys, which `ticketing init` creates.
    secret_env: str = "TICKETING_SECRET"
    secret_file: str = ""
    # After `ticketing secret rotate`, the old key still verifies for this many days.
    secret_grace_days: int = 30
    # The rule file and the templates folder ("" = the ones shipped with ticketing).
    rules_file: str = ""
    templates_dir: str = ""
    log_json: bool = False
    log_level: str = "INFO"
    # Processes that parse and route large batches (IMAP); -1 = one per CPU, at most 4.
    parse_workers: int = -1

    @property
    def message_domain(self) -> str:
        return self.domain or self.from_address.rpartition("@")[2] or "localhost"

    @property
    def own_addresses(self) -> frozenset[str]:
        # Only this section's; Settings.own_addresses adds [smtp] and [ingress] ones.
        return frozenset(a.lower() for a in (self.from_address, *self.addresses) if a)

    @property
    def parse_limits(self) -> ParseLimits:
        return ParseLimits(max_parts=self.max_parts, max_part_bytes=self.max_part_bytes)


# -- the agent's desk: lifecycle, SLAs, collections ---------------------------------------

STATUSES_AFTER_REPLY = ("open", "pending")
ACCOUNT_STATUSES = ("active", "delinquent", "suspended")
PRIORITY_LEVELS = ("low", "normal", "high", "urgent")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class LifecycleSettings:
    """How tickets move without an explicit status from the agent."""

    # An agent reply to a new or open ticket moves it here (waiting on the customer).
    reply_status: str = "pending"
    # `sla check` closes resolved tickets after this many days without a reply; 0 = never.
    auto_close_days: int = 7
    # Open vendor cases without an update for this many days appear in `ticketing status`.
    vendor_reminder_days: int = 3


@dataclass(frozen=True)
class SlaTarget:
    """One `[[sla.targets]]` entry; "*" matches any queue or priority, the most specific wins."""

    queue: str = "*"
    priority: str = "*"
    first_response_hours: float = 0.0  # business hours; 0 = no target
    resolution_hours: float = 0.0


DEFAULT_SLA_TARGETS = (
    SlaTarget("*", "*", 8.0, 40.0),
    SlaTarget("*", "high", 4.0, 24.0),
    SlaTarget("*", "urgent", 1.0, 8.0),
)


@dataclass(frozen=True)
class SlaSettings:
    timezone: str = "UTC"
    business_days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    business_hours: str = "09:00-18:00"
    holidays: tuple[str, ...] = ()  # ISO dates, e.g. "2026-01-01"
    # A breach raises the ticket's priority to at least this ("" leaves it alone).
    breach_priority: str = "high"
    targets: tuple[SlaTarget, ...] = DEFAULT_SLA_TARGETS


@dataclass(frozen=True)
class CollectionStage:
    """One `[[collections.stages]]` entry: a notice due at `days_overdue`."""

    name: str
    days_overdue: int
    template: str
    account_status: str = ""  # set on the customer when this notice is queued; "" = keep


DEFAULT_COLLECTION_STAGES = (
    CollectionStage("reminder", 7, "collections-reminder", "delinquent"),
    CollectionStage("final_notice", 21, "final-notice", "delinquent"),
    CollectionStage("suspension", 35, "suspension-notice", "suspended"),
)


@dataclass(frozen=True)
class CollectionsSettings:
    queue: str = "collections"  # tickets opened for notices go here
    # Stages are sent in order, never skipped, and at least this many days apart.
    min_days_between: int = 7
    stages: tuple[CollectionStage, ...] = DEFAULT_COLLECTION_STAGES


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    service: ServiceSettings = field(default_factory=ServiceSettings)
    mailboxes: tuple[MailboxSettings, ...] = ()
    smtp: SmtpSettings | None = None
    ingress: IngressSettings = field(default_factory=IngressSettings)
    lifecycle: LifecycleSettings = field(default_factory=LifecycleSettings)
    sla: SlaSettings = field(default_factory=SlaSettings)
    collections: CollectionsSettings = field(default_factory=CollectionsSettings)
    source: Path | None = None  # the file these came from, for messages
    base_dir: Path = field(default_factory=Path.cwd)  # relative paths resolve against this

    @property
    def from_address(self) -> str:
        if self.smtp and self.smtp.from_address:
            return self.smtp.from_address
        return self.service.from_address

    @property
    def own_addresses(self) -> frozenset[str]:
        """Every address of the desk, lower-cased: [service] from_address and addresses,
        the [smtp] from_address and the [ingress] addresses. The ingress accepts mail for
        these only; loop protection never answers them; mail to several is one ticket."""
        extra = (self.from_address, *self.ingress.addresses)
        return self.service.own_addresses | {a.lower() for a in extra if a}

    def path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.base_dir / p

    @property
    def rules_path(self) -> Path:
        """[service] rules_file, or the rule file shipped with ticketing."""
        return self._own_or_shipped(self.service.rules_file, resources.RULES)

    @property
    def templates_path(self) -> Path:
        """[service] templates_dir, or the templates shipped with ticketing."""
        return self._own_or_shipped(self.service.templates_dir, resources.TEMPLATES)

    @property
    def corpus_path(self) -> Path:
        """[service] corpus_dir, or the routing corpus shipped with ticketing."""
        return self._own_or_shipped(self.service.corpus_dir, resources.CORPUS)

    def _own_or_shipped(self, value: str, shipped: str) -> Path:
        return self.path(value) if value else resources.shipped(shipped)

    @property
    def var_path(self) -> Path:
        return self.path(self.service.var_dir)

    @property
    def database_url(self) -> str:
        url = self.database.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith("sqlite:////"):
            rest = url[len(prefix) :]
            if rest and rest != ":memory:":
                return prefix + str(self.path(rest))
        return url

    def mailbox(self, name: str) -> MailboxSettings:
        for mb in self.mailboxes:
            if mb.name == name:
                return mb
        known = ", ".join(m.name for m in self.mailboxes) or "none configured"
        raise ConfigError(f"no mailbox named {name!r} (known: {known})")


def _read_secret(where: str, env: str, file: str, plain: str = "", what: str = "password") -> str:
    if env:
        value = os.environ.get(env)
        if value is not None:
            return value
    if file:
        try:
            return Path(file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            key = what.replace(" ", "_") + "_file"
            raise ConfigError(f"{where}: cannot read {key} {file!r}: {exc}") from exc
    if env:
        raise ConfigError(f"{where}: environment variable {env} is not set")
    return plain


def plain_passwords(settings: Settings) -> list[str]:
    """The config keys that hold a password in plain text."""
    found = [f"mailboxes.{mb.name}.password" for mb in settings.mailboxes if mb.password]
    if settings.smtp and settings.smtp.password:
        found.append("smtp.password")
    return found


def _line_of(text: str, section: str | None, key: str, occurrence: int = 0) -> int | None:
    """Best-effort line number of `key` inside `section` (tomllib keeps no positions)."""
    lines = text.splitlines()
    in_section = section is None
    seen = -1
    header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    key_re = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for number, line in enumerate(lines, start=1):
        m = header.match(line)
        if m:
            name = m.group(1)
            if section is not None and name == section:
                seen += 1
                in_section = seen == occurrence
            elif section is not None:
                in_section = False
            if section is not None and name == section and key == "" and in_section:
                return number
            continue
        if in_section and key and key_re.match(line):
            return number
    return None


# Fields the loader fills in itself; a config file may not set them.
_NOT_FROM_THE_FILE = frozenset({"source", "base_dir", "where", "cache_file", "oauth2"})


class _Reader:
    """Turns one TOML table into a dataclass, rejecting unknown keys and wrong types."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(
        self, section: str | None, key: str, message: str, occurrence: int = 0
    ) -> ConfigError:
        line = _line_of(self.text, section, key, occurrence)
        where = f"{self.path}:{line}" if line else str(self.path)
        name = f"{section}.{key}" if section and key else (section or key)
        return ConfigError(f"{where}: {name}: {message}")

    def build(
        self, cls: type[Any], section: str, table: Any, occurrence: int = 0, **overrides: Any
    ) -> Any:
        if not isinstance(table, Mapping):
            raise self.error(None, section, "must be a table", occurrence)
        known = {f.name: f for f in fields(cls) if f.name not in _NOT_FROM_THE_FILE}
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in known:
                allowed = ", ".join(sorted(known))
                raise self.error(
                    section, key, f"unknown key {key!r} (allowed: {allowed})", occurrence
                )
            values[key] = self._coerce(section, key, value, known[key].type, occurrence)
        try:
            return cls(**values, **overrides)
        except TypeError as exc:
            missing = re.findall(r"'(\w+)'", str(exc))
            key = missing[0] if missing else ""
            raise self.error(section, "", f"missing required key {key!r}", occurrence) from exc

    def _coerce(self, section: str, key: str, value: Any, annotation: Any, occ: int) -> Any:
        kind = str(annotation)
        if kind.startswith("tuple"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.error(section, key, "must be a list of strings", occ)
            return tuple(value)
        expected: type[Any] | tuple[type[Any], ...]
        if kind == "bool":
            expected = bool
        elif kind == "int":
            expected = int
        elif kind == "float":
            expected = (int, float)
        else:
            expected = str
        if isinstance(value, bool) and expected is not bool:
            raise self.error(section, key, f"must be {kind}, not a boolean", occ)
        if not isinstance(value, expected):
            raise self.error(section, key, f"must be {kind}, got {type(value).__name__}", occ)
        return float(value) if kind == "float" else value


def load_settings(
    path: Path | str | None = None, *, env: Mapping[str, str] | None = None
) -> Settings:
    """Read the config file: `path`, else $TICKETING_CONFIG, else config/ticketing.toml.

    A missing default file gives the embedded defaults; a missing explicit file is an error.
    $TICKETING_DATABASE_URL overrides the database URL.
    """
    env = os.environ if env is None else env
    explicit = path is not None or bool(env.get("TICKETING_CONFIG"))
    config_path = (
        Path(path) if path is not None else Path(env.get("TICKETING_CONFIG") or DEFAULT_CONFIG)
    )
    if not config_path.exists():
        if explicit:
            raise ConfigError(f"{config_path}: config file not found")
        settings = Settings()
    else:
        settings = _parse_file(config_path)
    url = env.get("TICKETING_DATABASE_URL")
    if url:
        settings = replace(settings, database=DatabaseSettings(url=url))
    return settings


def _parse_file(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    reader = _Reader(path, text)
    sections = {
        "database",
        "service",
        "mailboxes",
        "smtp",
        "ingress",
        "lifecycle",
        "sla",
        "collections",
    }
    for key in data:
        if key not in sections:
            raise reader.error(
                None, key, f"unknown section (allowed: {', '.join(sorted(sections))})"
            )
    # The config's own directory's parent is the project root when it lives in config/.
    base_dir = path.resolve().parent
    if base_dir.name == "config":
        base_dir = base_dir.parent
    database = reader.build(DatabaseSettings, "database", data.get("database", {}))
    service = reader.build(ServiceSettings, "service", data.get("service", {}))
    raw_mailboxes = data.get("mailboxes", [])
    if not isinstance(raw_mailboxes, list):
        raise reader.error(None, "mailboxes", "must be an array of tables: [[mailboxes]]")
    mailboxes = tuple(
        _build_with_oauth2(reader, MailboxSettings, "mailboxes", table, i)
        for i, table in enumerate(raw_mailboxes)
    )
    smtp = (
        _build_with_oauth2(reader, SmtpSettings, "smtp", data["smtp"], 0)
        if "smtp" in data
        else None
    )
    raw_ingress = data.get("ingress", {})
    if isinstance(raw_ingress, Mapping) and "auth_password" in raw_ingress:
        raise reader.error(
            "ingress",
            "auth_password",
            "a plain password is not accepted here: use auth_password_env or auth_password_file",
        )
    ingress = reader.build(IngressSettings, "ingress", raw_ingress)
    settings = Settings(
        database=database,
        service=service,
        mailboxes=mailboxes,
        smtp=smtp,
        ingress=ingress,
        lifecycle=reader.build(LifecycleSettings, "lifecycle", data.get("lifecycle", {})),
        sla=_build_sla(reader, data.get("sla", {})),
        collections=_build_collections(reader, data.get("collections", {})),
        source=path,
        base_dir=base_dir,
    )
    _validate(reader, settings)
    _validate_desk(reader, settings)
    return _with_token_caches(settings)


def _build_with_oauth2(
    reader: _Reader, cls: type[Any], section: str, table: Any, occurrence: int
) -> Any:
    """A [[mailboxes]] entry or [smtp] with its optional oauth2 sub-table."""
    if not isinstance(table, Mapping):
        raise reader.error(None, section, "must be a table", occurrence)
    own = {k: v for k, v in table.items() if k != "oauth2"}
    built = reader.build(cls, section, own, occurrence)
    if "oauth2" not in table:
        if built.auth == "oauth2":
            raise reader.error(
                section,
                "auth",
                f'auth = "oauth2" needs an [{section}.oauth2] table (provider, client_id, ...)',
                occurrence,
            )
        return built
    name = f"mailboxes.{built.name}.oauth2" if section == "mailboxes" else "smtp.oauth2"
    oauth2 = reader.build(
        OAuth2Settings, f"{section}.oauth2", table["oauth2"], occurrence, where=name
    )
    return replace(built, oauth2=oauth2)


def _with_token_caches(settings: Settings) -> Settings:
    """Point each oauth2 section at its token cache under var_dir."""
    cache_dir = settings.var_path / "oauth2"

    def cached(section: OAuth2Settings | None, name: str) -> OAuth2Settings | None:
        if section is None:
            return None
        return replace(section, cache_file=str(cache_dir / f"{name}.json"))

    mailboxes = tuple(
        replace(mb, oauth2=cached(mb.oauth2, f"mailbox-{mb.name}")) for mb in settings.mailboxes
    )
    smtp = settings.smtp
    if smtp is not None:
        smtp = replace(smtp, oauth2=cached(smtp.oauth2, "smtp"))
    return replace(settings, mailboxes=mailboxes, smtp=smtp)


def _validate_oauth2(
    reader: _Reader,
    section: str,
    auth: str,
    oauth2: OAuth2Settings | None,
    occurrence: int,
    sub_occurrence: int,
) -> None:
    """auth and the oauth2 table; `sub_occurrence` counts [section.oauth2] headers."""
    if auth not in AUTH_MODES:
        raise reader.error(section, "auth", f"must be one of {', '.join(AUTH_MODES)}", occurrence)
    if oauth2 is None:
        return
    sub = f"{section}.oauth2"
    occurrence = sub_occurrence
    if auth != "oauth2":
        raise reader.error(
            sub, "", f'an oauth2 table is only used with auth = "oauth2" in [{section}]', occurrence
        )
    o = oauth2
    if o.provider not in OAUTH2_PROVIDERS:
        raise reader.error(
            sub, "provider", f"must be one of {', '.join(OAUTH2_PROVIDERS)}", occurrence
        )
    flows = OAUTH2_FLOWS[o.provider]
    if o.flow and o.flow not in flows:
        raise reader.error(
            sub, "flow", f"provider {o.provider} supports {', '.join(flows)}", occurrence
        )
    if o.mechanism not in OAUTH2_MECHANISMS:
        raise reader.error(
            sub, "mechanism", f"must be one of {', '.join(OAUTH2_MECHANISMS)}", occurrence
        )
    flow = o.effective_flow()
    needed: list[tuple[str, str]] = []
    if o.provider == "generic":
        needed = [("token_url", o.token_url), ("client_id", o.client_id)]
    elif o.provider == "microsoft":
        needed = [("client_id", o.client_id)]
        if flow == "client_credentials":
            needed.append(("client_secret_env", o.client_secret_env or o.client_secret_file))
            if o.tenant in ("organizations", "common", "consumers"):
                raise reader.error(
                    sub,
                    "tenant",
                    "client_credentials needs your directory (tenant) id or domain, "
                    f"not {o.tenant!r}",
                    occurrence,
                )
    elif flow == "service_account":
        needed = [("service_account_file", o.service_account_file)]
    else:
        needed = [("client_secrets_file", o.client_secrets_file)]
    for key, value in needed:
        if not value:
            what = f"provider {o.provider}" + (f", flow {flow}" if flow else "")
            raise reader.error(sub, key, f"required for {what}", occurrence)


def _validate(reader: _Reader, s: Settings) -> None:
    names: set[str] = set()
    queues = s.service.queues
    if s.service.secret_grace_days < 0:
        raise reader.error("service", "secret_grace_days", "must be 0 or more")
    if s.service.max_parts < 1:
        raise reader.error("service", "max_parts", "must be at least 1")
    if s.service.max_part_bytes < 1:
        raise reader.error("service", "max_part_bytes", "must be at least 1")
    if s.service.max_reply_attachment_bytes < 0:
        raise reader.error("service", "max_reply_attachment_bytes", "must be 0 (none) or more")
    if s.service.parse_workers < -1:
        raise reader.error("service", "parse_workers", "must be -1 (one per CPU), 0 (none) or more")
    if s.service.default_queue not in queues:
        raise reader.error(
            "service", "default_queue", f"unknown queue (known: {', '.join(queues)})"
        )
    for i, mb in enumerate(s.mailboxes):
        if mb.name in names:
            raise reader.error("mailboxes", "name", f"duplicate mailbox name {mb.name!r}", i)
        names.add(mb.name)
        if mb.security not in SECURITY_MODES:
            raise reader.error(
                "mailboxes", "security", f"must be one of {', '.join(SECURITY_MODES)}", i
            )
        if mb.after_ingest not in AFTER_INGEST:
            raise reader.error(
                "mailboxes", "after_ingest", f"must be one of {', '.join(AFTER_INGEST)}", i
            )
        if mb.queue not in queues:
            raise reader.error(
                "mailboxes", "queue", f"unknown queue (known: {', '.join(queues)})", i
            )
        if mb.batch_size < 1:
            raise reader.error("mailboxes", "batch_size", "must be at least 1", i)
        earlier = sum(1 for m in s.mailboxes[:i] if m.oauth2 is not None)
        _validate_oauth2(reader, "mailboxes", mb.auth, mb.oauth2, i, earlier)
    if s.smtp:
        _validate_oauth2(reader, "smtp", s.smtp.auth, s.smtp.oauth2, 0, 0)
    if s.smtp and s.smtp.security not in SECURITY_MODES:
        raise reader.error("smtp", "security", f"must be one of {', '.join(SECURITY_MODES)}")
    if s.ingress.listen:
        try:
            s.ingress.host_port  # noqa: B018 - validates the port
        except ValueError as exc:
            raise reader.error("ingress", "listen", "must be HOST:PORT") from exc
    if s.ingress.queue not in queues:
        raise reader.error("ingress", "queue", f"unknown queue (known: {', '.join(queues)})")
    _validate_ingress(reader, s.ingress)
    for key, allowed in (
        ("unknown_sender", ("hold", "new")),
        ("reply_to_closed", ("reopen", "new")),
    ):
        if getattr(s.service, key) not in allowed:
            raise reader.error("service", key, f"must be one of {', '.join(allowed)}")
    if "@" not in s.from_address:
        raise reader.error("service", "from_address", "must be an email address")


def _validate_ingress(reader: _Reader, ing: IngressSettings) -> None:
    """Who may deliver to the ingress, and for which addresses."""
    import ipaddress

    for address in ing.addresses:
        local, at, domain = address.rpartition("@")
        if not at or not local or not domain or any(c.isspace() for c in address):
            raise reader.error("ingress", "addresses", f"not an email address: {address!r}")
    for network in ing.allow_from:
        try:
            ipaddress.ip_network(network)
        except ValueError as exc:
            raise reader.error(
                "ingress", "allow_from", f"not a network (CIDR, e.g. 10.0.0.0/8): {exc}"
            ) from exc
    if bool(ing.tls_cert) != bool(ing.tls_key):
        key, other = ("tls_cert", "tls_key") if ing.tls_cert else ("tls_key", "tls_cert")
        raise reader.error("ingress", key, f"needs {other} too (the certificate and its key)")
    if ing.require_starttls and not ing.tls_cert:
        raise reader.error("ingress", "require_starttls", "needs tls_cert and tls_key")
    if ing.auth_username:
        if not ing.auth_password_env and not ing.auth_password_file:
            raise reader.error(
                "ingress", "auth_username", "needs auth_password_env or auth_password_file"
            )
    elif ing.auth_password_env or ing.auth_password_file:
        key = "auth_password_env" if ing.auth_password_env else "auth_password_file"
        raise reader.error("ingress", key, "needs auth_username")
    if ing.listen and not ing.allow_from and not ing.auth_username:
        raise reader.error(
            "ingress",
            "allow_from",
            "is empty and no auth_username is set: no client could deliver",
        )


def _array_of_tables(reader: _Reader, section: str, key: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise reader.error(section, key, f"must be an array of tables: [[{section}.{key}]]")
    return value


def _build_sla(reader: _Reader, table: Any) -> SlaSettings:
    if not isinstance(table, Mapping):
        raise reader.error(None, "sla", "must be a table")
    rest = {k: v for k, v in table.items() if k != "targets"}
    result: SlaSettings
    if "targets" not in table:
        result = reader.build(SlaSettings, "sla", rest)
        return result
    targets = tuple(
        reader.build(SlaTarget, "sla.targets", t, occurrence=i)
        for i, t in enumerate(_array_of_tables(reader, "sla", "targets", table["targets"]))
    )
    result = reader.build(SlaSettings, "sla", rest, targets=targets)
    return result


def _build_collections(reader: _Reader, table: Any) -> CollectionsSettings:
    if not isinstance(table, Mapping):
        raise reader.error(None, "collections", "must be a table")
    rest = {k: v for k, v in table.items() if k != "stages"}
    result: CollectionsSettings
    if "stages" not in table:
        result = reader.build(CollectionsSettings, "collections", rest)
        return result
    stages = tuple(
        reader.build(CollectionStage, "collections.stages", t, occurrence=i)
        for i, t in enumerate(_array_of_tables(reader, "collections", "stages", table["stages"]))
    )
    result = reader.build(CollectionsSettings, "collections", rest, stages=stages)
    return result


def _validate_desk(reader: _Reader, s: Settings) -> None:
    """The [lifecycle], [sla] and [collections] sections."""
    from datetime import date, time
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    queues = s.service.queues
    if s.lifecycle.reply_status not in STATUSES_AFTER_REPLY:
        raise reader.error(
            "lifecycle", "reply_status", f"must be one of {', '.join(STATUSES_AFTER_REPLY)}"
        )
    for key in ("auto_close_days", "vendor_reminder_days"):
        if getattr(s.lifecycle, key) < 0:
            raise reader.error("lifecycle", key, "must be 0 or more")
    sla = s.sla
    try:
        ZoneInfo(sla.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise reader.error("sla", "timezone", f"unknown time zone {sla.timezone!r}") from exc
    if not sla.business_days or any(d not in WEEKDAYS for d in sla.business_days):
        raise reader.error("sla", "business_days", f"must be a list of {', '.join(WEEKDAYS)}")
    try:
        start, end = (time.fromisoformat(p.strip()) for p in sla.business_hours.split("-"))
    except ValueError as exc:
        raise reader.error("sla", "business_hours", 'must be "HH:MM-HH:MM"') from exc
    if start >= end:
        raise reader.error("sla", "business_hours", "must end after it starts")
    for day in sla.holidays:
        try:
            date.fromisoformat(day)
        except ValueError as exc:
            raise reader.error("sla", "holidays", f"not a date (YYYY-MM-DD): {day!r}") from exc
    if sla.breach_priority and sla.breach_priority not in PRIORITY_LEVELS:
        raise reader.error(
            "sla", "breach_priority", f"must be one of {', '.join(PRIORITY_LEVELS)} or empty"
        )
    for i, t in enumerate(sla.targets):
        if t.queue != "*" and t.queue not in queues:
            raise reader.error(
                "sla.targets", "queue", f"unknown queue (known: *, {', '.join(queues)})", i
            )
        if t.priority != "*" and t.priority not in PRIORITY_LEVELS:
            raise reader.error(
                "sla.targets", "priority", f"must be * or one of {', '.join(PRIORITY_LEVELS)}", i
            )
        for key in ("first_response_hours", "resolution_hours"):
            if getattr(t, key) < 0:
                raise reader.error("sla.targets", key, "must be 0 or more", i)
    col = s.collections
    if col.queue not in queues:
        raise reader.error("collections", "queue", f"unknown queue (known: {', '.join(queues)})")
    if col.min_days_between < 0:
        raise reader.error("collections", "min_days_between", "must be 0 or more")
    names: set[str] = set()
    previous = -1
    for i, stage in enumerate(col.stages):
        if stage.name in names:
            raise reader.error("collections.stages", "name", f"duplicate stage {stage.name!r}", i)
        names.add(stage.name)
        if stage.days_overdue <= previous:
            raise reader.error(
                "collections.stages",
                "days_overdue",
                "stages must be listed in increasing days_overdue",
                i,
            )
        previous = stage.days_overdue
        if not stage.template:
            raise reader.error("collections.stages", "template", "must not be empty", i)
        if stage.account_status and stage.account_status not in ACCOUNT_STATUSES:
            raise reader.error(
                "collections.stages",
                "account_status",
                f"must be one of {', '.join(ACCOUNT_STATUSES)} or empty",
                i,
            )
