"""The learned routing model (issue 13): the corpus as data, deterministic training, a
model file that cannot run code and is refused when tampered with, policy rules above a
confident model, triage below the threshold, explanations, and the agent's loop:
`tickets move` -> `routing train` -> `routing activate` changes how similar mail routes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.support import REPO, mail, run_cli, write_config
from ticketing import corpus, model_store
from ticketing.corpus import CorpusError, load_corpus
from ticketing.errors import RulesError
from ticketing.learning import corpus_examples, corpus_hash
from ticketing.parse import parse_email
from ticketing.rules import (
    DEFAULT_QUEUES,
    MODEL_RULE,
    RouteContext,
    default_rules_path,
    load_rules,
    parse_rules,
)
from ticketing.topic_model import ModelInput, model_input, train

CTX = RouteContext(mailbox=None, recipients=(), default_queue="billing", customer_status=None)


@pytest.fixture(scope="module")
def shipped() -> model_store.TopicModel:
    return model_store.load(model_store.DEFAULT_MODEL_DIR)


def _small_corpus(target: Path, per_queue: int = 30) -> Path:
    """A balanced, deterministic slice of the training corpus (fast to train on)."""
    mails = load_corpus(corpus.training_folder(), queues=DEFAULT_QUEUES)
    train_dir = target / "train"
    train_dir.mkdir(parents=True)
    rows = []
    for queue in DEFAULT_QUEUES:
        for language in ("en", "ja"):
            chosen = [m for m in mails if m.queue == queue and m.language == language]
            step = max(1, len(chosen) // (per_queue // 2))
            rows += chosen[::step][: per_queue // 2]
    with (train_dir / "labels.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "queue", "language", "kind", "note", "customer_status"])
        for m in rows:
            shutil.copyfile(m.path, train_dir / m.name)
            writer.writerow([m.name, m.queue, m.language, m.kind, m.note, m.customer_status or ""])
    return target


# -- the corpus ------------------------------------------------------------------------------


def test_corpus_is_balanced_and_sealed_batches_are_never_training_data() -> None:
    mails = load_corpus(corpus.training_folder(), queues=DEFAULT_QUEUES)
    assert len(mails) >= 1800
    per_queue = {q: sum(m.queue == q for m in mails) for q in DEFAULT_QUEUES}
    assert min(per_queue.values()) >= 0.2 * len(mails), per_queue
    per_language = {lang: sum(m.language == lang for m in mails) for lang in ("en", "ja")}
    assert min(per_language.values()) >= 0.35 * len(mails), per_language
    batches = corpus.sealed_batches()
    assert len(batches) >= 4
    trained = {hashlib.sha256(m.raw()).hexdigest() for m in mails}
    for name, folder in batches.items():
        sealed = load_corpus(folder, queues=DEFAULT_QUEUES)
        assert len(sealed) >= 100, name
        overlap = [m.name for m in sealed if hashlib.sha256(m.raw()).hexdigest() in trained]
        assert overlap == [], f"sealed batch {name} mail is also training data: {overlap[:3]}"


def test_manifest_errors_name_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(mail())
    manifest = tmp_path / "labels.csv"
    manifest.write_text("file,queue,language,kind,note\na.eml,refunds,en,plain,x\n")
    with pytest.raises(CorpusError, match=rf"{manifest}:2: queue 'refunds'"):
        load_corpus(tmp_path, queues=DEFAULT_QUEUES)
    manifest.write_text("file,queue,language,kind,note\nb.eml,billing,en,plain,x\n")
    with pytest.raises(CorpusError, match=rf"{manifest}:2: b.eml does not exist"):
        load_corpus(tmp_path, queues=DEFAULT_QUEUES)
    manifest.write_text("file,queue,language,kind,note\n")
    with pytest.raises(CorpusError, match=r"1 \.eml files have no label, e\.g\. a\.eml"):
        load_corpus(tmp_path, queues=DEFAULT_QUEUES)
    manifest.write_text("file,queue,kind,note\n")
    with pytest.raises(CorpusError, match=rf"{manifest}:1: missing columns: language"):
        load_corpus(tmp_path, queues=DEFAULT_QUEUES)


def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository(
    shipped: model_store.TopicModel,
) -> None:
    """Adding labelled mail without rebuilding the model (scripts/build_default_model.py)
    would ship a model that never learned it."""
    mails = load_corpus(corpus.training_folder(), queues=DEFAULT_QUEUES)
    assert shipped.meta["corpus_sha256"] == corpus_hash(mails)
    assert shipped.meta["corpus_examples"] == len(mails)
    # The figures it was built with: rules and model together, out of fold.
    assert shipped.meta["cross_validation"] >= 0.93
    assert set(shipped.meta["sealed"]) >= set(corpus.sealed_batches())


# -- training and the model file --------------------------------------------------------------


def test_training_is_deterministic(tmp_path: Path) -> None:
    small = _small_corpus(tmp_path)
    examples = corpus_examples(load_corpus(small / "train", queues=DEFAULT_QUEUES))
    inputs = [e.input for e in examples]
    labels = [e.queue for e in examples]
    first, again = train(inputs, labels), train(inputs, labels)
    for name in model_store.ARRAYS:
        assert np.array_equal(first.arrays[name], again.arrays[name]), name
    assert [p.to_json() for p in first.predict(inputs)] == [
        p.to_json() for p in again.predict(inputs)
    ]
    # ... and in another process (no hash randomisation, no unseeded state).
    folder = model_store.save(first, tmp_path / "models" / "a").path
    script = (
        "import sys, json; from ticketing import model_store, corpus; "
        "from ticketing.learning import corpus_examples; "
        f"ex = corpus_examples(corpus.load_corpus(__import__('pathlib').Path({str(small / 'train')!r}))); "
        f"m = model_store.load(__import__('pathlib').Path({str(folder)!r})); "
        "print(json.dumps([p.to_json() for p in m.predict([e.input for e in ex])]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, cwd=REPO, text=True
    )
    assert json.loads(out.stdout) == [p.to_json() for p in first.predict(inputs)]


def test_model_file_is_verified_before_it_is_used(
    tmp_path: Path, shipped: model_store.TopicModel
) -> None:
    folder = tmp_path / "m1"
    model_store.save(shipped, folder)
    assert model_store.load(folder).version == shipped.version
    with pytest.raises(model_store.ModelError, match="never overwritten"):
        model_store.save(shipped, folder)
    # A changed byte: refused, with the way out.
    path = folder / model_store.MODEL_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(
        model_store.ModelError, match=r"SHA-256 is not the one recorded.*routing train"
    ):
        model_store.load(folder)
    # A file with a pickled object in it never loads, even with a matching hash.
    evil = tmp_path / "m2"
    evil.mkdir()
    with (evil / model_store.MODEL_FILE).open("wb") as fh:
        np.savez(fh, coef=np.array([object()], dtype=object))
    meta = {
        **shipped.meta,
        "sha256": hashlib.sha256((evil / model_store.MODEL_FILE).read_bytes()).hexdigest(),
    }
    (evil / model_store.META_FILE).write_text(json.dumps(meta))
    with pytest.raises(model_store.ModelError, match="cannot read the model"):
        model_store.load(evil)
    # A model of older features would be misread: refused, with the way out.
    (folder / model_store.META_FILE).write_text(json.dumps({**shipped.meta, "features": 1}))
    with pytest.raises(model_store.ModelError, match=r"features of version 1.*routing train"):
        model_store.load(folder)
    # Another format: a clear message, not a traceback.
    (folder / model_store.META_FILE).write_text(json.dumps({**shipped.meta, "format": 99}))
    with pytest.raises(model_store.ModelError, match="format 99; this release reads format 1"):
        model_store.load(folder)


def test_activation_switches_a_running_router_without_a_restart(
    tmp_path: Path, shipped: model_store.TopicModel
) -> None:
    models = tmp_path / "models"
    active = model_store.ActiveModel(models)
    assert active.get().version == shipped.version  # no ACTIVE: the shipped model
    flipped = model_store.TopicModel(
        {**shipped.arrays, "queues": np.array(list(reversed(shipped.queues)))},
        {**shipped.meta, "version": "m-flipped"},
    )
    model_store.save(flipped, models / "m-flipped")
    with pytest.raises(
        model_store.ModelError, match=r"no model version 'm-nope'.*known: m-flipped"
    ):
        model_store.activate(models, "m-nope")
    model_store.activate(models, "m-flipped")
    assert active.get().version == "m-flipped"
    model_store.activate(models, "default")
    assert active.get().version == shipped.version


# -- routing: policy over the model, triage, explanations -----------------------------------------


def test_a_policy_rule_overrides_a_confident_model(shipped: model_store.TopicModel) -> None:
    email = parse_email(
        mail(
            "Invoice copy",
            "Could you send a PDF copy of invoice INV-2026-0042 for our records? If we do "
            "not have it by Friday we will take legal action.",
        )
    )
    prediction = shipped.predict([model_input(email)])[0]
    assert prediction.queue == "billing" and prediction.confidence >= 0.6, prediction
    rules = load_rules(default_rules_path()).with_model(model_store.FixedModel(shipped))
    decision = rules.route(email, CTX)
    assert (decision.queue, decision.matched_rule) == ("escalations", "legal-threat")
    assert decision.model is not None and decision.model["queue"] == "billing"
    # Without the policy rule the model's queue stands.
    plain = parse_email(
        mail("Invoice copy", "Could you send a PDF copy of invoice INV-2026-0042? Thanks.")
    )
    assert rules.route(plain, CTX).matched_rule == MODEL_RULE


def test_below_the_threshold_the_mailbox_queue_gets_the_mail_for_triage(
    shipped: model_store.TopicModel,
) -> None:
    email = parse_email(mail("Hello", "Please call me back."))
    rules = load_rules(default_rules_path()).with_model(model_store.FixedModel(shipped))
    unsure = rules.__class__(**{**rules.__dict__, "model_threshold": 0.999})
    decision = unsure.route(email, RouteContext(None, (), "disputes", None))
    assert decision.queue == "disputes" and decision.matched_rule is None
    assert "needs-triage" in decision.tags
    assert decision.triage is not None and "below 0.999" in decision.triage
    assert decision.explain().startswith("queue disputes for triage: the model was unsure")
    assert decision.trace[-1].rule == MODEL_RULE and not decision.trace[-1].matched


def test_rules_can_read_the_model(tmp_path: Path, shipped: model_store.TopicModel) -> None:
    rules = parse_rules(
        """
[[rules]]
name = "confident-dispute"
queue = "disputes"
priority = "high"
[rules.when]
model.queue = "disputes"
model.confidence = { at_least = 0.5 }
model.probability.billing = { below = 0.5 }
"""
    ).with_model(model_store.FixedModel(shipped))
    email = parse_email(
        mail("Charged twice", "You charged our card twice for the May invoice. Refund one of them.")
    )
    decision = rules.route(email, CTX)
    assert (decision.matched_rule, decision.priority) == ("confident-dispute", "high")
    held = [c.description for c in decision.trace[0].conditions]
    assert held == [
        'model queue is "disputes"',
        "model confidence >= 0.5",
        "model probability of billing < 0.5",
    ]
    # A follow-up has no prediction: model conditions do not hold.
    followup = rules.route(email, RouteContext(None, (), "billing", None, is_followup=True))
    assert followup.matched_rule is None and followup.model is None


@pytest.mark.parametrize(
    ("when", "error"),
    [
        ('model.queue = "refunds"', "model.queue: unknown queue 'refunds'"),
        ("model.confidence = { at_least = 2 }", "'at_least' needs a probability between 0 and 1"),
        ("model.confidence = 0.5", "needs { at_least = 0.6 }"),
        ("model.probability.refunds = { at_least = 0.3 }", "unknown queue 'refunds'"),
        ("model.certainty = 0.5", "unknown model condition 'certainty'"),
    ],
)
def test_model_conditions_are_validated(when: str, error: str) -> None:
    with pytest.raises(RulesError, match=error):
        parse_rules(f'[[rules]]\nname = "r"\nqueue = "disputes"\n[rules.when]\n{when}\n')


def test_predictions_explain_themselves_with_the_mails_own_words(
    shipped: model_store.TopicModel,
) -> None:
    text = "請求書が二重に発行されています。同じ金額が2回請求されていますので返金してください。"
    prediction = shipped.predict([ModelInput("二重請求", text)])[0]
    assert prediction.queue == "disputes"
    assert abs(sum(prediction.probabilities.values()) - 1) < 1e-4
    assert prediction.top_features
    document = ModelInput("二重請求", text).document()
    for feature, weight in prediction.top_features:
        kind, _, quoted = feature.partition(":")
        assert weight > 0
        if kind == "chars":
            assert eval(quoted) in document  # the n-gram is the mail's own text
    data = prediction.to_json()
    assert set(data) == {"version", "queue", "confidence", "probabilities", "top_features"}


def test_commands_that_do_not_route_do_not_import_scikit_learn(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    run_cli(config, "init")
    for args in (["--help"], ["tickets", "list"], ["tickets", "list", "--json"]):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "ticketing.cli", *args],
            capture_output=True,
            cwd=REPO,
            env={**__import__("os").environ, "TICKETING_CONFIG": str(config)},
            check=True,
        )
        imported = out.stderr.decode()
        assert "sklearn" not in imported and "numpy" not in imported, args


# -- the agent's loop ---------------------------------------------------------------------------


ODD = (
    "Quarterly Fenwick reconciliation code",
    "Hello, we need the Fenwick reconciliation code for Q{n} again, the Fenwick export "
    "step asks for it. Could you send the Fenwick code? Thanks, {who}",
)


def _odd_mail(n: int, who: str) -> bytes:
    subject, body = ODD
    return mail(
        subject,
        body.format(n=n, who=who),
        sender=f"{who.lower()}@fenwick-{n}.example",
        name=who,
        message_id=f"<fenwick-{n}-{who.lower()}@fenwick.example>",
    )


def test_corrections_retrain_activate_and_change_the_queue_of_similar_mail(tmp_path: Path) -> None:
    small = _small_corpus(tmp_path / "corpus")
    config = write_config(tmp_path, service=f'corpus_dir = "{small}"')
    run_cli(config, "init")
    base = json.loads(run_cli(config, "routing", "train", "--json").stdout)
    run_cli(config, "routing", "activate", base["version"])
    # Three customers ask the same odd thing; the model sends it to billing.
    ids = []
    for n, who in enumerate(("Ann", "Ben", "Cho"), 1):
        out = json.loads(run_cli(config, "ingest", "--json", "-", input=_odd_mail(n, who)).stdout)
        ids.append(out[0]["ticket_id"])
    queues = {
        json.loads(run_cli(config, "tickets", "show", str(t), "--json").stdout)["queue"]
        for t in ids
    }
    assert queues != {"escalations"}, "the control failed: already routed to escalations"
    # Agents correct them: only the vendor can issue that code.
    for t in ids:
        show = json.loads(run_cli(config, "tickets", "show", str(t), "--json").stdout)
        if show["queue"] != "escalations":
            run_cli(
                config, "tickets", "move", str(t), "escalations", "--reason", "vendor-only code"
            )
    # Corrections never change the live model by themselves.
    fourth = _odd_mail(4, "Dee")
    probe = json.loads(run_cli(config, "rules", "test", "--json", "-", input=fourth).stdout)[0]
    assert probe["queue"] != "escalations"
    trained = json.loads(run_cli(config, "routing", "train", "--json").stdout)
    assert trained["corrections"] == 3
    assert trained["version"] != base["version"]
    models = json.loads(run_cli(config, "routing", "models", "--json").stdout)
    assert [m["version"] for m in models if m["active"]] == [base["version"]]
    # Replay with the candidate shows what would move, and changes nothing.
    replay = json.loads(
        run_cli(config, "routing", "replay", "--model", trained["version"], "--json").stdout
    )
    assert replay["applied"] is False and replay["model"] == trained["version"]
    run_cli(config, "routing", "activate", trained["version"])
    after = json.loads(run_cli(config, "rules", "test", "--json", "-", input=fourth).stdout)[0]
    assert after["queue"] == "escalations", after["explanation"]
    assert after["model"]["version"] == trained["version"]
    assert any("fenwick" in f["feature"] for f in after["model"]["top_features"])
    stored = json.loads(run_cli(config, "ingest", "--json", "-", input=fourth).stdout)[0]
    ticket = json.loads(
        run_cli(config, "tickets", "show", str(stored["ticket_id"]), "--json").stdout
    )
    assert ticket["queue"] == "escalations"
    assert ticket["routing"]["model"]["version"] == trained["version"]
    shown = run_cli(config, "tickets", "show", str(stored["ticket_id"]), "--trace").stdout.decode()
    assert f"model {trained['version']}: escalations" in shown


def test_routing_commands_report_errors_clearly(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    run_cli(config, "init")
    bad = run_cli(config, "routing", "activate", "m-missing", check=False)
    assert bad.returncode == 1 and b"no model version 'm-missing'" in bad.stderr
    assert b"Traceback" not in bad.stderr
    replay = run_cli(config, "routing", "replay", "--model", "m-missing", check=False)
    assert replay.returncode == 2 and b"known: default" in replay.stderr  # a usage error
