# Indigo: two commands for a newcomer — `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: demo test test-replica lint format install clean chromium serve

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

# Production-like, locally: gunicorn with WEB web processes and WORKERS workers against
# the database in DATABASE_URL (docs/deployment.md). Static files are built once.
WEB ?= 3
WORKERS ?= 2
STATIC_SOURCES := $(shell find indigo -path '*/static/*' -type f 2>/dev/null)

var/secret_key:
	@mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Built once (hashed names, compressed: a few minutes the first time), again only when
# a static file or the installed packages change.
var/static/staticfiles.json: $(STAMP) $(STATIC_SOURCES) | var/secret_key
	INDIGO_SECRET_KEY=$$(cat var/secret_key) INDIGO_STATIC_ROOT=var/static \
	  $(BIN)/indigo collectstatic --noinput --clear --verbosity 0

serve: install var/secret_key var/static/staticfiles.json
	INDIGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/indigo migrate --noinput
	INDIGO_SECRET_KEY=$$(cat var/secret_key) INDIGO_STATIC_ROOT=var/static INDIGO_HTTPS=0 \
	  INDIGO_WEB_PROCESSES=$(WEB) PATH=$(CURDIR)/$(BIN):$$PATH \
	  $(BIN)/honcho -f deploy/Procfile -d . start -c worker=$(WORKERS)

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
	$(BIN)/python -m pytest -n 2 -q -m "not replica"

# Reads from a streaming replica: a primary and its replica as two extra PostgreSQL
# clusters on ports 5434 and 5435 (tools/replica-clusters.sh; needs root).
test-replica: install
	tools/replica-clusters.sh
	DATABASE_URL=postgres://postgres@127.0.0.1:5434/indigo \
	  INDIGO_REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:5435/indigo \
	  $(BIN)/python -m pytest -q -m replica indigo/operations

clean:
	rm -rf $(VENV) var

# Worklist and "get next" at scale on PostgreSQL (bench/README.md). The database is
# created when missing and filled once (1M applications: ~3 minutes), then reused.
# Quick run: make bench BENCH_ARGS="--applications 20000"
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/indigo_bench_20k
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/indigo_bench
BENCH_ARGS ?=

# Quality dashboards and /api/v1/measures at a million applications (issue 15), and
# a national year through the capacity simulation.
BENCH_QUALITY_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/indigo_bench_quality
.PHONY: bench-quality
bench-quality: install
	DATABASE_URL=$(BENCH_QUALITY_DATABASE_URL) $(BIN)/python bench/quality_measures.py $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_QUALITY_DATABASE_URL) $(BIN)/python bench/bench_simulation.py

.PHONY: bench
BENCH_HTTP_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/indigo_bench_http
BENCH_PAGES_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/indigo_bench_pages
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/worklist_and_get_next.py $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_HTTP_DATABASE_URL) $(BIN)/python bench/bench_http.py $(BENCH_HTTP_ARGS)
	DATABASE_URL=$(BENCH_PAGES_DATABASE_URL) $(BIN)/python bench/bench_pages.py $(BENCH_PAGES_ARGS)
