"""The world fixture set (issue 14): 169 hand-written mails in 21 languages and 35 charsets,
each field checked against tests/data/world/manifest.json, next to Python's `email`
package (policy default) on the same files.

Done when at least 98% of fields pass and ticketing is never worse than the standard
library on any field. Fields the manifest marks `pending` wait for another branch
(reply trimming, attachment collection); they count against the rate like any other.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter

import pytest

from tests.world_fixtures import FIELDS, MANIFEST, WORLD, FieldResult, load_manifest, results

REQUIRED_RATE = 0.98
LANGUAGES = {
    "en", "de", "fr", "es", "pt", "pl", "cs", "hu", "ru", "uk", "el", "tr", "ar", "he",
    "zh-Hans", "zh-Hant", "ko", "ja", "th", "vi",
}  # fmt: skip
CHARSETS = {
    "utf-8", "iso-8859-1", "iso-8859-2", "iso-8859-5", "iso-8859-7", "iso-8859-8",
    "iso-8859-9", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252",
    "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
    "windows-1258", "koi8-r", "koi8-u", "gb2312", "gbk", "gb18030", "big5", "euc-kr",
    "iso-2022-jp", "cp932", "euc-jp", "tis-620", "utf-16",
}  # fmt: skip


@pytest.fixture(scope="module")
def world() -> list[FieldResult]:
    return list(results())


def _listing(rows: list[FieldResult]) -> str:
    return "\n".join(
        f"  {r.file} {r.field}: expected {r.expected!r}, got {r.ticketing!r}"
        + (" (pending)" if r.pending else "")
        for r in rows
    )


def test_the_set_covers_the_languages_charsets_and_cases() -> None:
    entries = load_manifest()
    assert len(entries) >= 150
    assert {e["language"] for e in entries} >= LANGUAGES
    assert {e["charset"].lower() for e in entries} >= CHARSETS
    encodings = {e["transfer_encoding"] for e in entries}
    assert encodings >= {"7bit", "8bit", "quoted-printable", "base64"}
    assert any(e["declared_charset"] is None for e in entries)  # undeclared 8-bit
    assert any(
        e["declared_charset"] and e["declared_charset"] != e["charset"] for e in entries
    )  # declared wrong
    subjects = {e["subject_encoding"] for e in entries}
    assert subjects >= {"B", "Q", "raw", "mixed", "B-split", "B-split-bytes"}
    names = {a["name_encoding"] for e in entries for a in e["attachments"]}
    assert names >= {"rfc2231", "rfc2231-continued", "rfc2047", "name-only"}
    assert {e["html"] for e in entries} >= {None, "only", "alternative"}
    assert sum(1 for e in entries if e.get("quote")) >= 5


def test_the_files_are_what_the_manifest_makes() -> None:
    spec = importlib.util.spec_from_file_location("make_world", WORLD / "make_world.py")
    assert spec is not None and spec.loader is not None
    make_world = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_world)
    for index, entry in enumerate(json.loads(MANIFEST.read_text(encoding="utf-8"))):
        assert (WORLD / entry["file"]).read_bytes() == make_world.build(entry, index), entry["file"]


def test_ticketing_reads_at_least_98_percent_of_fields(world: list[FieldResult]) -> None:
    failing = [r for r in world if not r.ticketing_ok]
    rate = 1 - len(failing) / len(world)
    assert rate >= REQUIRED_RATE, (
        f"{rate:.1%} of {len(world)} fields right; failing:\n{_listing(failing)}"
    )


def test_no_field_fails_that_the_manifest_does_not_expect(world: list[FieldResult]) -> None:
    """Every failure is known: pending on another branch, or one of the undeclared
    Latin code-page texts below that no statistics tell apart at this length."""
    unexplained = [r for r in world if not r.ticketing_ok and not r.pending]
    assert {(r.file, r.field) for r in unexplained} <= KNOWN_AMBIGUOUS, _listing(unexplained)


# Undeclared 8-bit Czech, Turkish and Lithuanian: Windows-1252 reads every byte of them
# as a Latin letter too ("pøestože", "yazýlý"), and two sentences are too few for
# charset-normalizer's language models to tell (it ranks them as ties).
KNOWN_AMBIGUOUS = {
    ("cs-04-undeclared-8bit.eml", "new_text"),
    ("tr-04-undeclared-8bit.eml", "new_text"),
    ("lt-04-undeclared-8bit.eml", "new_text"),
}


@pytest.mark.parametrize("field", FIELDS)
def test_never_worse_than_the_standard_library(world: list[FieldResult], field: str) -> None:
    rows = [r for r in world if r.field == field]
    ours = sum(r.ticketing_ok for r in rows)
    theirs = sum(r.stdlib_ok for r in rows)
    lost = [r for r in rows if r.stdlib_ok and not r.ticketing_ok]
    assert ours >= theirs, f"{field}: ticketing {ours}, stdlib {theirs}; lost:\n{_listing(lost)}"


def test_the_standard_library_comparison_measures_something(world: list[FieldResult]) -> None:
    """The stdlib side is really computed: it gets most plain mail right and fails
    where it is known to (wrong labels, undeclared 8-bit, quoted history)."""
    right = Counter(r.field for r in world if r.stdlib_ok)
    assert all(right[field] > len(world) / len(FIELDS) / 2 for field in FIELDS)
    by_file = {(r.file, r.field): r for r in world}
    assert not by_file[("de-05-utf-8-8bit.eml", "new_text")].stdlib_ok  # Latin-1 as UTF-8
    assert not by_file[("en-06-utf-8-8bit.eml", "new_text")].stdlib_ok  # no reply trimming
    assert by_file[("en-01-us-ascii-7bit.eml", "subject")].stdlib_ok
