"""parse_email: raw bytes to InboundEmail, never raising, never losing a character."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketing.inbound import Address, InboundEmail, MailKind
from ticketing.parse import html_to_text, parse_email

MAIL = Path(__file__).parent / "data" / "mail"
FIXTURES = sorted(p.name for p in MAIL.glob("*.eml"))

HUMAN, AUTO, BULK, BOUNCE = MailKind.HUMAN, MailKind.AUTO_REPLY, MailKind.BULK, MailKind.BOUNCE

# file -> (subject, sender address, kind); tests/data/mail/README.md says what each exercises.
EXPECTED: dict[str, tuple[str, str | None, MailKind]] = {
    "address_forms.eml": ("Addresses", "taro@example.jp", HUMAN),
    "autoreply_carrier_ja.eml": (
        "【自動返信】ただいま不在にしております",
        "hanako.mobile@docomo.ne.jp",
        AUTO,
    ),
    "autoreply_gmail_vacation.eml": (
        "Re: Your invoice INV-2024-0042",
        "john.smith@example.com",
        AUTO,
    ),
    "autoreply_outlook_exchange_en.eml": (
        "Automatic reply: Your invoice INV-2024-0042",
        "john.smith@example.com",
        AUTO,
    ),
    "autoreply_outlook_exchange_ja.eml": (
        "自動応答: 請求書送付のお知らせ",
        "taro@example.jp",
        AUTO,
    ),
    "autoreply_precedence_auto_reply.eml": ("Received", "john.smith@example.com", AUTO),
    "autoreply_suppress_oof.eml": ("Notification", "portal@vendor.example", AUTO),
    "autoreply_x_autoreply_only.eml": ("Vacation", "john.smith@example.com", AUTO),
    "autoreply_x_autorespond.eml": ("Thank you for your message", "sales@vendor.example", AUTO),
    "backslash_7bit.eml": ("Paths", "john.smith@example.com", HUMAN),
    "backslash_8bit_utf8.eml": ("Paths", "taro@example.jp", HUMAN),
    "backslash_qp_utf8.eml": ("Paths", "taro@example.jp", HUMAN),
    "backslash_sjis_8bit.eml": ("Paths", "taro@example.jp", HUMAN),
    "bounce_carrier_ja.eml": ("送信エラー", "mailer-daemon@ezweb.ne.jp", BOUNCE),
    "bounce_null_sender_only.eml": ("Notice", "notifications@vendor.example", BOUNCE),
    "bounce_qmail_plain.eml": ("failure notice", "mailer-daemon@qmail.example.net", BOUNCE),
    "bounce_x_failed_recipients.eml": (
        "Mail delivery failed: returning message to sender",
        "mailer@relay.example.net",
        BOUNCE,
    ),
    "broken_bare_lf_mixed.eml": ("Bare LF", "john.smith@example.com", HUMAN),
    "broken_base64_concatenated.eml": ("Concatenated", "taro@example.jp", HUMAN),
    "broken_base64_padding.eml": ("Padding", "taro@example.jp", HUMAN),
    "broken_boundary_not_declared.eml": ("No boundary", "john.smith@example.com", HUMAN),
    "broken_charset_unicode_escape.eml": ("Escape", "john.smith@example.com", HUMAN),
    "broken_deep_nesting.eml": ("Deep", "john.smith@example.com", HUMAN),
    "broken_empty_body.eml": ("Empty", "john.smith@example.com", HUMAN),
    "broken_garbage_before_headers.eml": ("After garbage", "john.smith@example.com", HUMAN),
    "broken_header_without_colon.eml": ("Still found", "john.smith@example.com", HUMAN),
    "broken_mbox_from_line.eml": ("Mbox", "taro@example.jp", HUMAN),
    "broken_missing_close_boundary.eml": ("No close", "john.smith@example.com", HUMAN),
    "broken_no_from.eml": ("Who am I", None, HUMAN),
    "broken_no_from_sender_only.eml": ("Sender only", "ops@example.jp", HUMAN),
    "broken_unknown_charset.eml": ("Unknown charset", "taro@example.jp", HUMAN),
    "broken_wrong_boundary.eml": ("Wrong boundary", "john.smith@example.com", HUMAN),
    "bulk_precedence_junk.eml": ("Offer", "promo@spam.example", BULK),
    "dsn_bounce_exchange_headers_only.eml": (
        "Undeliverable: [#456] Your ticket",
        "postmaster@example.co.jp",
        BOUNCE,
    ),
    "dsn_bounce_postfix.eml": (
        "Undelivered Mail Returned to Sender",
        "mailer-daemon@mail.reseller.example",
        BOUNCE,
    ),
    "dsn_delayed.eml": (
        "Delayed Mail (still being retried)",
        "mailer-daemon@mail.reseller.example",
        BOUNCE,
    ),
    "duplicate_headers.eml": ("First subject", "john.smith@example.com", HUMAN),
    "eucjp_body.eml": ("口座振替", "taro@example.jp", HUMAN),
    "eucjp_nec_chars.eml": ("Items", "taro@example.jp", HUMAN),
    "filename_8bit_raw.eml": ("Files", "taro@example.jp", HUMAN),
    "format_flowed_delsp.eml": ("Flowed", "taro@example.jp", HUMAN),
    "forward_message_rfc822.eml": ("Fwd: vendor invoice", "john.smith@example.com", HUMAN),
    "gb2312_body.eml": ("Invoice", "li.wei@example.cn", HUMAN),
    "header_8bit_sjis.eml": ("【至急】請求金額の確認", "ichiro@example.co.jp", HUMAN),
    "header_8bit_utf8.eml": ("請求書の送付先変更", "hanako@example.co.jp", HUMAN),
    "html_only.eml": ("HTML only", "john.smith@example.com", HUMAN),
    "html_only_sjis_meta.eml": ("HTML", "taro@example.jp", HUMAN),
    "human_auto_submitted_no.eml": ("Manual", "john.smith@example.com", HUMAN),
    "human_reply_to_autoreply.eml": (
        "Re: Automatic reply: Your invoice",
        "john.smith@example.com",
        HUMAN,
    ),
    "human_subject_fuzai_hyou.eml": ("不在票について", "taro@example.jp", HUMAN),
    "inline_image_vs_attachment.eml": ("Screenshots", "john.smith@example.com", HUMAN),
    "iso2022jp_halfwidth_kana.eml": ("Guide", "taro@example.jp", HUMAN),
    "iso2022jp_jis_roman_backslash.eml": ("Path", "taro@example.jp", HUMAN),
    "iso2022jp_no_charset.eml": ("受領のご連絡", "taro@example.jp", HUMAN),
    "iso2022jp_outlook_cp932_chars.eml": ("お見積りの件", "takahashi@example.co.jp", HUMAN),
    "iso2022jp_standard.eml": ("契約更新のご案内について", "taro@example.jp", HUMAN),
    "ks_c_5601_body.eml": ("Invoice", "kim@example.kr", HUMAN),
    "latin1_real.eml": ("Rechnung", "jens@example.de", HUMAN),
    "lf_only_line_endings.eml": ("LF only", "john.smith@example.com", HUMAN),
    "list_mailman.eml": (
        "[cloud-users] Price change announcement",
        "announce@lists.example.org",
        BULK,
    ),
    "message_id_no_brackets.eml": ("Re: Your invoice", "john.smith@example.com", HUMAN),
    "nested_mixed_related_alternative.eml": ("Invoice attached", "john.smith@example.com", HUMAN),
    "newsletter_list_unsubscribe.eml": ("Our May newsletter", "news@vendor.example", BULK),
    "no_message_id.eml": ("No id", "john.smith@example.com", HUMAN),
    "read_receipt_mdn.eml": ("Read: Your invoice", "john.smith@example.com", AUTO),
    "reply_gmail_en.eml": (
        "Re: Question about invoice INV-2024-0042",
        "john.smith@example.com",
        HUMAN,
    ),
    "reply_gmail_ja.eml": ("Re: 請求書の金額について", "taro@example.jp", HUMAN),
    "reply_html_gmail_blockquote.eml": ("Re: Invoice", "john.smith@example.com", HUMAN),
    "reply_interleaved.eml": ("Re: A few questions", "john.smith@example.com", HUMAN),
    "reply_iphone_en.eml": ("Re: Your invoice", "john.smith@example.com", HUMAN),
    "reply_iphone_ja.eml": ("Re: 請求書", "taro@example.jp", HUMAN),
    "reply_outlook_en.eml": (
        "RE: Question about invoice INV-2024-0042",
        "john.smith@example.com",
        HUMAN,
    ),
    "reply_outlook_ja.eml": ("RE: 請求書の金額について", "taro@example.jp", HUMAN),
    "reply_outlook_ja_motono.eml": ("RE: 振込のお願い", "taro@example.jp", HUMAN),
    "reply_outlook_original_message.eml": ("RE: PO number", "john.smith@example.com", HUMAN),
    "reply_signature.eml": ("Receipt", "taro@example.jp", HUMAN),
    "reply_thunderbird_ja.eml": ("Re: 添付", "taro@example.jp", HUMAN),
    "rfc2047_in_filename.eml": ("Files", "taro@example.jp", HUMAN),
    "rfc2231_filename_continuations.eml": ("Files", "taro@example.jp", HUMAN),
    "rfc2231_filename_utf8.eml": ("RFC 2231", "taro@example.jp", HUMAN),
    "sjis_8bit_body.eml": ("請求書の再発行", "taro@example.jp", HUMAN),
    "sjis_cp932_chars.eml": ("契約内容の確認", "takahashi@example.co.jp", HUMAN),
    "sjis_declared_utf8.eml": ("Receipt", "taro@example.jp", HUMAN),
    "sjis_undeclared_8bit.eml": ("Question", "taro@example.jp", HUMAN),
    "sjis_wave_dash_windows.eml": ("Billing period", "takahashi@example.co.jp", HUMAN),
    "subject_rfc2047_bad_padding.eml": ("返金!の件", "taro@example.jp", HUMAN),
    "subject_rfc2047_mixed_charsets.eml": (
        "お問い合わせ①番 INV-2024",
        "hanako@example.co.jp",
        HUMAN,
    ),
    "subject_rfc2047_split_utf8.eml": ("請求書の件", "taro@example.jp", HUMAN),
    "text_attachment_not_body.eml": ("Usage CSV", "john.smith@example.com", HUMAN),
    "utf8_8bit_raw.eml": ("返金について", "taro@example.jp", HUMAN),
    "utf8_base64_ja.eml": ("請求書の金額について", "taro@example.jp", HUMAN),
    "utf8_declared_iso8859_1.eml": ("Amount", "taro@example.jp", HUMAN),
    "utf8_declared_us_ascii.eml": ("Invoice number", "taro@example.jp", HUMAN),
    "utf8_plain_en.eml": ("Question about invoice INV-2024-0042", "john.smith@example.com", HUMAN),
    "utf8_qp_ja.eml": ("支払い方法の変更", "taro@example.jp", HUMAN),
    "utf8_truncated_body.eml": ("Truncated", "taro@example.jp", HUMAN),
    "utf8_wave_dash_mac.eml": ("Billing period", "taro@example.jp", HUMAN),
    "uuencode_attachment.eml": ("UU", "john.smith@example.com", HUMAN),
    "windows1252_smart_quotes.eml": ("Quote", "john.smith@example.com", HUMAN),
}
FATAL = {"broken_no_from.eml"}


def parse(name: str) -> InboundEmail:
    return parse_email((MAIL / name).read_bytes())


def _assert_storable(email: InboundEmail) -> None:
    """Every string must survive UTF-8 encoding: no surrogate escapes leak out."""

    def walk(value: object) -> None:
        if isinstance(value, str):
            value.encode("utf-8")
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    walk(email)


def test_every_fixture_has_expectations() -> None:
    assert len(FIXTURES) >= 60
    assert set(FIXTURES) == set(EXPECTED)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_parses_as_expected(name: str) -> None:
    raw = (MAIL / name).read_bytes()
    email = parse_email(raw)
    subject, sender, kind = EXPECTED[name]
    assert (email.subject, email.sender_email, email.kind) == (subject, sender, kind)
    assert (email.fatal is not None) == (name in FATAL)
    assert email.raw_sha256 == hashlib.sha256(raw).hexdigest()
    assert email.size == len(raw)
    assert email.message_id and "<" not in email.message_id
    assert email.language in ("ja", "en")
    assert "\r" not in email.text
    assert email.kind_reason
    _assert_storable(email)


def test_parsing_is_deterministic() -> None:
    for name in FIXTURES:
        assert parse(name) == parse(name)


# -- charsets and transfer encodings ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "decoding"),
    [
        (
            "utf8_plain_en.eml",
            "Hello,\n\nOur invoice INV-2024-0042 shows 12 licenses but we only have 10.\n"
            "Could you check?\n\nThanks,\nJohn\n",
            "text/plain: declared utf-8, decoded as utf_8",
        ),
        (
            "utf8_base64_ja.eml",
            "お世話になっております。\n4月分の請求書の金額が見積もりと異なっています。\nご確認をお願いします。\n",
            "text/plain: declared utf-8, decoded as utf_8",
        ),
        (
            "utf8_qp_ja.eml",
            "支払い方法をクレジットカードから銀行振込に変更したいです。\n",
            "text/plain: declared utf-8, decoded as utf_8",
        ),
        (
            "utf8_8bit_raw.eml",
            "返金の手続きについて教えてください。\n金額：12,000円\n",
            "text/plain: declared utf-8, decoded as utf_8",
        ),
        (
            "sjis_8bit_body.eml",
            "いつもお世話になっております。\n請求書の再発行をお願いできますでしょうか。\n",
            "text/plain: declared shift_jis, decoded as cp932",
        ),
        (
            "sjis_cp932_chars.eml",
            "① ライセンス数：10\n② 契約番号 №123\nフェーズⅡ\n㈱サンプル商事 髙橋\n",
            "text/plain: declared shift_jis, decoded as cp932",
        ),
        (
            "sjis_wave_dash_windows.eml",
            "期間：4月1日\uff5e4月30日\n",  # FULLWIDTH TILDE, as the Windows user typed it
            "text/plain: declared shift_jis, decoded as cp932",
        ),
        (
            "utf8_wave_dash_mac.eml",
            "期間：4月1日\u301c4月30日\n",  # WAVE DASH, as the Mac user typed it
            "text/plain: declared utf-8, decoded as utf_8",
        ),
        (
            "iso2022jp_standard.eml",
            "契約の更新日を教えてください。\n期間は4月1日\u301c3月31日です。\n",
            "text/plain: declared iso-2022-jp, decoded as iso2022_jp",
        ),
        (
            "iso2022jp_no_charset.eml",
            "請求書を受け取りました。ありがとうございます。\n",
            "text/plain: undeclared, detected iso2022_jp by escape sequences",
        ),
        (
            "iso2022jp_outlook_cp932_chars.eml",
            "①お見積り\n髙橋様\n期間：4月1日\uff5e4月30日\n",
            "text/plain: declared iso-2022-jp, decoded as iso2022_jp_ms",
        ),
        (
            "iso2022jp_halfwidth_kana.eml",
            "ｶﾞｲﾄﾞを送ってください。\n",
            "text/plain: declared iso-2022-jp, decoded as iso2022_jp_ext",
        ),
        (
            "iso2022jp_jis_roman_backslash.eml",
            "保存先：C:\\Users\\taro\\invoice.pdf\n",
            "text/plain: declared iso-2022-jp, decoded as iso2022_jp (JIS-Roman read as ASCII)",
        ),
        (
            "eucjp_body.eml",
            "口座振替の手続きが完了しているか確認したいです。\n",
            "text/plain: declared euc-jp, decoded as euc_jp",
        ),
        (
            "eucjp_nec_chars.eml",
            "①契約 ②請求\n",
            "text/plain: declared euc-jp, decoded as euc_jis_2004",
        ),
        (
            "utf8_declared_iso8859_1.eml",
            "ご請求額：¥12,000（税込）\nMüller GmbH\n",
            "text/plain: declared iso-8859-1 (wrong), decoded as utf_8",
        ),
        (
            "utf8_declared_us_ascii.eml",
            "請求書番号：INV-2024-0042\n",
            "text/plain: declared us-ascii (wrong), decoded as utf_8",
        ),
        (
            "sjis_declared_utf8.eml",
            "領収書を発行してください。\n",
            "text/plain: declared utf-8 (did not decode), detected cp932",
        ),
        (
            "sjis_undeclared_8bit.eml",
            "先月分の請求について質問があります。\n",
            "text/plain: undeclared, detected cp932",
        ),
        (
            "latin1_real.eml",
            "Grüße aus München, café\n",
            "text/plain: declared iso-8859-1, decoded as cp1252",
        ),
        (
            "windows1252_smart_quotes.eml",
            "“Invoice” – €100\n",
            "text/plain: declared iso-8859-1, decoded as cp1252",
        ),
        (
            "gb2312_body.eml",
            "发票金额有误，请核对。镕\n",
            "text/plain: declared gb2312, decoded as gb18030",
        ),
        (
            "ks_c_5601_body.eml",
            "청구서 금액을 확인해 주세요. 똠\n",
            "text/plain: declared ks_c_5601-1987, decoded as cp949",
        ),
        (
            "broken_unknown_charset.eml",
            "未知の文字コードです。\n",
            "text/plain: unknown charset 'x-unknown-foo', detected utf_8",
        ),
        (
            "broken_charset_unicode_escape.eml",
            "C:\\Users\\taro\\new.pdf\n",
            "text/plain: unknown charset 'unicode_escape', decoded as ascii",
        ),
    ],
)
def test_body_text_decoded_exactly(name: str, text: str, decoding: str) -> None:
    email = parse(name)
    assert email.text == text
    assert decoding in email.decodings
    assert not [d for d in email.defects if "replacement" in d]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "backslash_7bit.eml",
            "Saved to C:\\Users\\taro\\new_invoice.pdf and \\\\fileserver\\accounting\\2024\n",
        ),
        (
            "backslash_8bit_utf8.eml",
            "C:\\Users\\taro\\請求書.pdf\n\\\\fileserver\\accounting\\2024\n",
        ),
        (
            "backslash_qp_utf8.eml",
            "C:\\Users\\taro\\請求書.pdf\n\\\\fileserver\\accounting\\2024\n",
        ),
        (
            "backslash_sjis_8bit.eml",
            "保存先：C:\\Users\\taro\\請求書.pdf\n表示できません。ソフトの問題？\n\\\\fileserver\\経理\\2024\n",
        ),
    ],
)
def test_backslashes_survive(name: str, text: str) -> None:
    assert parse(name).text == text


def test_truncated_utf8_body_is_decoded_with_a_recorded_loss() -> None:
    email = parse("utf8_truncated_body.eml")
    assert email.text == "ありがとうございます。請求\ufffd"
    assert any("replacement characters" in d for d in email.defects)


def test_language() -> None:
    assert parse("utf8_base64_ja.eml").language == "ja"
    assert parse("utf8_plain_en.eml").language == "en"
    assert parse("gb2312_body.eml").language == "en"  # kanji without kana: not Japanese


# -- headers ---------------------------------------------------------------------------


def test_rfc2047_split_across_words_and_charsets() -> None:
    assert parse("subject_rfc2047_split_utf8.eml").subject == "請求書の件"
    mixed = parse("subject_rfc2047_mixed_charsets.eml")
    assert mixed.subject == "お問い合わせ①番 INV-2024"
    assert mixed.from_addr == Address("髙橋 花子", "hanako@example.co.jp")
    assert "from (RFC 2047): declared shift_jis, decoded as cp932" in mixed.decodings


def test_rfc2047_bad_padding_and_base64_cut_across_words() -> None:
    email = parse("subject_rfc2047_bad_padding.eml")
    assert email.subject == "返金!の件"
    assert email.from_addr == Address("山田太郎", "taro@example.jp")
    assert "from: base64 cut across encoded words" in email.defects


def test_raw_8bit_headers() -> None:
    utf8 = parse("header_8bit_utf8.eml")
    assert utf8.subject == "請求書の送付先変更"
    assert utf8.from_addr == Address("佐藤 花子", "hanako@example.co.jp")
    sjis = parse("header_8bit_sjis.eml")
    assert sjis.subject == "【至急】請求金額の確認"
    assert sjis.from_addr == Address("髙橋 一郎", "ichiro@example.co.jp")
    assert "subject (raw 8-bit): undeclared, detected cp932" in sjis.decodings
    assert sjis.header("subject") == "【至急】請求金額の確認"


def test_addresses() -> None:
    email = parse("address_forms.eml")
    assert email.from_addr == Address("Yamada, Taro", "taro@example.jp")
    assert email.to == (Address("Billing Team", "billing@reseller.example"),)
    assert email.cc == (Address("Taro Backup", "taro.backup@example.jp"),)
    assert email.reply_to == (Address("山田, 太郎", "reply@example.jp"),)
    assert email.return_path == "taro@example.jp"


def test_message_ids_without_brackets() -> None:
    email = parse("message_id_no_brackets.eml")
    assert email.message_id == "20240501.xyz@example.com"
    assert not email.message_id_synthetic
    assert email.in_reply_to == ("out.123@billing.example.com",)
    assert email.references == ("a.1@example.com", "b.2@example.com", "out.123@billing.example.com")
    assert email.all_message_ids_referenced[0] == "out.123@billing.example.com"


def test_synthetic_message_id_is_stable_and_content_based() -> None:
    raw = (MAIL / "no_message_id.eml").read_bytes()
    first, second = parse_email(raw), parse_email(raw)
    assert first.message_id_synthetic
    assert re.fullmatch(r"synthetic\.[0-9a-f]{32}@ticketing\.invalid", first.message_id)
    assert first.message_id == second.message_id
    # The same mail with LF line endings (read from a file instead of IMAP): same id.
    assert parse_email(raw.replace(b"\r\n", b"\n")).message_id == first.message_id
    other = parse_email(raw.replace(b"Where is my invoice?", b"Where is my receipt?"))
    assert other.message_id != first.message_id


def test_synthetic_message_id_tells_apart_mails_that_differ_outside_the_text() -> None:
    """Issue 14: two mails without a Message-ID, same sender, date, subject and text, one
    with an attachment (or an HTML alternative), got one synthetic id and the second was
    dropped as a duplicate."""
    head = (
        "From: Taro <taro@example.jp>\r\nTo: billing@example.com\r\nSubject: Invoice\r\n"
        "Date: Mon, 2 Nov 2026 09:30:00 +0900\r\nMIME-Version: 1.0\r\n"
    )
    text = "Please see the invoice.\r\n"
    plain = (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text).encode()
    attached = (
        head + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "--b\r\n"
        'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="a.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
    ).encode()
    alternative = (
        head + 'Content-Type: multipart/alternative; boundary="a"\r\n\r\n--a\r\n'
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "--a\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Please see the invoice.</p>\r\n--a--\r\n"
    ).encode()
    ids = [parse_email(m).message_id for m in (plain, attached, alternative)]
    assert [parse_email(m).new_text.strip() for m in (plain, attached)] == [text.strip()] * 2
    assert len(set(ids)) == 3, ids
    assert parse_email(plain).message_id == ids[0]  # a copy of the same bytes: the same id


def test_duplicate_headers_keep_the_first_and_record_a_defect() -> None:
    email = parse("duplicate_headers.eml")
    assert email.subject == "First subject"
    assert email.header_all("subject") == ["First subject", "Second subject"]
    assert "2 Subject headers (kept the first)" in email.defects
    assert [a.email for a in email.to] == ["billing@reseller.example", "accounts@reseller.example"]


def test_date() -> None:
    email = parse("utf8_plain_en.eml")
    assert email.date == datetime(2024, 5, 1, 10, 0, tzinfo=timezone(timedelta(hours=9)))
    raw = (MAIL / "utf8_plain_en.eml").read_bytes()
    assert parse_email(raw.replace(b"Wed, 01 May 2024 10:00:00 +0900", b"yesterday")).date is None


# -- structure -------------------------------------------------------------------------


def test_html_only_mail() -> None:
    email = parse("html_only.eml")
    assert email.text == (
        "Dear support,\n\nPlease see the invoice at the portal "
        "(https://portal.example.com/invoices/42).\nAmount: ¥12,000 & tax\n\n"
        "- License A\n- License B\n\n1. first\n2. second\n\nContact: john@example.com"
    )
    assert email.html is not None
    assert "<script" not in email.html and "alert" not in email.html
    assert 'href="https://portal.example.com/invoices/42"' in email.html


def test_html_meta_charset() -> None:
    email = parse("html_only_sjis_meta.eml")
    assert email.text == "請求書①を送付します。"
    assert "text/html (meta charset): declared shift_jis, decoded as cp932" in email.decodings


def test_nested_multiparts() -> None:
    email = parse("nested_mixed_related_alternative.eml")
    assert email.text == "Please find the invoice attached."
    assert email.html is not None and 'src="cid:logo@example.com"' in email.html
    logo, pdf = email.attachments
    assert (logo.filename, logo.content_type, logo.inline, logo.content_id) == (
        "logo.png",
        "image/png",
        True,
        "logo@example.com",
    )
    assert (pdf.filename, pdf.content_type, pdf.inline) == ("invoice.pdf", "application/pdf", False)
    assert pdf.data.startswith(b"%PDF-1.4")
    assert pdf.sha256 == hashlib.sha256(pdf.data).hexdigest()


def test_inline_image_vs_attachment() -> None:
    email = parse("inline_image_vs_attachment.eml")
    assert [(a.content_type, a.inline) for a in email.attachments] == [
        ("image/jpeg", True),  # referenced by cid from the HTML
        ("image/png", False),  # Content-Disposition: attachment
        ("image/gif", True),  # Content-Disposition: inline image
    ]


def test_forwarded_message_is_an_attachment_with_text() -> None:
    email = parse("forward_message_rfc822.eml")
    assert email.text == "FYI, see the forwarded message."
    (forwarded,) = email.attachments
    assert forwarded.content_type == "message/rfc822"
    assert forwarded.filename == "vendor.eml"
    assert b"Message-ID: <vendor.777@vendor.example>" in forwarded.data
    assert forwarded.text == (
        "From: Vendor Billing <billing@vendor.example>\nTo: 山田 太郎 <taro@example.jp>\n"
        "Date: Tue, 30 Apr 2024 09:00:00 +0900\nSubject: ご請求金額のお知らせ\n\n"
        "今月のご請求金額は 120,000円 です。"  # the last line break belongs to the boundary
    )


def test_text_attachment_is_not_body() -> None:
    email = parse("text_attachment_not_body.eml")
    assert email.text == "Attached is the CSV."
    (csv,) = email.attachments
    assert (csv.filename, csv.data) == ("usage.csv", b"date,amount\r\n2024-04-01,1200")


def test_format_flowed_delsp() -> None:
    email = parse("format_flowed_delsp.eml")
    assert email.text == "お世話になっております。請求書の件でご連絡しました。\n\n> 引用文です\n"
    assert email.new_text == "お世話になっております。請求書の件でご連絡しました。"


def test_uuencoded_attachment() -> None:
    (data,) = parse("uuencode_attachment.eml").attachments
    assert (data.filename, data.data) == ("data.bin", b"uuencoded payload\n")


@pytest.mark.parametrize(
    ("name", "filenames"),
    [
        ("rfc2231_filename_utf8.eml", ["請求書_2024年4月.pdf"]),
        ("rfc2231_filename_continuations.eml", ["契約書_最終版.pdf", "見積書①.xlsx"]),
        ("rfc2047_in_filename.eml", ["領収書.pdf", "契約書.docx"]),
        ("filename_8bit_raw.eml", ["請求明細.csv", "支払通知書.pdf"]),
    ],
)
def test_attachment_filenames(name: str, filenames: list[str]) -> None:
    assert [a.filename for a in parse(name).attachments] == filenames


# -- broken MIME -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "defect"),
    [
        (
            "broken_missing_close_boundary.eml",
            "Body text here.",
            "multipart/mixed: missing closing MIME boundary",
        ),
        (
            "broken_boundary_not_declared.eml",
            "Guess my boundary.",
            "multipart/mixed: boundary guessed from the body ('XYZ')",
        ),
        (
            "broken_wrong_boundary.eml",
            "Wrong boundary body.",
            "multipart/mixed: boundary guessed from the body ('BBB')",
        ),
        (
            "broken_bare_lf_mixed.eml",
            "line one\nline two\nline three\n",
            "bare LF line endings mixed with CRLF",
        ),
        (
            "broken_base64_padding.eml",
            "お支払いについて確認させてください。",
            "text/plain: characters outside the base64 alphabet skipped",
        ),
        (
            "broken_base64_concatenated.eml",
            "請求書\n金額\n",
            "text/plain: base64 padding inside the data",
        ),
        ("broken_garbage_before_headers.eml", "Body.\n", "2 line(s) before the headers skipped"),
        (
            "broken_header_without_colon.eml",
            "Body after a broken header.\n",
            "header line without a colon dropped: 'X-Broken header line'",
        ),
        ("broken_deep_nesting.eml", "", "MIME nesting deeper than 25: kept as an attachment"),
        ("broken_no_from_sender_only.eml", "Hi.\n", "no usable From address: using Sender"),
    ],
)
def test_broken_mime_is_worked_around(name: str, text: str, defect: str) -> None:
    email = parse(name)
    assert email.text == text
    assert defect in email.defects


def test_lf_only_mail_has_no_line_ending_defect() -> None:
    email = parse("lf_only_line_endings.eml")
    assert email.text == "Unix line endings.\n"
    assert email.defects == ()


def test_mbox_from_line_and_empty_body() -> None:
    assert parse("broken_mbox_from_line.eml").text == "From mbox.\n"
    assert parse("broken_empty_body.eml").text == ""


def test_no_sender_is_fatal() -> None:
    email = parse("broken_no_from.eml")
    assert email.fatal == "no usable sender: no From, Sender or Return-Path address"
    assert email.text == "Anonymous.\n"  # everything else still parsed, for the quarantine view


def test_empty_and_junk_input_is_fatal_not_an_exception() -> None:
    assert parse_email(b"").fatal == "empty message"
    assert parse_email(b"\r\n\r\n").fatal == "empty message"
    junk = parse_email(b"\x00\xff garbage without headers")
    assert junk.fatal is not None
    assert junk.raw_sha256 == hashlib.sha256(b"\x00\xff garbage without headers").hexdigest()


# -- automatic mail ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("autoreply_outlook_exchange_en.eml", "Auto-Submitted: auto-generated"),
        ("autoreply_outlook_exchange_ja.eml", "X-MS-Exchange-Inbox-Rules-Loop: taro@example.jp"),
        ("autoreply_gmail_vacation.eml", "Auto-Submitted: auto-replied"),
        ("autoreply_x_autoreply_only.eml", "X-Autoreply: yes"),
        (
            "autoreply_carrier_ja.eml",
            "heuristic: subject starts with '【自動返信】' and null sender",
        ),
        ("list_mailman.eml", "Precedence: list"),
        (
            "newsletter_list_unsubscribe.eml",
            "List-Unsubscribe: <https://vendor.example/unsub?id=1>",
        ),
        ("read_receipt_mdn.eml", "read receipt (multipart/report MDN)"),
        ("bounce_null_sender_only.eml", "null sender (Return-Path: <>)"),
        ("human_subject_fuzai_hyou.eml", "no automatic-mail headers"),
    ],
)
def test_kind_reasons(name: str, reason: str) -> None:
    assert parse(name).kind_reason == reason


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("dsn_bounce_postfix.eml", ("out.123@billing.example.com",)),
        ("dsn_bounce_exchange_headers_only.eml", ("out.456@billing.example.com",)),
        ("dsn_delayed.eml", ()),
        ("bounce_qmail_plain.eml", ("out.789@billing.example.com",)),
        ("bounce_carrier_ja.eml", ("out.321@billing.example.com",)),
        ("bounce_x_failed_recipients.eml", ("out.555@billing.example.com",)),
    ],
)
def test_bounces_name_the_original_message(name: str, ids: tuple[str, ...]) -> None:
    email = parse(name)
    assert email.kind is MailKind.BOUNCE
    assert email.bounced_message_ids == ids


def test_dsn_details() -> None:
    email = parse("dsn_bounce_postfix.eml")
    assert email.return_path == ""
    assert email.kind_reason == (
        "delivery status notification (multipart/report; report-type=delivery-status), "
        "Action: failed, Status: 5.1.1"
    )
    assert [a.content_type for a in email.attachments] == [
        "message/delivery-status",
        "message/rfc822",
    ]


# -- replies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "new_text"),
    [
        ("reply_gmail_en.eml", "Thanks, that fixed it."),
        ("reply_gmail_ja.eml", "ご対応ありがとうございました。\n確認しました。"),
        (
            "reply_outlook_en.eml",
            "Hi,\n\nYes, please cancel the extra two licenses.\n\nRegards,\nJohn",
        ),
        ("reply_outlook_original_message.eml", "The PO number is 4500012345."),
        (
            "reply_outlook_ja.eml",
            "お世話になっております。山田です。\n\n承知しました。来月の請求で調整をお願いします。",
        ),
        ("reply_outlook_ja_motono.eml", "振込が完了しました。"),
        ("reply_iphone_ja.eml", "了解しました。"),
        ("reply_iphone_en.eml", "Got it, thanks!"),
        ("reply_thunderbird_ja.eml", "山田です。\n添付の通りです。"),
        ("reply_interleaved.eml", "Hi,\n\nWe need 12.\n\nBank transfer, please."),
        ("reply_signature.eml", "Please send the receipt."),
        ("reply_html_gmail_blockquote.eml", "Thanks for the update."),
    ],
)
def test_new_text_of_replies(name: str, new_text: str) -> None:
    assert parse(name).new_text == new_text


def test_html_to_text_quotes_blockquotes() -> None:
    html = "<p>Yes.</p><blockquote><p>Question?</p><p>More</p></blockquote><pre>a  b\nc</pre>"
    assert html_to_text(html) == "Yes.\n\n> Question?\n>\n> More\n\na  b\nc"


# -- never raises ----------------------------------------------------------------------

_SEEDS = [(MAIL / name).read_bytes() for name in FIXTURES]
_JUNK_HEADERS = [
    b"Subject: =?utf-8?B?####?=\r\n",
    b"Content-Type: multipart/mixed; boundary=\r\n",
    b"Content-Type: text/plain; charset=\xff\xfe\r\n",
    b"Content-Transfer-Encoding: base64\r\n",
    b"From: <<<@>>>,,;;\r\n",
    b"Content-Disposition: attachment; filename*0*=x''%ZZ; filename*1=\xe8\r\n",
    b"Date: Mon, 99 Foo 99999 99:99:99 +9999\r\n",
    b"\r\n\r\n",
    b" continuation only\r\n",
    b"Content-Type: message/rfc822\r\n",
]


@st.composite
def mutated_mail(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "flip", "truncate", "junk"]))
        position = draw(st.integers(0, len(data)))
        if op == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[position : position + draw(st.integers(1, 64))]
        elif op == "flip" and data:
            index = min(position, len(data) - 1)
            data[index] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[position:]
        else:
            data[position:position] = draw(st.sampled_from(_JUNK_HEADERS))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(mutated_mail(), st.binary(max_size=2000)))
def test_parse_email_never_raises(raw: bytes) -> None:
    email = parse_email(raw)
    assert isinstance(email, InboundEmail)
    assert email.raw_sha256 == hashlib.sha256(raw).hexdigest()
    assert email.fatal is None or not email.fatal.startswith("parser error"), email.fatal
    _assert_storable(email)


def _big_mail(size: int, *, cte_text: str = "base64") -> bytes:
    import base64
    import random

    rng = random.Random(7)
    payload = bytes(rng.getrandbits(8) for _ in range(1024)) * (size // 1024)
    body = base64.encodebytes(payload).replace(b"\n", b"\r\n")
    return (
        b"From: Taro <taro@customer.example>\r\nTo: billing@example.com\r\n"
        b"Subject: =?UTF-8?B?6KuL5rGC5pu4?=\r\nMessage-ID: <big@c>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\n'
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nSee the attached logs.\r\n--XX\r\n"
        b"Content-Type: application/octet-stream\r\n"
        b"Content-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82.bin\r\n"
        b"Content-Transfer-Encoding: " + cte_text.encode() + b"\r\n\r\n" + body + b"--XX\r\n"
        b"Content-Type: message/rfc822\r\n\r\nFrom: a@b.example\r\nSubject: inner\r\n"
        b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + body
        + b"\r\n--XX--\r\n"
    ), payload


def test_large_attachments_parse_the_same_with_and_without_lifting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ticketing.parse as parse_module

    raw, payload = _big_mail(2 * 1024 * 1024)
    lifted = parse_email(raw)
    monkeypatch.setattr(parse_module, "_LIFT_ABOVE", 10**12)
    plain = parse_email(raw)
    assert lifted.fatal is None and lifted.subject == "請求書" and lifted.text == plain.text
    assert [
        (a.filename, a.content_type, a.sha256, a.data == b.data)
        for a, b in zip(lifted.attachments, plain.attachments, strict=True)
    ] == [(b.filename, b.content_type, b.sha256, True) for b in plain.attachments]
    assert lifted.attachments[0].data == payload and lifted.attachments[0].filename == "請求.bin"
    assert lifted.defects == plain.defects


def test_parsing_a_large_attachment_keeps_memory_near_the_message_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tracemalloc

    import ticketing.parse as parse_module

    raw, payload = _big_mail(8 * 1024 * 1024)

    def peak_of_parse() -> int:
        tracemalloc.start()
        try:
            email = parse_email(raw)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert email.attachments[0].data == payload
        return peak

    lifted = peak_of_parse()
    monkeypatch.setattr(parse_module, "_LIFT_ABOVE", 10**12)
    plain = peak_of_parse()
    # Allocation counts, not time: the decoded attachment, the forwarded message's
    # bytes and its own parse stay; the stdlib parser's copies of the body go.
    assert lifted < 2.5 * len(raw), f"peak {lifted / len(raw):.1f}x the message size"
    assert lifted * 2 < plain, f"lifting saved too little: {lifted} vs {plain} bytes"
