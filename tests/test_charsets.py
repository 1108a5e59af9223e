"""Decoding bytes never loses a character (invariant 6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ticketing.charsets import decode, normalise_charset, strict_decode

CP932_ONLY = "① ライセンス №123 フェーズⅡ ㈱サンプル 髙橋"


def _jis_ms(text: str) -> bytes:
    """ISO-2022-JP the way Outlook writes CP932 characters (JIS rows 13 and 89-92)."""
    out = bytearray()
    kanji = False
    for char in text:
        if ord(char) < 128:
            if kanji:
                out += b"\x1b(B"
                kanji = False
            out += char.encode()
            continue
        if not kanji:
            out += b"\x1b$B"
            kanji = True
        s1, s2 = char.encode("cp932")
        s1 = s1 - 0x40 if s1 >= 0xE0 else s1
        j1 = (s1 - 0x81) * 2 + 0x21
        if s2 >= 0x9F:
            out += bytes((j1 + 1, s2 - 0x7E))
        else:
            out += bytes((j1, s2 - 0x1F - (1 if s2 >= 0x80 else 0)))
    if kanji:
        out += b"\x1b(B"
    return bytes(out)


@pytest.mark.parametrize("label", ["Shift_JIS", "shift-jis", "x-sjis", "SJIS", "MS_Kanji", "cp932"])
def test_shift_jis_labels_decode_as_cp932(label: str) -> None:
    result = decode(CP932_ONLY.encode("cp932"), label)
    assert result.text == CP932_ONLY
    assert result.codec == "cp932"
    assert result.label == f"declared {label.lower()}, decoded as cp932"
    assert not result.lossy


def test_wave_dash_follows_the_senders_client() -> None:
    # The same two bytes 0x81 0x60: a Windows client labelling CP932 "Shift_JIS" typed ～.
    windows = "4月1日～4月30日".encode("cp932")
    assert windows == "4月1日〜4月30日".encode("shift_jis")
    assert decode(windows, "Shift_JIS").text == "4月1日～4月30日"
    # Clients that really mean JIS X 0208's WAVE DASH send it in UTF-8, ISO-2022-JP or EUC-JP.
    assert decode("4月1日〜4月30日".encode(), "utf-8").text == "4月1日〜4月30日"
    assert decode("4月1日〜4月30日".encode("iso2022_jp"), "ISO-2022-JP").text == "4月1日〜4月30日"
    assert decode("4月1日〜4月30日".encode("euc_jp"), "EUC-JP").text == "4月1日〜4月30日"
    # And a fullwidth tilde in UTF-8 stays one.
    assert decode("～".encode(), "utf-8").text == "～"


def test_iso2022jp_standard_and_extensions() -> None:
    plain = decode("請求書を送付します。".encode("iso2022_jp"), "ISO-2022-JP")
    assert (plain.text, plain.codec) == ("請求書を送付します。", "iso2022_jp")
    kana = decode("ｶﾞｲﾄﾞ".encode("iso2022_jp_ext"), "iso-2022-jp")
    assert (kana.text, kana.codec) == ("ｶﾞｲﾄﾞ", "iso2022_jp_ext")
    jis2004 = decode("①".encode("iso2022_jp_2004"), "iso-2022-jp")
    assert (jis2004.text, jis2004.codec) == ("①", "iso2022_jp_2004")


def test_iso2022jp_as_outlook_writes_cp932_characters() -> None:
    text = "①髙橋様 ～ №5"
    result = decode(_jis_ms(text), "ISO-2022-JP")
    assert result.text == text
    assert result.codec == "iso2022_jp_ms"


def test_iso2022jp_detected_by_escape_sequences_without_a_label() -> None:
    result = decode("ありがとうございます".encode("iso2022_jp"))
    assert result.text == "ありがとうございます"
    assert result.label == "undeclared, detected iso2022_jp by escape sequences"


def test_iso2022jp_jis_roman_keeps_backslashes() -> None:
    data = b"\x1b$B$3$3\x1b(JC:\\Users\\taro\\a~b\x1b(B"
    result = decode(data, "iso-2022-jp")
    assert result.text == "ここC:\\Users\\taro\\a~b"
    assert "JIS-Roman read as ASCII" in result.label


def test_euc_jp_and_its_supersets() -> None:
    assert decode("口座振替".encode("euc_jp"), "EUC-JP").codec == "euc_jp"
    nec = decode("①契約".encode("euc_jis_2004"), "euc-jp")
    assert (nec.text, nec.codec) == ("①契約", "euc_jis_2004")


@pytest.mark.parametrize("label", ["iso-8859-1", "us-ascii", "latin1", "windows-1252", None])
def test_utf8_under_a_wrong_or_missing_label(label: str | None) -> None:
    text = "ご請求額：¥12,000 Müller"
    result = decode(text.encode(), label)
    assert result.text == text
    assert result.codec == "utf_8"
    assert not result.lossy


def test_real_latin1_and_windows_1252() -> None:
    assert decode("Grüße, café".encode("latin-1"), "ISO-8859-1").text == "Grüße, café"
    smart = decode("“Invoice” – €100".encode("cp1252"), "iso-8859-1")
    assert (smart.text, smart.codec) == ("“Invoice” – €100", "cp1252")


def test_japanese_under_a_latin1_label_is_detected() -> None:
    text = "お世話になっております。請求書をお送りします。"
    result = decode(text.encode("cp932"), "iso-8859-1")
    assert (result.text, result.codec) == (text, "cp932")


@pytest.mark.parametrize("codec", ["cp932", "euc_jp"])
def test_undeclared_japanese_is_detected(codec: str) -> None:
    text = "先月分の請求について質問があります。"
    result = decode(text.encode(codec))
    assert (result.text, result.codec) == (text, codec)


def test_shift_jis_declared_as_utf8() -> None:
    result = decode("領収書を発行してください。".encode("cp932"), "utf-8")
    assert result.text == "領収書を発行してください。"
    assert result.label == "declared utf-8 (did not decode), detected cp932"


def test_supersets_for_chinese_and_korean() -> None:
    assert decode("发票镕".encode("gb18030"), "gb2312").text == "发票镕"
    assert decode("청구서 똠".encode("cp949"), "ks_c_5601-1987").text == "청구서 똠"


@pytest.mark.parametrize(
    "text",
    [
        "C:\\Users\\taro\\new_invoice.pdf",
        "\\\\fileserver\\accounting\\2024",
        "C:\\Users\\taro\\請求書.pdf",
        "表示\\ソフト\\",  # 0x5C is the second byte of 表 and ソ in Shift_JIS
    ],
)
@pytest.mark.parametrize("codec", ["utf-8", "shift_jis", "euc-jp"])
def test_backslashes_survive(text: str, codec: str) -> None:
    data = text.encode("cp932" if codec == "shift_jis" else codec)
    assert decode(data, codec).text == text
    assert decode(data).text == text


def test_a_dangerous_charset_label_is_never_used() -> None:
    result = decode(b"C:\\Users\\taro\\new.pdf", "unicode_escape")
    assert result.text == "C:\\Users\\taro\\new.pdf"
    assert decode(b"QUJD", "base64").text == "QUJD"


def test_unknown_label_falls_back_to_detection() -> None:
    result = decode("未知です".encode(), "x-unknown-foo")
    assert result.text == "未知です"
    assert result.label == "unknown charset 'x-unknown-foo', detected utf_8"


def test_truncated_utf8_is_lossy_and_says_so() -> None:
    data = "ありがとうございます。請求書".encode()[:-1]
    result = decode(data, "utf-8")
    assert result.text == "ありがとうございます。請求\ufffd"
    assert result.lossy
    assert "replacement characters" in result.label


def test_truncated_shift_jis_keeps_the_rest() -> None:
    data = "ありがとうございます。請求書".encode("cp932")[:-1]
    result = decode(data, "Shift_JIS")
    assert result.text.startswith("ありがとうございます。請求")
    assert result.lossy


def test_ascii_fast_path_and_empty() -> None:
    assert decode(b"hello", "utf-8") == (
        "hello",
        "declared utf-8, decoded as utf_8",
        "utf_8",
        False,
    )
    assert decode(b"").text == ""


def test_utf16_with_bom_is_detected() -> None:
    assert decode("請求".encode("utf-16")).text == "請求"


def test_normalise_charset() -> None:
    assert normalise_charset(' "UTF-8*ja" ') == "utf-8"
    assert normalise_charset(None) == ""
    assert normalise_charset("sjis\udce9") == "sjis\\udce9"


def test_strict_decode_uses_only_the_declared_family() -> None:
    assert strict_decode("①".encode("cp932"), "shift_jis") == "①"
    assert strict_decode("①".encode("cp932"), "utf-8") is None
    assert strict_decode(b"abc", "no-such-charset") is None


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=300),
    label=st.sampled_from(
        [
            None,
            "utf-8",
            "shift_jis",
            "iso-2022-jp",
            "euc-jp",
            "us-ascii",
            "iso-8859-1",
            "gb2312",
            "x-bogus",
        ]
    ),
)
def test_decode_never_raises(data: bytes, label: str | None) -> None:
    result = decode(data, label)
    result.text.encode("utf-8")  # no lone surrogates that would break storage
    assert result.label


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_utf8_round_trips_under_any_label(text: str) -> None:
    for label in (None, "utf-8", "us-ascii", "iso-8859-1"):
        assert decode(text.encode(), label).text == text.removeprefix("\ufeff")


def test_latin9_is_not_read_as_windows_1252() -> None:
    result = decode("€ Müller".encode("iso8859_15"), "ISO-8859-15")
    assert (result.text, result.codec) == ("€ Müller", "iso8859_15")


def test_utf8_under_any_single_byte_label() -> None:
    result = decode("Привет".encode(), "koi8-r")
    assert (result.text, result.label) == ("Привет", "declared koi8-r (wrong), decoded as utf_8")
    assert decode("Привет".encode("koi8_r"), "koi8-r").text == "Привет"


def test_iso2022jp_under_a_utf8_label() -> None:
    result = decode("請求書".encode("iso2022_jp"), "utf-8")
    assert (result.text, result.label) == (
        "請求書",
        "declared utf-8 (wrong), decoded as iso2022_jp",
    )


def test_other_iso2022_escapes_are_not_read_as_ascii() -> None:
    data = "안녕".encode("iso2022_kr")
    assert decode(data, "ISO-2022-KR").text == "안녕"


def test_japanese_where_windows_1252_has_no_character() -> None:
    result = decode("請求".encode("cp932"), "windows-1252")
    assert (result.text, result.codec) == ("請求", "cp932")
