"""Scenario 6: peak resident memory while ingesting one email with a 30 MB attachment,
above the idle (warmed-up) process: through IMAP (`poll_once`, the real path) and
through `Pipeline.ingest` alone. The peak is the kernel's VmHWM, reset after warm-up
through /proc/self/clear_refs."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

from bench.env import OUT, PYTHON, REPO, run_worker, worker_env, write_config
from bench.imapload import index_mailbox, write_maildir
from bench.mailgen import big_attachment_mail, generate
from tests.servers import Dovecot

FACTOR = 4.0


def run_memory(dovecot: Dovecot, attachment_bytes: int = 30_000_000) -> dict[str, Any]:
    big = big_attachment_mail(attachment_bytes)
    small = next(iter(generate(1, seed=5)))
    size = big.size
    account = dovecot.new_account("memory")
    write_maildir(account, [small.raw])
    index_mailbox(account)
    directory = OUT / "memory"
    shutil.rmtree(directory, ignore_errors=True)
    config = write_config(directory, account=account)
    out = directory / "result.json"
    proc = subprocess.Popen(
        [PYTHON, "-m", "bench.worker", "memory", "--config", str(config), "--out", str(out)],
        cwd=str(REPO),
        env=worker_env(account),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    ready = json.loads(proc.stdout.readline() or b"{}")
    if not ready.get("ready"):
        proc.kill()
        _, err = proc.communicate()
        raise RuntimeError(
            f"memory worker failed to warm up: {err.decode(errors='replace')[-3000:]}"
        )
    write_maildir(account, [big.raw])
    proc.stdin.write(b"go\n")
    proc.stdin.flush()
    _, err = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"memory worker failed: {err.decode(errors='replace')[-3000:]}")
    imap = json.loads(out.read_text())

    mail_file, warm_file = directory / "big.eml", directory / "small.eml"
    mail_file.write_bytes(big.raw)
    warm_file.write_bytes(small.raw)
    config2 = write_config(directory / "direct")
    direct = run_worker(
        "memory-direct",
        "--config",
        str(config2),
        "--mail",
        str(mail_file),
        "--warmup",
        str(warm_file),
    )
    shutil.rmtree(directory, ignore_errors=True)

    def verdict(r: dict[str, Any]) -> dict[str, Any]:
        above = (r["peak_rss_kb"] - r["idle_rss_kb"]) * 1024
        return {
            **r,
            "above_idle_bytes": above,
            "ratio": above / size,
            "met": above < FACTOR * size,
        }

    imap_v, direct_v = verdict(imap), verdict(direct)
    return {
        "message_bytes": size,
        "attachment_bytes": attachment_bytes,
        "imap": imap_v,
        "pipeline_only": direct_v,
        "target": f"peak RSS above idle < {FACTOR:.0f} x message size ({FACTOR * size / 1e6:.0f} MB)",
        "met": imap_v["met"] and imap.get("outcomes") == {"ticket": 1},
    }
