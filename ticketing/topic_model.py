"""The learned half of routing: which queue a mail's topic belongs to, with how sure.

A linear model (multinomial logistic regression) over TF-IDF features of what the
customer wrote now: the subject plus the new text our parser keeps (quoted history,
signatures and disclaimers removed). Character n-grams (1 to 4) read Japanese without a
tokenizer and survive typos; word unigrams and bigrams carry English phrases; a few
structured facts say what the desk knows of the sender (account status, an overdue
invoice, attachments). The rules module keeps policy and may overrule the model (see
ticketing/rules.py, `model.*` conditions).

Features are hashed (a stable FNV-style hash over code points, computed with numpy for a
whole text at once) into a fixed space and only the buckets seen in training are kept,
so predicting needs neither scikit-learn nor a vocabulary of Python strings: a batch of
mail costs a few numpy operations per text. scikit-learn is imported only to fit.
Explanations name the n-grams *of the mail itself* that pushed it toward its queue.

Everything here is deterministic: the same examples give the same model and the same
predictions, on any machine (no Python `hash()`, no random state left unset).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ticketing.inbound import InboundEmail

# What the model reads of one mail: the subject and the first part of the new text (what
# decides a queue is near the top; a pasted log must not make routing slow).
MAX_TEXT_CHARS = 3_000
MAX_SUBJECT_CHARS = 500
# How many features a prediction reports as the reason for its queue.
TOP_FEATURES = 8
SEED = 20261204

# What a model's arrays mean: bumped whenever the features change (the text folding, the
# n-grams, the hash); a model file of another feature version is refused, not misread.
FEATURES_VERSION = 4
CHAR_NGRAMS = (1, 2, 3, 4)
_NMAX = 8  # an n-gram's origin packs (start, n - 1) as start * _NMAX + n - 1
_BITS = 20
_MASK = np.uint64((1 << _BITS) - 1)
_FNV_PRIME = np.uint64(0x100000001B3)
_FNV_BASIS = 0xCBF29CE484222325
# Feature ids: chars in [0, 2^20), words in [2^20, 2^21), facts after that.
_WORD_BASE = 1 << _BITS
_FACT_BASE = 2 << _BITS
# Only what sets a sender apart is a fact: a new customer is "active" at the desk but
# "unknown" in the corpus, and the two must not read differently.
FACTS = ("status=delinquent", "status=suspended", "overdue-invoice", "attachment")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ModelInput:
    """What the model reads of one mail."""

    subject: str
    text: str  # the customer's new text: no quoted history, no signature
    customer_status: str | None = None  # active | delinquent | suspended | None
    overdue_invoice: bool = False  # the sender's account has an overdue invoice
    has_attachments: bool = False

    def document(self) -> str:
        """Subject and text, NFKC-folded (full-width = half-width), lower-cased, every
        run of digits written 0 (an invoice number, a date or an amount is a kind of
        thing, not a word to remember), whitespace collapsed and one space at each end
        (n-grams see word edges)."""
        subject, body = self.subject[:MAX_SUBJECT_CHARS], self.text[:MAX_TEXT_CHARS]
        folded = unicodedata.normalize("NFKC", f"{subject}\n{body}").lower()
        return " " + _SPACES.sub(" ", _DIGITS.sub("0", folded)).strip() + " "

    def facts(self) -> tuple[str, ...]:
        found = []
        if self.customer_status in FACTS_STATUSES:
            found.append(f"status={self.customer_status}")
        if self.overdue_invoice:
            found.append("overdue-invoice")
        if self.has_attachments:
            found.append("attachment")
        return tuple(found)


FACTS_STATUSES = ("delinquent", "suspended")


def model_input(
    email: InboundEmail, *, customer_status: str | None = None, overdue_invoice: bool = False
) -> ModelInput:
    return ModelInput(
        subject=email.subject,
        text=email.new_text,
        customer_status=customer_status,
        overdue_invoice=overdue_invoice,
        has_attachments=any(not a.inline for a in email.attachments),
    )


# -- features ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    """The features of a batch of texts: one row per (text, feature) with its raw count.

    `first` is where the feature first occurs (its n-gram's start and length in the text,
    or its word gram's index), so that an explanation can quote the mail's own words.
    """

    docs: tuple[str, ...]
    row: IntArray  # which text
    ids: IntArray  # feature id
    counts: FloatArray
    block: npt.NDArray[np.int8]  # 0 chars, 1 words, 2 facts
    start: IntArray  # chars and words: start in the text; facts: fact index
    length: IntArray  # chars: n; words: characters from the first word's start to the
    # last word's end; facts: 0

    def name(self, i: int) -> str:
        """The text that produced feature row `i`."""
        return self.names(np.array([i], dtype=np.int64))[0]

    def names(self, rows: IntArray) -> list[str]:
        """`name` of each feature row in `rows`."""
        docs, out = self.docs, []
        for block, row, start, n in zip(
            self.block[rows].tolist(),
            self.row[rows].tolist(),
            self.start[rows].tolist(),
            self.length[rows].tolist(),
            strict=True,
        ):
            if block == 2:
                out.append(f"fact:{FACTS[start]}")
            else:
                quoted = docs[row][start : start + n]
                out.append(f"words:{quoted!r}" if block == 1 else f"chars:{quoted!r}")
        return out


def _bucket(h: npt.NDArray[np.uint64]) -> IntArray:
    return ((h ^ (h >> np.uint64(31))) & _MASK).astype(np.int64)


# Words are runs of the characters `\w` matches (letters, digits, underscore); a table
# answers for the code points below _WORD_TABLE_SIZE (every script in use; the rest, such
# as emoji, are never part of a word).
_WORD_TABLE_SIZE = 0x30000
# A word's hash is a polynomial over its code points, sum(c[i] * B^i) mod 2^64, from one
# running sum over the whole batch: (S[end] - S[start]) * B^-start needs no Python loop.
_POLY = np.uint64(0x9E3779B97F4A7C15 | 1)
_POLY_INVERSE = np.uint64(pow(int(_POLY), -1, 1 << 64))
_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)


@functools.cache
def _word_table() -> npt.NDArray[np.bool_]:
    chars = map(chr, range(_WORD_TABLE_SIZE))
    return np.fromiter((c.isalnum() or c == "_" for c in chars), dtype=bool)


def _powers(base: np.uint64, count: int) -> npt.NDArray[np.uint64]:
    """base^0 .. base^(count-1), mod 2^64."""
    out = np.full(count, base, dtype=np.uint64)
    if count:
        out[0] = 1
    return np.cumprod(out, dtype=np.uint64)


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    return h ^ (h >> np.uint64(29))


def _word_features(
    codes: npt.NDArray[np.uint64], owner: IntArray
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Every word and every pair of neighbouring words of the batch: (text, feature id,
    start, length), start and length in the batch's joined code points."""
    table = _word_table()
    inside = codes < np.uint64(_WORD_TABLE_SIZE)
    word = np.zeros(len(codes), dtype=bool)
    word[inside] = table[codes[inside].astype(np.int64)]
    new_text = np.ones(len(codes), dtype=bool)
    new_text[1:] = owner[1:] != owner[:-1]
    before = np.zeros(len(codes), dtype=bool)
    before[1:] = word[:-1]
    after = np.zeros(len(codes), dtype=bool)
    after[:-1] = word[1:] & ~new_text[1:]
    starts = np.flatnonzero(word & (~before | new_text))
    ends = np.flatnonzero(word & ~after) + 1
    running = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes * _powers(_POLY, len(codes)), dtype=np.uint64, out=running[1:])
    h = (running[ends] - running[starts]) * _powers(_POLY_INVERSE, len(codes) + 1)[starts]
    rows = owner[starts]
    pair = np.flatnonzero(rows[1:] == rows[:-1])  # neighbours in the same text
    pair_h = (h[pair] * _PAIR) ^ (h[pair + 1] + np.uint64(1))
    ids = np.concatenate([_mix(h), _mix(pair_h)]) & np.uint64(_WORD_BASE - 1)
    return (
        np.concatenate([rows, rows[pair]]),
        ids.astype(np.int64) + _WORD_BASE,
        np.concatenate([starts, starts[pair]]),
        np.concatenate([ends - starts, ends[pair + 1] - starts[pair]]),
    )


# `_counted` packs (text, feature id, origin) into one int64 and sorts once: the first
# element of each (text, feature) run then has the smallest origin, its first occurrence.
_ORIGIN_BITS = 23  # chars: start * _NMAX + n - 1 within a chunk; words: a gram's index
_ID_BITS = 22  # feature ids < 2^22 (facts included)
# Texts per chunk: keeps origins within _ORIGIN_BITS (CHUNK * MAX_TEXT_CHARS * _NMAX).
CHUNK = 256


def _counted(
    row: IntArray, ids: IntArray, origin: IntArray
) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
    """Distinct (row, id) pairs with their count and the origin of their first occurrence."""
    if not len(row):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32), empty
    packed = (row.astype(np.int64) << (_ID_BITS + _ORIGIN_BITS)) | (ids << _ORIGIN_BITS) | origin
    packed.sort()
    pair = packed >> _ORIGIN_BITS
    starts = np.flatnonzero(np.concatenate(([True], pair[1:] != pair[:-1])))
    counts = np.diff(np.append(starts, len(packed))).astype(np.float32)
    first = pair[starts]
    return (
        first >> _ID_BITS,
        first & ((1 << _ID_BITS) - 1),
        counts,
        packed[starts] & ((1 << _ORIGIN_BITS) - 1),
    )


def batch_features(docs: Sequence[str], facts: Sequence[Sequence[str]]) -> Batch:
    """Hashed character n-grams, word grams and facts of every text, computed together
    (in chunks of CHUNK texts)."""
    if len(docs) <= CHUNK:
        return _chunk_features(docs, facts)
    parts = [
        _chunk_features(docs[i : i + CHUNK], facts[i : i + CHUNK])
        for i in range(0, len(docs), CHUNK)
    ]
    return Batch(
        docs=tuple(docs),
        row=np.concatenate([part.row + index * CHUNK for index, part in enumerate(parts)]),
        ids=np.concatenate([p.ids for p in parts]),
        counts=np.concatenate([p.counts for p in parts]),
        block=np.concatenate([p.block for p in parts]),
        start=np.concatenate([p.start for p in parts]),
        length=np.concatenate([p.length for p in parts]),
    )


def _chunk_features(docs: Sequence[str], facts: Sequence[Sequence[str]]) -> Batch:
    texts = tuple(docs)
    lengths = np.array([len(d) for d in texts], dtype=np.int64)
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if len(texts) else lengths
    rows, ids, origins = [], [], []
    for n in CHAR_NGRAMS:
        m = len(codes) - n + 1
        if m <= 0:
            continue
        h = np.full(m, np.uint64(_FNV_BASIS ^ n), dtype=np.uint64)
        for k in range(n):
            h = (h ^ codes[k : k + m]) * _FNV_PRIME
        inside = np.nonzero(owner[:m] == owner[n - 1 :])[0]  # not across two texts
        rows.append(owner[inside])
        ids.append(_bucket(h[inside]))
        origins.append(inside * _NMAX + (n - 1))
    if rows:
        c_row, c_ids, c_counts, c_origin = _counted(
            np.concatenate(rows), np.concatenate(ids), np.concatenate(origins)
        )
    else:
        c_row = c_ids = c_origin = np.zeros(0, dtype=np.int64)
        c_counts = np.zeros(0, dtype=np.float32)
    c_start = c_origin // _NMAX - offsets[c_row] if len(c_row) else c_origin
    c_len = c_origin % _NMAX + 1
    g_row, g_ids, g_start, g_len = _word_features(codes, owner)
    w_row, w_id, w_counts, w_origin = _counted(g_row, g_ids, np.arange(len(g_row), dtype=np.int64))
    w_start = g_start[w_origin] - offsets[w_row] if len(w_row) else w_origin
    f_row = np.array([i for i, fs in enumerate(facts) for _ in fs], dtype=np.int64)
    f_index = np.array([FACTS.index(f) for fs in facts for f in fs], dtype=np.int64)
    return Batch(
        docs=texts,
        row=np.concatenate([c_row, w_row, f_row]),
        ids=np.concatenate([c_ids, w_id, _FACT_BASE + f_index]),
        counts=np.concatenate([c_counts, w_counts, np.ones(len(f_row), dtype=np.float32)]),
        block=np.concatenate(
            [
                np.zeros(len(c_row), dtype=np.int8),
                np.ones(len(w_row), dtype=np.int8),
                np.full(len(f_row), 2, dtype=np.int8),
            ]
        ),
        start=np.concatenate([c_start, w_start, f_index]),
        length=np.concatenate([c_len, g_len[w_origin], np.zeros(len(f_row), dtype=np.int64)]),
    )


# -- the model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """The model's view of one mail."""

    queue: str
    confidence: float  # the probability of `queue`
    probabilities: dict[str, float] = field(hash=False)
    # The features that pushed most toward `queue`, with their weight, strongest first.
    top_features: tuple[tuple[str, float], ...] = ()
    version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "queue": self.queue,
            "confidence": round(self.confidence, 4),
            "probabilities": {q: round(p, 4) for q, p in self.probabilities.items()},
            "top_features": [{"feature": f, "weight": round(w, 4)} for f, w in self.top_features],
        }


@dataclass(frozen=True)
class TrainingOptions:
    min_df: int = 2  # a feature must occur in this many training mails
    c: float = 30.0  # inverse regularisation strength of the logistic regression
    max_iter: int = 3000


class TopicModel:
    """A trained model: the kept feature ids, their IDF, the weights and the metadata.

    `arrays` holds only numpy arrays of numbers and strings (saved with numpy's format,
    read without pickle): `feature_ids` (sorted int64), `idf` (float32), `coef`
    (queues x features, float32), `intercept` (float32), `queues` (str).
    """

    def __init__(self, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any]) -> None:
        self.arrays = arrays
        self.meta = meta
        self.queues: tuple[str, ...] = tuple(str(q) for q in arrays["queues"])
        self._ids: IntArray = arrays["feature_ids"].astype(np.int64)
        self._idf: FloatArray = arrays["idf"].astype(np.float32)
        coef = arrays["coef"].astype(np.float32)
        self._coef = coef
        self._relative = coef - coef.mean(axis=0, keepdims=True)
        self._intercept: FloatArray = arrays["intercept"].astype(np.float32)
        count = len(self._ids)
        if coef.shape != (len(self.queues), count) or self._idf.shape != (count,):
            raise ValueError(f"coef {coef.shape} and idf {self._idf.shape} for {count} features")
        if self._intercept.shape != (len(self.queues),):
            raise ValueError(f"intercept {self._intercept.shape} for {len(self.queues)} queues")
        if count and not bool(np.all(np.diff(self._ids) > 0)):
            raise ValueError("feature ids are not sorted")
        if count and (int(self._ids[0]) < 0 or int(self._ids[-1]) >= _FACT_BASE + len(FACTS)):
            raise ValueError("feature ids outside the feature space")
        self._column_table: npt.NDArray[np.int32] | None = None

    def prepare(self) -> None:
        """Build what predicting needs now (the column table), not in the first batch."""
        self._columns  # noqa: B018 - built on first access

    @property
    def _columns(self) -> npt.NDArray[np.int32]:
        """Feature id -> its column, -1 for an id the model does not know: one gather per
        batch instead of a binary search per feature (8 MiB, built on first use)."""
        if self._column_table is None:
            table = np.full(_FACT_BASE + len(FACTS), -1, dtype=np.int32)
            table[self._ids] = np.arange(len(self._ids), dtype=np.int32)
            self._column_table = table
        return self._column_table

    @property
    def version(self) -> str:
        return str(self.meta.get("version", ""))

    def weights(self, batch: Batch) -> tuple[IntArray, IntArray, FloatArray]:
        """For every feature row the model knows: (its batch row, its column, its TF-IDF
        weight), each text's char and word blocks L2-normalised on their own."""
        if not len(self._ids):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        column = self._columns[batch.ids]
        known = np.flatnonzero(column >= 0)
        cols = column[known].astype(np.int64)
        rows = batch.row[known]
        w = ((1.0 + np.log(batch.counts[known])) * self._idf[cols]).astype(np.float32)
        block = batch.block[known].astype(np.int64)
        key = rows * 3 + block
        norms = np.sqrt(np.bincount(key, weights=w * w, minlength=3 * len(batch.docs)))
        scale = norms[key]
        text = (block < 2) & (scale > 0)
        w[text] /= scale[text].astype(np.float32)
        return known, cols, w

    def _predict(
        self, inputs: Sequence[ModelInput], *, explain: bool
    ) -> tuple[FloatArray, list[tuple[tuple[str, float], ...]]]:
        n = len(inputs)
        batch = batch_features([i.document() for i in inputs], [i.facts() for i in inputs])
        known, cols, w = self.weights(batch)
        rows = batch.row[known]
        logits = np.empty((n, len(self.queues)), dtype=np.float64)
        for q in range(len(self.queues)):
            logits[:, q] = np.bincount(rows, weights=w * self._coef[q, cols], minlength=n)
        logits += self._intercept
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        tops: list[tuple[tuple[str, float], ...]] = []
        if explain:
            tops = self._top_features(batch, known, rows, cols, w, np.argmax(probabilities, axis=1))
        return probabilities.astype(np.float32), tops

    def _top_features(
        self,
        batch: Batch,
        known: IntArray,
        rows: IntArray,
        cols: IntArray,
        w: FloatArray,
        best: IntArray,
    ) -> list[tuple[tuple[str, float], ...]]:
        """Per text, the TOP_FEATURES features that pushed most toward its queue: one sort
        of the positive contributions of the whole batch, by text then strength."""
        n = len(batch.docs)
        contributions = w * self._relative[best[rows], cols]
        positive = np.flatnonzero(contributions > 0)
        strength = contributions[positive].astype(np.float64)
        # text + (0, 1), larger contributions first within a text: one float key to sort.
        key = rows[positive] + 1.0 / (1.0 + strength)
        # Stable: features of equal weight keep their (block, id) order in every batch.
        order = positive[np.argsort(key, kind="stable")]
        sorted_rows = rows[order]
        starts = np.searchsorted(sorted_rows, np.arange(n))
        ends = np.searchsorted(sorted_rows, np.arange(n), side="right")
        # The first TOP_FEATURES of each text's run, gathered for the whole batch at once.
        counts = np.minimum(ends - starts, TOP_FEATURES)
        firsts = np.cumsum(counts) - counts
        picks = order[np.repeat(starts - firsts, counts) + np.arange(int(counts.sum()))]
        names = batch.names(known[picks])
        weights = contributions[picks].tolist()
        tops = []
        for first, count in zip(firsts.tolist(), counts.tolist(), strict=True):
            end = first + count
            tops.append(tuple(zip(names[first:end], weights[first:end], strict=True)))
        return tops

    def predict(self, inputs: Sequence[ModelInput], *, explain: bool = True) -> list[Prediction]:
        """One prediction per input, computed as one batch."""
        if not inputs:
            return []
        probabilities, tops = self._predict(inputs, explain=explain)
        queues, version = self.queues, self.version
        bests = np.argmax(probabilities, axis=1).tolist()
        out: list[Prediction] = []
        # Python floats from one tolist(): numpy scalars one by one cost more than the model.
        for row_index, (row, best) in enumerate(zip(probabilities.tolist(), bests, strict=True)):
            out.append(
                Prediction(
                    queue=queues[best],
                    confidence=row[best],
                    probabilities=dict(zip(queues, row, strict=True)),
                    top_features=tops[row_index] if explain else (),
                    version=version,
                )
            )
        return out


def train(
    inputs: Sequence[ModelInput],
    labels: Sequence[str],
    *,
    weights: Sequence[float] | None = None,
    options: TrainingOptions | None = None,
    meta: dict[str, Any] | None = None,
) -> TopicModel:
    """Fit a model; deterministic for the same inputs, labels, weights and options."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    opts = options or TrainingOptions()
    batch = batch_features([i.document() for i in inputs], [i.facts() for i in inputs])
    # Keep the features of at least min_df mails (every fact: they are few and known).
    ids, df = np.unique(batch.ids, return_counts=True)
    keep = (df >= opts.min_df) | (ids >= _FACT_BASE)
    ids, df = ids[keep], df[keep]
    n = len(inputs)
    # sklearn's smooth IDF: ln((1 + n) / (1 + df)) + 1; facts are not down-weighted.
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    idf[ids >= _FACT_BASE] = 1.0
    provisional = TopicModel(
        {
            "feature_ids": ids,
            "idf": idf,
            "coef": np.zeros((1, len(ids)), dtype=np.float32),
            "intercept": np.zeros(1, dtype=np.float32),
            "queues": np.array(["?"]),
        },
        {},
    )
    known, cols, w = provisional.weights(batch)
    matrix = csr_matrix((w, (batch.row[known], cols)), shape=(n, len(ids)))
    classifier = LogisticRegression(C=opts.c, max_iter=opts.max_iter, random_state=SEED)
    classifier.fit(matrix, list(labels), sample_weight=None if weights is None else list(weights))
    arrays = {
        "feature_ids": ids,
        "idf": idf,
        "coef": classifier.coef_.astype(np.float32),
        "intercept": classifier.intercept_.astype(np.float32),
        "queues": np.array([str(q) for q in classifier.classes_]),
    }
    return TopicModel(arrays, {**(meta or {}), "features": FEATURES_VERSION})


def cross_validate(
    inputs: Sequence[ModelInput],
    labels: Sequence[str],
    *,
    weights: Sequence[float] | None = None,
    folds: int = 5,
    options: TrainingOptions | None = None,
    on_fold: Callable[[int], None] | None = None,
) -> list[Prediction]:
    """Out-of-fold predictions (stratified, fixed seed): one per input, each made by a
    model that never saw it. `on_fold(n)` is called after the n-th fold."""
    from sklearn.model_selection import StratifiedKFold

    predicted: list[Prediction | None] = [None] * len(inputs)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for fold, (train_idx, test_idx) in enumerate(
        splitter.split(np.zeros(len(inputs)), list(labels)), start=1
    ):
        model = train(
            [inputs[i] for i in train_idx],
            [labels[i] for i in train_idx],
            weights=None if weights is None else [weights[i] for i in train_idx],
            options=options,
        )
        held_out = model.predict([inputs[i] for i in test_idx], explain=False)
        for i, p in zip(test_idx, held_out, strict=True):
            predicted[i] = p
        if on_fold is not None:
            on_fold(fold)
    return [p for p in predicted if p is not None]


def accuracy(expected: Iterable[str], predicted: Iterable[str]) -> float:
    pairs = list(zip(expected, predicted, strict=True))
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0
