"""Attachment names made safe to show and to save.

A sender's name for a file is only ever a label (the bytes are stored by their sha256),
but agents save attachments and rules match their names, so the label is reduced to a
base name an operating system would accept: no directories (`../../etc/passwd`,
`C:\\Users\\x\\a.pdf`), no control or bidirectional-override characters and none of the
characters Windows refuses (each becomes "_"), no leading or trailing dots, not a Windows
device name, at most 255 bytes of UTF-8 with the extension kept. A part without a usable
name gets one made from its MIME type (`attachment-1.pdf`). Pure: no file is opened here.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata

__all__ = ["content_type_for", "generated_name", "safe_name"]

_MAX_NAME_BYTES = 255  # what ext4, NTFS and APFS allow for one path component
# Bidirectional embeddings, overrides and isolates: "invoice\u202efdp.exe" shows as
# "invoiceexe.pdf". Joiners (U+200C/U+200D) stay: Persian and Indic names need them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WINDOWS_RESERVED = re.compile(r'[<>:"|?*]')
_DRIVE = re.compile(r"^[A-Za-z]:")
_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
_BLANKS = re.compile(r"\s+")

# The stdlib's built-in table only (an instance does not read /etc/mime.types), so a
# generated name is the same on every machine; then what it lacks for mail.
_TYPES = mimetypes.MimeTypes()
_EXTENSIONS = {
    "application/ms-tnef": ".dat",
    "application/vnd.ms-tnef": ".dat",
    "application/pgp-signature": ".asc",
    "application/pgp-encrypted": ".asc",
    "application/pkcs7-signature": ".p7s",
    "application/x-pkcs7-signature": ".p7s",
    "application/pkcs7-mime": ".p7m",
    "application/x-pkcs7-mime": ".p7m",
    "message/rfc822": ".eml",
    "message/global": ".eml",
    "message/delivery-status": ".txt",
    "message/global-delivery-status": ".txt",
    "message/disposition-notification": ".txt",
    "message/global-disposition-notification": ".txt",
    "message/feedback-report": ".txt",
    "text/rfc822-headers": ".txt",
    "text/calendar": ".ics",
    "image/jpeg": ".jpg",
    "text/plain": ".txt",
    "application/octet-stream": ".bin",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
}


def safe_name(name: str | None) -> str:
    """`name` reduced to a safe base name; "" when nothing usable is left."""
    if not name:
        return ""
    # Replaced, not dropped, so that the trick stays visible: "invoice_fdp.exe".
    cleaned = "".join(
        "_" if c in _BIDI_CONTROLS or unicodedata.category(c) == "Cc" else c for c in name
    )
    # The last component that names something: "a/b/" is "b", "../.." is nothing.
    components = [c.strip() for c in re.split(r"[/\\]", cleaned)]
    base = next((c for c in reversed(components) if c.strip(". ")), "")
    base = _DRIVE.sub("", base)
    base = _WINDOWS_RESERVED.sub("_", base)
    base = _BLANKS.sub(" ", base).strip(" .")
    if not base:
        return ""
    if base.split(".")[0].strip().lower() in _DEVICE_NAMES:  # "CON.txt" is still CON
        base = "_" + base
    return _shortened(base)


def _shortened(base: str) -> str:
    """`base` cut to `_MAX_NAME_BYTES` of UTF-8, the extension (if short) kept."""
    if len(base.encode("utf-8", "surrogatepass")) <= _MAX_NAME_BYTES:
        return base
    stem, dot, extension = base.rpartition(".")
    suffix = f".{extension}" if dot and stem and len(extension) <= 16 else ""
    stem = base[: len(base) - len(suffix)]
    room = _MAX_NAME_BYTES - len(suffix.encode("utf-8", "surrogatepass"))
    while len(stem.encode("utf-8", "surrogatepass")) > room:
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix


def generated_name(number: int, content_type: str) -> str:
    """The name of the `number`-th attachment that came without one: `attachment-1.pdf`."""
    return f"attachment-{number}{extension_for(content_type)}"


def extension_for(content_type: str) -> str:
    known = _EXTENSIONS.get(content_type)
    if known is not None:
        return known
    guessed = _TYPES.guess_extension(content_type, strict=False)
    return guessed or ".bin"


def content_type_for(name: str) -> str:
    """The MIME type a file name suggests (for uuencoded files, which declare none)."""
    guessed, encoding = _TYPES.guess_type(name, strict=False)
    if encoding is not None or not guessed:
        return "application/octet-stream"  # "x.tar.gz" is a gzip file, not a tar
    return guessed
