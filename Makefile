# Renaksi — two commands for a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= renaksi/impor/contoh
PG_URL ?= postgres://postgres@127.0.0.1:5432/renaksi
PYTEST_WORKERS ?= 2
# Locally the test databases are kept between runs (--reuse-db); CI builds them afresh. `make test PYTEST_ARGS=` to
# rebuild them here too (after switching to a branch with other migrations, `--create-db`).
PYTEST_ARGS ?= $(if $(filter true,$(CI)),,--reuse-db)

.PHONY: demo test test-sqlite test-postgres lint sysdeps bench serve clean load load-cluster

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Renaksi butuh Python >= 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# System packages: Chromium for browser tests, pango for WeasyPrint, poppler for PDF checks, gettext.
SYS_PKGS := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
sysdeps:
	@missing=""; for p in $(SYS_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Memasang paket sistem:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: $(STAMP) sysdeps lint test-sqlite test-postgres

test-sqlite: $(STAMP)
	@echo "== pytest on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest -q -n $(PYTEST_WORKERS) --ds=config.settings.test $(PYTEST_ARGS)

# On CI the PostgreSQL run is mandatory; elsewhere it runs when a server answers, and says so when it does not.
test-postgres: $(STAMP)
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  if [ "$$CI" = "true" ]; then \
	    pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start || exit 1; sleep 2; \
	  else echo "== PostgreSQL di 127.0.0.1:5432 tidak menjawab: run PostgreSQL DILEWATI =="; exit 0; fi; \
	fi; \
	echo "== pytest on PostgreSQL =="; \
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -n $(PYTEST_WORKERS) --ds=config.settings.test $(PYTEST_ARGS)

# One background-job worker (renaksi db_worker: large documents, Pemda bundles, long PDF imports) runs beside the
# server, and the jobs' sweep (renaksi bersihkan_pekerjaan: stale jobs failed, old results deleted) every 5 minutes,
# as cron does in production (docs/deploy.md); all stop on Ctrl-C or when the server ends.
demo: $(STAMP)
	$(BIN)/renaksi migrate --noinput
	$(BIN)/renaksi demo --seeds $(SEEDS)
	@DEBUG=false nice -n 10 $(BIN)/renaksi db_worker --interval 1 & worker=$$!; \
	while sleep 300; do DEBUG=false $(BIN)/renaksi bersihkan_pekerjaan >/dev/null; done & sweep=$$!; \
	trap 'kill $$worker $$sweep 2>/dev/null; wait $$worker $$sweep 2>/dev/null' EXIT INT TERM; \
	DEBUG=false $(BIN)/renaksi runserver 127.0.0.1:8000

bench: $(STAMP)
	$(BIN)/python -m bench

# Load test (bench/load.py, docs/performance.md "Load test"): PostgreSQL on 127.0.0.1:5432, gunicorn with the production
# settings on loopback, locust headless from its own venv; stops by itself and writes bench/load.json. Not in `make test`.
LOAD_VENV := .venv-load
LOAD_STAMP := $(LOAD_VENV)/.installed

$(LOAD_STAMP): requirements-load.txt
	test -x $(LOAD_VENV)/bin/python || $(PYTHON) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install --quiet -r requirements-load.txt
	touch $(LOAD_STAMP)

load: $(STAMP) $(LOAD_STAMP)
	$(BIN)/python -m bench.load

# The same load on two gunicorn instances sharing one port (SO_REUSEPORT) and two job workers, one database.
load-cluster: $(STAMP) $(LOAD_STAMP)
	$(BIN)/python -m bench.load --cluster

clean:
	rm -rf $(VENV) $(LOAD_VENV) var
