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
    sealed = {
        b: round(p["candidate"].accuracy, 3) for b, p in report.sealed.items() if p["candidate"]
    }
    print(
        f"{target}: {version} from {report.corpus_examples} mails, "
        f"cross-validation {report.cross_validation.accuracy:.3f}, sealed {sealed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
