"""The IMAP poller: fetch new mail of one mailbox folder by UID, hand it to the pipeline
in batches, and only after the batch commits flag or move it (never expunge).

Progress is the (mailbox, folder, UIDVALIDITY, last UID) cursor, never `\\Seen`, so a
human reading the mailbox cannot hide mail from us (invariant 1).
"""

from __future__ import annotations

import contextlib
import logging
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from ticketing.config import MailboxSettings
from ticketing.errors import MailboxError
from ticketing.models import Event, MailboxCursor, utcnow
from ticketing.oauth import OAuthError, TokenSource
from ticketing.parallel import PendingBatch
from ticketing.pipeline import IngestResult, Pipeline, RawItem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Fetched:
    """A fetched batch not yet stored, perhaps being parsed by the workers."""

    items: list[RawItem]
    highest: int  # the highest UID asked for, where the cursor moves on commit
    prepared: PendingBatch | None


@dataclass
class PollReport:
    mailbox: str
    fetched: int = 0
    results: list[IngestResult] = field(default_factory=list)
    uidvalidity_changed: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)


def ssl_context(mailbox: MailboxSettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=mailbox.ca_file or None)
    if not mailbox.verify_certificate:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def connect(mailbox: MailboxSettings) -> Any:
    """A logged-in IMAPClient for `mailbox`; raises MailboxError with a clear reason.

    With auth = "oauth2" a refused access token is replaced by a fresh one once, on a
    new connection (the server may drop the first after a failed AUTHENTICATE).
    """
    if mailbox.auth != "oauth2":
        client = _open(mailbox)
        _password_login(client, mailbox)
        return client
    tokens = token_source(mailbox)
    access_token = _token(mailbox, tokens)
    client = _open(mailbox)
    try:
        _oauth2_login(client, mailbox, access_token)
        return client
    except _Refused:
        logout(client)
    access_token = _token(mailbox, tokens, refused=access_token)
    client = _open(mailbox)
    try:
        _oauth2_login(client, mailbox, access_token)
    except _Refused as exc:
        logout(client)
        raise MailboxError(
            f"mailbox {mailbox.name}: {mailbox.host} refused a freshly issued OAuth2 token "
            f"for {mailbox.username}: {exc} (check username, the scope and the app's "
            f"mailbox permission in [mailboxes.oauth2] of name = {mailbox.name!r})"
        ) from exc
    return client


class _Refused(Exception):
    """The server turned an access token down."""


def token_source(mailbox: MailboxSettings) -> TokenSource:
    assert mailbox.oauth2 is not None  # the loader insists on the table
    return TokenSource(mailbox.oauth2, subject=mailbox.username)


def _token(mailbox: MailboxSettings, tokens: TokenSource, refused: str = "") -> str:
    try:
        return tokens.token(refused=refused)
    except OAuthError as exc:  # the message names the section and the fix
        raise MailboxError(f"mailbox {mailbox.name}: no OAuth2 token: {exc}") from exc


def _open(mailbox: MailboxSettings) -> Any:
    """A connected (not logged-in) IMAPClient, STARTTLS done when asked for."""
    from imapclient import IMAPClient
    from imapclient.exceptions import IMAPClientError

    try:
        client = IMAPClient(
            mailbox.host,
            port=mailbox.port,
            ssl=mailbox.security == "tls",
            ssl_context=ssl_context(mailbox) if mailbox.security != "none" else None,
            timeout=mailbox.timeout,
            use_uid=True,
        )
    except ssl.SSLCertVerificationError as exc:
        raise MailboxError(_tls_failure(mailbox, exc)) from exc
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(
            f"mailbox {mailbox.name}: cannot connect to {mailbox.host}:{mailbox.port}: {exc} "
            f"(check host, port and security of [[mailboxes]] name = {mailbox.name!r})"
        ) from exc
    try:
        if mailbox.security == "starttls":
            client.starttls(ssl_context(mailbox))
    except ssl.SSLCertVerificationError as exc:
        logout(client)
        raise MailboxError(_tls_failure(mailbox, exc)) from exc
    except (OSError, IMAPClientError) as exc:
        logout(client)
        raise MailboxError(
            f"mailbox {mailbox.name}: STARTTLS with {mailbox.host}:{mailbox.port} failed: {exc}"
        ) from exc
    return client


def _password_login(client: Any, mailbox: MailboxSettings) -> None:
    from imapclient.exceptions import IMAPClientError

    try:
        client.login(mailbox.username, mailbox.login_password())
    except (OSError, IMAPClientError) as exc:
        logout(client)
        raise MailboxError(
            f"mailbox {mailbox.name}: login as {mailbox.username} failed: {_one_line(exc)} "
            f"(check username and password_env / password_file of [[mailboxes]] "
            f"name = {mailbox.name!r})"
        ) from exc


def _oauth2_login(client: Any, mailbox: MailboxSettings, access_token: str) -> None:
    """AUTHENTICATE XOAUTH2 or OAUTHBEARER; _Refused when the server says no."""
    from imapclient.exceptions import IMAPClientError, LoginError

    assert mailbox.oauth2 is not None
    mechanism = mailbox.oauth2.mechanism
    try:
        if mechanism == "oauthbearer":
            client.oauthbearer_login(mailbox.username, access_token)
        else:
            client.oauth2_login(mailbox.username, access_token)
    except LoginError as exc:
        raise _Refused(_one_line(exc)) from exc
    except (OSError, IMAPClientError) as exc:
        logout(client)
        raise MailboxError(
            f"mailbox {mailbox.name}: {mechanism.upper()} sign-in to {mailbox.host} failed: "
            f"{_one_line(exc)}"
        ) from exc


def _tls_failure(mailbox: MailboxSettings, exc: ssl.SSLCertVerificationError) -> str:
    trusted = f"the CA file {mailbox.ca_file}" if mailbox.ca_file else "the system's CAs"
    return (
        f"mailbox {mailbox.name}: the TLS certificate of {mailbox.host}:{mailbox.port} did not "
        f"verify against {trusted}: {exc.verify_message or exc.reason} (set ca_file of "
        f"[[mailboxes]] name = {mailbox.name!r} to the CA that signed it; "
        "verify_certificate = false only for a lab server)"
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return " ".join(text.split())


def logout(client: Any) -> None:
    try:
        client.logout()
    except Exception:  # the connection may already be gone; nothing to save
        with contextlib.suppress(Exception):
            client.shutdown()


@contextmanager
def session_for(mailbox: MailboxSettings) -> Iterator[Any]:
    client = connect(mailbox)
    try:
        yield client
    finally:
        logout(client)


class MailboxPoller:
    """Ingests one configured mailbox folder; several pollers never share a client."""

    def __init__(self, mailbox: MailboxSettings, pipeline: Pipeline) -> None:
        self.mailbox = mailbox
        self.pipeline = pipeline
        self.engine = pipeline.engine

    def _cursor(self, session: Session) -> MailboxCursor:
        cursor = session.get(MailboxCursor, (self.mailbox.name, self.mailbox.folder))
        if cursor is None:
            cursor = MailboxCursor(mailbox=self.mailbox.name, folder=self.mailbox.folder)
            session.add(cursor)
            session.flush()
        return cursor

    def poll(self, client: Any, stop: Callable[[], bool] = lambda: False) -> PollReport:
        """Fetch and ingest every message above the cursor, batch by batch."""
        from imapclient.exceptions import IMAPClientError

        mb = self.mailbox
        report = PollReport(mb.name)
        try:
            status = client.select_folder(mb.folder)
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"mailbox {mb.name}: cannot select {mb.folder}: {exc}") from exc
        uidvalidity = int(status[b"UIDVALIDITY"])
        with Session(self.engine, expire_on_commit=False) as session:
            cursor = self._cursor(session)
            if cursor.uidvalidity and cursor.uidvalidity != uidvalidity:
                # The server renumbered the folder: start over; dedupe by Message-ID keeps
                # every message we already have from becoming a second ticket.
                log.warning(
                    "mailbox %s: UIDVALIDITY changed from %s to %s; rescanning",
                    mb.name,
                    cursor.uidvalidity,
                    uidvalidity,
                )
                session.add(
                    Event(
                        kind="mailbox.uidvalidity_changed",
                        detail={
                            "mailbox": mb.name,
                            "folder": mb.folder,
                            "old": cursor.uidvalidity,
                            "new": uidvalidity,
                        },
                    )
                )
                cursor.last_uid = 0
                report.uidvalidity_changed = True
                cursor.processed_uid = 0
            cursor.uidvalidity = uidvalidity
            last_uid = cursor.last_uid
            processed_uid = cursor.processed_uid
            session.commit()
        if processed_uid < last_uid:
            self._finish_post_processing(client, processed_uid, last_uid)
        try:
            # "N:*" always matches the highest UID, even below N: filter on our side.
            uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"mailbox {mb.name}: search failed: {exc}") from exc
        # Batches overlap: while the parse workers work on batch k+1 (just fetched),
        # this process stores batch k. Each batch still commits on its own, in order,
        # with the cursor; a batch fetched but not committed when the process dies is
        # fetched again by the next poll.
        pending: _Fetched | None = None
        for start in range(0, len(uids), mb.batch_size):
            if stop():
                break
            try:
                fetched = self._fetch(client, uids[start : start + mb.batch_size], uidvalidity)
            except MailboxError:
                if pending is not None:  # a failed fetch must not cost the batch before it
                    self._store(client, pending, report)
                raise
            if pending is not None:
                self._store(client, pending, report)
            pending = fetched
        if pending is not None:
            self._store(client, pending, report)
        self._touch(error=None)
        return report

    def _fetch(self, client: Any, batch: list[int], uidvalidity: int) -> _Fetched:
        """FETCH `batch` and hand it to the parse workers (for a large batch)."""
        from imapclient.exceptions import IMAPClientError

        mb = self.mailbox
        try:
            fetched = client.fetch(batch, ["BODY.PEEK[]"])
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"mailbox {mb.name}: fetch failed: {exc}") from exc
        items: list[RawItem] = []
        for uid in batch:
            data = fetched.get(uid, {}).get(b"BODY[]")
            if data is None:
                # Expunged by someone else between SEARCH and FETCH: nothing to keep.
                log.info("mailbox %s: UID %s vanished before fetch", mb.name, uid)
                continue
            items.append(
                RawItem(
                    data=bytes(data),
                    source="imap",
                    mailbox=mb.name,
                    uidvalidity=uidvalidity,
                    uid=uid,
                    queue=mb.queue,
                )
            )
        return _Fetched(items, max(batch), self.pipeline.parse_ahead(items))

    def _store(self, client: Any, fetched: _Fetched, report: PollReport) -> None:
        """Ingest a fetched batch with the cursor in one transaction, then flag or move."""
        items, highest = fetched.items, fetched.highest

        def advance(session: Session) -> None:
            cursor = self._cursor(session)
            cursor.last_uid = max(cursor.last_uid, highest)
            cursor.last_poll_at = utcnow()
            cursor.updated_at = utcnow()

        results = self.pipeline.ingest_batch(
            items, before_commit=advance, prepared=fetched.prepared
        )
        report.fetched += len(items)
        report.results.extend(results)
        # Only now, with the batch committed, may the mailbox change.
        if self._after_ingest(client, [i.uid for i in items if i.uid is not None]):
            self._mark_processed(highest)

    def _finish_post_processing(self, client: Any, processed_uid: int, last_uid: int) -> None:
        """Flag or move what a previous run committed but died before touching."""
        from imapclient.exceptions import IMAPClientError

        try:
            uids = [
                u
                for u in client.search(["UID", f"{processed_uid + 1}:{last_uid}"])
                if processed_uid < u <= last_uid
            ]
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"mailbox {self.mailbox.name}: search failed: {exc}") from exc
        log.info(
            "mailbox %s: finishing post-processing of %d message(s) from an interrupted run",
            self.mailbox.name,
            len(uids),
            extra={"mailbox": self.mailbox.name},
        )
        if self._after_ingest(client, uids):
            self._mark_processed(last_uid)

    def _mark_processed(self, uid: int) -> None:
        with Session(self.engine) as session:
            cursor = self._cursor(session)
            cursor.processed_uid = max(cursor.processed_uid, uid)
            session.commit()

    def _after_ingest(self, client: Any, uids: list[int]) -> bool:
        """Flag or move `uids`; True when done (or nothing to do)."""
        from imapclient.exceptions import IMAPClientError

        mb = self.mailbox
        if not uids or mb.after_ingest == "none":
            return True
        try:
            if mb.after_ingest == "flag":
                client.add_flags(uids, [mb.flag.encode()])
            elif mb.after_ingest == "move":
                if b"MOVE" in client.capabilities():
                    client.move(uids, mb.move_to)
                else:
                    # Without MOVE, copy and flag: marking \Deleted invites an expunge.
                    client.copy(uids, mb.move_to)
                    client.add_flags(uids, [mb.flag.encode()])
        except (OSError, IMAPClientError) as exc:
            # The mail is safely stored; the cursor keeps us from fetching it again,
            # and processed_uid makes the next poll finish the flagging.
            log.warning("mailbox %s: post-processing failed: %s", mb.name, exc)
            return False
        return True

    def _touch(self, error: str | None) -> None:
        with Session(self.engine) as session:
            cursor = self._cursor(session)
            cursor.last_poll_at = utcnow()
            cursor.last_error = error
            cursor.error_count = 0 if error is None else cursor.error_count + 1
            cursor.updated_at = utcnow()
            session.commit()

    def record_error(self, error: str) -> None:
        self._touch(error)


def poll_once(mailbox: MailboxSettings, pipeline: Pipeline) -> PollReport:
    poller = MailboxPoller(mailbox, pipeline)
    try:
        with session_for(mailbox) as client:
            return poller.poll(client)
    except MailboxError as exc:
        poller.record_error(str(exc))
        raise


@dataclass
class ReconcileReport:
    mailbox: str
    folder: str
    uidvalidity: int
    cursor_uid: int
    in_mailbox: int = 0
    stored: int = 0  # UIDs with a raw message row from this mailbox
    duplicates: int = 0  # UIDs whose message we hold from another copy or source
    not_yet_fetched: list[int] = field(default_factory=list)  # above the cursor
    missing: list[int] = field(default_factory=list)  # below the cursor and not stored: a gap

    def to_json(self) -> dict[str, Any]:
        return {
            "mailbox": self.mailbox,
            "folder": self.folder,
            "uidvalidity": self.uidvalidity,
            "cursor_uid": self.cursor_uid,
            "in_mailbox": self.in_mailbox,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "not_yet_fetched": self.not_yet_fetched,
            "missing": self.missing,
        }


def reconcile(
    mailbox: MailboxSettings,
    pipeline: Pipeline,
    progress: Callable[[int, int | None], None] | None = None,
) -> ReconcileReport:
    """Compare the folder's UIDs with what was ingested and list every gap; `progress`
    hears how many of the UIDs without a row were checked by content."""
    from sqlalchemy import select
    from sqlmodel import col

    from ticketing.models import RawMessage
    from ticketing.parse import parse_email
    from ticketing.pipeline import dedupe_key

    with session_for(mailbox) as client:
        status = client.select_folder(mailbox.folder, readonly=True)
        uidvalidity = int(status[b"UIDVALIDITY"])
        uids = sorted(client.search(["ALL"]))
        with Session(pipeline.engine) as session:
            cursor = session.get(MailboxCursor, (mailbox.name, mailbox.folder))
            cursor_uid = cursor.last_uid if cursor and cursor.uidvalidity == uidvalidity else 0
            stored = set(
                session.execute(
                    select(col(RawMessage.uid))
                    .where(col(RawMessage.mailbox) == mailbox.name)
                    .where(col(RawMessage.uidvalidity) == uidvalidity)
                ).scalars()
            )
        report = ReconcileReport(mailbox.name, mailbox.folder, uidvalidity, cursor_uid, len(uids))
        candidates = []
        for uid in uids:
            if uid in stored:
                report.stored += 1
            elif uid > cursor_uid:
                report.not_yet_fetched.append(uid)
            else:
                candidates.append(uid)
        # A UID without a row may still be a message we hold (a copy sent to another of
        # our addresses, or ingested before a UIDVALIDITY change): check by dedupe key.
        for start in range(0, len(candidates), 100):
            if progress is not None:
                progress(start, len(candidates))
            batch = candidates[start : start + 100]
            fetched = client.fetch(batch, ["BODY.PEEK[]"])
            keys = {}
            for uid in batch:
                data = fetched.get(uid, {}).get(b"BODY[]")
                if data is not None:
                    limits = pipeline.settings.service.parse_limits
                    keys[uid] = dedupe_key(parse_email(bytes(data), limits=limits), bytes(data))
            with Session(pipeline.engine) as session:
                known = set(
                    session.execute(
                        select(col(RawMessage.dedupe_key)).where(
                            col(RawMessage.dedupe_key).in_(set(keys.values()))
                        )
                    ).scalars()
                )
            for uid in batch:
                if keys.get(uid) in known:
                    report.duplicates += 1
                else:
                    report.missing.append(uid)
    return report
