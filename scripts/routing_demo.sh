#!/usr/bin/env bash
# Re-run the routing workflow shown in README.md on a fresh desk in a temporary folder,
# with the shipped corpus and model: prints each command and its real output (paths
# inside the temporary desk are shown relative to it).
#   bash scripts/routing_demo.sh > /tmp/routing-demo.txt
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$repo/.venv/bin/ticketing"
desk="$(mktemp -d)"
trap 'rm -rf "$desk"' EXIT
sed -e "s#^rules_file = .*#rules_file = \"$repo/config/rules.toml\"#" \
    -e "s#^templates_dir = .*#templates_dir = \"$repo/templates\"#" \
    "$repo/config/ticketing.toml" > "$desk/ticketing.toml"
cp "$repo/docs/examples/twice.eml" "$repo/docs/examples/mca.eml" "$desk/"
cd "$desk"
t() { echo "\$ ticketing $*"; COLUMNS=200 "$bin" --config "$desk/ticketing.toml" "$@" | sed "s#$desk/##g"; }
"$bin" --config "$desk/ticketing.toml" init > /dev/null
"$bin" --config "$desk/ticketing.toml" ingest twice.eml mca.eml > /dev/null
t tickets move BILL-2 escalations --reason "only Microsoft holds the acceptance record"
out="$(t routing train)"
echo "$out"
version="$(echo "$out" | sed -n 's/^trained \([^ ]*\) .*/\1/p')"
t routing models
t routing replay --model "$version" --since 2026-11-01
t routing activate "$version"
t rules test twice.eml
echo "\$ ticketing tickets show BILL-1 --trace   # (the routing part)"
COLUMNS=200 "$bin" --config "$desk/ticketing.toml" tickets show BILL-1 --trace \
    | sed -n '/^routing:/,/^  ✘ automatic-mail/p' | head -5
COLUMNS=200 "$bin" --config "$desk/ticketing.toml" tickets show BILL-1 --trace \
    | sed -n '/^  ✘ automatic-mail/{n;p;}' | head -1
