"""The shortcuts ticketing/rules.py takes for speed give exactly what the plain way gives.

Each test checks one shortcut against the slow computation it replaces, on the routing
corpus and on adversarial text: per-sentence keyword candidates taken from the whole
text's words, the Japanese folding of many sentences in one pass, the word-length window
of `_Matcher.matches`, and the extractors' substring prefilter.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ticketing import rules as R
from ticketing.parse import parse_email

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def default_rules() -> R.RuleSet:
    return R.load_rules(R.default_rules_path())


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    out: list[str] = []
    corpus = sorted((DATA.parents[1] / "corpus" / "train").glob("*.eml"))[::4]
    for path in corpus + sorted((DATA / "mail").glob("*.eml")):
        email = parse_email(path.read_bytes())
        out.extend([email.subject, email.new_text, email.text])
    return out


def _tricky_texts() -> list[str]:
    """Sentence ends, list items and blank lines between Japanese spellings that fold
    ("振り" | "込み"), open compounds cut by a sentence end, NULs and case traps."""
    pieces = [
        "振り",
        "込み",
        "ません",
        "ておりま",
        "charge",
        "back",
        "over",
        "due",
        "。",
        ". ",
        "\n\n",
        "\n- ",
        "\n1. ",
        "！",
        "? ",
        " ",
        "\x00",
        "İnvoice",
        "ınv-2024-00001",
        "請求書",
        "引き落とし",
        "されておりません",
        "wrong",
        "price",
        "double",
        "charged",
    ]
    rng = random.Random(7)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]


def test_sentence_maybes_equal_each_sentence_matched_alone(
    default_rules: R.RuleSet, corpus_texts: list[str]
) -> None:
    for matcher in default_rules._matchers:
        for raw in [*corpus_texts, *_tricky_texts()]:
            fast = R._Text(raw).sentence_maybes(matcher)
            plain = tuple(s.maybe(matcher) for s in R._Text(raw).sentences())
            assert fast == plain, raw


def test_compacts_folded_together_equal_folded_alone(corpus_texts: list[str]) -> None:
    for raw in [*corpus_texts, *_tricky_texts()]:
        together = R._Text(raw).sentences()
        R._fill_compacts(together)
        alone = R._Text(raw).sentences()
        assert [t.compact for t in together] == [t.compact for t in alone], raw


def test_matches_length_window_loses_nothing(
    default_rules: R.RuleSet, corpus_texts: list[str]
) -> None:
    words = sorted({w for kw in _all_keywords(default_rules) for w in kw.needs})
    tokens = {tok for raw in corpus_texts for tok in R._Text(raw).tokens}
    rng = random.Random(3)
    for word in words:  # the words themselves, inflected, and one edit away
        tokens.update(word + s for s in ("", "s", "es", "ed", "ing", "ly", "'s", "d"))
        tokens.add(word + word[-1] + "ing")
        i = rng.randrange(1, len(word)) if len(word) > 1 else 0
        tokens.update((word[:i] + word[i + 1 :], word[:i] + "x" + word[i:]))
    for typos in (R.TypoTolerance(), R.TypoTolerance(0), R.TypoTolerance(3)):
        matcher = R._Matcher(typos, _all_keywords(default_rules))
        for tok in tokens:
            if not tok:
                continue
            plain = {w for w in words if w[0] == tok[0] and R._word_match(w, tok, typos)}
            assert matcher.matches(tok) == plain, tok


def _all_keywords(rules: R.RuleSet) -> list[R._Keyword]:
    return [
        kw
        for rule in rules.rules
        for condition in rule.conditions
        for sentences in (False, True)
        for kwset in condition.keyword_sets(sentences)
        for kw in kwset.keywords
    ]


def test_case_traps_are_every_non_ascii_letter_re_ignorecase_takes_for_ascii() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(cp) for cp in range(0x80, 0x110000) if ascii_letter.fullmatch(chr(cp))}
    assert found == set(R._CASE_TRAPS)


def test_extract_prefilter_never_hides_a_match(
    default_rules: R.RuleSet, corpus_texts: list[str]
) -> None:
    texts = [R.normalize_text(t) for t in [*corpus_texts, *_tricky_texts()]]
    texts += ["INV-2024-00123", "ınv-2024-00123", "İNV-2024-00123", "Invoice No. 12345", "¥12,000"]
    regex_extractors = [e for e in default_rules.extractors if isinstance(e, R.Extractor)]
    assert regex_extractors  # the built-in amount finder has no regex and no prefilter
    for extractor in regex_extractors:
        required, ignorecase = extractor._required
        for text in texts:
            if not extractor.pattern.search(text):
                continue
            haystack = R._lower_exactly(text) if ignorecase else text
            assert haystack is None or any(s in haystack for s in required), (
                extractor.pattern.pattern,
                text,
            )


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"(?:invoice|請求書)\s*(?:no|#)", ["invoice", "請求書"]),
        (r"(?<![a-z])(INV-\d{4})", ["INV-"]),
        (r"[¥$]\s?\d+|USD\s?\d+", ["$", "USD", "¥"]),
        (r"\d+", None),
        (r"(?:abc)?x", ["x"]),
        (r"a|\d", None),
        (r"(?i:abc)", None),
    ],
)
def test_required_strings(regex: str, expected: list[str] | None) -> None:
    assert R._required_strings(re.compile(regex, re.IGNORECASE)) == expected
