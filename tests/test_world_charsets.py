"""Mail from the whole world (issue 14, item 2): undeclared or mislabelled 8-bit text in
European and Cyrillic code pages is decoded as itself, never as CJK mojibake; Japanese
is still recognised; what no charset reads as text is kept raw and marked."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support import OUR, write_config
from ticketing import charsets
from ticketing.charsets import decode
from ticketing.cli import cli
from ticketing.parse import parse_email

# (name, text, the code page its bytes are in, the codec we must report)
WORLD = [
    ("latin-1", "Frösche und Grüße aus München, bitte um Rückruf.", "latin_1", "cp1252"),
    ("cp1252", "“Invoice” – €100 was charged twice… Zoë’s card", "cp1252", "cp1252"),
    (
        "iso-8859-2",
        "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "iso8859_2",
        "iso8859_2",
    ),
    ("koi8-r", "Здравствуйте, прошу выставить счёт за подписку.", "koi8_r", "koi8_r"),
    ("windows-1251", "Здравствуйте, прошу выставить счёт за подписку.", "cp1251", "cp1251"),
]
WRONG_LABELS = [None, "iso-2022-jp", "shift_jis", "utf-8", "euc-jp"]
JAPANESE = "先月分の請求について質問があります。"


def _raw(
    body: bytes,
    content_type: str = "text/plain",
    *,
    subject: bytes = b"Question",
    cte: str = "8bit",
) -> bytes:
    return (
        b"From: Customer <customer@example.org>\r\n"
        + f"To: {OUR}\r\n".encode()
        + b"Subject: "
        + subject
        + b"\r\nMessage-ID: <world@example.org>\r\nMIME-Version: 1.0\r\n"
        + f"Content-Type: {content_type}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
        + body
    )


@pytest.mark.parametrize("label", WRONG_LABELS)
@pytest.mark.parametrize(("name", "text", "encoding", "codec"), WORLD, ids=[w[0] for w in WORLD])
def test_world_text_undeclared_or_mislabelled(
    name: str, text: str, encoding: str, codec: str, label: str | None
) -> None:
    result = decode(text.encode(encoding), label)
    assert (result.text, result.codec, result.lossy) == (text, codec, False)
    # The label says which charset was used, and why the declared one was not.
    assert result.label.endswith(f"detected {codec}")
    if label is not None:
        assert result.label.startswith(f"declared {label} (")


@pytest.mark.parametrize(
    ("word", "encoding"),
    [
        ("Frösche", "latin_1"),
        ("Grüße", "latin_1"),
        ("Łódź", "iso8859_2"),
        ("счёт", "koi8_r"),
        ("счёт", "cp1251"),
        ("Привет", "koi8_r"),
    ],
)
def test_short_words_under_a_shift_jis_label(word: str, encoding: str) -> None:
    result = decode(word.encode(encoding), "shift_jis")
    assert (result.text, result.codec) == (word, encoding.replace("latin_1", "cp1252"))


@pytest.mark.parametrize(("name", "text", "encoding", "codec"), WORLD, ids=[w[0] for w in WORLD])
def test_world_body_undeclared_and_mislabelled_in_a_message(
    name: str, text: str, encoding: str, codec: str
) -> None:
    data = text.encode(encoding)
    undeclared = parse_email(_raw(data))
    assert undeclared.text == text
    assert f"text/plain: undeclared, detected {codec}" in undeclared.decodings
    wrong = parse_email(_raw(data, "text/plain; charset=iso-2022-jp"))
    assert wrong.text == text
    assert f"text/plain: declared iso-2022-jp (did not decode), detected {codec}" in wrong.decodings
    assert not wrong.defects and not wrong.attachments


@pytest.mark.parametrize("label", ["shift_jis", "iso-2022-jp", "utf-8"])
def test_world_rfc2047_subjects_with_a_wrong_charset(label: str) -> None:
    # All five code pages under one wrong label (some were right before, Latin-1 and
    # KOI8-R came out as kanji): the subject, and the record of how it was decoded.
    got = []
    for _, text, encoding, codec in WORLD:
        b64 = base64.b64encode(text.encode(encoding)).decode()
        email = parse_email(_raw(b"Hello\r\n", subject=f"=?{label}?B?{b64}?=".encode()))
        recorded = [d for d in email.decodings if d.startswith("subject (RFC 2047)")]
        got.append((email.subject, len(recorded) == 1 and codec in recorded[0]))
    assert got == [(text, True) for _, text, _, _ in WORLD]


@pytest.mark.parametrize(("name", "text", "encoding", "codec"), WORLD, ids=[w[0] for w in WORLD])
def test_world_raw_8bit_subject(name: str, text: str, encoding: str, codec: str) -> None:
    email = parse_email(_raw(b"Hello\r\n", subject=text.encode(encoding)))
    assert email.subject == text
    assert f"subject (raw 8-bit): undeclared, detected {codec}" in email.decodings


def test_japanese_among_world_parts_is_still_japanese() -> None:
    parts = [
        ("", JAPANESE.encode("cp932")),
        ("", JAPANESE.encode("euc_jp")),
        ("; charset=shift_jis", JAPANESE.encode("euc_jp")),  # a form labelling EUC-JP Shift_JIS
        ("", WORLD[0][1].encode("latin_1")),
        ("", WORLD[3][1].encode("koi8_r")),
    ]
    body = b"".join(
        b"--b\r\nContent-Type: text/plain" + params.encode() + b"\r\n\r\n" + data + b"\r\n"
        for params, data in parts
    )
    email = parse_email(_raw(body + b"--b--\r\n", 'multipart/mixed; boundary="b"'))
    assert email.text.split("\n") == [JAPANESE, JAPANESE, JAPANESE, WORLD[0][1], WORLD[3][1]]
    assert email.decodings == (
        "text/plain: undeclared, detected cp932",
        "text/plain: undeclared, detected euc_jp",
        "text/plain: declared shift_jis (implausible as cp932), detected euc_jp",
        "text/plain: undeclared, detected cp1252",
        "text/plain: undeclared, detected koi8_r",
    )


@pytest.mark.parametrize("label", [None, "shift_jis", "utf-8"])
def test_random_bytes_are_kept_raw_and_marked(label: str | None) -> None:
    noise = random.Random(14).randbytes(600)
    content_type = "text/plain" + (f"; charset={label}" if label else "")
    email = parse_email(_raw(base64.b64encode(noise), content_type, cte="base64"))
    # No guessed code page: only the ASCII bytes show, every other one is U+FFFD.
    shown = noise.decode("ascii", "replace").replace("\x00", "\ufffd")  # parse replaces NUL
    assert email.text == shown.replace("\r\n", "\n").replace("\r", "\n")
    (kept,) = email.attachments
    assert (kept.filename, kept.data) == ("undecoded-part.txt", noise)
    assert any("no plausible charset: kept as raw bytes" in d for d in email.defects)
    assert any("no plausible charset: kept as raw bytes" in d for d in email.decodings)


def test_decode_marks_random_bytes_raw() -> None:
    noise = random.Random(2).randbytes(300)
    result = decode(noise)
    assert (result.codec, result.lossy) == (charsets.RAW, True)
    assert result.text == noise.decode("ascii", "replace")


def _invoke(config: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_tickets_show_trace_prints_how_each_part_was_decoded(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    _invoke(config, "init")
    message = tmp_path / "koi8.eml"
    message.write_bytes(_raw(WORLD[3][1].encode("koi8_r"), "text/plain; charset=shift_jis"))
    (result,) = json.loads(_invoke(config, "ingest", "--json", str(message)))
    ticket = str(result["ticket_id"])
    expected = "text/plain: declared shift_jis (implausible as cp932), detected koi8_r"
    shown = json.loads(_invoke(config, "tickets", "show", ticket, "--json"))
    assert shown["messages"][0]["decodings"] == [expected]
    assert shown["messages"][0]["text"].strip() == WORLD[3][1]
    assert f"  [decoded] {expected}\n" in _invoke(config, "tickets", "show", ticket, "--trace")
    assert "[decoded]" not in _invoke(config, "tickets", "show", ticket)


# -- the world fixture set's cases, one decoding each (tests/data/world, issue 14) --------


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "codec"),
    [
        # A declared code page whose reading is mojibake, and the one that reads as text.
        ("Chcielibyśmy zrezygnować z końcem miesiąca.", "cp1250", "iso-8859-1", "cp1250"),
        ("Chcielibyśmy zrezygnować z końcem miesiąca.", "iso8859_2", "windows-1250", "iso8859_2"),
        ("Наша компанія переїхала до Львова.", "koi8_u", "koi8-r", "koi8_u"),
        # Undeclared: Cyrillic, Greek and Hebrew single-byte text; Korean and Chinese.
        ("Пришлите, пожалуйста, акт сверки за первый квартал.", "cp1251", None, "cp1251"),
        ("Θέλουμε να ακυρώσουμε τη συνδρομή στο τέλος του μήνα.", "iso8859_7", None, "iso8859_7"),
        ("התשלום בכרטיס נכשל למרות שהכרטיס בתוקף.", "cp1255", None, "cp1255"),
        ("¿Qué datos necesitan para la transferencia?", "cp1252", None, "cp1252"),
        ("이번 달 말에 구독을 해지하고 싶습니다. 서면으로 확인해 주세요.", "euc_kr", None, "cp949"),
        ("用信用卡付款失败了，但是卡是有效的。我该怎么办？", "gbk", None, "gb18030"),
        ("請退還多收的新台幣一千元。我們的銀行帳戶沒有變更。", "big5", None, "cp950"),
    ],
)
def test_world_decodings(text: str, encoding: str, declared: str | None, codec: str) -> None:
    result = decode(text.encode(encoding), declared)
    assert (result.text, result.codec, result.lossy) == (text, codec, False), result.label


@pytest.mark.parametrize(
    ("text", "encoding", "declared"),
    [
        # Clean readings are never second-guessed, whatever another code page makes of them.
        ("Bitte 1¼ Stunden einplanen, Größe ½ Zoll.", "cp1252", "iso-8859-1"),
        ("Grüße aus München", "latin_1", "iso-8859-1"),
        ("Сумма к оплате: 1 250 рублей.", "cp1251", "windows-1251"),
        # Kanji-only Japanese stays Japanese, though GBK reads the same bytes as hanzi.
        ("請求書発行依頼", "euc_jp", None),
        ("請求金額確認", "cp932", None),
    ],
)
def test_world_decodings_keep_what_reads_right(
    text: str, encoding: str, declared: str | None
) -> None:
    assert decode(text.encode(encoding), declared).text == text


def test_windows_1258_is_composed() -> None:
    # Windows-1258 carries the tone marks as combining characters (o, U+0301 -> ó).
    decomposed = "Ho" + "\u0301" + "a đơn"
    assert decode(decomposed.encode("cp1258"), "windows-1258").text == "Hóa đơn"


@pytest.mark.parametrize("label", ["iso-8859-8-i", "ISO-8859-8-E", "iso-8859-6-i"])
def test_hebrew_and_arabic_direction_labels(label: str) -> None:
    text = "שלום" if "8859-8" in label else "مرحبا"
    encoding = "iso8859_8" if "8859-8" in label else "iso8859_6"
    assert decode(text.encode(encoding), label).text == text


def test_base64_cut_across_words_in_a_single_byte_charset() -> None:
    stream = base64.b64encode("Не проходит оплата картой".encode("koi8_r")).decode()
    cut = 17  # not on a 4-character quantum
    subject = f"=?koi8-r?B?{stream[:cut]}?=\r\n =?koi8-r?B?{stream[cut:]}?=".encode()
    assert parse_email(_raw(b"Hello", subject=subject)).subject == "Не проходит оплата картой"


def test_encoded_words_that_lost_their_padding_are_not_read_as_one_stream() -> None:
    # "QQ" is "A" without its "==": joined, "QQQQ" would be a whole (wrong) stream.
    subject = b"=?utf-8?B?QQ?= =?utf-8?B?QQ?="
    assert parse_email(_raw(b"Hello", subject=subject)).subject == "AA"
