"""Tell human mail from auto-replies, bulk mail and bounces, and say why (invariant 5).

Pure functions over already-decoded headers and parts: `parse` calls `classify` once
per message. For a bounce, the Message-IDs of the mail it reports on are extracted so
the pipeline can mark our outbound message as failed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ticketing.inbound import MailKind

__all__ = ["Classification", "classify", "message_ids_in_headers"]


@dataclass(frozen=True)
class Classification:
    kind: MailKind
    reason: str  # e.g. "Auto-Submitted: auto-replied"
    bounced_message_ids: tuple[str, ...] = ()


_DAEMON_LOCAL_PARTS = frozenset(
    {"mailer-daemon", "mailer_daemon", "mailerdaemon", "mail-daemon", "postmaster"}
)
_AUTOREPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-autoreply-from", "x-mail-autoreply")
# Exchange stamps these on messages its mailbox rules (out-of-office, auto-forward) generate.
_EXCHANGE_HEADERS = ("x-ms-exchange-inbox-rules-loop", "x-ms-exchange-generated-message-source")
_LIST_HEADERS = ("list-id", "list-unsubscribe", "list-post")
_SUPPRESS_VALUES = frozenset({"all", "oof", "autoreply"})

# Heuristic, used only when no header says anything: the prefixes Outlook, Exchange,
# Gmail, Japanese carriers and groupware put on out-of-office replies. They must start
# the subject and be set off (a colon, brackets, or the whole subject), so a human's
# "Re: Automatic reply: ...", "不在票について" or "自動返信の設定について" stay human.
_AUTOREPLY_SUBJECT = re.compile(
    r"^\s*(?:"
    r"(?:out of (?:the )?office(?: auto ?reply)?|automatic reply|auto[- ]?reply|"
    r"auto[- ]?response|vacation reply|away from (?:the )?office)\s*[:：]"
    r"|[【\[](?:自動応答|自動返信|自動返答|不在通知|不在)[】\]]"
    r"|(?:自動応答|自動返信|自動返答|不在通知|不在のお知らせ|不在連絡|不在)(?:メール)?\s*(?:[:：]|$)"
    r")",
    re.IGNORECASE,
)

_MSGID_FIELD = re.compile(
    r"^(?:x-)?(?:original-)?message-id[ \t]*:[ \t]*(.*(?:\n[ \t]+.*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_BRACKETED_ID = re.compile(r"<([^<>\s]+)>")
_ACTION_FIELD = re.compile(r"^action[ \t]*:[ \t]*([a-z-]+)", re.IGNORECASE | re.MULTILINE)
_STATUS_FIELD = re.compile(r"^status[ \t]*:[ \t]*([0-9.]+)", re.IGNORECASE | re.MULTILINE)


def classify(
    headers: Sequence[tuple[str, str]],
    *,
    subject: str = "",
    from_email: str | None = None,
    return_path: str | None = None,
    content_type: str = "text/plain",
    report_type: str | None = None,
    delivery_status: Sequence[str] = (),
    original_headers: Sequence[str] = (),
    body_text: str = "",
) -> Classification:
    """Classify one message.

    `headers` are (lower-cased name, decoded value) pairs; `delivery_status` the text of
    message/delivery-status parts; `original_headers` the header blocks of attached
    messages (message/rfc822, text/rfc822-headers), where a bounce names the mail it
    reports on.
    """
    first: dict[str, str] = {}
    for name, value in headers:
        first.setdefault(name, value)
    report = (report_type or "").strip().lower()

    if (content_type == "multipart/report" and report == "delivery-status") or delivery_status:
        return _bounce(
            _dsn_reason(report, delivery_status), delivery_status, original_headers, body_text
        )
    if content_type == "multipart/report":
        if report == "disposition-notification":
            return Classification(MailKind.AUTO_REPLY, "read receipt (multipart/report MDN)")
        return Classification(
            MailKind.AUTO_REPLY, f"multipart/report; report-type={report or 'missing'}"
        )
    if "x-failed-recipients" in first:
        reason = f"X-Failed-Recipients: {first['x-failed-recipients'].strip()}"
        return _bounce(reason, (), original_headers, body_text)
    local = (from_email or "").partition("@")[0]
    if local in _DAEMON_LOCAL_PARTS:
        return _bounce(f"sent by {from_email}", (), original_headers, body_text)

    auto_submitted = first.get("auto-submitted")
    if auto_submitted is not None:
        token = auto_submitted.split(";", 1)[0].strip().lower()
        if token and token != "no":
            return Classification(MailKind.AUTO_REPLY, f"Auto-Submitted: {token}")
    for name in _AUTOREPLY_HEADERS:
        if name in first and first[name].strip().lower() not in ("no", "false", "0"):
            return Classification(
                MailKind.AUTO_REPLY, f"{_title(name)}: {first[name].strip() or '(empty)'}"
            )
    for name in _EXCHANGE_HEADERS:
        if name in first:
            return Classification(MailKind.AUTO_REPLY, f"{_title(name)}: {first[name].strip()}")

    precedence = first.get("precedence", "").strip().lower()
    if precedence in ("auto_reply", "auto-reply"):
        return Classification(MailKind.AUTO_REPLY, f"Precedence: {precedence}")
    if precedence in ("bulk", "junk", "list"):
        return Classification(MailKind.BULK, f"Precedence: {precedence}")
    for name in _LIST_HEADERS:
        if name in first:
            return Classification(MailKind.BULK, f"{_title(name)}: {first[name].strip()}")

    suppress = first.get("x-auto-response-suppress")
    if suppress is not None:
        values = {v.strip().lower() for v in re.split(r"[,\s]+", suppress) if v.strip()}
        if values & _SUPPRESS_VALUES:
            return Classification(
                MailKind.AUTO_REPLY, f"X-Auto-Response-Suppress: {suppress.strip()}"
            )

    match = _AUTOREPLY_SUBJECT.match(subject)
    if match:
        hint = " and null sender" if return_path == "" else ""
        return Classification(
            MailKind.AUTO_REPLY,
            f"heuristic: subject starts with {match.group(0).strip()!r}{hint}",
        )
    if return_path == "":
        return _bounce("null sender (Return-Path: <>)", (), original_headers, body_text)
    return Classification(MailKind.HUMAN, "no automatic-mail headers")


def message_ids_in_headers(text: str) -> tuple[str, ...]:
    """Message-IDs (without <>) from Message-ID / Original-Message-ID lines of a header block."""
    found: list[str] = []
    for field in _MSGID_FIELD.finditer(text.replace("\r\n", "\n")):
        value = field.group(1)
        ids = _BRACKETED_ID.findall(value) or [value.strip().strip("<>")]
        for mid in ids:
            if mid and "@" in mid and mid not in found:
                found.append(mid)
    return tuple(found)


def _bounce(
    reason: str,
    delivery_status: Sequence[str],
    original_headers: Sequence[str],
    body_text: str,
) -> Classification:
    actions = {a.lower() for text in delivery_status for a in _ACTION_FIELD.findall(text)}
    if actions and "failed" not in actions:
        # A "delayed" or "delivered" report is not a failure: nothing to mark as bounced.
        return Classification(MailKind.BOUNCE, reason)
    ids: list[str] = []
    for text in (*original_headers, *delivery_status):
        ids.extend(mid for mid in message_ids_in_headers(text) if mid not in ids)
    if not ids:
        # Non-standard bounces (qmail, old Exchange, carriers) quote the original
        # headers in the body text instead of attaching them.
        ids.extend(message_ids_in_headers(body_text))
    return Classification(MailKind.BOUNCE, reason, tuple(ids))


def _dsn_reason(report: str, delivery_status: Sequence[str]) -> str:
    actions = sorted({a.lower() for t in delivery_status for a in _ACTION_FIELD.findall(t)})
    statuses = sorted({s for t in delivery_status for s in _STATUS_FIELD.findall(t)})
    reason = "delivery status notification (multipart/report"
    reason += f"; report-type={report})" if report else ")"
    if actions:
        reason += f", Action: {', '.join(actions)}"
    if statuses:
        reason += f", Status: {', '.join(statuses)}"
    return reason


def _title(name: str) -> str:
    return "-".join(
        part.upper() if part in ("ms", "id") else part.title() for part in name.split("-")
    )
