# Reisregister — the two set-up commands are `make run` and `make test`; both create .venv/ themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/lock.txt
PYTEST_ARGS ?=
BENCH_ARGS ?=
# The register's tests run a second time on PostgreSQL when DATABASE_URL_POSTGRES is set, and always under CI.
POSTGRES_TEST_URL := postgres://postgres@127.0.0.1:5432/test

.DEFAULT_GOAL := help
.PHONY: help install run test check format bench schema lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@echo "Preparing the name detector for redaction (deduce builds its lookup cache: ~2 minutes, once per venv)"
	$(BIN)/python -c 'from reisparse import personal; personal.warm()'
	@touch $@

install: $(STAMP) ## create .venv with the locked dependencies (fast when up to date)

run: $(STAMP) ## migrate var/, load the demo data (accounts printed) and serve http://127.0.0.1:8000
	$(BIN)/reisregister migrate --verbosity 0
	$(BIN)/reisregister demo
	@echo ""
	@echo "Serving http://127.0.0.1:8000/ (log in at /accounts/login/ with an account above; Ctrl-C stops)"
	$(BIN)/reisregister runserver 127.0.0.1:8000

test: $(STAMP) ## run the whole test suite on SQLite, then tests/register on PostgreSQL when configured or in CI
	env -u DATABASE_URL $(BIN)/pytest -n auto $(PYTEST_ARGS)
	@if [ -z "$$DATABASE_URL_POSTGRES" ] && [ "$$CI" != "true" ]; then \
	  echo "PostgreSQL run skipped: set DATABASE_URL_POSTGRES=$(POSTGRES_TEST_URL) to run tests/register on it too"; \
	  exit 0; \
	fi; \
	url="$${DATABASE_URL_POSTGRES:-$(POSTGRES_TEST_URL)}"; \
	$(BIN)/python -c 'import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=5).close()' "$$url" \
	  || { echo "make test: PostgreSQL at $$url is not reachable" >&2; exit 1; }; \
	echo "tests/register and tests/api on PostgreSQL ($$url)"; \
	DATABASE_URL="$$url" $(BIN)/pytest -n auto tests/register tests/api $(PYTEST_ARGS)

check: $(STAMP) ## lint, format check, types, import contracts, no missing migrations
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/reisregister makemigrations --check --dry-run

format: $(STAMP) ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

bench: $(STAMP) ## performance figures, never pass/fail (BENCH_ARGS="--trips 5000" for a quick run)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_register.py $(BENCH_ARGS)
	$(BIN)/python scripts/bench_exports.py $(BENCH_ARGS)
	$(BIN)/python scripts/bench_renditions.py
	$(BIN)/python scripts/eval_redaction.py

schema: $(STAMP) ## regenerate the committed schemas: docs/schema/*.json and docs/api/openapi.yaml
	$(BIN)/python scripts/write_schema.py
	$(BIN)/reisregister trip_schema > docs/schema/reisregister.trips-1.json
	$(BIN)/python scripts/write_openapi.py

# setuptools is pinned: `make install` builds the editable package with the venv's own setuptools (>= 77).
lock: ## re-resolve the locked dependency versions (needs the package index)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet 'setuptools==80.9.0'
	.lock-venv/bin/pip install --quiet -e '.[dev,data]'
	{ echo "# Locked versions of every dependency (runtime + dev). Regenerate with \`make lock\`; installed by \`make install\`."; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -vE '^(reisregister|pip)='; } > $(LOCK)
	rm -rf .lock-venv

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

# makemessages runs inside the package so every app's templates and code are scanned; it needs GNU gettext.
.PHONY: messages
messages: $(STAMP) ## extract marked strings into locale/{nl,en} (needs GNU gettext), then compile
	cd src/reisregister && REISREGISTER_HOME=$(CURDIR) $(CURDIR)/$(BIN)/reisregister makemessages \
	  --locale nl --locale en --ignore "*/tests/*" --no-obsolete -e html,txt,py
	$(BIN)/python scripts/compile_messages.py
