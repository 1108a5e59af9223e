"""Scenario 9: the world fixture set (tests/data/world, issue 14), every field of every mail
read by ticketing's parser and by Python's `email` package (policy default), counted per
field, per charset family and per language. Correctness only, no timing."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tests.world_fixtures import FIELDS, FieldResult, load_manifest, results

REQUIRED_RATE = 0.98


def _tally(rows: list[FieldResult]) -> dict[str, int]:
    return {
        "fields": len(rows),
        "ticketing": sum(r.ticketing_ok for r in rows),
        "stdlib": sum(r.stdlib_ok for r in rows),
    }


def _grouped(rows: list[FieldResult], key: Any) -> dict[str, dict[str, int]]:
    groups: dict[str, list[FieldResult]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return {name: _tally(group) for name, group in sorted(groups.items())}


def run_world() -> dict[str, Any]:
    rows = list(results())
    entries = load_manifest()
    total = _tally(rows)
    per_field = _grouped(rows, lambda r: r.field)
    never_worse = all(v["ticketing"] >= v["stdlib"] for v in per_field.values())
    rate = total["ticketing"] / total["fields"]
    return {
        "mails": len(entries),
        "languages": len({e["language"] for e in entries}),
        "charsets": len({e["charset"].lower() for e in entries}),
        "fields": list(FIELDS),
        "total": total,
        "per_field": per_field,
        "per_family": _grouped(rows, lambda r: r.family),
        "per_language": _grouped(rows, lambda r: r.language),
        "failing": [
            {
                "file": r.file,
                "field": r.field,
                "expected": str(r.expected),
                "got": str(r.ticketing),
                "pending": r.pending,
                "note": r.note,
            }
            for r in rows
            if not r.ticketing_ok
        ],
        "pending_passing": [f"{r.file} {r.field}" for r in rows if r.pending and r.ticketing_ok],
        "met": rate >= REQUIRED_RATE and never_worse,
        "never_worse": never_worse,
        "rate": rate,
        "stdlib_rate": total["stdlib"] / total["fields"],
    }
