"""Route one parsed email to a queue, priority, tags and fields by an ordered, declarative
rule file (config/rules.toml), and explain every decision.

The pattern is GNU Mailman 3's rules and chains: a rule is small and pure (a name, a
description, `check(email, context) -> bool` and the reason it matched), and routing walks
an ordered table of (rule, actions). Nothing here touches the database or the network.

Rule file schema (TOML; everything is validated at load, errors name file, rule and line)::

    version = 1                       # optional, must be 1
    queues = ["billing", ...]         # optional; load_rules(queues=...) takes precedence

    [settings]
    typo_min_length = 7               # English keyword words this long tolerate one typo; 0 = off
    not_typos = ["changed"]           # real words never taken for a keyword's typo

    [lists]                           # named keyword lists ("families"), shared by rules:
    charge = ["charge", "請求"]        # "@charge" in any keyword list stands for its items;
    money = ["@charge", "price"]      # lists may use other lists

    [[extract]]                       # run on every mail before the rules, in order
    name = "invoice"                  # the field set when the regex has no named groups
    regex = 'INV-\\d{4}-\\d{5}'        # named groups set fields of their own name, else group 1,
                                      # else the whole match; searched case-insensitively in
                                      # NFKC-normalised text; the first match of a field wins
    where = "both"                    # subject | body (the new text) | both | all (also quoted
                                      # history and forwarded mail, tried last)
    normalize = "upper"               # none | upper | lower | digits | money (groups
                                      # `amount` and `currency` -> "12000" and "JPY") |
                                      # invoice (the canonical invoice number of
                                      # ticketing.invoiceno, as agents' --invoice gets)

    [[extract]]                       # or a built-in finder instead of a regex:
    name = "money"
    builtin = "amounts"               # ticketing/amounts.py: fields `amount` ("1234.56")
                                      # and `currency` (ISO code; left out when unknown);
                                      # `where` as above, no `normalize`

    [[rules]]
    name = "dispute-keywords"         # unique; what traces and explanations show
    description = "..."               # optional
    on_followup = false               # apply to follow-ups too (default false: skipped)
    continue = false                  # keep evaluating after this rule applied (default false)
    queue = "disputes"                # actions, all optional
    priority = "high"                 # low | normal | high | urgent; the highest set wins
    tags = ["dispute"]                # added, de-duplicated, in order
    fields = { kind = "chargeback" }  # set (override extracted values)
    template = "ack-dispute"          # acknowledgement template name; the last set wins

    [rules.when]                      # conditions; every key must hold; no `when` = always
    text = { any = ["dispute", "chargeback", "異議"] }
    body = { sentence = [["@charge"], ["wrong", "誤り"]] }
    any_of = [ { subject = { any = ["refund"] } }, { body = { regex = '...' } } ]
    all_of = [ {...}, {...} ]
    not = { customer_status = "active" }

Condition subjects: `subject`, `body` (the new text: quotes and signature trimmed),
`text` (subject and new text; a reply's subject, "Re: ...", belongs to the old thread and
is left out like its quoted history), `full_body` (the whole text, quoted history and
forwarded mail included), `header` and `field` (both need `name = "..."`), `from`, `from_domain`,
`mailbox`, `recipient`, `attachment_type`, `attachment_name` (every attachment at any depth,
forwarded messages' files included, inline parts left out; names as `tickets show` lists
them, made safe or generated), `language` (en | ja),
`customer_status` (active | delinquent | suspended | unknown), `kind` (human | auto-reply |
bulk | bounce), `has_attachment` and `followup` (booleans).

Operators: `any` / `all` (keyword lists), `sentence`, `regex`, `equals`, `in`, `glob`,
and `exists` (header, field, mailbox). `sentence = [[A...], [B...]]` holds when ONE
sentence (or list item, or paragraph) has a keyword of every list: words that mean
something together only close together ("wrong" and "price"; not a signature's "in
error" and an invoice three paragraphs up). `sentence = { lists = [[...], ...], unless =
[...] }` also skips sentences that have any `unless` keyword (a question, the customer's
own slip); with `unless` one list is enough. Several operators in one table must all hold. For non-text
subjects a string is short for `equals`, an array for `in`, a boolean for `equals`.
A regex's named groups become fields when its rule applies (and can then be tested by
later rules' `field` conditions).

Keyword matching: text and keywords are NFKC-normalised and case-folded (so full-width
Ａ and half-width kana match their ordinary forms). A keyword containing Japanese is a
substring of the text with all whitespace removed (Japanese mail is hard-wrapped
mid-word); `*` in it stands for up to 20 characters of the same sentence. Japanese text
and keywords are both folded to one spelling first: okurigana (振り込み, 振込み -> 振込;
引き落とし, 引落し -> 引落; 支払い -> 支払; 問い合わせ -> 問合), kanji written in kana (出来
-> でき, 致し -> いたし) and polite auxiliaries (ておりません, ていません -> ていない; ません
-> ない; いたしかねます -> しかねる), so "引き落とされておりません" matches a keyword written
"引落されていない"; a trace quotes the folded text. Other keywords
match whole words: each keyword word also matches its simple inflections (refund ->
refunds, refunded, refunding; charge -> charged, charging; apply -> applied) and, when
it is at least `typo_min_length` letters long, one typo (one letter inserted, dropped,
changed or two neighbours swapped, the first letter kept: "chargback", "overdeu")
unless the word is listed in `not_typos` or is another form of the same word (a keyword
written "invoiced" does not match "invoices"); a compound written open or hyphenated matches
its closed form ("charge-back" matches "chargeback"); `*` stands for up to three words
("charged * twice" matches "charged us twice"). Only the first MAX_SCAN_CHARS of each
text are read.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import functools
import importlib
import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from ticketing import amounts
from ticketing.errors import RulesError, TicketingError
from ticketing.inbound import InboundEmail, MailKind
from ticketing.invoiceno import InvalidInvoice, canonical_invoice

if TYPE_CHECKING:  # pragma: no cover
    from ticketing.topic_model import ModelInput, Prediction, TopicModel

PRIORITIES = ("low", "normal", "high", "urgent")
DEFAULT_PRIORITY = "normal"
DEFAULT_QUEUES = ("billing", "disputes", "collections", "escalations")
CUSTOMER_STATUSES = ("active", "delinquent", "suspended", "unknown")
LANGUAGES = ("en", "ja")
DEFAULT_TYPO_MIN_LENGTH = 7
# `matched_rule` of a decision whose queue the learned model chose.
MODEL_RULE = "model"
# Below this confidence the model's queue is not used: the ticket stays in the mailbox's
# queue with the triage tag (`[settings] model_threshold` / `triage_tag` in the rule file).
DEFAULT_MODEL_THRESHOLD = 0.55
DEFAULT_TRIAGE_TAG = "needs-triage"

# How many list items a description shows before "…": traces stay readable.
_DESCRIBE_ITEMS = 5
# `*` in an English phrase skips at most this many words, in a Japanese one this many chars.
_WILDCARD_WORDS = 3
_WILDCARD_CHARS = 20
# Rules and extractors read at most this much of each text: what decides a queue is near
# the top, and a pasted log or a long forwarded thread must not make routing slow.
MAX_SCAN_CHARS = 32_768


# --------------------------------------------------------------------------- public data


@dataclass(frozen=True)
class RouteContext:
    """What routing knows besides the mail itself."""

    mailbox: str | None  # configured mailbox/ingress name the mail arrived through
    recipients: tuple[str, ...]  # our addresses it was sent to (lower-case)
    default_queue: str  # the mailbox's queue
    customer_status: str | None  # "active" | "delinquent" | "suspended" | None (unknown)
    is_followup: bool = False
    overdue_invoice: bool = False  # the sender's account has an overdue invoice


@dataclass(frozen=True)
class ConditionResult:
    """One condition of one rule, evaluated: what it asked, whether it held, and why."""

    description: str  # e.g. 'subject matches any of [dispute, chargeback]'
    held: bool
    detail: str  # e.g. 'matched "chargeback"'


@dataclass(frozen=True)
class RuleTrace:
    """One rule's hit or miss, recorded on the ticket."""

    rule: str
    matched: bool
    conditions: tuple[ConditionResult, ...]
    skipped_reason: str | None = None


@dataclass(frozen=True)
class Decision:
    """Where a mail goes and everything that led there."""

    queue: str
    priority: str
    tags: tuple[str, ...]
    fields: dict[str, str] = field(hash=False)
    template: str | None
    matched_rule: str | None  # the rule that decided the queue (None = default)
    matched_rules: tuple[str, ...]  # every rule whose actions applied, in order
    trace: tuple[RuleTrace, ...]
    # The learned model's view (Prediction.to_json()), or None when no model was asked.
    model: dict[str, Any] | None = field(default=None, hash=False, compare=False)
    # Why the ticket needs a human to pick its queue (the model was unsure), or None.
    triage: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "triage": self.triage,
            "queue": self.queue,
            "priority": self.priority,
            "tags": list(self.tags),
            "fields": dict(self.fields),
            "matched_rule": self.matched_rule,
            "matched_rules": list(self.matched_rules),
            "template": self.template,
            "trace": [
                {
                    "rule": t.rule,
                    "matched": t.matched,
                    "conditions": [
                        {"condition": c.description, "held": c.held, "detail": c.detail}
                        for c in t.conditions
                    ],
                    "skipped_reason": t.skipped_reason,
                }
                for t in self.trace
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        try:
            return cls(
                queue=str(data["queue"]),
                priority=str(data["priority"]),
                tags=tuple(str(t) for t in data.get("tags", ())),
                fields={str(k): str(v) for k, v in dict(data.get("fields", {})).items()},
                template=None if data.get("template") is None else str(data["template"]),
                matched_rule=None
                if data.get("matched_rule") is None
                else str(data["matched_rule"]),
                matched_rules=tuple(str(r) for r in data.get("matched_rules", ())),
                trace=tuple(
                    RuleTrace(
                        rule=str(t["rule"]),
                        matched=bool(t["matched"]),
                        conditions=tuple(
                            ConditionResult(str(c["condition"]), bool(c["held"]), str(c["detail"]))
                            for c in t.get("conditions", ())
                        ),
                        skipped_reason=(
                            None if t.get("skipped_reason") is None else str(t["skipped_reason"])
                        ),
                    )
                    for t in data.get("trace", ())
                ),
                model=dict(data["model"]) if isinstance(data.get("model"), dict) else None,
                triage=None if data.get("triage") is None else str(data["triage"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TicketingError(f"stored routing decision is malformed: {exc!r}") from exc

    def explain(self) -> str:
        """One line for agents: the queue, the rule and the conditions that decided it."""
        if self.matched_rule is None:
            followup = any(
                t.skipped_reason and t.skipped_reason.startswith("follow-up") for t in self.trace
            )
            if followup:
                head = f"queue {self.queue} kept (a follow-up; no on_followup rule set the queue)"
            elif self.triage is not None:
                head = f"queue {self.queue} for triage: {self.triage}"
            else:
                head = f"queue {self.queue} by default (no rule set the queue)"
        elif self.matched_rule == MODEL_RULE and self.model is not None:
            words = ", ".join(f["feature"] for f in self.model.get("top_features", [])[:4])
            head = (
                f"queue {self.queue} by the model {self.model.get('version', '')} "
                f"(p={float(self.model.get('confidence', 0)):.2f}"
                + (f"; most telling: {words}" if words else "")
                + ")"
            )
        else:
            trace = next((t for t in self.trace if t.rule == self.matched_rule), None)
            held = [c for c in trace.conditions if c.held] if trace else []
            why = " and ".join(f"{c.description} ({c.detail})" for c in held) or "always applies"
            head = f"queue {self.queue} by rule '{self.matched_rule}': {why}"
        parts = [head, f"priority {self.priority}"]
        if self.tags:
            parts.append("tags " + ", ".join(self.tags))
        others = [r for r in self.matched_rules if r != self.matched_rule]
        if others:
            parts.append("also applied " + ", ".join(others))
        return "; ".join(parts)


# --------------------------------------------------------------------------- text matching


# Typographic apostrophes, all read as "'".
_APOSTROPHE_CHARS = ("\u2019", "\u2018", "\u02bc", "\uff07")
# Latin-script words only: Japanese runs never count as English words, and an English
# word glued to Japanese ("Azureポータル") still stands alone.
_WORD_RE = re.compile(r"[0-9a-z\u00df-\u024f]+(?:'[0-9a-z\u00df-\u024f]+)*")
_SPACE_RE = re.compile(r"\s+")
_CJK_RE = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_SENTENCE_END = "。．！？!?"
# Where a sentence ends: after 。！？ (Japanese needs no space), after .!? and a space, at
# a blank line, and before a list item (・, -, *, ①, "1." or "2)") on a new line.
_SENTENCE_SPLIT = re.compile(
    r"(?<=[。．！？])|(?<=[.!?])\s+|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[・•●■◆*\-]|[\u2460-\u2473]|\d{1,2}[.)]\s))"
)
_INFLECTIONS = ("s", "es", "ed", "ing", "ly", "'s")
# How a keyword word's length can differ from that of a text word it matches
# (`_word_match`), from 4 letters shorter to 1 longer: an inflection adds 1 to 4 letters
# ("stop" -> "stopping"); a typo is one edit from the text word or one of its `_stems`,
# which are at most 3 letters shorter (-"ing") and never longer.
_LENGTHS = tuple(range(-4, 2))


@dataclass(frozen=True)
class TypoTolerance:
    """When an English keyword word may match a text word one typo away.

    `min_length` 0 turns it off. `not_typos` lists real words that are one edit from a
    keyword word but mean something else ("changed" is not a typo of "charged").
    """

    min_length: int = DEFAULT_TYPO_MIN_LENGTH
    not_typos: frozenset[str] = frozenset()


def normalize_text(text: str) -> str:
    """NFKC (full-width ASCII and half-width kana to their ordinary forms), one apostrophe."""
    text = unicodedata.normalize("NFKC", text)
    # Replaces, not str.translate: translate with a table costs a dict lookup per
    # character (it was a tenth of routing), `in` and replace are C scans; each maps to
    # "'", which is none of them, so the order does not matter.
    for apostrophe in _APOSTROPHE_CHARS:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return text


def _fold(text: str) -> str:
    return normalize_text(text).casefold()


# Japanese is spelled several ways and written at several levels of politeness; customers
# use all of them ("引き落とされておりません", "引落しされていない"). Text and keywords are
# both folded to one spelling, so a keyword written one way matches the others. Only
# spellings that keep the meaning are folded, in two passes on whitespace-free folded
# text: first okurigana and kanji written in kana, then polite auxiliaries.
_JA_SPELLINGS: dict[str, str] = {
    # okurigana: 振り込み = 振込み = 振込, 引き落とし = 引落し = 引落, ...
    "振り込み": "振込",
    "振込み": "振込",
    "振り込": "振込",
    "払い込み": "払込",
    "払込み": "払込",
    "払い込": "払込",
    "引き落とし": "引落",
    "引落とし": "引落",
    "引き落し": "引落",
    "引落し": "引落",
    "引き落と": "引落",
    "引落と": "引落",
    "支払い": "支払",
    "払い戻し": "払戻",
    "払戻し": "払戻",
    "申し込み": "申込",
    "申込み": "申込",
    "申し込": "申込",
    "取り消し": "取消",
    "取消し": "取消",
    "取り消": "取消",
    "問い合わせ": "問合",
    "問い合せ": "問合",
    "問合わせ": "問合",
    "問合せ": "問合",
    "見積もり": "見積",
    "見積り": "見積",
    "割り当て": "割当",
    "割当て": "割当",
    "切り替え": "切替",
    "切替え": "切替",
    "切り替": "切替",
    "受け取": "受取",
    "取り扱": "取扱",
    "締め切り": "締切",
    "締切り": "締切",
    # kanji written in kana, and the other way round
    "出来": "でき",
    "下さい": "ください",
    "頂き": "いただき",
    "頂け": "いただけ",
    "頂い": "いただい",
    "頂く": "いただく",
    "致し": "いたし",
    "致す": "いたす",
    "御座い": "ござい",
    "無い": "ない",
    "無く": "なく",
    "分かり": "わかり",
    "分から": "わから",
    "解り": "わかり",
    "貴社": "御社",
}
_JA_POLITE: dict[str, str] = {
    "ておりませんでした": "ていなかった",
    "ていませんでした": "ていなかった",
    "ておりません": "ていない",
    "ていません": "ていない",
    "ておりました": "ていた",
    "ていました": "ていた",
    "ております": "ている",
    "ています": "ている",
    # spoken forms that drop the い: 契約してない = 契約していない, 入ってます = 入っている
    "てませんでした": "ていなかった",
    "てません": "ていない",
    "てなかった": "ていなかった",
    "てない": "ていない",
    "てました": "ていた",
    "てます": "ている",
    # "お支払いいたしかねます" (we decline to pay) is not "お支払いできません" (we cannot).
    "いたしかねます": "しかねる",
    "しかねます": "しかねる",
    "ございませんでした": "なかった",
    "ございません": "ない",
    "ありませんでした": "なかった",
    "ありません": "ない",
    "でおりません": "でいない",
    "でいません": "でいない",
    "でおります": "でいる",
    "でいます": "でいる",
    # できません -> できない, 使えません -> 使えない; a 五段 verb folds to a non-word
    # (届きません -> 届きない), the same for text and keyword, so nothing is lost.
    "ませんでした": "なかった",
    "ません": "ない",
    "いたしました": "しました",
    "いたします": "します",
    "でございます": "です",
}


def _alternation(table: Mapping[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))


_JA_SPELLING_RE = _alternation(_JA_SPELLINGS)
_JA_POLITE_RE = _alternation(_JA_POLITE)


def fold_japanese(text: str) -> str:
    """One spelling for Japanese written several ways; other text is unchanged.

    "引き落とされておりません", "引落とされていません" -> "引落されていない";
    "納得致しかねます" -> "納得できない"; "お振り込みいたしました" -> "お振込しました".
    """
    text = _JA_SPELLING_RE.sub(lambda m: _JA_SPELLINGS[m.group(0)], text)
    return _JA_POLITE_RE.sub(lambda m: _JA_POLITE[m.group(0)], text)


class _Text:
    """One piece of mail text, normalised once and shared by every condition.

    What matching needs is computed on first use: the whitespace-free folded form for
    Japanese keywords, the word index, and (per `_Matcher`) which keywords may match at
    all and what each one found, so a keyword shared by several rules is looked for once.
    """

    __slots__ = (
        "_compact",
        "_first",
        "_found",
        "_index",
        "_matcher",
        "_maybe",
        "_sentence_matcher",
        "_sentence_maybes",
        "_sentences",
        "_starts_of",
        "folded",
        "has_cjk",
        "nfkc",
        "tokens",
    )

    def __init__(self, raw: str, *, normalized: bool = False) -> None:
        self.nfkc = raw if normalized else normalize_text(raw[:MAX_SCAN_CHARS])
        self.folded = self.nfkc.casefold()
        self.tokens: tuple[str, ...] = tuple(_WORD_RE.findall(self.folded))
        # Every Japanese keyword has a Japanese character; text without one skips them all.
        self.has_cjk = _CJK_RE.search(self.folded) is not None
        self._compact: str | None = None
        self._index: dict[str, list[int]] | None = None
        self._sentences: tuple[_Text, ...] | None = None
        self._matcher: _Matcher | None = None
        self._maybe: frozenset[int] = frozenset()
        self._found: dict[int, tuple[str, bool] | None] = {}
        self._starts_of: dict[str, list[int]] = {}
        self._first: dict[int, tuple[_Keyword, tuple[str, bool]] | None] = {}
        self._sentence_matcher: _Matcher | None = None
        self._sentence_maybes: tuple[frozenset[int], ...] = ()

    @property
    def compact(self) -> str:
        """Folded, whitespace removed, Japanese spelling folded: what Japanese keywords see."""
        if self._compact is None:
            self._compact = fold_japanese(_SPACE_RE.sub("", self.folded))
        return self._compact

    @property
    def index(self) -> dict[str, list[int]]:
        """Word positions by first letter: every way a word can match a keyword word keeps
        its first letter, so only positions sharing it need checking."""
        if self._index is None:
            self._index = {}
            for pos, tok in enumerate(self.tokens):
                self._index.setdefault(tok[0], []).append(pos)
        return self._index

    def maybe(self, matcher: _Matcher) -> frozenset[int]:
        """Ids of the keywords (of `matcher`'s rule set) that may match this text."""
        if self._matcher is not matcher:
            self._use(matcher, matcher.maybe(self))
        return self._maybe

    def _use(self, matcher: _Matcher, maybe: frozenset[int]) -> None:
        """Start over with `matcher`: what the caches hold depends on its keywords."""
        self._matcher = matcher
        self._found = {}
        self._starts_of = {}
        self._first = {}
        self._maybe = maybe

    def starts_of(self, word: str, matcher: _Matcher) -> list[int]:
        """Positions where a keyword starting with `word` may match: the word matches
        there, or begins there as a compound written open (call `maybe` first)."""
        found = self._starts_of.get(word)
        if found is None:
            tokens = self.tokens
            found = self._starts_of[word] = [
                pos
                for pos in self.index.get(word[0], ())
                if matcher.how(word, tokens[pos]) is not None
                or (word.startswith(tokens[pos]) and len(tokens[pos]) < len(word))
            ]
        return found

    def find(self, kw: _Keyword, matcher: _Matcher) -> tuple[str, bool] | None:
        """`kw.find(self, matcher)`, remembered (call `maybe` first)."""
        found = self._found
        if kw.uid in found:
            return found[kw.uid]
        hit = found[kw.uid] = kw.find(self, matcher)
        return hit

    def first(
        self, keywords: _KeywordSet, matcher: _Matcher
    ) -> tuple[_Keyword, tuple[str, bool]] | None:
        """`keywords.first(self, matcher)`, remembered: several rules share a list (the
        same `unless` list is asked of every sentence by several rules)."""
        self.maybe(matcher)
        found = self._first
        if keywords.uid in found:
            return found[keywords.uid]
        hit = found[keywords.uid] = keywords.first(self, matcher)
        return hit

    def sentences(self) -> tuple[_Text, ...]:
        """The text cut into sentences (and list items, and paragraphs), each its own _Text."""
        if self._sentences is None:
            parts = (p.strip() for p in _SENTENCE_SPLIT.split(self.nfkc))
            self._sentences = tuple(_Text(p, normalized=True) for p in parts if p)
        return self._sentences

    def sentence_maybes(self, matcher: _Matcher) -> tuple[frozenset[int], ...]:
        """`s.maybe(matcher)` for each of `sentences()`, computed together (and set on them).

        `matcher` may differ from the one this whole text is matched with (`_Matchers`).
        """
        if self._sentence_matcher is not matcher:
            self._sentence_matcher = matcher
            self._sentence_maybes = matcher.sentence_maybes(self, self.sentences())
        return self._sentence_maybes


def _within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance <= 1 (insert, delete, substitute, swap neighbours)."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) <= 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _is_inflection(kw: str, tok: str) -> bool:
    if not tok.startswith(kw[:-1]):
        return False
    if tok.startswith(kw) and tok[len(kw) :] in _INFLECTIONS:
        return True
    last = kw[-1]
    if last == "e" and tok in (kw + "d", kw[:-1] + "ing"):
        return True
    if last == "y" and len(kw) > 2 and tok in (kw[:-1] + "ies", kw[:-1] + "ied"):
        return True
    # bill -> billed is covered above; stop -> stopped needs the doubled consonant.
    return last not in "aeiouwxy" and tok in (kw + last + "ed", kw + last + "ing")


def _stems(tok: str) -> set[str]:
    out = {tok}
    for suffix in (*_INFLECTIONS, "d"):
        if tok.endswith(suffix) and len(tok) - len(suffix) >= 3:
            stem = tok[: -len(suffix)]
            out.update((stem, stem + "e"))
    return out


def _word_match(kw: str, tok: str, typos: TypoTolerance) -> str | None:
    """How text word `tok` matches keyword word `kw`: "exact", "inflection", "typo" or None."""
    if tok == kw:
        return "exact"
    if tok[0] != kw[0]:
        return None
    if _is_inflection(kw, tok):
        return "inflection"
    if (
        typos.min_length
        and len(kw) >= typos.min_length
        and kw.isalpha()
        and tok not in typos.not_typos
        # Another form of the same word is not a typo: a keyword written "invoiced" (the
        # verb) must not match "invoices", nor "charged" match "charges".
        and not _stems(kw) & _stems(tok)
        and any(_within_one_edit(kw, stem) for stem in _stems(tok))
    ):
        return "typo"
    return None


_KEYWORD_IDS = itertools.count()


class _Matcher:
    """Word matching for one rule set and one typo tolerance, with plain-dict caches.

    `how(kw, tok)` is `_word_match` memoised; `matches(tok)` is every English keyword word
    of the rule set that text word `tok` matches, `compounds(tok, next)` every one the two
    words match as a compound written open. They depend only on the words, so they are
    computed once per process and rule set, not per mail, and `maybe(text)` uses them to
    rule out at once the keywords a text cannot match.
    """

    # Past this many cached words (random IDs, hashes, a pasted log) the caches restart.
    CACHE_LIMIT = 200_000

    def __init__(self, typos: TypoTolerance, keywords: Iterable[_Keyword]) -> None:
        self.typos = typos
        unique = {kw.uid: kw for kw in keywords}
        english = [kw for kw in unique.values() if kw.cjk is None]
        japanese = [kw for kw in unique.values() if kw.cjk is not None]
        # Keyword words by first letter and length: a text word of length n can only
        # match one of length n - 4 to n + 1 (see `_LENGTHS`).
        by_size: dict[tuple[str, int], list[str]] = {}
        for word in sorted({w for kw in english for w in kw.needs}):
            by_size.setdefault((word[0], len(word)), []).append(word)
        self._by_size = {k: tuple(v) for k, v in by_size.items()}
        # Keyword words by each of their proper prefixes: a compound written open
        # ("charge back") starts with a text word that is one.
        prefixed: dict[str, list[str]] = {}
        for words in self._by_size.values():
            for word in words:
                for k in range(1, len(word)):
                    prefixed.setdefault(word[:k], []).append(word)
        self._prefixed = {k: tuple(v) for k, v in prefixed.items()}
        self._how: dict[str, dict[str, str | None]] = {}
        self._how_size = 0
        self._matches: dict[str, frozenset[str]] = {}
        self._compounds: dict[tuple[str, str], frozenset[str]] = {}
        # Each keyword is indexed by one word (English: its longest, likely the rarest) or
        # character (Japanese: the rarest Japanese one) that a text must have; the rest of
        # what it needs is checked before it is tried.
        self._by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for kw in english:
            word = min(kw.needs, key=lambda w: (-len(w), w))
            self._by_word.setdefault(word, []).append((kw.uid, kw.needs))
        count: dict[str, int] = {}
        for kw in japanese:
            for ch in kw.chars:
                count[ch] = count.get(ch, 0) + 1
        self._by_char: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._always: frozenset[int] = frozenset(kw.uid for kw in japanese if not kw.chars)
        for kw in japanese:
            if kw.chars:
                anchor = min(kw.chars, key=lambda ch: (not _CJK_RE.match(ch), count[ch], ch))
                self._by_char.setdefault(anchor, []).append((kw.uid, kw.chars))
        self._words = frozenset(self._by_word)
        self._chars = frozenset(self._by_char)

    def maybe(self, text: _Text) -> frozenset[int]:
        """Ids of the keywords that may match `text`: the others certainly do not."""
        out: set[int] = set()
        tokens = text.tokens
        if tokens:
            # Every keyword word a text word matches, or a text word and the next one
            # match as a compound written open.
            starts: set[str] = set()
            known = self._matches
            for tok in set(tokens):
                found = known.get(tok)
                starts.update(self.matches(tok) if found is None else found)
            prefixed = self._prefixed
            for pos in range(len(tokens) - 1):
                if tokens[pos] in prefixed:
                    starts.update(self.compounds(tokens[pos], tokens[pos + 1]))
            self._english(starts, out)
        if text.has_cjk:
            self._japanese(text, out)
        return frozenset(out)

    def _english(self, starts: set[str], out: set[int]) -> None:
        """Add to `out` the English keywords whose every word is in `starts`."""
        by_word = self._by_word
        for word in self._words.intersection(starts):
            out.update(uid for uid, needs in by_word[word] if needs <= starts)

    def _japanese(self, text: _Text, out: set[int]) -> None:
        """Add to `out` the Japanese keywords whose every character is in `text.compact`."""
        out.update(self._always)
        chars = set(text.compact)
        by_char = self._by_char
        for ch in self._chars.intersection(chars):
            out.update(uid for uid, needs in by_char[ch] if needs <= chars)

    def sentence_maybes(
        self, text: _Text, sentences: Sequence[_Text]
    ) -> tuple[frozenset[int], ...]:
        """`s.maybe(self)` for every sentence `s` of `text`, set on each, without matching
        every sentence's words again.

        A sentence's words are a run of the text's words: sentences are cut only at
        whitespace or after 。．！？, never inside a word, and casefolding works character
        by character. So the keyword words that each text word matches (and each pair of
        neighbours as an open compound) are looked up once for the whole text, and a
        sentence gets those at its positions; a pair that straddles two sentences counts
        for neither. Each sentence's run is checked, and any mismatch falls back to
        `maybe`. Japanese keywords see each sentence's own `compact`, folded in one pass.
        """
        tokens = text.tokens
        known = self._matches
        hits: list[tuple[int, frozenset[str]]] = []
        for pos, found in enumerate(map(known.get, tokens)):
            if found is None:
                found = self.matches(tokens[pos])
            if found:
                hits.append((pos, found))
        prefixed = self._prefixed
        pairs = [
            (pos, found)
            for pos in range(len(tokens) - 1)
            if tokens[pos] in prefixed and (found := self.compounds(tokens[pos], tokens[pos + 1]))
        ]
        _fill_compacts([s for s in sentences if s.has_cjk])
        out: list[frozenset[int]] = []
        start = hit = pair = 0
        aligned = True
        for sentence in sentences:
            end = start + len(sentence.tokens)
            aligned = aligned and tokens[start:end] == sentence.tokens
            if not aligned:
                out.append(sentence.maybe(self))
                continue
            starts: set[str] = set()
            while hit < len(hits) and hits[hit][0] < end:
                starts.update(hits[hit][1])
                hit += 1
            while pair < len(pairs) and pairs[pair][0] < end:
                if pairs[pair][0] < end - 1:  # else its second word is the next sentence's
                    starts.update(pairs[pair][1])
                pair += 1
            uids: set[int] = set()
            if starts:
                self._english(starts, uids)
            if sentence.has_cjk:
                self._japanese(sentence, uids)
            maybe = frozenset(uids)
            sentence._use(self, maybe)
            out.append(maybe)
            start = end
        return tuple(out)

    def how(self, kw: str, tok: str) -> str | None:
        """How text word `tok` matches keyword word `kw`: "exact", "inflection", "typo"."""
        row = self._how.get(kw)
        if row is None:
            row = self._how[kw] = {}
        try:
            return row[tok]
        except KeyError:
            pass
        if self._how_size >= self.CACHE_LIMIT:
            self._how.clear()
            self._how_size = 0
            row = self._how[kw] = {}
        self._how_size += 1
        how = row[tok] = _word_match(kw, tok, self.typos)
        return how

    def matches(self, tok: str) -> frozenset[str]:
        """The keyword words that text word `tok` matches."""
        found = self._matches.get(tok)
        if found is None:
            if len(self._matches) >= self.CACHE_LIMIT:
                self._matches.clear()
            by_size, first, size = self._by_size, tok[0], len(tok)
            found = self._matches[tok] = frozenset(
                word
                for length in _LENGTHS
                for word in by_size.get((first, size + length), ())
                if self.how(word, tok) is not None
            )
        return found

    def compounds(self, tok: str, nxt: str) -> frozenset[str]:
        """The keyword words that text words `tok nxt` match as a compound written open."""
        key = (tok, nxt)
        found = self._compounds.get(key)
        if found is None:
            if len(self._compounds) >= self.CACHE_LIMIT:
                self._compounds.clear()
            joined = tok + nxt
            # Only a keyword word of a length in _LENGTHS from the joined word can match it.
            shortest, longest = len(joined) + _LENGTHS[0], len(joined) + _LENGTHS[-1]
            found = self._compounds[key] = frozenset(
                word
                for word in self._prefixed.get(tok, ())
                if shortest <= len(word) <= longest and self.how(word, joined) is not None
            )
        return found


def _fill_compacts(texts: Sequence[_Text]) -> None:
    """Set `compact` on every one of `texts` with one pass of the Japanese folding.

    The texts are joined with NUL, which is not whitespace and in no folding, so no
    folding spans two texts and the parts are each text's own `compact`. A text that
    holds a NUL itself is left to fold on its own.
    """
    todo = [t for t in texts if t._compact is None and "\0" not in t.folded]
    if len(todo) < 2:
        return
    joined = fold_japanese(_SPACE_RE.sub("", "\0".join(t.folded for t in todo)))
    for text, compact in zip(todo, joined.split("\0"), strict=True):
        text._compact = compact


@dataclass(frozen=True, eq=False)
class _Keyword:
    """One keyword or phrase, compiled for matching against `_Text`."""

    source: str
    words: tuple[str, ...]  # English: folded words, "*" = up to three words
    cjk: re.Pattern[str] | None  # Japanese: pattern over `_Text.compact`
    folded: str = ""  # the source folded, to tell whether a trace must say "as ..."
    chars: frozenset[str] = frozenset()  # Japanese: every character a match contains
    uid: int = field(default_factory=lambda: next(_KEYWORD_IDS))

    @property
    def needs(self) -> frozenset[str]:
        """English: the words a text must start somewhere (`_Text.starts`) to match."""
        return frozenset(w for w in self.words if w != "*")

    @classmethod
    def compile(cls, source: str) -> _Keyword:
        return _compile_keyword(source)

    def find(self, text: _Text, matcher: _Matcher) -> tuple[str, bool] | None:
        """The matched text and whether a typo was tolerated, or None."""
        if self.cjk is not None:
            m = self.cjk.search(text.compact)
            return (m.group(0), False) if m else None
        for pos in text.starts_of(self.words[0], matcher):
            end = self._rest(text.tokens, 0, pos, matcher, False)
            if end is not None:
                return " ".join(text.tokens[pos : end[0]]), end[1]
        return None

    def _rest(
        self, tokens: tuple[str, ...], i: int, pos: int, matcher: _Matcher, typo: bool
    ) -> tuple[int, bool] | None:
        if i == len(self.words):
            return pos, typo
        word = self.words[i]
        if word == "*":
            for skip in range(_WILDCARD_WORDS + 1):
                found = self._rest(tokens, i + 1, pos + skip, matcher, typo)
                if found is not None:
                    return found
            return None
        if pos >= len(tokens):
            return None
        how = matcher.how(word, tokens[pos])
        if how is not None:
            return self._rest(tokens, i + 1, pos + 1, matcher, typo or how == "typo")
        # A compound written open or hyphenated ("charge-back", "over due") is the
        # keyword's closed form split in two.
        if pos + 1 < len(tokens) and word.startswith(tokens[pos]) and len(tokens[pos]) < len(word):
            how = matcher.how(word, tokens[pos] + tokens[pos + 1])
            if how is not None:
                return self._rest(tokens, i + 1, pos + 2, matcher, typo or how == "typo")
        return None


@functools.lru_cache(maxsize=8192)
def _compile_keyword(source: str) -> _Keyword:
    folded = _fold(source).strip()
    if _CJK_RE.search(folded):
        pieces = [fold_japanese(p) for p in _SPACE_RE.sub("", folded).split("*")]
        wildcard = f"[^{_SENTENCE_END}]{{0,{_WILDCARD_CHARS}}}?"
        pattern = re.compile(wildcard.join(map(re.escape, pieces)))
        return _Keyword(source, (), pattern, folded, frozenset("".join(pieces)))
    words = tuple(w for w in re.split(r"[^0-9a-z\u00df-\u024f'*]+", folded) if w)
    words = tuple("*" if "*" in w else w.strip("'") for w in words)
    return _Keyword(source, tuple(w for w in words if w), None, folded)


_KEYWORD_SET_IDS: dict[tuple[int, ...], int] = {}


class _KeywordSet:
    """A keyword list, tried against a text only with the keywords it may hold.

    `_Text.maybe` rules most keywords out at once (an English keyword needs a match for
    each of its words, a Japanese one every character of its fixed parts); the rest are
    tried in list order, so the first match, and so every trace, is what trying the
    whole list in order finds.
    """

    def __init__(self, keywords: Iterable[_Keyword]) -> None:
        self.keywords = tuple(keywords)
        self.where: dict[int, list[int]] = {}  # keyword id -> its indices in the list
        for i, kw in enumerate(self.keywords):
            self.where.setdefault(kw.uid, []).append(i)
        self.ids = frozenset(self.where)
        # Lists of the same keywords share an id, so `_Text.first` answers them once.
        key = tuple(kw.uid for kw in self.keywords)
        self.uid = _KEYWORD_SET_IDS.setdefault(key, len(_KEYWORD_SET_IDS))

    def candidates(self, text: _Text, matcher: _Matcher) -> list[int]:
        """Indices of the keywords that may match `text`, in list order."""
        common = self.ids & text.maybe(matcher)
        if not common:
            return []
        where = self.where
        if len(common) == 1:
            return list(where[next(iter(common))])
        return sorted(i for uid in common for i in where[uid])

    def first(self, text: _Text, matcher: _Matcher) -> tuple[_Keyword, tuple[str, bool]] | None:
        """The first keyword of the list found in `text`, and how it matched."""
        keywords = self.keywords
        for i in self.candidates(text, matcher):
            hit = text.find(keywords[i], matcher)
            if hit is not None:
                return keywords[i], hit
        return None


# --------------------------------------------------------------------------- the mail view


_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|antw|vs|返信|回答)\s*(?:\[\d+\])?\s*[:：]", re.I)


class _Matchers(NamedTuple):
    """A rule set's keywords split by where they are tried: each matcher rules keywords
    out of a text by every keyword it knows, so one that knows only the keyword lists
    tried on sentences (or only those tried on whole texts) does half the work. A
    matcher's verdict on a keyword does not depend on the other keywords it knows."""

    texts: _Matcher
    sentences: _Matcher


class _Mail:
    """The email and context as conditions see them: normalised once per routing."""

    def __init__(
        self,
        email: InboundEmail,
        ctx: RouteContext,
        matchers: _Matchers,
        normalized: dict[str, str] | None = None,
        prediction: Prediction | None = None,
    ) -> None:
        self.email = email
        self.ctx = ctx
        self.matchers = matchers
        self.prediction = prediction
        self._texts: dict[str, tuple[_Text, ...]] = {}
        self._by_raw: dict[str, _Text] = {}
        # Raw text -> normalize_text(raw[:MAX_SCAN_CHARS]), shared with the extractors.
        self._normalized = {} if normalized is None else normalized
        self._scalars: dict[str, tuple[str, ...]] | None = None
        self._folded: dict[str, list[str]] = {}

    def text(self, raw: str) -> _Text:
        """One `_Text` per distinct string: the body is also half of `text`."""
        found = self._by_raw.get(raw)
        if found is None:
            nfkc = self._normalized.get(raw)
            if nfkc is None:
                nfkc = self._normalized[raw] = normalize_text(raw[:MAX_SCAN_CHARS])
            found = self._by_raw[raw] = _Text(nfkc, normalized=True)
        return found

    def texts(self, subject: str, name: str | None, fields: Mapping[str, str]) -> tuple[_Text, ...]:
        if subject == "header":
            assert name is not None
            return tuple(self.text(v) for v in self.email.header_all(name))
        if subject == "field":
            assert name is not None
            return (self.text(fields[name]),) if name in fields else ()
        cached = self._texts.get(subject)
        if cached is None:
            cached = tuple(self.text(raw) for raw in self._raw_texts(subject))
            self._texts[subject] = cached
        return cached

    def _raw_texts(self, subject: str) -> tuple[str, ...]:
        email = self.email
        if subject == "subject":
            return (email.subject,)
        if subject == "body":
            return (email.new_text,)
        if subject == "text":
            # A reply's subject is the old thread's, like its quoted history: a customer
            # asking something new under "RE: Teams outage - case escalated" is not
            # asking for an escalation.
            if _REPLY_SUBJECT.match(email.subject):
                return (email.new_text,)
            return (email.subject, email.new_text)
        if subject == "full_body":
            forwarded = tuple(a.text for a in email.attachments if a.text)
            return (email.text, *forwarded)
        raise AssertionError(subject)

    def scalars(self, subject: str) -> tuple[str, ...]:
        if self._scalars is None:
            self._scalars = self._all_scalars()
        return self._scalars[subject]

    def folded(self, subject: str) -> list[str]:
        """`scalars(subject)`, each folded and stripped as `equals`, `in` and `glob` see it."""
        found = self._folded.get(subject)
        if found is None:
            found = self._folded[subject] = [_fold(v).strip() for v in self.scalars(subject)]
        return found

    def _all_scalars(self) -> dict[str, tuple[str, ...]]:
        email, ctx = self.email, self.ctx
        sender = (email.sender_email or "").lower()
        values: dict[str, Sequence[str | None]] = {
            "from": [sender],
            "from_domain": [sender.rpartition("@")[2]],
            "mailbox": [ctx.mailbox],
            "recipient": ctx.recipients,
            # Inline parts are signature logos and pasted images, not documents sent to us.
            "attachment_type": [a.content_type for a in email.attachments if not a.inline],
            "attachment_name": [a.filename for a in email.attachments if not a.inline],
            "language": [email.language],
            "customer_status": [ctx.customer_status or "unknown"],
            "kind": [str(email.kind)],
        }
        return {subject: tuple(v for v in found if v) for subject, found in values.items()}

    def flag(self, subject: str) -> bool:
        if subject == "has_attachment":
            return any(not a.inline for a in self.email.attachments)
        if subject == "followup":
            return self.ctx.is_followup
        raise AssertionError(subject)


# --------------------------------------------------------------------------- conditions


class _Outcome(NamedTuple):
    result: ConditionResult
    captures: dict[str, str]


def _show(items: Iterable[str]) -> str:
    items = list(items)
    shown = ", ".join(items[:_DESCRIBE_ITEMS])
    if len(items) > _DESCRIBE_ITEMS:
        shown += f", … (+{len(items) - _DESCRIBE_ITEMS} more)"
    return f"[{shown}]"


def _quote(text: str, limit: int = 60) -> str:
    text = _SPACE_RE.sub(" ", text).strip()
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _note(kw: _Keyword, matched: str, typo: bool) -> str:
    """How a trace names a keyword hit: the keyword, and the text when it differs."""
    note = _quote(kw.source)
    if typo:
        note += f" as {_quote(matched)}, one typo tolerated"
    elif kw.folded != matched:
        note += f" as {_quote(matched)}"
    return note


_SubjectKind = Literal["text", "scalar", "enum", "bool"]


@dataclass(frozen=True)
class _SubjectSpec:
    kind: _SubjectKind
    named: bool = False  # needs `name = "..."` (which header, which field)
    optional: bool = False  # may be absent, so `exists` makes sense
    choices: tuple[str, ...] = ()


_SUBJECTS: dict[str, _SubjectSpec] = {
    "subject": _SubjectSpec("text"),
    "body": _SubjectSpec("text"),
    "text": _SubjectSpec("text"),
    "full_body": _SubjectSpec("text"),
    "header": _SubjectSpec("text", named=True, optional=True),
    "field": _SubjectSpec("text", named=True, optional=True),
    "from": _SubjectSpec("scalar"),
    "from_domain": _SubjectSpec("scalar"),
    "mailbox": _SubjectSpec("scalar", optional=True),
    "recipient": _SubjectSpec("scalar"),
    "attachment_type": _SubjectSpec("scalar"),
    "attachment_name": _SubjectSpec("scalar"),
    "language": _SubjectSpec("enum", choices=LANGUAGES),
    "customer_status": _SubjectSpec("enum", choices=CUSTOMER_STATUSES),
    "kind": _SubjectSpec("enum", choices=tuple(str(k) for k in MailKind)),
    "has_attachment": _SubjectSpec("bool"),
    "followup": _SubjectSpec("bool"),
}
_OPERATORS: dict[_SubjectKind, tuple[str, ...]] = {
    "text": ("any", "all", "sentence", "regex", "equals", "in", "glob", "exists"),
    "scalar": ("equals", "in", "glob", "regex", "exists"),
    "enum": ("equals", "in"),
    "bool": ("equals",),
}
_COMBINATORS = ("all_of", "any_of", "not")


class _Condition:
    """A node of a rule's `when` tree."""

    description: str

    def evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> _Outcome:
        raise NotImplementedError

    def keyword_sets(self, sentences: bool) -> Iterable[_KeywordSet]:
        """Every keyword list in this condition and below it that is tried on sentences
        (`sentence`), or with `sentences` false, on whole texts (`any`, `all`)."""
        return ()


class _Test(_Condition):
    """One operator applied to one subject of the mail, e.g. `subject = { any = [...] }`."""

    def __init__(
        self, subject: str, name: str | None, op: str, operand: Any, shown: Any = None
    ) -> None:
        self.subject = subject
        self.name = name
        self.op = op
        self.spec = _SUBJECTS[subject]
        self.operand = operand
        # What the trace shows: the operand as written, with "@list" names unexpanded.
        self.shown = operand if shown is None else shown
        self.keywords = _KeywordSet(())
        self.groups: tuple[_KeywordSet, ...] = ()
        self.unless = _KeywordSet(())
        self.relevant: frozenset[int] = frozenset()
        self.pattern: re.Pattern[str] | None = None
        self.wanted: tuple[str, ...] = ()
        if op in ("any", "all"):
            self.keywords = _KeywordSet(_Keyword.compile(k) for k in operand)
        elif op == "sentence":
            groups, unless = operand
            self.groups = tuple(_KeywordSet(_Keyword.compile(k) for k in g) for g in groups)
            self.unless = _KeywordSet(_Keyword.compile(k) for k in unless)
            # A sentence that may hold neither an `unless` keyword nor one of the first
            # list is neither excused nor any closer: `_sentence` skips it.
            self.relevant = self.unless.ids.union(*(g.ids for g in self.groups[:1]))
        elif op == "regex":
            self.pattern = re.compile(operand, re.IGNORECASE | re.MULTILINE)
        elif op == "equals" and self.spec.kind != "bool":
            self.wanted = (_fold(operand).strip(),)
        elif op in ("in", "glob"):
            self.wanted = tuple(_fold(v).strip() for v in operand)
        label = f"{subject} {name}" if name else subject
        self.description = self._describe(label)

    def keyword_sets(self, sentences: bool) -> Iterable[_KeywordSet]:
        if (self.op == "sentence") != sentences:
            return ()
        return (self.keywords, *self.groups, self.unless)

    def _describe(self, label: str) -> str:
        op, operand = self.op, self.shown
        if self.spec.kind == "bool":
            words = {"has_attachment": "has an attachment", "followup": "is a follow-up"}
            negated = {"has_attachment": "has no attachment", "followup": "is not a follow-up"}
            return words[self.subject] if operand else negated[self.subject]
        if op == "any":
            return f"{label} matches any of {_show(operand)}"
        if op == "all":
            return f"{label} contains all of {_show(operand)}"
        if op == "sentence":
            groups, unless = operand
            lists = " and ".join(f"any of {_show(group)}" for group in groups)
            but = f" and none of {_show(unless)}" if unless else ""
            return f"{label} has in one sentence {lists}{but}"
        if op == "regex":
            return f"{label} matches /{operand}/"
        if op == "equals":
            return f'{label} is "{operand}"'
        if op == "in":
            return f"{label} is one of {_show(operand)}"
        if op == "glob":
            return f"{label} matches glob {_show(operand)}"
        return f"{label} exists" if operand else f"{label} is absent"

    def evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> _Outcome:
        held, detail, captures = self._check(mail, fields)
        return _Outcome(ConditionResult(self.description, held, detail), captures)

    def _check(self, mail: _Mail, fields: Mapping[str, str]) -> tuple[bool, str, dict[str, str]]:
        kind, op = self.spec.kind, self.op
        if kind == "bool":
            actual = mail.flag(self.subject)
            return actual == self.operand, f"it is {str(actual).lower()}", {}
        if kind == "text":
            texts = mail.texts(self.subject, self.name, fields)
            if op == "any" or op == "all":
                return self._keywords(texts, mail.matchers.texts)
            if op == "sentence":
                return self._sentence(texts, mail.matchers.sentences)
            values = tuple(t.nfkc for t in texts)
        else:
            values = mail.scalars(self.subject)
        if op == "exists":
            present = bool(values)
            return present == self.operand, ("present" if present else "absent"), {}
        if op == "regex":
            assert self.pattern is not None
            for value in values:
                m = self.pattern.search(value)
                if m:
                    groups = {k: v.strip() for k, v in m.groupdict().items() if v is not None}
                    return True, f"matched {_quote(m.group(0))}", groups
            return False, "no match", {}
        if not values:
            return False, "no value", {}
        # A mail's scalars are folded once for every condition; a text's values here.
        folded = [_fold(v).strip() for v in values] if kind == "text" else mail.folded(self.subject)
        wanted = self.wanted
        if self.op == "glob":
            for value in folded:
                if any(fnmatch.fnmatchcase(value, g) for g in wanted):
                    return True, f"{_quote(value)} matches", {}
            return False, "is " + ", ".join(_quote(v) for v in folded), {}
        for value in folded:
            if value in wanted:
                return True, f"is {_quote(value)}", {}
        return False, "is " + ", ".join(_quote(v) for v in folded), {}

    def _sentence(
        self, texts: Sequence[_Text], matcher: _Matcher
    ) -> tuple[bool, str, dict[str, str]]:
        # Words that must go together ("wrong" and "price") rarely mean that together
        # when they are sentences apart: a signature's "in error" is not a wrong invoice.
        closest = 0
        excused: list[str] = []
        unless = self.unless if self.unless.keywords else None
        relevant = self.relevant
        for text in texts:
            maybes = text.sentence_maybes(matcher)
            for sentence, maybe in zip(text.sentences(), maybes, strict=True):
                if relevant.isdisjoint(maybe) and self.groups:
                    continue
                if unless is not None:
                    excuse = sentence.first(unless, matcher)
                    if excuse is not None:
                        excused.append(excuse[0].source)
                        continue
                notes: list[str] = []
                for group in self.groups:
                    hit = sentence.first(group, matcher)
                    if hit is None:
                        break
                    kw, (matched, typo) = hit
                    notes.append(_note(kw, matched, typo))
                closest = max(closest, len(notes))
                if len(notes) == len(self.groups):
                    detail = f"matched {' and '.join(notes)} in {_quote(sentence.nfkc, 80)}"
                    return True, detail, {}
        but = f"; sentences with {_show(dict.fromkeys(excused))} do not count" if excused else ""
        if closest == 0:
            return False, f"no sentence has a keyword of the first list{but}", {}
        return False, f"no sentence has keywords of all lists (at most {closest}){but}", {}

    def _keywords(
        self, texts: Sequence[_Text], matcher: _Matcher
    ) -> tuple[bool, str, dict[str, str]]:
        found: list[str] = []
        missing: list[str] = []
        keywords = self.keywords.keywords
        # Which keywords each text may hold (in list order); the rest cannot match it.
        candidates = [self.keywords.candidates(t, matcher) for t in texts]
        order: Sequence[int]
        if self.op == "any":
            if not any(candidates):
                return False, "no keyword found", {}
            order = candidates[0] if len(candidates) == 1 else sorted(set().union(*candidates))
        else:
            order = range(len(keywords))
        maybe = [set(c) for c in candidates] if len(candidates) > 1 else candidates
        for i in order:
            kw = keywords[i]
            hit = next(
                (
                    h
                    for t, m in zip(texts, maybe, strict=True)
                    if i in m and (h := t.find(kw, matcher))
                ),
                None,
            )
            if hit is None:
                missing.append(kw.source)
                continue
            matched, typo = hit
            note = _note(kw, matched, typo)
            found.append(note)
            if self.op == "any":
                return True, f"matched {note}", {}
        if self.op == "all" and not missing:
            return True, "matched " + ", ".join(found), {}
        if self.op == "any":
            return False, "no keyword found", {}
        return False, "missing " + ", ".join(_quote(m) for m in missing), {}


class _AllOf(_Condition):
    def __init__(self, children: tuple[_Condition, ...], label: str = "all of") -> None:
        self.children = children
        self.label = label
        self.description = f"{label} (" + "; ".join(c.description for c in children) + ")"

    def keyword_sets(self, sentences: bool) -> Iterable[_KeywordSet]:
        return (s for c in self.children for s in c.keyword_sets(sentences))

    def evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> _Outcome:
        # Every child is evaluated even after a miss, so the trace shows all of them.
        outcomes = [c.evaluate(mail, fields) for c in self.children]
        held = self._combine([o.result.held for o in outcomes])
        captures: dict[str, str] = {}
        for o in outcomes:
            if o.result.held:
                captures.update(o.captures)
        detail = "; ".join(
            ("held: " if o.result.held else "failed: ") + o.result.detail for o in outcomes
        )
        return _Outcome(ConditionResult(self.description, held, detail), captures if held else {})

    def _combine(self, held: list[bool]) -> bool:
        return all(held)


class _AnyOf(_AllOf):
    def __init__(self, children: tuple[_Condition, ...]) -> None:
        super().__init__(children, "any of")

    def _combine(self, held: list[bool]) -> bool:
        return any(held)


class _Not(_Condition):
    def __init__(self, child: _Condition) -> None:
        self.child = child
        self.description = f"not ({child.description})"

    def keyword_sets(self, sentences: bool) -> Iterable[_KeywordSet]:
        return self.child.keyword_sets(sentences)

    def evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> _Outcome:
        inner = self.child.evaluate(mail, fields).result
        return _Outcome(ConditionResult(self.description, not inner.held, inner.detail), {})


class _ModelTest(_Condition):
    """A condition on the learned model's prediction: `model.queue = "disputes"`,
    `model.confidence = { below = 0.6 }`, `model.probability.escalations = { at_least = 0.3 }`."""

    def __init__(
        self,
        what: str,
        *,
        queues: tuple[str, ...] = (),
        queue: str = "",
        at_least: float | None = None,
        below: float | None = None,
    ) -> None:
        self.what = what
        self.queues = queues
        self.queue = queue
        self.at_least = at_least
        self.below = below
        bounds = []
        if at_least is not None:
            bounds.append(f">= {at_least:g}")
        if below is not None:
            bounds.append(f"< {below:g}")
        if what == "queue":
            self.description = (
                f'model queue is "{queues[0]}"'
                if len(queues) == 1
                else f"model queue is one of {_show(queues)}"
            )
        elif what == "confidence":
            self.description = f"model confidence {' and '.join(bounds)}"
        else:
            self.description = f"model probability of {queue} {' and '.join(bounds)}"

    def evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> _Outcome:
        p = mail.prediction
        if p is None:
            held, detail = False, "no model prediction (a follow-up, or no model loaded)"
        elif self.what == "queue":
            held, detail = (
                p.queue in self.queues,
                f'the model says "{p.queue}" (p={p.confidence:.2f})',
            )
        else:
            value = (
                p.confidence if self.what == "confidence" else p.probabilities.get(self.queue, 0.0)
            )
            held = (self.at_least is None or value >= self.at_least) and (
                self.below is None or value < self.below
            )
            detail = f"it is {value:.2f}" + ("" if self.what != "confidence" else f" ({p.queue})")
        return _Outcome(ConditionResult(self.description, held, detail), {})


# --------------------------------------------------------------------------- extraction


_CURRENCIES = {
    "¥": "JPY",
    "\\": "JPY",  # a Japanese keyboard's yen sign, decoded from Shift_JIS as a backslash
    "円": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "日本円": "JPY",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "ドル": "USD",
    "米ドル": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "ユーロ": "EUR",
    "£": "GBP",
    "gbp": "GBP",
}


def normalize_currency(raw: str) -> str:
    """'¥', '円', 'yen' -> 'JPY'; '$', 'USD' -> 'USD'; '€', 'EUR' -> 'EUR'; else upper-cased."""
    key = _fold(raw).strip()
    return _CURRENCIES.get(key, key.upper())


def normalize_amount(raw: str) -> str:
    """'12,000' -> '12000', '1,234.56' -> '1234.56', '1.234,56' -> '1234.56', '¥12,000-'."""
    text = _SPACE_RE.sub("", normalize_text(raw)).strip("-.,")
    text = text.replace("'", "").replace("\u202f", "")
    if "," in text and "." in text and text.rfind(",") > text.rfind("."):
        text = text.replace(".", "").replace(",", ".")  # European: 1.234,56
    elif re.fullmatch(r"\d+,\d{2}", text):
        text = text.replace(",", ".")  # European: 20,50
    else:
        text = text.replace(",", "")
    return text


_Where = Literal["subject", "body", "both", "all"]
_Normalize = Literal["none", "upper", "lower", "digits", "money", "invoice"]
_WHERE: tuple[_Where, ...] = ("subject", "body", "both", "all")
_NORMALIZE: tuple[_Normalize, ...] = ("none", "upper", "lower", "digits", "money", "invoice")


@dataclass(frozen=True)
class Extractor:
    """One `[[extract]]` entry: a regex that fills fields before any rule runs."""

    name: str
    pattern: re.Pattern[str]
    where: _Where = "both"
    normalize: _Normalize = "none"

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(self.pattern.groupindex) or (self.name,)

    def extract(
        self,
        email: InboundEmail,
        normalized: dict[str, str] | None = None,
        lowered: dict[str, str | None] | None = None,
    ) -> dict[str, str]:
        """The fields of the first match in the places `where` names, normalised.

        `normalized` caches each place's normalised text across extractors, `lowered`
        that text lower-cased (`_lower_exactly`).
        """
        cache = {} if normalized is None else normalized
        lower_cache = {} if lowered is None else lowered
        required, ignorecase = self._required
        for raw in self._places(email):
            text = cache.get(raw)
            if text is None:
                text = cache[raw] = normalize_text(raw[:MAX_SCAN_CHARS])
            if required:
                haystack: str | None = text
                if ignorecase:
                    if raw not in lower_cache:
                        lower_cache[raw] = _lower_exactly(text)
                    haystack = lower_cache[raw]
                if haystack is not None and not any(s in haystack for s in required):
                    continue  # no string that every match contains: no match
            m = self.pattern.search(text)
            if m is None:
                continue
            if self.pattern.groupindex:
                found = {k: v for k, v in m.groupdict().items() if v}
            else:
                found = {self.name: m.group(1) if self.pattern.groups else m.group(0)}
            return {k: self._normalize(k, v) for k, v in found.items()}
        return {}

    @functools.cached_property
    def _required(self) -> tuple[tuple[str, ...], bool]:
        """Strings one of which every match of `pattern` contains (`_required_strings`;
        none known: empty), and whether they are to be looked for in lower-cased text.

        A substring test is many times quicker than a regex search, and most extractors
        find nothing in most mail. A case-insensitive pattern's strings are lower-cased
        and looked for in `_lower_exactly(text)`, which is exact only for ASCII letters
        and characters that have no case: with any other, no prefilter.
        """
        strings = _required_strings(self.pattern)
        if not strings:
            return (), False
        if not self.pattern.flags & re.IGNORECASE:
            return tuple(strings), False
        if not all(ch.isascii() or ch.lower() == ch == ch.upper() for s in strings for ch in s):
            return (), False
        return tuple(s.lower() for s in strings), True

    def _places(self, email: InboundEmail) -> list[str]:
        return _places(email, self.where)

    def _normalize(self, name: str, value: str) -> str:
        value = value.strip()
        how = self.normalize
        if how == "money":
            if name == "amount":
                return normalize_amount(value)
            if name == "currency":
                return normalize_currency(value)
            return value
        if how == "invoice":
            try:
                return canonical_invoice(value)
            except InvalidInvoice:
                return value.upper()  # what the regex matched is not one: keep it visible
        if how == "upper":
            return value.upper()
        if how == "lower":
            return value.lower()
        if how == "digits":
            return re.sub(r"\D", "", value)
        return value


def _places(email: InboundEmail, where: _Where) -> list[str]:
    places = []
    if where in ("subject", "both", "all"):
        places.append(email.subject)
    if where in ("body", "both", "all"):
        places.append(email.new_text)
    if where == "all":
        places.append(email.text)
        places.extend(a.text for a in email.attachments if a.text)
    return places


@dataclass(frozen=True)
class AmountExtractor:
    """An `[[extract]]` entry with `builtin = "amounts"`: the amount a mail is about and
    its currency, found by ticketing/amounts.py rather than a regex (a regex cannot tell
    ¥12,000 from C:\\Users\\2026 or a date, a phone number or a seat count)."""

    name: str
    where: _Where = "both"

    @property
    def field_names(self) -> tuple[str, ...]:
        return ("amount", "currency")

    def extract(
        self,
        email: InboundEmail,
        normalized: dict[str, str] | None = None,
        lowered: dict[str, str | None] | None = None,
    ) -> dict[str, str]:
        """`amount` and `currency` of the first amount with a currency in the first place
        `where` names that has one; else `amount` alone of the first amount found."""
        cache = {} if normalized is None else normalized
        fallback: dict[str, str] = {}
        for raw in self._places(email):
            text = cache.get(raw)
            if text is None:
                text = cache[raw] = normalize_text(raw[:MAX_SCAN_CHARS])
            for found in amounts.iter_amounts(text):
                if found.currency:
                    return {"amount": found.value, "currency": found.currency}
                if not fallback:
                    fallback = {"amount": found.value}
        return fallback

    def _places(self, email: InboundEmail) -> list[str]:
        return _places(email, self.where)


# The built-in finders `[[extract]] builtin = "..."` may name.
_BUILTINS = ("amounts",)


# The non-ASCII characters a case-insensitive regex takes for ASCII letters: İ and ı
# for i, ſ for s, the Kelvin sign for k (tests check the list against the re module).
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _lower_exactly(text: str) -> str | None:
    """`text.lower()` when it holds every ASCII letter a case-insensitive regex matches
    in `text` as that letter in lower case, and every character that has no case as it
    is, at the same place; None when `text` holds one of `_CASE_TRAPS` (the only
    characters for which that fails: İ even lowers to two characters)."""
    if any(trap in text for trap in _CASE_TRAPS):
        return None
    return text.lower()


def _required_strings(pattern: re.Pattern[str]) -> list[str] | None:
    """Strings of which every match of `pattern` contains one (compared under the
    pattern's own flags, so case-insensitively when it is), or None when none are known.

    Read from the parsed pattern: a run of literal characters, a group, a repeat of at
    least once, an alternation whose every branch needs one of some strings, a class of
    characters that have no case. Lookarounds are not part of a match and are skipped;
    anything else only ends a run of literals. When unsure, return None (no prefilter).
    """
    try:
        parser: Any = importlib.import_module("re._parser")
        c: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # another Python's private regex parser: do without
        return None

    def needs(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
        options: list[set[str]] = []
        run = ""
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if run:
                options.append({run})
                run = ""
            found: set[str] | None = None
            if op is c.SUBPATTERN:
                _group, add_flags, del_flags, body = av
                found = needs(body) if not add_flags and not del_flags else None
            elif op is c.BRANCH:
                branches = [needs(branch) for branch in av[1]]
                if all(branches):
                    found = set().union(*(b for b in branches if b))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = needs(av[2])
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                chars = {chr(a) for _, a in av}
                if all(ch.lower() == ch == ch.upper() for ch in chars):
                    found = chars
            if found:
                options.append(found)
        if run:
            options.append({run})
        if not options:
            return None
        # The most telling: the longest shortest string, then the fewest strings.
        return max(options, key=lambda o: (min(map(len, o)), -len(o)))

    try:
        found = needs(tree)
    except (TypeError, ValueError, AttributeError):
        return None
    return sorted(found) if found else None


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Actions:
    """What a matching rule does; None / empty means "leave as it is"."""

    queue: str | None = None
    priority: str | None = None
    tags: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    template: str | None = None


@dataclass(frozen=True)
class Rule:
    """One routing rule: small and pure. `check` says whether it matches; the trace, why."""

    name: str
    description: str
    conditions: tuple[_Condition, ...]  # all must hold; empty = always
    actions: Actions
    on_followup: bool = False
    continue_: bool = False
    line: int | None = None  # where it is defined, for people reading traces

    def evaluate(
        self,
        email: InboundEmail,
        ctx: RouteContext,
        fields: Mapping[str, str] | None = None,
        *,
        typos: TypoTolerance = TypoTolerance(),
    ) -> tuple[RuleTrace, dict[str, str]]:
        """The trace and the regex captures (empty unless it matched)."""
        return self._evaluate(_Mail(email, ctx, _matchers((self,), typos)), fields or {})

    def check(
        self,
        email: InboundEmail,
        ctx: RouteContext,
        fields: Mapping[str, str] | None = None,
        *,
        typos: TypoTolerance = TypoTolerance(),
    ) -> bool:
        return self.evaluate(email, ctx, fields, typos=typos)[0].matched

    def reason(self, trace: RuleTrace) -> str:
        """Why it matched, in words: the conditions that held."""
        held = [f"{c.description} ({c.detail})" for c in trace.conditions if c.held]
        return " and ".join(held) or "always applies"

    def _evaluate(self, mail: _Mail, fields: Mapping[str, str]) -> tuple[RuleTrace, dict[str, str]]:
        # The conditions in their written order, up to the first that fails: the trace
        # of a rule that did not apply ends with the condition that stopped it.
        outcomes = []
        for condition in self.conditions:
            outcome = condition.evaluate(mail, fields)
            outcomes.append(outcome)
            if not outcome.result.held:
                break
        matched = all(o.result.held for o in outcomes)
        captures: dict[str, str] = {}
        if matched:
            for o in outcomes:
                captures.update(o.captures)
        trace = RuleTrace(self.name, matched, tuple(o.result for o in outcomes))
        return trace, captures


class ModelSource(Protocol):
    """Gives the current learned model (model_store.ActiveModel reloads on activation)."""

    def get(self) -> TopicModel: ...


@dataclass(frozen=True)
class RuleSet:
    """An ordered rule table, the extractors that run before it, and where it came from."""

    queues: tuple[str, ...]
    rules: tuple[Rule, ...]
    path: Path | None = None
    extractors: tuple[Extractor | AmountExtractor, ...] = ()
    typos: TypoTolerance = TypoTolerance()
    model_threshold: float = DEFAULT_MODEL_THRESHOLD
    triage_tag: str = DEFAULT_TRIAGE_TAG
    # Where the learned model comes from (see `with_model`); None routes by rules alone.
    model: ModelSource | None = field(default=None, compare=False)

    def with_model(self, model: ModelSource | None) -> RuleSet:
        """These rules with the learned model for the topic (`model.get()` per batch)."""
        return dataclasses.replace(self, model=model)

    def predict(
        self, items: Sequence[tuple[InboundEmail, RouteContext]]
    ) -> list[Prediction | None]:
        """The model's predictions for new mail, as one batch (None for follow-ups)."""
        if self.model is None:
            return [None] * len(items)
        from ticketing.topic_model import model_input

        wanted = [i for i, (_, ctx) in enumerate(items) if not ctx.is_followup]
        inputs: list[ModelInput] = [
            model_input(
                items[i][0],
                customer_status=items[i][1].customer_status,
                overdue_invoice=items[i][1].overdue_invoice,
            )
            for i in wanted
        ]
        found: list[Prediction | None] = [None] * len(items)
        if inputs:
            for i, prediction in zip(wanted, self.model.get().predict(inputs), strict=True):
                found[i] = prediction
        return found

    def route_many(self, items: Sequence[tuple[InboundEmail, RouteContext]]) -> list[Decision]:
        """`route` for a batch: the model predicts for all of them at once."""
        predictions = self.predict(items)
        return [
            self.route(email, ctx, prediction=p)
            for (email, ctx), p in zip(items, predictions, strict=True)
        ]

    @functools.cached_property
    def _matchers(self) -> _Matchers:
        return _matchers(self.rules, self.typos)

    def extract(
        self, email: InboundEmail, normalized: dict[str, str] | None = None
    ) -> dict[str, str]:
        """Every extracted field; an earlier extractor's value for a field wins.

        `normalized` caches each place's normalised text (see `Extractor.extract`).
        """
        fields: dict[str, str] = {}
        if normalized is None:
            normalized = {}  # each place is normalised once, not per extractor
        lowered: dict[str, str | None] = {}
        for extractor in self.extractors:
            if all(name in fields for name in extractor.field_names):
                continue
            for key, value in extractor.extract(email, normalized, lowered).items():
                fields.setdefault(key, value)
        return fields

    def route(
        self, email: InboundEmail, ctx: RouteContext, *, prediction: Prediction | None = None
    ) -> Decision:
        """Where `email` goes: the first rule that sets a queue, else the model's queue
        when it is at least `model_threshold` sure, else the mailbox's queue for triage."""
        if prediction is None and self.model is not None and not ctx.is_followup:
            prediction = self.predict([(email, ctx)])[0]
        # The extractors and the conditions read the same texts: normalise them once.
        normalized: dict[str, str] = {}
        fields = self.extract(email, normalized)
        mail = _Mail(email, ctx, self._matchers, normalized, prediction)
        queue, matched_rule = ctx.default_queue, None
        priority: str | None = None
        tags: list[str] = []
        template: str | None = None
        applied: list[str] = []
        traces: list[RuleTrace] = []
        for rule in self.rules:
            if ctx.is_followup and not rule.on_followup:
                # A follow-up belongs to its ticket's queue; only rules written for
                # follow-ups may move it.
                reason = "follow-up: the rule has on_followup = false"
                traces.append(RuleTrace(rule.name, False, (), reason))
                continue
            trace, captures = rule._evaluate(mail, fields)
            traces.append(trace)
            if not trace.matched:
                continue
            applied.append(rule.name)
            fields.update(captures)
            act = rule.actions
            if act.queue is not None:
                queue, matched_rule = act.queue, rule.name
            if act.priority is not None and (
                priority is None or PRIORITIES.index(act.priority) > PRIORITIES.index(priority)
            ):
                # The most severe priority any applied rule set wins, so rule order
                # never silently downgrades an urgent mail.
                priority = act.priority
            tags.extend(t for t in act.tags if t not in tags)
            fields.update(act.fields)
            if act.template is not None:
                template = act.template
            if not rule.continue_:
                break
        triage = None
        if matched_rule is None and prediction is not None:
            sure = prediction.confidence >= self.model_threshold
            step = ConditionResult(
                f"model confidence >= {self.model_threshold:g}",
                sure,
                f"{prediction.queue} at p={prediction.confidence:.2f}",
            )
            traces.append(RuleTrace(MODEL_RULE, sure, (step,)))
            if sure:
                queue, matched_rule = prediction.queue, MODEL_RULE
            else:
                triage = (
                    f"the model was unsure ({prediction.queue} at p={prediction.confidence:.2f}, "
                    f"below {self.model_threshold:g})"
                )
                if self.triage_tag and self.triage_tag not in tags:
                    tags.append(self.triage_tag)
        return Decision(
            queue=queue,
            priority=priority or DEFAULT_PRIORITY,
            tags=tuple(tags),
            fields=fields,
            template=template,
            matched_rule=matched_rule,
            matched_rules=tuple(applied),
            trace=tuple(traces),
            model=prediction.to_json() if prediction is not None else None,
            triage=triage,
        )


def _matchers(rules: Iterable[Rule], typos: TypoTolerance) -> _Matchers:
    """The matchers for the keyword lists of `rules`."""
    rules = tuple(rules)

    def keywords(sentences: bool) -> Iterator[_Keyword]:
        for rule in rules:
            for condition in rule.conditions:
                for kwset in condition.keyword_sets(sentences):
                    yield from kwset.keywords

    return _Matchers(_Matcher(typos, keywords(False)), _Matcher(typos, keywords(True)))


def default_rules_path() -> Path:
    """The rule file shipped with ticketing (config/rules.toml; see resources.py)."""
    from ticketing import resources

    return resources.shipped(resources.RULES)


def load_rules(path: Path, *, queues: Sequence[str] | None = None) -> RuleSet:
    """Read and validate a rule file; RulesError names the file, the rule and the line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read rule file: {exc}") from exc
    return parse_rules(text, path=Path(path), queues=queues)


def parse_rules(
    text: str, *, path: Path | None = None, queues: Sequence[str] | None = None
) -> RuleSet:
    """Validate rule-file source `text` (`path` is only for messages and `RuleSet.path`)."""
    source = str(path) if path is not None else "<rules>"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        where = f"{source}:{m.group(1)}" if m else source
        raise RulesError(f"{where}: invalid TOML: {exc}") from exc
    return _Loader(source, text, queues).load(data, path)


# --------------------------------------------------------------------------- loading


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_RE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOP_KEYS = ("version", "queues", "settings", "lists", "extract", "rules")
_LIST_REF = "@"
_SETTINGS_KEYS = ("typo_min_length", "not_typos", "model_threshold", "triage_tag")
_EXTRACT_KEYS = ("name", "description", "regex", "builtin", "where", "normalize")
_RULE_KEYS = (
    "name",
    "description",
    "when",
    "queue",
    "priority",
    "tags",
    "fields",
    "template",
    "continue",
    "on_followup",
)

_PathPart = str | int


class _Invalid(Exception):
    """One problem found while loading; collected, then reported together."""

    def __init__(self, message: str, path: tuple[_PathPart, ...], needle: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.needle = needle


def _suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Source:
    """Line numbers for places in the parsed data; tomllib keeps none, so scan the text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []  # (1-based line, table name)
        for number, line in enumerate(self.lines, start=1):
            m = _HEADER_RE.match(line)
            if m and not line.lstrip().startswith("#"):
                self.headers.append((number, m.group(1).replace(" ", "")))

    def block(self, array: str, index: int, name: str | None) -> tuple[int, int] | None:
        """First and last line of the `index`-th `[[array]]` entry, or of the entry whose
        `name = "..."` line says `name` when the headers do not line up with the entries."""
        blocks = self._blocks(array)
        if name is not None:
            pattern = re.compile(rf"""^\s*name\s*=\s*["']{re.escape(name)}["']""")
            named = [
                b
                for b in blocks
                if any(pattern.match(self.lines[n - 1]) for n in range(b[0], b[1] + 1))
            ]
            if named:
                return blocks[index] if index < len(blocks) and blocks[index] in named else named[0]
        return blocks[index] if index < len(blocks) else None

    def _blocks(self, array: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        start: int | None = None
        for number, header in self.headers:
            if start is not None and (header == array or not header.startswith(array + ".")):
                out.append((start, number - 1))
                start = None
            if header == array:
                start = number
        if start is not None:
            out.append((start, len(self.lines)))
        return out

    def find(
        self, start: int, end: int, path: Sequence[_PathPart], needle: str | None = None
    ) -> int:
        """Best line for `path` (keys, walked in order) within lines start..end."""
        line = start
        for part in path:
            if isinstance(part, int):
                continue
            key = re.escape(part)
            pattern = re.compile(
                rf"""(?:^|[\s{{,.\[])["']?{key}["']?\s*(?:=|\.|\])|^\s*\[\[?[^\]]*\b{key}\b"""
            )
            for number in range(line, end + 1):
                if pattern.search(self._code(number)):
                    line = number
                    break
        if needle:
            quoted = re.compile(re.escape(needle))
            for number in range(line, end + 1):
                if quoted.search(self._code(number)):
                    return number
        return line

    def _code(self, number: int) -> str:
        text = self.lines[number - 1]
        # Good enough to keep comments from matching; '#' inside strings is rare here.
        return text.split(" #", 1)[0] if not text.lstrip().startswith("#") else ""


class _Loader:
    """Validates parsed TOML into a RuleSet, collecting every error it finds."""

    def __init__(self, source: str, text: str, queues: Sequence[str] | None) -> None:
        self.source = source
        self.src = _Source(text)
        self.queues_arg = tuple(queues) if queues is not None else None
        self.errors: list[str] = []
        self.known_fields: set[str] = set()
        # (where-label, block, path, field name): checked once every field source is known.
        self.field_refs: list[tuple[str, tuple[int, int] | None, tuple[_PathPart, ...], str]] = []
        self._current: tuple[str, tuple[int, int] | None] = ("", None)
        self.lists: dict[str, tuple[str, ...]] = {}
        self.current_queues: tuple[str, ...] = DEFAULT_QUEUES

    # -- reporting

    def _report(self, label: str | None, block: tuple[int, int] | None, err: _Invalid) -> None:
        if block is not None:
            line = self.src.find(block[0], block[1], err.path, err.needle)
            where = f"{self.source}:{line}"
        else:
            top = self._top_line(err.path)
            where = f"{self.source}:{top}" if top else self.source
        prefix = f"{label}: " if label else ""
        self.errors.append(f"{where}: {prefix}{err.message}")

    def _top_line(self, path: Sequence[_PathPart]) -> int | None:
        if not path or not isinstance(path[0], str):
            return None
        key = path[0]
        for number, header in self.src.headers:
            if header == key or header.startswith(key + "."):
                return number
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.src.lines, start=1):
            if pattern.match(line):
                return number
        return None

    # -- top level

    def load(self, data: dict[str, Any], path: Path | None) -> RuleSet:
        for key in data:
            if key not in _TOP_KEYS:
                msg = f"unknown top-level key '{key}'{_suggest(key, _TOP_KEYS)}"
                self._report(None, None, _Invalid(msg, (key,)))
        if "version" in data and data["version"] != 1:
            self._report(None, None, _Invalid("version must be 1", ("version",)))
        queues = self.current_queues = self._queues(data.get("queues"))
        typos = self._settings(data.get("settings", {}))
        threshold, triage_tag = self._model_settings(data.get("settings", {}))
        self.lists = self._lists(data.get("lists", {}))
        extractors = self._extractors(data.get("extract", []))
        rules = self._rules(data.get("rules", []), queues)
        for label, block, where, name in self.field_refs:
            if name not in self.known_fields:
                known = ", ".join(sorted(self.known_fields)) or "none"
                msg = f"unknown field '{name}' (known: {known}){_suggest(name, self.known_fields)}"
                self._report(label, block, _Invalid(msg, where, name))
        if self.errors:
            count = len(self.errors)
            more = f"\n({count} errors in all)" if count > 1 else ""
            raise RulesError("\n".join(self.errors) + more)
        return RuleSet(queues, rules, path, extractors, typos, threshold, triage_tag)

    def _model_settings(self, raw: object) -> tuple[float, str]:
        if not isinstance(raw, dict):
            return DEFAULT_MODEL_THRESHOLD, DEFAULT_TRIAGE_TAG
        threshold = raw.get("model_threshold", DEFAULT_MODEL_THRESHOLD)
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0 <= threshold <= 1
        ):
            msg = "settings: model_threshold must be a probability between 0 and 1"
            self._report(None, None, _Invalid(msg, ("settings", "model_threshold")))
            threshold = DEFAULT_MODEL_THRESHOLD
        tag = raw.get("triage_tag", DEFAULT_TRIAGE_TAG)
        if not isinstance(tag, str):
            msg = 'settings: triage_tag must be a string ("" adds no tag)'
            self._report(None, None, _Invalid(msg, ("settings", "triage_tag")))
            tag = DEFAULT_TRIAGE_TAG
        return float(threshold), tag.strip().lower()

    def _queues(self, raw: object) -> tuple[str, ...]:
        if self.queues_arg is not None:
            return self.queues_arg
        if raw is None:
            return DEFAULT_QUEUES
        if not isinstance(raw, list) or not raw or not all(isinstance(q, str) and q for q in raw):
            self._report(
                None, None, _Invalid("queues must be a non-empty array of names", ("queues",))
            )
            return DEFAULT_QUEUES
        return tuple(raw)

    def _settings(self, raw: object) -> TypoTolerance:
        if not isinstance(raw, dict):
            self._report(None, None, _Invalid("settings must be a table", ("settings",)))
            return TypoTolerance()
        for key in raw:
            if key not in _SETTINGS_KEYS:
                msg = f"settings: unknown key '{key}'{_suggest(key, _SETTINGS_KEYS)}"
                self._report(None, None, _Invalid(msg, ("settings",)))
        value = raw.get("typo_min_length", DEFAULT_TYPO_MIN_LENGTH)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            msg = "settings: typo_min_length must be a whole number >= 0 (0 turns it off)"
            self._report(None, None, _Invalid(msg, ("settings", "typo_min_length")))
            value = DEFAULT_TYPO_MIN_LENGTH
        not_typos = raw.get("not_typos", [])
        if not isinstance(not_typos, list) or not all(isinstance(w, str) for w in not_typos):
            msg = "settings: not_typos must be an array of words"
            self._report(None, None, _Invalid(msg, ("settings", "not_typos")))
            not_typos = []
        return TypoTolerance(value, frozenset(_fold(w).strip() for w in not_typos))

    def _lists(self, raw: object) -> dict[str, tuple[str, ...]]:
        """`[lists]`: named keyword lists, used in keyword operators as "@name"."""
        if not isinstance(raw, dict):
            self._report(None, None, _Invalid("lists must be a table of arrays", ("lists",)))
            return {}
        source: dict[str, list[str]] = {}
        for name, items in raw.items():
            where: tuple[_PathPart, ...] = ("lists", name)
            if not _FIELD_NAME.match(name):
                msg = f"lists: {name!r} is not a valid list name (letters, digits, _)"
                self._report(None, None, _Invalid(msg, where))
            elif not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
                msg = f"lists.{name} must be an array of non-empty strings"
                self._report(None, None, _Invalid(msg, where))
            else:
                source[name] = items
        out: dict[str, tuple[str, ...]] = {}

        def expand(name: str, trail: tuple[str, ...]) -> tuple[str, ...]:
            if name in out:
                return out[name]
            items: list[str] = []
            for item in source[name]:
                ref = item[len(_LIST_REF) :] if item.startswith(_LIST_REF) else None
                if ref is None:
                    items.append(item)
                elif ref in trail:
                    raise _Invalid(f"lists.{name}: '{item}' refers back to itself", ("lists",))
                elif ref not in source:
                    msg = f"lists.{name}: unknown list '{item}'{_suggest(ref, source)}"
                    raise _Invalid(msg, ("lists", name), item)
                else:
                    items.extend(expand(ref, (*trail, ref)))
            out[name] = tuple(dict.fromkeys(items))
            return out[name]

        for name in source:
            try:
                expand(name, (name,))
            except _Invalid as err:
                self._report(None, None, err)
                out.setdefault(name, ())
        return out

    def _expand(self, items: list[str], path: tuple[_PathPart, ...]) -> list[str]:
        """Keywords with every "@name" replaced by the items of list `name`."""
        out: list[str] = []
        for item in items:
            if not item.startswith(_LIST_REF):
                out.append(item)
                continue
            name = item[len(_LIST_REF) :]
            if name not in self.lists:
                known = ", ".join(sorted(self.lists)) or "none"
                msg = f"unknown list '{item}' (known: {known}){_suggest(name, self.lists)}"
                raise _Invalid(msg, path, item)
            out.extend(self.lists[name])
        return list(dict.fromkeys(out))

    def _array(self, raw: object, key: str) -> list[dict[str, Any]]:
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
            self._report(
                None, None, _Invalid(f"'{key}' must be an array of tables: [[{key}]]", (key,))
            )
            return []
        return raw

    # -- [[extract]]

    def _extractors(self, raw: object) -> tuple[Extractor | AmountExtractor, ...]:
        out: list[Extractor | AmountExtractor] = []
        for index, table in enumerate(self._array(raw, "extract")):
            name = table.get("name")
            label = (
                f"extract '{name}'" if isinstance(name, str) and name else f"extract #{index + 1}"
            )
            block = self.src.block("extract", index, name if isinstance(name, str) else None)
            try:
                out.append(self._extractor(table))
            except _Invalid as err:
                self._report(label, block, err)
        return tuple(out)

    def _extractor(self, table: dict[str, Any]) -> Extractor | AmountExtractor:
        self._unknown_keys(table, _EXTRACT_KEYS, ())
        name = self._field_name(table.get("name"), ("name",))
        self._opt_str(table, "description", ())
        where = table.get("where", "both")
        if where not in _WHERE:
            raise _Invalid(f"where must be one of {', '.join(_WHERE)}, not {where!r}", ("where",))
        if "builtin" in table:
            return self._builtin_extractor(table, name, where)
        regex = table.get("regex")
        if not isinstance(regex, str) or not regex:
            raise _Invalid("'regex' (or 'builtin') is required and must be a string", ("regex",))
        pattern = self._regex(regex, ("regex",))
        normalize = table.get("normalize", "none")
        if normalize not in _NORMALIZE:
            msg = f"normalize must be one of {', '.join(_NORMALIZE)}, not {normalize!r}"
            raise _Invalid(msg, ("normalize",))
        if normalize == "money" and "amount" not in pattern.groupindex:
            msg = "normalize = \"money\" needs a named group 'amount' (and usually 'currency')"
            raise _Invalid(msg, ("regex",))
        extractor = Extractor(name, pattern, where, normalize)
        self.known_fields.update(extractor.field_names)
        return extractor

    def _builtin_extractor(
        self, table: dict[str, Any], name: str, where: _Where
    ) -> AmountExtractor:
        builtin = table["builtin"]
        if builtin not in _BUILTINS:
            known = ", ".join(_BUILTINS)
            msg = f"unknown builtin {builtin!r} (known: {known}){_suggest(str(builtin), _BUILTINS)}"
            raise _Invalid(msg, ("builtin",))
        for key in ("regex", "normalize"):
            if key in table:
                raise _Invalid(f"'{key}' cannot be used with 'builtin'", (key,))
        extractor = AmountExtractor(name, where)
        self.known_fields.update(extractor.field_names)
        return extractor

    # -- [[rules]]

    def _rules(self, raw: object, queues: tuple[str, ...]) -> tuple[Rule, ...]:
        out: list[Rule] = []
        seen: set[str] = set()
        for index, table in enumerate(self._array(raw, "rules")):
            name = table.get("name")
            has_name = isinstance(name, str) and bool(name)
            label = f"rule '{name}'" if has_name else f"rule #{index + 1}"
            block = self.src.block("rules", index, name if isinstance(name, str) else None)
            # Field references are checked at the end; remember where this rule lives.
            self._current = (label, block)
            try:
                rule = self._rule(table, queues, block[0] if block else None)
            except _Invalid as err:
                self._report(label, block, err)
                continue
            if rule.name in seen:
                self._report(
                    label, block, _Invalid(f"duplicate rule name '{rule.name}'", ("name",))
                )
            seen.add(rule.name)
            out.append(rule)
        return tuple(out)

    def _rule(self, table: dict[str, Any], queues: tuple[str, ...], line: int | None) -> Rule:
        self._unknown_keys(table, _RULE_KEYS, ())
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _Invalid("'name' is required and must be a non-empty string", ("name",))
        description = self._opt_str(table, "description", ()) or ""
        queue = self._opt_str(table, "queue", ())
        if queue is not None and queue not in queues:
            msg = f"unknown queue '{queue}' (known: {', '.join(queues)}){_suggest(queue, queues)}"
            raise _Invalid(msg, ("queue",))
        priority = self._opt_str(table, "priority", ())
        if priority is not None and priority not in PRIORITIES:
            msg = f"unknown priority '{priority}' (known: {', '.join(PRIORITIES)})"
            raise _Invalid(msg + _suggest(priority, PRIORITIES), ("priority",))
        tags = self._str_list(table.get("tags", []), ("tags",), allow_empty=True)
        raw_fields = table.get("fields", {})
        if not isinstance(raw_fields, dict):
            raise _Invalid("'fields' must be a table of names to strings", ("fields",))
        set_fields: list[tuple[str, str]] = []
        for key, value in raw_fields.items():
            self._field_name(key, ("fields", key))
            if not isinstance(value, str):
                raise _Invalid(f"fields.{key} must be a string", ("fields", key))
            set_fields.append((key, value))
            self.known_fields.add(key)
        template = self._opt_str(table, "template", ())
        flags: dict[str, bool] = {}
        for key in ("continue", "on_followup"):
            value = table.get(key, False)
            if not isinstance(value, bool):
                raise _Invalid(f"'{key}' must be true or false", (key,))
            flags[key] = value
        when = table.get("when", {})
        conditions = tuple(self._conditions(when, ("when",))) if when != {} else ()
        actions = Actions(queue, priority, tuple(tags), tuple(set_fields), template)
        return Rule(
            name, description, conditions, actions, flags["on_followup"], flags["continue"], line
        )

    # -- conditions

    def _conditions(self, table: object, path: tuple[_PathPart, ...]) -> list[_Condition]:
        if not isinstance(table, dict):
            raise _Invalid("conditions must be a table, e.g. { subject = { any = [...] } }", path)
        if not table:
            raise _Invalid("empty condition table", path)
        out: list[_Condition] = []
        for key, value in table.items():
            where = (*path, key)
            if key in ("all_of", "any_of"):
                if not isinstance(value, list) or not value:
                    raise _Invalid(f"'{key}' must be a non-empty array of condition tables", where)
                children = tuple(
                    self._joined(self._conditions(item, (*where, i)))
                    for i, item in enumerate(value)
                )
                out.append(_AllOf(children) if key == "all_of" else _AnyOf(children))
            elif key == "not":
                out.append(_Not(self._joined(self._conditions(value, where))))
            elif key == "model":
                out.extend(self._model_tests(value, where))
            elif key in _SUBJECTS:
                out.extend(self._tests(key, value, where))
            else:
                known = (*_SUBJECTS, *_COMBINATORS, "model")
                raise _Invalid(f"unknown condition '{key}'{_suggest(key, known)}", where)
        return out

    def _model_tests(self, value: object, path: tuple[_PathPart, ...]) -> list[_Condition]:
        example = 'model.queue = "disputes", model.confidence = { at_least = 0.6 }'
        if not isinstance(value, dict) or not value:
            raise _Invalid(f"'model' needs a table, e.g. {example}", path)
        out: list[_Condition] = []
        for key, operand in value.items():
            where = (*path, key)
            if key == "queue":
                queues = [operand] if isinstance(operand, str) else operand
                if (
                    not isinstance(queues, list)
                    or not queues
                    or not all(isinstance(q, str) for q in queues)
                ):
                    raise _Invalid("model.queue needs a queue name or an array of them", where)
                unknown = [q for q in queues if q not in self.current_queues]
                if unknown:
                    known = ", ".join(self.current_queues)
                    raise _Invalid(
                        f"model.queue: unknown queue {unknown[0]!r} (known: {known})", where
                    )
                out.append(_ModelTest("queue", queues=tuple(queues)))
            elif key == "confidence":
                out.append(_ModelTest("confidence", **self._bounds(operand, where)))
            elif key == "probability":
                if not isinstance(operand, dict) or not operand:
                    raise _Invalid(
                        "model.probability needs a table, e.g. { escalations = { at_least = 0.3 } }",
                        where,
                    )
                for queue, bounds in operand.items():
                    if queue not in self.current_queues:
                        known = ", ".join(self.current_queues)
                        raise _Invalid(
                            f"model.probability: unknown queue {queue!r} (known: {known})",
                            (*where, queue),
                        )
                    out.append(
                        _ModelTest(
                            "probability", queue=queue, **self._bounds(bounds, (*where, queue))
                        )
                    )
            else:
                known_keys = ("queue", "confidence", "probability")
                raise _Invalid(f"unknown model condition '{key}'{_suggest(key, known_keys)}", where)
        return out

    @staticmethod
    def _bounds(value: object, path: tuple[_PathPart, ...]) -> dict[str, Any]:
        if not isinstance(value, dict) or not value or not set(value) <= {"at_least", "below"}:
            raise _Invalid(
                "needs { at_least = 0.6 } and/or { below = 0.9 } (probabilities 0..1)", path
            )
        bounds: dict[str, float] = {}
        for key, number in value.items():
            if (
                isinstance(number, bool)
                or not isinstance(number, int | float)
                or not 0 <= number <= 1
            ):
                raise _Invalid(f"'{key}' needs a probability between 0 and 1", (*path, key))
            bounds[key] = float(number)
        return bounds

    @staticmethod
    def _joined(conditions: list[_Condition]) -> _Condition:
        return conditions[0] if len(conditions) == 1 else _AllOf(tuple(conditions))

    def _tests(self, subject: str, value: object, path: tuple[_PathPart, ...]) -> list[_Test]:
        spec = _SUBJECTS[subject]
        if not isinstance(value, dict):
            # Shorthands for subjects that are single values.
            if spec.kind == "bool" and isinstance(value, bool):
                return [_Test(subject, None, "equals", value)]
            if spec.kind in ("scalar", "enum") and isinstance(value, str | list):
                op = "equals" if isinstance(value, str) else "in"
                return self._tests(subject, {op: value}, path)
            example = "= true" if spec.kind == "bool" else "= { any = [...] }"
            raise _Invalid(
                f"'{subject}' needs a table of operators, e.g. {subject} {example}", path
            )
        table = dict(value)
        name: str | None = None
        if spec.named:
            raw_name = table.pop("name", None)
            if not isinstance(raw_name, str) or not raw_name:
                raise _Invalid(f"'{subject}' needs name = \"...\"", path)
            name = raw_name.lower() if subject == "header" else raw_name
            if subject == "field":
                self.field_refs.append((*self._current, path, name))
        allowed = tuple(op for op in _OPERATORS[spec.kind] if op != "exists" or spec.optional)
        if not table:
            raise _Invalid(f"'{subject}' has no operator (one of: {', '.join(allowed)})", path)
        tests = []
        for op, operand in table.items():
            where = (*path, op)
            if op not in allowed:
                msg = f"operator '{op}' is not allowed for '{subject}'"
                msg += f" (allowed: {', '.join(allowed)}){_suggest(op, allowed)}"
                raise _Invalid(msg, where)
            shown: Any = None
            if op in ("any", "all"):
                shown = tuple(operand) if isinstance(operand, list) else None
            elif op == "sentence":
                lists = operand.get("lists") if isinstance(operand, dict) else operand
                unless = operand.get("unless", []) if isinstance(operand, dict) else []
                if isinstance(lists, list) and isinstance(unless, list):
                    shown = (tuple(tuple(g) for g in lists if isinstance(g, list)), tuple(unless))
            tests.append(_Test(subject, name, op, self._operand(spec, op, operand, where), shown))
        return tests

    def _operand(
        self, spec: _SubjectSpec, op: str, value: object, path: tuple[_PathPart, ...]
    ) -> Any:
        if spec.kind == "bool" or op == "exists":
            if not isinstance(value, bool):
                raise _Invalid(f"'{op}' needs true or false", path)
            return value
        if op == "sentence":
            return self._sentence_operand(value, path)
        if op in ("any", "all", "in"):
            items = self._str_list(value, path)
            keywords = tuple(items) if op == "in" else self._keyword_list(items, path)
            if spec.choices:
                self._choices(spec, keywords, path)
            return keywords
        if op == "glob":
            return tuple([value] if isinstance(value, str) else self._str_list(value, path))
        if not isinstance(value, str):
            raise _Invalid(f"'{op}' needs a string", path)
        if op == "regex":
            pattern = self._regex(value, path)
            self.known_fields.update(pattern.groupindex)
            return value
        if spec.choices:
            self._choices(spec, [value], path)
        return value

    def _sentence_operand(
        self, value: object, path: tuple[_PathPart, ...]
    ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """`[[...], [...]]`, or `{ lists = [[...], ...], unless = [...] }`."""
        unless: list[str] = []
        lists = value
        if isinstance(value, dict):
            for key in value:
                if key not in ("lists", "unless"):
                    msg = f"sentence: unknown key '{key}'{_suggest(key, ('lists', 'unless'))}"
                    raise _Invalid(msg, (*path, key))
            lists = value.get("lists")
            unless = self._str_list(value.get("unless", []), (*path, "unless"), allow_empty=True)
        least = 1 if unless else 2
        if (
            not isinstance(lists, list)
            or len(lists) < least
            or not all(isinstance(group, list) for group in lists)
        ):
            msg = (
                "'sentence' needs two or more keyword lists, e.g. [[...], [...]], or "
                "{ lists = [[...], ...], unless = [...] }"
            )
            raise _Invalid(msg, path)
        groups = tuple(
            self._keyword_list(self._str_list(group, (*path, i)), path)
            for i, group in enumerate(lists)
        )
        return groups, self._keyword_list(unless, path) if unless else ()

    def _keyword_list(self, items: list[str], path: tuple[_PathPart, ...]) -> tuple[str, ...]:
        items = self._expand(items, path)
        for item in items:
            keyword = _Keyword.compile(item)
            if not keyword.words and keyword.cjk is None:
                raise _Invalid(f"keyword {item!r} has no letters to match", path, item)
            if keyword.words[:1] == ("*",):
                raise _Invalid(f"keyword {item!r} must not start with '*'", path, item)
        return tuple(items)

    @staticmethod
    def _choices(spec: _SubjectSpec, values: Sequence[str], path: tuple[_PathPart, ...]) -> None:
        for value in values:
            if value not in spec.choices:
                msg = f"unknown value '{value}' (known: {', '.join(spec.choices)})"
                raise _Invalid(msg + _suggest(value, spec.choices), path, value)

    # -- small validators

    @staticmethod
    def _unknown_keys(
        table: Mapping[str, Any], known: Sequence[str], path: tuple[_PathPart, ...]
    ) -> None:
        for key in table:
            if key not in known:
                raise _Invalid(f"unknown key '{key}'{_suggest(key, known)}", (*path, key))

    @staticmethod
    def _opt_str(table: Mapping[str, Any], key: str, path: tuple[_PathPart, ...]) -> str | None:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise _Invalid(f"'{key}' must be a string, not {type(value).__name__}", (*path, key))
        return value

    @staticmethod
    def _str_list(
        value: object, path: tuple[_PathPart, ...], *, allow_empty: bool = False
    ) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise _Invalid("must be an array of non-empty strings", path)
        if not value and not allow_empty:
            raise _Invalid("must not be empty", path)
        return value

    @staticmethod
    def _field_name(value: object, path: tuple[_PathPart, ...]) -> str:
        if not isinstance(value, str) or not _FIELD_NAME.match(value):
            raise _Invalid(f"{value!r} is not a valid field name (letters, digits, _)", path)
        return value

    @staticmethod
    def _regex(value: str, path: tuple[_PathPart, ...]) -> re.Pattern[str]:
        try:
            return re.compile(value, re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise _Invalid(f"bad regex {value!r}: {exc}", path) from None
