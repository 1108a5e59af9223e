# The two commands: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format typecheck bench install test-deps clean

# What the service needs to run, and nothing else (make run).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

# The test, lint and type-check tools on top (make test).
$(TEST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

install: $(STAMP)

## make run: install, initialise the database and start the service on the embedded default.
run: $(STAMP)
	$(BIN)/ticketing init
	$(BIN)/ticketing serve

test-deps:
	bash scripts/install-test-deps.sh

## make test: install what the tests need, check style and types, run the suite.
test: $(TEST_STAMP) test-deps lint
	$(BIN)/pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check ticketing tests scripts $(wildcard bench)
	$(BIN)/ruff format --check ticketing tests scripts $(wildcard bench)
	$(BIN)/mypy

format: $(TEST_STAMP)
	$(BIN)/ruff format ticketing tests scripts bench
	$(BIN)/ruff check --fix ticketing tests scripts bench

bench: $(TEST_STAMP) test-deps
	$(BIN)/python -c 'import pyinstrument' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
