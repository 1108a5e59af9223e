"""Training and measuring routing models: the corpus plus agents' corrections in, a
versioned candidate with its figures out (`ticketing routing train`).

A correction is an agent's `tickets move` (a `ticket.moved` event marked manual): the
ticket's first inbound mail, labelled with the queue the agent chose. Corrections are
weighted above corpus mail, and they never change the live model by themselves: a
candidate is trained, compared with the active model on every sealed batch, and only
`routing activate` puts it to work.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from ticketing import corpus as corpus_mod
from ticketing import model_store
from ticketing.corpus import LabelledMail
from ticketing.inbound import InboundEmail
from ticketing.parse import parse_email
from ticketing.rules import RouteContext, RuleSet
from ticketing.topic_model import (
    ModelInput,
    Prediction,
    TopicModel,
    TrainingOptions,
    accuracy,
    cross_validate,
    model_input,
    train,
)

# One agent's correction counts as much as this many corpus mails.
CORRECTION_WEIGHT = 3.0
CV_FOLDS = 5
# Corpus mail is routed as if it came through a mailbox whose queue is billing.
DEFAULT_QUEUE = "billing"
OUR_DOMAINS = ("cloudpartner.example",)


@dataclass(frozen=True)
class Example:
    """One training or evaluation example: the mail, what the model reads of it, and the
    right queue."""

    email: InboundEmail
    input: ModelInput
    queue: str
    language: str
    source: str  # corpus file name, or "ticket 42"
    customer_status: str | None = None
    weight: float = 1.0


def corpus_examples(mails: Sequence[LabelledMail]) -> list[Example]:
    out = []
    for mail in mails:
        email = parse_email(mail.raw(), our_domains=OUR_DOMAINS)
        out.append(
            Example(
                email,
                model_input(email, customer_status=mail.customer_status),
                mail.queue,
                mail.language,
                mail.name,
                mail.customer_status,
            )
        )
    return out


def corpus_hash(mails: Sequence[LabelledMail]) -> str:
    """SHA-256 over every mail's name, label, status and bytes: what a model came from."""
    digest = hashlib.sha256()
    for mail in sorted(mails, key=lambda m: m.name):
        digest.update(f"{mail.name}\0{mail.queue}\0{mail.customer_status or ''}\0".encode())
        digest.update(hashlib.sha256(mail.raw()).digest())
    return digest.hexdigest()


def correction_examples(engine: Engine, settings: Any) -> list[Example]:
    """Agents' manual moves, newest per ticket, as weighted examples: each ticket's first
    inbound mail, labelled with the queue the agent chose."""
    from ticketing.desk import raw_bytes
    from ticketing.errors import TicketingError
    from ticketing.models import Event
    from ticketing.routing_ops import first_inbound

    examples: list[Example] = []
    with Session(engine) as session:
        moves = session.execute(
            select(Event).where(col(Event.kind) == "ticket.moved").order_by(col(Event.id))
        ).scalars()
        latest: dict[int, str] = {}
        for event in moves:
            detail = event.detail or {}
            if detail.get("manual") and isinstance(detail.get("to"), str):
                latest[event.ticket_id] = detail["to"]
        stored = first_inbound(session, ticket_ids=latest) if latest else []
        for item in sorted(stored, key=lambda i: i.ticket.id or 0):
            try:
                data = raw_bytes(settings, item.raw)
            except TicketingError:
                continue  # the stored bytes are gone: nothing to learn from
            email = parse_email(data, our_domains=OUR_DOMAINS)
            ticket_id = item.ticket.id or 0
            examples.append(
                Example(
                    email,
                    model_input(email, customer_status=item.customer_status),
                    latest[ticket_id],
                    email.language,
                    f"ticket {ticket_id}",
                    item.customer_status,
                    CORRECTION_WEIGHT,
                )
            )
    return examples


# -- figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """How one model (or cross-validation) did on a set of labelled examples."""

    name: str
    count: int
    accuracy: float
    per_queue: dict[str, dict[str, float]]  # recall and precision per queue
    per_language: dict[str, float]
    confusion: dict[str, dict[str, int]]  # expected -> predicted -> count
    confusion_by_language: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "count": self.count,
            "accuracy": round(self.accuracy, 4),
            "per_queue": {
                q: {k: round(v, 4) for k, v in d.items()} for q, d in self.per_queue.items()
            },
            "per_language": {k: round(v, 4) for k, v in self.per_language.items()},
            "confusion": self.confusion,
            "confusion_by_language": self.confusion_by_language,
        }


def evaluate(
    name: str, examples: Sequence[Example], predicted: Sequence[str], queues: Sequence[str]
) -> Evaluation:
    expected = [e.queue for e in examples]
    confusion = {q: dict.fromkeys(queues, 0) for q in queues}
    by_language: dict[str, dict[str, dict[str, int]]] = {}
    for example, guess in zip(examples, predicted, strict=True):
        confusion.setdefault(example.queue, dict.fromkeys(queues, 0))
        confusion[example.queue][guess] = confusion[example.queue].get(guess, 0) + 1
        table = by_language.setdefault(
            example.language, {q: dict.fromkeys(queues, 0) for q in queues}
        )
        table.setdefault(example.queue, dict.fromkeys(queues, 0))
        table[example.queue][guess] = table[example.queue].get(guess, 0) + 1
    per_queue = {}
    for q in queues:
        relevant = sum(confusion.get(q, {}).values())
        chosen = sum(row.get(q, 0) for row in confusion.values())
        right = confusion.get(q, {}).get(q, 0)
        per_queue[q] = {
            "recall": right / relevant if relevant else 0.0,
            "precision": right / chosen if chosen else 0.0,
            "count": float(relevant),
        }
    languages = Counter(e.language for e in examples)
    per_language = {
        lang: sum(
            e.queue == p for e, p in zip(examples, predicted, strict=True) if e.language == lang
        )
        / n
        for lang, n in sorted(languages.items())
    }
    return Evaluation(
        name,
        len(examples),
        accuracy(expected, predicted),
        per_queue,
        per_language,
        confusion,
        by_language,
    )


def routed_queues(
    rules: RuleSet | None, examples: Sequence[Example], predictions: Sequence[Prediction]
) -> list[str]:
    """The queue each example gets from the whole router: the policy rules first, then
    the model's prediction (or triage to the default queue); the model alone without rules."""
    if rules is None:
        return [p.queue for p in predictions]
    out = []
    for example, prediction in zip(examples, predictions, strict=True):
        context = RouteContext(
            mailbox=None,
            recipients=(),
            default_queue=DEFAULT_QUEUE,
            customer_status=example.customer_status,
        )
        out.append(rules.route(example.email, context, prediction=prediction).queue)
    return out


def route_examples(
    rules: RuleSet | None, model: TopicModel, examples: Sequence[Example]
) -> list[str]:
    return routed_queues(rules, examples, model.predict([e.input for e in examples], explain=False))


# -- training a candidate ----------------------------------------------------------------


@dataclass(frozen=True)
class TrainingReport:
    version: str
    folder: Path | None
    corpus_examples: int
    corrections: int
    cross_validation: Evaluation
    sealed: dict[str, dict[str, Evaluation | None]]  # batch -> {"candidate", "active"}
    meta: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "folder": str(self.folder) if self.folder else None,
            "corpus_examples": self.corpus_examples,
            "corrections": self.corrections,
            "cross_validation": self.cross_validation.to_json(),
            "sealed": {
                batch: {who: (e.to_json() if e else None) for who, e in pair.items()}
                for batch, pair in self.sealed.items()
            },
        }


def fit(
    examples: Sequence[Example], *, meta: dict[str, Any], options: TrainingOptions | None = None
) -> TopicModel:
    return train(
        [e.input for e in examples],
        [e.queue for e in examples],
        weights=[e.weight for e in examples],
        options=options,
        meta=meta,
    )


def train_candidate(
    *,
    queues: Sequence[str],
    models_dir: Path | None,
    rules: RuleSet | None = None,
    corpus_root: Path | None = None,
    corrections: Sequence[Example] = (),
    active: TopicModel | None = None,
    version: str | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> TrainingReport:
    """Train on the corpus (and corrections), measure, and save as a new version.

    Every figure is of the whole router: `rules` (the policy) with the model's
    predictions, out-of-fold for cross-validation. `models_dir` None measures without
    saving.
    """
    mails = corpus_mod.load_corpus(corpus_mod.training_folder(corpus_root), queues=queues)
    examples = corpus_examples(mails) + list(corrections)
    batches = corpus_mod.sealed_batches(corpus_root)
    steps = CV_FOLDS + 1 + len(batches)  # each fold, the final fit, each sealed batch

    def step(done: int) -> None:
        if progress is not None:
            progress(done, steps)

    held_out = cross_validate(
        [e.input for e in examples],
        [e.queue for e in examples],
        weights=[e.weight for e in examples],
        folds=CV_FOLDS,
        on_fold=step,
    )
    cv = evaluate("cross-validation", examples, routed_queues(rules, examples, held_out), queues)
    when = now or datetime.now(UTC)
    name = version or (
        model_store.new_version(models_dir, when) if models_dir else when.strftime("m-%Y%m%d")
    )
    meta = {
        "version": name,
        "trained_at": when.isoformat(timespec="seconds"),
        "corpus_sha256": corpus_hash(mails),
        "corpus_examples": len(mails),
        "corrections": len(corrections),
        "queues": list(queues),
        "cross_validation": round(cv.accuracy, 4),
        "model_threshold": rules.model_threshold if rules is not None else None,
    }
    model = fit(examples, meta=meta)
    step(CV_FOLDS + 1)
    sealed: dict[str, dict[str, Evaluation | None]] = {}
    for number, (batch, batch_folder) in enumerate(batches.items(), start=CV_FOLDS + 2):
        batch_examples = corpus_examples(corpus_mod.load_corpus(batch_folder, queues=queues))
        sealed[batch] = {
            "candidate": evaluate(
                batch, batch_examples, route_examples(rules, model, batch_examples), queues
            ),
            "active": evaluate(
                batch, batch_examples, route_examples(rules, active, batch_examples), queues
            )
            if active is not None
            else None,
        }
        step(number)
    model.meta["sealed"] = {
        b: round(pair["candidate"].accuracy, 4) for b, pair in sealed.items() if pair["candidate"]
    }
    saved: Path | None = None
    if models_dir is not None:
        saved = model_store.save(model, models_dir / name).path
    return TrainingReport(name, saved, len(mails), len(corrections), cv, sealed, model.meta)
