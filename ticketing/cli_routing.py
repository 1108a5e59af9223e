"""`ticketing routing ...`: train, list, activate and replay the learned routing model.

Thin: each command parses its arguments, calls ticketing/learning.py, model_store.py or
routing_ops.py, and prints. The workflow is train (a candidate, measured), look
(`routing models`), replay (what would move), then activate; corrections agents make
with `tickets move` feed the next `routing train`, never the live model by themselves.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from ticketing.cli import App, _load_rules, emit_json, fail, pass_app, print_replay, table
from ticketing.corpus import batch_order
from ticketing.progress import progress_bar


@click.group()
def routing() -> None:
    """The learned routing model: train, list, activate, replay."""


def _models_dir(app: App) -> Path:
    s = app.settings
    return s.path(s.service.models_dir)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _confusion_lines(confusion: dict[str, dict[str, int]], queues: list[str]) -> list[str]:
    width = max(len(q) for q in queues) + 2
    lines = [" " * (width + 2) + "".join(f"{q:>{width}}" for q in queues)]
    for expected in queues:
        row = confusion.get(expected, {})
        lines.append(
            f"  {expected:<{width}}" + "".join(f"{row.get(q, 0):>{width}}" for q in queues)
        )
    return lines


@routing.command("train")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def routing_train(app: App, as_json: bool) -> None:
    """Train a candidate on the corpus and agents' corrections; print cross-validation,
    confusion matrices and every sealed batch next to the active model. The candidate is
    saved as a new version but not activated."""
    from ticketing import learning, model_store

    s = app.settings
    models_dir = _models_dir(app)
    corrections = learning.correction_examples(app.engine, s)
    active = model_store.ActiveModel(models_dir).get()
    with progress_bar("training", as_json=as_json) as advance:
        report = learning.train_candidate(
            queues=s.service.queues,
            models_dir=models_dir,
            rules=_load_rules(app, None, model=False),
            corpus_root=s.corpus_path,
            corrections=corrections,
            active=active,
            progress=advance,
        )
    if as_json:
        emit_json({**report.to_json(), "active": active.version})
        return
    queues = list(s.service.queues)
    cv = report.cross_validation
    click.echo(
        f"trained {report.version} on {report.corpus_examples} corpus mails and "
        f"{report.corrections} corrections"
    )
    click.echo(f"{learning.CV_FOLDS}-fold cross-validation: {_pct(cv.accuracy)}")
    click.echo(f"  {'queue':<13}{'recall':>8}{'precision':>11}{'mails':>7}")
    for q in queues:
        row = cv.per_queue[q]
        click.echo(
            f"  {q:<13}{_pct(row['recall']):>8}{_pct(row['precision']):>11}{int(row['count']):>7}"
        )
    click.echo("confusion (rows: right queue, columns: predicted):")
    for line in _confusion_lines(cv.confusion, queues):
        click.echo(line)
    for language, share in cv.per_language.items():
        click.echo(f"language {language}: {_pct(share)}")
        for line in _confusion_lines(cv.confusion_by_language[language], queues):
            click.echo(line)
    if report.sealed:
        click.echo(f"sealed batches: candidate vs active ({active.version})")
        for batch, pair in report.sealed.items():
            cand, act = pair["candidate"], pair["active"]
            detail = ""
            if cand is not None:
                languages = ", ".join(f"{k} {_pct(v)}" for k, v in cand.per_language.items())
                escalations = cand.per_queue.get("escalations", {}).get("recall")
                detail = f"{cand.count} mails; {languages}; escalations recall {_pct(escalations)}"
            click.echo(
                f"  {batch:<10} {_pct(cand.accuracy if cand else None):>7}   "
                f"{_pct(act.accuracy if act else None):>7}   ({detail})"
            )
    click.echo(
        f"saved to {report.folder}; not active until `ticketing routing activate {report.version}`"
    )


def _model_rows(app: App) -> list[dict[str, Any]]:
    from ticketing import model_store

    models_dir = _models_dir(app)
    active = model_store.active_version(models_dir)
    stored = [
        model_store.StoredModel(
            "default",
            model_store.DEFAULT_MODEL_DIR,
            model_store.read_meta(model_store.DEFAULT_MODEL_DIR),
        ),
        *model_store.versions(models_dir),
    ]
    have = model_store.library_versions()
    rows = []
    for m in stored:
        meta = m.meta
        trained_with = meta.get("libraries", {}).get("scikit-learn")
        rows.append(
            {
                "version": m.version,
                "model": meta.get("version", m.version),
                "active": (active is None and m.version == "default") or active == m.version,
                "trained_at": meta.get("trained_at"),
                "corpus_examples": meta.get("corpus_examples"),
                "corrections": meta.get("corrections"),
                "corpus_sha256": meta.get("corpus_sha256"),
                "cross_validation": meta.get("cross_validation"),
                "sealed": meta.get("sealed", {}),
                "libraries": meta.get("libraries", {}),
                "note": (
                    f"trained with scikit-learn {trained_with}, this install has "
                    f"{have['scikit-learn']} (the file holds only numbers: it predicts the same)"
                    if trained_with and trained_with != have["scikit-learn"]
                    else ""
                ),
                "path": str(m.path),
            }
        )
    return rows


@routing.command("models")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def routing_models(app: App, as_json: bool) -> None:
    """Every model version with its figures; the active one is marked."""
    rows = _model_rows(app)
    if as_json:
        emit_json(rows)
        return
    shown = [
        r
        | {
            "mark": "*" if r["active"] else "",
            "cv": _pct(r["cross_validation"]),
            "sealed_text": " ".join(
                f"{b} {_pct(v)}"
                for b, v in sorted(r["sealed"].items(), key=lambda kv: batch_order(kv[0]))
            )
            or "-",
            "data": f"{r['corpus_examples']}+{r['corrections']}",
        }
        for r in rows
    ]
    table(
        shown,
        [
            ("mark", ""),
            ("version", "VERSION"),
            ("trained_at", "TRAINED"),
            ("data", "MAILS+FIXES"),
            ("cv", "CV"),
            ("sealed_text", "SEALED"),
        ],
    )
    for r in rows:
        if r["note"]:
            click.echo(f"{r['version']}: {r['note']}", err=True)


@routing.command("activate")
@click.argument("version")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def routing_activate(app: App, version: str, as_json: bool) -> None:
    """Route with VERSION from now on (`default`: the model shipped with the package).
    Running services switch at their next batch, without a restart."""
    from ticketing import model_store

    stored = model_store.activate(_models_dir(app), version)
    if as_json:
        emit_json({"active": stored.version, "path": str(stored.path)})
        return
    click.echo(f"active routing model: {stored.version} ({stored.path})")


@routing.command("replay")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
    help="Only tickets opened since then (UTC).",
)
@click.option("--model", "version", help="The model version to try (default: the active one).")
@click.option("--limit", type=click.IntRange(1), help="Only the N newest tickets.")
@click.option(
    "--apply", is_flag=True, help="Move the tickets (recorded); without it nothing changes."
)
@click.option("--actor", default="routing-replay", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def routing_replay(
    app: App,
    since: datetime | None,
    version: str | None,
    limit: int | None,
    apply: bool,
    actor: str,
    as_json: bool,
) -> None:
    """Re-route stored tickets with a model (and the current rules); list what would move."""
    from sqlmodel import Session

    from ticketing import model_store
    from ticketing.routing_ops import move_ticket, replay

    s = app.settings
    models_dir = _models_dir(app)
    if version is None:
        source: Any = model_store.ActiveModel(models_dir)
    else:
        folder = model_store.DEFAULT_MODEL_DIR if version == "default" else models_dir / version
        if not (folder / model_store.META_FILE).is_file():
            known = ", ".join(["default", *(m.version for m in model_store.versions(models_dir))])
            fail(f"no model version {version!r} (known: {known})")
        source = model_store.FixedModel(model_store.load(folder))
    rules = _load_rules(app, None, model=False).with_model(source)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    model_version = source.get().version
    with Session(app.engine) as session:
        report = replay(session, s, rules, since=since, limit=limit)
        report["model"] = model_version
        report["applied"] = False
        if apply:
            for t in report["tickets"]:
                if t["current_queue"] == t["to"]:
                    continue
                move_ticket(
                    session,
                    s,
                    t["id"],
                    t["to"],
                    reason=f"routing replay with model {model_version}: {t['explanation']}",
                    actor=actor,
                    manual=False,
                )
            session.commit()
            report["applied"] = True
        else:
            session.rollback()
    if as_json:
        emit_json(report)
        return
    verb = "moved" if apply else "would move"
    click.echo(
        f"replayed {report['examined']} tickets with model {model_version}: "
        f"{report['unchanged']} unchanged, {report['would_move']} {verb}"
    )
    print_replay(report)
    if not apply and report["tickets"]:
        click.echo("nothing changed: add --apply to move them")
