"""Cut quoted history and signatures off a reply, keeping everything the sender wrote.

`trim_quoted` gives the text agents read first and routing rules look at; the full
body is kept elsewhere, so when in doubt we keep a line rather than drop it.
"""

from __future__ import annotations

import re

__all__ = ["trim_quoted"]

_QUOTED = re.compile(r"^[ \t]*[>＞]")

# "-----Original Message-----" (Outlook) and its Japanese forms.
_ORIGINAL_MESSAGE = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:original message|元のメッセージ|オリジナル[ \t]*メッセージ|"
    r"元のメール|original e-?mail)[ \t]*-{2,}[ \t]*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^[ \t]*_{10,}[ \t]*$")
_FIELD = r"[ \t]*\*?[ \t]*[:：]"
_FROM_FIELD = re.compile(rf"^[ \t]*\*?(?:from|差出人|送信者|送信元){_FIELD}", re.IGNORECASE)
_OTHER_FIELD = re.compile(
    rf"^[ \t]*\*?(?:sent|date|to|cc|subject|送信日時|送信日|日付|日時|宛先|件名|cc){_FIELD}",
    re.IGNORECASE,
)
# A header block after these introduces content the sender forwards on purpose.
_FORWARD_MARKER = re.compile(
    r"(?:forwarded message|begin forwarded message|転送メッセージ|転送されたメッセージ|"
    r"転送元のメッセージ)",
    re.IGNORECASE,
)

# Attribution lines. "Strong" ones carry a date, so the sender's client wrote them and
# whatever follows is history even when it is not ">"-quoted; a bare "X wrote:" only
# counts when quoted lines follow.
_STRONG_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:"
    r"on\b(?=.*\d).{0,300}\bwrote[ \t]*[:：]"
    # Gmail/Apple Mail in Japanese: a date, a time and an address or a "wrote".
    r"|\d{4}[年/.-]\s*\d{1,2}[月/.-]\s*\d{1,2}(?=.*\d{1,2}:\d{2})"
    r"(?=.*(?:@|wrote|書きました|のメール)).{0,300}[:：]"
    r"|\d{1,2}/\d{1,2}/\d{2,4}.{0,300}\bwrote[ \t]*[:：]"
    r")[ \t]*$",
    re.IGNORECASE,
)
_WEAK_ATTRIBUTION = re.compile(
    r"^.{0,200}(?:\bwrote|さんは書きました|は書きました|さんが書きました|のメール)[ \t]*[:：][ \t]*$",
    re.IGNORECASE,
)
# Attribution lines that clients wrap over two lines start like this.
_ATTRIBUTION_START = re.compile(r"^[ \t]*(?:on\b|\d{4}[年/.-]|\d{1,2}/\d{1,2}/)", re.IGNORECASE)

_ADDRESS_OR_TIME = re.compile(r"@|\d{1,2}:\d{2}")
_SIGNATURE = re.compile(r"^--[ \t]?$")
_MOBILE_SIGNATURE = re.compile(
    r"^[ \t]*(?:sent from my [\w ]{1,30}|sent from (?:mail|outlook|yahoo mail)\b.{0,40}|"
    r"get outlook for (?:ios|android)|"
    r"(?:iphone|ipad|android|outlook|gmail|スマートフォン|スマホ|携帯)\S{0,10}[ \t]?(?:から|より)送信"
    r"(?:しました)?)[ \t]*[.。]?[ \t]*$",
    re.IGNORECASE,
)
# Lines a signature may run to; past that a "--" line is a divider inside the text.
_MAX_SIGNATURE_LINES = 15
# Every marker below needs one of these; most lines of prose have none.
_INTERESTING = re.compile(
    r"^[ \t]*(?:[>＞\-_*]|on\b|\d)|[:：]|送信|sent from|get outlook", re.IGNORECASE
)
_BLANK_RUNS = re.compile(r"\n{3,}")
# Cheap pre-check: without any of these there is nothing to trim.
_MARKERS = (">", "＞", ":", "：", "--", "__", "送信", "sent", "Sent", "SENT", "Get Outlook")


def trim_quoted(text: str) -> str:
    """`text` without quoted history and signature; the whole text, stripped, if that is all."""
    if not any(marker in text for marker in _MARKERS):
        return text.strip()
    lines = text.split("\n")
    n = len(lines)
    keep = [True] * n
    cut = n
    i = 0
    while i < n:
        line = lines[i]
        if not _INTERESTING.search(line):
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
        if _MOBILE_SIGNATURE.match(line):
            keep[i] = False
        i += 1

    signature = _signature_start(lines, keep, cut)
    if signature is not None:
        cut = signature
    result = "\n".join(lines[j].rstrip() for j in range(cut) if keep[j])
    result = _BLANK_RUNS.sub("\n\n", result).strip()
    return result or text.strip()


def _starts_history(lines: list[str], i: int) -> bool:
    line = lines[i]
    if _ORIGINAL_MESSAGE.match(line):
        return True
    if _UNDERSCORES.match(line):
        following = _next_nonblank(lines, i + 1)
        return following is not None and bool(_FROM_FIELD.match(lines[following]))
    if _FROM_FIELD.match(line):
        fields = sum(1 for other in lines[i + 1 : i + 7] if _OTHER_FIELD.match(other))
        if fields < 2:
            return False
        previous = _previous_nonblank(lines, i)
        return previous is None or not _FORWARD_MARKER.search(lines[previous])
    return False


def _attribution(lines: list[str], i: int) -> tuple[int, bool]:
    """(number of lines, strong?) of an attribution line starting at `i`; (0, False) if none."""
    line = lines[i]
    if _STRONG_ATTRIBUTION.match(line):
        return 1, True
    if _WEAK_ATTRIBUTION.match(line):
        return 1, False
    if i + 1 < len(lines) and _ATTRIBUTION_START.match(line) and len(line) < 200:
        joined = f"{line.rstrip()} {lines[i + 1].strip()}"
        # A wrapped attribution carries the address or the time that caused the wrap.
        if _STRONG_ATTRIBUTION.match(joined) and _ADDRESS_OR_TIME.search(joined):
            return 2, True
    return 0, False


def _signature_start(lines: list[str], keep: list[bool], cut: int) -> int | None:
    for i in range(cut):
        if keep[i] and lines[i].startswith("--") and _SIGNATURE.match(lines[i]):
            rest = [j for j in range(i + 1, cut) if lines[j].strip()]
            if len(rest) <= _MAX_SIGNATURE_LINES and not any(_QUOTED.match(lines[j]) for j in rest):
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
