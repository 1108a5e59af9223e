"""Start and drive private, throwaway servers (Dovecot IMAP, an SMTP sink, a PostgreSQL
database) for integration tests, all on loopback and all owned by the test run."""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal, cast

import psycopg
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session
from imapclient import IMAPClient
from psycopg import sql

DOVECOT_BINARY = "/usr/sbin/dovecot"
LOOPBACK = "127.0.0.1"
# The name the self-signed certificate is issued to; clients that check hostnames
# may use it or the IP address, the certificate carries both.
TLS_HOSTNAME = "localhost"
REQUIRE_SERVICES_ENV = "TICKETING_REQUIRE_SERVICES"

TlsMode = Literal["implicit", "starttls", "none"]


class ServiceUnavailable(RuntimeError):
    """A test server could not be provided (not installed, failed to start, refused)."""


def services_required() -> bool:
    """True when missing services must fail the run instead of skipping (CI sets it)."""
    return os.environ.get(REQUIRE_SERVICES_ENV) == "1"


def free_port() -> int:
    """Return a loopback TCP port that was free a moment ago.

    There is an unavoidable race between closing the probe socket and the server
    binding the port; Dovecot and SmtpSink retry with fresh ports when it bites.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


# --------------------------------------------------------------------------- TLS

_OPENSSL_CONFIG = """\
[req]
distinguished_name = dn
x509_extensions = v3
prompt = no
[dn]
CN = {hostname}
[v3]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth
subjectAltName = {san}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""


def make_self_signed_cert(dir: Path, hostname: str = TLS_HOSTNAME) -> tuple[Path, Path]:
    """Create a self-signed certificate and key in *dir*; return (cert_file, key_file).

    The certificate is its own CA, so clients verify it by loading cert_file as the CA
    file. It names *hostname*, localhost and 127.0.0.1.
    """
    if shutil.which("openssl") is None:
        raise ServiceUnavailable("openssl is not installed (run scripts/install-test-deps.sh)")
    dir.mkdir(parents=True, exist_ok=True)
    cert_file, key_file, config_file = dir / "cert.pem", dir / "key.pem", dir / "openssl.cnf"
    names = [f"DNS:{hostname}"]
    if hostname != "localhost":
        names.append("DNS:localhost")
    names.append(f"IP:{LOOPBACK}")
    # A config file of our own keeps the result independent of the system openssl.cnf
    # and carries the extensions strict verifiers (VERIFY_X509_STRICT) insist on.
    config_file.write_text(_OPENSSL_CONFIG.format(hostname=hostname, san=", ".join(names)))
    # EC keys are generated in milliseconds, RSA keys can take a second.
    args = ["openssl", "req", "-x509", "-config", str(config_file), "-nodes", "-days", "7"]
    args += ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    args += ["-keyout", str(key_file), "-out", str(cert_file)]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ServiceUnavailable(f"openssl failed to make a certificate:\n{result.stderr}")
    key_file.chmod(0o600)
    return cert_file, key_file


def client_ssl_context(cafile: Path) -> ssl.SSLContext:
    """A verifying client context that trusts exactly the given self-signed cert."""
    context = ssl.create_default_context(cafile=str(cafile))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


# ----------------------------------------------------------------------- Dovecot


def ensure_dovecot_installed() -> bool:
    """Return whether Dovecot (and openssl) are available, installing them if we can.

    Installing needs root; apt-get update is only run when a plain install fails,
    because it is slow and usually unnecessary.
    """
    missing = []
    if not Path(DOVECOT_BINARY).exists():
        missing.append("dovecot-imapd")
    if shutil.which("openssl") is None:
        missing.append("openssl")
    if not missing:
        return True
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", *missing]
    if subprocess.run(install, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
        subprocess.run(install, env=env, capture_output=True, check=False)
    return Path(DOVECOT_BINARY).exists() and shutil.which("openssl") is not None


_DOVECOT_CONFIG = """\
# Private test instance: nothing here refers to /etc/dovecot or system state dirs.
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
instance_name = {instance}
protocols = imap
listen = {host}
# Auto-created on first login, written by the mail uid.
mail_location = maildir:{root}/mail/%u
mail_fsync = never
first_valid_uid = {first_valid_uid}
first_valid_gid = {first_valid_gid}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}

ssl = yes
ssl_cert = <{cert_file}
ssl_key = <{key_file}
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login{oauth2_mechanisms}
# Allow plaintext LOGIN so both plain and STARTTLS paths can be tested
# (Dovecot treats loopback as secure anyway).
disable_plaintext_auth = no
# Failed logins are answered at once; the default 2 s delay only slows tests.
auth_failure_delay = 0
auth_verbose = yes

# One file per user: Dovecot re-stats a passwd-file at most once a second, so a user
# appended to a shared file could stay "unknown" for up to a second; a new file is
# read on first use.
{oauth2_passdb}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd.d/%u
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/home/%u
}}

namespace inbox {{
  inbox = yes
  separator = /
}}

protocol imap {{
  # Every test logs in from 127.0.0.1, often several times at once.
  mail_max_userip_connections = 200
  imap_idle_notify_interval = {idle_notify_interval} secs
}}
# New mail shows up in IDLE within a second even where inotify is unavailable.
mailbox_idle_check_interval = 1 secs

# No auth penalty: after one failed login (a test of bad credentials) anvil would
# delay every later login from 127.0.0.1 by 2, 4, 8... seconds. A mode-0 socket
# turns it off, which only works because auth does not run as root.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}

service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {imaps_port}
    ssl = yes
  }}
}}
{unprivileged}"""

# Without root, chroot() fails, so every service that chroots by default must not.
_UNPRIVILEGED_SERVICES = """
# Running unprivileged: no chroots.
""" + "".join(
    f"service {name} {{\n  chroot =\n}}\n"
    for name in ("imap-login", "imap-urlauth-login", "anvil", "ipc", "old-stats", "aggregator")
)


@dataclass
class _Identity:
    """Which system users the private Dovecot runs its processes and mail as."""

    mail_uid: int
    mail_gid: int
    internal_user: str
    internal_group: str
    login_user: str
    can_chroot: bool


def _dovecot_identity() -> _Identity:
    if os.geteuid() != 0:
        # Unprivileged: everything runs as us, and chroot is impossible.
        me = pwd.getpwuid(os.geteuid())
        return _Identity(
            mail_uid=os.geteuid(),
            mail_gid=os.getegid(),
            internal_user=me.pw_name,
            internal_group=_group_name(os.getegid()),
            login_user=me.pw_name,
            can_chroot=False,
        )
    # As root, Dovecot hard-refuses uid 0 for mail ("userdb returned 0 as uid", even
    # with first_valid_uid = 0) and login processes refuse to run as root, so mail
    # is kept as nobody and logins run as Debian's dovenull. Internal services (auth)
    # must not be root either, or the mode-0 anvil-auth-penalty socket would not
    # keep them out.
    nobody = pwd.getpwnam("nobody")
    login_user = "dovenull" if _user_exists("dovenull") else "nobody"
    internal = pwd.getpwnam("dovecot" if _user_exists("dovecot") else "nobody")
    return _Identity(
        mail_uid=nobody.pw_uid,
        mail_gid=nobody.pw_gid,
        internal_user=internal.pw_name,
        internal_group=_group_name(internal.pw_gid),
        login_user=login_user,
        can_chroot=True,
    )


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _group_name(gid: int) -> str:
    return grp.getgrgid(gid).gr_name


# Names become file names under passwd.d/, so no slashes and no leading dot.
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*$")


@dataclass
class ImapAccount:
    """One mailbox user on a Dovecot instance, with shortcuts bound to that user."""

    dovecot: Dovecot
    username: str
    password: str

    @property
    def host(self) -> str:
        return self.dovecot.host

    @property
    def imap_port(self) -> int:
        return self.dovecot.imap_port

    @property
    def imaps_port(self) -> int:
        return self.dovecot.imaps_port

    def append(
        self,
        raw: bytes,
        folder: str = "INBOX",
        flags: Sequence[str] = (),
        msg_time: datetime | None = None,
    ) -> int:
        return self.dovecot.append(self.username, raw, folder, flags, msg_time)

    def uids(self, folder: str = "INBOX") -> list[int]:
        return self.dovecot.uids(self.username, folder)

    def flags(self, uid: int, folder: str = "INBOX") -> frozenset[str]:
        return self.dovecot.flags(self.username, uid, folder)

    def message(self, uid: int, folder: str = "INBOX") -> bytes:
        return self.dovecot.message(self.username, uid, folder)

    def folder_uids(self) -> dict[str, list[int]]:
        return self.dovecot.folder_uids(self.username)

    @contextmanager
    def client(self, *, tls: TlsMode = "implicit") -> Iterator[Any]:
        with self.dovecot.client(self.username, tls=tls) as client:
            yield client


class Dovecot:
    """A private Dovecot on loopback: own config, state, mail, users and certificate.

    ``stop()``/``start()`` (or ``restart()``) keep the ports, users and mail, so fault
    tests can take the server away mid-run and bring the same one back. ``close()``
    stops it and deletes its directory.
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        imap_port: int | None = None,
        imaps_port: int | None = None,
        binary: str = DOVECOT_BINARY,
        startup_timeout: float = 10.0,
        idle_notify_interval: int = 10,
        oauth2_introspection_url: str = "",
    ) -> None:
        # As root the mail processes run as nobody, which must be able to walk into
        # the directory; pytest's tmp_path (mode 0700 under /tmp/pytest-of-root) is
        # therefore not used by default.
        self.root = Path(tempfile.mkdtemp(prefix="ticketing-dovecot-")) if root is None else root
        # A directory we made is removed by close(), or at exit if close() is forgotten.
        self._remove_root: weakref.finalize[Any, Any] | None = (
            weakref.finalize(self, shutil.rmtree, self.root, ignore_errors=True)
            if root is None
            else None
        )
        self.host = LOOPBACK
        self.tls_hostname = TLS_HOSTNAME
        # Only ports we picked ourselves may be swapped for fresh ones on a bind race,
        # and only until the first successful start: restarts must keep them.
        self._ports_pinned = imap_port is not None or imaps_port is not None
        self.imap_port = imap_port if imap_port is not None else free_port()
        self.imaps_port = imaps_port if imaps_port is not None else free_port()
        self.binary = binary
        self.startup_timeout = startup_timeout
        self.idle_notify_interval = idle_notify_interval
        # With a URL, XOAUTH2 and OAUTHBEARER are offered and each bearer token is
        # checked by an oauth2 passdb that POSTs it to this RFC 7662 endpoint.
        self.oauth2_introspection_url = oauth2_introspection_url
        self.users: dict[str, str] = {}
        self.cert_file = self.root / "tls" / "cert.pem"
        self.key_file = self.root / "tls" / "key.pem"
        self.config_file = self.root / "dovecot.conf"
        self.log_file = self.root / "dovecot.log"
        self._passwd_dir = self.root / "passwd.d"
        self._output_file = self.root / "master.out"
        self._identity = _dovecot_identity()
        self._proc: subprocess.Popen[bytes] | None = None
        self._reaper: weakref.finalize[Any, Any] | None = None
        self._log_offsets: dict[Path, int] = {}
        self._prepared = False
        self._account_counter = 0
        self._lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------

    def __enter__(self) -> Dovecot:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start the server and wait until both listeners accept connections."""
        if self.running:
            return
        # A master that died on its own may have left children holding the ports.
        dead = self._take_process()
        if dead is not None:
            _reap_group(dead)
            self._wait_ports_closed(timeout=5)
        self._prepare()
        attempts = 1 if self._ports_pinned else 3
        for attempt in range(attempts):
            self._write_config()
            try:
                self._spawn_and_wait()
            except ServiceUnavailable as exc:
                bind_race = "Address already in use" in str(exc)
                if not bind_race or attempt == attempts - 1:
                    raise
                self.imap_port, self.imaps_port = free_port(), free_port()
            else:
                self._ports_pinned = True
                return

    def stop(self) -> None:
        """Stop the server (idempotent). Clients see their connections dropped."""
        proc = self._take_process()
        if proc is None:
            return
        if proc.poll() is None:
            # SIGTERM makes the master shut every child down before it exits.
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._kill_group(proc.pid)
                proc.wait(timeout=10)
        # Children that outlive the master would keep the listening sockets open and
        # make a restart on the same ports fail; the group id is the master's pid
        # (own session), which the kernel does not reuse while any member is alive.
        self._kill_group(proc.pid)
        self._wait_ports_closed(timeout=5)

    def crash(self) -> None:
        """Kill the master and all its children with SIGKILL (an abrupt outage)."""
        proc = self._take_process()
        if proc is None:
            return
        _reap_group(proc)
        self._wait_ports_closed(timeout=5)

    def restart(self) -> None:
        """Stop and start again on the same ports, with the same users and mail."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop and, if the directory was ours, delete it."""
        self.stop()
        if self._remove_root is not None:
            self._remove_root()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines Dovecot and its master's stdout/stderr wrote since the
        latest start (the files themselves keep every start's output)."""
        parts = []
        for path in (self._output_file, self.log_file):
            try:
                with open(path, "rb") as file:
                    file.seek(self._log_offsets.get(path, 0))
                    text = file.read().decode(errors="replace")
            except FileNotFoundError:
                continue
            if text.strip():
                parts.append(f"--- {path.name}\n" + "\n".join(text.splitlines()[-lines:]))
        return "\n".join(parts) or "(no dovecot output)"

    def _prepare(self) -> None:
        if self._prepared:
            return
        if not Path(self.binary).exists():
            raise ServiceUnavailable(
                f"{self.binary} not found (install dovecot-imapd, "
                "e.g. scripts/install-test-deps.sh)"
            )
        if re.search(r"\s", str(self.root)):
            # Dovecot's "<file" syntax and unquoted args cannot carry whitespace.
            raise ServiceUnavailable(f"Dovecot root must not contain whitespace: {self.root}")
        self.root.mkdir(parents=True, exist_ok=True)
        # Traversable (not listable) so the unprivileged mail uid can reach mail/.
        self.root.chmod(0o711)
        make_self_signed_cert(self.cert_file.parent, self.tls_hostname)
        for sub in ("mail", "home"):
            path = self.root / sub
            path.mkdir(exist_ok=True)
            os.chown(path, self._identity.mail_uid, self._identity.mail_gid)
        (self.root / "state").mkdir(exist_ok=True)
        self._passwd_dir.mkdir(exist_ok=True)
        self._passwd_dir.chmod(0o755)
        for name, password in self.users.items():
            self._write_user(name, password)
        self._prepared = True

    def _write_config(self) -> None:
        ident = self._identity
        config = _DOVECOT_CONFIG.format(
            root=self.root,
            instance=f"ticketing-test-{self.root.name}",
            host=self.host,
            imap_port=self.imap_port,
            imaps_port=self.imaps_port,
            cert_file=self.cert_file,
            key_file=self.key_file,
            mail_uid=ident.mail_uid,
            mail_gid=ident.mail_gid,
            first_valid_uid=ident.mail_uid,
            first_valid_gid=ident.mail_gid,
            internal_user=ident.internal_user,
            internal_group=ident.internal_group,
            login_user=ident.login_user,
            unprivileged="" if ident.can_chroot else _UNPRIVILEGED_SERVICES,
            idle_notify_interval=self.idle_notify_interval,
            oauth2_mechanisms=" xoauth2 oauthbearer" if self.oauth2_introspection_url else "",
            oauth2_passdb=self._oauth2_passdb(),
        )
        self.config_file.write_text(config)

    def _oauth2_passdb(self) -> str:
        if not self.oauth2_introspection_url:
            return ""
        settings = self.root / "dovecot-oauth2.conf.ext"
        settings.write_text(
            "introspection_mode = post\n"
            f"introspection_url = {self.oauth2_introspection_url}\n"
            "username_attribute = username\n"
            "active_attribute = active\n"
            "active_value = true\n"
            "force_introspection = yes\n"
        )
        return (
            "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
            f"  args = {settings}\n}}\n"
        )

    def _spawn_and_wait(self) -> None:
        # Remember where this start's output begins so failure reports show only it.
        self._log_offsets = {
            path: path.stat().st_size if path.exists() else 0
            for path in (self.log_file, self._output_file)
        }
        with open(self._output_file, "ab") as output:
            # -F keeps the master as our child, so we can wait for it and never leave
            # a daemon behind; its own session keeps terminal signals away from it and
            # gives a process group to sweep.
            self._proc = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_file)],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        # Safety net for a forgotten stop(): kill the server when this object is
        # collected or the interpreter exits, instead of leaving a daemon behind.
        self._reaper = weakref.finalize(self, _reap_group, self._proc)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            code = self._proc.poll()
            if code is not None:
                _reap_group(self._proc)  # children it had already forked, if any
                self._take_process()
                raise ServiceUnavailable(
                    f"dovecot exited with status {code} during startup:\n{self.log_tail()}"
                )
            # The ports alone could belong to someone else (a clash on a pinned port is
            # answered by the other server); the master logs "starting up" only once
            # all its own listeners are bound.
            if (
                self._logged_startup()
                and self._accepts_imap()
                and _accepts_tcp(self.host, self.imaps_port)
            ):
                return
            time.sleep(0.05)
        tail = self.log_tail()
        self.stop()
        raise ServiceUnavailable(
            f"dovecot did not accept connections on {self.host}:{self.imap_port}/"
            f"{self.imaps_port} within {self.startup_timeout:.0f} s:\n{tail}"
        )

    def _logged_startup(self) -> bool:
        try:
            with open(self.log_file, "rb") as file:
                file.seek(self._log_offsets.get(self.log_file, 0))
                return b" starting up" in file.read()
        except FileNotFoundError:
            return False

    def _accepts_imap(self) -> bool:
        # A greeting (not just an accepted TCP connection) proves imap-login works.
        try:
            with socket.create_connection((self.host, self.imap_port), timeout=2) as sock:
                return sock.recv(256).startswith(b"* OK")
        except OSError:
            return False

    def _wait_ports_closed(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not (
                _accepts_tcp(self.host, self.imap_port) or _accepts_tcp(self.host, self.imaps_port)
            ):
                return
            time.sleep(0.05)

    def _take_process(self) -> subprocess.Popen[bytes] | None:
        proc, self._proc = self._proc, None
        if self._reaper is not None:
            self._reaper.detach()
            self._reaper = None
        return proc

    @staticmethod
    def _kill_group(pgid: int) -> None:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)

    # -- users -------------------------------------------------------------------

    def add_user(self, name: str, password: str) -> None:
        """Add a user (usable at once) or change a password (takes about a second)."""
        if not _USERNAME_RE.match(name):
            raise ValueError(f"unsupported user name for the test passwd-file: {name!r}")
        if any(ch in password for ch in ":\r\n"):
            raise ValueError("password must not contain ':' or line breaks")
        with self._lock:
            changed = self.users.get(name, password) != password
            self.users[name] = password
            if self._prepared:
                self._write_user(name, password, changed=changed)

    def new_account(self, prefix: str = "user") -> ImapAccount:
        """Create a fresh user with a random password, so tests never share mail."""
        with self._lock:
            self._account_counter += 1
            name = f"{prefix}{self._account_counter}-{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(12)
        self.add_user(name, password)
        return ImapAccount(self, name, password)

    def _write_user(self, name: str, password: str, *, changed: bool = False) -> None:
        path = self._passwd_dir / name
        # Replace atomically so Dovecot never reads a half-written file. Auth runs
        # unprivileged, hence world-readable (throwaway test passwords only).
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        tmp.chmod(0o644)
        if changed:
            # Dovecot only notices a changed file by mtime or size, and re-stats it at
            # most once a second: force a new mtime and let that second pass.
            stamp = path.stat().st_mtime + 2
            os.utime(tmp, (stamp, stamp))
        os.replace(tmp, path)
        if changed:
            time.sleep(1.1)

    # -- IMAP helpers --------------------------------------------------------------

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that verifies this server's certificate and host name."""
        return client_ssl_context(self.cert_file)

    @contextmanager
    def client(self, user: str, *, tls: TlsMode = "implicit") -> Iterator[Any]:
        """A logged-in IMAPClient for *user*: TLS on the imaps port ("implicit"),
        STARTTLS on the imap port ("starttls"), or plaintext on the imap port ("none")."""
        password = self.users[user]
        if tls == "implicit":
            client = IMAPClient(
                self.host, self.imaps_port, ssl=True, ssl_context=self.ssl_context(), timeout=10
            )
        else:
            client = IMAPClient(self.host, self.imap_port, ssl=False, timeout=10)
        with client:
            if tls == "starttls":
                client.starttls(self.ssl_context())
            client.login(user, password)
            yield client

    def append(
        self,
        user: str,
        raw: bytes,
        folder: str = "INBOX",
        flags: Sequence[str] = (),
        msg_time: datetime | None = None,
    ) -> int:
        """Append *raw* to *folder* (created if missing) and return its new UID."""
        with self.client(user) as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw, flags=tuple(flags), msg_time=msg_time)
        match = re.search(rb"APPENDUID \d+ (\d+)", _as_bytes(response))
        if match is None:
            raise RuntimeError(f"APPEND answered without APPENDUID: {response!r}")
        return int(match.group(1))

    def uids(self, user: str, folder: str = "INBOX") -> list[int]:
        """Sorted UIDs in *folder*; an absent folder has none."""
        with self.client(user) as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            return sorted(int(uid) for uid in client.search("ALL"))

    def flags(self, user: str, uid: int, folder: str = "INBOX") -> frozenset[str]:
        """The flags of one message, e.g. frozenset({"\\\\Seen"}); KeyError if absent."""
        with self.client(user) as client:
            client.select_folder(folder, readonly=True)
            fetched = client.get_flags([uid])
        if uid not in fetched:
            raise KeyError(f"no UID {uid} in {folder!r} of {user!r}")
        return frozenset(_as_str(flag) for flag in fetched[uid])

    def message(self, user: str, uid: int, folder: str = "INBOX") -> bytes:
        """The raw message, fetched with BODY.PEEK so \\Seen is left alone."""
        with self.client(user) as client:
            client.select_folder(folder, readonly=True)
            fetched = client.fetch([uid], ["BODY.PEEK[]"])
        if uid not in fetched:
            raise KeyError(f"no UID {uid} in {folder!r} of {user!r}")
        return cast(bytes, fetched[uid][b"BODY[]"])

    def folder_uids(self, user: str) -> dict[str, list[int]]:
        """Every folder of *user* mapped to its sorted UIDs."""
        result: dict[str, list[int]] = {}
        with self.client(user) as client:
            for _flags, _delimiter, name in client.list_folders():
                folder = _as_str(name)
                client.select_folder(folder, readonly=True)
                result[folder] = sorted(int(uid) for uid in client.search("ALL"))
        return result


def _reap_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL a Dovecot master's whole process group and collect the master."""
    Dovecot._kill_group(proc.pid)
    proc.wait(timeout=10)


def _accepts_tcp(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _as_bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


def _as_str(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


# ---------------------------------------------------------------------- SMTP sink


@dataclass(frozen=True)
class ReceivedMessage:
    """One message the sink accepted, exactly as the client sent it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    def parsed(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


class _SinkHandler:
    """aiosmtpd handler; runs on the controller's event-loop thread."""

    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        failure = self._sink._take_failure("RCPT")
        if failure is not None:
            return failure
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        failure = self._sink._take_failure("DATA")
        if failure is not None:
            return failure
        self._sink._record(
            ReceivedMessage(
                mail_from=envelope.mail_from or "",
                rcpt_tos=tuple(envelope.rcpt_tos),
                data=envelope.original_content or b"",
            )
        )
        return "250 2.0.0 Message accepted for delivery"


class _OAuthSinkHandler(_SinkHandler):
    """The sink with AUTH XOAUTH2 and OAUTHBEARER: each bearer token goes to the sink's
    ``oauth_check(user, token)``; a refusal sends the error challenge, then 535."""

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._bearer(server, args, "XOAUTH2")

    async def auth_OAUTHBEARER(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._bearer(server, args, "OAUTHBEARER")

    async def _bearer(self, server: SMTP, args: list[str], mechanism: str) -> AuthResult:
        if len(args) == 2:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except binascii.Error:
                return AuthResult(
                    success=False, handled=False, message="501 5.5.2 Can't decode base64"
                )
        else:
            answer = await server.challenge_auth("")
            if not isinstance(answer, bytes):
                return AuthResult(success=False, handled=True)
            blob = answer
        fields = dict(part.split("=", 1) for part in blob.decode().split("\x01") if "=" in part)
        user = fields.get("user", "")
        if mechanism == "OAUTHBEARER":
            gs2 = blob.decode().split("\x01", 1)[0]  # n,a=user,
            user = gs2.split("a=", 1)[1].rstrip(",") if "a=" in gs2 else ""
        token = fields.get("auth", "").removeprefix("Bearer ")
        check = self._sink.oauth_check
        assert check is not None
        if user and token and check(user, token):
            self._sink._authenticated(user, mechanism)
            return AuthResult(success=True, auth_data=user)
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "mail"})
        await server.challenge_auth(error)  # the client answers with an empty line
        return AuthResult(
            success=False, handled=False, message="535 5.7.8 Authentication credentials invalid"
        )


@dataclass(eq=False)
class SmtpSink:
    """An SMTP server on loopback that keeps every message it accepts.

    Set ``fail_with`` (answer to DATA) or ``fail_rcpt_with`` (answer to RCPT TO) to a
    reply such as ``"451 4.3.0 try later"`` or ``"550 5.1.1 no such user"`` to make
    deliveries fail; with ``fail_times = n`` only the next n such answers fail, then
    both switches clear themselves. ``stop()``/``start()`` take the server away and
    bring it back on the same port.
    """

    host: str = LOOPBACK
    port: int = 0
    fail_with: str | None = None
    fail_rcpt_with: str | None = None
    fail_times: int | None = None
    # Offer SMTPUTF8 (RFC 6531) in the EHLO answer; False plays an older relay.
    smtputf8: bool = True
    # With a check, AUTH XOAUTH2 / OAUTHBEARER are offered (without TLS) and each
    # bearer token is asked of oauth_check(user, token).
    oauth_check: Callable[[str, str], bool] | None = None
    logins: list[tuple[str, str]] = field(default_factory=list)  # user, mechanism
    _messages: list[ReceivedMessage] = field(default_factory=list, init=False, repr=False)
    _failures: int = field(default=0, init=False, repr=False)
    _cond: threading.Condition = field(default_factory=threading.Condition, init=False, repr=False)
    _controller: Controller | None = field(default=None, init=False, repr=False)
    _port_pinned: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self._port_pinned = self.port != 0
        if self.port == 0:
            self.port = free_port()

    def __enter__(self) -> SmtpSink:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._controller is not None

    @property
    def messages(self) -> list[ReceivedMessage]:
        """A snapshot of the accepted messages, oldest first."""
        with self._cond:
            return list(self._messages)

    @property
    def failures(self) -> int:
        """How many RCPT/DATA commands were answered with an injected failure."""
        with self._cond:
            return self._failures

    def start(self) -> None:
        if self._controller is not None:
            return
        attempts = 1 if self._port_pinned else 3
        for attempt in range(attempts):
            # A Controller closes its event loop on stop, so each start needs a new one.
            handler = _SinkHandler(self) if self.oauth_check is None else _OAuthSinkHandler(self)
            controller = Controller(
                handler,
                hostname=self.host,
                port=self.port,
                ready_timeout=5.0,
                # A fixed greeting name avoids a reverse DNS lookup (getfqdn) per start.
                server_hostname="localhost",
                enable_SMTPUTF8=self.smtputf8,
                auth_require_tls=self.oauth_check is None,
            )
            try:
                controller.start()
            except Exception as exc:
                # A failed bind leaves the loop open; close it to avoid a ResourceWarning.
                if not controller.loop.is_closed():
                    controller.loop.close()
                if attempt == attempts - 1:
                    raise ServiceUnavailable(
                        f"SMTP sink could not listen on {self.host}:{self.port}: {exc}"
                    ) from exc
                self.port = free_port()
            else:
                self._controller = controller
                self._port_pinned = True
                return

    def stop(self) -> None:
        """Stop listening (idempotent); open client connections are dropped."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def clear(self) -> None:
        """Forget received messages and the failure count (switches are kept)."""
        with self._cond:
            self._messages.clear()
            self._failures = 0

    def wait_for(self, n: int = 1, timeout: float = 5.0) -> list[ReceivedMessage]:
        """Block until at least *n* messages arrived; return them or raise TimeoutError."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._messages) >= n, timeout=timeout):
                raise TimeoutError(
                    f"SMTP sink got {len(self._messages)} of {n} messages in {timeout} s"
                )
            return list(self._messages)

    def _authenticated(self, user: str, mechanism: str) -> None:
        with self._cond:
            self.logins.append((user, mechanism))

    def _record(self, message: ReceivedMessage) -> None:
        with self._cond:
            self._messages.append(message)
            self._cond.notify_all()

    def _take_failure(self, stage: str) -> str | None:
        with self._cond:
            reply = self.fail_rcpt_with if stage == "RCPT" else self.fail_with
            if reply is None:
                return None
            self._failures += 1
            if self.fail_times is not None:
                self.fail_times -= 1
                if self.fail_times <= 0:
                    self.fail_with = self.fail_rcpt_with = self.fail_times = None
            return reply


# ---------------------------------------------------------------------- PostgreSQL


class PgDatabase:
    """A uniquely named, empty database on the local PostgreSQL, dropped by ``drop()``."""

    def __init__(
        self,
        *,
        host: str = LOOPBACK,
        port: int = 5432,
        user: str = "postgres",
        prefix: str = "ticketing_test",
    ) -> None:
        self.host, self.port, self.user = host, port, user
        self.name = f"{prefix}_{secrets.token_hex(6)}"
        self._dropped = False
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    @property
    def url(self) -> str:
        """SQLAlchemy URL using the psycopg 3 driver."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{self.name}"

    @property
    def conninfo(self) -> str:
        """libpq connection string, for psycopg.connect()."""
        return f"host={self.host} port={self.port} user={self.user} dbname={self.name}"

    def drop(self) -> None:
        """Drop the database (idempotent), first ending sessions a test left open."""
        if self._dropped:
            return
        with self._admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (self.name,),
            )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(self.name)))
        self._dropped = True

    def __enter__(self) -> PgDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.drop()

    def _admin(self) -> psycopg.Connection[Any]:
        try:
            # CREATE/DROP DATABASE cannot run inside a transaction block.
            return psycopg.connect(
                host=self.host,
                port=self.port,
                user=self.user,
                dbname="postgres",
                autocommit=True,
                connect_timeout=5,
            )
        except psycopg.OperationalError as exc:
            raise ServiceUnavailable(
                f"PostgreSQL not reachable at {self.host}:{self.port} as {self.user}: {exc}"
            ) from exc
