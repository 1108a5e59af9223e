"""Datasets: generated mail loaded into a Dovecot account, with the manifest the
correctness check reads (Message-ID, expected subject, reply or not)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.env import OUT
from bench.imapload import append_all, index_mailbox, write_maildir
from bench.mailgen import GeneratedMail, generate, summarize
from tests.servers import Dovecot, ImapAccount


@dataclass
class Dataset:
    name: str
    account: ImapAccount
    manifest: Path
    summary: dict[str, Any]
    load: dict[str, float]


def manifest_of(mails: list[GeneratedMail]) -> list[dict[str, Any]]:
    return [
        {"message_id": m.message_id, "subject": m.expected_subject, "reply": m.reply_to is not None}
        for m in mails
    ]


def load_dataset(dovecot: Dovecot, name: str, n: int, seed: int = 7) -> Dataset:
    """Generate `n` mails, write them into a fresh account's Maildir, let Dovecot index
    them and read them once (as after a real delivery, the files are then cached)."""
    start = time.perf_counter()
    mails = list(generate(n, seed=seed))
    generated = time.perf_counter() - start
    account = dovecot.new_account(name)
    start = time.perf_counter()
    write_maildir(account, (m.raw for m in mails))
    written = time.perf_counter() - start
    exists, indexed = index_mailbox(account)
    if exists != n:
        raise RuntimeError(f"Dovecot shows {exists} messages in {name}, expected {n}")
    start = time.perf_counter()
    with account.client() as client:
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
        for i in range(0, len(uids), 500):
            client.fetch(uids[i : i + 500], ["BODY.PEEK[]"])
    warmed = time.perf_counter() - start
    manifest = OUT / f"manifest-{name}.json"
    manifest.write_text(json.dumps(manifest_of(mails), ensure_ascii=False))
    return Dataset(
        name,
        account,
        manifest,
        summarize(mails),
        {
            "generate_s": generated,
            "maildir_write_s": written,
            "dovecot_index_s": indexed,
            "first_fetch_s": warmed,
        },
    )


def append_rate(dovecot: Dovecot, n: int = 300) -> dict[str, float]:
    """For comparison with the Maildir loader: APPEND over one IMAP connection."""
    mails = [m.raw for m in generate(n, seed=99)]
    account = dovecot.new_account("append")
    start = time.perf_counter()
    append_all(account, mails)
    seconds = time.perf_counter() - start
    return {"messages": n, "seconds": seconds, "rate": n / seconds}
