"""`tickets show` for people: the ticket's data (desk.ticket_detail) as lines of text.

The header comes first (subject, customer and account status, status, queue, priority,
assignee, SLA, invoice and amount, dispute and vendor case), then the conversation
oldest first, so the newest message is last, next to the prompt, with quoted history
folded; then the attachments and the audit trail. The routing's reasons come only with
`trace`. Every line fits `width` cells: long lines are wrapped, never cut (CJK counts two).
Pure: no I/O, no click; the CLI prints what this returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ticketing import display
from ticketing.desk_view import DeskClock

LABEL = 10  # the header's label column: "Customer  "
_MESSAGE_TYPES = ("message/rfc822", "message/global")


@dataclass(frozen=True)
class ShowOptions:
    width: int = 100
    trace: bool = False  # the routing's reasons, every rule tried, the charset decodings
    full: bool = False  # quoted history too
    # Colours a word by kind ("priority:high", "sla:over"); identity without colour.
    paint: Callable[[str, str], str] = lambda text, kind: text


def render_ticket(data: dict[str, Any], clock: DeskClock, options: ShowOptions) -> list[str]:
    lines: list[str] = []
    out = _Writer(lines, options.width)
    out.line(f"{data['ref']}  {data['subject']}")
    _header(out, data, clock, options)
    _routing(out, data, options)
    _conversation(out, data, clock, options)
    _attachments(out, data)
    _audit(out, data, clock)
    return lines


class _Writer:
    """Appends lines wrapped to the width; `label` lines get the header's indent."""

    def __init__(self, lines: list[str], width: int) -> None:
        self.lines = lines
        self.width = max(20, width)

    def line(self, text: str = "", indent: int = 0, first: str = "") -> None:
        """One line of text; a piece that does not fit goes on, indented by `indent`;
        `first` is put before the first piece."""
        text = display.line(text) if text else text
        room = self.width - max(len(first), indent)
        for i, piece in enumerate(_wrap(text, room)):
            self.lines.append((first if i == 0 else " " * indent) + piece)

    def label(self, name: str, text: str, *, clean: bool = False) -> None:
        """A header line; `clean`: the caller made stored text harmless itself (so that
        the colours it added survive)."""
        head = f"{name:<{LABEL}}"
        pieces = _wrap(text if clean else display.line(text), self.width - LABEL)
        for i, piece in enumerate(pieces):
            self.lines.append((head if i == 0 else " " * LABEL) + piece)

    def block(self, text: str, indent: int = 0) -> None:
        """Several lines of message text (controls made visible), each wrapped."""
        for raw in display.text(text).splitlines() or [""]:
            for piece in _wrap(raw, self.width - indent):
                self.lines.append(" " * indent + piece if piece else "")


def _wrap(text: str, width: int) -> list[str]:
    """`text` in pieces of at most `width` terminal cells, broken at spaces where it can."""
    from rich.cells import cell_len

    width = max(10, width)
    if cell_len(text) <= width:
        return [text]
    pieces: list[str] = []
    rest = text
    while rest:
        if cell_len(rest) <= width:
            pieces.append(rest)
            break
        cut = _fit(rest, width)
        space = rest.rfind(" ", 0, cut + 1)
        if space > cut // 3:
            cut = space
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return pieces


def _fit(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells."""
    from rich.cells import cell_len

    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > width:
            return max(1, i)
    return len(text)


# --- the header ------------------------------------------------------------------------


def _header(out: _Writer, data: dict[str, Any], clock: DeskClock, o: ShowOptions) -> None:
    safe = display.line
    customer = data.get("customer") or {}
    who = safe(data["requester"])
    name = (data.get("requester_address") or {}).get("name") or customer.get("name")
    if name:
        who = f"{safe(name)} <{who}>"
    status = customer.get("account_status")
    if status:
        who += f" · account {o.paint(safe(status), 'account:' + status)}"
    out.label("Customer", who, clean=True)
    assignee = safe(data["assignee"] or "nobody")
    priority = o.paint(safe(data["priority"]), "priority:" + data["priority"])
    out.label(
        "Ticket",
        f"{safe(data['status'])} · queue {safe(data['queue'])} · priority {priority} · "
        f"assigned to {assignee}",
        clean=True,
    )
    for kind, sla in data.get("sla", {}).items():
        state = sla_state(sla, clock)
        paint = "sla:over" if sla.get("breached") else "sla:ok"
        due = clock.when(sla["due_at"])
        out.label(
            "SLA" if kind == next(iter(data["sla"])) else "",
            f"{kind.replace('_', ' ')} due {due}: {o.paint(state, paint)}",
            clean=True,
        )
    fields = dict(data.get("fields") or {})
    invoice = fields.pop("invoice", None)
    amount = fields.pop("amount", None)
    currency = fields.pop("currency", None)
    if invoice or amount:
        money = f"{amount} {currency or ''}".strip() if amount else ""
        out.label("Invoice", " · ".join(x for x in (invoice, money) if x))
    for d in data.get("disputes", []):
        credit = f", credit {d['credit']} {d['currency']}" if d["credit"] else ""
        out.label(
            "Dispute",
            f"invoice {d['invoice']}, {d['amount']} {d['currency']}, {d['status']}{credit}",
        )
    for case in data.get("vendor_cases", []):
        out.label(
            "Vendor",
            f"case {case['case_number']}: {case['status']} (opened "
            f"{clock.when(case['created_at'])}, updated {clock.when(case['updated_at'])})",
        )
    if data.get("tags"):
        out.label("Tags", ", ".join(data["tags"]))
    if fields:
        out.label("Fields", ", ".join(f"{k}={v}" for k, v in fields.items()))
    out.label(
        "Opened",
        f"{clock.full(data['created_at'])} · updated {clock.when(data['updated_at'])} · "
        f"{data['message_count']} messages",
    )
    if data.get("merged_into"):
        out.label("Merged", f"into ticket {data['merged_into']}")


def sla_state(sla: dict[str, Any], clock: DeskClock) -> str:
    """ "running, 2 h 5 min to spare", "met at …", "stopped at …, over by 3 h 10 min"."""
    margin = sla["margin_seconds"]
    figure = f"over by {duration(-margin)}" if margin < 0 else f"{duration(margin)} to spare"
    if sla["state"] == "met":
        return f"met at {clock.when(sla['met_at'])}, {figure}"
    if sla["state"] == "stopped":
        return f"stopped at {clock.when(sla['stopped_at'])}, {figure}"
    return f"BREACHED, {figure}" if sla["breached"] else f"running, {figure}"


def duration(seconds: int) -> str:
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes // (24 * 60)} d {minutes // 60 % 24} h"


def model_lines(model: dict[str, Any] | None) -> list[str]:
    """The model's view of one mail for people: version, probabilities, telling features."""
    if not model:
        return []
    probabilities = sorted(model.get("probabilities", {}).items(), key=lambda kv: -kv[1])
    shown = ", ".join(f"{q} {p:.2f}" for q, p in probabilities)
    lines = [f"model {model.get('version', '?')}: {shown}"]
    features = [f"{f['feature']} {f['weight']:+.2f}" for f in model.get("top_features", [])]
    if features:
        lines.append(f"  toward {model.get('queue')}: " + ", ".join(features))
    return lines


def _routing(out: _Writer, data: dict[str, Any], o: ShowOptions) -> None:
    routing = data.get("routing") or {}
    if not routing:
        return
    rule = routing.get("matched_rule")
    by = "the model" if rule == "model" else f"rule {rule}" if rule else "default"
    model = routing.get("model") or {}
    confidence = (model.get("probabilities") or {}).get(routing.get("queue"))
    sure = f" ({confidence:.2f})" if isinstance(confidence, float) and rule == "model" else ""
    hint = "" if o.trace else "  (--trace: why)"
    out.label("Routing", f"queue {routing.get('queue')} by {by}{sure}{hint}")
    if routing.get("triage"):
        out.label("", f"needs triage: {routing['triage']}")
    if not o.trace:
        return
    for line in model_lines(model):
        out.line(line, indent=LABEL + 4, first=" " * LABEL)
    for step in routing.get("trace", []):
        mark = "✔" if step.get("matched") else "✘"
        skipped = f" (skipped: {step['skipped_reason']})" if step.get("skipped_reason") else ""
        out.line(f"{mark} {step.get('rule')}{skipped}", indent=LABEL + 2, first=" " * LABEL)
        for cond in step.get("conditions", []):
            held = "held" if cond.get("held") else "failed"
            text = f"{held}: {cond.get('condition')} {cond.get('detail') or ''}".rstrip()
            out.line(text, indent=LABEL + 6, first=" " * (LABEL + 4))


# --- the conversation, attachments, audit trail ---------------------------------------------


def _conversation(out: _Writer, data: dict[str, Any], clock: DeskClock, o: ShowOptions) -> None:
    from ticketing.desk_view import fold_quotes

    messages = data["messages"]
    out.line()
    out.line(f"Conversation ({len(messages)} messages, newest last)")
    for number, m in enumerate(messages, start=1):
        arrow = "→ customer" if m["direction"] == "out" else "← customer"
        out.line()
        out.line(f"── #{number} {clock.when(m['created_at'])} {arrow} · {m['from']}")
        if m["subject"] and m["subject"] != data["subject"]:
            out.line(f"   Subject: {m['subject']}", indent=12)
        text, folded = (
            (m["text"].rstrip(), 0) if o.full else fold_quotes(m["text"], m.get("new_text"))
        )
        out.block(text)
        if folded:
            out.line(f"  … {folded} quoted lines folded (--full shows them)")
        for d in m.get("decodings", []) if o.trace else []:
            out.line(f"  [decoded] {d}", indent=4)


def _attachments(out: _Writer, data: dict[str, Any]) -> None:
    if not any(m["attachments"] for m in data["messages"]):
        return
    out.line()
    out.line("Attachments")
    for number, message in enumerate(data["messages"], start=1):
        if message["attachments"]:
            out.line(f" #{number} {message['from']}", indent=4)
        for attachment in message["attachments"]:
            out.line(attachment_line(attachment, message["attachments"]), indent=4)


def attachment_line(attachment: dict[str, Any], siblings: list[dict[str, Any]]) -> str:
    """`  [attachment 2.2] invoice.pdf (application/pdf, 1234 bytes; in vendor.eml)`:
    the part number, and the forwarded messages it sits in, outermost first."""
    # A file name's line break (RFC 2231 %0A) must not forge the next line.
    name = display.line(attachment["filename"] or "")
    ctype = display.line(attachment["content_type"])
    path = attachment.get("path") or ""
    kind = "inline" if attachment.get("inline") else "attachment"
    label = f"{kind} {display.line(path)}" if path else kind
    containers = [
        display.line(other["filename"] or "")
        for other in siblings
        if other.get("path")
        and other["content_type"] in _MESSAGE_TYPES
        and path.startswith(other["path"] + ".")
    ]
    inside = f"; in {' > '.join(containers)}" if containers else ""
    return f"  [{label}] {name} ({ctype}, {attachment['size']} bytes{inside})"


def _audit(out: _Writer, data: dict[str, Any], clock: DeskClock) -> None:
    out.line()
    out.line("Audit trail")
    for e in data["events"]:
        detail = json.dumps(e["detail"], ensure_ascii=False) if e["detail"] else ""
        out.line(
            f"  {clock.when(e['created_at'])} {e['actor']}: {e['kind']} {detail}".rstrip(), indent=6
        )
