"""A fast bulk loader: N tickets (10,000 or 1,000,000) with their customer, participant,
one inbound message and one audit event each, straight into a migrated SQLite database.

The schema (tables, indexes, triggers, full-text tables) comes from `ticketing init`, so
whatever indexes the application defines are the ones measured. Rows go in through the
stdlib sqlite3 `executemany` in large batches inside one transaction, with the secondary
indexes dropped during the load and rebuilt at the end from their own `CREATE INDEX`
statements (building an index once over sorted data is much faster than maintaining it
row by row). Triggers stay in place, so derived data such as a full-text index is kept
exactly as the application would keep it.

The data is deterministic and shaped like a few years of a billing desk: most tickets
closed, a few percent open; four queues; English and Japanese subjects and bodies; one
rare word in exactly `RARE_COUNT` tickets (for `tickets search`).
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.mailgen import EN_PARAGRAPHS, EN_SUBJECTS, JA_PARAGRAPHS, JA_SUBJECTS, fill

RARE_WORD = "quetzalcoatlite"
RARE_COUNT = 5
QUEUES = [("billing", 0.55), ("disputes", 0.15), ("collections", 0.18), ("escalations", 0.12)]
STATUSES = [
    ("closed", 0.80),
    ("resolved", 0.08),
    ("open", 0.05),
    ("pending", 0.03),
    ("new", 0.02),
    ("escalated", 0.02),
]
START = datetime(2023, 1, 1, tzinfo=UTC)
SPAN_SECONDS = 3 * 365 * 86400
BATCH = 20_000
TABLES = ("customers", "tickets", "participants", "messages", "events")


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    roll = rng.random()
    for value, weight in weighted:
        if roll < weight:
            return value
        roll -= weight
    return weighted[0][0]


def _ts(value: datetime) -> str:
    # SQLAlchemy's SQLite DateTime storage format (naive UTC text).
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def rare_ids(n: int) -> list[int]:
    """Ticket ids that carry the rare word: spread over the whole range."""
    return [max(1, (i + 1) * n // (RARE_COUNT + 1)) for i in range(RARE_COUNT)]


Row = tuple[Any, ...]


def _rows(n: int, seed: int) -> Iterator[tuple[Row | None, Row, Row, Row, Row]]:
    """Per ticket: (customer or None, ticket, participant, message, event)."""
    rng = random.Random(seed)
    customers = max(1, n // 4)
    rare = set(rare_ids(n))
    # A few subject/body variants, pre-filled: the loader is bound by SQLite, not by str.
    variants: list[tuple[str, str, str]] = []
    for i in range(200):
        vr = random.Random(i)
        if i % 2:
            subject = fill(vr.choice(JA_SUBJECTS), vr, i)
            body = fill(vr.choice(JA_PARAGRAPHS), vr, i)
            variants.append(("ja", subject, body))
        else:
            subject = fill(vr.choice(EN_SUBJECTS), vr, i)
            body = fill(vr.choice(EN_PARAGRAPHS), vr, i)
            variants.append(("en", subject, body))
    empty_list, empty_dict = "[]", "{}"
    for ticket_id in range(1, n + 1):
        created = START + timedelta(seconds=SPAN_SECONDS * ticket_id // (n + 1))
        updated = created + timedelta(seconds=rng.randint(60, 20 * 86400))
        cust_id = (ticket_id - 1) % customers + 1
        email = f"customer{cust_id}@c{cust_id % 997}.example.com"
        language, subject, body = variants[rng.randrange(len(variants))]
        if ticket_id in rare:
            subject = f"{subject} ({RARE_WORD})"
            body = f"{body}\n\nThe meter reading mentions {RARE_WORD} again."
        queue, status = _pick(rng, QUEUES), _pick(rng, STATUSES)
        customer = (
            (cust_id, email, f"Customer {cust_id}", None, "active", _ts(created), _ts(created))
            if ticket_id <= customers
            else None
        )
        routing = json.dumps({"queue": queue, "matched_rule": None, "trace": []})
        ticket = (
            ticket_id,
            queue,
            status,
            "normal",
            subject,
            email,
            cust_id,
            None,
            language,
            empty_list,
            empty_dict,
            routing,
            1,
            _ts(created),
            _ts(updated),
            None,
            _ts(updated) if status in ("resolved", "closed") else None,
            _ts(updated) if status == "closed" else None,
        )
        participant = (ticket_id, ticket_id, email, "requester", _ts(created))
        message = (
            ticket_id,
            ticket_id,
            None,
            None,
            "in",
            f"bulk-{ticket_id}@c.example.com",
            "",
            "",
            email,
            "billing@example.com",
            "",
            subject,
            body,
            body,
            None,
            language,
            "human",
            empty_list,
            _ts(created),
        )
        event = (
            ticket_id,
            ticket_id,
            None,
            "ticket.created",
            "system",
            json.dumps({"queue": queue, "source": "bulk"}),
            _ts(created),
        )
        yield customer, ticket, participant, message, event


_INSERTS = {
    "customers": "INSERT INTO customers (id, email, name, language, account_status, created_at,"
    " updated_at) VALUES (?,?,?,?,?,?,?)",
    "tickets": "INSERT INTO tickets (id, queue, status, priority, subject, requester, customer_id,"
    " assignee, language, tags, fields, routing, message_count, created_at, updated_at,"
    " first_response_at, resolved_at, closed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "participants": "INSERT INTO participants (id, ticket_id, email, role, created_at)"
    " VALUES (?,?,?,?,?)",
    "messages": "INSERT INTO messages (id, ticket_id, raw_id, outbox_id, direction, message_id,"
    ' in_reply_to, "references", from_addr, to_addrs, cc_addrs, subject, text, new_text, html,'
    " language, kind, decodings, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, ticket_id, raw_id, kind, actor, detail, created_at)"
    " VALUES (?,?,?,?,?,?,?)",
}


def load(db_path: Path, n: int, seed: int = 1) -> dict[str, Any]:
    """Fill a freshly migrated database with `n` tickets; returns timings."""
    start = time.perf_counter()
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-400000")
        conn.execute("PRAGMA temp_store=MEMORY")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({','.join('?' * len(TABLES))})",
            TABLES,
        ).fetchall()
        # Full-text tables kept in sync by triggers (external content): drop the insert
        # triggers for the load and rebuild the index once from the content table.
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%AFTER INSERT%'"
            f" AND tbl_name IN ({','.join('?' * len(TABLES))})",
            TABLES,
        ).fetchall()
        fts = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
                " AND sql LIKE '%content=%'"
            ).fetchall()
        ]
        conn.execute("BEGIN")
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}

        def flush() -> None:
            for table in TABLES:
                if buffers[table]:
                    conn.executemany(_INSERTS[table], buffers[table])
                    buffers[table].clear()

        for customer, *rest in _rows(n, seed):
            if customer is not None:
                buffers["customers"].append(customer)
            for table, row in zip(TABLES[1:], rest, strict=True):
                buffers[table].append(row)
            if len(buffers["tickets"]) >= BATCH:
                flush()
        flush()
        inserted = time.perf_counter() - start
        for _, sql in indexes:
            conn.execute(sql)
        indexed = time.perf_counter() - start - inserted
        for name in fts:
            conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        fts_s = time.perf_counter() - start - inserted - indexed
    finally:
        conn.close()
    return {
        "tickets": n,
        "insert_s": inserted,
        "index_s": indexed,
        "fts_rebuild_s": fts_s,
        "fts_tables": fts,
        "triggers_restored": [name for name, _ in triggers],
        "total_s": time.perf_counter() - start,
        "bytes": db_path.stat().st_size,
        "indexes_rebuilt": [name for name, _ in indexes],
    }
