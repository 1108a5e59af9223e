"""Write the .eml fixtures in tests/data/mail/ and their README table.

The fixtures are committed; this script documents how each one's bytes were made
(charsets, encodings and breakage are easier to get exactly right in code than in an
editor). Run it from anywhere: `python tests/data/make_mail_fixtures.py`.
"""

from __future__ import annotations

import base64
import hashlib
import quopri
from pathlib import Path
from urllib.parse import quote_from_bytes

OUT = Path(__file__).parent / "mail"

JOHN = "John Smith <john.smith@example.com>"
TARO_ADDR = "taro@example.jp"
US = "Reseller Billing <billing@reseller.example>"
DATE = "Wed, 01 May 2024 10:00:00 +0900"

Header = tuple[str, "str | bytes"]


# -- encoders ------------------------------------------------------------------------


def b64_lines(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76)) + b"\n"


def qp(data: bytes) -> bytes:
    return quopri.encodestring(data)


def bword(text: str, charset: str, codec: str | None = None) -> str:
    data = text.encode(codec or charset)
    return f"=?{charset}?B?{base64.b64encode(data).decode()}?="


def qword(text: str, charset: str = "UTF-8") -> str:
    data = text.encode(charset)
    out = []
    for byte in data:
        char = chr(byte)
        if char == " ":
            out.append("_")
        elif char.isalnum() and byte < 128:
            out.append(char)
        else:
            out.append(f"={byte:02X}")
    return f"=?{charset}?Q?{''.join(out)}?="


def sjis_to_jis(pair: bytes) -> bytes:
    s1, s2 = pair
    if s1 >= 0xE0:
        s1 -= 0x40
    j1 = (s1 - 0x81) * 2 + 0x21
    if s2 >= 0x9F:
        j1 += 1
        j2 = s2 - 0x9F + 0x21
    else:
        j2 = s2 - 0x40 + 0x21 - (1 if s2 >= 0x80 else 0)
    return bytes((j1, j2))


def iso2022jp_ms(text: str) -> bytes:
    """ISO-2022-JP as Outlook writes it: CP932's extra characters in JIS rows 13 and 89-92."""
    out = bytearray()
    kanji = False
    for char in text:
        if ord(char) < 128:
            if kanji:
                out += b"\x1b(B"
                kanji = False
            out += char.encode("ascii")
            continue
        if not kanji:
            out += b"\x1b$B"
            kanji = True
        out += sjis_to_jis(char.encode("cp932"))
    if kanji:
        out += b"\x1b(B"
    return bytes(out)


# -- message builders -----------------------------------------------------------------


def headers_bytes(headers: list[Header]) -> bytes:
    lines = []
    for name, value in headers:
        raw = value if isinstance(value, bytes) else value.encode("ascii")
        lines.append(name.encode("ascii") + b": " + raw)
    return b"\n".join(lines) + b"\n"


def message(headers: list[Header], body: bytes, *, crlf: bool = True) -> bytes:
    data = headers_bytes(headers) + b"\n" + body
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


def part(headers: list[Header], body: bytes) -> bytes:
    return headers_bytes(headers) + b"\n" + body


def multipart(boundary: str, parts: list[bytes], *, close: bool = True) -> bytes:
    out = b"This is a multi-part message in MIME format.\n\n"
    for item in parts:
        out += f"--{boundary}\n".encode() + item
        if not item.endswith(b"\n"):
            out += b"\n"
    if close:
        out += f"--{boundary}--\n".encode()
    return out


def std(
    subject: str | bytes,
    *,
    frm: str | bytes = JOHN,
    to: str = US,
    mid: str | None = "auto",
    date: str = DATE,
    ctype: str | None = "text/plain; charset=UTF-8",
    cte: str | None = "7bit",
    extra: list[Header] | None = None,
) -> list[Header]:
    headers: list[Header] = [("Return-Path", f"<{_addr(frm)}>")] if frm else []
    if frm:
        headers.append(("From", frm))
    headers += [("To", to), ("Subject", subject), ("Date", date)]
    if mid == "auto":
        seed = subject if isinstance(subject, bytes) else subject.encode()
        mid = f"<{hashlib.sha1(seed + _addr(frm).encode()).hexdigest()[:16]}@mail.example.net>"
    if mid:
        headers.append(("Message-ID", mid))
    headers.append(("MIME-Version", "1.0"))
    if ctype:
        headers.append(("Content-Type", ctype))
    if cte:
        headers.append(("Content-Transfer-Encoding", cte))
    return headers + (extra or [])


def _addr(value: str | bytes) -> str:
    text = value.decode("ascii", "ignore") if isinstance(value, bytes) else value
    if "<" in text:
        return text.split("<", 1)[1].split(">", 1)[0]
    return text.strip()


FIXTURES: dict[str, tuple[str, str, bytes]] = {}


def fixture(name: str, exercises: str, expected: str, data: bytes) -> None:
    assert name not in FIXTURES, name
    FIXTURES[name] = (exercises, expected, data)


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# -- charsets and transfer encodings -------------------------------------------------


def charset_fixtures() -> None:
    fixture(
        "utf8_plain_en.eml",
        "plain English UTF-8, 7bit",
        "kind human, language en, exact text",
        message(
            std(
                "Question about invoice INV-2024-0042",
                frm="John Smith <John.Smith@Example.com>",
                mid="<20240501100000.abc@example.com>",
            ),
            b"Hello,\n\nOur invoice INV-2024-0042 shows 12 licenses but we only have 10.\n"
            b"Could you check?\n\nThanks,\nJohn\n",
        ),
    )
    fixture(
        "utf8_base64_ja.eml",
        "UTF-8 base64 body, B-encoded subject",
        "subject 請求書の金額について, language ja",
        message(
            std(
                bword("請求書の金額について", "UTF-8"),
                frm=f"{bword('山田 太郎', 'UTF-8')} <{TARO_ADDR}>",
                cte="base64",
            ),
            b64_lines(
                "お世話になっております。\n4月分の請求書の金額が見積もりと異なっています。\n"
                "ご確認をお願いします。\n".encode()
            ),
        ),
    )
    fixture(
        "utf8_qp_ja.eml",
        "UTF-8 quoted-printable body, Q-encoded subject",
        "subject 支払い方法の変更",
        message(
            std(
                qword("支払い方法の変更"),
                frm=f"{qword('山田 太郎')} <{TARO_ADDR}>",
                cte="quoted-printable",
            ),
            qp("支払い方法をクレジットカードから銀行振込に変更したいです。\n".encode()),
        ),
    )
    fixture(
        "utf8_8bit_raw.eml",
        "raw 8-bit UTF-8 body",
        "text 返金の手続きについて教えてください。",
        message(
            std(bword("返金について", "UTF-8"), frm=f"Taro Yamada <{TARO_ADDR}>", cte="8bit"),
            "返金の手続きについて教えてください。\n金額：12,000円\n".encode(),
        ),
    )
    fixture(
        "sjis_8bit_body.eml",
        "raw 8-bit Shift_JIS body, ISO-2022-JP subject",
        "declared shift_jis decoded as cp932",
        message(
            std(
                bword("請求書の再発行", "ISO-2022-JP", "iso2022_jp"),
                frm=f"{bword('山田 太郎', 'ISO-2022-JP', 'iso2022_jp')} <{TARO_ADDR}>",
                ctype="text/plain; charset=Shift_JIS",
                cte="8bit",
            ),
            "いつもお世話になっております。\n請求書の再発行をお願いできますでしょうか。\n".encode(
                "cp932"
            ),
        ),
    )
    fixture(
        "sjis_cp932_chars.eml",
        "CP932-only characters ① № Ⅱ ㈱ 髙 in mail labelled Shift_JIS",
        "all five survive; decoded as cp932",
        message(
            std(
                bword("契約内容の確認", "ISO-2022-JP", "iso2022_jp"),
                frm="Takahashi <takahashi@example.co.jp>",
                ctype='text/plain; charset="Shift_JIS"',
                cte="8bit",
                extra=[("X-Mailer", "Microsoft Outlook 16.0")],
            ),
            "① ライセンス数：10\n② 契約番号 №123\nフェーズⅡ\n㈱サンプル商事 髙橋\n".encode("cp932"),
        ),
    )
    fixture(
        "sjis_wave_dash_windows.eml",
        "Shift_JIS 0x8160 from a Windows client",
        "decodes as U+FF5E ～ (what the Windows user typed)",
        message(
            std(
                "Billing period",
                frm="Takahashi <takahashi@example.co.jp>",
                ctype="text/plain; charset=Shift_JIS",
                cte="8bit",
                extra=[("X-Mailer", "Microsoft Outlook 16.0")],
            ),
            "期間：4月1日～4月30日\n".encode("cp932"),
        ),
    )
    fixture(
        "utf8_wave_dash_mac.eml",
        "U+301C 〜 in UTF-8 from Apple Mail",
        "decodes as U+301C 〜",
        message(
            std(
                "Billing period",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                cte="8bit",
                extra=[("X-Mailer", "Apple Mail (2.3774.500.171.1.1)")],
            ),
            "期間：4月1日〜4月30日\n".encode(),
        ),
    )
    fixture(
        "iso2022jp_standard.eml",
        "ISO-2022-JP body and subject (7bit), JIS wave dash",
        "decoded as iso2022_jp; 0x2141 is U+301C 〜",
        message(
            std(
                bword("契約更新のご案内について", "ISO-2022-JP", "iso2022_jp"),
                frm=f"{bword('山田 太郎', 'ISO-2022-JP', 'iso2022_jp')} <{TARO_ADDR}>",
                ctype="text/plain; charset=ISO-2022-JP",
            ),
            "契約の更新日を教えてください。\n期間は4月1日〜3月31日です。\n".encode("iso2022_jp"),
        ),
    )
    fixture(
        "iso2022jp_no_charset.eml",
        "ISO-2022-JP body with Content-Type text/plain but no charset parameter",
        "detected by its escape sequences",
        message(
            std(
                bword("受領のご連絡", "ISO-2022-JP", "iso2022_jp"),
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain",
            ),
            "請求書を受け取りました。ありがとうございます。\n".encode("iso2022_jp"),
        ),
    )
    fixture(
        "iso2022jp_outlook_cp932_chars.eml",
        "ISO-2022-JP from Outlook carrying CP932 extras (① 髙 ～) in JIS rows 13/89-92",
        "decoded as iso2022_jp_ms; ①, 髙 and ～ survive",
        message(
            std(
                bword("お見積りの件", "ISO-2022-JP", "iso2022_jp"),
                frm="Takahashi <takahashi@example.co.jp>",
                ctype="text/plain; charset=iso-2022-jp",
                extra=[("X-Mailer", "Microsoft Outlook 16.0")],
            ),
            iso2022jp_ms("①お見積り\n髙橋様\n期間：4月1日～4月30日\n"),
        ),
    )
    fixture(
        "iso2022jp_halfwidth_kana.eml",
        "ISO-2022-JP with half-width katakana (ESC ( I)",
        "decoded as iso2022_jp_ext",
        message(
            std(
                "Guide",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=ISO-2022-JP",
            ),
            "ｶﾞｲﾄﾞを送ってください。\n".encode("iso2022_jp_ext"),
        ),
    )
    fixture(
        "iso2022jp_jis_roman_backslash.eml",
        "ISO-2022-JP switching to JIS-Roman (ESC ( J) before a Windows path",
        "0x5C stays a backslash: C:\\Users\\taro\\",
        message(
            std(
                "Path",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=ISO-2022-JP",
            ),
            "保存先：".encode("iso2022_jp")[:-3] + b"\x1b(JC:\\Users\\taro\\invoice.pdf\n",
        ),
    )
    fixture(
        "eucjp_body.eml",
        "EUC-JP body",
        "decoded as euc_jp",
        message(
            std(
                bword("口座振替", "EUC-JP", "euc_jp"),
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=EUC-JP",
                cte="8bit",
            ),
            "口座振替の手続きが完了しているか確認したいです。\n".encode("euc_jp"),
        ),
    )
    fixture(
        "eucjp_nec_chars.eml",
        "EUC-JP with ① (row 13), which euc_jp lacks",
        "decoded as euc_jis_2004",
        message(
            std(
                "Items",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=euc-jp",
                cte="8bit",
            ),
            "①契約 ②請求\n".encode("euc_jis_2004"),
        ),
    )
    fixture(
        "utf8_declared_iso8859_1.eml",
        "UTF-8 bytes labelled iso-8859-1",
        "decoded as utf_8, label marked wrong",
        message(
            std(
                "Amount",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=iso-8859-1",
                cte="8bit",
            ),
            "ご請求額：¥12,000（税込）\nMüller GmbH\n".encode(),
        ),
    )
    fixture(
        "utf8_declared_us_ascii.eml",
        "UTF-8 bytes labelled us-ascii",
        "decoded as utf_8, label marked wrong",
        message(
            std(
                "Invoice number",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=us-ascii",
                cte="8bit",
            ),
            "請求書番号：INV-2024-0042\n".encode(),
        ),
    )
    fixture(
        "sjis_declared_utf8.eml",
        "CP932 bytes labelled utf-8",
        "detected cp932",
        message(
            std(
                "Receipt",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=utf-8",
                cte="8bit",
            ),
            "領収書を発行してください。\n".encode("cp932"),
        ),
    )
    fixture(
        "sjis_undeclared_8bit.eml",
        "raw Shift_JIS body without any MIME headers",
        "detected cp932",
        message(
            std("Question", frm=f"Taro Yamada <{TARO_ADDR}>", ctype=None, cte=None),
            "先月分の請求について質問があります。\n".encode("cp932"),
        ),
    )
    fixture(
        "latin1_real.eml",
        "real ISO-8859-1 text",
        "decoded as cp1252 (superset)",
        message(
            std(
                "Rechnung",
                frm="Jens Mueller <jens@example.de>",
                ctype="text/plain; charset=ISO-8859-1",
                cte="8bit",
            ),
            "Grüße aus München, café\n".encode("latin-1"),
        ),
    )
    fixture(
        "windows1252_smart_quotes.eml",
        "Windows-1252 smart quotes, en dash and euro sign labelled iso-8859-1",
        "decoded as cp1252: “Invoice” – €100",
        message(
            std(
                "Quote",
                frm=JOHN,
                ctype="text/plain; charset=iso-8859-1",
                cte="quoted-printable",
            ),
            qp("“Invoice” – €100\n".encode("cp1252")),
        ),
    )
    fixture(
        "gb2312_body.eml",
        "Chinese labelled gb2312 with a GBK-only character",
        "decoded as gb18030",
        message(
            std(
                "Invoice",
                frm="Li Wei <li.wei@example.cn>",
                ctype="text/plain; charset=gb2312",
                cte="base64",
            ),
            b64_lines("发票金额有误，请核对。镕\n".encode("gb18030")),
        ),
    )
    fixture(
        "ks_c_5601_body.eml",
        "Korean labelled ks_c_5601-1987 with a CP949-only syllable",
        "decoded as cp949",
        message(
            std(
                "Invoice",
                frm="Kim <kim@example.kr>",
                ctype="text/plain; charset=ks_c_5601-1987",
                cte="base64",
            ),
            b64_lines("청구서 금액을 확인해 주세요. 똠\n".encode("cp949")),
        ),
    )
    fixture(
        "utf8_truncated_body.eml",
        "UTF-8 body cut in the middle of its last character",
        "lossy decoding recorded as a defect; the rest survives",
        message(
            std("Truncated", frm=f"Taro Yamada <{TARO_ADDR}>", cte="base64"),
            b64_lines("ありがとうございます。請求書".encode()[:-1]),
        ),
    )


def backslash_fixtures() -> None:
    path_text = "Saved to C:\\Users\\taro\\new_invoice.pdf and \\\\fileserver\\accounting\\2024\n"
    fixture(
        "backslash_7bit.eml",
        "Windows and UNC paths in a 7bit ASCII body",
        "backslashes kept, \\n in a path is not a newline",
        message(std("Paths", frm=JOHN), path_text.encode()),
    )
    ja_paths = "C:\\Users\\taro\\請求書.pdf\n\\\\fileserver\\accounting\\2024\n"
    fixture(
        "backslash_8bit_utf8.eml",
        "paths with Japanese in a raw 8-bit UTF-8 body",
        "backslashes kept",
        message(std("Paths", frm=f"Taro Yamada <{TARO_ADDR}>", cte="8bit"), ja_paths.encode()),
    )
    fixture(
        "backslash_qp_utf8.eml",
        "the same paths quoted-printable",
        "backslashes kept",
        message(
            std("Paths", frm=f"Taro Yamada <{TARO_ADDR}>", cte="quoted-printable"),
            qp(ja_paths.encode()),
        ),
    )
    fixture(
        "backslash_sjis_8bit.eml",
        "Shift_JIS with 0x5C as a trail byte (表, ソ) and as a path separator",
        "表示, ソフト and the backslashes all survive",
        message(
            std(
                "Paths",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=Shift_JIS",
                cte="8bit",
            ),
            "保存先：C:\\Users\\taro\\請求書.pdf\n表示できません。ソフトの問題？\n"
            "\\\\fileserver\\経理\\2024\n".encode("cp932"),
        ),
    )


# -- headers ---------------------------------------------------------------------------


def header_fixtures() -> None:
    title = "請求書の件".encode()
    fixture(
        "subject_rfc2047_split_utf8.eml",
        "UTF-8 subject split mid-character across three B-encoded words",
        "subject 請求書の件",
        message(
            std(
                " ".join(
                    f"=?UTF-8?B?{base64.b64encode(chunk).decode()}?="
                    for chunk in (title[:4], title[4:10], title[10:])
                ).replace(" ", "\n ", 1),
                frm=f"Taro Yamada <{TARO_ADDR}>",
            ),
            b"See subject.\n",
        ),
    )
    fixture(
        "subject_rfc2047_mixed_charsets.eml",
        "subject words in ISO-2022-JP, UTF-8 and us-ascii Q; From name in Shift_JIS with 髙",
        "subject お問い合わせ①番 INV-2024; from name 髙橋 花子",
        message(
            std(
                bword("お問い合わせ", "ISO-2022-JP", "iso2022_jp")
                + " "
                + bword("①番", "UTF-8")
                + " =?us-ascii?Q?_INV-2024?=",
                frm=f"{bword('髙橋 花子', 'Shift_JIS', 'cp932')} <hanako@example.co.jp>",
            ),
            b"Mixed charsets in the subject.\n",
        ),
    )
    fixture(
        "subject_rfc2047_bad_padding.eml",
        "B-encoded words without padding, and a From name whose base64 is cut mid-quantum",
        "subject 返金!の件; from name 山田太郎",
        message(
            std(
                "=?UTF-8?B?6L+U6YeRIQ?= =?UTF-8?B?44Gu5Lu2?=",
                frm=f"=?UTF-8?B?5bGx55Sw5aSq6?= =?UTF-8?B?YOO?= <{TARO_ADDR}>",
            ),
            b"Padding.\n",
        ),
    )
    fixture(
        "header_8bit_utf8.eml",
        "raw 8-bit UTF-8 in Subject and From display name",
        "subject 請求書の送付先変更, from name 佐藤 花子",
        message(
            std(
                "請求書の送付先変更".encode(),
                frm="佐藤 花子 <hanako@example.co.jp>".encode(),
                cte="8bit",
            ),
            "送付先を変更してください。\n".encode(),
        ),
    )
    fixture(
        "header_8bit_sjis.eml",
        "raw 8-bit Shift_JIS in Subject and From display name",
        "subject 【至急】請求金額の確認, from name 髙橋 一郎",
        message(
            std(
                "【至急】請求金額の確認".encode("cp932"),
                frm="髙橋 一郎 <ichiro@example.co.jp>".encode("cp932"),
                ctype="text/plain; charset=Shift_JIS",
                cte="8bit",
            ),
            "至急ご確認ください。\n".encode("cp932"),
        ),
    )
    fixture(
        "no_message_id.eml",
        "no Message-ID header",
        "stable synthetic id synthetic.<32 hex>@ticketing.invalid",
        message(std("No id", frm=JOHN, mid=None), b"Where is my invoice?\n"),
    )
    fixture(
        "message_id_no_brackets.eml",
        "Message-ID, In-Reply-To and References with missing angle brackets",
        "ids extracted either way",
        message(
            std(
                "Re: Your invoice",
                frm=JOHN,
                mid="20240501.xyz@example.com",
                extra=[
                    ("In-Reply-To", "out.123@billing.example.com"),
                    (
                        "References",
                        "<a.1@example.com> b.2@example.com\n <out.123@billing.example.com>",
                    ),
                ],
            ),
            b"Thanks.\n",
        ),
    )
    fixture(
        "duplicate_headers.eml",
        "two Subject and two To headers",
        "first Subject kept, To merged, defects recorded",
        message(
            std(
                "First subject",
                frm=JOHN,
                extra=[("Subject", "Second subject"), ("To", "accounts@reseller.example")],
            ),
            b"Duplicate headers.\n",
        ),
    )
    fixture(
        "address_forms.eml",
        "encoded name containing a comma, quoted names, group syntax, comments, upper case",
        "from 'Yamada, Taro' <taro@example.jp>; cc name from comment",
        message(
            std(
                "Addresses",
                frm=f"{bword('Yamada, Taro', 'UTF-8')} <TARO@Example.JP>",
                to='"Billing Team" <billing@reseller.example>, undisclosed-recipients:;',
                extra=[
                    ("Cc", "taro.backup@example.jp (Taro Backup)"),
                    ("Reply-To", '"山田, 太郎" <Reply@Example.JP>'.encode()),
                ],
            ),
            b"Address forms.\n",
        ),
    )


# -- structure -------------------------------------------------------------------------


HTML_ONLY = (
    "<html><head><style>p {color: red}</style><script>alert(1)</script>"
    "<title>Invoice</title></head><body>\n"
    "<p>Dear support,</p>\n<p>Please see the invoice at "
    '<a href="https://portal.example.com/invoices/42">the portal</a>.<br>\n'
    "Amount: &yen;12,000 &amp; tax</p>\n"
    "<ul><li>License A</li><li>License B</li></ul>\n<ol><li>first</li><li>second</li></ol>\n"
    '<p>Contact: <a href="mailto:john@example.com">john@example.com</a></p>\n'
    "</body></html>\n"
)


def structure_fixtures() -> None:
    fixture(
        "html_only.eml",
        "HTML-only mail: paragraphs, <br>, lists, links, entities, script/style",
        "text converted from HTML; html sanitised (no script)",
        message(
            std("HTML only", frm=JOHN, ctype="text/html; charset=UTF-8", cte="quoted-printable"),
            qp(HTML_ONLY.encode()),
        ),
    )
    fixture(
        "html_only_sjis_meta.eml",
        "HTML-only, no charset parameter, <meta charset=Shift_JIS>",
        "decoded via the meta charset as cp932",
        message(
            std(
                "HTML",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/html",
                cte="8bit",
            ),
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
            "</head><body><p>請求書①を送付します。</p></body></html>\n".encode("cp932"),
        ),
    )
    alternative = multipart(
        "alt-3",
        [
            part(
                [("Content-Type", "text/plain; charset=UTF-8")],
                b"Please find the invoice attached.\n",
            ),
            part(
                [("Content-Type", "text/html; charset=UTF-8")],
                b'<p>Please find the invoice attached.</p><img src="cid:logo@example.com">\n',
            ),
        ],
    )
    related = multipart(
        "rel-2",
        [
            part([("Content-Type", 'multipart/alternative; boundary="alt-3"')], alternative),
            part(
                [
                    ("Content-Type", "image/png"),
                    ("Content-Transfer-Encoding", "base64"),
                    ("Content-ID", "<logo@example.com>"),
                    ("Content-Disposition", 'inline; filename="logo.png"'),
                ],
                b64_lines(PNG),
            ),
        ],
    )
    fixture(
        "nested_mixed_related_alternative.eml",
        "multipart/mixed > multipart/related > multipart/alternative, inline logo, PDF",
        "text from text/plain; logo inline (cid referenced), invoice.pdf not inline",
        message(
            std("Invoice attached", frm=JOHN, ctype='multipart/mixed; boundary="mix-1"', cte=None),
            multipart(
                "mix-1",
                [
                    part([("Content-Type", 'multipart/related; boundary="rel-2"')], related),
                    part(
                        [
                            ("Content-Type", 'application/pdf; name="invoice.pdf"'),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-Disposition", 'attachment; filename="invoice.pdf"'),
                        ],
                        b64_lines(PDF),
                    ),
                ],
            ),
        ),
    )
    inner = message(
        [
            ("From", "Vendor Billing <billing@vendor.example>"),
            ("To", f"{bword('山田 太郎', 'ISO-2022-JP', 'iso2022_jp')} <{TARO_ADDR}>"),
            ("Subject", bword("ご請求金額のお知らせ", "ISO-2022-JP", "iso2022_jp")),
            ("Date", "Tue, 30 Apr 2024 09:00:00 +0900"),
            ("Message-ID", "<vendor.777@vendor.example>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=ISO-2022-JP"),
        ],
        "今月のご請求金額は 120,000円 です。\n".encode("iso2022_jp"),
    )
    fixture(
        "forward_message_rfc822.eml",
        "a forwarded mail attached as message/rfc822 (ISO-2022-JP inside)",
        "attachment message/rfc822 whose .text holds the decoded inner subject and body",
        message(
            std("Fwd: vendor invoice", frm=JOHN, ctype='multipart/mixed; boundary="fwd"', cte=None),
            multipart(
                "fwd",
                [
                    part(
                        [("Content-Type", "text/plain; charset=UTF-8")],
                        b"FYI, see the forwarded message.\n",
                    ),
                    part(
                        [
                            ("Content-Type", "message/rfc822"),
                            ("Content-Disposition", 'attachment; filename="vendor.eml"'),
                        ],
                        inner,
                    ),
                ],
            ),
        ),
    )
    fixture(
        "inline_image_vs_attachment.eml",
        "an image referenced by cid, an image attachment, an inline image without cid",
        "inline flags: True, False, True",
        message(
            std("Screenshots", frm=JOHN, ctype='multipart/mixed; boundary="m"', cte=None),
            multipart(
                "m",
                [
                    part(
                        [("Content-Type", 'multipart/alternative; boundary="a"')],
                        multipart(
                            "a",
                            [
                                part([("Content-Type", "text/plain")], b"See the screenshots.\n"),
                                part(
                                    [("Content-Type", "text/html")],
                                    b'<p>See the screenshots.</p><img src="cid:shot1">\n',
                                ),
                            ],
                        ),
                    ),
                    part(
                        [
                            ("Content-Type", "image/jpeg"),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-ID", "<shot1>"),
                        ],
                        b64_lines(b"\xff\xd8\xff\xe0fakejpeg"),
                    ),
                    part(
                        [
                            ("Content-Type", "image/png"),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-Disposition", 'attachment; filename="screenshot.png"'),
                        ],
                        b64_lines(PNG),
                    ),
                    part(
                        [
                            ("Content-Type", "image/gif"),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-Disposition", "inline"),
                        ],
                        b64_lines(b"GIF89a-fake"),
                    ),
                ],
            ),
        ),
    )
    fixture(
        "text_attachment_not_body.eml",
        "text/plain part with Content-Disposition: attachment",
        "an attachment, not part of the body text",
        message(
            std("Usage CSV", frm=JOHN, ctype='multipart/mixed; boundary="t"', cte=None),
            multipart(
                "t",
                [
                    part(
                        [("Content-Type", "text/plain; charset=UTF-8")], b"Attached is the CSV.\n"
                    ),
                    part(
                        [
                            ("Content-Type", "text/plain; charset=UTF-8"),
                            ("Content-Disposition", 'attachment; filename="usage.csv"'),
                        ],
                        b"date,amount\n2024-04-01,1200\n",
                    ),
                ],
            ),
        ),
    )
    fixture(
        "format_flowed_delsp.eml",
        "iPhone-style format=flowed; delsp=yes Japanese",
        "soft breaks joined without a space",
        message(
            std(
                "Flowed",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=utf-8; format=flowed; delsp=yes",
                cte="8bit",
            ),
            "お世話になっております。請求書の \n件でご連絡しました。\n\n> 引用 \n> 文です\n".encode(),
        ),
    )
    fixture(
        "uuencode_attachment.eml",
        "a uuencoded attachment",
        "decoded bytes",
        message(
            std("UU", frm=JOHN, ctype='multipart/mixed; boundary="u"', cte=None),
            multipart(
                "u",
                [
                    part([("Content-Type", "text/plain")], b"Data attached.\n"),
                    part(
                        [
                            ("Content-Type", 'application/octet-stream; name="data.bin"'),
                            ("Content-Transfer-Encoding", "x-uuencode"),
                        ],
                        b"begin 644 data.bin\n" + _uu(b"uuencoded payload\n") + b"`\nend\n",
                    ),
                ],
            ),
        ),
    )
    fixture(
        "rfc2231_filename_utf8.eml",
        "RFC 2231 filename*=UTF-8''... in Japanese",
        "filename 請求書_2024年4月.pdf",
        _attachment_mail(
            "RFC 2231",
            "attachment; filename*=UTF-8''"
            + quote_from_bytes("請求書_2024年4月.pdf".encode(), safe="")
            + "",
        ),
    )
    jis_name = "契約書_最終版.pdf".encode("iso2022_jp")
    sjis_name = quote_from_bytes("見積書①.xlsx".encode("cp932"), safe="")
    fixture(
        "rfc2231_filename_continuations.eml",
        "RFC 2231 continuations (filename*0*/*1*) in ISO-2022-JP, and a Shift_JIS filename*",
        "filenames 契約書_最終版.pdf and 見積書①.xlsx",
        message(
            std(
                "Files",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype='multipart/mixed; boundary="c"',
                cte=None,
            ),
            multipart(
                "c",
                [
                    part([("Content-Type", "text/plain")], b"Two files.\n"),
                    part(
                        [
                            ("Content-Type", "application/pdf"),
                            ("Content-Transfer-Encoding", "base64"),
                            (
                                "Content-Disposition",
                                "attachment;\n filename*0*=ISO-2022-JP''"
                                + quote_from_bytes(jis_name[:9], safe="")
                                + ";\n filename*1*="
                                + quote_from_bytes(jis_name[9:], safe=""),
                            ),
                        ],
                        b64_lines(PDF),
                    ),
                    part(
                        [
                            ("Content-Type", "application/vnd.ms-excel"),
                            ("Content-Transfer-Encoding", "base64"),
                            (
                                "Content-Disposition",
                                f"attachment; filename*=Shift_JIS''{sjis_name}",
                            ),
                        ],
                        b64_lines(b"PK-fake-xlsx"),
                    ),
                ],
            ),
        ),
    )
    fixture(
        "rfc2047_in_filename.eml",
        'non-standard but common filename="=?UTF-8?B?...?=" and name="=?ISO-2022-JP?B?...?="',
        "filenames 領収書.pdf and 契約書.docx",
        message(
            std(
                "Files",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype='multipart/mixed; boundary="e"',
                cte=None,
            ),
            multipart(
                "e",
                [
                    part([("Content-Type", "text/plain")], b"Files.\n"),
                    part(
                        [
                            ("Content-Type", "application/pdf"),
                            ("Content-Transfer-Encoding", "base64"),
                            (
                                "Content-Disposition",
                                f'attachment; filename="{bword("領収書.pdf", "UTF-8")}"',
                            ),
                        ],
                        b64_lines(PDF),
                    ),
                    part(
                        [
                            (
                                "Content-Type",
                                f'application/msword; name="{bword("契約書.docx", "ISO-2022-JP", "iso2022_jp")}"',
                            ),
                            ("Content-Transfer-Encoding", "base64"),
                        ],
                        b64_lines(b"fake-docx"),
                    ),
                ],
            ),
        ),
    )
    fixture(
        "filename_8bit_raw.eml",
        "raw 8-bit filenames: UTF-8 and Shift_JIS",
        "filenames 請求明細.csv and 支払通知書.pdf",
        message(
            std(
                "Files",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype='multipart/mixed; boundary="r"',
                cte=None,
            ),
            multipart(
                "r",
                [
                    part([("Content-Type", "text/plain")], b"Files.\n"),
                    part(
                        [
                            ("Content-Type", "text/csv"),
                            (
                                "Content-Disposition",
                                b'attachment; filename="' + "請求明細.csv".encode() + b'"',
                            ),
                        ],
                        b"a,b\n",
                    ),
                    part(
                        [
                            ("Content-Type", "application/pdf"),
                            ("Content-Transfer-Encoding", "base64"),
                            (
                                "Content-Disposition",
                                b'attachment; filename="' + "支払通知書.pdf".encode("cp932") + b'"',
                            ),
                        ],
                        b64_lines(PDF),
                    ),
                ],
            ),
        ),
    )


def _uu(data: bytes) -> bytes:
    import binascii

    return binascii.b2a_uu(data)


def _attachment_mail(subject: str, disposition: str) -> bytes:
    return message(
        std(
            subject,
            frm=f"Taro Yamada <{TARO_ADDR}>",
            ctype='multipart/mixed; boundary="f"',
            cte=None,
        ),
        multipart(
            "f",
            [
                part([("Content-Type", "text/plain")], b"Invoice attached.\n"),
                part(
                    [
                        ("Content-Type", "application/pdf"),
                        ("Content-Transfer-Encoding", "base64"),
                        ("Content-Disposition", disposition),
                    ],
                    b64_lines(PDF),
                ),
            ],
        ),
    )


# -- broken MIME -------------------------------------------------------------------------


def broken_fixtures() -> None:
    fixture(
        "broken_missing_close_boundary.eml",
        "multipart without its closing boundary",
        "body and attachment found; defect recorded",
        message(
            std("No close", frm=JOHN, ctype='multipart/mixed; boundary="b1"', cte=None),
            multipart(
                "b1",
                [
                    part([("Content-Type", "text/plain")], b"Body text here.\n"),
                    part(
                        [
                            ("Content-Type", "application/pdf"),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-Disposition", 'attachment; filename="a.pdf"'),
                        ],
                        b64_lines(PDF),
                    ),
                ],
                close=False,
            ),
        ),
    )
    fixture(
        "broken_boundary_not_declared.eml",
        "multipart/mixed with no boundary parameter",
        "boundary guessed from the body; text found",
        message(
            std("No boundary", frm=JOHN, ctype="multipart/mixed", cte=None),
            multipart(
                "XYZ",
                [
                    part([("Content-Type", "text/plain")], b"Guess my boundary.\n"),
                    part(
                        [
                            ("Content-Type", "application/pdf"),
                            ("Content-Transfer-Encoding", "base64"),
                            ("Content-Disposition", 'attachment; filename="b.pdf"'),
                        ],
                        b64_lines(PDF),
                    ),
                ],
            ),
        ),
    )
    fixture(
        "broken_wrong_boundary.eml",
        "declared boundary never used in the body",
        "boundary guessed from the body",
        message(
            std("Wrong boundary", frm=JOHN, ctype='multipart/mixed; boundary="AAA"', cte=None),
            multipart("BBB", [part([("Content-Type", "text/plain")], b"Wrong boundary body.\n")]),
        ),
    )
    crlf = message(std("Bare LF", frm=JOHN), b"")
    fixture(
        "broken_bare_lf_mixed.eml",
        "CRLF headers with bare-LF body lines",
        "defect: bare LF mixed with CRLF; text lines normalised",
        crlf + b"line one\nline two\r\nline three\n",
    )
    fixture(
        "lf_only_line_endings.eml",
        "a mail stored with LF line endings throughout (as from a Unix file)",
        "parses normally, no defect",
        message(std("LF only", frm=JOHN), b"Unix line endings.\n", crlf=False),
    )
    text = "お支払いについて確認させてください。".encode()
    encoded = base64.b64encode(text).decode().rstrip("=")
    fixture(
        "broken_base64_padding.eml",
        "base64 body missing its padding, with a stray junk character",
        "decoded anyway; defect recorded",
        message(
            std("Padding", frm=f"Taro Yamada <{TARO_ADDR}>", cte="base64"),
            (encoded[:20] + "!" + encoded[20:] + "\n").encode(),
        ),
    )
    fixture(
        "broken_base64_concatenated.eml",
        "two separately padded base64 blocks concatenated in one body",
        "both halves decoded",
        message(
            std("Concatenated", frm=f"Taro Yamada <{TARO_ADDR}>", cte="base64"),
            base64.b64encode("請求書\n".encode())
            + b"\n"
            + base64.b64encode("金額\n".encode())
            + b"\n",
        ),
    )
    fixture(
        "broken_garbage_before_headers.eml",
        "junk lines before the first header",
        "headers found; defect recorded",
        b"This is garbage\r\n>>> more junk\r\n"
        + message(std("After garbage", frm=JOHN), b"Body.\n"),
    )
    good = message(std("Still found", frm=JOHN), b"Body after a broken header.\n")
    fixture(
        "broken_header_without_colon.eml",
        "a header line without a colon in the middle of the headers",
        "later headers (Subject) still found; defect recorded",
        good.replace(b"To: ", b"X-Broken header line\r\nTo: ", 1),
    )
    fixture(
        "broken_empty_body.eml",
        "headers only, no body at all",
        "empty text, no fatal",
        message(std("Empty", frm=JOHN), b"").rstrip(b"\r\n") + b"\r\n",
    )
    fixture(
        "broken_no_from.eml",
        "no From, Sender or Return-Path",
        "fatal: no usable sender",
        message(std("Who am I", frm=""), b"Anonymous.\n"),
    )
    fixture(
        "broken_no_from_sender_only.eml",
        "no From but a Sender header",
        "from_addr taken from Sender",
        message(std("Sender only", frm="", extra=[("Sender", "Ops <ops@example.jp>")]), b"Hi.\n"),
    )
    fixture(
        "broken_mbox_from_line.eml",
        "an mbox 'From ' envelope line before the headers",
        "headers parsed normally",
        b"From taro@example.jp Wed May  1 10:00:00 2024\n"
        + message(std("Mbox", frm=f"Taro Yamada <{TARO_ADDR}>"), b"From mbox.\n", crlf=False),
    )
    nested = part([("Content-Type", "text/plain")], b"deep\n")
    for level in range(39):
        nested = part(
            [("Content-Type", f'multipart/mixed; boundary="n{level}"')],
            multipart(f"n{level}", [nested]),
        )
    fixture(
        "broken_deep_nesting.eml",
        "40 levels of nested multipart",
        "no crash; nesting limit recorded as a defect",
        message(
            std("Deep", frm=JOHN, ctype='multipart/mixed; boundary="n39"', cte=None),
            multipart("n39", [nested]),
        ),
    )
    fixture(
        "broken_unknown_charset.eml",
        "UTF-8 body labelled with an unknown charset",
        "unknown charset noted, detected utf_8",
        message(
            std(
                "Unknown charset",
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=x-unknown-foo",
                cte="8bit",
            ),
            "未知の文字コードです。\n".encode(),
        ),
    )
    fixture(
        "broken_charset_unicode_escape.eml",
        "charset=unicode_escape (never used as a codec)",
        "backslashes kept literally: C:\\Users\\taro\\new.pdf",
        message(
            std("Escape", frm=JOHN, ctype="text/plain; charset=unicode_escape"),
            b"C:\\Users\\taro\\new.pdf\n",
        ),
    )


# -- automatic mail ----------------------------------------------------------------------


def auto_fixtures() -> None:
    fixture(
        "autoreply_outlook_exchange_en.eml",
        "Exchange out-of-office reply (English)",
        "AUTO_REPLY, Auto-Submitted: auto-generated",
        message(
            std(
                "Automatic reply: Your invoice INV-2024-0042",
                frm=JOHN,
                ctype='multipart/alternative; boundary="oof"',
                cte=None,
                extra=[
                    ("Auto-Submitted", "auto-generated"),
                    ("X-Auto-Response-Suppress", "All"),
                    ("X-MS-Exchange-Inbox-Rules-Loop", "john.smith@example.com"),
                    ("Thread-Topic", "Your invoice INV-2024-0042"),
                ],
            ),
            multipart(
                "oof",
                [
                    part(
                        [("Content-Type", "text/plain")], b"I am out of the office until May 7.\n"
                    ),
                    part(
                        [("Content-Type", "text/html")],
                        b"<p>I am out of the office until May 7.</p>\n",
                    ),
                ],
            ),
        ),
    )
    fixture(
        "autoreply_outlook_exchange_ja.eml",
        "Exchange out-of-office reply in Japanese, only the Exchange loop header",
        "AUTO_REPLY, X-MS-Exchange-Inbox-Rules-Loop",
        message(
            std(
                bword("自動応答: 請求書送付のお知らせ", "UTF-8"),
                frm=f"{bword('山田 太郎', 'UTF-8')} <{TARO_ADDR}>",
                cte="base64",
                extra=[("X-MS-Exchange-Inbox-Rules-Loop", TARO_ADDR)],
            ),
            b64_lines("5月7日まで不在にしております。\n".encode()),
        ),
    )
    fixture(
        "autoreply_gmail_vacation.eml",
        "Gmail vacation responder",
        "AUTO_REPLY, Auto-Submitted: auto-replied",
        message(
            std(
                "Re: Your invoice INV-2024-0042",
                frm=JOHN,
                extra=[
                    ("Auto-Submitted", "auto-replied"),
                    ("X-Autoreply", "yes"),
                    ("Precedence", "bulk"),
                ],
            ),
            b"I'm on vacation until May 7.\n",
        ),
    )
    fixture(
        "autoreply_x_autoreply_only.eml",
        "vacation reply marked only with X-Autoreply: yes",
        "AUTO_REPLY, X-Autoreply: yes",
        message(std("Vacation", frm=JOHN, extra=[("X-Autoreply", "yes")]), b"Away.\n"),
    )
    fixture(
        "autoreply_x_autorespond.eml",
        "autoresponder marked with X-Autorespond",
        "AUTO_REPLY, X-Autorespond",
        message(
            std(
                "Thank you for your message",
                frm="Sales <sales@vendor.example>",
                extra=[("X-Autorespond", "Thank you")],
            ),
            b"We received your message.\n",
        ),
    )
    fixture(
        "autoreply_carrier_ja.eml",
        "Japanese mobile carrier style auto-reply: null sender and 【自動返信】 subject",
        "AUTO_REPLY by subject heuristic and null sender",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "hanako.mobile@docomo.ne.jp"),
                ("To", US),
                (
                    "Subject",
                    bword("【自動返信】ただいま不在にしております", "ISO-2022-JP", "iso2022_jp"),
                ),
                ("Date", DATE),
                ("Message-ID", "<carrier.1@docomo.ne.jp>"),
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=ISO-2022-JP"),
            ],
            "このメールは自動返信です。\n".encode("iso2022_jp"),
        ),
    )
    fixture(
        "autoreply_precedence_auto_reply.eml",
        "Precedence: auto_reply",
        "AUTO_REPLY, Precedence: auto_reply",
        message(std("Received", frm=JOHN, extra=[("Precedence", "auto_reply")]), b"Got it.\n"),
    )
    fixture(
        "autoreply_suppress_oof.eml",
        "X-Auto-Response-Suppress: OOF, AutoReply",
        "AUTO_REPLY",
        message(
            std(
                "Notification",
                frm="Portal <portal@vendor.example>",
                extra=[("X-Auto-Response-Suppress", "OOF, AutoReply")],
            ),
            b"Your report is ready.\n",
        ),
    )
    fixture(
        "human_auto_submitted_no.eml",
        "Auto-Submitted: no",
        "HUMAN",
        message(std("Manual", frm=JOHN, extra=[("Auto-Submitted", "no")]), b"Written by hand.\n"),
    )
    fixture(
        "human_subject_fuzai_hyou.eml",
        "a human subject starting with 不在 (不在票: a missed-delivery slip)",
        "HUMAN",
        message(
            std(bword("不在票について", "UTF-8"), frm=f"Taro Yamada <{TARO_ADDR}>", cte="8bit"),
            "請求書の郵送で不在票が入っていました。\n".encode(),
        ),
    )
    fixture(
        "human_reply_to_autoreply.eml",
        "a human reply whose subject contains 'Automatic reply:' after Re:",
        "HUMAN",
        message(std("Re: Automatic reply: Your invoice", frm=JOHN), b"Please answer when back.\n"),
    )
    fixture(
        "read_receipt_mdn.eml",
        "read receipt: multipart/report; report-type=disposition-notification",
        "AUTO_REPLY (MDN)",
        message(
            std(
                "Read: Your invoice",
                frm=JOHN,
                ctype='multipart/report; report-type=disposition-notification; boundary="mdn"',
                cte=None,
            ),
            multipart(
                "mdn",
                [
                    part([("Content-Type", "text/plain")], b"Your message was read.\n"),
                    part(
                        [("Content-Type", "message/disposition-notification")],
                        b"Final-Recipient: rfc822; john.smith@example.com\n"
                        b"Disposition: manual-action/MDN-sent-manually; displayed\n",
                    ),
                ],
            ),
        ),
    )
    fixture(
        "list_mailman.eml",
        "mailing-list mail (Mailman): List-Id, List-Unsubscribe, Precedence: list",
        "BULK, Precedence: list",
        message(
            std(
                "[cloud-users] Price change announcement",
                frm="Announcer <announce@lists.example.org>",
                to="cloud-users@lists.example.org",
                extra=[
                    ("Precedence", "list"),
                    ("List-Id", "Cloud users <cloud-users.lists.example.org>"),
                    ("List-Unsubscribe", "<mailto:cloud-users-leave@lists.example.org>"),
                    ("Sender", "cloud-users-bounces@lists.example.org"),
                ],
            ),
            b"Prices change next month.\n",
        ),
    )
    fixture(
        "newsletter_list_unsubscribe.eml",
        "newsletter with only List-Unsubscribe",
        "BULK, List-Unsubscribe",
        message(
            std(
                "Our May newsletter",
                frm="Vendor News <news@vendor.example>",
                extra=[("List-Unsubscribe", "<https://vendor.example/unsub?id=1>")],
            ),
            b"News.\n",
        ),
    )
    fixture(
        "bulk_precedence_junk.eml",
        "Precedence: junk",
        "BULK",
        message(
            std("Offer", frm="Promo <promo@spam.example>", extra=[("Precedence", "junk")]),
            b"Buy.\n",
        ),
    )


def bounce_fixtures() -> None:
    original = message(
        [
            ("From", US),
            ("To", "nobody@example.jp"),
            ("Subject", "[#123] Your ticket"),
            ("Date", DATE),
            ("Message-ID", "<out.123@billing.example.com>"),
        ],
        b"We received your request.\n",
    )
    fixture(
        "dsn_bounce_postfix.eml",
        "Postfix DSN: multipart/report delivery-status with the original message attached",
        "BOUNCE; bounced id out.123@billing.example.com",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "MAILER-DAEMON@mail.reseller.example (Mail Delivery System)"),
                ("To", "billing@reseller.example"),
                ("Subject", "Undelivered Mail Returned to Sender"),
                ("Date", DATE),
                ("Message-ID", "<20240501010000.ABC@mail.reseller.example>"),
                ("Auto-Submitted", "auto-replied"),
                ("MIME-Version", "1.0"),
                ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="dsn1"'),
            ],
            multipart(
                "dsn1",
                [
                    part(
                        [("Content-Description", "Notification"), ("Content-Type", "text/plain")],
                        b"I'm sorry to have to inform you that your message could not\n"
                        b"be delivered to one or more recipients.\n",
                    ),
                    part(
                        [
                            ("Content-Description", "Delivery report"),
                            ("Content-Type", "message/delivery-status"),
                        ],
                        b"Reporting-MTA: dns; mail.reseller.example\n\n"
                        b"Final-Recipient: rfc822; nobody@example.jp\nAction: failed\nStatus: 5.1.1\n"
                        b"Diagnostic-Code: smtp; 550 5.1.1 User unknown\n",
                    ),
                    part(
                        [
                            ("Content-Description", "Undelivered Message"),
                            ("Content-Type", "message/rfc822"),
                        ],
                        original,
                    ),
                ],
            ),
        ),
    )
    fixture(
        "dsn_bounce_exchange_headers_only.eml",
        "Exchange NDR returning only the original headers (text/rfc822-headers)",
        "BOUNCE; bounced id out.456@billing.example.com",
        message(
            [
                ("From", "postmaster@example.co.jp"),
                ("To", "billing@reseller.example"),
                ("Subject", "Undeliverable: [#456] Your ticket"),
                ("Date", DATE),
                ("Message-ID", "<ndr.1@example.co.jp>"),
                ("MIME-Version", "1.0"),
                ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="ndr"'),
            ],
            multipart(
                "ndr",
                [
                    part(
                        [("Content-Type", "text/plain")],
                        b"Delivery has failed to these recipients.\n",
                    ),
                    part(
                        [("Content-Type", "message/delivery-status")],
                        b"Reporting-MTA: dns;ex.example.co.jp\n\nFinal-Recipient: rfc822;gone@example.co.jp\n"
                        b"Action: failed\nStatus: 5.1.10\n",
                    ),
                    part(
                        [("Content-Type", "text/rfc822-headers")],
                        b"From: Reseller Billing <billing@reseller.example>\nTo: gone@example.co.jp\n"
                        b"Subject: [#456] Your ticket\nMessage-ID:\n <out.456@billing.example.com>\n",
                    ),
                ],
            ),
        ),
    )
    fixture(
        "dsn_delayed.eml",
        "DSN reporting a delay (Action: delayed)",
        "BOUNCE without bounced ids",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "MAILER-DAEMON@mail.reseller.example"),
                ("To", "billing@reseller.example"),
                ("Subject", "Delayed Mail (still being retried)"),
                ("Date", DATE),
                ("MIME-Version", "1.0"),
                ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="d"'),
            ],
            multipart(
                "d",
                [
                    part([("Content-Type", "text/plain")], b"Still trying.\n"),
                    part(
                        [("Content-Type", "message/delivery-status")],
                        b"Reporting-MTA: dns; mail.reseller.example\n\n"
                        b"Final-Recipient: rfc822; slow@example.jp\nAction: delayed\nStatus: 4.4.7\n",
                    ),
                    part([("Content-Type", "message/rfc822")], original),
                ],
            ),
        ),
    )
    fixture(
        "bounce_qmail_plain.eml",
        "qmail-style bounce: plain text from MAILER-DAEMON quoting the original headers",
        "BOUNCE; bounced id out.789@billing.example.com",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "MAILER-DAEMON@qmail.example.net"),
                ("To", "billing@reseller.example"),
                ("Subject", "failure notice"),
                ("Date", DATE),
            ],
            b"Hi. This is the qmail-send program at qmail.example.net.\n"
            b"I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
            b"<gone@example.net>:\nSorry, no mailbox here by that name.\n\n"
            b"--- Below this line is a copy of the message.\n\n"
            b"Return-Path: <billing@reseller.example>\nFrom: billing@reseller.example\n"
            b"Message-ID: <out.789@billing.example.com>\nSubject: [#789] Your ticket\n\nHello\n",
        ),
    )
    fixture(
        "bounce_carrier_ja.eml",
        "Japanese carrier bounce in ISO-2022-JP with the original headers in the text",
        "BOUNCE; bounced id out.321@billing.example.com",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "Mail Delivery Subsystem <mailer-daemon@ezweb.ne.jp>"),
                ("To", "billing@reseller.example"),
                ("Subject", bword("送信エラー", "ISO-2022-JP", "iso2022_jp")),
                ("Date", DATE),
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=ISO-2022-JP"),
            ],
            (
                "送信されたメールは相手先に届きませんでした。\n\n"
                "Message-ID: <out.321@billing.example.com>\nSubject: [#321] ticket\n"
            ).encode("iso2022_jp"),
        ),
    )
    fixture(
        "bounce_null_sender_only.eml",
        "null Return-Path and no other hint",
        "BOUNCE, null sender",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "notifications@vendor.example"),
                ("To", "billing@reseller.example"),
                ("Subject", "Notice"),
                ("Date", DATE),
                ("Message-ID", "<n.1@vendor.example>"),
            ],
            b"A notice.\n",
        ),
    )
    fixture(
        "bounce_x_failed_recipients.eml",
        "Exim bounce recognised by X-Failed-Recipients, original quoted in the body",
        "BOUNCE; bounced id out.555@billing.example.com",
        message(
            [
                ("Return-Path", "<>"),
                ("From", "Mail Delivery System <mailer@relay.example.net>"),
                ("To", "billing@reseller.example"),
                ("Subject", "Mail delivery failed: returning message to sender"),
                ("Date", DATE),
                ("X-Failed-Recipients", "nobody@example.jp"),
            ],
            b"This message was created automatically by mail delivery software.\n\n"
            b"------ This is a copy of the message, including all the headers. ------\n\n"
            b"Message-Id: <out.555@billing.example.com>\nSubject: [#555] Your ticket\n",
        ),
    )


# -- replies -----------------------------------------------------------------------------


def reply_fixtures() -> None:
    fixture(
        "reply_gmail_en.eml",
        "Gmail reply with the attribution wrapped over two lines",
        "new_text: Thanks, that fixed it.",
        message(
            std(
                "Re: Question about invoice INV-2024-0042",
                frm=JOHN,
                extra=[("In-Reply-To", "<out.123@billing.example.com>")],
            ),
            b"Thanks, that fixed it.\n\nOn Mon, May 6, 2024 at 9:15 AM Reseller Billing <billing@reseller.example>\n"
            b"wrote:\n\n> Hello John,\n>\n> We have corrected the invoice.\n>\n",
        ),
    )
    fixture(
        "reply_gmail_ja.eml",
        "Gmail reply in Japanese: 2024年5月6日(月) 9:15 ... <...>:",
        "new_text: ご対応ありがとうございました。確認しました。",
        message(
            std(
                bword("Re: 請求書の金額について", "UTF-8"),
                frm=f"{bword('山田 太郎', 'UTF-8')} <{TARO_ADDR}>",
                cte="base64",
            ),
            b64_lines(
                "ご対応ありがとうございました。\n確認しました。\n\n"
                "2024年5月6日(月) 9:15 Reseller Billing <billing@reseller.example>:\n\n"
                "> 山田様\n>\n> 請求書を修正しました。\n".encode()
            ),
        ),
    )
    fixture(
        "reply_outlook_en.eml",
        "Outlook top-posted reply: underscores, From/Sent/To/Subject block",
        "new_text ends with Regards, John",
        message(
            std("RE: Question about invoice INV-2024-0042", frm=JOHN),
            b"Hi,\n\nYes, please cancel the extra two licenses.\n\nRegards,\nJohn\n\n"
            b"________________________________\n"
            b"From: Reseller Billing <billing@reseller.example>\nSent: Monday, May 6, 2024 9:15 AM\n"
            b"To: John Smith <john.smith@example.com>\nSubject: RE: Question about invoice INV-2024-0042\n\n"
            b"Hello John,\nHow many licenses do you need?\n",
        ),
    )
    fixture(
        "reply_outlook_original_message.eml",
        "older Outlook: -----Original Message-----",
        "new_text: The PO number is 4500012345.",
        message(
            std("RE: PO number", frm=JOHN),
            b"The PO number is 4500012345.\n\n-----Original Message-----\n"
            b"From: Reseller Billing [mailto:billing@reseller.example]\nSent: Monday, May 6, 2024 9:15 AM\n"
            b"To: John Smith\nSubject: PO number\n\nWhat is your PO number?\n",
        ),
    )
    fixture(
        "reply_outlook_ja.eml",
        "Japanese Outlook reply in ISO-2022-JP with a 差出人/送信日時/宛先/件名 block",
        "new_text: the two Japanese paragraphs only",
        message(
            std(
                bword("RE: 請求書の金額について", "ISO-2022-JP", "iso2022_jp"),
                frm=f"{bword('山田 太郎', 'ISO-2022-JP', 'iso2022_jp')} <{TARO_ADDR}>",
                ctype="text/plain; charset=iso-2022-jp",
                extra=[("X-Mailer", "Microsoft Outlook 16.0")],
            ),
            iso2022jp_ms(
                "お世話になっております。山田です。\n\n承知しました。来月の請求で調整をお願いします。\n\n"
                "差出人: Reseller Billing <billing@reseller.example>\n送信日時: 2024年5月6日 9:15\n"
                "宛先: 山田 太郎 <taro@example.jp>\n件名: RE: 請求書の金額について\n\n山田様\n調整します。\n"
            ),
        ),
    )
    fixture(
        "reply_outlook_ja_motono.eml",
        "Japanese Outlook reply in Shift_JIS with -----元のメッセージ-----",
        "new_text: 振込が完了しました。",
        message(
            std(
                bword("RE: 振込のお願い", "ISO-2022-JP", "iso2022_jp"),
                frm=f"Taro Yamada <{TARO_ADDR}>",
                ctype="text/plain; charset=shift_jis",
                cte="8bit",
            ),
            (
                "振込が完了しました。\n\n-----元のメッセージ-----\n差出人: Reseller Billing\n"
                "送信日時: 2024年5月6日 9:15\n宛先: 山田 太郎\n件名: 振込のお願い\n\nお振込をお願いします。\n"
            ).encode("cp932"),
        ),
    )
    fixture(
        "reply_iphone_ja.eml",
        "iPhone reply in Japanese: iPhoneから送信 and 2024/05/06 9:15、...のメール:",
        "new_text: 了解しました。",
        message(
            std(bword("Re: 請求書", "UTF-8"), frm=f"Taro Yamada <{TARO_ADDR}>", cte="8bit"),
            "了解しました。\n\niPhoneから送信\n\n"
            "2024/05/06 9:15、Reseller Billing <billing@reseller.example>のメール:\n\n"
            "> 山田様\n> 請求書を修正しました。\n".encode(),
        ),
    )
    fixture(
        "reply_iphone_en.eml",
        "iPhone reply: Sent from my iPhone, quoted attribution",
        "new_text: Got it, thanks!",
        message(
            std("Re: Your invoice", frm=JOHN),
            b"Got it, thanks!\n\nSent from my iPhone\n\n"
            b"> On May 6, 2024, at 9:15 AM, Reseller Billing <billing@reseller.example> wrote:\n>\n"
            b"> Hello John,\n",
        ),
    )
    fixture(
        "reply_thunderbird_ja.eml",
        "Thunderbird reply in Japanese: ... さんは書きました:",
        "new_text: 山田です。添付の通りです。",
        message(
            std(bword("Re: 添付", "UTF-8"), frm=f"Taro Yamada <{TARO_ADDR}>", cte="8bit"),
            "山田です。\n添付の通りです。\n\nReseller Billing さんは書きました:\n> 請求書を添付してください。\n".encode(),
        ),
    )
    fixture(
        "reply_interleaved.eml",
        "interleaved answers between quoted questions, then a signature",
        "new_text keeps both answers, drops quotes and signature",
        message(
            std("Re: A few questions", frm=JOHN),
            b"Hi,\n\nOn Mon, May 6, 2024 at 9:15 AM Reseller Billing <billing@reseller.example> wrote:\n"
            b"> 1. How many licenses do you need?\nWe need 12.\n\n> 2. Which payment method?\n"
            b"Bank transfer, please.\n\n--\nJohn Smith\nExample Corp\n",
        ),
    )
    fixture(
        "reply_signature.eml",
        "a '-- ' signature block",
        "new_text: Please send the receipt.",
        message(
            std("Receipt", frm=f"Taro Yamada <{TARO_ADDR}>"),
            b"Please send the receipt.\n\n-- \nTaro Yamada\nExample KK\nTel: 03-1234-5678\n",
        ),
    )
    fixture(
        "reply_html_gmail_blockquote.eml",
        "HTML-only Gmail reply with the history in a blockquote",
        "new_text: Thanks for the update.",
        message(
            std("Re: Invoice", frm=JOHN, ctype="text/html; charset=UTF-8"),
            b'<div dir="ltr">Thanks for the update.</div><br><div class="gmail_quote">'
            b'<div dir="ltr" class="gmail_attr">On Mon, May 6, 2024 at 9:15 AM Reseller Billing &lt;'
            b'<a href="mailto:billing@reseller.example">billing@reseller.example</a>&gt; wrote:<br></div>'
            b'<blockquote class="gmail_quote"><div>Hello John,<br>We have corrected the invoice.</div>'
            b"</blockquote></div>\n",
        ),
    )


def write_readme() -> None:
    lines = [
        "# Mail fixtures",
        "",
        "Written by `tests/data/make_mail_fixtures.py` (run it to regenerate); asserted by",
        "`tests/test_parse.py` (every file parses without raising; the expectations table there",
        "checks the key facts below).",
        "",
        "| file | exercises | expected key facts |",
        "|---|---|---|",
    ]
    for name, (exercises, expected, _) in sorted(FIXTURES.items()):
        cells = [name, exercises, expected]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    (OUT / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    charset_fixtures()
    backslash_fixtures()
    header_fixtures()
    structure_fixtures()
    broken_fixtures()
    auto_fixtures()
    bounce_fixtures()
    reply_fixtures()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.eml"):
        old.unlink()
    for name, (_, _, data) in FIXTURES.items():
        (OUT / name).write_bytes(data)
    write_readme()
    print(f"wrote {len(FIXTURES)} fixtures to {OUT}")


if __name__ == "__main__":
    main()
