"""Benchmarks for the ticketing service: `python -m bench.run` (or `make bench`) starts a
private Dovecot, an aiosmtpd sink and (when reachable) PostgreSQL databases, runs every
scenario of issue 7, and writes BENCHMARKS.md and bench/results.json.

Modules: mailgen (deterministic realistic mail), imapload (fast Maildir loading of a
private Dovecot), bulkload (10k / 1M tickets straight into SQLite), worker (the
measured code, run in fresh subprocesses), scenarios (one function per scenario),
report (BENCHMARKS.md), run (the entry point).
"""
