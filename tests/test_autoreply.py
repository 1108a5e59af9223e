"""Human mail is told from auto-replies, bulk mail and bounces (invariant 5)."""

from __future__ import annotations

import pytest

from ticketing.autoreply import Classification, classify, message_ids_in_headers
from ticketing.inbound import MailKind


def _classify(headers: dict[str, str], **kwargs: object) -> Classification:
    pairs = [(name.lower(), value) for name, value in headers.items()]
    return classify(pairs, **kwargs)  # type: ignore[arg-type]


def test_plain_mail_is_human() -> None:
    result = _classify({"from": "a@example.com"}, subject="Invoice question")
    assert result == Classification(MailKind.HUMAN, "no automatic-mail headers")


@pytest.mark.parametrize(
    ("headers", "kind", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, MailKind.AUTO_REPLY, "Auto-Submitted: auto-replied"),
        (
            {"Auto-Submitted": "auto-generated; owner-email=x@y"},
            MailKind.AUTO_REPLY,
            "Auto-Submitted: auto-generated",
        ),
        ({"Auto-Submitted": "No"}, MailKind.HUMAN, "no automatic-mail headers"),
        ({"X-Autoreply": "yes"}, MailKind.AUTO_REPLY, "X-Autoreply: yes"),
        ({"X-Autorespond": "Thanks"}, MailKind.AUTO_REPLY, "X-Autorespond: Thanks"),
        (
            {"X-MS-Exchange-Inbox-Rules-Loop": "a@example.com"},
            MailKind.AUTO_REPLY,
            "X-MS-Exchange-Inbox-Rules-Loop: a@example.com",
        ),
        (
            {"X-MS-Exchange-Generated-Message-Source": "Mailbox Rules Agent"},
            MailKind.AUTO_REPLY,
            "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent",
        ),
        ({"Precedence": "auto_reply"}, MailKind.AUTO_REPLY, "Precedence: auto_reply"),
        ({"Precedence": "bulk"}, MailKind.BULK, "Precedence: bulk"),
        ({"Precedence": "Junk"}, MailKind.BULK, "Precedence: junk"),
        ({"Precedence": "list"}, MailKind.BULK, "Precedence: list"),
        (
            {"List-Id": "<users.lists.example.org>"},
            MailKind.BULK,
            "List-ID: <users.lists.example.org>",
        ),
        (
            {"List-Unsubscribe": "<mailto:leave@example.org>"},
            MailKind.BULK,
            "List-Unsubscribe: <mailto:leave@example.org>",
        ),
        ({"X-Auto-Response-Suppress": "All"}, MailKind.AUTO_REPLY, "X-Auto-Response-Suppress: All"),
        (
            {"X-Auto-Response-Suppress": "OOF, AutoReply"},
            MailKind.AUTO_REPLY,
            "X-Auto-Response-Suppress: OOF, AutoReply",
        ),
        ({"X-Auto-Response-Suppress": "DR, RN"}, MailKind.HUMAN, "no automatic-mail headers"),
        (
            {"X-Failed-Recipients": "x@example.jp"},
            MailKind.BOUNCE,
            "X-Failed-Recipients: x@example.jp",
        ),
    ],
)
def test_headers(headers: dict[str, str], kind: MailKind, reason: str) -> None:
    result = _classify(headers)
    assert (result.kind, result.reason) == (kind, reason)


def test_auto_submitted_wins_over_list_headers() -> None:
    result = _classify({"Precedence": "bulk", "Auto-Submitted": "auto-replied"})
    assert result.reason == "Auto-Submitted: auto-replied"


@pytest.mark.parametrize("local", ["mailer-daemon", "postmaster", "MAILER-DAEMON".lower()])
def test_daemon_senders_are_bounces(local: str) -> None:
    result = _classify({}, from_email=f"{local}@mail.example.jp")
    assert result.kind is MailKind.BOUNCE
    assert result.reason == f"sent by {local}@mail.example.jp"


def test_null_sender_is_a_bounce() -> None:
    result = _classify({}, return_path="")
    assert (result.kind, result.reason) == (MailKind.BOUNCE, "null sender (Return-Path: <>)")
    assert _classify({}, return_path=None).kind is MailKind.HUMAN


@pytest.mark.parametrize(
    "subject",
    [
        "Automatic reply: Invoice",
        "Out of Office: Invoice",
        "Out of Office AutoReply: Invoice",
        "Auto-Reply: thanks",
        "自動応答: 請求書",
        "【自動返信】ただいま不在にしております",
        "不在通知",
        "【不在】5/7まで",
        "自動返信メール：お問い合わせありがとうございます",
        "不在のお知らせ",
    ],
)
def test_autoreply_subjects_are_a_heuristic(subject: str) -> None:
    result = _classify({}, subject=subject)
    assert result.kind is MailKind.AUTO_REPLY
    assert result.reason.startswith("heuristic: subject starts with")


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Automatic reply: Invoice",
        "不在票について",
        "Out of office hours support?",
        "自動引き落としについて",
        "自動返信の設定について",
    ],
)
def test_human_subjects_that_look_similar(subject: str) -> None:
    assert _classify({}, subject=subject).kind is MailKind.HUMAN


def test_heuristic_subject_with_null_sender_is_an_auto_reply() -> None:
    result = _classify({}, subject="【自動返信】不在です", return_path="")
    assert result.kind is MailKind.AUTO_REPLY
    assert result.reason.endswith("and null sender")


DSN = "Reporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: rfc822; x@example.jp\nAction: failed\nStatus: 5.1.1\n"


def test_dsn_extracts_the_original_message_id() -> None:
    result = _classify(
        {},
        content_type="multipart/report",
        report_type="delivery-status",
        delivery_status=[DSN],
        original_headers=[
            "From: billing@reseller.example\nMessage-ID: <out.123@billing.example.com>"
        ],
    )
    assert result.kind is MailKind.BOUNCE
    assert result.bounced_message_ids == ("out.123@billing.example.com",)
    assert result.reason == (
        "delivery status notification (multipart/report; report-type=delivery-status), "
        "Action: failed, Status: 5.1.1"
    )


def test_delayed_dsn_names_no_bounced_message() -> None:
    delayed = DSN.replace("failed", "delayed").replace("5.1.1", "4.4.7")
    result = _classify(
        {},
        content_type="multipart/report",
        report_type="delivery-status",
        delivery_status=[delayed],
        original_headers=["Message-ID: <out.1@billing.example.com>"],
    )
    assert result.kind is MailKind.BOUNCE
    assert result.bounced_message_ids == ()


def test_plain_bounce_finds_ids_in_the_body() -> None:
    body = "Sorry.\n--- copy of the message\nMessage-Id: <out.789@billing.example.com>\n"
    result = _classify({}, from_email="mailer-daemon@qmail.example.net", body_text=body)
    assert result.bounced_message_ids == ("out.789@billing.example.com",)


def test_human_mail_body_ids_are_ignored() -> None:
    result = _classify({}, body_text="Message-ID: <out.1@billing.example.com>")
    assert result.bounced_message_ids == ()


def test_mdn_is_an_auto_reply() -> None:
    result = _classify({}, content_type="multipart/report", report_type="disposition-notification")
    assert (result.kind, result.reason) == (
        MailKind.AUTO_REPLY,
        "read receipt (multipart/report MDN)",
    )


def test_message_ids_in_headers() -> None:
    text = (
        "Subject: x\r\nMessage-ID:\r\n <a.1@example.com>\r\nOriginal-Message-ID: <b.2@example.com>\r\n"
        "X-Original-Message-ID: c.3@example.com\r\nIn-Reply-To: <not.this@example.com>\r\n"
    )
    assert message_ids_in_headers(text) == ("a.1@example.com", "b.2@example.com", "c.3@example.com")
