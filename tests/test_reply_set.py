"""The multilingual reply set (tests/data/replies/): trimming is right on at least 85%.

A correctness figure, not a timing: each reply's kept text must equal the new text its
author wrote (see bench/replies.py for the comparison and tests/data/replies/README.md
for how the set was written).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.replies import Case, is_right, load_cases, ours

REQUIRED_LANGUAGES = {"en", "ja", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "zh", "ko"}


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


def test_the_set_is_as_large_and_as_varied_as_promised(cases: list[Case]) -> None:
    main = [c for c in cases if c.batch == "main"]
    per_language = Counter(c.language for c in main)
    assert len(main) >= 120
    assert set(per_language) >= REQUIRED_LANGUAGES
    assert min(per_language.values()) >= 8
    assert 0 < sum(c.html_only for c in main) < len(main)


def test_trimming_is_right_on_at_least_85_percent_of_the_set(cases: list[Case]) -> None:
    wrong = [c.file for c in cases if not is_right(ours(c), c)]
    right = len(cases) - len(wrong)
    assert right / len(cases) >= 0.85, f"{right}/{len(cases)} right; wrong: {wrong}"


@pytest.mark.parametrize("batch", ["main", "held-out"])
def test_every_language_is_trimmed_right_on_most_replies(cases: list[Case], batch: str) -> None:
    totals: Counter[str] = Counter()
    rights: Counter[str] = Counter()
    for case in cases:
        if case.batch == batch:
            totals[case.language] += 1
            rights[case.language] += is_right(ours(case), case)
    weak = {
        lang: f"{rights[lang]}/{totals[lang]}"
        for lang in totals
        if rights[lang] < 0.75 * totals[lang]
    }
    assert not weak


def test_a_customers_own_from_and_wrote_lines_are_never_cut(cases: list[Case]) -> None:
    own_words = [c for c in cases if c.style == "own-words-not-quote"]
    assert len(own_words) >= 13
    cut = [c.file for c in own_words if not is_right(ours(c), c)]
    assert not cut
