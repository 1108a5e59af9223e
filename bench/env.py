"""The benchmark's servers and plumbing: one private Dovecot, an aiosmtpd sink that
timestamps what it receives, config files for private instances, and the subprocess
runner for bench.worker."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.servers import (
    Dovecot,
    ImapAccount,
    PgDatabase,
    ReceivedMessage,
    ServiceUnavailable,
    SmtpSink,
)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
PYTHON = sys.executable
PASSWORD_ENV = "BENCH_IMAP_PASSWORD"
OUR = "billing@example.com"
_IN_REPLY_TO = re.compile(rb"^In-Reply-To:\s*<([^>]+)>", re.MULTILINE | re.IGNORECASE)


@dataclass(eq=False)
class TimedSink(SmtpSink):
    """An SmtpSink that remembers when each message arrived, by its In-Reply-To."""

    arrivals: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def _record(self, message: ReceivedMessage) -> None:
        now = time.monotonic()
        head = message.data.split(b"\r\n\r\n", 1)[0]
        match = _IN_REPLY_TO.search(head)
        if match is not None:
            with self._cond:
                self.arrivals[match.group(1).decode("ascii", "replace")] = now
        super()._record(message)

    def clear(self) -> None:
        super().clear()
        with self._cond:
            self.arrivals.clear()


def write_config(
    directory: Path,
    *,
    db_url: str | None = None,
    account: ImapAccount | None = None,
    sink: SmtpSink | None = None,
    idle: bool = True,
    batch_size: int = 100,
) -> Path:
    """A config for a private instance under `directory` (IMAP over TLS, SMTP sink)."""
    directory.mkdir(parents=True, exist_ok=True)
    url = db_url or f"sqlite:///{directory}/ticketing.db"
    text = f"""
[database]
url = "{url}"

[service]
from_address = "{OUR}"
addresses = ["{OUR}", "support@example.com", "disputes@example.com"]
var_dir = "{directory}/var"
maildir = "{directory}/var/maildir"
attachments_dir = "{directory}/var/attachments"
rules_file = "{REPO}/config/rules.toml"
templates_dir = "{REPO}/templates"
log_level = "WARNING"

[ingress]
listen = ""
"""
    if account is not None:
        text += f"""
[[mailboxes]]
name = "billing"
host = "{account.host}"
port = {account.imaps_port}
security = "tls"
ca_file = "{account.dovecot.cert_file}"
username = "{account.username}"
password_env = "{PASSWORD_ENV}"
folder = "INBOX"
queue = "billing"
batch_size = {batch_size}
idle = {"true" if idle else "false"}
"""
    if sink is not None:
        text += f"""
[smtp]
host = "{sink.host}"
port = {sink.port}
security = "none"
from_address = "{OUR}"
"""
    path = directory / "ticketing.toml"
    path.write_text(text, encoding="utf-8")
    return path


def worker_env(account: ImapAccount | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TICKETING_DATABASE_URL", None)
    env.pop("TICKETING_CONFIG", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    if account is not None:
        env[PASSWORD_ENV] = account.password
    return env


def run_worker(
    command: str, *args: str, account: ImapAccount | None = None, timeout: float = 900
) -> dict[str, Any]:
    out = OUT / f"worker-{command}-{time.monotonic_ns()}.json"
    proc = subprocess.run(
        [PYTHON, "-m", "bench.worker", command, "--out", str(out), *args],
        cwd=str(REPO),
        env=worker_env(account),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"bench.worker {command} exited {proc.returncode}:\n"
            f"{proc.stderr.decode(errors='replace')[-4000:]}"
        )
    result: dict[str, Any] = json.loads(out.read_text())
    out.unlink()
    return result


def cli(config: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[bytes]:
    env = worker_env()
    env["TICKETING_CONFIG"] = str(config)
    return subprocess.run(
        [PYTHON, "-m", "ticketing.cli", *args],
        cwd=str(REPO),
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def stats(values: list[float]) -> dict[str, float]:
    """Median, min and max (and the count) of several runs."""
    if not values:
        return {}
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class Servers:
    """The servers every scenario shares; PostgreSQL is optional."""

    dovecot: Dovecot
    sink: TimedSink
    postgres: bool

    @classmethod
    def start(cls) -> Servers:
        dovecot = Dovecot()
        dovecot.start()
        sink = TimedSink()
        sink.start()
        try:
            PgDatabase().drop()
            postgres = True
        except ServiceUnavailable:
            postgres = False
        return cls(dovecot, sink, postgres)

    def close(self) -> None:
        self.sink.stop()
        self.dovecot.close()
