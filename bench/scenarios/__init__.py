"""One module per scenario of issue 7; each exposes `run(...) -> dict` of raw numbers and
the verdict against its target."""
