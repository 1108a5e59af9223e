"""Scenario 8: what routing costs per mail, in batches of 200 as the batch ingest path
routes them: the policy rules with the learned model now, next to the 1,600-line
hand-written rule file it replaced (read from git history, commit ce2addc), in one run.

Parsing is done once beforehand: only routing is timed (best of several passes, so that
another process on the machine does not count against either).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

from bench.env import REPO

BATCH = 200
PASSES = 5
OLD_RULES_COMMIT = "ce2addc"  # the last commit with the hand-written topic rules


def _old_rules(tmp: Path) -> Path | None:
    try:
        text = subprocess.run(
            ["git", "show", f"{OLD_RULES_COMMIT}:config/rules.toml"],
            cwd=str(REPO),
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout: the comparison is skipped, the figure is not
    path = tmp / "rules-ce2addc.toml"
    path.write_bytes(text)
    return path


def _best_per_mail(fn: Any, items: list[Any]) -> float:
    best = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        for i in range(0, len(items), BATCH):
            fn(items[i : i + BATCH])
        best = min(best, time.perf_counter() - start)
    return best / len(items)


def run_routing(tmp: Path, n: int = 1000) -> dict[str, Any]:
    from ticketing import corpus, model_store
    from ticketing.parse import parse_email
    from ticketing.rules import RouteContext, default_rules_path, load_rules
    from ticketing.topic_model import model_input

    mails = corpus.load_corpus(corpus.training_folder())[:n]
    emails = [parse_email(m.raw()) for m in mails]
    ctx = RouteContext(mailbox=None, recipients=(), default_queue="billing", customer_status=None)
    items = [(e, ctx) for e in emails]
    model = model_store.load(model_store.DEFAULT_MODEL_DIR)
    router = load_rules(default_rules_path()).with_model(model_store.FixedModel(model))
    policy_only = load_rules(default_rules_path())
    inputs = [model_input(e) for e in emails]
    result: dict[str, Any] = {
        "mails": len(items),
        "batch": BATCH,
        "model": model.version,
        "router_ms": _best_per_mail(router.route_many, items) * 1000,
        "model_ms": _best_per_mail(lambda b: model.predict(b), inputs) * 1000,
        "model_no_explain_ms": _best_per_mail(lambda b: model.predict(b, explain=False), inputs)
        * 1000,
        "policy_rules_ms": _best_per_mail(lambda b: [policy_only.route(e, c) for e, c in b], items)
        * 1000,
    }
    old = _old_rules(tmp)
    if old is not None:
        hand = load_rules(old)
        result["hand_rules_ms"] = (
            _best_per_mail(lambda b: [hand.route(e, c) for e, c in b], items) * 1000
        )
        result["hand_rules_commit"] = OLD_RULES_COMMIT
    return result
