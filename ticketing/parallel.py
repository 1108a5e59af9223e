"""Parsing and routing in worker processes, so that ingestion uses every core.

Parsing and routing are pure and take most of the CPU an email costs; everything that
touches the database stays in the ingesting process. A worker gets a raw email and
returns the parsed `InboundEmail` and, when it could open a ticket, the routing decision
it would get as a new ticket from an *active* customer. The pipeline uses that decision
only when those assumptions turn out true inside its transaction (it is a new ticket and
the customer is active or unknown) and routes by itself otherwise, so the result is
exactly what in-process routing decides.

Workers are separate interpreters (`spawn`): no state is shared, a crash in one shows as
`BrokenProcessPool` and the batch is redone in-process. On Linux each worker asks the
kernel to kill it when the process that started it dies, so a SIGKILLed service leaves
no orphans behind.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import traceback
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ticketing.blobstore import BlobStore
from ticketing.inbound import InboundEmail, MailKind, ParseLimits
from ticketing.parse import parse_email
from ticketing.rawjson import RawJSON
from ticketing.refs import refs_in_subject
from ticketing.rules import RouteContext, RuleSet

log = logging.getLogger(__name__)

# The status a worker assumes: new customers start active, and most are.
ASSUMED_STATUS = "active"
# Smaller batches (one mail from IDLE or the SMTP ingress) are parsed in-process: the
# round trip to a worker would only add latency.
MIN_PARALLEL_BATCH = 16


@dataclass(frozen=True)
class Routed:
    """A routing decision computed ahead (for a customer of ASSUMED_STATUS), in the form
    the ticket row needs."""

    queue: str
    priority: str
    tags: tuple[str, ...]
    fields: dict[str, str]
    template: str | None
    matched_rule: str | None
    routing_json: RawJSON  # Decision.to_json(), serialised


@dataclass(frozen=True)
class Job:
    """What a worker needs besides the rules: the mail and its routing context."""

    data: bytes
    mailbox: str | None
    recipients_envelope: tuple[str, ...]
    default_queue: str


@dataclass(frozen=True)
class Prepared:
    email: InboundEmail | None
    parse_error: str | None  # a traceback: parse_email raised (it must not)
    routed: Routed | None


class _WorkerState:
    blobs: BlobStore | None = None
    inline_raw_limit: int = 0
    our_domains: tuple[str, ...] = ()
    own_addresses: frozenset[str] = frozenset()
    ticket_tag: str = ""
    rules: RuleSet | None = None
    limits: ParseLimits = ParseLimits()
    started: Any = None  # a Barrier of the pool's workers, for the start-up calls


_state = _WorkerState()


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when the thread that started it exits."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still applies
        pass


def _init_worker(
    blob_root: Path,
    inline_raw_limit: int,
    our_domains: tuple[str, ...],
    own_addresses: frozenset[str],
    ticket_tag: str,
    rules: RuleSet | None,
    limits: ParseLimits,
    parent_pid: int,
    started: Any = None,
) -> None:
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    # SIGINT at a terminal goes to the whole process group; the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state.blobs = BlobStore(blob_root)
    _state.inline_raw_limit = inline_raw_limit
    _state.our_domains = our_domains
    _state.own_addresses = own_addresses
    _state.ticket_tag = ticket_tag
    _state.rules = rules
    _state.limits = limits
    _state.started = started


def _ready() -> int:
    """Wait until every worker runs one: an idle worker would take the next call, and the
    executor starts processes only when none is idle."""
    if _state.started is not None:
        _state.started.wait(timeout=60)
    return os.getpid()


def _could_open_ticket(email: InboundEmail) -> bool:
    """Cheap test of what is worth routing ahead: the pipeline decides for real."""
    if email.fatal or email.kind is MailKind.BOUNCE:
        return False
    if email.in_reply_to or email.references:
        return False  # likely a follow-up, which routes differently
    return not refs_in_subject(_state.ticket_tag, email.subject)


def recipients_of(
    own: frozenset[str], envelope_to: Sequence[str], email: InboundEmail
) -> tuple[str, ...]:
    """Our addresses a mail was sent to, header recipients first (routing's `recipient`)."""
    seen = [a.email for a in (*email.to, *email.cc) if a.email in own]
    seen += [a.lower() for a in envelope_to]
    return tuple(dict.fromkeys(seen))


def _store_blobs(data: bytes, email: InboundEmail) -> None:
    """Write the blobs the pipeline will store (content-addressed, so it then finds
    them there): the disk writes happen here, in parallel, not in the ingesting process.
    A blob whose mail is not stored after all is an unreferenced file, never a wrong one."""
    blobs = _state.blobs
    if blobs is None or email.fatal:
        return
    try:
        for part in email.attachments:
            blobs.put(part.data, part.sha256)
        if len(data) > _state.inline_raw_limit:
            blobs.put(data, email.raw_sha256)
    except OSError:  # the pipeline writes them itself and reports what fails
        log.warning("parse worker could not write a blob", exc_info=True)


def prepare_one(job: Job) -> Prepared:
    """Parse `job` and route it ahead if it could be a new ticket (in a worker)."""
    return _prepare_chunk([job])[0]


def _parsed(job: Job) -> tuple[InboundEmail | None, str | None]:
    try:
        email = parse_email(job.data, our_domains=_state.our_domains, limits=_state.limits)
    except Exception:  # parse must never raise; if it does, the pipeline quarantines
        return None, traceback.format_exc()
    _store_blobs(job.data, email)
    return email, None


def _prepare_chunk(jobs: list[Job]) -> list[Prepared]:
    """Parse every job, then route those that could open a ticket as one batch (the
    model predicts for the whole chunk at once)."""
    parsed = [_parsed(job) for job in jobs]
    rules = _state.rules
    wanted = [
        i
        for i, (email, _) in enumerate(parsed)
        if rules is not None and email is not None and _could_open_ticket(email)
    ]
    decisions = {}
    if rules is not None and wanted:
        items = []
        for i in wanted:
            email = parsed[i][0]
            assert email is not None
            job = jobs[i]
            context = RouteContext(
                mailbox=job.mailbox,
                recipients=recipients_of(_state.own_addresses, job.recipients_envelope, email),
                default_queue=job.default_queue,
                customer_status=ASSUMED_STATUS,
            )
            items.append((email, context))
        decisions = dict(zip(wanted, rules.route_many(items), strict=True))
    out = []
    for i, (email, error) in enumerate(parsed):
        decision = decisions.get(i)
        routed = None
        if decision is not None:
            routed = Routed(
                queue=decision.queue,
                priority=decision.priority,
                tags=decision.tags,
                fields=dict(decision.fields),
                template=decision.template,
                matched_rule=decision.matched_rule,
                routing_json=RawJSON(json.dumps(decision.to_json())),
            )
        out.append(Prepared(email, error, routed))
    return out


class PendingBatch:
    """A batch handed to the workers; `result()` waits for it."""

    def __init__(
        self, pool: ParsePool, jobs: list[Job], futures: list[Future[list[Prepared]]]
    ) -> None:
        self.pool = pool
        self._jobs = jobs
        self._futures = futures

    def result(self) -> list[Prepared] | None:
        """One `Prepared` per job, or None when the workers failed (parse in-process)."""
        out: list[Prepared] = []
        try:
            for future in self._futures:
                out.extend(future.result())
        except BrokenProcessPool:
            log.warning("a parse worker died; parsing this batch in-process")
            return None
        except Exception:  # e.g. routing raised: in-process, that mail alone is quarantined
            log.warning("parse workers failed; parsing this batch in-process", exc_info=True)
            return None
        return out if len(out) == len(self._jobs) else None


class ParsePool:
    """A fixed set of worker processes for `prepare_one`."""

    def __init__(
        self,
        workers: int,
        *,
        blob_root: Path,
        inline_raw_limit: int,
        our_domains: tuple[str, ...],
        own_addresses: frozenset[str],
        ticket_tag: str,
        rules: RuleSet | None,
        limits: ParseLimits,
    ) -> None:
        self.workers = workers
        # A copy without the matcher's caches, which the worker builds for itself.
        shipped = replace(rules) if rules is not None else None
        context = multiprocessing.get_context("spawn")
        started = context.Barrier(workers)
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(
                blob_root,
                inline_raw_limit,
                our_domains,
                own_addresses,
                ticket_tag,
                shipped,
                limits,
                os.getpid(),
                started,
            ),
        )
        # Start every worker now, from this thread: the kernel's parent-death signal
        # is tied to the thread that forks, and this one lives as long as the pool.
        for future in [self._executor.submit(_ready) for _ in range(workers)]:
            future.result()
        self.pids = sorted(self._executor._processes)
        log.debug("parse workers started: %s", self.pids)

    def submit(self, jobs: list[Job]) -> PendingBatch | None:
        """Hand `jobs` to the workers in one chunk each; None if the pool is broken."""
        size = -(-len(jobs) // self.workers)
        try:
            futures = [
                self._executor.submit(_prepare_chunk, jobs[i : i + size])
                for i in range(0, len(jobs), size)
            ]
        except (BrokenProcessPool, RuntimeError):
            return None
        return PendingBatch(self, jobs, futures)

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


def default_workers(configured: int) -> int:
    """How many parse workers `service.parse_workers` means: -1 = one per CPU (at most
    4), none on a single CPU, where they could only add overhead."""
    if configured >= 0:
        return configured
    cpus = os.cpu_count() or 1
    return 0 if cpus < 2 else min(cpus, 4)
