"""The ingestion pipeline: raw bytes from any source (IMAP, SMTP/LMTP ingress, the CLI)
become a stored outcome in ONE transaction per batch.

parse (pure) -> dedupe -> own-mail / bounce / thread -> route -> store -> outbox.
The raw bytes and their outcome are written in the same transaction as the ticket
(invariant 1); the same message again is a no-op (invariant 2); a message that breaks
any stage is quarantined with its traceback while the rest of the batch flows on
(invariant 3). Callers touch the mailbox or answer the SMTP client only after
`ingest_batch` returns, i.e. after commit.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import traceback
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeGuard

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session, col

from ticketing import replykeys
from ticketing.addresses import stored_json
from ticketing.blobstore import BlobStore
from ticketing.config import Settings
from ticketing.customers import overdue_customers
from ticketing.errors import CompositionError, NotFound
from ticketing.inbound import Address, InboundEmail, MailKind
from ticketing.loops import (
    autoreply_refusal,
    invalid_sender_reason,
    own_mail_reason,
    rate_key,
    rate_limit_reason,
    recent_autoreplies,
    reply_address,
    static_refusal,
)
from ticketing.model_store import ActiveModel
from ticketing.models import (
    Attachment,
    Customer,
    Event,
    Message,
    MessageReference,
    OutboxMessage,
    OutboxStatus,
    Outcome,
    Participant,
    RawMessage,
    Status,
    Ticket,
    utcnow,
)
from ticketing.outbox import TicketView, enqueue_notice, prepare, template_context
from ticketing.parallel import (
    ASSUMED_STATUS,
    MIN_PARALLEL_BATCH,
    Job,
    ParsePool,
    PendingBatch,
    Routed,
    default_workers,
    recipients_of,
)
from ticketing.parse import parse_email
from ticketing.rawjson import RawJSON
from ticketing.refs import refs_in_subject
from ticketing.render import Renderer
from ticketing.replytoken import token_claim
from ticketing.rules import RouteContext, RuleSet
from ticketing.threads import (
    ThreadMatch,
    find_thread,
    header_match,
    participant_reason,
    participants,
    referencing_tickets,
    stored_tickets,
)

log = logging.getLogger(__name__)

# Raw messages up to this size live in the database row; larger ones in the blob store.
INLINE_RAW_LIMIT = 1024 * 1024
MAX_MESSAGE_ID = 998  # messages.message_id and message_references.referenced_id
DUPLICATE = "duplicate"


@dataclass(frozen=True)
class RawItem:
    """One inbound message as it arrived, with where it came from."""

    data: bytes
    source: str  # imap | smtp | lmtp | cli
    mailbox: str | None = None
    uidvalidity: int | None = None
    uid: int | None = None
    envelope_from: str | None = None
    envelope_to: tuple[str, ...] = ()
    queue: str | None = None  # the queue of the mailbox or listener it came through


@dataclass(frozen=True)
class IngestResult:
    outcome: str  # an Outcome value, or "duplicate"
    raw_id: int | None
    ticket_id: int | None
    detail: str
    message_id: str = ""


@dataclass(frozen=True)
class _Followup:
    """A message attaching to an existing ticket, and what it needs of that ticket."""

    index: int
    item: RawItem
    email: InboundEmail
    key: str
    ticket_id: int
    status: str
    queue: str
    tags: tuple[str, ...]
    fields: Mapping[str, Any]
    customer_id: int | None
    how: str
    matched_on: str
    why: str
    new_participant: bool  # the sender is not a participant yet


def _event_row(
    kind: str, now: Any, ticket_id: int, detail: dict[str, Any], raw_id: int | None = None
) -> dict[str, Any]:
    """An events row for a set-wise INSERT."""
    return {
        "ticket_id": ticket_id,
        "raw_id": raw_id,
        "kind": kind,
        "actor": "system",
        "created_at": now,
        "detail": detail,
    }


def _limited_event(now: Any, ticket_id: int, raw_id: int, email: InboundEmail) -> dict[str, Any]:
    """The note on a ticket that a mail was not unpacked whole (parse limits)."""
    return _event_row("message.limited", now, ticket_id, {"notes": list(email.limited)}, raw_id)


def _db_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL; a NUL is never meaningful in mail text.
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def _pair(address: Address) -> tuple[str, str]:
    """(name, email) of a parsed address, as the database can hold them."""
    return _db_text(address.name), _db_text(address.email)


def _table(model: Any) -> Any:
    return model.__table__


def _allocate_ids(session: Session, model: Any, n: int) -> list[int]:
    """Primary keys for `n` rows about to be inserted set-wise.

    PostgreSQL hands them out from the table's sequence (safe with concurrent
    workers); on SQLite the transaction already holds the write lock (BEGIN
    IMMEDIATE), so the next ids after the current maximum are ours.
    """
    table = _table(model)
    if session.get_bind().dialect.name == "postgresql":
        seq = f"{table.name}_id_seq"
        rows = session.execute(
            text(f"SELECT nextval('{seq}') FROM generate_series(1, :n)"), {"n": n}
        ).scalars()
        return [int(r) for r in rows]
    start = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(int(start) + 1, int(start) + 1 + n))


def _insert_many(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows` with one executemany (no RETURNING, no ORM) and return their ids."""
    if not rows:
        return []
    ids = _allocate_ids(session, model, len(rows))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    session.execute(insert(_table(model)), rows)
    return ids


def dedupe_key(email: InboundEmail | None, raw: bytes) -> str:
    """Same Message-ID from the same sender = the same message, whichever copy we got."""
    if email is None or not email.message_id:
        return "sha256:" + hashlib.sha256(raw).hexdigest()
    key = f"{email.message_id}|{email.sender_email or ''}"
    # Keep the key within the column while staying deterministic.
    return key if len(key) <= 900 else "mid-sha256:" + hashlib.sha256(key.encode()).hexdigest()


class Pipeline:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        rules: RuleSet | None = None,
        renderer: Renderer | None = None,
    ) -> None:
        # Refuse to start without an unguessable reply-token key (SecretMissing says how
        # to make one): finding out mid-batch would quarantine every mail.
        replykeys.load(settings)
        self.engine = engine
        self.settings = settings
        # Routing is the rules file for policy and the learned model for the topic; the
        # active model is picked up without a restart (`routing activate`).
        if rules is not None and rules.model is None:
            rules = rules.with_model(ActiveModel(settings.path(settings.service.models_dir)))
        if rules is not None and rules.model is not None:
            rules.model.get()  # loaded now: a broken model stops the start, not a batch
        self.rules = rules
        self.renderer = renderer or Renderer(
            settings.templates_path, settings.service.default_language
        )
        self.blobs = BlobStore(settings.path(settings.service.attachments_dir))
        self._our_domains = tuple(sorted({a.rpartition("@")[2] for a in settings.own_addresses}))
        self._limits = settings.service.parse_limits
        self._pool: ParsePool | None = None
        self._pool_lock = threading.Lock()
        self._pool_wanted = default_workers(settings.service.parse_workers)

    def _parse(self, data: bytes) -> InboundEmail:
        return parse_email(data, our_domains=self._our_domains, limits=self._limits)

    # -- parse workers -------------------------------------------------------------------

    def start_workers(self) -> None:
        """Start the parse workers now (`serve` does, from its main thread), if any."""
        self._parse_pool()

    def close(self) -> None:
        """Stop the parse workers; the pipeline still works, parsing in-process."""
        with self._pool_lock:
            pool, self._pool, self._pool_wanted = self._pool, None, 0
        if pool is not None:
            pool.close()

    def _parse_pool(self) -> ParsePool | None:
        with self._pool_lock:
            if self._pool is None and self._pool_wanted > 0:
                try:
                    self._pool = ParsePool(
                        self._pool_wanted,
                        blob_root=self.blobs.root,
                        inline_raw_limit=INLINE_RAW_LIMIT,
                        our_domains=self._our_domains,
                        own_addresses=self.settings.own_addresses,
                        ticket_tag=self.settings.service.ticket_tag,
                        rules=self.rules,
                        limits=self._limits,
                    )
                except Exception:  # no processes here (limits, sandbox): parse in-process
                    log.warning("cannot start parse workers; parsing in-process", exc_info=True)
                    self._pool_wanted = 0
            return self._pool

    def parse_ahead(self, items: Sequence[RawItem]) -> PendingBatch | None:
        """Start parsing and routing a large batch in the workers, so the caller can do
        something else (fetch the next batch, store the previous one) meanwhile; pass the
        result to `ingest_batch`. None: the batch is small or there are no workers."""
        if len(items) < MIN_PARALLEL_BATCH:
            return None
        pool = self._parse_pool()
        if pool is None:
            return None
        default = self.settings.service.default_queue
        pending = pool.submit(
            [Job(i.data, i.mailbox, tuple(i.envelope_to), i.queue or default) for i in items]
        )
        if pending is None:  # the pool broke: start a new one for the next batch
            self._drop_pool(pool)
        return pending

    def _drop_pool(self, pool: ParsePool) -> None:
        """Retire a failed pool; the next large batch starts a new one."""
        with self._pool_lock:
            if self._pool is pool:
                self._pool = None
        pool.close(wait=False)

    # -- entry points ------------------------------------------------------------------

    def ingest(self, item: RawItem) -> IngestResult:
        return self.ingest_batch([item])[0]

    def ingest_batch(
        self,
        items: Sequence[RawItem],
        before_commit: Callable[[Session], None] | None = None,
        prepared: PendingBatch | None = None,
    ) -> list[IngestResult]:
        """Ingest `items` in one transaction; returns one result per item, in order.

        `before_commit` runs inside that transaction (the IMAP poller advances its
        cursor there, so cursor and messages commit together). `prepared` is what
        `parse_ahead(items)` returned, if the caller started the workers earlier.
        """
        if prepared is None:
            prepared = self.parse_ahead(items)
        ahead = prepared.result() if prepared is not None else None
        if prepared is not None and ahead is None:
            self._drop_pool(prepared.pool)
        parsed: list[tuple[InboundEmail | None, str | None]] = []
        routed: dict[int, Routed] = {}
        if ahead is not None:
            for index, p in enumerate(ahead):
                parsed.append((p.email, p.parse_error))
                if p.routed is not None:
                    routed[index] = p.routed
        else:
            for item in items:
                try:
                    parsed.append((self._parse(item.data), None))
                except Exception:  # parse must never raise; if it does, it is quarantined
                    parsed.append((None, traceback.format_exc()))
        keys = [
            dedupe_key(email, item.data) for item, (email, _) in zip(items, parsed, strict=True)
        ]
        with Session(self.engine, expire_on_commit=False) as session:
            known = set(
                session.execute(
                    select(col(RawMessage.dedupe_key)).where(
                        col(RawMessage.dedupe_key).in_(set(keys))
                    )
                ).scalars()
            )
            slots: list[IngestResult | None] = []
            todo: list[tuple[int, RawItem, InboundEmail | None, str | None, str]] = []
            for index, (item, (email, parse_error), key) in enumerate(
                zip(items, parsed, keys, strict=True)
            ):
                if key in known:
                    slots.append(
                        IngestResult(
                            DUPLICATE,
                            None,
                            None,
                            "already ingested",
                            email.message_id if email else "",
                        )
                    )
                    continue
                known.add(key)
                slots.append(None)
                todo.append((index, item, email, parse_error, key))
            # Which ticket each Message-ID the batch refers to belongs to: one query for
            # both set-wise paths (a reply to a mail of this batch takes neither).
            referenced = {
                mid
                for _, _, e, _, _ in todo
                if e is not None
                for mid in e.all_message_ids_referenced
            }
            by_mid, ambiguous = stored_tickets(session, referenced) if referenced else ({}, set())
            batch_ids = {e.message_id for _, _, e, _, _ in todo if e is not None}
            # Mail that stored mail already answers (it arrived after its reply) may join
            # the reply's ticket: `find_thread` decides that, one by one.
            awaited = referencing_tickets(
                session,
                {
                    e.message_id
                    for _, _, e, _, _ in todo
                    if e is not None and not e.message_id_synthetic
                },
            )
            fast = self._fast_candidates(todo, by_mid, batch_ids, awaited)
            if fast:
                try:
                    with session.begin_nested():
                        for index, result in zip(
                            [t[0] for t in fast],
                            self._bulk_new_tickets(session, fast, routed=routed),
                            strict=True,
                        ):
                            slots[index] = result
                except OperationalError:
                    raise
                except Exception:  # any surprise in the set-wise path: redo one by one
                    log.warning("bulk path failed; ingesting the batch one by one", exc_info=True)
                    fast = []
            done = {t[0] for t in fast}
            followups = self._followup_candidates(
                session,
                [t for t in todo if t[0] not in done],
                by_mid,
                ambiguous,
                batch_ids,
                awaited,
            )
            if followups:
                try:
                    with session.begin_nested():
                        for f, result in zip(
                            followups, self._bulk_followups(session, followups), strict=True
                        ):
                            slots[f.index] = result
                except OperationalError:
                    raise
                except Exception:  # any surprise in the set-wise path: redo one by one
                    log.warning("bulk follow-ups failed; ingesting them one by one", exc_info=True)
                    followups = []
            done.update(f.index for f in followups)
            for index, item, email, parse_error, key in todo:
                if index not in done:
                    slots[index] = self._ingest_one(session, item, email, parse_error, key)
            results = [r for r in slots if r is not None]
            assert len(results) == len(items)
            if before_commit is not None:
                before_commit(session)
            session.commit()
        if log.isEnabledFor(logging.INFO):
            try:
                self._log_results(items, [email for email, _ in parsed], results)
            except Exception:  # committed: the caller must hear success, whatever the log did
                log.exception("cannot log the mail just stored")
        return results

    def _log_results(
        self,
        items: Sequence[RawItem],
        emails: Sequence[InboundEmail | None],
        results: Sequence[IngestResult],
    ) -> None:
        """One log line per mail: what became of it, its ticket and that ticket's queue,
        the sender and the Message-ID (one query for the queues of the batch)."""
        ticket_ids = {r.ticket_id for r in results if r.ticket_id is not None}
        queues: dict[int, str] = {}
        if ticket_ids:
            try:
                with Session(self.engine) as session:
                    rows = session.execute(
                        select(col(Ticket.id), col(Ticket.queue)).where(
                            col(Ticket.id).in_(ticket_ids)
                        )
                    )
                    queues = {ticket_id: queue for ticket_id, queue in rows}
            except SQLAlchemyError:  # the batch is committed: a log line must not undo that
                log.warning("cannot read the queues of the tickets just stored", exc_info=True)
        for item, email, result in zip(items, emails, results, strict=True):
            sender = (email.sender_email if email is not None else None) or item.envelope_from
            queue = queues.get(result.ticket_id) if result.ticket_id is not None else None
            where = (
                f"ticket {result.ticket_id} in {queue}"
                if result.ticket_id is not None
                else "no ticket"
            )
            log.info(
                "mail <%s> from %s: %s, %s (%s)",
                result.message_id,
                sender or "(no sender)",
                result.outcome,
                where,
                result.detail,
                extra={
                    "outcome": result.outcome,
                    "ticket": result.ticket_id,
                    "queue": queue,
                    "sender": sender,
                    "message_id": result.message_id,
                    "source": item.source,
                    "mailbox": item.mailbox,
                    "raw": result.raw_id,
                },
            )

    # -- the set-wise fast path ----------------------------------------------------------

    def _plain(
        self, email: InboundEmail | None, item: RawItem, parse_error: str | None
    ) -> TypeGuard[InboundEmail]:
        """No special case applies to this mail: it parsed, is within the size limit, is
        neither a bounce nor our own mail. Only such mail may take a set-wise path."""
        if email is None or parse_error or email.fatal:
            return False
        if len(item.data) > self.settings.service.max_message_bytes:
            return False
        return email.kind is not MailKind.BOUNCE and not own_mail_reason(self.settings, email)

    def _fast_candidates(
        self,
        todo: Sequence[tuple[int, RawItem, InboundEmail | None, str | None, str]],
        by_mid: Mapping[str, int],
        batch_ids: Collection[str],
        awaited: Mapping[str, Collection[int]],
    ) -> list[tuple[int, RawItem, InboundEmail, str]]:
        """The messages of a batch that are plainly new tickets: no special case applies.

        Anything that might be a follow-up, a bounce, our own mail, oversize or broken
        takes the one-by-one path, which handles every case. `by_mid`: the stored
        Message-IDs the batch refers to (`threads.stored_tickets`); `batch_ids`: the
        batch's own Message-IDs; `awaited`: the batch's Message-IDs that stored mail
        refers to (`threads.referencing_tickets`: replies that came first).
        """
        tag = self.settings.service.ticket_tag
        out = []
        for index, item, email, parse_error, key in todo:
            if not self._plain(email, item, parse_error):
                continue
            refs = email.all_message_ids_referenced
            if any(r in by_mid or r in batch_ids for r in refs):
                continue
            if email.message_id in awaited and not email.message_id_synthetic:
                continue
            # Reply tokens, valid or forged, take the one-by-one path (find_thread).
            if any(token_claim(r) is not None for r in refs):
                continue
            if refs_in_subject(tag, email.subject):
                continue
            out.append((index, item, email, key))
        return out

    def _bulk_new_tickets(
        self,
        session: Session,
        entries: Sequence[tuple[int, RawItem, InboundEmail, str]],
        notes: Sequence[dict[str, Any]] | None = None,
        routed: Mapping[int, Routed] | None = None,
    ) -> list[IngestResult]:
        """Open one ticket per entry with a handful of multi-row INSERTs for the batch.

        `notes` adds, per entry, what the ticket.created event should also say (why a
        would-be follow-up opened a new ticket instead). `routed` holds decisions the
        parse workers made ahead, by the entry's index in the batch; one is used only
        if the customer's status is the one it assumed.
        """
        s = self.settings
        own = s.own_addresses
        requesters = [reply_address(e) or e.sender_email or "" for _, _, e, _ in entries]
        customers = {
            c.email: c
            for c in session.execute(
                select(Customer).where(col(Customer.email).in_(set(requesters)))
            ).scalars()
        }
        missing: dict[str, dict[str, Any]] = {}
        for (_, _, email, _), requester in zip(entries, requesters, strict=True):
            if requester not in customers and requester not in missing:
                name = _db_text(email.from_addr.name) if email.from_addr else ""
                missing[requester] = {
                    "email": requester,
                    "name": name,
                    "account_status": "active",
                    "created_at": utcnow(),
                    "updated_at": utcnow(),
                }
        statuses = {email: c.account_status for email, c in customers.items()}
        languages = {email: c.language for email, c in customers.items()}
        names = {email: c.name for email, c in customers.items()}
        customer_ids = {email: c.id for email, c in customers.items()}
        if missing:
            new_rows = list(missing.values())
            for new, cid in zip(
                new_rows, _allocate_ids(session, Customer, len(new_rows)), strict=True
            ):
                new["id"] = cid
                customer_ids[new["email"]] = cid
                statuses[new["email"]] = "active"
                languages[new["email"]] = None
                names[new["email"]] = new["name"]
            session.execute(insert(_table(Customer)), new_rows)

        # Decide everything that does not need ids: routing, language, acknowledgement.
        recent = recent_autoreplies(
            session,
            s,
            [t for _, _, e, _ in entries if not static_refusal(s, e) and (t := reply_address(e))],
        )
        # Route every entry the workers could not route ahead in one batch: the model
        # predicts for all of them at once.
        overdue = overdue_customers(session, [customer_ids[r] for r in set(requesters)])
        to_route: list[tuple[InboundEmail, RouteContext]] = []
        routed_here: dict[int, int] = {}
        for position, ((index, item, email, _), requester) in enumerate(
            zip(entries, requesters, strict=True)
        ):
            ahead = routed.get(index) if routed else None
            late = customer_ids[requester] in overdue
            if self.rules is None or (
                ahead is not None and statuses[requester] == ASSUMED_STATUS and not late
            ):
                continue
            routed_here[position] = len(to_route)
            to_route.append(
                (
                    email,
                    RouteContext(
                        mailbox=item.mailbox,
                        recipients=self._our_recipients(item, email),
                        default_queue=item.queue or s.service.default_queue,
                        customer_status=statuses[requester],
                        overdue_invoice=late,
                    ),
                )
            )
        decisions = self.rules.route_many(to_route) if self.rules is not None and to_route else []
        plans = []
        for position, (index, item, email, _) in enumerate(entries):
            queue = item.queue or s.service.default_queue
            decision_json: dict[str, Any] | RawJSON = {
                "queue": queue,
                "matched_rule": None,
                "trace": [],
            }
            priority, tags, fields, template, matched = "normal", [], {}, None, None
            ahead = routed.get(index) if routed else None
            if position in routed_here:
                decision = decisions[routed_here[position]]
                queue, priority, matched = decision.queue, decision.priority, decision.matched_rule
                tags, fields, template = (
                    list(decision.tags),
                    dict(decision.fields),
                    decision.template,
                )
                decision_json = decision.to_json()
            elif ahead is not None:
                queue, priority, matched = ahead.queue, ahead.priority, ahead.matched_rule
                tags, fields, template = list(ahead.tags), dict(ahead.fields), ahead.template
                decision_json = ahead.routing_json
            refusal = static_refusal(s, email)
            target = reply_address(email)
            if refusal is None and target is not None:
                counted = rate_key(target)
                refusal = rate_limit_reason(s, target, recent.get(counted, 0))
                if refusal is None:
                    recent[counted] = recent.get(counted, 0) + 1
            plans.append((queue, priority, tags, fields, template, decision_json, refusal, matched))

        now = utcnow()
        ticket_rows = []
        for (_, _, email, _), requester, plan in zip(entries, requesters, plans, strict=True):
            queue, priority, tags, fields, _, decision_json, refusal, _ = plan
            ticket_rows.append(
                {
                    "queue": queue,
                    "status": Status.NEW.value,
                    "priority": priority,
                    "subject": _db_text(email.subject),
                    "requester": requester,
                    "customer_id": customer_ids[requester],
                    "language": languages[requester]
                    or email.language
                    or s.service.default_language,
                    "tags": tags,
                    "fields": fields,
                    "routing": decision_json,
                    "message_count": 1 if refusal else 2,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        ticket_ids = _insert_many(session, Ticket, ticket_rows)

        raw_ids = _insert_many(
            session,
            RawMessage,
            [
                self._raw_row(item, email, key, Outcome.TICKET, f"new ticket {tid}", tid, now)
                for (_, item, email, key), tid in zip(entries, ticket_ids, strict=True)
            ],
        )

        message_rows = [
            self._message_row(email, tid, rid, now)
            for (_, _, email, _), tid, rid in zip(entries, ticket_ids, raw_ids, strict=True)
        ]
        message_ids = _insert_many(session, Message, message_rows)

        stored = [(e[2], mid) for e, mid in zip(entries, message_ids, strict=True)]
        self._store_attachments(session, stored)
        self._store_references(session, stored)
        participant_rows, event_rows = [], []
        for position, ((_, item, email, _), tid, rid, requester, plan) in enumerate(
            zip(entries, ticket_ids, raw_ids, requesters, plans, strict=True)
        ):
            people = {requester: "requester"}
            if email.sender_email and email.sender_email not in people:
                people[email.sender_email] = "requester"
            for addr in (*email.to, *email.cc):
                if addr.email and addr.email not in own and addr.email not in people:
                    people[addr.email] = "cc"
            participant_rows += [
                {"ticket_id": tid, "email": e, "role": r, "created_at": now}
                for e, r in people.items()
            ]
            event_rows.append(
                _event_row(
                    "ticket.created",
                    now,
                    tid,
                    {
                        "queue": plan[0],
                        "source": item.source,
                        "mailbox": item.mailbox,
                        "message_id": email.message_id,
                        "routing": plan[7],
                        **(notes[position] if notes else {}),
                    },
                    raw_id=rid,
                )
            )
            if email.limited:
                event_rows.append(_limited_event(now, tid, rid, email))
            invalid = invalid_sender_reason(email)
            if invalid:
                # `tickets held` lists the ticket by this event: someone must find out
                # who wrote it, as no acknowledgement can reach them.
                event_rows.append(
                    _event_row(
                        "sender.invalid",
                        now,
                        tid,
                        {"reason": invalid, "from": email.header("from") or ""},
                        raw_id=rid,
                    )
                )
        session.execute(insert(_table(Participant)), participant_rows)

        # Acknowledgements: rendered now that the ticket references exist.
        prepared = []
        unsent: list[int] = []
        for (_, _, email, _), tid, requester, plan, trow in zip(
            entries, ticket_ids, requesters, plans, ticket_rows, strict=True
        ):
            refusal = plan[6]
            if refusal:
                event_rows.append(_event_row("autoreply.suppressed", now, tid, {"reason": refusal}))
                continue
            ticket = TicketView(
                tid,
                trow["subject"],
                trow["queue"],
                trow["status"],
                trow["priority"],
                requester,
                trow["language"],
            )
            target = reply_address(email)
            assert target is not None
            try:
                mail = prepare(
                    s,
                    self.renderer,
                    ticket=ticket,
                    template=plan[4] or "acknowledgement",
                    to=[target],
                    context=template_context(s, ticket, customer_name=names[requester]),
                    in_reply_to=email.message_id,
                    references=[*email.references, email.message_id],
                    auto=True,
                )
            except CompositionError as exc:
                # Outbound composition never quarantines inbound mail: the ticket is
                # stored, the acknowledgement skipped with a note saying why.
                event_rows.append(
                    _event_row("autoreply.suppressed", now, tid, {"reason": str(exc)})
                )
                unsent.append(tid)
                continue
            prepared.append((tid, target, email, mail))
        if unsent:
            session.execute(
                update(Ticket)
                .where(col(Ticket.id).in_(unsent))
                .values(message_count=Ticket.message_count - 1)
            )
        if prepared:
            outbox_ids = _insert_many(
                session,
                OutboxMessage,
                [
                    {
                        "ticket_id": tid,
                        "message_id": m.message_id,
                        "template": m.template,
                        "auto": True,
                        "from_addr": s.from_address,
                        "to_addrs": target,
                        "subject": m.subject,
                        "raw": m.raw,
                        "status": OutboxStatus.PENDING.value,
                        "attempts": 0,
                        "next_attempt_at": now,
                        "created_at": now,
                    }
                    for tid, target, _, m in prepared
                ],
            )
            session.execute(
                insert(_table(Message)),
                [
                    {
                        "ticket_id": tid,
                        "outbox_id": oid,
                        "direction": "out",
                        "message_id": m.message_id,
                        "in_reply_to": email.message_id,
                        "references": " ".join([*email.references, email.message_id]),
                        "from_addr": s.from_address,
                        "to_addrs": target,
                        "cc_addrs": "",
                        "addresses": stored_json(("", s.from_address), [("", target)], []),
                        "subject": m.subject,
                        "text": m.text,
                        "new_text": m.text,
                        "html": m.html,
                        "language": m.language,
                        "kind": "auto-reply",
                        "decodings": [],
                        "created_at": now,
                    }
                    for (tid, target, email, m), oid in zip(prepared, outbox_ids, strict=True)
                ],
            )
            event_rows += [
                _event_row(
                    "outbox.queued",
                    now,
                    tid,
                    {
                        "outbox_id": oid,
                        "template": m.template,
                        "language": m.language,
                        "to": [target],
                        "message_id": m.message_id,
                    },
                )
                for (tid, target, _, m), oid in zip(prepared, outbox_ids, strict=True)
            ]
        # The audit trail in the order things happened: created, then queued/suppressed.
        event_rows.sort(key=lambda e: (e["ticket_id"], e["kind"] != "ticket.created"))
        session.execute(insert(_table(Event)), event_rows)
        return [
            IngestResult(Outcome.TICKET.value, rid, tid, f"new ticket {tid}", email.message_id)
            for (_, _, email, _), tid, rid in zip(entries, ticket_ids, raw_ids, strict=True)
        ]

    def _followup_candidates(
        self,
        session: Session,
        rest: Sequence[tuple[int, RawItem, InboundEmail | None, str | None, str]],
        by_mid: Mapping[str, int],
        ambiguous: Collection[str],
        batch_ids: Collection[str],
        awaited: Mapping[str, Collection[int]],
    ) -> list[_Followup]:
        """The messages of a batch that plainly continue a ticket: found by In-Reply-To
        or References to a stored message, from a participant, on a ticket that is not
        merged away and that no other message of this batch touches. They attach set-wise,
        exactly as `find_thread` and `_followup` would one by one; the rest (subject
        references, reply tokens, held senders, merges, replies within the batch) take
        the one-by-one path. `by_mid` and `ambiguous`: `threads.stored_tickets` for the
        Message-IDs the batch refers to, looked up before any of it was stored; so a reply
        to any mail of the batch (`batch_ids`) is left to the one-by-one path. `awaited`:
        the tickets whose mail refers to a message of the batch, which that message may
        join one by one: those tickets count as touched by it."""
        s = self.settings.service
        emails = [(t[0], t[1], t[2], t[4]) for t in rest if t[2] is not None and not t[3]]
        if not emails or not by_mid:
            return []
        referenced = {mid for _, _, e, _ in emails for mid in e.all_message_ids_referenced}
        # Which ticket each message of the rest would touch, to keep per-ticket order.
        touched: dict[int, int] = {}
        found: dict[int, tuple[int, str, str]] = {}
        for index, _, email, _ in emails:
            refs = email.all_message_ids_referenced
            hit = header_match(email, by_mid)
            if hit is not None:
                found[index] = hit
                touched[hit[0]] = touched.get(hit[0], 0) + 1
            for tid in {
                *(t for m in refs if (t := token_claim(m)) is not None),
                *refs_in_subject(s.ticket_tag, email.subject),
                *(() if email.message_id_synthetic else awaited.get(email.message_id, ())),
            }:
                touched[tid] = touched.get(tid, 0) + 1
        tickets = {
            row.id: row
            for row in session.execute(
                select(
                    col(Ticket.id),
                    col(Ticket.status),
                    col(Ticket.queue),
                    col(Ticket.tags),
                    col(Ticket.fields),
                    col(Ticket.customer_id),
                    col(Ticket.merged_into),
                ).where(col(Ticket.id).in_(touched))
            ).all()
        }
        if any(row.merged_into is not None for row in tickets.values()):
            return []  # a merge may join two tickets' messages: keep them in order
        members: set[tuple[int, str]] = {
            (tid, addr)
            for tid, addr in session.execute(
                select(col(Participant.ticket_id), col(Participant.email)).where(
                    col(Participant.ticket_id).in_({f[0] for f in found.values()})
                )
            ).all()
        }
        reopen_closed = s.reply_to_closed != "new"
        out = []
        for index, item, email, key in emails:
            hit = found.get(index)
            sender = email.sender_email or ""
            if hit is None or not sender or touched.get(hit[0]) != 1:
                continue
            tid, how, mid = hit
            row = tickets.get(tid)
            if row is None or mid in ambiguous or (tid, sender) not in members:
                continue
            if not self._plain(email, item, None):
                continue
            refs = email.all_message_ids_referenced
            if email.message_id in referenced or any(r in batch_ids for r in refs):
                continue  # a reply within the batch: order matters
            if not reopen_closed and row.status in (Status.RESOLVED.value, Status.CLOSED.value):
                continue
            out.append(
                _Followup(
                    index=index,
                    item=item,
                    email=email,
                    key=key,
                    ticket_id=tid,
                    status=row.status,
                    queue=row.queue,
                    tags=tuple(row.tags),
                    fields=dict(row.fields),
                    customer_id=row.customer_id,
                    how=how,
                    matched_on=mid,
                    why=participant_reason(sender),
                    new_participant=False,
                )
            )
        return out

    def _bulk_followups(self, session: Session, entries: Sequence[_Followup]) -> list[IngestResult]:
        """Attach each entry's message to its ticket with a handful of multi-row
        statements (at most one entry per ticket): the raw message, the conversation
        message and its attachments, the audit events, the sender as a participant if
        new, the reopening of a resolved ticket, and follow-up routing."""
        now = utcnow()
        statuses: dict[int, str] = {}
        customer_ids = {f.customer_id for f in entries if f.customer_id is not None}
        if customer_ids:
            statuses = dict(
                session.execute(
                    select(col(Customer.id), col(Customer.account_status)).where(
                        col(Customer.id).in_(customer_ids)
                    )
                ).all()
            )
        raw_ids = _insert_many(
            session,
            RawMessage,
            [
                self._raw_row(
                    f.item,
                    f.email,
                    f.key,
                    Outcome.FOLLOWUP,
                    f"follow-up to ticket {f.ticket_id} by {f.how}",
                    f.ticket_id,
                    now,
                )
                for f in entries
            ],
        )
        message_ids = _insert_many(
            session,
            Message,
            [
                self._message_row(f.email, f.ticket_id, rid, now)
                for f, rid in zip(entries, raw_ids, strict=True)
            ],
        )
        stored = [(f.email, mid) for f, mid in zip(entries, message_ids, strict=True)]
        self._store_attachments(session, stored)
        self._store_references(session, stored)
        participant_rows = [
            {
                "ticket_id": f.ticket_id,
                "email": f.email.sender_email,
                "role": "cc",
                "created_at": now,
            }
            for f in entries
            if f.new_participant and f.email.sender_email
        ]
        if participant_rows:
            session.execute(insert(_table(Participant)), participant_rows)
        event_rows: list[dict[str, Any]] = []
        ticket_rows: list[dict[str, Any]] = []
        for f, rid in zip(entries, raw_ids, strict=True):
            tid = f.ticket_id
            event_rows.append(
                _event_row(
                    "message.followup",
                    now,
                    tid,
                    {
                        "matched_by": f.how,
                        "matched_on": f.matched_on,
                        "from": f.email.sender_email,
                        "why_allowed": f.why,
                    },
                    raw_id=rid,
                )
            )
            if f.email.limited:
                event_rows.append(_limited_event(now, tid, rid, f.email))
            change: dict[str, Any] = {"id": tid, "status": f.status}
            if f.status in (Status.RESOLVED.value, Status.CLOSED.value, Status.PENDING.value):
                change["status"] = Status.OPEN.value
                if f.status != Status.PENDING.value:
                    change.update(resolved_at=None, closed_at=None)
                event_rows.append(
                    _event_row(
                        "ticket.status",
                        now,
                        tid,
                        {"from": f.status, "to": Status.OPEN.value, "reason": "customer replied"},
                    )
                )
            if self.rules is not None:
                decision = self.rules.route(
                    f.email,
                    RouteContext(
                        mailbox=f.item.mailbox,
                        recipients=self._our_recipients(f.item, f.email),
                        default_queue=f.queue,
                        customer_status=statuses.get(f.customer_id)
                        if f.customer_id is not None
                        else None,
                        is_followup=True,
                    ),
                )
                if decision.matched_rule is not None and decision.queue != f.queue:
                    event_rows.append(
                        _event_row(
                            "ticket.moved",
                            now,
                            tid,
                            {
                                "from": f.queue,
                                "to": decision.queue,
                                "rule": decision.matched_rule,
                                "reason": decision.explain(),
                            },
                        )
                    )
                    change["queue"] = decision.queue
                if decision.matched_rules:
                    change["tags"] = sorted({*f.tags, *decision.tags})
                    change["fields"] = {**f.fields, **decision.fields}
            ticket_rows.append(change)
        session.execute(insert(_table(Event)), event_rows)
        # One UPDATE per shape of change (executemany needs the same columns throughout).
        table = _table(Ticket)
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for change in ticket_rows:
            shapes.setdefault(tuple(sorted(change)), []).append(change)
        for columns, rows in shapes.items():
            session.execute(
                update(table)
                .where(table.c.id == bindparam("tid"))
                .values(
                    message_count=table.c.message_count + 1,
                    updated_at=now,
                    **{c: bindparam(f"new_{c}") for c in columns if c != "id"},
                ),
                [
                    {"tid": r["id"], **{f"new_{c}": r[c] for c in columns if c != "id"}}
                    for r in rows
                ],
            )
        return [
            IngestResult(
                Outcome.FOLLOWUP.value,
                rid,
                f.ticket_id,
                f"follow-up to ticket {f.ticket_id} by {f.how}",
                f.email.message_id,
            )
            for f, rid in zip(entries, raw_ids, strict=True)
        ]

    def _raw_row(
        self,
        item: RawItem,
        email: InboundEmail,
        key: str,
        outcome: Outcome,
        detail: str,
        ticket_id: int,
        now: Any,
    ) -> dict[str, Any]:
        """A raw_messages row; the bytes of a large message go to the blob store."""
        data: bytes | None = item.data
        blob: str | None = None
        if len(item.data) > INLINE_RAW_LIMIT:
            blob, data = self.blobs.put(item.data, email.raw_sha256), None
        return {
            "dedupe_key": key,
            "sha256": email.raw_sha256,
            "message_id": email.message_id,
            "source": item.source,
            "mailbox": item.mailbox,
            "uidvalidity": item.uidvalidity,
            "uid": item.uid,
            "size": len(item.data),
            "data": data,
            "blob": blob,
            "outcome": outcome.value,
            "detail": detail,
            "error": None,
            "ticket_id": ticket_id,
            "envelope_from": item.envelope_from,
            "envelope_to": ", ".join(item.envelope_to) or None,
            "received_at": now,
        }

    def _store_attachments(
        self, session: Session, messages: Sequence[tuple[InboundEmail, int]]
    ) -> None:
        """The attachments of each (email, message id): blobs first, then one INSERT."""
        rows = []
        for email, message_pk in messages:
            for part in email.attachments:
                self.blobs.put(part.data, part.sha256)
                rows.append(
                    {
                        "message_pk": message_pk,
                        "filename": part.filename,
                        "content_type": part.content_type,
                        "size": part.size,
                        "sha256": part.sha256,
                        "inline": part.inline,
                        "content_id": part.content_id,
                        "path": part.path or None,
                    }
                )
        if rows:
            session.execute(insert(_table(Attachment)), rows)

    def _store_references(
        self, session: Session, messages: Sequence[tuple[InboundEmail, int]]
    ) -> None:
        """Index the Message-IDs each (email, message id) refers to, so that a mail
        arriving after its reply finds the reply's ticket (threads.referencing_tickets)."""
        rows = [
            {"message_pk": message_pk, "referenced_id": mid}
            for email, message_pk in messages
            for mid in email.all_message_ids_referenced
            # Longer than any Message-ID the messages table holds: it can never match.
            if len(mid) <= MAX_MESSAGE_ID
        ]
        if rows:
            session.execute(insert(_table(MessageReference)), rows)

    def _message_row(
        self, email: InboundEmail, ticket_id: int, raw_id: int, now: Any
    ) -> dict[str, Any]:
        return {
            "ticket_id": ticket_id,
            "raw_id": raw_id,
            "outbox_id": None,
            "direction": "in",
            "message_id": email.message_id,
            "in_reply_to": " ".join(email.in_reply_to),
            "references": " ".join(email.references),
            "from_addr": _db_text(str(email.from_addr)) if email.from_addr else "",
            "to_addrs": _db_text(", ".join(str(a) for a in email.to)),
            "cc_addrs": _db_text(", ".join(str(a) for a in email.cc)),
            "addresses": stored_json(
                _pair(email.from_addr) if email.from_addr else None,
                [_pair(a) for a in email.to],
                [_pair(a) for a in email.cc],
            ),
            "subject": _db_text(email.subject),
            "text": _db_text(email.text),
            "new_text": _db_text(email.new_text),
            "html": _db_text(email.html) if email.html is not None else None,
            "language": email.language,
            "kind": email.kind.value,
            "decodings": list(email.decodings),
            "created_at": now,
        }

    # -- one message -------------------------------------------------------------------

    def _ingest_one(
        self,
        session: Session,
        item: RawItem,
        email: InboundEmail | None,
        parse_error: str | None,
        key: str,
    ) -> IngestResult:
        if email is None:
            return self._quarantine(session, item, None, key, "parser crashed", parse_error)
        savepoint = session.begin_nested()
        try:
            result = self._process(session, item, email, key)
            savepoint.commit()
            return result
        except OperationalError:
            # The database itself failed (locked, gone, disk full): not this message's
            # fault. Abort the whole batch uncommitted; the source keeps it for a retry.
            raise
        except Exception:  # the outermost per-message guard: quarantine, go on (invariant 3)
            savepoint.rollback()
            error = traceback.format_exc()
            log.exception("quarantining message %s", email.message_id)
            return self._quarantine(session, item, email, key, "processing failed", error)

    def _process(
        self, session: Session, item: RawItem, email: InboundEmail, key: str
    ) -> IngestResult:
        settings = self.settings.service
        if len(item.data) > settings.max_message_bytes:
            result = self._quarantine(
                session,
                item,
                email,
                key,
                f"message of {len(item.data)} bytes exceeds the limit of {settings.max_message_bytes}",
                None,
            )
            if settings.notify_oversize:
                self._notify_oversize(session, item, email)
            return result
        if email.fatal:
            return self._quarantine(session, item, email, key, email.fatal, None)
        own = own_mail_reason(self.settings, email)
        if own:
            raw = self._store_raw(session, item, email, key, Outcome.IGNORED, own)
            return IngestResult(Outcome.IGNORED.value, raw.id, None, own, email.message_id)
        if email.kind is MailKind.BOUNCE:
            return self._bounce(session, item, email, key)
        match = find_thread(session, self.settings, email)
        if match is not None:
            if match.sender_allowed:
                closed = match.ticket.status in (Status.RESOLVED.value, Status.CLOSED.value)
                if not (closed and settings.reply_to_closed == "new"):
                    return self._followup(session, item, email, key, match)
                return self._new_ticket(
                    session,
                    item,
                    email,
                    key,
                    note=f"reply to {match.ticket.status} ticket {match.ticket.id} opens a new ticket (config)",
                    related=match.ticket.id,
                )
            if settings.unknown_sender == "hold" and match.how != "referenced-by":
                # A mail the ticket refers to did not ask to join it: a stranger's stays
                # a ticket of its own instead of waiting for an agent.
                detail = f"matched ticket {match.ticket.id} by {match.how}, but {match.why}"
                raw = self._store_raw(
                    session, item, email, key, Outcome.HELD, detail, match.ticket.id
                )
                session.add(
                    Event(
                        ticket_id=match.ticket.id,
                        raw_id=raw.id,
                        kind="message.held",
                        detail={
                            "reason": match.why,
                            "matched_by": match.how,
                            "from": email.sender_email,
                        },
                    )
                )
                return IngestResult(
                    Outcome.HELD.value, raw.id, match.ticket.id, detail, email.message_id
                )
            return self._new_ticket(
                session,
                item,
                email,
                key,
                note=f"not attached to ticket {match.ticket.id}: {match.why}",
                related=match.ticket.id,
            )
        return self._new_ticket(session, item, email, key)

    def _new_ticket(
        self,
        session: Session,
        item: RawItem,
        email: InboundEmail,
        key: str,
        note: str | None = None,
        related: int | None = None,
    ) -> IngestResult:
        """One new ticket on the per-message path: the set-wise code with one entry."""
        detail: dict[str, Any] = {}
        if note:
            detail["note"] = note
        if related:
            detail["related_ticket"] = related
        return self._bulk_new_tickets(session, [(0, item, email, key)], [detail])[0]

    def _followup(
        self, session: Session, item: RawItem, email: InboundEmail, key: str, match: ThreadMatch
    ) -> IngestResult:
        """Attach `email` to the ticket it matched: the set-wise code with one entry."""
        ticket = match.ticket
        assert ticket.id is not None
        sender = email.sender_email
        entry = _Followup(
            index=0,
            item=item,
            email=email,
            key=key,
            ticket_id=ticket.id,
            status=ticket.status,
            queue=ticket.queue,
            tags=tuple(ticket.tags),
            fields=dict(ticket.fields),
            customer_id=ticket.customer_id,
            how=match.how,
            matched_on=match.matched_on,
            why=match.why,
            new_participant=bool(sender) and sender not in participants(session, ticket.id),
        )
        result = self._bulk_followups(session, [entry])[0]
        session.expire(ticket)  # changed by Core statements: reloaded when next used
        return result

    def _bounce(
        self, session: Session, item: RawItem, email: InboundEmail, key: str
    ) -> IngestResult:
        """A bounce of one of our messages marks it failed and is shown on its ticket."""
        out: OutboxMessage | None = None
        if email.bounced_message_ids:
            out = (
                session.execute(
                    select(OutboxMessage).where(
                        col(OutboxMessage.message_id).in_(email.bounced_message_ids)
                    )
                )
                .scalars()
                .first()
            )
        if out is None or out.ticket_id is None:
            detail = f"bounce not matching any message of ours ({email.kind_reason})"
            raw = self._store_raw(session, item, email, key, Outcome.IGNORED, detail)
            return IngestResult(Outcome.IGNORED.value, raw.id, None, detail, email.message_id)
        ticket = session.get(Ticket, out.ticket_id)
        assert ticket is not None and ticket.id is not None
        detail = f"bounce of outbound message {out.id} on ticket {ticket.id}"
        raw = self._store_raw(session, item, email, key, Outcome.FOLLOWUP, detail, ticket.id)
        self._store_message(session, ticket, raw, email)
        session.execute(
            update(OutboxMessage)
            .where(col(OutboxMessage.id) == out.id)
            .values(status=OutboxStatus.FAILED.value, last_error=f"bounced: {email.subject}")
        )
        session.add(
            Event(
                ticket_id=ticket.id,
                raw_id=raw.id,
                kind="outbox.bounced",
                detail={
                    "outbox_id": out.id,
                    "message_id": out.message_id,
                    "reason": email.kind_reason,
                },
            )
        )
        return IngestResult(Outcome.FOLLOWUP.value, raw.id, ticket.id, detail, email.message_id)

    # -- helpers -----------------------------------------------------------------------

    def _notify_oversize(self, session: Session, item: RawItem, email: InboundEmail) -> None:
        refusal = own_mail_reason(self.settings, email) or autoreply_refusal(
            session, self.settings, email
        )
        target = reply_address(email)
        if refusal or not target:
            session.add(
                Event(kind="autoreply.suppressed", detail={"reason": refusal or "no sender"})
            )
            return
        mb = 1024 * 1024
        enqueue_notice(
            session,
            self.settings,
            self.renderer,
            template="too-large",
            language=email.language or self.settings.service.default_language,
            to=target,
            context={
                "subject": email.subject,
                "size_mb": f"{len(item.data) / mb:.1f}",
                "limit_mb": f"{self.settings.service.max_message_bytes / mb:.1f}",
                "language": email.language,
            },
            in_reply_to=email.message_id,
            references=[*email.references, email.message_id],
        )

    def _our_recipients(self, item: RawItem, email: InboundEmail) -> tuple[str, ...]:
        return recipients_of(self.settings.own_addresses, item.envelope_to, email)

    def _customer_status(self, session: Session, ticket: Ticket) -> str | None:
        if ticket.customer_id is None:
            return None
        customer = session.get(Customer, ticket.customer_id)
        return customer.account_status if customer else None

    def _store_raw(
        self,
        session: Session,
        item: RawItem,
        email: InboundEmail | None,
        key: str,
        outcome: Outcome,
        detail: str,
        ticket_id: int | None = None,
        error: str | None = None,
    ) -> RawMessage:
        data: bytes | None = item.data
        blob: str | None = None
        sha = email.raw_sha256 if email else hashlib.sha256(item.data).hexdigest()
        if len(item.data) > INLINE_RAW_LIMIT:
            blob = self.blobs.put(item.data, sha)
            data = None
        raw = RawMessage(
            dedupe_key=key,
            sha256=sha,
            message_id=email.message_id if email else "",
            source=item.source,
            mailbox=item.mailbox,
            uidvalidity=item.uidvalidity,
            uid=item.uid,
            size=len(item.data),
            data=data,
            blob=blob,
            outcome=outcome.value,
            detail=detail,
            error=error,
            ticket_id=ticket_id,
            envelope_from=item.envelope_from,
            envelope_to=", ".join(item.envelope_to) or None,
        )
        session.add(raw)
        session.flush()
        return raw

    def _store_message(
        self, session: Session, ticket: Ticket, raw: RawMessage, email: InboundEmail
    ) -> int:
        """Add `email` to `ticket`'s conversation (a bounce): the set-wise row, one entry."""
        assert ticket.id is not None and raw.id is not None
        (message_pk,) = _insert_many(
            session, Message, [self._message_row(email, ticket.id, raw.id, utcnow())]
        )
        self._store_attachments(session, [(email, message_pk)])
        self._store_references(session, [(email, message_pk)])
        ticket.message_count += 1
        ticket.updated_at = utcnow()
        return message_pk

    def _quarantine(
        self,
        session: Session,
        item: RawItem,
        email: InboundEmail | None,
        key: str,
        reason: str,
        error: str | None,
    ) -> IngestResult:
        raw = self._store_raw(session, item, email, key, Outcome.QUARANTINED, reason, error=error)
        session.add(Event(raw_id=raw.id, kind="message.quarantined", detail={"reason": reason}))
        log.warning("quarantined message %s: %s", raw.id, reason)
        return IngestResult(
            Outcome.QUARANTINED.value, raw.id, None, reason, email.message_id if email else ""
        )


def replay_raw(pipeline: Pipeline, raw: RawMessage, data: bytes) -> IngestResult:
    """Run a stored (quarantined) message through the pipeline again, in place."""
    item = RawItem(
        data=data,
        source=raw.source,
        mailbox=raw.mailbox,
        uidvalidity=raw.uidvalidity,
        uid=raw.uid,
        envelope_from=raw.envelope_from,
        envelope_to=tuple(a.strip() for a in (raw.envelope_to or "").split(",") if a.strip()),
    )
    with Session(pipeline.engine, expire_on_commit=False) as session:
        row = session.get(RawMessage, raw.id)
        assert row is not None
        # Keep the quarantined row as history, but free its dedupe key for the new attempt.
        key = row.dedupe_key
        row.dedupe_key = f"retried:{row.id}:{key}"[:1000]
        row.outcome = Outcome.RETRIED.value
        session.flush()
        try:
            email = pipeline._parse(data)
            error = None
        except Exception:
            email, error = None, traceback.format_exc()
        result = pipeline._ingest_one(session, replace(item), email, error, key)
        session.add(
            Event(
                raw_id=result.raw_id,
                ticket_id=result.ticket_id,
                kind="quarantine.retried",
                detail={"previous_raw_id": raw.id, "outcome": result.outcome},
            )
        )
        session.commit()
    return result


def release_held(
    pipeline: Pipeline, raw_id: int, data: bytes, *, attach: bool, actor: str
) -> IngestResult:
    """An agent's decision on a held follow-up: attach it to the ticket it matched
    (the sender becomes a participant) or open a new ticket with it."""
    with Session(pipeline.engine, expire_on_commit=False) as session:
        row = session.get(RawMessage, raw_id)
        if row is None or row.outcome != Outcome.HELD.value:
            raise NotFound(f"no held message {raw_id}")
        item = RawItem(
            data=data,
            source=row.source,
            mailbox=row.mailbox,
            uidvalidity=row.uidvalidity,
            uid=row.uid,
            envelope_from=row.envelope_from,
            envelope_to=tuple(a.strip() for a in (row.envelope_to or "").split(",") if a.strip()),
        )
        key = row.dedupe_key
        row.dedupe_key = f"released:{row.id}:{key}"[:1000]
        row.outcome = Outcome.RETRIED.value
        row.detail = f"{row.detail} | released by {actor}"
        session.flush()
        email = pipeline._parse(data)
        ticket = session.get(Ticket, row.ticket_id) if row.ticket_id else None
        if attach and ticket is not None:
            why = f"attached by {actor} after being held"
            match = ThreadMatch(ticket, "agent", f"held message {raw_id}", True, why)
            result = pipeline._followup(session, item, email, key, match)
        else:
            result = pipeline._new_ticket(
                session,
                item,
                email,
                key,
                note=f"opened by {actor} from held message {raw_id}",
                related=row.ticket_id,
            )
        session.add(
            Event(
                ticket_id=result.ticket_id,
                raw_id=result.raw_id,
                kind="held.released",
                actor=actor,
                detail={"held_raw_id": raw_id, "attached": attach and ticket is not None},
            )
        )
        session.commit()
    return result
