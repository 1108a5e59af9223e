"""`ticketing serve`: the long-running service. One thread per IMAP mailbox (IDLE when the
server has it, polling otherwise, reconnecting with backoff), the SMTP ingress listener,
and the outbox dispatcher; SIGTERM finishes the batch in flight and exits cleanly.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from ticketing import shutdown
from ticketing.config import MailboxSettings, Settings
from ticketing.errors import DeliveryError, MailboxError, TicketingError
from ticketing.imap import MailboxPoller, session_for
from ticketing.leases import Lease
from ticketing.outbox import make_dispatcher
from ticketing.pipeline import Pipeline

log = logging.getLogger(__name__)

# How often a worker that is not the leader of a mailbox tries to take it over.
LEASE_RETRY = 2.0
# After new mail, poll with NOOP this often for this long before going back to IDLE.
BURST_INTERVAL = 0.1
BURST_SECONDS = 3.0


@dataclass
class Service:
    settings: Settings
    engine: Engine
    pipeline: Pipeline
    # The process-wide stop request: set by a signal even before the service was built.
    stop: threading.Event = field(default_factory=lambda: shutdown.requested)
    outbox_wakeup: threading.Event = field(default_factory=threading.Event)
    announce: Callable[[str], None] = print
    _threads: list[threading.Thread] = field(default_factory=list)
    _ingress: Any = None

    def install_signal_handlers(self) -> None:
        """SIGTERM and SIGINT stop the service after the batch in flight (they may have
        arrived already, during start-up: then it stops at once)."""
        shutdown.install()
        shutdown.wakeups.append(self.outbox_wakeup)
        if self.stop is not shutdown.requested:  # a service given its own stop event
            shutdown.wakeups.append(self.stop)
            if shutdown.requested.is_set():
                self.stop.set()
        if self.stop.is_set():
            log.info("stop requested during start-up: stopping")

    def run(self) -> None:
        s = self.settings
        if s.ingress.host_port is not None:
            from ticketing.ingress import access_summary, start_listener

            self._ingress = start_listener(self.pipeline, s)
            host, port = s.ingress.host_port
            kind = "LMTP" if s.ingress.lmtp else "SMTP"
            self.announce(f"{kind} ingress listening on {host}:{port} ({access_summary(s)})")
        if s.mailboxes:
            # From this (the main) thread: the workers die with the thread that starts them.
            self.pipeline.start_workers()
        for mb in s.mailboxes:
            thread = threading.Thread(
                target=self._mailbox_loop, args=(mb,), name=f"imap-{mb.name}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
            self.announce(f"polling IMAP mailbox {mb.name} ({mb.username}@{mb.host}:{mb.port})")
        target = (
            f"SMTP relay {s.smtp.host}:{s.smtp.port}"
            if s.smtp
            else f"local Maildir {s.path(s.service.maildir)}"
        )
        self.announce(f"outbound mail goes to {target}")
        try:
            self._dispatch_loop()
        finally:
            self.shutdown()

    def shutdown(self) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        if self._ingress is not None:
            self._ingress.stop()
            self._ingress = None
        self.pipeline.close()
        log.info("service stopped")

    def _dispatch_loop(self) -> None:
        dispatcher = make_dispatcher(self.engine, self.settings)
        transport = dispatcher.transport
        try:
            while not self.stop.is_set():
                try:
                    report = dispatcher.run_once()
                except (DeliveryError, TicketingError) as exc:
                    log.error("outbox: %s", exc)
                    report = None
                except Exception:  # the dispatcher's outermost loop: log and go on
                    log.exception("outbox dispatcher failed; retrying")
                    report = None
                if report is None or not report.sent:
                    self.outbox_wakeup.wait(self.settings.service.dispatch_interval)
                    self.outbox_wakeup.clear()
        finally:
            transport.close()

    def _mailbox_loop(self, mb: MailboxSettings) -> None:
        lease = Lease(self.engine, f"mailbox:{mb.name}", self.settings.var_path / "locks")
        try:
            while not self.stop.is_set():
                try:
                    leader = lease.acquire()
                except Exception as exc:  # database down: not the leader until it is back
                    log.warning("mailbox %s: cannot take the lease: %s", mb.name, exc)
                    leader = False
                if not leader:
                    # Another worker polls this mailbox; take over if it goes away.
                    self.stop.wait(LEASE_RETRY)
                    continue
                log.info(
                    "mailbox %s: this worker is the leader", mb.name, extra={"mailbox": mb.name}
                )
                self._lead_mailbox(mb, lease)
        finally:
            lease.release()

    def _lead_mailbox(self, mb: MailboxSettings, lease: Lease) -> None:
        from imapclient.exceptions import IMAPClientError

        poller = MailboxPoller(mb, self.pipeline)
        failures = 0
        while not self.stop.is_set() and lease.alive():
            try:
                with session_for(mb) as client:
                    log.info("mailbox %s: connected", mb.name, extra={"mailbox": mb.name})
                    failures = 0
                    idle = mb.idle and b"IDLE" in client.capabilities()
                    mail_came = False
                    while not self.stop.is_set() and lease.alive():
                        report = poller.poll(client, stop=self.stop.is_set)
                        if report.fetched:
                            self.outbox_wakeup.set()
                            # Poll again at once: mail that arrived during that poll was
                            # announced (EXISTS) inside the responses to its FETCH and
                            # STORE, which nobody reads, and IDLE will not announce it
                            # again. Only a poll that finds nothing may lead to IDLE.
                            mail_came = True
                            continue
                        if idle:
                            if mail_came and self._burst(client):
                                continue
                            mail_came = False
                            self._idle(client, mb)
                        else:
                            self.stop.wait(mb.poll_interval)
            except (MailboxError, IMAPClientError, OSError) as exc:
                failures += 1
                poller.record_error(str(exc))
                delay = min(60.0, 2.0 ** min(failures, 6)) * random.uniform(0.5, 1.0)
                log.warning(
                    "mailbox %s: %s; reconnecting in %.1fs",
                    mb.name,
                    exc,
                    delay,
                    extra={"mailbox": mb.name},
                )
                self.stop.wait(delay)
            except Exception:  # the mailbox thread's outermost loop: never die silently
                failures += 1
                log.exception("mailbox %s: unexpected error; reconnecting", mb.name)
                self.stop.wait(min(60.0, 2.0 ** min(failures, 6)))

    def _burst(self, client: Any) -> bool:
        """Right after mail arrived, more often follows: poll with NOOP for a moment.

        Servers batch IDLE notifications (Dovecot 2.3 waits about 500 ms), so while
        mail is flowing a quick NOOP sees the next message sooner than IDLE would.
        """
        waited = 0.0
        while waited < BURST_SECONDS and not self.stop.is_set():
            self.stop.wait(BURST_INTERVAL)
            waited += BURST_INTERVAL
            _, responses = client.noop()
            if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                return True
        return False

    def _idle(self, client: Any, mb: MailboxSettings) -> None:
        """Wait in IDLE until the server reports news, the timeout, or a stop request."""
        client.idle()
        try:
            waited = 0.0
            while not self.stop.is_set() and waited < mb.idle_timeout:
                # Short checks so that SIGTERM is honoured within a second.
                responses = client.idle_check(timeout=1.0)
                waited += 1.0
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    return
        finally:
            client.idle_done()
