# Indigo: two commands for a newcomer — `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: demo test lint format install clean chromium

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/indigo demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Browser tests drive Debian's chromium (CI and developers run as root here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }

test: lint chromium
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) var

# Worklist and "get next" at scale on PostgreSQL (bench/README.md). The database is
# created when missing and filled once (1M applications: ~3 minutes), then reused.
# Quick run: make bench BENCH_ARGS="--applications 20000"
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/indigo_bench_20k
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/indigo_bench
BENCH_ARGS ?=

.PHONY: bench
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/worklist_and_get_next.py $(BENCH_ARGS)
