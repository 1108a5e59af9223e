"""Cut quoted history and signatures off a reply, keeping everything the sender wrote.

`trim_quoted` gives the text agents read first and routing rules look at; the full
body is kept elsewhere, so when in doubt we keep a line rather than drop it. The rules are
here, the words of each language in `reply_markers`; docs/replies.md says what is cut and
what is kept, and how it measures on tests/data/replies/.
"""

from __future__ import annotations

import re

from ticketing import reply_markers as markers

__all__ = ["trim_quoted"]

_QUOTED = re.compile(r"^[ \t]*[>＞]")
_SPACE = r"[ \t\xa0]"


def _words(words: tuple[str, ...]) -> str:
    """An alternation of plain words, longest first, spaces matching any run of spaces."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", f"{_SPACE}+") for w in ordered)


# "-----Original Message-----" and its translations; Android apps write "-------- X --------".
_ORIGINAL_MESSAGE = re.compile(
    rf"^{_SPACE}*-{{2,}}{_SPACE}*(?:{_words(markers.ORIGINAL_MESSAGE)}){_SPACE}*-{{2,}}{_SPACE}*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^[ \t]*_{10,}[ \t]*$")
# Any "----- words -----" line: history when an Outlook-style header block follows it.
_DASHED_TITLE = re.compile(rf"^{_SPACE}*-{{2,}}[^-\n]{{1,60}}-{{2,}}{_SPACE}*$")
# A field name, maybe bold ("*From:*" once HTML is flattened), then a colon; French puts a
# space before it ("De :").
_FIELD = rf"{_SPACE}*\*?{_SPACE}*[:：]\*?"
_FROM_FIELD = re.compile(rf"^{_SPACE}*\*?(?:{_words(markers.FROM_FIELDS)}){_FIELD}", re.IGNORECASE)
_DATE_FIELD = re.compile(
    rf"^{_SPACE}*\*?(?:{_words(markers.DATE_FIELDS)}){_FIELD}(?=.*\d)", re.IGNORECASE
)
_OTHER_FIELD = re.compile(
    rf"^{_SPACE}*\*?(?:{_words(markers.DATE_FIELDS + markers.OTHER_FIELDS)}){_FIELD}",
    re.IGNORECASE,
)
# A header block after these introduces content the sender forwards on purpose.
_FORWARD_MARKER = re.compile(_words(markers.FORWARD_MARKERS), re.IGNORECASE)

# Attribution lines ("On <date>, <name> wrote:" in every language). "Strong" ones carry a
# time or an address, so the sender's client wrote them and whatever follows is history
# even when it is not ">"-quoted; one without either only counts when quoted lines follow.
_WROTE = rf"(?:(?<!\w)(?:{_words(markers.WROTE_WORDS)})(?!\w)|{_words(markers.WROTE_WORDS_CJK)})"
_ENDS_WITH_COLON = r"[^\n]*?[:：]\*?[ \t\xa0]*$"
_ATTRIBUTION = re.compile(rf"^[^\n]{{0,300}}?{_WROTE}{_ENDS_WITH_COLON}", re.IGNORECASE)
# Clients that write no verb (Gmail in Russian and Japanese, Yandex, Mail.ru): a date, a
# time, then the sender's address in angle brackets right before the colon.
_VERBLESS_ATTRIBUTION = re.compile(
    r"^(?=[^\n]*\d{1,2}:\d{2})[^\n]{0,300}<[^<>\s@]+@[^<>\s]+>\)?[ \t\xa0]*[:：][ \t\xa0]*$"
)
# Gmail/Apple Mail in Japanese: a date, a time and an address or a "wrote".
_JAPANESE_ATTRIBUTION = re.compile(
    r"^[ \t]*\d{4}[年/.-]\s*\d{1,2}[月/.-]\s*\d{1,2}(?=.*\d{1,2}:\d{2})"
    r"(?=.*(?:@|wrote|書きました|のメール)).{0,300}[:：][ \t]*$"
)
_WEAK_JAPANESE_ATTRIBUTION = re.compile(
    r"^.{0,200}(?:さんは書きました|は書きました|さんが書きました|のメール)[ \t]*[:：][ \t]*$"
)
_ADDRESS_OR_TIME = re.compile(r"@|\d{1,2}:\d{2}")

_SIGNATURE = re.compile(r"^--[ \t]?$")
_MOBILE_SIGNATURE = re.compile(
    rf"^{_SPACE}*(?:{'|'.join(markers.MOBILE_SIGNATURE_PATTERNS)}){_SPACE}*[.。!]?{_SPACE}*$",
    re.IGNORECASE,
)
_MAX_MOBILE_SIGNATURE = 80  # longer lines are prose
# Lines a signature may run to; past that a "--" line is a divider inside the text.
_MAX_SIGNATURE_LINES = 15
# Every marker but the mobile signature needs one of these; most lines of prose have none.
_INTERESTING = re.compile(r"^[ \t]*(?:[>＞\-_*]|\d)|[:：]")
_BLANK_RUNS = re.compile(r"\n{3,}")
# Cheap pre-check: without any of these there is nothing to trim.
_MARKERS = (">", "＞", ":", "：", "--", "__")
# ...and without one of these words (lower case) no "Sent from my iPhone" line either.
_MOBILE_HINTS = (
    "sent", "send", "gesendet", "holen", "envoy", "obten", "télécharg", "enviad", "obter",
    "inviat", "scarica", "ottieni", "verstuurd", "verzonden", "outlook", "wysłan", "pobierz",
    "отправлено", "получи", "skickat", "hämta", "发自", "我的", "获取", "보냄", "받기", "送信",
)  # fmt: skip


def trim_quoted(text: str) -> str:
    """`text` without quoted history and signature; the whole text, stripped, if that is all."""
    if not any(marker in text for marker in _MARKERS):
        lowered = text.lower()
        if not any(hint in lowered for hint in _MOBILE_HINTS):
            return text.strip()
    lines = text.split("\n")
    n = len(lines)
    keep = [True] * n
    cut = n
    i = 0
    while i < n:
        line = lines[i]
        if not _INTERESTING.search(line):
            if _is_mobile_signature(lines, i):
                keep[i] = False
            i += 1
            continue
        if _QUOTED.match(line):
            keep[i] = False
            i += 1
            continue
        if _starts_history(lines, i):
            cut = i
            break
        span, strong = _attribution(lines, i)
        if span:
            following = _next_nonblank(lines, i + span)
            if following is None:
                cut = i
                break
            if _QUOTED.match(lines[following]):
                for j in range(i, i + span):
                    keep[j] = False
                i += span
                continue
            if strong:
                cut = i
                break
        if _is_mobile_signature(lines, i):
            keep[i] = False
        i += 1

    signature = _signature_start(lines, keep, cut)
    if signature is not None:
        cut = signature
    result = "\n".join(lines[j].rstrip() for j in range(cut) if keep[j])
    result = _BLANK_RUNS.sub("\n\n", result).strip()
    return result or text.strip()


def _is_mobile_signature(lines: list[str], i: int) -> bool:
    """A "Sent from my iPhone" line. Apps add it as a paragraph of its own, so only a
    short line next to a blank line (or the text's edge) is looked at: prose is cheap."""
    line = lines[i]
    if len(line) > _MAX_MOBILE_SIGNATURE or not line.strip():
        return False
    alone = i == 0 or not lines[i - 1].strip() or i + 1 == len(lines) or not lines[i + 1].strip()
    return alone and bool(_MOBILE_SIGNATURE.match(line))


def _starts_history(lines: list[str], i: int) -> bool:
    line = lines[i]
    if _ORIGINAL_MESSAGE.match(line):
        return True
    if _UNDERSCORES.match(line):
        following = _next_nonblank(lines, i + 1)
        return following is not None and bool(_FROM_FIELD.match(lines[following]))
    if _DASHED_TITLE.match(line) and not _FORWARD_MARKER.search(line):
        following = _next_nonblank(lines, i + 1)
        return following is not None and _header_block(lines, following)
    if _header_block(lines, i):
        previous = _previous_nonblank(lines, i)
        return previous is None or not _FORWARD_MARKER.search(lines[previous])
    return False


def _header_block(lines: list[str], i: int) -> bool:
    """Outlook's block: From, then a date with a digit in it and at least one more field.
    Prose that starts lines with "From:" and "To:" has no dated "Sent:"."""
    if not _FROM_FIELD.match(lines[i]):
        return False
    block = lines[i + 1 : i + 7]
    fields = sum(1 for other in block if _OTHER_FIELD.match(other))
    return fields >= 2 and any(_DATE_FIELD.match(other) for other in block)


def _attribution(lines: list[str], i: int) -> tuple[int, bool]:
    """(number of lines, strong?) of an attribution line starting at `i`; (0, False) if none."""
    line = lines[i]
    if len(line) <= 300:
        found = _attribution_kind(line)
        if found is not None:
            return 1, found
    if i + 1 < len(lines) and len(line) < 200 and lines[i + 1].strip():
        # Clients wrap a long attribution, usually inside or right after the address.
        joined = f"{line.rstrip()} {lines[i + 1].strip()}"
        if (
            len(lines[i + 1]) < 120
            and _attribution_kind(joined)
            and _ADDRESS_OR_TIME.search(joined)
        ):
            return 2, True
    return 0, False


def _attribution_kind(line: str) -> bool | None:
    """True: a strong attribution; False: a weak one; None: not an attribution."""
    if _JAPANESE_ATTRIBUTION.match(line) or _VERBLESS_ATTRIBUTION.match(line):
        return True
    if _ATTRIBUTION.match(line):
        return bool(_ADDRESS_OR_TIME.search(line))
    if _WEAK_JAPANESE_ATTRIBUTION.match(line):
        return False
    return None


def _signature_start(lines: list[str], keep: list[bool], cut: int) -> int | None:
    """The "-- " line that starts a signature: a short block of kept lines after which
    only quoted history follows (answers between quotes mean it was a divider)."""
    for i in range(cut):
        if keep[i] and lines[i].startswith("--") and _SIGNATURE.match(lines[i]):
            kept = 0
            quoted_seen = False
            signature = True
            for j in range(i + 1, cut):
                if not lines[j].strip():
                    continue
                if _QUOTED.match(lines[j]):
                    quoted_seen = True
                elif keep[j]:
                    if quoted_seen:
                        signature = False
                        break
                    kept += 1
            if signature and kept <= _MAX_SIGNATURE_LINES:
                return i
    return None


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].strip():
            return j
    return None


def _previous_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start - 1, -1, -1):
        if lines[j].strip():
            return j
    return None
