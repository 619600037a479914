# Reisregister — the two set-up commands are `make run` and `make test`; both create .venv/ themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/lock.txt
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run test check format bench schema lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

install: $(STAMP) ## create .venv with the locked dependencies (fast when up to date)

run: $(STAMP) ## parse the bundled example corpus and print a summary table
	$(BIN)/reisparse --table --today 2026-11-28 tests/corpus/*/source.*

test: $(STAMP) ## run the whole test suite
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

check: $(STAMP) ## lint, format check, types and import contracts
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP) ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

bench: $(STAMP) ## performance figures (never part of pass/fail tests)
	$(BIN)/python scripts/bench.py

schema: $(STAMP) ## regenerate docs/schema/reisparse.report-1.json from the model
	$(BIN)/python scripts/write_schema.py

lock: ## re-resolve the locked dependency versions (needs the package index)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev,data]'
	.lock-venv/bin/pip freeze --all --exclude-editable | grep -vE '^(reisregister|pip)=' > $(LOCK)
	rm -rf .lock-venv

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
