"""The package works outside the checkout (issue 15, item 1): a wheel built from the
repository, installed into a fresh virtualenv, runs `init`, ingests a mail, routes it with
the shipped model and writes the acknowledgement to a Maildir, in an empty directory.

The fresh virtualenv gets ticketing from the wheel alone; its dependencies come from the
test environment's site-packages through a .pth line (no network, no second install of
numpy and friends). The checkout is nowhere on its path."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from ticketing import resources

REPO = Path(__file__).resolve().parents[1]
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "ticketing", *resources.SHIPPED_PATHS)

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; returns its bin/ folder."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    source.mkdir()
    for name in BUILD_INPUTS:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, source / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TICKETING_CONFIG")}
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", "dist", str(source)],
        root,
        env,
    )
    [wheel] = (root / "dist").glob("ticketing-*.whl")
    venv = root / "fresh"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], root, env)
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            root,
            env,
        ).strip()
    )
    # Install the wheel with this environment's pip into the fresh one's site-packages.
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(purelib),
            str(wheel),
        ],
        root,
        env,
    )
    (purelib / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # `pip install --target` writes no console script: a one-line one, as an installer does.
    script = venv / "bin" / "ticketing"
    script.write_text(f"#!{python}\nfrom ticketing.cli import main\nmain()\n")
    script.chmod(0o755)
    return venv / "bin"


def test_setup_ships_what_resources_reads() -> None:
    text = (REPO / "setup.py").read_text(encoding="utf-8")
    shipped = text.split("SHIPPED_PATHS = ", 1)[1].split("\n", 1)[0]
    assert ast.literal_eval(shipped) == resources.SHIPPED_PATHS


def test_the_wheel_runs_init_ingest_and_acknowledges_outside_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TICKETING_CONFIG")}
    env.pop("TICKETING_SECRET", None)
    desk = tmp_path / "desk"
    desk.mkdir()
    where = _run(
        [str(installed / "python"), "-c", "import ticketing; print(ticketing.__file__)"], desk, env
    )
    assert str(REPO) not in where and str(installed.parent) in where
    ticketing = str(installed / "ticketing")
    assert "database ready" in _run([ticketing, "init"], desk, env)
    (desk / "m.eml").write_bytes(
        b"From: Ann Lee <ann@cust.example>\r\nTo: billing@example.com\r\n"
        b"Subject: Charged twice for Microsoft 365\r\nMessage-ID: <wheel-1@cust.example>\r\n"
        b"\r\nHello, my card was charged twice for the same invoice this month. "
        b"Please refund the duplicate.\r\n"
    )
    assert "new ticket 1" in _run([ticketing, "ingest", "m.eml"], desk, env)
    [shown] = [json.loads(_run([ticketing, "tickets", "show", "1", "--json"], desk, env))]
    assert shown["routing"]["model"]["version"].startswith("default-")
    assert "sent 1" in _run([ticketing, "outbox", "send"], desk, env)
    [ack] = list((desk / "var" / "outbox-maildir" / "new").iterdir())
    assert b"ann@cust.example" in ack.read_bytes()
    models = _run([ticketing, "routing", "models"], desk, env)
    assert "default" in models
