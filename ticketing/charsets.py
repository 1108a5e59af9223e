"""Turn the bytes of one text part or header into str without losing a character.

The declared charset is tried first, through the superset real clients actually use
(Shift_JIS -> CP932, ISO-2022-JP -> its extensions, EUC-JP -> EUC-JIS-2004). Missing,
wrong or undecodable labels, and a Japanese label whose strict decoding is not plausible
Japanese, go through detection in this order: strict UTF-8; the Japanese encodings only
when the text has kana and few rare kanji; the European and Cyrillic code pages (our
scorer, then charset-normalizer's single-byte guesses); kanji-only Japanese. Only when no
strict decoding exists do we replace characters, and the result says so (invariant 6);
when nothing is plausible the part is marked `raw` (ASCII shown, other bytes U+FFFD) and
the caller keeps its bytes, rather than showing some code page's mojibake. The caller
gets the text and a label saying which charset was used and why.

Two choices that matter to our customers:

* A mail labelled ``Shift_JIS`` is decoded as CP932. Windows clients (Outlook,
  Thunderbird and Becky! on Windows, most web forms) label their CP932 text Shift_JIS,
  so ①, №, Ⅱ, ㈱ and 髙 only decode that way, and CP932 0x8160 is U+FF5E (～), the
  character those users typed. Apple clients send UTF-8 or ISO-2022-JP instead, where
  U+301C (〜) arrives as itself.
* 0x5C is always a backslash: JIS-Roman designations (``ESC ( J``) in ISO-2022-JP are
  read as ASCII, because in mail they carry paths like ``C:\\Users``, never yen signs.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = ["RAW", "Decoded", "decode", "normalise_charset", "strict_decode"]


class Decoded(NamedTuple):
    """Decoded text and how it was obtained."""

    text: str
    label: str  # e.g. "declared shift_jis, decoded as cp932"
    codec: str  # the Python codec (or our pseudo-codec) that produced `text`
    lossy: bool = False  # True only when characters were replaced: a defect to record


# Our own decoders for what Windows clients send and Python has no codec for.
ISO2022JP_MS = "iso2022_jp_ms"
EUCJP_MS = "eucjp_ms"

_CP932_FAMILY = ("cp932", "shift_jis_2004")
_ISO2022JP_FAMILY = (
    "iso2022_jp",
    "iso2022_jp_ext",
    "iso2022_jp_2",
    ISO2022JP_MS,
    "iso2022_jp_3",
    "iso2022_jp_2004",
)
_EUCJP_FAMILY = ("euc_jp", "euc_jis_2004", EUCJP_MS)
_JAPANESE_CODECS = frozenset({*_CP932_FAMILY, *_EUCJP_FAMILY, "shift_jisx0213"})
# Our pseudo-codec for a part no charset plausibly decodes: see `_raw`.
RAW = "raw"
# Single-byte code pages tried on undeclared or mislabelled 8-bit text, ties going to
# the earlier one: Western, Central European (ISO and Windows), Cyrillic (Windows, KOI8).
# Then Hebrew and Greek, which read as Cyrillic in Windows-1251. Greek text (with its
# accents) never decodes as Hebrew, so Hebrew goes first.
_EUROPEAN_CODECS = (
    "cp1252",
    "iso8859_2",
    "cp1250",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "iso8859_15",
    "cp1255",
    "iso8859_8",
    "iso8859_7",
    "cp1253",
)
# Declared codecs whose reading is checked against those: a Polish mail labelled
# ISO-8859-1, ISO-8859-2 labelled Windows-1250, Ukrainian KOI8-U labelled KOI8-R.
_CHECKED_DECLARED = frozenset(
    {"cp1252", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2", "cp1250", "cp1251", "koi8_r"}
)

# Declared label -> the codecs to try, in order. Labels are matched after lower-casing.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "cp932": _CP932_FAMILY,
    "shift_jis": _CP932_FAMILY,
    "shift-jis": _CP932_FAMILY,
    "x-sjis": _CP932_FAMILY,
    "sjis": _CP932_FAMILY,
    "s-jis": _CP932_FAMILY,
    "ms_kanji": _CP932_FAMILY,
    "csshiftjis": _CP932_FAMILY,
    "windows-31j": _CP932_FAMILY,
    "ms932": _CP932_FAMILY,
    "x-ms-cp932": _CP932_FAMILY,
    "shift_jis_2004": ("shift_jis_2004", "cp932"),
    "shift_jisx0213": ("shift_jisx0213", "shift_jis_2004", "cp932"),
    "iso-2022-jp": _ISO2022JP_FAMILY,
    "iso2022-jp": _ISO2022JP_FAMILY,
    "iso_2022_jp": _ISO2022JP_FAMILY,
    "csiso2022jp": _ISO2022JP_FAMILY,
    "iso-2022-jp-1": _ISO2022JP_FAMILY,
    "iso-2022-jp-2": _ISO2022JP_FAMILY,
    "iso-2022-jp-3": ("iso2022_jp_3", "iso2022_jp_2004", *_ISO2022JP_FAMILY),
    "iso-2022-jp-2004": ("iso2022_jp_2004", *_ISO2022JP_FAMILY),
    "iso-2022-jp-ms": (ISO2022JP_MS, *_ISO2022JP_FAMILY),
    "euc-jp": _EUCJP_FAMILY,
    "eucjp": _EUCJP_FAMILY,
    "euc_jp": _EUCJP_FAMILY,
    "x-euc-jp": _EUCJP_FAMILY,
    "x-euc": _EUCJP_FAMILY,
    "cseucpkdfmtjapanese": _EUCJP_FAMILY,
    "euc-jis-2004": ("euc_jis_2004", EUCJP_MS),
    "cp51932": (EUCJP_MS, *_EUCJP_FAMILY),
    "eucjp-ms": (EUCJP_MS, *_EUCJP_FAMILY),
    "eucjp-win": (EUCJP_MS, *_EUCJP_FAMILY),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "cp936": ("gb18030",),
    "euc-cn": ("gb18030",),
    "csgb2312": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("cp950", "big5hkscs"),
    "x-big5": ("cp950", "big5hkscs"),
    "ks_c_5601-1987": ("cp949",),
    "ks_c_5601": ("cp949",),
    "ks_c_5601-1989": ("cp949",),
    "euc-kr": ("cp949",),
    "cseuckr": ("cp949",),
    "korean": ("cp949",),
    "utf-8": ("utf_8",),
    "utf8": ("utf_8",),
    "unicode-1-1-utf-8": ("utf_8",),
    "x-unicode20utf8": ("utf_8",),
    "tis-620": ("cp874",),
    # Hebrew and Arabic with their direction stated (logical "-i", explicit "-e"): the
    # same bytes as the plain labels, which Python's codecs do not know by these names.
    "iso-8859-8-i": ("iso8859_8",),
    "iso-8859-8-e": ("iso8859_8",),
    "csiso88598i": ("iso8859_8",),
    "csiso88598e": ("iso8859_8",),
    "iso-8859-6-i": ("iso8859_6",),
    "iso-8859-6-e": ("iso8859_6",),
    "iso-8859-11": ("cp874",),
    "windows-874": ("cp874",),
}

# Labels for single-byte Western charsets. With 8-bit bytes they are often wrong (UTF-8
# or Japanese text sent by a misconfigured form), so those are tried before the label.
_LATIN_LABELS = frozenset(
    {
        "us-ascii",
        "ascii",
        "ansi_x3.4-1968",
        "iso646-us",
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "latin1",
        "latin-1",
        "l1",
        "cp819",
        "ibm819",
        "iso-8859-15",
        "latin-9",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)
_LATIN_CODECS = frozenset({"ascii", "iso8859_1", "latin_1", "iso8859_15", "cp1252"})
_UTF8_LABELS = frozenset({"utf-8", "utf8"})
_ASCII_LABELS = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us"})

# Labels meaning "I don't know": treated as undeclared.
_UNKNOWN_LABELS = frozenset(
    {"", "unknown-8bit", "x-unknown", "unknown", "8bit", "default", "x-user-defined", "none"}
)

# Never let a sender pick these: they are not text encodings (base64_codec, hex, zlib...)
# or they interpret backslashes (unicode_escape turns C:\Users into garbage).
_FORBIDDEN_CODECS = frozenset(
    {
        "unicode_escape",
        "raw_unicode_escape",
        "unicode_internal",
        "undefined",
        "punycode",
        "idna",
        "mbcs",
        "oem",
        "charmap",
        "rot_13",
    }
)

# The 7-bit escape sequences only ISO-2022-JP and its relatives use.
_ISO2022JP_ESCAPES = (
    b"\x1b$B",
    b"\x1b$@",
    b"\x1b(J",
    b"\x1b(I",
    b"\x1b$(D",
    b"\x1b$(Q",
    b"\x1b$(O",
)
_ASCII_PROBE = bytes(range(0x20, 0x7F)) + b"\t\r\n"
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_NON_ASCII_WORD = re.compile(r"[A-Za-z]*[^\x00-\x7f\W\d_][^\W\d_]*")
# Russian uses them in about one letter in fifty, Bulgarian in one in twenty.
_RARE_CYRILLIC = frozenset("щъйЩЪЙ")
_HIGH_BYTES = bytes(range(0x80, 0x100))

_SCORE_SAMPLE = 20_000
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff5e\u2460-\u24ff\u3200-\u33ff]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
_SUSPICIOUS = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ISO2022_SEGMENT = re.compile(rb"(\x1b(?:\([BJI]|\$[@B]|\$\([A-Z@]))")


def normalise_charset(label: str | None) -> str:
    """The declared label as we compare it: lower-cased, unquoted, language tag dropped."""
    if not label:
        return ""
    return _normalise(label)


@lru_cache(maxsize=512)
def _normalise(label: str) -> str:
    value = label.strip().strip("\"'").strip().lower()
    if not value.isascii():
        # Raw 8-bit in a label is garbage, but it ends up in labels we store.
        value = value.encode("ascii", "backslashreplace").decode("ascii")
    # RFC 2231/2184 allow "utf-8*ja"; the language is of no use for decoding.
    return value.split("*", 1)[0]


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`, trusting `declared` as far as it decodes strictly.

    Never raises. `lossy` is True only when no strict decoding was found.
    """
    label = normalise_charset(declared)
    if label in _UTF8_LABELS and b"\x1b" not in data:
        # The common case, decided without the general machinery below.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(
                text.removeprefix("\ufeff"), f"declared {label}, decoded as utf_8", "utf_8"
            )
    if label in _UNKNOWN_LABELS:
        return _undetermined(data, "undeclared" if not label else f"declared {label}")
    if label in _LATIN_LABELS:
        return _decode_latin(data, label)
    family = _FAMILIES.get(label)
    if family is None:
        codec = _safe_codec(label)
        if codec is None:
            return _undetermined(data, f"unknown charset {label!r}")
        if codec in _LATIN_CODECS:
            return _decode_latin(data, label)
        family = _FAMILIES.get(codec.replace("_", "-"), (codec,))
    prefix = f"declared {label}"

    if data.isascii():
        if b"\x1b" not in data:
            if _ascii_compatible(family[0]):
                return Decoded(data.decode("ascii"), f"{prefix}, decoded as {family[0]}", family[0])
        elif _has_iso2022jp_escape(data) and family[0] not in _ISO2022JP_FAMILY:
            result = _try_family(data, _ISO2022JP_FAMILY, f"{prefix} (wrong)")
            if result is not None:
                return result
    elif _single_byte(family[0]):
        # Valid multi-byte UTF-8 is next to impossible in real single-byte text, while
        # UTF-8 under a Latin or Cyrillic label is a common misconfiguration.
        as_utf8 = _strict(data, "utf_8")
        if as_utf8 is not None:
            return Decoded(as_utf8, f"{prefix} (wrong), decoded as utf_8", "utf_8")

    result = _try_family(data, family, prefix)
    if result is not None and result.codec in _CHECKED_DECLARED and not data.isascii():
        return _better_code_page(data, result, prefix) or result
    if result is not None:
        # Latin-1 or KOI8-R text labelled Shift_JIS decodes strictly into kanji soup.
        if (
            family[0] in _JAPANESE_CODECS
            and not data.isascii()
            and _japanese_plausibility(result.text) is None
        ):
            other = _plausible_8bit(data, f"{prefix} (implausible as {result.codec})")
            if other is not None:
                return other
        return result
    return _undetermined(data, f"{prefix} (did not decode)")


def strict_decode(data: bytes, declared: str) -> str | None:
    """`data` decoded by the declared charset (or its supersets) alone, or None."""
    label = normalise_charset(declared)
    family = _FAMILIES.get(label)
    if family is None:
        codec = _safe_codec(label)
        if codec is None:
            return None
        family = _FAMILIES.get(codec.replace("_", "-"), (codec,))
    for codec in family:
        text = _strict(data, codec)
        if text is not None:
            return text
    return None


def _try_family(data: bytes, family: tuple[str, ...], prefix: str) -> Decoded | None:
    for codec in family:
        text = _strict(data, codec)
        if text is not None:
            note = ""
            if codec.startswith("iso2022") and b"\x1b(J" in data:
                note = " (JIS-Roman read as ASCII)"
            return Decoded(text, f"{prefix}, decoded as {codec}{note}", codec)
    return None


def _decode_latin(data: bytes, label: str) -> Decoded:
    prefix = f"declared {label}"
    if data.isascii():
        if b"\x1b" in data and _has_iso2022jp_escape(data):
            result = _try_family(data, _ISO2022JP_FAMILY, f"{prefix} (wrong)")
            if result is not None:
                return result
        return Decoded(data.decode("ascii"), f"{prefix}, decoded as ascii", "ascii")
    text = _strict(data, "utf_8")
    if text is not None:
        return Decoded(text, f"{prefix} (wrong), decoded as utf_8", "utf_8")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return Decoded(
            damaged,
            f"{prefix} (wrong), decoded as utf_8 with replacement characters "
            "(invalid UTF-8 sequences)",
            "utf_8",
            lossy=True,
        )
    japanese = _best_japanese(data, strong=True)
    if japanese is not None:
        codec, text = japanese
        return Decoded(text, f"{prefix} (wrong), detected {codec}", codec)
    codec_name = _safe_codec(label)
    if label in _ASCII_LABELS or codec_name == "ascii":
        # 8-bit bytes prove the label wrong: detect like an unlabelled part.
        return _undetermined(data, f"{prefix} (wrong)")
    # Windows-1252 is what "ISO-8859-1" means in mail (HTML5 decodes it so too); Latin-9
    # differs from it (0xA4 is the euro sign) and is decoded as itself.
    if codec_name == "iso8859_15":
        latin9 = Decoded(
            data.decode("iso8859_15"), f"{prefix}, decoded as iso8859_15", "iso8859_15"
        )
        return _better_code_page(data, latin9, prefix) or latin9
    text = _strict(data, "cp1252")
    if text is not None:
        western = Decoded(text, f"{prefix}, decoded as cp1252", "cp1252")
        return _better_code_page(data, western, prefix) or western
    # Bytes Windows-1252 leaves undefined: the label is doubtful, so Japanese and the
    # other code pages get a look before Latin-1, which takes any byte.
    found = _plausible_8bit(data, f"{prefix} (wrong)")
    if found is not None:
        return found
    return Decoded(data.decode("latin_1"), f"{prefix}, decoded as latin_1", "latin_1")


def _undetermined(data: bytes, prefix: str) -> Decoded:
    """No usable label: UTF-8, ISO-2022-JP, detection, a recorded loss, else raw."""
    if data.isascii():
        if b"\x1b" in data and _has_iso2022jp_escape(data):
            for codec in _ISO2022JP_FAMILY:
                text = _strict(data, codec)
                if text is not None:
                    return Decoded(text, f"{prefix}, detected {codec} by escape sequences", codec)
        return Decoded(data.decode("ascii"), f"{prefix}, decoded as ascii", "ascii")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf_16")
        if text is not None:
            return Decoded(text, f"{prefix}, detected utf_16 by byte order mark", "utf_16")
    text = _strict(data, "utf_8")
    if text is not None:
        return Decoded(text, f"{prefix}, detected utf_8", "utf_8")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return Decoded(
            damaged,
            f"{prefix}, decoded as utf_8 with replacement characters (invalid UTF-8 sequences)",
            "utf_8",
            lossy=True,
        )
    found = _plausible_8bit(data, prefix)
    if found is not None:
        return found
    lossy = _least_lossy(data)
    if lossy is not None:
        codec, text = lossy
        return Decoded(
            text,
            f"{prefix}, decoded as {codec} with replacement characters (no strict decoding found)",
            codec,
            lossy=True,
        )
    return _raw(data, prefix)


def _plausible_8bit(data: bytes, prefix: str) -> Decoded | None:
    """8-bit text that is not UTF-8: plausible Japanese, then a European or Cyrillic
    code page, then kanji-only Japanese; None when nothing reads as text."""
    japanese = _best_japanese(data, strong=False, kana=True)
    if japanese is not None:
        codec, text = japanese
        return Decoded(text, f"{prefix}, detected {codec}", codec)
    european = _best_european(data)
    if european is not None:
        codec, text = european
        return Decoded(text, f"{prefix}, detected {codec}", codec)
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        codec, text = guessed
        return Decoded(text, f"{prefix}, detected {codec} (charset-normalizer)", codec)
    korean = _plausible_korean(data)
    if korean is not None:
        return Decoded(korean, f"{prefix}, detected cp949 (Hangul)", "cp949")
    # Short Japanese without kana ("請求"): only once no European reading fits, and
    # Chinese only when more of its characters are common ones than of the Japanese
    # reading (ties go to Japanese, our customers' language).
    japanese = _best_japanese(data, strong=False, kana=False)
    chinese = _plausible_chinese(data)
    if chinese is not None and (japanese is None or chinese[2] > _common_kanji_share(japanese[1])):
        codec, text, _ = chinese
        return Decoded(text, f"{prefix}, detected {codec} (common hanzi)", codec)
    if japanese is not None:
        codec, text = japanese
        return Decoded(text, f"{prefix}, detected {codec}", codec)
    return None


def _raw(data: bytes, prefix: str) -> Decoded:
    """Nothing is plausible: no guessed decoding, the part is kept as bytes and marked.

    ASCII stays readable; every other byte is shown as U+FFFD rather than as the
    mojibake of some code page. The caller keeps `data` itself (see parse.py).
    """
    text = data.decode("ascii", "replace")
    return Decoded(
        text,
        f"{prefix}, no plausible charset: kept as raw bytes, 8-bit bytes shown as U+FFFD",
        RAW,
        lossy=True,
    )


def _strict(data: bytes, codec: str) -> str | None:
    try:
        if codec == ISO2022JP_MS:
            return _decode_iso2022jp_ms(data)
        if codec == EUCJP_MS:
            return _decode_eucjp_ms(data)
        if codec.startswith("iso2022_jp") and b"\x1b(J" in data:
            data = data.replace(b"\x1b(J", b"\x1b(B")
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    if codec == "utf_8" and text.startswith("\ufeff"):
        text = text[1:]
    elif codec == "cp1258":
        # Windows-1258 writes Vietnamese tone marks as combining characters: composed,
        # "hóa đơn" is the text the customer typed (and the one a search finds).
        text = unicodedata.normalize("NFC", text)
    return text


def _has_iso2022jp_escape(data: bytes) -> bool:
    return any(esc in data for esc in _ISO2022JP_ESCAPES)


@lru_cache(maxsize=256)
def _safe_codec(label: str) -> str | None:
    """The Python codec for a label we have no table entry for, if it is a safe text codec."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    name = info.name.replace("-", "_")
    if name in _FORBIDDEN_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    return name


@lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """Whether every byte of `codec` is a character of its own (ISO-8859-x, KOI8, cp125x)."""
    if codec in ("utf_8", ISO2022JP_MS, EUCJP_MS):
        return False
    try:
        return len(_HIGH_BYTES.decode(codec, "replace")) == len(_HIGH_BYTES)
    except LookupError:
        return False


@lru_cache(maxsize=64)
def _ascii_compatible(codec: str) -> bool:
    """Whether ASCII bytes mean ASCII in `codec` (not so for UTF-16, UTF-7, EBCDIC)."""
    if codec in (ISO2022JP_MS, EUCJP_MS):
        return True
    try:
        return _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (truncation, one stray byte): worth keeping as UTF-8.

    Shift_JIS or EUC-JP text almost never forms valid multi-byte UTF-8 sequences, so
    many valid ones against few errors means UTF-8 whatever the label says.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if good >= 4 and good >= 8 * bad:
        return text
    return None


def _japanese_score(text: str) -> tuple[float, float]:
    """(plausibility, kana share) of `text` as Japanese; mojibake scores below zero."""
    non_ascii = len(_NON_ASCII.findall(text))
    if non_ascii == 0:
        return 0.0, 0.0
    hira = len(_HIRAGANA.findall(text))
    kata = len(_KATAKANA.findall(text))
    good = 2 * hira + kata + len(_KANJI.findall(text)) + len(_CJK_PUNCT.findall(text))
    # Half-width katakana is what EUC-JP looks like read as CP932; private-use and C1
    # characters are what bytes of another encoding turn into.
    bad = 2 * len(_HALFWIDTH_KANA.findall(text)) + 4 * len(_SUSPICIOUS.findall(text))
    return (good - bad) / non_ascii, (hira + kata) / non_ascii


def _best_japanese(
    data: bytes, *, strong: bool, kana: bool | None = None
) -> tuple[str, str] | None:
    """The most plausible strict Japanese decoding, if any is plausible.

    `kana=True` wants kana in the text, `kana=False` accepts kanji alone but only
    common ones; both reject text where rare kanji abound (what Latin-1 or KOI8-R
    read as Shift_JIS looks like: "Fr痬che").
    """
    best: tuple[float, str, str] | None = None
    for codec in ("cp932", "euc_jp", "euc_jis_2004", "shift_jis_2004", EUCJP_MS):
        if codec == EUCJP_MS and best is not None:
            break  # a pure-Python decoder: only worth it when nothing else decoded
        text = _strict(data, codec)
        if text is None:
            continue
        # A sample is enough to tell Japanese from mojibake and keeps big parts cheap.
        sample = text[:_SCORE_SAMPLE]
        score, kana_share = _japanese_score(sample)
        if strong and kana_share < 0.2:
            continue
        if kana is not None:
            plausible = _japanese_plausibility(sample)
            if plausible is None or (kana and plausible == "kanji"):
                continue
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < (0.8 if strong else 0.5):
        return None
    return best[1], best[2]


def _japanese_plausibility(text: str) -> str | None:
    """Whether `text` reads as Japanese: "kana", "kanji" (common kanji only) or None."""
    sample = text[:_SCORE_SAMPLE]
    score, kana_share = _japanese_score(sample)
    if score < 0.5:
        return None
    kanji = _KANJI.findall(sample)
    rare = sum(1 for char in kanji if _rare_kanji(char))
    if kana_share >= 0.1 and rare <= 0.5 * len(kanji):
        return "kana"
    if kanji and 3 * rare <= len(kanji) and not _HALFWIDTH_KANA.search(sample):
        return "kanji"
    return None


@lru_cache(maxsize=4096)
def _rare_kanji(char: str) -> bool:
    """Outside JIS X 0208 level 1, where nearly every kanji of everyday text lives."""
    try:
        encoded = char.encode("euc_jp")
    except UnicodeEncodeError:
        return True
    return not (len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xCF)


def _best_european(data: bytes) -> tuple[str, str] | None:
    """The single-byte code page whose reading looks most like text, if one does."""
    ranked = _ranked_european(data)
    if ranked is None:
        return None
    return ranked[1], ranked[2]


def _ranked_european(data: bytes) -> tuple[float, str, str, float] | None:
    """(score, codec, text, bad evidence) of the best reading scoring at least 0.6."""
    best: tuple[float, str, str, float] | None = None
    for codec in _EUROPEAN_CODECS:
        text = _strict(data, codec)
        if text is None:
            continue
        score, bad = _european_evidence(text[:_SCORE_SAMPLE])
        if best is None or score > best[0]:
            best = (score, codec, text, bad)
    if best is None or best[0] < 0.6:
        return None
    return best


def _better_code_page(data: bytes, declared: Decoded, prefix: str) -> Decoded | None:
    """Another European code page, when the declared one reads as mojibake.

    Only on evidence: the declared reading has symbols inside words (Polish "miesi¹ca"
    read as Windows-1252, "miesi±ca" as Windows-1250 for ISO-8859-2) or box drawing
    (Ukrainian KOI8-U read as KOI8-R), and the other reading has far less of it.
    Text the declared charset reads cleanly is never second-guessed.
    """
    score, bad = _european_evidence(declared.text[:_SCORE_SAMPLE])
    if bad == 0:
        return None
    best = _ranked_european(data)
    if best is None or best[1] == declared.codec or best[3] * 3 >= bad or best[0] <= score:
        return None
    codec, text = best[1], best[2]
    return Decoded(text, f"{prefix} (mojibake as {declared.codec}), detected {codec}", codec)


# Non-ASCII punctuation real Western and Cyrillic text uses (Windows quotes, dashes, €).
_TEXT_PUNCT = frozenset("“”‘’‚„–—…€«»•°§©®™±×£¥¢\u00a0№¿¡")
_RUSSIAN = re.compile(
    r"[\u0410-\u044f\u0401\u0451\u0404\u0454\u0406\u0456\u0407\u0457\u0490\u0491\u040e\u045e]"
)


def _script(char: str) -> str:
    if "\u0400" <= char <= "\u04ff":
        return "cyrillic"
    if "\u0370" <= char <= "\u03ff":
        return "greek"
    if "\u0590" <= char <= "\u05ff":
        return "hebrew"
    if "\u0600" <= char <= "\u06ff":
        return "arabic"
    return "latin"


def _european_score(text: str) -> float:
    return _european_evidence(text)[0]


def _european_evidence(text: str) -> tuple[float, float]:
    """(score, bad evidence): the share of non-ASCII characters that read as text, where
    mojibake scores low or below zero, and how much reads as mojibake.

    A good character is a letter in a word of one script, in a plausible case (not an
    upper-case letter after a lower-case one, as KOI8-R read as Windows-1251 gives),
    or punctuation outside a word. Symbols inside words (Polish "ł" read as "³"),
    C1 controls, box drawing and private use are bad. A Latin reading in which most
    letters are not ASCII is Cyrillic, Greek or Hebrew read in the wrong code page: no
    language written in Latin letters looks like "Ïðèøëèòå".
    """
    good = 0.0
    bad = 0.0
    non_ascii = 0
    latin_letters = 0
    cyrillic = rare_cyrillic = 0
    n = len(text)
    for i, char in enumerate(text):
        if char < "\x80":
            continue
        if unicodedata.category(char) == "Mn":
            continue  # Hebrew points, Thai vowels, Vietnamese tones: part of a letter
        non_ascii += 1
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if char.isalpha() and char not in "ªºµ":
            script = _script(char)
            if script == "latin":
                latin_letters += 1
            elif script == "cyrillic":
                cyrillic += 1
                rare_cyrillic += char in _RARE_CYRILLIC
            neighbours = [c for c in (before, after) if c.isalpha()]
            mixed = any(_script(c) != script for c in neighbours)
            if (
                mixed
                or (char.isupper() and before.isalpha() and before.islower())
                or (char.islower() and after.isupper())
            ):
                bad += 1
            elif script == "cyrillic" and not _RUSSIAN.match(char):
                continue  # Serbian or Macedonian letters: possible, but no evidence
            elif script == "cyrillic" and char.isupper() and before.isupper():
                # Capitals are what KOI8-R and Windows-1251 make of each other's small
                # letters: no evidence either way.
                continue
            elif char.isupper() and before.isupper():
                # Real text is mostly small letters; a tie between code pages goes to
                # the one reading small letters ("счёт" in KOI8-R, not "ÓŢŁÔ").
                good += 0.75
            else:
                good += 1
        elif char in _TEXT_PUNCT:
            if before.isalpha() and after.isalpha() and char not in "’'":
                bad += 1
            else:
                good += 1
        elif (
            _SUSPICIOUS.match(char) or "\u2500" <= char <= "\u259f" or "\u2320" <= char <= "\u2321"
        ):
            bad += 2
        elif before.isalpha() and after.isalpha():
            bad += 1
    if non_ascii == 0:
        return 0.0, 0.0
    if latin_letters >= 4 and 2 * latin_letters > _ascii_letters_beside(text) + latin_letters:
        return -1.0, bad + latin_letters
    if cyrillic >= 8 and 8 * rare_cyrillic > cyrillic:
        # Hebrew read as Windows-1251 is all small letters, with щ and ъ everywhere.
        return -1.0, bad + rare_cyrillic
    return (good - 2 * bad) / non_ascii, bad


def _ascii_letters_beside(text: str) -> int:
    """ASCII letters in the words that have a non-ASCII letter."""
    return sum(
        len(word.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTERS))
        for word in _NON_ASCII_WORD.findall(text)
    )


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _plausible_korean(data: bytes) -> str | None:
    """EUC-KR (CP949) text: mostly Hangul, with spaces between words as Korean has.

    Kanji-only Japanese or Chinese read as CP949 turns into Hangul too, but without
    the spaces; short text stays undecided here (and goes to the Japanese check).
    """
    text = _strict(data, "cp949")
    if text is None:
        return None
    sample = text[:_SCORE_SAMPLE]
    hangul = len(_HANGUL.findall(sample))
    other = len(_KANJI.findall(sample)) + len(_HIRAGANA.findall(sample))
    other += len(_KATAKANA.findall(sample)) + len(_SUSPICIOUS.findall(sample))
    if hangul < 8 or hangul < 8 * other or 8 * sample.count(" ") < hangul:
        return None
    return text


def _plausible_chinese(data: bytes) -> tuple[str, str, float] | None:
    """(codec, text, common share) of GBK or Big5 text whose characters are common ones.

    Big5 read as GBK gives kana, Greek and private-use characters; GBK read as Big5
    gives characters of Big5's rarer level 2: neither reaches nine in ten common.
    """
    best: tuple[str, str, float] | None = None
    for codec, common in (("gb18030", _common_simplified), ("cp950", _common_traditional)):
        text = _strict(data, codec)
        if text is None:
            continue
        sample = text[:_SCORE_SAMPLE]
        if _HIRAGANA.search(sample) or _KATAKANA.search(sample) or _SUSPICIOUS.search(sample):
            continue
        hanzi = _KANJI.findall(sample)
        if len(hanzi) < 4:
            continue
        share = sum(1 for char in hanzi if common(char)) / len(hanzi)
        if share >= 0.9 and (best is None or share > best[2]):
            best = (codec, text, share)
    return best


@lru_cache(maxsize=4096)
def _common_simplified(char: str) -> bool:
    """In GB2312 level 1, the 3,755 characters of everyday simplified Chinese."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


@lru_cache(maxsize=4096)
def _common_traditional(char: str) -> bool:
    """In Big5 level 1 (0xA440-0xC67E), the 5,401 frequent traditional characters."""
    try:
        encoded = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xA440 <= int.from_bytes(encoded, "big") <= 0xC67E


def _common_kanji_share(text: str) -> float:
    kanji = _KANJI.findall(text[:_SCORE_SAMPLE])
    if not kanji:
        return 0.0
    return sum(1 for char in kanji if not _rare_kanji(char)) / len(kanji)


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    if len(data) < 32:
        return None  # too short for statistics to mean anything
    # Imported here: only the rare undecodable part pays for loading it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    codec = _safe_codec(str(best.encoding))
    # Only its European and Cyrillic guesses: its CJK ones are the mojibake we avoid
    # (Japanese has had its look, with a test of plausibility charset-normalizer lacks).
    if codec is None or codec in ("ascii", "utf_8") or not _single_byte(codec):
        return None
    text = _strict(data, codec)
    if text is None or _SUSPICIOUS.search(text):
        return None
    return codec, text


def _least_lossy(data: bytes) -> tuple[str, str] | None:
    """The candidate losing fewest characters, if the loss is small next to what decodes."""
    best: tuple[int, str, str] | None = None
    for codec in ("utf_8", "cp932", "euc_jp"):
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        good = len(_NON_ASCII.findall(text)) - bad
        if good < 4 * bad:
            continue
        if codec != "utf_8" and _japanese_plausibility(text.replace("\ufffd", "")) is None:
            continue  # a few lost characters in mojibake: nothing worth showing
        if best is None or bad < best[0]:
            best = (bad, codec, text)
    return None if best is None else (best[1], best[2])


def _jis_to_sjis(j1: int, j2: int) -> bytes:
    s1 = ((j1 - 0x21) >> 1) + (0x81 if j1 <= 0x5E else 0xC1)
    if j1 & 1:
        s2 = j2 + 0x1F
        if s2 >= 0x7F:
            s2 += 1
    else:
        s2 = j2 + 0x7E
    return bytes((s1, s2))


def _decode_iso2022jp_ms(data: bytes) -> str:
    """ISO-2022-JP as Outlook writes it: JIS rows 13 and 89-92 carry CP932's extras.

    Each JIS pair is mapped to its Shift_JIS bytes and the whole decoded as CP932,
    which is what Microsoft's "ISO-2022-JP-MS" amounts to.
    """
    out = bytearray()
    mode = b"\x1b(B"
    for chunk in _ISO2022_SEGMENT.split(data):
        if chunk.startswith(b"\x1b") and _ISO2022_SEGMENT.fullmatch(chunk):
            mode = chunk
            continue
        if mode in (b"\x1b(B", b"\x1b(J"):
            if not chunk.isascii():
                raise UnicodeDecodeError("iso2022_jp_ms", data, 0, len(data), "8-bit byte")
            out += chunk
        elif mode == b"\x1b(I":
            for byte in chunk:
                if 0x21 <= byte <= 0x5F:
                    out.append(byte + 0x80)
                elif byte in (0x0A, 0x0D):
                    out.append(byte)
                else:
                    raise UnicodeDecodeError("iso2022_jp_ms", data, 0, len(data), "bad kana")
        elif mode in (b"\x1b$B", b"\x1b$@"):
            _jis_pairs_to_sjis(chunk, data, out)
        else:
            raise UnicodeDecodeError("iso2022_jp_ms", data, 0, len(data), "unsupported set")
    return bytes(out).decode("cp932")


def _jis_pairs_to_sjis(chunk: bytes, data: bytes, out: bytearray) -> None:
    i = 0
    n = len(chunk)
    while i < n:
        j1 = chunk[i]
        if j1 in (0x0A, 0x0D):
            # Broken senders forget to switch back to ASCII before the line end.
            out.append(j1)
            i += 1
            continue
        if i + 1 >= n or not (0x21 <= j1 <= 0x7E and 0x21 <= chunk[i + 1] <= 0x7E):
            raise UnicodeDecodeError("iso2022_jp_ms", data, 0, len(data), "bad JIS pair")
        out += _jis_to_sjis(j1, chunk[i + 1])
        i += 2


def _decode_eucjp_ms(data: bytes) -> str:
    """EUC-JP as Windows (CP51932) writes it, decoded through the CP932 tables."""
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        byte = data[i]
        if byte < 0x80:
            out.append(byte)
            i += 1
        elif byte == 0x8E and i + 1 < n and 0xA1 <= data[i + 1] <= 0xDF:
            out.append(data[i + 1])
            i += 2
        elif 0xA1 <= byte <= 0xFE and i + 1 < n and 0xA1 <= data[i + 1] <= 0xFE:
            out += _jis_to_sjis(byte - 0x80, data[i + 1] - 0x80)
            i += 2
        else:
            raise UnicodeDecodeError("eucjp_ms", data, i, i + 1, "not EUC-JP")
    return bytes(out).decode("cp932")
