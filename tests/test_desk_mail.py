"""What agent actions put on the wire, as an SMTP sink receives it: recipients, headers,
threading into the customer's conversation, escaping of customer and agent text in HTML,
and no way for a customer to add a header."""

from __future__ import annotations

import base64

from tests.desk_support import Desk, html_of, text_of
from tests.servers import SmtpSink
from tests.support import OUR, mail


def test_agent_mail_is_threaded_escaped_and_cannot_be_given_headers(
    sink_desk: Desk, smtp_sink: SmtpSink
) -> None:
    desk = sink_desk
    # An encoded-word subject that decodes to a line break and a header of its own.
    evil = base64.b64encode(b"Invoice\r\nBcc: thief@attacker.example\r\nX-Evil: 1").decode()
    raw = mail(
        subject="placeholder",
        name="Taro <b>Yamada</b>",
        message_id="<orig@customer.example>",
        references="<root@customer.example>",
        body="Why was I charged twice? <script>alert(1)</script>",
        headers={"Cc": "hanako@customer.example"},
    ).replace(b"Subject: placeholder", f"Subject: =?utf-8?b?{evil}?=".encode())
    tid = desk.ingest(raw)
    body = "Thanks for waiting.\n\nWe found <img src=x onerror=alert(1)> & fixed it."
    desk.ok("tickets", "reply", str(tid), "--body", body, "--sign", "Sato")
    desk.ok("tickets", "escalate", str(tid), "--vendor-case", "CASE-9")
    desk.ok("tickets", "vendor-update", str(tid), "--status", "resolved")
    desk.ok("tickets", "resolve", str(tid), "--resolution", "Credit <b>issued</b>.\nLine 2")
    desk.ok("tickets", "note", str(tid), "internal only: never mailed")
    assert desk.json("outbox", "send") == {"sent": 4, "retried": 0, "failed": 0, "errors": []}

    received = smtp_sink.wait_for(4)
    ack, reply, escalated, resolved = (m.parsed() for m in received)
    for got, m in zip(received[1:], (reply, escalated, resolved), strict=True):
        assert sorted(got.rcpt_tos) == ["hanako@customer.example", "taro@customer.example"]
        assert got.mail_from == OUR
        assert m["To"] == "taro@customer.example" and m["Cc"] == "hanako@customer.example"
        assert m["From"].addresses[0].addr_spec == OUR
        assert m["In-Reply-To"] == "<orig@customer.example>"
        refs = str(m["References"]).split()
        assert refs[0] == "<root@customer.example>" and refs[-1] == "<orig@customer.example>"
        assert f"<{ack['Message-ID'].strip('<>')}>" in refs  # our acknowledgement is in the chain
        # Nothing the customer wrote became a header.
        assert m["Bcc"] is None and m["X-Evil"] is None
        assert "thief@attacker.example" not in got.rcpt_tos
        subject = str(m["Subject"])
        assert subject.startswith(f"[BILL-{tid}]") and "\n" not in subject and "\r" not in subject
        assert m["X-Auto-Response-Suppress"] == "All"
        assert "internal only" not in text_of(m)
    assert "Bcc" not in ack and ack["X-Evil"] is None
    # Text parts carry the words as written; HTML parts escape customer and agent text.
    assert "<img src=x onerror=alert(1)> & fixed it." in text_of(reply)
    assert "Kind regards,\nSato" in text_of(reply)
    html = html_of(reply)
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; fixed it." in html
    assert "<img" not in html and "<script>" not in html
    assert "Taro &lt;b&gt;Yamada&lt;/b&gt;" in html and "<b>Yamada</b>" not in html
    assert '<html lang="en">' in html
    assert "CASE-9" in text_of(escalated)
    assert "Credit &lt;b&gt;issued&lt;/b&gt;.<br>" in html_of(resolved)
    assert "Credit <b>issued</b>." in text_of(resolved)
