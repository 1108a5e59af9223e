"""Turn the raw bytes of one email into a frozen `InboundEmail`; never raise (invariant 3).

Pure: no database, no network. Everything broken about the mail is worked around and
recorded in `defects`; how every text part was decoded is recorded in `decodings`.
A mail we cannot use at all comes back with `fatal` set, for the pipeline to quarantine.

The stdlib parser runs with `policy.compat32` (the modern policy is several times
slower), so headers arrive as raw strings: RFC 2047, RFC 2231 and raw 8-bit bytes are
decoded here, every byte sequence through `charsets.decode` (invariant 6).
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from email import policy
from email.errors import MessageError
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, unquote_to_bytes

import nh3

from ticketing import charsets, filenames, uuencode
from ticketing.autoreply import classify
from ticketing.inbound import Address, InboundEmail, MailKind, ParsedAttachment, ParseLimits
from ticketing.quotes import trim_quoted

__all__ = ["html_to_text", "parse_email"]

_PARSER = BytesParser(policy=policy.compat32)
_DEFAULT_LIMITS = ParseLimits()

# Large mail: long runs of base64 lines (attachments) are lifted out before the stdlib
# parser sees the message, which would otherwise hold the body as one string, as
# hundreds of thousands of line strings and as a re-joined payload at the same time.
# The runs stay views into the caller's bytes and are decoded straight from there.
_LIFT_ABOVE = 1024 * 1024
# Possessive: a plain {256,} repeat keeps a backtracking mark per line, which for a
# 40 MB attachment costs three times the message in memory. The last line of a body is
# usually shorter: without it the run was not the part's whole body, and the body was
# decoded from copies after all (2.7 times the message instead of 0.75).
_B64_RUN = re.compile(
    rb"(?:[A-Za-z0-9+/=]{40,}[ \t]*\r?\n){256,}+(?:[A-Za-z0-9+/=]{1,39}[ \t]*\r?\n)?"
)
_MARKER = re.compile(rb"\x00ticketing-lifted-(\d+)\x00")
_MARKER_TEXT = re.compile(r"\x00ticketing-lifted-(\d+)\x00")
# What a base64 body holds besides data: line breaks, blanks and the padding.
_NOT_DATA = (b"\r", b"\n", b" ", b"\t", b"=")


@dataclass(frozen=True)
class _Run:
    view: memoryview
    blank: int  # line breaks, blanks and padding in it: the rest is base64 data


_LIFTED: ContextVar[list[_Run] | None] = ContextVar("_LIFTED", default=None)


def _lift_large_bodies(raw: bytes) -> tuple[bytes, list[_Run]]:
    """The message with each long base64 run replaced by a marker, and the runs."""
    view = memoryview(raw)
    pieces: list[bytes] = []
    lifted: list[_Run] = []
    last = 0
    for match in _B64_RUN.finditer(raw):
        start, end = match.start(), match.end()
        # The run's final line break stays: it may belong to the next MIME boundary.
        end -= 2 if raw[end - 2 : end] == b"\r\n" else 1
        pieces.append(raw[last:start])
        pieces.append(b"\x00ticketing-lifted-%d\x00" % len(lifted))
        # Counted here, in C over the caller's bytes, so that a part's decoded size is
        # known before anything is decoded (max_part_bytes).
        lifted.append(_Run(view[start:end], sum(raw.count(b, start, end) for b in _NOT_DATA)))
        last = end
    if not lifted:
        return raw, []
    pieces.append(raw[last:])
    return b"".join(pieces), lifted


def _restore_lifted(data: bytes) -> bytes:
    lifted = _LIFTED.get()
    if not lifted or b"\x00ticketing-lifted-" not in data:
        return data
    return _MARKER.sub(lambda m: bytes(lifted[int(m.group(1))].view), data)


def _lifted_view(part: Message) -> memoryview | None:
    """The lifted run that is this part's whole body, if it is one."""
    lifted = _LIFTED.get()
    payload = getattr(part, "_payload", None)
    if not lifted or not isinstance(payload, str):
        return None
    match = _MARKER.fullmatch(payload.strip().encode("ascii", "surrogateescape"))
    return lifted[int(match.group(1))].view if match else None


def _payload_sizes(part: Message) -> tuple[int, int]:
    """(size on the wire, of which neither line breaks, blanks nor "=") of a leaf's
    body, lifted runs included, without copying or decoding anything."""
    payload = getattr(part, "_payload", None)
    if not isinstance(payload, str):
        return 0, 0
    total = len(payload)
    blank = sum(payload.count(b.decode()) for b in _NOT_DATA)
    lifted = _LIFTED.get()
    if lifted and "\x00ticketing-lifted-" in payload:
        for match in _MARKER_TEXT.finditer(payload):
            run = lifted[int(match.group(1))]
            total += len(run.view) - len(match.group())
            blank += run.blank
    return total, total - blank


def _tree_size(msg: Message) -> int:
    """About the size of a message or multipart regenerated (its bodies; headers are
    small), known before regenerating it."""
    payload = msg.get_payload() if msg.is_multipart() else None
    if isinstance(payload, list):
        return sum(_tree_size(p) for p in payload if isinstance(p, Message))
    return _payload_sizes(msg)[0]


def _decoded_size(part: Message, cte: str) -> int:
    """What decoding this leaf's body would make (base64: 3 bytes per 4 characters;
    quoted-printable and the rest: at most their size), known before decoding it."""
    total, data = _payload_sizes(part)
    if cte == "base64" or cte in _UUENCODE:
        return data * 3 // 4
    return total


# A boundary parameter anywhere in the skeleton: in the headers of the message or a part.
_BOUNDARY_PARAM = re.compile(
    rb'boundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.I
)


def _cut_parts(skeleton: bytes, max_parts: int) -> tuple[bytes, int]:
    """The message up to its `max_parts`-th MIME part, and how many parts it has (0 when
    it has no more than `max_parts`).

    The stdlib parser builds every part of the tree before anything can count them: a
    mail of 100,000 parts cost seconds and hundreds of MB before the walk ignored all but
    the first. So the skeleton is cut before the delimiter line that would open one part
    too many; the parser sees a multipart missing its close (a defect it works around),
    and the raw message is stored whole anyway.
    """
    # Every part but the message itself starts after a delimiter line "--boundary".
    if skeleton.count(b"\n--") < max_parts:
        return skeleton, 0
    boundaries = {m.group(1) or m.group(2) for m in _BOUNDARY_PARAM.finditer(skeleton)}
    if not boundaries:
        return skeleton, 0
    names = b"|".join(re.escape(b) for b in sorted(boundaries, key=len, reverse=True))
    delimiter = re.compile(rb"^--(?:" + names + rb")(--)?[ \t]*\r?$", re.MULTILINE)
    parts = 1
    cut = None
    for match in delimiter.finditer(skeleton):
        if match.group(1):
            continue  # a closing delimiter opens no part
        parts += 1
        if parts == max_parts + 1:
            cut = match.start()
    if cut is None:
        return skeleton, 0
    return skeleton[:cut], parts


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


_GENERATOR_POLICY = policy.compat32.clone(linesep="\r\n")

_MAX_DEPTH = 25  # MIME nesting we follow; deeper parts are kept whole as attachments
_MAX_INNER_MESSAGES = 3  # attached messages per mail whose text we decode
_MAX_HTML_DEPTH = 500  # nested blocks we hand to the sanitiser
_MAX_QUOTE_PREFIX = 20  # "> " levels written for nested blockquotes

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_LINE_BREAKS = re.compile(r"\r\n?|\n")
_SPACES = re.compile(r"[ \t\r\n]+")  # not \s: U+3000 in a Japanese subject is content
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_PARAM = re.compile(r';[ \t\r\n]*([^\s=;"]+)[ \t\r\n]*=[ \t\r\n]*("(?:[^"\\]|\\.)*"|[^;]*)')
_MSGID = re.compile(r"<([^<>]+)>|([^\s<>,;()]+@[^\s<>,;()]+)")
_ANGLE_ADDR = re.compile(r"<([^<>]*)>")
_ADDRESS_SPECIALS = re.compile(r'["()\\;:\[\]]')
_ADDR_SPEC = r'[^<>\s"(),;:\\@\[\]]+@[^<>\s"(),;:\\@\[\]]+'
_SIMPLE_MAILBOX = re.compile(rf"[ \t]*(?:([^<>@]*?)[ \t]*<({_ADDR_SPEC})>|({_ADDR_SPEC}))[ \t]*")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_BOUNDARY_LINE = re.compile(r"^--([^\s\"]{1,70}?)(?:--)?[ \t]*\r?$", re.MULTILINE)
_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/=]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|blockquote|section|article|ul|ol|dl|center|form|fieldset|nav|aside|main)\b",
    re.IGNORECASE,
)
_CID_REF = re.compile(r"""cid:([^"'\s>)]+)""", re.IGNORECASE)
_KANA_PREFIXES = (b"\xe3\x81", b"\xe3\x82", b"\xe3\x83")
_KANJI_LEADS = tuple(bytes((lead,)) for lead in range(0xE4, 0xEA))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_COMMON_DATE = re.compile(
    r"[ \t]*(?:[A-Za-z]{3},[ \t]*)?(\d{1,2})[ \t]+([A-Za-z]{3})[ \t]+(\d{4})[ \t]+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]+([+-])(\d{2})(\d{2})(?:[ \t]*\([^()]*\))?[ \t]*$"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_SINGLE_HEADERS = (
    "subject",
    "from",
    "sender",
    "reply-to",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "content-type",
    "content-transfer-encoding",
    "mime-version",
)
_MERGED_HEADERS = ("to", "cc")
# message/* types whose body is blocks of header-like fields, not a message.
_FIELD_BLOCK_TYPES = frozenset(
    {
        "message/delivery-status",
        "message/global-delivery-status",
        "message/disposition-notification",
        "message/global-disposition-notification",
        "message/feedback-report",
    }
)
_UUENCODE = frozenset({"x-uuencode", "uuencode", "uue", "x-uue"})
_UU_BEGIN = re.compile(rb"^begin[ \t]+[0-7]{3,4}[ \t]+([^\r\n]+?)[ \t]*\r?$", re.M)
# Built once: nh3.clean() with options builds a new sanitiser on every call.
_HTML_CLEANER = nh3.Cleaner(url_schemes=nh3.ALLOWED_URL_SCHEMES | {"cid"})

_DEFECT_TEXT = {
    "CloseBoundaryNotFoundDefect": "missing closing MIME boundary",
    "StartBoundaryNotFoundDefect": "declared MIME boundary never found",
    "NoBoundaryInMultipartDefect": "multipart without a boundary parameter",
    "MultipartInvariantViolationDefect": "multipart content could not be split into parts",
    "MissingHeaderBodySeparatorDefect": "no empty line after the headers",
    "FirstHeaderLineIsContinuationDefect": "first header line is a continuation line",
    "MisplacedEnvelopeHeaderDefect": "mbox 'From ' line among the headers",
    "InvalidMultipartContentTransferEncodingDefect": "multipart with an encoded body",
    "InvalidHeaderDefect": "invalid header",
}


def parse_email(
    raw: bytes, *, our_domains: Sequence[str] = (), limits: ParseLimits = _DEFAULT_LIMITS
) -> InboundEmail:
    """Parse one message. Never raises: an unusable mail comes back with `fatal` set.

    `our_domains` is accepted for the pipeline's convenience; mail from our own
    domains is recognised there, not here. Parts beyond `limits` are not unpacked and
    are listed in `limited`.
    """
    try:
        data = bytes(raw)
    except Exception as exc:  # not bytes-like at all; still must not raise
        return _fatal(b"", f"input is not bytes: {type(exc).__name__}")
    if not data or data.isspace():  # not data.strip(): that copies the whole message
        return _fatal(data, "empty message")
    try:
        return _parse(data, limits)
    except RecursionError:
        return _fatal(data, "MIME structure nested too deeply to parse")
    except Exception as exc:  # invariant 3: a parser bug must not block the queue
        return _fatal(data, f"parser error: {type(exc).__name__}: {exc}")


# -- the message as a whole ------------------------------------------------------------


def _parse(raw: bytes, limits: ParseLimits) -> InboundEmail:
    lifted: list[_Run] = []
    skeleton = raw
    if len(raw) > _LIFT_ABOVE:
        skeleton, lifted = _lift_large_bodies(raw)
    token = _LIFTED.set(lifted or None)
    try:
        return _parse_message(raw, skeleton, _Budget(limits.max_parts, limits.max_part_bytes))
    finally:
        _LIFTED.reset(token)


def _parse_message(raw: bytes, skeleton: bytes, budget: _Budget) -> InboundEmail:
    defects: list[str] = []
    msg = _PARSER.parsebytes(_within_parts(skeleton, budget))
    if _needs_header_repair(msg):
        repaired = _repair_headers(raw)
        if repaired is not None:
            fixed, repairs = repaired
            defects.extend(repairs)
            msg = _PARSER.parsebytes(_within_parts(fixed, budget))
    crlf = raw.count(b"\r\n")
    if crlf and raw.count(b"\n") != crlf:
        defects.append("bare LF line endings mixed with CRLF")

    raw_headers = list(msg.raw_items())
    headers: list[tuple[str, str]] = []
    raw_first: dict[str, str] = {}
    seen: dict[str, int] = {}
    decodings: list[str] = []
    for name, value in raw_headers:
        key = name.lower()
        if key[-1:] in (" ", "\t"):
            key = key.rstrip()
        raw_value = value if isinstance(value, str) else str(value)
        if "\n" in raw_value or "=?" in raw_value or not raw_value.isascii():
            headers.append((key, _decode_header(raw_value, key, decodings, defects)))
        else:
            headers.append((key, raw_value))
        seen[key] = seen.get(key, 0) + 1
        raw_first.setdefault(key, raw_value)
    for key in _SINGLE_HEADERS:
        if seen.get(key, 0) > 1:
            defects.append(f"{seen[key]} {_display_name(key)} headers (kept the first)")
    for key in _MERGED_HEADERS:
        if seen.get(key, 0) > 1:
            defects.append(f"{seen[key]} {_display_name(key)} headers (addresses merged)")
    decoded_first: dict[str, str] = {}
    for key, value in headers:
        decoded_first.setdefault(key, value)

    subject = _SPACES.sub(" ", decoded_first.get("subject", "")).strip()
    from_list = _addresses(raw_first.get("from"), "from", decodings, defects)
    sender_list = _addresses(raw_first.get("sender"), "sender", decodings, defects)
    return_path = _return_path(raw_first.get("return-path"), decodings, defects)
    from_addr = _pick_sender(from_list, sender_list, return_path, defects)
    if from_addr is None and raw_first.get("from"):
        # A From header with no address in it ('"Broken" <>'): the mail is still a
        # customer's, so it is kept as written and the ticket stored; the pipeline
        # sends nothing to it and lists the ticket under `tickets held`.
        written = _SPACES.sub(" ", _raw_header_text(raw_first["from"], "from", decodings, defects))
        if written.strip():
            defects.append(f"From header without a usable address: {written.strip()}")
            from_addr = Address("", written.strip())
    reply_to = _addresses(raw_first.get("reply-to"), "reply-to", decodings, defects)
    to = _recipients(raw_headers, raw_first, seen, "to", decodings, defects)
    cc = _recipients(raw_headers, raw_first, seen, "cc", decodings, defects)
    date = _date(decoded_first.get("date"))

    body = _Collector(budget, decodings, defects)
    _walk(msg, 0, body, raw_first)
    text, html, attachments = _assemble(body)
    new_text = trim_quoted(text)

    message_id = _first_id(decoded_first.get("message-id", ""))
    synthetic = not message_id
    if synthetic:
        message_id = _synthetic_id(raw)

    content_type, params = _parse_params(raw_first.get("content-type"))
    verdict = classify(
        headers,
        subject=subject,
        from_email=from_list[0].email if from_list else None,
        return_path=return_path,
        content_type=content_type,
        report_type=_safe_text(params.get("report-type", "")),
        delivery_status=body.delivery_status,
        original_headers=body.original_headers,
        body_text=text,
    )
    fatal = None
    if from_addr is None:
        fatal = "no usable sender: no From, Sender or Return-Path address"

    email = InboundEmail(
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        message_id=message_id,
        message_id_synthetic=synthetic,
        in_reply_to=_all_ids(decoded_first.get("in-reply-to", "")),
        references=_all_ids(decoded_first.get("references", "")),
        subject=subject,
        from_addr=from_addr,
        reply_to=reply_to,
        to=to,
        cc=cc,
        return_path=return_path,
        date=date,
        headers=tuple(headers),
        text=text,
        html=html,
        new_text=new_text,
        language=_language(subject, new_text or text),
        attachments=attachments,
        kind=verdict.kind,
        kind_reason=verdict.reason,
        decodings=tuple(dict.fromkeys(decodings)),
        defects=tuple(dict.fromkeys(defects)),
        bounced_message_ids=verdict.bounced_message_ids,
        fatal=fatal,
        limited=tuple(budget.notes),
    )
    return _without_nul(email)


def _within_parts(data: bytes, budget: _Budget) -> bytes:
    """`data` cut to the budget's MIME parts (`_cut_parts`), the cut noted."""
    data, parts = _cut_parts(data, budget.max_parts)
    if parts:
        budget.cut = True
        budget.notes[:] = [
            f"{parts:,} MIME parts: the first {budget.max_parts:,} unpacked (max_parts), "
            "the rest kept only in the raw message"
        ]
    return data


# Fields of InboundEmail that may carry a NUL from the mail (=00, %00, a raw byte):
# text for people, and protocol tokens (ids, addresses) that must stay ASCII.
_TEXT_FIELDS = ("subject", "headers", "text", "html", "new_text")
_TOKEN_FIELDS = ("return_path", "message_id", "in_reply_to", "references", "bounced_message_ids")
_ADDRESS_FIELDS = ("from_addr", "reply_to", "to", "cc")


def _nul_free(value: Any, token: bool = False) -> Any:
    """`value` (a string, None, an Address or a tuple of them) without NUL: U+FFFD in
    text, "%00" in an id or address, which must stay ASCII to be written in a header."""
    if isinstance(value, str):
        return value.replace("\x00", "%00" if token else "\ufffd") if "\x00" in value else value
    if isinstance(value, tuple):
        return tuple(_nul_free(v, token) for v in value)
    if isinstance(value, Address):
        return Address(_nul_free(value.name), _nul_free(value.email, token=True))
    return value


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, tuple):
        return any(_has_nul(v) for v in value)
    if isinstance(value, Address):
        return "\x00" in value.name or "\x00" in value.email
    return False


def _without_nul(email: InboundEmail) -> InboundEmail:
    """`email` without any NUL. PostgreSQL text cannot hold one (a NUL in a Message-ID
    or an address would fail the batch's first query, and with it every mail of the
    batch), and a NUL is never meaningful in mail; the raw message keeps the byte."""
    changes: dict[str, Any] = {}
    for names, token in ((_TEXT_FIELDS, False), (_TOKEN_FIELDS, True), (_ADDRESS_FIELDS, True)):
        for name in names:
            value = getattr(email, name)
            if _has_nul(value):
                changes[name] = _nul_free(value, token)
    if any(_has_nul((a.filename, a.content_type, a.content_id, a.text)) for a in email.attachments):
        changes["attachments"] = tuple(
            replace(
                a,
                filename=_nul_free(a.filename),
                content_type=_nul_free(a.content_type),
                content_id=_nul_free(a.content_id, token=True),
                text=_nul_free(a.text),
            )
            for a in email.attachments
        )
    if not changes:
        return email
    changes["defects"] = (*email.defects, "NUL characters replaced (U+FFFD in text, %00 in ids)")
    changes["limited"] = _nul_free(email.limited)
    return replace(email, **changes)


def _fatal(raw: bytes, reason: str) -> InboundEmail:
    digest = hashlib.sha256(raw).hexdigest()
    return InboundEmail(
        raw_sha256=digest,
        size=len(raw),
        message_id=f"synthetic.{digest[:32]}@ticketing.invalid",
        message_id_synthetic=True,
        in_reply_to=(),
        references=(),
        subject="",
        from_addr=None,
        reply_to=(),
        to=(),
        cc=(),
        return_path=None,
        date=None,
        headers=(),
        text="",
        html=None,
        new_text="",
        language="en",
        attachments=(),
        kind=MailKind.HUMAN,
        kind_reason="not classified: the message could not be parsed",
        fatal=reason,
    )


def _needs_header_repair(msg: Message) -> bool:
    if not msg.keys():
        return True
    return any(type(d).__name__ == "MissingHeaderBodySeparatorDefect" for d in msg.defects)


def _repair_headers(raw: bytes) -> tuple[bytes, list[str]] | None:
    """Skip junk before the headers and drop header lines without a colon.

    The stdlib parser takes the first line that is not a header for the start of the
    body, which would hide every header after a single broken line.
    """
    lines = raw.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines[:200]) if _HEADER_LINE.match(line)), None)
    if start is None:
        return None
    blank = next(
        (i for i in range(start, len(lines)) if lines[i] in (b"\r\n", b"\n", b"\r")), len(lines)
    )
    last_header = max(i for i in range(start, blank) if _HEADER_LINE.match(lines[i]))
    defects: list[str] = []
    if start:
        defects.append(f"{start} line(s) before the headers skipped")
    out = bytearray()
    for i in range(start, last_header + 1):
        line = lines[i]
        if _HEADER_LINE.match(line) or (i > start and line[:1] in (b" ", b"\t")):
            out += line
        else:
            shown = line.strip()[:60].decode("ascii", "backslashreplace")
            defects.append(f"header line without a colon dropped: {shown!r}")
    if last_header + 1 < blank:
        defects.append("no empty line between the headers and the body")
        out += b"\r\n" if lines[start].endswith(b"\r\n") else b"\n"
    for line in lines[last_header + 1 :]:
        out += line
    return bytes(out), defects


# -- headers -----------------------------------------------------------------------------


def _safe_text(value: str) -> str:
    """Raw bytes (surrogate escapes) in a value we only compare or show, as \\xNN."""
    if value.isascii():
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _display_name(key: str) -> str:
    return "-".join(p.upper() if p == "id" else p.capitalize() for p in key.split("-"))


def _unfold(value: str) -> str:
    if "\n" in value:
        value = _FOLD.sub("", value)
        value = value.replace("\r", "").replace("\n", " ")
    return value


def _raw_header_text(value: str, where: str, decodings: list[str], defects: list[str]) -> str:
    """Unfolded header text with raw 8-bit bytes decoded (encoded words left alone)."""
    value = _unfold(value)
    if value.isascii():
        return value
    # compat32 hands 8-bit header bytes over as surrogate escapes: get the bytes back.
    decoded = charsets.decode(value.encode("utf-8", "surrogateescape"))
    if decoded.lossy:
        defects.append(f"{where} (raw 8-bit): {decoded.label}")
    elif decoded.codec not in ("utf_8", "ascii"):
        decodings.append(f"{where} (raw 8-bit): {decoded.label}")
    return decoded.text


def _decode_header(value: str, where: str, decodings: list[str], defects: list[str]) -> str:
    text = _raw_header_text(value, where, decodings, defects)
    if "=?" in text:
        text = _decode_words(text, where, decodings, defects)
    return text


def _decode_words(
    text: str,
    where: str = "header",
    decodings: list[str] | None = None,
    defects: list[str] | None = None,
) -> str:
    """Decode RFC 2047 encoded words in `text`, leniently.

    Whitespace between adjacent encoded words is dropped; consecutive words in the
    same charset are decoded together, so a character split across two words (as some
    UTF-8 and ISO-2022-JP encoders do) survives.
    """
    tokens: list[tuple[str, str, str]] = []  # (charset or "", encoding or "", payload)
    position = 0
    for match in _ENCODED_WORD.finditer(text):
        between = text[position : match.start()]
        if between and not (tokens and tokens[-1][0] and between.isspace()):
            tokens.append(("", "", between))
        charset = charsets.normalise_charset(match.group(1)) or "us-ascii"
        tokens.append((charset, match.group(2).upper(), match.group(3)))
        position = match.end()
    if not tokens:
        return text
    tail = text[position:]
    if tail:
        tokens.append(("", "", tail))

    out: list[str] = []
    i = 0
    while i < len(tokens):
        charset = tokens[i][0]
        if not charset:
            out.append(tokens[i][2])
            i += 1
            continue
        group_end = i
        while group_end < len(tokens) and tokens[group_end][0] == charset:
            group_end += 1
        data = _word_bytes(tokens[i:group_end], charset, defects, where)
        decoded = charsets.decode(data, charset)
        if decoded.lossy and defects is not None:
            defects.append(f"{where} (RFC 2047): {decoded.label}")
        elif decodings is not None and not _plain_decoding(charset, decoded.codec):
            decodings.append(f"{where} (RFC 2047): {decoded.label}")
        out.append(decoded.text)
        i = group_end
    return "".join(out)


def _plain_decoding(charset: str, codec: str) -> bool:
    """True when a header decoding is too ordinary to be worth recording."""
    return codec in ("ascii", "utf_8", "iso2022_jp") or charset.replace("-", "_") == codec


def _word_bytes(
    words: Sequence[tuple[str, str, str]], charset: str, defects: list[str] | None, where: str
) -> bytes:
    out = bytearray()
    i = 0
    while i < len(words):
        if words[i][1] == "B":
            run_end = i
            while run_end < len(words) and words[run_end][1] == "B":
                run_end += 1
            payloads = [w[2].strip().encode("ascii", "ignore") for w in words[i:run_end]]
            out += _b_words(payloads, charset, defects, where)
            i = run_end
        else:
            out += binascii.a2b_qp(words[i][2].encode("utf-8", "surrogateescape"), header=True)
            i += 1
    return bytes(out)


def _b_words(payloads: list[bytes], charset: str, defects: list[str] | None, where: str) -> bytes:
    """The bytes of consecutive B-encoded words in one charset.

    Words are normally complete base64 each, but some encoders cut one base64 stream
    into words anywhere; when words are not whole quanta, whichever reading decodes
    strictly in the declared charset wins.
    """
    per_word = b"".join(_lenient_b64(p, None, where) for p in payloads)
    if all(len(p) % 4 == 0 for p in payloads):
        return per_word
    joined = b"".join(payloads)
    stream = _lenient_b64(b"".join(p.rstrip(b"=") for p in payloads), None, where)
    # Joined, the words are one whole base64 stream (padding only at its end): an
    # encoder cut it anywhere. That is the only evidence in a single-byte charset,
    # where the words read one by one decode too, into junk.
    # Words that each lost their padding ("QQ" "QQ") can join into a whole stream too,
    # but its text then carries control characters.
    whole = len(joined) % 4 == 0 and b"=" not in joined.rstrip(b"=")
    as_stream = charsets.strict_decode(stream, charset)
    if as_stream is not None and (
        (whole and not _CONTROLS.search(as_stream))
        or charsets.strict_decode(per_word, charset) is None
    ):
        if defects is not None:
            defects.append(f"{where}: base64 cut across encoded words")
        return stream
    if defects is not None:
        defects.append(f"{where}: bad base64 padding in an encoded word")
    return per_word


def _addresses(
    value: str | None, where: str, decodings: list[str], defects: list[str]
) -> tuple[Address, ...]:
    if not value:
        return ()
    text = _raw_header_text(value, where, decodings, defects)
    result: list[Address] = []
    for name, addr in _simple_addresses(text) or getaddresses([text]):
        email = addr.strip().lower()
        if not email:
            continue
        if "=?" in name:
            name = _decode_words(name, where, decodings, defects)
        result.append(Address(_SPACES.sub(" ", name).strip(), email))
    return tuple(result)


def _simple_addresses(text: str) -> list[tuple[str, str]] | None:
    """The common forms ("Name <a@b>", "a@b", lists of them) without getaddresses,
    which costs more than the rest of a simple mail's parse; None for anything else."""
    if _ADDRESS_SPECIALS.search(text):
        return None
    pairs: list[tuple[str, str]] = []
    for item in text.split(","):
        if not item.strip():
            continue
        match = _SIMPLE_MAILBOX.fullmatch(item)
        if match is None:
            return None
        pairs.append((match.group(1) or "", match.group(2) or match.group(3)))
    return pairs


def _recipients(
    raw_headers: Iterable[tuple[str, object]],
    raw_first: dict[str, str],
    seen: dict[str, int],
    key: str,
    decodings: list[str],
    defects: list[str],
) -> tuple[Address, ...]:
    """To or Cc; a broken mailer's second To header adds to the first (both were meant)."""
    if seen.get(key, 0) <= 1:
        return _addresses(raw_first.get(key), key, decodings, defects)
    merged: list[Address] = []
    for name, value in raw_headers:
        if name.strip().lower() == key:
            for address in _addresses(str(value), key, decodings, defects):
                if address not in merged:
                    merged.append(address)
    return tuple(merged)


def _return_path(value: str | None, decodings: list[str], defects: list[str]) -> str | None:
    if value is None:
        return None
    text = _raw_header_text(value, "return-path", decodings, defects).strip()
    match = _ANGLE_ADDR.search(text)
    address = match.group(1) if match else text
    return address.strip().lower()


def _pick_sender(
    from_list: tuple[Address, ...],
    sender_list: tuple[Address, ...],
    return_path: str | None,
    defects: list[str],
) -> Address | None:
    for address in from_list:
        if "@" in address.email:
            return address
    if sender_list and "@" in sender_list[0].email:
        defects.append("no usable From address: using Sender")
        return sender_list[0]
    if return_path and "@" in return_path:
        defects.append("no usable From address: using Return-Path")
        return Address("", return_path)
    if from_list:
        # "MAILER-DAEMON" without a domain is still a sender a bounce can be tied to.
        defects.append(f"From address without a domain: {from_list[0].email}")
        return from_list[0]
    return None


def _first_id(value: str) -> str:
    ids = _all_ids(value)
    if ids:
        return ids[0]
    # No "@" at all: still the sender's id for this message, as long as it is one token.
    tokens = value.replace("<", " ").replace(">", " ").split()
    return tokens[0] if len(tokens) == 1 else ""


def _all_ids(value: str) -> tuple[str, ...]:
    """Every message id in a Message-ID, In-Reply-To or References value, in order.

    Bracketed ids are taken as they are (folding whitespace inside removed); bare
    tokens with an "@" are taken too, because some clients drop the brackets.
    """
    ids: list[str] = []
    for match in _MSGID.finditer(value):
        mid = "".join((match.group(1) or match.group(2)).split())
        if mid and mid not in ids:
            ids.append(mid)
    return tuple(ids)


def _synthetic_id(raw: bytes) -> str:
    """A Message-ID for mail that has none, from the whole message: two different mails
    never share it (an attachment, an HTML variant, one header apart), so only a copy of
    the same bytes is a duplicate. Line endings are normalised first: the same mail
    fetched over IMAP (CRLF) and read from a file (LF) is one message."""
    digest = hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()
    return f"synthetic.{digest[:32]}@ticketing.invalid"


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    # The usual "Wed, 01 May 2024 10:00:00 +0900" directly: parsedate_to_datetime costs
    # as much as everything else in a header.
    match = _COMMON_DATE.match(value)
    if match:
        day, month, year, hour, minute, second, sign, tz_hours, tz_minutes = match.groups()
        month_number = _MONTHS.get(month.lower())
        offset = int(tz_hours) * 60 + int(tz_minutes)
        if month_number and (offset or sign == "+"):
            try:
                return datetime(
                    int(year),
                    month_number,
                    int(day),
                    int(hour),
                    int(minute),
                    int(second or 0),
                    tzinfo=_timezone(-offset if sign == "-" else offset),
                )
            except ValueError:
                pass
    try:
        return parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@lru_cache(maxsize=64)
def _timezone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def _language(subject: str, text: str) -> str:
    """Return "ja" when kana (and kanji) carry a fair share of the words.

    A kana counts as three Latin letters and a kanji as one (kanji alone could be
    Chinese), so a Japanese sentence full of English product names stays "ja", while an
    English mail signed "山田 太郎 / 株式会社サンプル" stays "en".
    """
    sample = f"{subject}\n{text[:4000]}"
    if sample.isascii():
        return "en"
    # Counted on the UTF-8 bytes with bytes.count: regexes over non-ASCII str cost more
    # than the rest of a parse. Kana is U+3041-U+30FF (E3 81..83 xx), kanji lead bytes
    # E4-E9 (U+4000-U+9FFF).
    data = sample.encode("utf-8", "surrogatepass")
    kana = sum(data.count(prefix) for prefix in _KANA_PREFIXES)
    if kana == 0:
        return "en"  # kanji alone is as likely Chinese; Japanese prose always has kana
    kanji = sum(data.count(lead) for lead in _KANJI_LEADS)
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return "ja" if 3 * kana + kanji >= latin else "en"


# -- MIME parameters (RFC 2045, RFC 2231) --------------------------------------------


def _parse_params(value: str | None) -> tuple[str, dict[str, str]]:
    """(lower-cased main value, {lower-cased name: decoded value}) of a MIME header."""
    if not value:
        return "", {}
    value = _unfold(value)
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    sections: dict[str, list[tuple[int, bool, str]]] = {}
    for match in _PARAM.finditer(";" + rest):
        name = match.group(1).lower()
        raw = match.group(2).strip()
        if raw.startswith('"'):
            raw = raw[1:-1] if len(raw) > 1 and raw.endswith('"') else raw[1:]
            # Only \\ and \" are unescaped: senders put unescaped Windows paths here.
            raw = raw.replace('\\"', '"').replace("\\\\", "\\")
        if "*" in name:
            base, _, index = name.partition("*")
            number = index.rstrip("*")
            position = int(number) if number.isdigit() and len(number) < 5 else 0
            sections.setdefault(base, []).append((position, index.endswith("*") or not index, raw))
        else:
            params.setdefault(name, raw)
    for base, parts in sections.items():
        params[base] = _rfc2231_value(parts)
    return main.strip().lower(), params


def _rfc2231_value(parts: list[tuple[int, bool, str]]) -> str:
    parts.sort(key=lambda part: part[0])
    charset: str | None = None
    data = bytearray()
    for number, (_, encoded, text) in enumerate(parts):
        if encoded:
            if number == 0 and text.count("'") >= 2:
                charset, _, text = text.split("'", 2)
            data += unquote_to_bytes(text.encode("utf-8", "surrogateescape"))
        else:
            data += text.encode("utf-8", "surrogateescape")
    return charsets.decode(bytes(data), charset or None).text


def _param_text(value: str | None, decodings: list[str], defects: list[str]) -> str | None:
    """A parameter value for display: raw 8-bit and (non-standard) RFC 2047 decoded."""
    if value is None:
        return None
    text = _raw_header_text(value, "filename", decodings, defects)
    if "=?" in text:
        text = _decode_words(text, "filename", decodings, defects)
    return text.strip()


# -- body --------------------------------------------------------------------------------


@dataclass
class _Budget:
    max_parts: int
    max_part_bytes: int
    parts: int = 0
    inner_messages: int = 0
    cut: bool = False  # the skeleton was cut to max_parts already (and noted)
    notes: list[str] = field(default_factory=list)  # InboundEmail.limited


@dataclass
class _Leaf:
    filename: str | None
    content_type: str
    data: bytes
    content_id: str | None
    disposition: str
    text: str | None = None
    path: str = ""  # the part number, see `_part_number`
    # Decided by the message the leaf belongs to (its HTML's cid: references), so a
    # forwarded message's inline image is inline there; None until then.
    inline: bool | None = None


@dataclass
class _Collector:
    budget: _Budget
    decodings: list[str]
    defects: list[str]
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    leaves: list[_Leaf] = field(default_factory=list)
    delivery_status: list[str] = field(default_factory=list)
    original_headers: list[str] = field(default_factory=list)

    def branch(self) -> _Collector:
        """A collector for one alternative: its own body and leaves, the shared records."""
        return _Collector(
            self.budget,
            self.decodings,
            self.defects,
            delivery_status=self.delivery_status,
            original_headers=self.original_headers,
        )


def _part_number(path: str, index: int) -> str:
    """The number of the `index`-th (1-based) part under `path`, as IMAP numbers MIME
    parts (RFC 9051 section 6.4.5): "2" is the message's second part, "2.1" the first
    part of the message forwarded as part 2 (or its body, when that is not multipart);
    a mail that is not multipart has one part, "1"."""
    return f"{path}.{index}" if path else str(index)


def _walk(
    part: Message,
    depth: int,
    out: _Collector,
    hdrs: dict[str, str] | None = None,
    path: str = "",
    root: bool = True,
) -> None:
    """Collect `part`: its text into the body, everything else into leaves.

    `path` is the part's number; `root` says `part` is a message (the mail, or one
    forwarded in it) rather than a part of one: its children are numbered under
    `path` all the same, but a message that is not multipart is its own part 1."""
    budget = out.budget
    budget.parts += 1
    if budget.parts > budget.max_parts:
        if budget.parts == budget.max_parts + 1 and not budget.cut:
            budget.notes.append(
                f"more than {budget.max_parts:,} MIME parts: the first {budget.max_parts:,} "
                "unpacked (max_parts), the rest kept only in the raw message"
            )
        return
    if hdrs is None:
        hdrs = _part_headers(part)
    content_type, params = _parse_params(hdrs.get("content-type"))
    if content_type.count("/") == 1 and content_type.isascii():
        ctype = content_type
    else:
        ctype = part.get_default_type()
    for defect in part.defects:
        name = type(defect).__name__
        out.defects.append(f"{ctype}: {_DEFECT_TEXT.get(name, name)}")
    number = _part_number(path, 1) if root else path

    if part.is_multipart():
        payload = part.get_payload()
        children = (
            [c for c in payload if isinstance(c, Message)] if isinstance(payload, list) else []
        )
        if ctype.startswith("message/"):
            _message_part(hdrs, params, ctype, children, depth, out, number)
        elif depth >= _MAX_DEPTH:
            out.defects.append(f"MIME nesting deeper than {_MAX_DEPTH}: kept as an attachment")
            size = _tree_size(part)
            if size > out.budget.max_part_bytes:
                _over_size(out, ctype, hdrs, params, size)
            else:
                out.leaves.append(
                    _Leaf(None, ctype, _part_bytes(part), None, "attachment", path=number)
                )
        elif ctype == "multipart/alternative":
            _alternative(children, depth, out, path)
        else:
            for index, child in enumerate(children, 1):
                _walk(child, depth + 1, out, path=_part_number(path, index), root=False)
        return
    if ctype.startswith("multipart/"):
        guessed = _guess_multipart(part, ctype, out.defects)
        if guessed is not None and depth < _MAX_DEPTH:
            _walk(guessed, depth + 1, out, path=path, root=root)
            return
        ctype = "text/plain"
    _leaf(part, hdrs, ctype, params, out, number)


def _alternative(children: list[Message], depth: int, out: _Collector, path: str) -> None:
    branches = []
    for index, child in enumerate(children, 1):
        branch = out.branch()
        _walk(child, depth + 1, branch, path=_part_number(path, index), root=False)
        branches.append(branch)
    plain = next((b for b in branches if any(p.strip() for p in b.plain)), None)
    rich = next((b for b in reversed(branches) if b.html), None)
    if plain is not None:
        out.plain.extend(plain.plain)
    if rich is not None:
        out.html.extend(rich.html)
    for branch in branches:
        out.leaves.extend(branch.leaves)


def _message_part(
    hdrs: dict[str, str],
    params: dict[str, str],
    ctype: str,
    children: list[Message],
    depth: int,
    out: _Collector,
    number: str,
) -> None:
    if ctype in _FIELD_BLOCK_TYPES:
        blocks = [
            "\n".join(f"{k}: {_safe_text(_unfold(str(v)))}" for k, v in c.raw_items())
            for c in children
        ]
        fields = "\n\n".join(blocks)
        if "delivery-status" in ctype:
            out.delivery_status.append(fields)
        data = fields.encode("utf-8", "surrogateescape")
        out.leaves.append(_Leaf(None, ctype, data, None, "", path=number))
        return
    disposition, disposition_params = _parse_params(hdrs.get("content-disposition"))
    filename = _filename(disposition_params, params, out)
    if not children:
        out.leaves.append(_Leaf(filename, ctype, b"", None, disposition, path=number))
        return
    inner = children[0]
    # Kept even when the message is too large to unpack: a bounce names the original by them.
    out.original_headers.append(
        "\n".join(f"{k}: {_safe_text(_unfold(str(v)))}" for k, v in inner.raw_items())
    )
    size = _tree_size(inner)
    if size > out.budget.max_part_bytes:
        _over_size(out, ctype, hdrs, params, size)
        return
    # The forwarded message is listed before what it holds: "2" above "2.2".
    leaf = _Leaf(filename, ctype, _message_bytes(inner), None, disposition, path=number)
    out.leaves.append(leaf)
    leaf.text = _inner_message(inner, depth + 1, out, number)


def _inner_message(inner: Message, depth: int, out: _Collector, number: str) -> str | None:
    """Unpack a message forwarded as part `number`: its attachments join the mail's
    (numbered under `number`), and its text comes back as agents read it, its main
    headers then its body (None past `_MAX_INNER_MESSAGES`: the text of a mail that
    forwards hundreds of messages is not worth decoding, their files still are)."""
    out.budget.inner_messages += 1
    with_text = out.budget.inner_messages <= _MAX_INNER_MESSAGES
    if depth >= _MAX_DEPTH:
        return None
    decodings: list[str] = []
    defects: list[str] = []
    collector = _Collector(out.budget, decodings, defects)
    _walk(inner, depth, collector, path=number, root=True)
    _decide_inline(collector)
    out.leaves.extend(collector.leaves)
    text = None
    if with_text:
        lines: list[str] = []
        inner_headers = _part_headers(inner)
        for key in ("from", "to", "cc", "date", "subject"):
            value = inner_headers.get(key)
            if value is not None:
                decoded = _SPACES.sub(" ", _decode_header(value, key, decodings, defects))
                lines.append(f"{_display_name(key)}: {decoded.strip()}")
        text = "\n".join(lines) + "\n\n" + _body_text(collector)
    out.decodings.extend(f"message/rfc822 > {d}" for d in decodings)
    out.defects.extend(f"message/rfc822 > {d}" for d in defects)
    return text


def _decide_inline(body: _Collector) -> None:
    """Mark the leaves of one message inline (part of its HTML, not a file the sender
    attached): referenced by a cid: URL from its HTML, or an image sent inline."""
    raw_html = "\n".join(body.html) if body.html else None
    referenced = {unquote(c).lower() for c in _CID_REF.findall(raw_html)} if raw_html else set()
    for leaf in body.leaves:
        if leaf.inline is None:
            leaf.inline = bool(leaf.content_id and leaf.content_id.lower() in referenced) or (
                leaf.disposition == "inline" and leaf.content_type.startswith("image/")
            )


def _leaf(
    part: Message,
    hdrs: dict[str, str],
    ctype: str,
    params: dict[str, str],
    out: _Collector,
    number: str,
) -> None:
    cte = (hdrs.get("content-transfer-encoding") or "").split(";")[0].strip().lower()
    size = _decoded_size(part, cte)
    if size > out.budget.max_part_bytes:
        _over_size(out, ctype, hdrs, params, size)
        return
    data = _payload_bytes(part, cte, ctype, out.defects)
    disposition, disposition_params = _parse_params(hdrs.get("content-disposition"))
    filename = _filename(disposition_params, params, out)
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and filename is None:
        _body_part(data, ctype, params, out, number)
        return
    if filename is None and cte in _UUENCODE:
        filename = _uu_name(part, out)
    content_id = hdrs.get("content-id")
    cid = None
    if content_id:
        cid = _raw_header_text(content_id, "content-id", out.decodings, out.defects)
        cid = cid.strip().strip("<>").strip() or None
    leaf = _Leaf(filename, ctype, data, cid, disposition, path=number)
    out.leaves.append(leaf)
    if ctype == "text/rfc822-headers":
        out.original_headers.append(charsets.decode(data, params.get("charset")).text)
    elif ctype in ("message/rfc822", "message/global") and data:
        # An encoded message/rfc822 (not allowed, but sent) was not parsed as a message.
        leaf.text = _inner_message(_PARSER.parsebytes(data), 1, out, number)


def _uu_name(part: Message, out: _Collector) -> str | None:
    """The name on the begin line of a part sent with a uuencode transfer encoding."""
    begin = _UU_BEGIN.search(_raw_payload(part) or b"")
    if begin is None:
        return None
    return _param_text(
        begin.group(1).decode("ascii", "surrogateescape"), out.decodings, out.defects
    )


def _body_part(
    data: bytes, ctype: str, params: dict[str, str], out: _Collector, number: str
) -> None:
    """A text/plain or text/html part of the body, decoded into `out`; files
    uuencoded in a plain one become leaves numbered "N.uu1", "N.uu2"..."""
    if ctype == "text/plain":
        data, files = uuencode.extract(data)
        for index, found in enumerate(files, 1):
            name = _param_text(
                found.name.decode("ascii", "surrogateescape"), out.decodings, out.defects
            )
            content_type = filenames.content_type_for(name or "")
            out.leaves.append(
                _Leaf(
                    name or None,
                    content_type,
                    found.data,
                    None,
                    "attachment",
                    path=f"{number}.uu{index}",
                )
            )
    charset = params.get("charset")
    where = ctype
    if ctype == "text/html" and not charset:
        sniffed = _META_CHARSET.search(data[:4096])
        if sniffed:
            charset = sniffed.group(1).decode("ascii")
            where = "text/html (meta charset)"
    decoded = charsets.decode(data, charset)
    out.decodings.append(f"{where}: {decoded.label}")
    if decoded.lossy:
        out.defects.append(f"{where}: {decoded.label}")
    if decoded.codec == charsets.RAW:
        # No charset reads it as text: its bytes are kept, as they came, next to a
        # body that shows only its ASCII (never a guessed code page's mojibake).
        kept = "undecoded-part.html" if ctype == "text/html" else "undecoded-part.txt"
        out.leaves.append(
            _Leaf(kept, "application/octet-stream", data, None, "attachment", path=number)
        )
    body = _newlines(decoded.text)
    if ctype == "text/html":
        out.html.append(body)
    else:
        if params.get("format", "").lower() == "flowed":
            body = _unflow(body, params.get("delsp", "").lower() == "yes")
        out.plain.append(body)


def _over_size(
    out: _Collector, ctype: str, hdrs: dict[str, str], params: dict[str, str], size: int
) -> None:
    """Note a part not unpacked because of its decoded size (max_part_bytes)."""
    disposition_params = _parse_params(hdrs.get("content-disposition"))[1]
    filename = _filename(disposition_params, params, out)
    what = f"attachment {filename!r} ({ctype})" if filename else f"{ctype} part"
    out.budget.notes.append(
        f"{what} of about {_megabytes(size)} decoded is over max_part_bytes "
        f"({_megabytes(out.budget.max_part_bytes)}): not unpacked, kept only in the raw message"
    )


def _newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _part_headers(part: Message) -> dict[str, str]:
    """The first raw value of each header of one MIME part, by lower-cased name."""
    found: dict[str, str] = {}
    for key, value in part.raw_items():
        found.setdefault(key.lower(), value if isinstance(value, str) else str(value))
    return found


def _filename(
    disposition: dict[str, str], content_type: dict[str, str], out: _Collector
) -> str | None:
    value = disposition.get("filename") or content_type.get("name")
    return _param_text(value, out.decodings, out.defects) or None


def _raw_payload(part: Message) -> bytes | None:
    """The part's body bytes exactly as they were on the wire, or None for a multipart.

    compat32 keeps 8-bit bytes as surrogate escapes in the private `_payload`; the public
    `get_payload()` would decode them with errors="replace" (invariant 6).
    """
    payload = getattr(part, "_payload", None)
    if not isinstance(payload, str):
        return None
    return _restore_lifted(payload.encode("ascii", "surrogateescape"))


def _payload_bytes(part: Message, cte: str, where: str, defects: list[str]) -> bytes:
    if cte == "base64":
        view = _lifted_view(part)
        if view is not None:
            try:
                # Non-strict decoding skips the line breaks without copying the text.
                return binascii.a2b_base64(view)
            except binascii.Error:
                return _decode_base64(bytes(view), defects, where)
    raw = _raw_payload(part)
    if raw is None:
        return b""
    if cte in ("", "7bit", "8bit", "binary"):
        return raw
    if cte == "base64":
        return _decode_base64(raw, defects, where)
    if cte == "quoted-printable":
        return binascii.a2b_qp(raw)
    if cte in _UUENCODE:
        return _decode_uu(raw, defects, where)
    defects.append(f"{where}: unknown Content-Transfer-Encoding {cte!r}, kept as is")
    return raw


def _decode_base64(raw: bytes, defects: list[str], where: str) -> bytes:
    compact = raw.translate(None, b" \t\r\n")
    try:
        return binascii.a2b_base64(compact, strict_mode=True)
    except binascii.Error:
        pass
    if not raw.isascii() or len(_B64_JUNK.findall(compact)) * 10 > len(compact):
        defects.append(f"{where}: declared base64 but is not; kept as is")
        return raw
    return _lenient_b64(compact, defects, where)


def _lenient_b64(data: bytes, defects: list[str] | None, where: str) -> bytes:
    """Decode base64 with junk, missing or misplaced padding, or a stray final character."""
    try:
        return binascii.a2b_base64(data, strict_mode=True)
    except binascii.Error:
        pass
    cleaned = _B64_JUNK.sub(b"", data)
    problems: list[str] = []
    if len(cleaned) != len(data):
        problems.append("characters outside the base64 alphabet skipped")
    pieces = [piece for piece in cleaned.split(b"=") if piece]
    if len(pieces) > 1:
        problems.append("base64 padding inside the data")
    elif len(cleaned) % 4:
        problems.append("bad base64 padding or length")
    out = bytearray()
    for piece in pieces:
        remainder = len(piece) % 4
        if remainder == 1:
            piece = piece[:-1]  # a lone sextet cannot carry a byte
        elif remainder:
            piece += b"=" * (4 - remainder)
        out += binascii.a2b_base64(piece)
    if problems and defects is not None:
        defects.append(f"{where}: {'; '.join(problems)}")
    return bytes(out)


def _decode_uu(raw: bytes, defects: list[str], where: str) -> bytes:
    out = bytearray()
    started = False
    for line in raw.splitlines():
        if not started:
            started = line.startswith(b"begin ")
            continue
        if line.strip() == b"end":
            break
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            # Some encoders drop trailing spaces: decode just what the length byte says.
            count = (((line[0] - 32) & 63) * 4 + 5) // 3 if line else 0
            try:
                out += binascii.a2b_uu(line[:count])
            except binascii.Error:
                defects.append(f"{where}: bad uuencoded line skipped")
    return bytes(out)


def _guess_multipart(part: Message, ctype: str, defects: list[str]) -> Message | None:
    """Re-split a multipart whose boundary parameter is missing or wrong."""
    raw = _raw_payload(part)
    if raw is None:
        return None
    payload = raw.decode("ascii", "surrogateescape")  # bytes back exactly, for re-parsing
    for match in _BOUNDARY_LINE.finditer(payload):
        after = payload[match.end() : match.end() + 200].lstrip("\r\n")
        if not after[:40].lower().startswith("content-"):
            continue
        boundary = match.group(1)
        head = f'Content-Type: {ctype}; boundary="{boundary}"\r\n\r\n'
        rebuilt = _PARSER.parsebytes(head.encode("ascii", "surrogateescape") + raw)
        if rebuilt.is_multipart():
            defects.append(f"{ctype}: boundary guessed from the body ({boundary!r})")
            return rebuilt
        return None
    return None


def _part_bytes(part: Message) -> bytes:
    raw = _raw_payload(part)
    return raw if raw is not None else _message_bytes(part)


def _message_bytes(msg: Message) -> bytes:
    """An attached message's bytes, regenerated: compat32 keeps no offsets into the raw."""
    try:
        return _restore_lifted(msg.as_bytes(policy=_GENERATOR_POLICY))
    except (LookupError, UnicodeError, ValueError, TypeError, MessageError):
        pass
    # The generator chokes on some broken headers; the text form is close enough for
    # an attachment, and the raw mail is stored whole anyway.
    try:
        return msg.as_string(policy=_GENERATOR_POLICY).encode("utf-8", "surrogateescape")
    except (LookupError, UnicodeError, ValueError, TypeError, MessageError):
        return b""


def _unflow(text: str, delsp: bool) -> str:
    """Join RFC 3676 format=flowed lines; with DelSp=yes the joining space goes too."""
    out: list[str] = []
    paragraph: list[str] = []
    depth = -1
    for line in text.split("\n"):
        quote = len(line) - len(line.lstrip(">"))
        content = line[quote:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        flowed = content.endswith(" ") and content != "-- "
        if paragraph and quote != depth:
            out.append(_quote_prefix(depth) + "".join(paragraph))
            paragraph = []
        depth = quote
        paragraph.append(content[:-1] if flowed and delsp else content)
        if not flowed:
            out.append(_quote_prefix(depth) + "".join(paragraph))
            paragraph = []
    if paragraph:
        out.append(_quote_prefix(depth) + "".join(paragraph))
    return "\n".join(out)


def _quote_prefix(depth: int) -> str:
    return ">" * depth + " " if depth > 0 else ""


def _sanitise_html(raw_html: str, defects: list[str]) -> str | None:
    # The sanitiser's time grows with the square of block nesting: a hostile mail of
    # 50,000 nested <div>s would hold a worker for a minute. Counting "<" first keeps
    # ordinary mail off the slower check.
    if raw_html.count("<") > 1000 and _block_depth(raw_html) > _MAX_HTML_DEPTH:
        defects.append(f"text/html: blocks nested over {_MAX_HTML_DEPTH} deep, HTML not kept")
        return None
    return _HTML_CLEANER.clean(raw_html)


def _block_depth(html: str) -> int:
    depth = deepest = 0
    for match in _BLOCK_TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _body_text(body: _Collector) -> str:
    """The text/plain parts; converted HTML when there is no text/plain worth the name."""
    plain = "\n".join(body.plain)
    if plain.strip() or not body.html:
        return plain
    return html_to_text("\n".join(body.html))


def _assemble(body: _Collector) -> tuple[str, str | None, tuple[ParsedAttachment, ...]]:
    text = _body_text(body)
    raw_html = "\n".join(body.html) if body.html else None
    html = _sanitise_html(raw_html, body.defects) if raw_html is not None else None
    _decide_inline(body)
    attachments = []
    unnamed = 0
    for leaf in body.leaves:
        name = filenames.safe_name(leaf.filename)
        if leaf.filename and name != leaf.filename.strip():
            # Recorded where agents see how a mail was read (`tickets show --trace`): the
            # raw message keeps the name as sent.
            shown = name or "(nothing usable)"
            body.decodings.append(
                f"attachment {leaf.path} name {leaf.filename!r}: reduced to {shown!r}"
            )
        if not name:
            unnamed += 1
            name = filenames.generated_name(unnamed, leaf.content_type)
        attachments.append(
            ParsedAttachment(
                filename=name,
                content_type=leaf.content_type,
                data=leaf.data,
                sha256=hashlib.sha256(leaf.data).hexdigest(),
                inline=bool(leaf.inline),
                content_id=leaf.content_id,
                text=leaf.text,
                path=leaf.path,
            )
        )
    return text, html, tuple(attachments)


# -- HTML to text --------------------------------------------------------------------------


def html_to_text(html: str) -> str:
    """Readable text from an HTML body: paragraphs, line breaks, lists, "text (url)" links.

    Blockquotes come out "> "-quoted, so `trim_quoted` recognises Gmail's and Outlook's
    quoted history in HTML-only mail too.
    """
    converter = _HTMLText()
    try:
        converter.feed(html)
        converter.close()
    except (AssertionError, ValueError):
        pass  # HTMLParser gives up on some broken markup; keep what it produced
    return converter.result()


_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "xml"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr", "dl"}
)
_LINE_TAGS = frozenset(
    {"div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address", "center"}
)
_HTML_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _HTMLText(HTMLParser):
    """Collects lines with their blockquote depth. Breaks are applied lazily, at the
    next text, so a paragraph opening a blockquote starts a line carrying its depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.current: list[str] = []
        self.current_depth = 0
        self.pending = 0  # 1: line break, 2: blank line, before the next text
        self.skip = 0
        self.pre = 0
        self.quote = 0
        self.links: list[tuple[str, list[str]]] = []
        self.lists: list[list[int]] = []  # per open list: [counter] if ordered, else []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag == "br":
            self._line_break()
        elif tag in _PARAGRAPH_TAGS:
            self.pending = 2
        elif tag in _LINE_TAGS:
            self.pending = max(self.pending, 1)
        if tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
        elif tag in ("ul", "ol"):
            self.lists.append([0] if tag == "ol" else [])
        elif tag == "li":
            counter = self.lists[-1] if self.lists else []
            if counter:
                counter[0] += 1
            self._emit(f"{counter[0]}. " if counter else "- ")
        elif tag in ("td", "th") and self.current:
            self._emit(" ")
        elif tag == "a":
            self.links.append(((dict(attrs).get("href") or "").strip(), []))
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self._emit(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "a" and self.links:
            href, texts = self.links.pop()
            label = "".join(texts).strip()
            target = href[7:] if href.lower().startswith("mailto:") else href
            linkable = href.lower().startswith(("http:", "https:", "mailto:"))
            if linkable and target and target not in label:
                self._emit(f" ({target})" if label else target)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in _PARAGRAPH_TAGS:
            self.pending = 2
        elif tag in _LINE_TAGS:
            self.pending = max(self.pending, 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            for index, chunk in enumerate(_LINE_BREAKS.split(data)):
                if index:
                    self._line_break()
                if chunk:
                    self._emit(chunk)
            return
        self._emit(_HTML_SPACES.sub(" ", data))

    def _emit(self, text: str) -> None:
        if self.pending and (self.current or self.lines):
            self._end_line()
            if self.pending == 2 and self.lines and self.lines[-1][1]:
                self.lines.append((min(self.quote, self.lines[-1][0]), ""))
        self.pending = 0
        if not self.current:
            text = text.lstrip(" ")
            if not text:
                return
            self.current_depth = self.quote
        self.current.append(text)
        for _, texts in self.links:
            texts.append(text)

    def _line_break(self) -> None:
        if self.current:
            self._end_line()
            if self.pending:
                # "<div>a</div><br>": the block ended the line, the <br> adds an empty one
                self.lines.append((self.quote, ""))
        elif self.lines:
            self.lines.append((self.quote, ""))  # <br><br>: an empty line
        self.pending = 0

    def _end_line(self) -> None:
        if self.current:
            self.lines.append((self.current_depth, "".join(self.current).rstrip()))
            self.current = []

    def result(self) -> str:
        self._end_line()
        text = "\n".join(
            (("> " * min(depth, _MAX_QUOTE_PREFIX)) + line).rstrip() for depth, line in self.lines
        )
        return _BLANK_RUNS.sub("\n\n", text).strip()
