"""Trained routing models on disk: versions, the active one, and loading them safely.

    <models_dir>/<version>/model.npz     the model: numpy arrays of numbers and strings
    <models_dir>/<version>/meta.json     version, corpus hash, library versions, figures
    <models_dir>/ACTIVE                  the active version's name, replaced atomically

Without an ACTIVE file the model shipped with the package (`ticketing/default_model/`)
is used. The model file is numpy's own format read with `allow_pickle=False`, so loading
it cannot run code; it is loaded only when its SHA-256 is the one recorded in meta.json
when it was trained, and only when it has exactly the arrays a model is made of. It
holds no scikit-learn object: a model trained with one scikit-learn release predicts the
same under any other (the releases it was trained with are recorded for the audit).
Running services notice a new ACTIVE file by its mtime and switch at their next batch.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ticketing.atomic import write_atomically
from ticketing.errors import TicketingError
from ticketing.topic_model import FEATURES_VERSION, TopicModel

MODEL_FILE = "model.npz"
META_FILE = "meta.json"
ACTIVE_FILE = "ACTIVE"
FORMAT = 1
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default_model"

# Exactly the arrays a model file holds (see topic_model.TopicModel).
ARRAYS = ("coef", "feature_ids", "idf", "intercept", "queues")


class ModelError(TicketingError):
    """A routing model is missing, damaged, untrusted or from another library release."""


@dataclass(frozen=True)
class StoredModel:
    version: str
    path: Path  # the version's folder
    meta: dict[str, Any]


def library_versions() -> dict[str, str]:
    """The releases a model is trained with (recorded in its meta.json)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("scikit-learn", "numpy", "scipy"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save(model: TopicModel, folder: Path) -> StoredModel:
    """Write `model` into `folder` (created; it must not hold a model yet)."""
    import numpy as np

    if (folder / MODEL_FILE).exists():
        raise ModelError(f"{folder} already holds a model: versions are never overwritten")
    folder.mkdir(parents=True, exist_ok=True)
    model_path = folder / MODEL_FILE
    with model_path.open("wb") as fh:
        arrays: dict[str, Any] = {name: model.arrays[name] for name in ARRAYS}
        np.savez_compressed(fh, allow_pickle=False, **arrays)
    meta = {
        **model.meta,
        "format": FORMAT,
        "libraries": library_versions(),
        "sha256": _sha256(model_path),
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    write_atomically(folder / META_FILE, json.dumps(meta, indent=2, sort_keys=True).encode())
    return StoredModel(str(meta.get("version", folder.name)), folder, meta)


def read_meta(folder: Path) -> dict[str, Any]:
    path = folder / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"{folder}: no {META_FILE}: not a routing model folder") from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read the model's metadata: {exc}") from exc
    if not isinstance(meta, dict):
        raise ModelError(f"{path}: the model's metadata is not a JSON object")
    return meta


def load(folder: Path) -> TopicModel:
    """The model in `folder`, verified: its recorded hash, its format and its arrays."""
    import numpy as np

    meta = read_meta(folder)
    path = folder / MODEL_FILE
    if not path.is_file():
        raise ModelError(
            f"{folder}: {MODEL_FILE} is missing (retrain with `ticketing routing train`)"
        )
    if meta.get("format") != FORMAT:
        raise ModelError(
            f"{folder}: model format {meta.get('format')!r}; this release reads format {FORMAT}: "
            "retrain with `ticketing routing train`"
        )
    if meta.get("features") != FEATURES_VERSION:
        raise ModelError(
            f"model {meta.get('version', folder.name)} reads features of version "
            f"{meta.get('features')!r}; this release computes version {FEATURES_VERSION}: "
            "retrain it with `ticketing routing train`"
        )
    if _sha256(path) != meta.get("sha256"):
        raise ModelError(
            f"{path}: the file's SHA-256 is not the one recorded when it was trained: "
            "refusing to load it (retrain with `ticketing routing train`)"
        )
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"{path}: cannot read the model: {exc}") from exc
    if sorted(arrays) != sorted(ARRAYS):
        raise ModelError(f"{path}: holds {sorted(arrays)}, a model holds {list(ARRAYS)}")
    try:
        return TopicModel(arrays, meta)
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise ModelError(f"{path}: the model's arrays do not fit together: {exc}") from exc


# -- the models folder ----------------------------------------------------------------------


def versions(models_dir: Path) -> list[StoredModel]:
    """Every trained version in `models_dir`, oldest first."""
    if not models_dir.is_dir():
        return []
    found = []
    for folder in sorted(models_dir.iterdir()):
        if folder.is_dir() and (folder / META_FILE).is_file():
            meta = read_meta(folder)
            found.append(StoredModel(str(meta.get("version", folder.name)), folder, meta))
    found.sort(key=lambda m: (str(m.meta.get("saved_at", "")), m.version))
    return found


def active_version(models_dir: Path) -> str | None:
    try:
        text = (models_dir / ACTIVE_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return text or None


def active_folder(models_dir: Path) -> Path:
    """The folder of the active model: the ACTIVE version, else the shipped default."""
    version = active_version(models_dir)
    if version is None:
        return DEFAULT_MODEL_DIR
    folder = models_dir / version
    if not (folder / META_FILE).is_file():
        raise ModelError(
            f"{models_dir / ACTIVE_FILE} names version {version!r}, which is not in {models_dir}"
        )
    return folder


def activate(models_dir: Path, version: str) -> StoredModel:
    """Make `version` the active model (after loading it once, so a bad one is refused);
    `default` goes back to the model shipped with the package."""
    if version == "default":
        load(DEFAULT_MODEL_DIR)
        (models_dir / ACTIVE_FILE).unlink(missing_ok=True)
        return StoredModel("default", DEFAULT_MODEL_DIR, read_meta(DEFAULT_MODEL_DIR))
    folder = models_dir / version
    if not (folder / META_FILE).is_file():
        known = ", ".join(m.version for m in versions(models_dir)) or "none"
        raise ModelError(f"no model version {version!r} in {models_dir} (known: {known})")
    load(folder)
    write_atomically(models_dir / ACTIVE_FILE, f"{version}\n".encode())
    return StoredModel(version, folder, read_meta(folder))


def new_version(models_dir: Path, now: datetime | None = None) -> str:
    """A fresh, sortable version name: m-YYYYMMDD-HHMMSS (a suffix if taken)."""
    stamp = (now or datetime.now(UTC)).strftime("m-%Y%m%d-%H%M%S")
    version, n = stamp, 1
    while (models_dir / version).exists():
        n += 1
        version = f"{stamp}-{n}"
    return version


class FixedModel:
    """One given model, for trying a candidate (`routing replay --model`)."""

    def __init__(self, model: TopicModel) -> None:
        self.model = model

    def get(self) -> TopicModel:
        return self.model


class ActiveModel:
    """The active model of a models folder, reloaded when ACTIVE changes (one stat a call)."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self._stamp: tuple[int, int] | None = None
        self._model: TopicModel | None = None

    def _state(self) -> tuple[int, int]:
        try:
            st = (self.models_dir / ACTIVE_FILE).stat()
        except FileNotFoundError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_ino)

    def get(self) -> TopicModel:
        stamp = self._state()
        if self._model is None or stamp != self._stamp:
            self._model = load(active_folder(self.models_dir))
            self._model.prepare()
            self._stamp = stamp
        return self._model
