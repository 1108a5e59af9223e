"""Rebuild the routing model shipped with the package from corpus/train.

    .venv/bin/python scripts/build_default_model.py

Writes ticketing/default_model/{model.npz,meta.json}: trained on the training corpus
alone (no corrections), with its cross-validation and sealed-batch figures in meta.json.
Run it after changing the training corpus: tests/test_learning.py fails while the
shipped model was trained on another corpus than the one in the repository.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ticketing import corpus, model_store
from ticketing.learning import corpus_hash, train_candidate
from ticketing.rules import DEFAULT_QUEUES, default_rules_path, load_rules
from ticketing.topic_model import FEATURES_VERSION


def main() -> int:
    mails = corpus.load_corpus(corpus.training_folder(), queues=DEFAULT_QUEUES)
    version = f"default-{corpus_hash(mails)[:8]}-f{FEATURES_VERSION}"
    with tempfile.TemporaryDirectory() as tmp:
        rules = load_rules(default_rules_path(), queues=DEFAULT_QUEUES)
        report = train_candidate(
            queues=DEFAULT_QUEUES, models_dir=Path(tmp), rules=rules, version=version
        )
        assert report.folder is not None
        target = model_store.DEFAULT_MODEL_DIR
        for name in (model_store.MODEL_FILE, model_store.META_FILE):
            shutil.copyfile(report.folder / name, target / name)
    cv = report.cross_validation
    print(
        f"{target}: {version} from {report.corpus_examples} mails, "
        f"cross-validation {cv.accuracy:.3f} {_by_language(cv.per_language)}"
    )
    for batch, pair in report.sealed.items():
        found = pair["candidate"]
        if found is not None:
            recall = found.per_queue.get("escalations", {}).get("recall", 0.0)
            print(
                f"  sealed {batch}: {found.accuracy:.2f} {_by_language(found.per_language)}"
                f" escalations recall {recall:.2f}"
            )
    return 0


def _by_language(figures: dict[str, float]) -> str:
    return " ".join(f"{lang} {value:.3f}" for lang, value in figures.items())


if __name__ == "__main__":
    sys.exit(main())
