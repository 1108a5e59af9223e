"""A deterministic generator of realistic billing-support mail, English and Japanese.

Same seed and index, same bytes: benchmarks compare like with like across runs and
machines. The mix follows what a reseller's billing desk receives:

* half English, half Japanese; Japanese mail in UTF-8 (base64, quoted-printable or
  8-bit), ISO-2022-JP (7-bit, the classic carriers' and Apple Mail's choice),
  Shift_JIS labels on CP932 bytes (Outlook on Windows: ① and friends) and EUC-JP;
* RFC 2047 subjects and display names in the mail's charset (B and Q encoding);
* about a third with an HTML alternative; about 5 % with attachments (PDF invoices,
  PNG screenshots, CSV exports), some with Japanese file names (RFC 2231);
* about 12 % replies: the customer writing again on their own thread (In-Reply-To /
  References to their earlier mail, quoted history), which become follow-ups;
* sizes from 1 KB to 5 MB: most mail is about 2.7 KB, a long tail of attachments.

`expected_subject` is the subject as the customer typed it, i.e. what a correct
parser must decode.
"""

from __future__ import annotations

import base64
import binascii
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

__all__ = ["GeneratedMail", "big_attachment_mail", "generate", "summarize"]

OUR_ADDRESS = "billing@example.com"
BASE_DATE = datetime(2026, 3, 2, 0, 30, tzinfo=UTC)

# (label in the mail, Python codec, Content-Transfer-Encodings to choose from)
JA_CHARSETS: list[tuple[str, str, tuple[str, ...], float]] = [
    ("UTF-8", "utf-8", ("base64", "quoted-printable", "8bit"), 0.45),
    ("ISO-2022-JP", "iso2022_jp", ("7bit",), 0.30),
    ("Shift_JIS", "cp932", ("base64", "8bit"), 0.17),
    ("EUC-JP", "euc_jp", ("8bit",), 0.08),
]

EN_FIRST = ["James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emma", "Daniel"]
EN_LAST = ["Smith", "Johnson", "Brown", "Garcia", "Miller", "Wilson", "Moore", "Clark", "Lewis"]
EN_COMPANIES = ["northwind", "contoso", "fabrikam", "tailspin", "adatum", "litware", "proseware"]
JA_NAMES = [
    ("山田", "太郎", "yamada.taro"),
    ("佐藤", "花子", "sato.hanako"),
    ("鈴木", "一郎", "suzuki.ichiro"),
    ("髙橋", "美咲", "takahashi.misaki"),
    ("田中", "健", "tanaka.ken"),
    ("渡辺", "直子", "watanabe.naoko"),
    ("伊藤", "翔", "ito.sho"),
    ("中村", "由美", "nakamura.yumi"),
]
JA_COMPANIES = [
    ("株式会社さくら商事", "sakura-shoji"),
    ("ひかり精工株式会社", "hikari-seiko"),
    ("有限会社みどり設計", "midori-sekkei"),
    ("株式会社東都システム", "toto-system"),
    ("北斗物流株式会社", "hokuto-butsuryu"),
]
PRODUCTS = ["Microsoft 365 E3", "Azure subscription", "Dynamics 365", "Exchange Online", "Teams"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August"]

EN_SUBJECTS = [
    "Question about invoice {inv}",
    "Charged twice for {product} in {month}",
    "Refund request for the {product} licences",
    "Payment failed – card declined",
    "Dispute: unexpected charge of ${amount}",
    "Overdue notice received for {inv}",
    "Our service was suspended – payment was made",
    "How do I update our payment method?",
    "VAT missing on invoice {inv}",
    "Cannot open the billing portal (error 500)",
    "Wrong number of seats billed in {month}",
    "Credit note for cancelled {product}",
    "Chargeback filed by mistake – what now?",
    "Outage on {product} since this morning",
]
JA_SUBJECTS = [
    "請求書{inv}について",
    "{month_ja}分の二重請求の件",
    "返金のお願い（{product}）",
    "クレジットカードの決済エラーについて",
    "身に覚えのない請求 {amount}円",
    "支払期限を過ぎた請求書の件",
    "サービスが停止されました【至急】",
    "支払方法の変更について",
    "請求金額の確認のお願い",
    "ライセンス数の変更と日割り計算について",
    "{product}の障害について",
    "領収書の再発行のお願い",
]
# The paragraphs (by index below) that go with each subject, so that a mail reads as one
# coherent request and the routing rules see the mix of queues a billing desk gets.
EN_THEMES = [[0], [1], [2], [6], [4], [3], [3], [6], [0], [5], [2], [2], [4], [5]]
JA_THEMES = [[0], [1], [2], [6], [4], [3], [3], [6], [0], [2], [5], [0]]
CP932_THEMES = [[0], [0], [2]]
# Only CP932 (the Windows superset behind "Shift_JIS") has these; they must survive.
CP932_ONLY_SUBJECTS = [
    "請求書の件①（{month_ja}分）",
    "㈱さくら商事からの問い合わせ №{n}",
    "ライセンス数Ⅱの請求について",
]

EN_PARAGRAPHS = [
    "I am writing about invoice {inv} dated {date}. The total shows ${amount}, but our "
    "contract price for {product} is lower. Could you check the calculation and send a "
    "corrected invoice if needed?",
    "Our finance team noticed two identical charges on the corporate card this month. "
    "Both have the same reference and the same amount, ${amount}. Please confirm which "
    "one will be refunded and when we can expect it.",
    "We reduced the number of {product} seats from 120 to 95 at the start of {month}, but "
    "the invoice still bills 120 seats. I have attached the admin centre export showing "
    "the change.",
    "The payment was made by bank transfer on {date} (reference {ref}). Despite this we "
    "received an overdue notice and a warning that the subscription will be disabled. "
    "Please stop the suspension – our users depend on it.",
    "We do not recognise this charge and our bank has asked us to contact you before "
    "they open a dispute. Could you tell us which order it belongs to?",
    "Since this morning none of our users can sign in and the admin portal shows an error "
    "for our tenant. Is there an incident on the vendor side? We need a case number for "
    "our management.",
    "Could you also tell me how to change the card on file? The old card expires at the end "
    "of the month and I cannot find the option in the portal.",
    "Thanks in advance for your help. If you need anything else from us – purchase order, "
    "tax ID or the contract – just let me know.",
]
JA_PARAGRAPHS = [
    "いつもお世話になっております。{date}付けの請求書{inv}について確認させてください。"
    "請求金額が{amount}円となっておりますが、契約上の単価と一致しておりません。",
    "今月のクレジットカード明細に同じ金額（{amount}円）の請求が2回計上されております。"
    "どちらか一方の返金をお願いできますでしょうか。",
    "{month_ja}の初めに{product}のライセンス数を120から95に減らしましたが、"
    "請求書では120ライセンス分のままとなっております。管理画面のエクスポートを添付いたします。",
    "{date}に銀行振込にてお支払い済みです（振込番号：{ref}）。"
    "それにもかかわらず督促状が届き、サービス停止の予告を受けました。至急ご確認ください。",
    "身に覚えのない請求があり、カード会社からまず販売元に確認するよう言われました。"
    "どの注文に対する請求なのか教えていただけますか。",
    "本日朝から全ユーザーがサインインできず、管理ポータルにもエラーが表示されます。"
    "ベンダー側の障害でしょうか。社内報告のためケース番号をお知らせください。",
    "また、登録しているクレジットカードの変更方法も教えてください。"
    "現在のカードは月末で有効期限が切れます。",
    "お手数をおかけしますが、どうぞよろしくお願いいたします。"
    "注文書や契約書など必要な書類があればお知らせください。",
]
JA_SIGNATURE = (
    "━━━━━━━━━━━━━━━━━━━━\n{company}\n情報システム部　{family} {given}\n"
    "〒100-0005 東京都千代田区丸の内1-1-1\nTEL: 03-1234-5678\n━━━━━━━━━━━━━━━━━━━━"
)
EN_CONTEXT = [
    "For reference: tenant ID {ref}, contract {inv}, billing contact finance@ our domain. "
    "We are on the annual commitment plan with monthly billing in USD.",
    "Our purchase order for this period is PO-{n} and the cost centre is 4410. Please quote "
    "the PO on any corrected invoice so our accounts payable team can match it.",
    "I tried the self-service billing page first, but it only shows the last three invoices "
    "and the download link for the older ones returns an empty PDF.",
]
JA_CONTEXT = [
    "参考までに、テナントIDは{ref}、契約番号は{inv}です。年間契約・月額請求（円建て）で利用しております。",
    "今期の注文書番号はPO-{n}、コストセンターは4410です。訂正後の請求書には注文書番号の記載をお願いいたします。",
    "先にセルフサービスの請求ページを確認しましたが、直近3か月分の請求書しか表示されず、"
    "それ以前の請求書のダウンロードリンクは空のPDFになってしまいます。",
]
EN_SIGNATURE = "Best regards,\n{first} {last}\nIT Procurement | {company}\n+1 (555) 010-{n4}"
# Where a subject character differs between CP932 and plain Shift_JIS or ISO-2022-JP.
WAVE_DASH_BODY = "受付時間：9:00〜18:00（土日祝を除く）"
PATH_BODY = r"ログは C:\Users\admin\billing\export.csv に保存しました。"


@dataclass(frozen=True)
class GeneratedMail:
    index: int
    raw: bytes
    expected_subject: str
    message_id: str  # without angle brackets
    sender: str
    language: str  # en | ja
    charset: str  # the label in the mail
    html: bool
    attachments: int
    reply_to: int | None  # index of the earlier mail this one replies to

    @property
    def size(self) -> int:
        return len(self.raw)


# -- RFC 2047 ---------------------------------------------------------------------------


def encode_words(text: str, label: str, codec: str, mode: str = "B") -> str:
    """`text` as RFC 2047 encoded-words of at most 75 characters, split between characters
    (each word decodes on its own: ISO-2022-JP words return to ASCII at their end)."""
    overhead = len(label) + 7  # =?label?B?...?=
    words: list[str] = []
    chunk = ""
    for ch in text:
        candidate = chunk + ch
        if chunk and len(_encoded_payload(candidate, codec, mode)) + overhead > 75:
            words.append(_word(chunk, label, codec, mode))
            chunk = ch
        else:
            chunk = candidate
    if chunk:
        words.append(_word(chunk, label, codec, mode))
    return "\r\n ".join(words)


def _encoded_payload(text: str, codec: str, mode: str) -> str:
    data = text.encode(codec)
    if mode == "B":
        return base64.b64encode(data).decode("ascii")
    out = []
    for byte in data:
        ch = chr(byte)
        if ch.isascii() and (ch.isalnum() or ch in "!*+-/"):
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append(f"={byte:02X}")
    return "".join(out)


def _word(text: str, label: str, codec: str, mode: str) -> str:
    return f"=?{label}?{mode}?{_encoded_payload(text, codec, mode)}?="


def header_text(text: str, label: str, codec: str, mode: str = "B") -> str:
    return text if text.isascii() else encode_words(text, label, codec, mode)


# -- bodies -----------------------------------------------------------------------------


def _b64_lines(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def encode_body(text: str, codec: str, cte: str) -> bytes:
    """Text with CRLF line endings, encoded for the wire."""
    data = text.replace("\r\n", "\n").encode(codec)
    if cte == "base64":
        return _b64_lines(data.replace(b"\n", b"\r\n"))
    if cte == "quoted-printable":
        return binascii.b2a_qp(data).replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r\n")


def _html(paragraphs: list[str], label: str) -> str:
    body = "\n".join(
        f'<p class="MsoNormal">{escape(p).replace(chr(10), "<br>")}</p>' for p in paragraphs
    )
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}">'
        "<style>p.MsoNormal{margin:0;font-size:11pt;font-family:Calibri,sans-serif}</style>"
        f'</head><body lang="EN-US"><div class="WordSection1">\n{body}\n</div></body></html>'
    )


def _part(content_type: str, label: str, cte: str, payload: bytes) -> bytes:
    head = f"Content-Type: {content_type}; charset={label}\r\nContent-Transfer-Encoding: {cte}"
    return head.encode("ascii") + b"\r\n\r\n" + payload


@dataclass(frozen=True)
class _Attachment:
    filename: str
    content_type: str
    data: bytes


def _attachment_part(att: _Attachment) -> bytes:
    if att.filename.isascii():
        disp = f'attachment; filename="{att.filename}"'
        ctype = f'{att.content_type}; name="{att.filename}"'
    else:
        # RFC 2231 for the disposition (Thunderbird, Gmail), RFC 2047 in name= (Outlook).
        disp = f"attachment; filename*=UTF-8''{quote(att.filename)}"
        ctype = f'{att.content_type}; name="{encode_words(att.filename, "UTF-8", "utf-8")}"'
    head = (
        f"Content-Type: {ctype}\r\nContent-Disposition: {disp}\r\nContent-Transfer-Encoding: base64"
    )
    return head.encode("utf-8") + b"\r\n\r\n" + _b64_lines(att.data)


def _multipart(subtype: str, boundary: str, parts: list[bytes]) -> tuple[str, bytes]:
    b = boundary.encode("ascii")
    body = b"This is a multi-part message in MIME format.\r\n"
    for part in parts:
        body += b"\r\n--" + b + b"\r\n" + part
    body += b"\r\n--" + b + b"--\r\n"
    return f'multipart/{subtype};\r\n\tboundary="{boundary}"', body


def _attachment_size(rng: random.Random) -> int | None:
    """None for most mail; otherwise a size from a long-tailed distribution."""
    roll = rng.random()
    if roll < 0.949:
        return None
    if roll < 0.989:
        return rng.randint(5_000, 100_000)
    if roll < 0.999:
        return rng.randint(100_000, 1_000_000)
    return rng.randint(1_000_000, 3_700_000)  # base64 brings the mail to at most ~5 MB


def _make_attachment(rng: random.Random, size: int, language: str, n: int) -> _Attachment:
    kind = rng.random()
    if kind < 0.5:
        name = (
            f"請求書_{n:05d}.pdf" if language == "ja" and rng.random() < 0.6 else f"invoice-{n}.pdf"
        )
        head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
        return _Attachment(name, "application/pdf", head + rng.randbytes(max(size - len(head), 0)))
    if kind < 0.85:
        head = b"\x89PNG\r\n\x1a\n"
        return _Attachment(
            f"screenshot-{n}.png", "image/png", head + rng.randbytes(max(size - len(head), 0))
        )
    line = "date,product,seats,amount\n2026-02-01,M365 E3,120,456000\n"
    text = (line * (size // len(line) + 1))[:size]
    name = f"明細_{n}.csv" if language == "ja" else f"usage-{n}.csv"
    return _Attachment(name, "text/csv", text.encode("utf-8"))


# -- one mail ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Customer:
    language: str
    address: str
    display: str  # the display name as typed
    first: str
    last: str
    company: str


def _customer(rng: random.Random, index: int, language: str) -> _Customer:
    if language == "ja":
        family, given, roman = rng.choice(JA_NAMES)
        company, domain = rng.choice(JA_COMPANIES)
        return _Customer(
            "ja", f"{roman}{index}@{domain}.example.jp", f"{family} {given}", given, family, company
        )
    first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
    company = rng.choice(EN_COMPANIES)
    return _Customer(
        "en",
        f"{first.lower()}.{last.lower()}{index}@{company}.example.com",
        f"{first} {last}",
        first,
        last,
        company.capitalize(),
    )


def fill(template: str, rng: random.Random, index: int) -> str:
    month = rng.randrange(len(MONTHS_EN))
    return template.format(
        inv=f"INV-2026-{rng.randint(100, 99999):05d}",
        amount=f"{rng.randint(3, 900) * 1100:,}",
        product=rng.choice(PRODUCTS),
        month=MONTHS_EN[month],
        month_ja=f"{month + 1}月",
        date=f"2026-0{month + 1}-{rng.randint(10, 28)}",
        ref=f"TR{rng.randint(10**7, 10**8 - 1)}",
        n=index,
    )


def _choose_charset(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    roll = rng.random()
    for label, codec, ctes, weight in JA_CHARSETS:
        if roll < weight:
            return label, codec, ctes
        roll -= weight
    label, codec, ctes, _ = JA_CHARSETS[0]
    return label, codec, ctes


def _round_trips(text: str, codec: str) -> bool:
    try:
        return text.encode(codec).decode(codec) == text
    except UnicodeError:
        return False


@dataclass
class _Sent:
    """What a later reply needs to know about an earlier mail."""

    customer: _Customer
    subject: str
    message_id: str
    references: tuple[str, ...]
    label: str
    codec: str
    ctes: tuple[str, ...]
    body: str


def _mail(rng: random.Random, index: int, earlier: list[_Sent]) -> tuple[GeneratedMail, _Sent]:
    reply_of: _Sent | None = None
    reply_index: int | None = None
    if earlier and rng.random() < 0.12:
        # Customers write again on their own thread, mostly within the last few hundred mails.
        reply_index = max(0, len(earlier) - 1 - int(rng.expovariate(1 / 60)))
        reply_of = earlier[reply_index]
    if reply_of is not None:
        cust = reply_of.customer
        label, codec, ctes = reply_of.label, reply_of.codec, reply_of.ctes
    else:
        language = "ja" if rng.random() < 0.5 else "en"
        cust = _customer(rng, index, language)
        if language == "ja":
            label, codec, ctes = _choose_charset(rng)
        else:
            label, codec, ctes = "UTF-8", "utf-8", ("7bit", "quoted-printable")
    ja = cust.language == "ja"
    cte = rng.choice(ctes)

    if reply_of is not None:
        prefix = "Re: " if not ja or rng.random() < 0.8 else "RE: "
        subject = prefix + reply_of.subject.removeprefix("Re: ").removeprefix("RE: ")
    else:
        pool, themes = (JA_SUBJECTS, JA_THEMES) if ja else (EN_SUBJECTS, EN_THEMES)
        if label == "Shift_JIS" and rng.random() < 0.4:
            pool, themes = CP932_ONLY_SUBJECTS, CP932_THEMES
        choice = rng.randrange(len(pool))
        subject = fill(pool[choice], rng, index)
        theme = themes[choice]
    if not _round_trips(subject, codec):  # e.g. a CP932-only character in another charset
        raise AssertionError(f"subject {subject!r} does not survive {codec}")

    if reply_of is not None:
        theme = [rng.choice([0, 2, 6])]
    source, context = (JA_PARAGRAPHS, JA_CONTEXT) if ja else (EN_PARAGRAPHS, EN_CONTEXT)
    chosen = [source[i] for i in theme]
    chosen += rng.sample(context, rng.randint(1, 3))
    if rng.random() < 0.3:
        chosen.append(source[rng.choice([0, 2, 6])])
    chosen.append(source[7])
    paragraphs = [fill(p, rng, index) for p in chosen]
    if ja:
        greeting = f"{cust.company}\nご担当者様\n\n{cust.company}の{cust.last}です。"
        extra = [WAVE_DASH_BODY] if codec != "cp932" else []
        if rng.random() < 0.2:
            extra.append(PATH_BODY)
        signature = JA_SIGNATURE.format(company=cust.company, family=cust.last, given=cust.first)
        paragraphs = [greeting, *paragraphs, *extra, signature]
    else:
        paragraphs = [
            "Hello,",
            *paragraphs,
            EN_SIGNATURE.format(
                first=cust.first, last=cust.last, company=cust.company, n4=f"{index % 10000:04d}"
            ),
        ]
    body = "\n\n".join(paragraphs)
    if reply_of is not None:
        quoted = "\n".join("> " + line for line in reply_of.body.splitlines())
        lead = (
            "追加で失礼いたします。先ほどの件、補足です。"
            if ja
            else "Sorry, one more thing about my previous message."
        )
        when = (BASE_DATE + timedelta(minutes=reply_index or 0)).strftime("%Y/%m/%d %H:%M")
        said = (
            f"{when} {cust.display} <{cust.address}>:"
            if ja
            else f"On {when}, {cust.display} wrote:"
        )
        body = f"{lead}\n\n{body.split(chr(10) + chr(10))[1]}\n\n{said}\n{quoted}"
    body = "\n".join(line for line in body.splitlines() if _round_trips(line, codec) or not line)
    if cte == "7bit" and codec == "utf-8" and not body.isascii():
        cte = "quoted-printable"

    html = rng.random() < 0.33
    text_part = _part("text/plain", label, cte, encode_body(body, codec, cte) + b"\r\n")
    if html:
        html_cte = "quoted-printable" if cte in ("7bit", "8bit") and codec == "utf-8" else cte
        html_body = encode_body(_html(body.split("\n\n"), label), codec, html_cte) + b"\r\n"
        ctype, payload = _multipart(
            "alternative",
            f"----=_NextPart_{index:06d}_ALT",
            [text_part, _part("text/html", label, html_cte, html_body)],
        )
        content = f"Content-Type: {ctype}".encode("ascii") + b"\r\n\r\n" + payload
    else:
        content = text_part
    size = _attachment_size(rng)
    attachments = 0
    if size is not None:
        att = _make_attachment(rng, size, cust.language, index)
        ctype, payload = _multipart(
            "mixed", f"----=_NextPart_{index:06d}_MIX", [content, _attachment_part(att)]
        )
        content = f"Content-Type: {ctype}".encode("ascii") + b"\r\n\r\n" + payload
        attachments = 1

    domain = cust.address.rpartition("@")[2]
    message_id = f"{index:07d}.{rng.getrandbits(48):012x}@mail.{domain}"
    date = BASE_DATE + timedelta(minutes=index, seconds=rng.randint(0, 59))
    client = rng.random()
    # A name the mail's charset cannot carry (髙 outside CP932) goes out in UTF-8.
    name_label, name_codec = (
        (label, codec) if _round_trips(cust.display, codec) else ("UTF-8", "utf-8")
    )
    name_header = header_text(cust.display, name_label, name_codec, "B")
    headers = [
        f"Return-Path: <{cust.address}>",
        f"Received: from mail.{domain} (mail.{domain} [192.0.2.{index % 250 + 1}])\r\n"
        f"\tby mx1.example.com (Postfix) with ESMTPS id 4X{index:08X}\r\n"
        f"\tfor <{OUR_ADDRESS}>; {format_datetime(date)}",
    ]
    if client < 0.4:
        sig = base64.b64encode(rng.randbytes(180)).decode("ascii")
        headers.append(
            f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\r\n"
            f"\th=from:to:subject:date:message-id; bh={sig[:44]};\r\n\tb={sig[44:120]}\r\n\t {sig[120:]}"
        )
    headers += [
        f"From: {name_header} <{cust.address}>",
        f"To: Billing Support <{OUR_ADDRESS}>",
        f"Subject: {header_text(subject, label, codec, 'Q' if not ja and rng.random() < 0.5 else 'B')}",
        f"Date: {format_datetime(date)}",
        f"Message-ID: <{message_id}>",
    ]
    references: tuple[str, ...] = ()
    if reply_of is not None:
        references = (*reply_of.references, reply_of.message_id)
        headers.append(f"In-Reply-To: <{reply_of.message_id}>")
        headers.append("References: " + "\r\n ".join(f"<{r}>" for r in references))
    if client < 0.4:
        headers.append(
            "X-Mailer: iPhone Mail (21E236)" if ja else "User-Agent: Mozilla Thunderbird"
        )
    else:
        headers.append(f"Thread-Index: AQH{base64.b64encode(rng.randbytes(18)).decode('ascii')}")
        headers.append("X-MS-Has-Attach: " + ("yes" if attachments else ""))
        headers.append("Content-Language: " + ("ja-JP" if ja else "en-US"))
    headers.append("MIME-Version: 1.0")
    raw = "\r\n".join(headers).encode("ascii") + b"\r\n" + content
    mail = GeneratedMail(
        index=index,
        raw=raw,
        expected_subject=subject,
        message_id=message_id,
        sender=cust.address,
        language=cust.language,
        charset=label,
        html=html,
        attachments=attachments,
        reply_to=None if reply_of is None else reply_index,
    )
    sent = _Sent(cust, subject, message_id, references, label, codec, ctes, body)
    return mail, sent


def generate(n: int, seed: int = 7) -> Iterator[GeneratedMail]:
    """The first `n` mails of the stream for `seed` (a prefix of any longer run)."""
    rng = random.Random(seed)
    earlier: list[_Sent] = []
    for index in range(n):
        mail, sent = _mail(random.Random(rng.getrandbits(64)), index, earlier)
        earlier.append(sent)
        yield mail


def big_attachment_mail(attachment_bytes: int = 30_000_000, seed: int = 30) -> GeneratedMail:
    """One customer mail carrying an attachment of `attachment_bytes` (memory scenario)."""
    rng = random.Random(seed)
    data = b"%PDF-1.4\n" + rng.randbytes(attachment_bytes - 9)
    att = _Attachment("contract-scan.pdf", "application/pdf", data)
    body = _part(
        "text/plain",
        "UTF-8",
        "8bit",
        encode_body(
            "Hello,\n\nthe signed contract is attached (scan).\n\nRegards,\nAnna", "utf-8", "8bit"
        ),
    )
    ctype, payload = _multipart("mixed", "----=_Big_0001", [body, _attachment_part(att)])
    subject = "Signed contract – scan attached"
    raw = (
        "From: Anna Lee <anna.lee@contoso.example.com>\r\n"
        f"To: {OUR_ADDRESS}\r\nSubject: {header_text(subject, 'UTF-8', 'utf-8')}\r\n"
        f"Date: {format_datetime(BASE_DATE)}\r\nMessage-ID: <big-0001@contoso.example.com>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: {ctype}\r\n\r\n"
    ).encode("ascii") + payload
    return GeneratedMail(
        index=0,
        raw=raw,
        expected_subject=subject,
        message_id="big-0001@contoso.example.com",
        sender="anna.lee@contoso.example.com",
        language="en",
        charset="UTF-8",
        html=False,
        attachments=1,
        reply_to=None,
    )


def summarize(mails: list[GeneratedMail]) -> dict[str, object]:
    """Sizes and the mix, for the report."""
    sizes = sorted(m.size for m in mails)
    charsets: dict[str, int] = {}
    for m in mails:
        key = f"{m.language}/{m.charset}"
        charsets[key] = charsets.get(key, 0) + 1
    n = len(sizes)
    return {
        "count": n,
        "bytes_total": sum(sizes),
        "size_min": sizes[0],
        "size_median": sizes[n // 2],
        "size_p90": sizes[int(n * 0.9)],
        "size_p99": sizes[min(n - 1, int(n * 0.99))],
        "size_max": sizes[-1],
        "size_mean": round(sum(sizes) / n),
        "html": sum(m.html for m in mails),
        "attachments": sum(m.attachments for m in mails),
        "replies": sum(m.reply_to is not None for m in mails),
        "charsets": dict(sorted(charsets.items())),
    }
