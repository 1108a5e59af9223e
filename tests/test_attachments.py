"""Attachments at any depth, with their place in the mail (issue 14, item 6).

Every case is raw MIME written by hand as bytes, and every case states two lists: what
`parse_email` lists (part number, safe file name, MIME type, size, inline) and what
Python's email package lists for the same bytes (`BytesParser(policy=policy.default)`,
`iter_attachments()`: file name and MIME type), so the difference is in plain sight.
The stdlib walks one level only and keeps names as sent; a test fails if either side
changes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from sqlalchemy import select
from sqlmodel import Session

from tests.desk_support import Desk
from ticketing import filenames, uuencode
from ticketing.inbound import ParseLimits
from ticketing.models import Attachment
from ticketing.parse import parse_email

HEAD = (
    b"From: Taro Yamada <taro@customer.example>\r\nTo: billing@example.com\r\n"
    b"Subject: attachments\r\nDate: Mon, 23 Nov 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
)
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
TEXT = b"Content-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached files."


def multipart(subtype: bytes, boundary: bytes, *parts: bytes, extra: bytes = b"") -> bytes:
    """A multipart entity (headers and body), its parts as given (headers, blank, body)."""
    out = b"Content-Type: multipart/" + subtype + b'; boundary="' + boundary + b'"' + extra
    out += b"\r\n\r\n"
    for part in parts:
        out += b"--" + boundary + b"\r\n" + part + b"\r\n"
    return out + b"--" + boundary + b"--\r\n"


def message(body: bytes, message_id: bytes = b"<m@customer.example>") -> bytes:
    return HEAD + b"Message-ID: " + message_id + b"\r\n" + body


def forwarded(inner: bytes, disposition: bytes = b"") -> bytes:
    """A message/rfc822 part holding `inner` (a whole message: headers and body)."""
    return b"Content-Type: message/rfc822\r\n" + disposition + b"\r\n" + inner


def pdf_part(disposition: bytes, ctype: bytes = b"application/pdf") -> bytes:
    """A base64 PDF part; `disposition` is a whole header line (without CRLF) or empty."""
    headers = [b"Content-Type: " + ctype, disposition, b"Content-Transfer-Encoding: base64"]
    return b"\r\n".join(h for h in headers if h) + b"\r\n\r\n" + base64.b64encode(PDF)


def attached(filename_params: bytes) -> bytes:
    """A PDF with `Content-Disposition: attachment` and these parameters."""
    return message(
        multipart(
            b"mixed", b"B", TEXT, pdf_part(b"Content-Disposition: attachment" + filename_params)
        )
    )


INNER_INVOICE = (
    b"From: Vendor Billing <billing@vendor.example>\r\nTo: taro@customer.example\r\n"
    b"Subject: Invoice INV-2026-0042\r\nMessage-ID: <inv42@vendor.example>\r\nMIME-Version: 1.0\r\n"
    + multipart(
        b"mixed",
        b"IN",
        b"Content-Type: text/plain\r\n\r\nYour invoice is attached.",
        pdf_part(b'Content-Disposition: attachment; filename="invoice-0042.pdf"'),
    )
)
# A forward of a forward: the customer forwards the vendor's mail, which forwarded the
# original invoice mail (with its PDF and an inline logo its HTML shows).
ORIGINAL = (
    b"From: Vendor Billing <billing@vendor.example>\r\nSubject: Receipt\r\n"
    b"Message-ID: <r1@vendor.example>\r\nMIME-Version: 1.0\r\n"
    + multipart(
        b"mixed",
        b"O1",
        multipart(
            b"related",
            b"O2",
            b'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Receipt <img src="cid:logo@v"></p>',
            b"Content-Type: image/png\r\nContent-ID: <logo@v>\r\nContent-Transfer-Encoding: base64"
            b"\r\n\r\n" + base64.b64encode(PNG),
        ),
        pdf_part(b'Content-Disposition: attachment; filename="receipt.pdf"'),
    )
)
MIDDLE = (
    b"From: Account Manager <am@vendor.example>\r\nSubject: Fwd: Receipt\r\n"
    b"Message-ID: <fwd1@vendor.example>\r\nMIME-Version: 1.0\r\n"
    + multipart(
        b"mixed",
        b"M",
        b"Content-Type: text/plain\r\n\r\nForwarding the receipt.",
        forwarded(ORIGINAL, b'Content-Disposition: attachment; filename="Receipt.eml"\r\n'),
    )
)

SJIS_NAME = "請求書.pdf".encode("shift_jis")
JIS_NAME = "見積書.pdf".encode("iso2022_jp")
UU_BODY = (
    b"Content-Type: text/plain; charset=iso-8859-1\r\n\r\n"
    b"Hallo, anbei die Datei f\xfcr die Abrechnung.\r\n\r\n"
    b"begin 644 usage.csv\r\n"
    + binascii.b2a_uu(b"date,amount\n2026-11-01,1200\n")
    + b"`\r\nend\r\n"
    b"\r\nViele Gr\xfc\xdfe\r\nTaro\r\n"
)


@dataclass(frozen=True)
class Case:
    raw: bytes
    # (path, filename, content_type, size, inline), in the order of the mail
    ours: list[tuple[str, str, str, int, bool]]
    # (get_filename(), get_content_type()) of the stdlib's iter_attachments()
    stdlib: list[tuple[str | None, str]]


CASES: dict[str, Case] = {
    # The stdlib lists the forwarded message only; the PDF inside it is ours "2.2".
    "pdf_in_forwarded_message__stdlib_misses_the_pdf": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                TEXT,
                forwarded(
                    INNER_INVOICE, b'Content-Disposition: attachment; filename="vendor.eml"\r\n'
                ),
            )
        ),
        [
            ("2", "vendor.eml", "message/rfc822", len(INNER_INVOICE), False),
            ("2.2", "invoice-0042.pdf", "application/pdf", len(PDF), False),
        ],
        [("vendor.eml", "message/rfc822")],
    ),
    # Two levels deep: the PDF is "2.2.2", the HTML's logo "2.2.1.2" (inline in its own
    # message, even though the mail's HTML never references it).
    "forward_two_levels_deep__stdlib_lists_the_outer_message_only": Case(
        message(multipart(b"mixed", b"B", TEXT, forwarded(MIDDLE))),
        [
            ("2", "attachment-1.eml", "message/rfc822", len(MIDDLE), False),
            ("2.2", "Receipt.eml", "message/rfc822", len(ORIGINAL), False),
            ("2.2.1.2", "attachment-2.png", "image/png", len(PNG), True),
            ("2.2.2", "receipt.pdf", "application/pdf", len(PDF), False),
        ],
        [(None, "message/rfc822")],
    ),
    "name_only_on_content_type__same_as_stdlib": Case(
        message(
            multipart(b"mixed", b"B", TEXT, pdf_part(b"", b'application/pdf; name="Rechnung.pdf"'))
        ),
        [("2", "Rechnung.pdf", "application/pdf", len(PDF), False)],
        [("Rechnung.pdf", "application/pdf")],
    ),
    # Continuations cut inside a UTF-8 character (E6 B1 | 82), one of them not encoded.
    "rfc2231_continuations_with_charset__same_as_stdlib": Case(
        attached(
            b";\r\n filename*0*=utf-8'ja'%E8%AB%8B%E6%B1;\r\n filename*1*=%82%E6%9B%B8;\r\n"
            b' filename*2="_2026-11.pdf"'
        ),
        [("2", "請求書_2026-11.pdf", "application/pdf", len(PDF), False)],
        [("請求書_2026-11.pdf", "application/pdf")],
    ),
    "rfc2231_shift_jis__same_as_stdlib": Case(
        attached(b"; filename*=shift_jis''" + quote_from_bytes(SJIS_NAME).encode()),
        [("2", "請求書.pdf", "application/pdf", len(PDF), False)],
        [("請求書.pdf", "application/pdf")],
    ),
    "rfc2231_iso_2022_jp__same_as_stdlib": Case(
        attached(b"; filename*=iso-2022-jp''" + quote_from_bytes(JIS_NAME).encode()),
        [("2", "見積書.pdf", "application/pdf", len(PDF), False)],
        [("見積書.pdf", "application/pdf")],
    ),
    # Shift_JIS bytes labelled utf-8: the stdlib shows U+FFFD for every byte.
    "rfc2231_wrong_charset__stdlib_shows_replacement_characters": Case(
        attached(b"; filename*=utf-8''" + quote_from_bytes(SJIS_NAME).encode()),
        [("2", "請求書.pdf", "application/pdf", len(PDF), False)],
        [("\ufffd" * 6 + ".pdf", "application/pdf")],
    ),
    "rfc2047_b_encoded_name__same_as_stdlib": Case(
        attached(b'; filename="=?utf-8?b?' + base64.b64encode("領収書.pdf".encode()) + b'?="'),
        [("2", "領収書.pdf", "application/pdf", len(PDF), False)],
        [("領収書.pdf", "application/pdf")],
    ),
    # Latin-1 bytes labelled utf-8 in an encoded word.
    "rfc2047_wrong_charset__stdlib_shows_a_replacement_character": Case(
        attached(b'; filename="=?utf-8?q?Fr=F6sche_2026.pdf?="'),
        [("2", "Frösche 2026.pdf", "application/pdf", len(PDF), False)],
        [("Fr\ufffdsche 2026.pdf", "application/pdf")],
    ),
    "directories_in_the_name__stdlib_keeps_them": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                TEXT,
                pdf_part(b'Content-Disposition: attachment; filename="../../etc/passwd"'),
                pdf_part(b'Content-Disposition: attachment; filename="C:\\\\Users\\\\x\\\\a.pdf"'),
                # Windows paths are also sent unescaped; the stdlib then drops the backslashes.
                pdf_part(b'Content-Disposition: attachment; filename="C:\\Users\\x\\b.pdf"'),
                pdf_part(b'Content-Disposition: attachment; filename="../.."'),
            )
        ),
        [
            ("2", "passwd", "application/pdf", len(PDF), False),
            ("3", "a.pdf", "application/pdf", len(PDF), False),
            ("4", "b.pdf", "application/pdf", len(PDF), False),
            ("5", "attachment-1.pdf", "application/pdf", len(PDF), False),
        ],
        [
            ("../../etc/passwd", "application/pdf"),
            ("C:\\Users\\x\\a.pdf", "application/pdf"),
            ("C:Usersxb.pdf", "application/pdf"),
            ("../..", "application/pdf"),
        ],
    ),
    "missing_names_are_generated__stdlib_has_none": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                TEXT,
                pdf_part(b"Content-Disposition: attachment"),
                b"Content-Type: image/jpeg\r\nContent-Disposition: attachment\r\n\r\nJFIF",
                b"Content-Type: application/x-unheard-of\r\n\r\n????",
            )
        ),
        [
            ("2", "attachment-1.pdf", "application/pdf", len(PDF), False),
            ("3", "attachment-2.jpg", "image/jpeg", 4, False),
            ("4", "attachment-3.bin", "application/x-unheard-of", 4, False),
        ],
        [(None, "application/pdf"), (None, "image/jpeg"), (None, "application/x-unheard-of")],
    ),
    # The block is cut out of the text (see test_uuencoded_block_leaves_the_text).
    "uuencoded_in_the_text__stdlib_sees_only_text": Case(
        message(UU_BODY),
        [("1.uu1", "usage.csv", "text/csv", 28, False)],
        [],
    ),
    "uuencoded_in_a_text_part_of_a_multipart__stdlib_sees_only_text": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                UU_BODY,
                pdf_part(b'Content-Disposition: attachment; filename="a.pdf"'),
            )
        ),
        [
            ("1.uu1", "usage.csv", "text/csv", 28, False),
            ("2", "a.pdf", "application/pdf", len(PDF), False),
        ],
        [("a.pdf", "application/pdf")],
    ),
    # The signature is a file of the mail (needed to verify it), listed like the stdlib.
    "multipart_signed__stdlib_lists_the_signed_body_not_the_pdf": Case(
        message(
            multipart(
                b"signed",
                b"S",
                multipart(
                    b"mixed",
                    b"SM",
                    TEXT,
                    pdf_part(b'Content-Disposition: attachment; filename="contract.pdf"'),
                ),
                b'Content-Type: application/pgp-signature; name="signature.asc"\r\n'
                b"Content-Description: OpenPGP digital signature\r\n\r\n"
                b"-----BEGIN PGP SIGNATURE-----\r\n\r\niQEz\r\n-----END PGP SIGNATURE-----",
                extra=b'; protocol="application/pgp-signature"; micalg=pgp-sha256',
            )
        ),
        [
            ("1.2", "contract.pdf", "application/pdf", len(PDF), False),
            ("2", "signature.asc", "application/pgp-signature", 66, False),
        ],
        # iter_attachments on multipart/signed lists the signed content itself (a
        # multipart/mixed, no name) and the signature; the PDF one level down, not.
        [(None, "multipart/mixed"), ("signature.asc", "application/pgp-signature")],
    ),
    "ms_tnef_is_kept_as_a_file__same_as_stdlib": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                TEXT,
                b'Content-Type: application/ms-tnef; name="winmail.dat"\r\n'
                b"Content-Transfer-Encoding: base64\r\n\r\n"
                + base64.b64encode(b"\x78\x9f\x3e\x22\x01tnef"),
                b"Content-Type: application/ms-tnef\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64.b64encode(b"\x78\x9f\x3e\x22"),
            )
        ),
        [
            ("2", "winmail.dat", "application/ms-tnef", 9, False),
            ("3", "attachment-1.dat", "application/ms-tnef", 4, False),
        ],
        [("winmail.dat", "application/ms-tnef"), (None, "application/ms-tnef")],
    ),
    "zero_byte_attachment__same_as_stdlib": Case(
        message(
            multipart(
                b"mixed",
                b"B",
                TEXT,
                b'Content-Type: application/pdf; name="empty.pdf"\r\n'
                b'Content-Disposition: attachment; filename="empty.pdf"\r\n'
                b"Content-Transfer-Encoding: base64\r\n\r\n",
            )
        ),
        [("2", "empty.pdf", "application/pdf", 0, False)],
        [("empty.pdf", "application/pdf")],
    ),
    # An image the HTML shows by cid: part of the HTML. The stdlib lists the non-root
    # parts of multipart/related as attachments.
    "inline_image_with_content_id__stdlib_calls_it_an_attachment": Case(
        message(
            multipart(
                b"related",
                b"R",
                b'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Our logo: <img src="cid:logo@c"></p>',
                b'Content-Type: image/png; name="logo.png"\r\nContent-ID: <logo@c>\r\n'
                b"Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64.b64encode(PNG),
            )
        ),
        [("2", "logo.png", "image/png", len(PNG), True)],
        [("logo.png", "image/png")],
    ),
    "not_multipart_a_pdf_alone__stdlib_lists_nothing": Case(
        message(pdf_part(b'Content-Disposition: attachment; filename="scan.pdf"')),
        [("1", "scan.pdf", "application/pdf", len(PDF), False)],
        [],
    ),
}


def ours(raw: bytes) -> list[tuple[str, str, str, int, bool]]:
    return [
        (a.path, a.filename or "", a.content_type, a.size, a.inline)
        for a in parse_email(raw).attachments
    ]


def stdlib(raw: bytes) -> list[tuple[str | None, str]]:
    parsed = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(raw)
    return [(a.get_filename(), a.get_content_type()) for a in parsed.iter_attachments()]


@pytest.mark.parametrize("name", CASES)
def test_ticketing_lists(name: str) -> None:
    case = CASES[name]
    assert ours(case.raw) == case.ours


@pytest.mark.parametrize("name", CASES)
def test_stdlib_iter_attachments_lists(name: str) -> None:
    case = CASES[name]
    assert stdlib(case.raw) == case.stdlib


def test_the_bytes_are_each_file_decoded() -> None:
    email = parse_email(CASES["forward_two_levels_deep__stdlib_lists_the_outer_message_only"].raw)
    by_path = {a.path: a for a in email.attachments}
    assert by_path["2.2.2"].data == PDF and by_path["2.2.1.2"].data == PNG
    assert by_path["2"].data.replace(b"\r\n", b"\n") == MIDDLE.replace(b"\r\n", b"\n")
    for a in email.attachments:
        assert a.sha256 == hashlib.sha256(a.data).hexdigest()
    # The forwarded messages' text is still there for agents and rules.
    assert by_path["2"].text is not None and "Forwarding the receipt." in by_path["2"].text
    assert by_path["2.2"].text is not None and "Receipt" in by_path["2.2"].text


def test_uuencoded_block_leaves_the_text() -> None:
    email = parse_email(message(UU_BODY))
    assert email.text == "Hallo, anbei die Datei für die Abrechnung.\n\nViele Grüße\nTaro\n"
    assert "begin 644" not in email.new_text and "Viele Grüße" in email.text
    (csv,) = email.attachments
    assert csv.data == b"date,amount\n2026-11-01,1200\n"
    assert email.decodings == ("text/plain: declared iso-8859-1, decoded as cp1252",)
    # Undeclared: the detector reads the customer's words, without the uuencoded lines.
    undeclared = parse_email(message(UU_BODY.replace(b"; charset=iso-8859-1", b"")))
    assert undeclared.text == email.text
    assert undeclared.decodings == ("text/plain: undeclared, detected cp1252",)


def test_begin_base64_block_is_a_file_too() -> None:
    body = (
        b"Content-Type: text/plain\r\n\r\nThe log:\r\n\r\nbegin-base64 644 app.log\r\n"
        + base64.encodebytes(b"error 42\n" * 20).replace(b"\n", b"\r\n")
        + b"====\r\n\r\nThanks.\r\n"
    )
    email = parse_email(message(body))
    assert [(a.path, a.filename, a.data) for a in email.attachments] == [
        ("1.uu1", "app.log", b"error 42\n" * 20)
    ]
    assert email.text == "The log:\n\nThanks.\n"


@pytest.mark.parametrize(
    "text",
    [
        # A letter that happens to start a line with "begin 644": no data lines, no end.
        b"We begin 644 days of service today.\r\nbegin 644 is the mode\r\nregards\r\n",
        # Prose between begin and end is not uuencoding.
        b"begin 644 notes.txt\r\nthese are just words\r\nend\r\n",
        # A block without its end line: truncated, left as text.
        b"begin 644 data.bin\r\n" + binascii.b2a_uu(b"payload") + b"`\r\n",
    ],
)
def test_text_that_only_looks_like_uuencoding_stays_text(text: bytes) -> None:
    email = parse_email(message(b"Content-Type: text/plain\r\n\r\n" + text))
    assert email.attachments == ()
    assert email.text == text.decode("latin-1").replace("\r\n", "\n")


def test_x_uuencode_part_without_a_name_takes_the_begin_line_name() -> None:
    part = (
        b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n"
        b"begin 644 report.pdf\r\n" + binascii.b2a_uu(PDF[:40]) + b"`\r\nend"
    )
    (found,) = parse_email(message(multipart(b"mixed", b"B", TEXT, part))).attachments
    assert (found.path, found.filename, found.data) == ("2", "report.pdf", PDF[:40])


def test_a_reduced_name_is_recorded_in_decodings() -> None:
    email = parse_email(CASES["directories_in_the_name__stdlib_keeps_them"].raw)
    assert "attachment 2 name '../../etc/passwd': reduced to 'passwd'" in email.decodings
    assert "attachment 5 name '../..': reduced to '(nothing usable)'" in email.decodings


@pytest.mark.parametrize(
    ("sent", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\a.pdf", "a.pdf"),
        ("C:a.pdf", "a.pdf"),
        ("dir/sub/", "sub"),
        ("..", ""),
        ("  ", ""),
        (".bashrc", "bashrc"),
        ("report.pdf.", "report.pdf"),
        ("invoice\u202efdp.exe", "invoice_fdp.exe"),  # shows as "invoiceexe.pdf" otherwise
        ("a\r\nb.pdf", "a__b.pdf"),
        ('what?<>|"*.pdf', "what______.pdf"),
        ("a.pdf:Zone.Identifier", "a.pdf_Zone.Identifier"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("請求書 2026年11月.pdf", "請求書 2026年11月.pdf"),
        ("ملف.pdf", "ملف.pdf"),
        ("मे\u200dल.pdf", "मे\u200dल.pdf"),  # joiners stay
    ],
)
def test_safe_name(sent: str, safe: str) -> None:
    assert filenames.safe_name(sent) == safe


def test_a_long_name_keeps_its_extension_within_255_bytes() -> None:
    name = filenames.safe_name("請" * 200 + ".pdf")
    assert name.endswith("請.pdf") and len(name.encode()) <= 255


@pytest.mark.parametrize(
    ("content_type", "name"),
    [
        ("application/pdf", "attachment-1.pdf"),
        ("image/jpeg", "attachment-1.jpg"),
        ("text/plain", "attachment-1.txt"),
        ("message/rfc822", "attachment-1.eml"),
        ("application/ms-tnef", "attachment-1.dat"),
        ("application/x-unheard-of", "attachment-1.bin"),
    ],
)
def test_generated_name(content_type: str, name: str) -> None:
    assert filenames.generated_name(1, content_type) == name


def test_uuencode_extract_keeps_text_around_two_blocks() -> None:
    block = b"begin 644 a\n" + binascii.b2a_uu(b"A") + b"`\nend\n"
    text, files = uuencode.extract(b"one\n\n" + block + b"\ntwo\n" + block.replace(b" a", b" b"))
    assert text == b"one\n\ntwo\n"
    assert [(f.name, f.data) for f in files] == [(b"a", b"A"), (b"b", b"A")]


def test_a_forwarded_message_over_max_part_bytes_is_not_unpacked() -> None:
    raw = CASES["pdf_in_forwarded_message__stdlib_misses_the_pdf"].raw
    # Its bodies (about 77 bytes) are over the limit, the PDF in it alone (37) is not.
    email = parse_email(raw, limits=ParseLimits(max_part_bytes=60))
    assert email.attachments == ()  # neither the message nor the PDF inside it
    assert email.limited and "attachment 'vendor.eml' (message/rfc822)" in email.limited[0]


def test_rules_see_the_files_inside_a_forwarded_message(tmp_path: Path) -> None:
    from tests.test_rules import ctx, one_rule

    rules = one_rule(tmp_path, 'attachment_name = { glob = "receipt*.pdf" }')
    forward = parse_email(CASES["forward_two_levels_deep__stdlib_lists_the_outer_message_only"].raw)
    assert rules.route(forward, ctx()).queue == "disputes"
    # The inline logo two levels down is part of an HTML body, not a file.
    logo = one_rule(tmp_path, 'attachment_type = "image/png"')
    assert logo.route(forward, ctx()).queue != "disputes"


# -- stored and shown ------------------------------------------------------------------


def test_nested_attachments_are_stored_and_shown_with_their_path(
    tmp_path: Path, db_url: str
) -> None:
    desk = Desk(tmp_path, db_url)
    try:
        desk.ok("init")
        raw = CASES["forward_two_levels_deep__stdlib_lists_the_outer_message_only"].raw
        mail = tmp_path / "in.eml"
        mail.write_bytes(raw)
        (ingested,) = json.loads(desk.ok("ingest", "--json", str(mail)))
        tid = str(ingested["ticket_id"])
        shown = json.loads(desk.ok("tickets", "show", tid, "--json"))
        listed = [
            (a["path"], a["filename"], a["content_type"], a["size"], a["inline"])
            for a in shown["messages"][0]["attachments"]
        ]
        assert listed == CASES["forward_two_levels_deep__stdlib_lists_the_outer_message_only"].ours
        with Session(desk.engine) as session:
            rows = session.execute(select(Attachment)).scalars().all()
            blobs = desk.settings.path(desk.settings.service.attachments_dir)
            for row in rows:
                blob = blobs / row.sha256[:2] / row.sha256[2:4] / row.sha256
                assert blob.stat().st_size == row.size
        lines = [x for x in desk.ok("tickets", "show", tid).splitlines() if x.startswith("  [")]
        assert lines == [
            f"  [attachment 2] attachment-1.eml (message/rfc822, {len(MIDDLE)} bytes)",
            f"  [attachment 2.2] Receipt.eml (message/rfc822, {len(ORIGINAL)} bytes; in attachment-1.eml)",
            f"  [inline 2.2.1.2] attachment-2.png (image/png, {len(PNG)} bytes; in attachment-1.eml > Receipt.eml)",
            f"  [attachment 2.2.2] receipt.pdf (application/pdf, {len(PDF)} bytes; in attachment-1.eml > Receipt.eml)",
        ]
    finally:
        desk.close()
