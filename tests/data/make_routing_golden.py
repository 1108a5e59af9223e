"""Record what the default rules decide for every mail of the routing corpus
(tests/data/routing) and of the ingest fixtures (tests/data/mail), with the full trace,
in tests/data/routing/golden.json; tests/test_rules.py checks routing still decides
exactly that. An optimisation must leave it unchanged; a deliberate change of
config/rules.toml or of matching regenerates it (run this script) and the diff shows
which mails moved. Each mail is routed with its label's customer_status, then as a
follow-up and as a delinquent customer's; the trace is stored as a SHA-256 of its JSON
(the file stays small and any change of an explanation still shows).

    .venv/bin/python tests/data/make_routing_golden.py
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent
GOLDEN = DATA / "routing" / "golden.json"
OUR_DOMAIN = "cloudpartner.example"
VARIANTS: tuple[tuple[str | None, bool], ...] = ((None, True), ("delinquent", False))


def decisions() -> dict[str, dict[str, Any]]:
    sys.path.insert(0, str(DATA.parents[1]))
    from ticketing.parse import parse_email
    from ticketing.rules import RouteContext, default_rules_path, load_rules

    rules = load_rules(default_rules_path())
    labels = tomllib.loads((DATA / "routing" / "labels.toml").read_text(encoding="utf-8"))
    files = sorted((DATA / "routing").glob("*.eml")) + sorted((DATA / "mail").glob("*.eml"))
    out: dict[str, dict[str, Any]] = {}
    for path in files:
        email = parse_email(path.read_bytes(), our_domains=(OUR_DOMAIN,))
        status = labels.get(path.name, {}).get("customer_status")
        for customer_status, followup in ((status, False), *VARIANTS):
            ctx = RouteContext(
                "support", (f"billing@{OUR_DOMAIN}",), "billing", customer_status, followup
            )
            decision = rules.route(email, ctx).to_json()
            trace = json.dumps(decision.pop("trace"), ensure_ascii=False, sort_keys=True)
            decision["trace_sha256"] = hashlib.sha256(trace.encode()).hexdigest()
            key = f"{path.parent.name}/{path.name} status={customer_status} followup={followup}"
            out[key] = decision
    return out


def render(data: dict[str, dict[str, Any]]) -> str:
    lines = [
        json.dumps(k) + ": " + json.dumps(v, ensure_ascii=False, sort_keys=True)
        for k, v in data.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    data = decisions()
    GOLDEN.write_text(render(data), encoding="utf-8")
    print(f"wrote {len(data)} decisions to {GOLDEN}")


if __name__ == "__main__":
    main()
