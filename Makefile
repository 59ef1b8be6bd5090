# The two commands a newcomer needs: `make run` and `make test`. CI runs `make ci`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
ADMIN_PASSWORD ?= changeme
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-postgres test-scaleout serve-prod ci lint format migrate seed superuser install install-dev chromium messages screenshots clean bench bench-import

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

superuser: migrate
	ADMIN_PASSWORD='$(ADMIN_PASSWORD)' $(MANAGE) ensure_dev_admin

# The schedule (go-live and expiry dates) runs in the background and stops however runserver ends: a
# background job ignores Ctrl-C, hence the trap, and a last command would be exec'd past it, hence the exit.
run: seed superuser
	@mkdir -p var/mail
	@$(MANAGE) set_site_address 127.0.0.1 $(PORT) >/dev/null
	@echo
	@echo "  Website:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin:    http://127.0.0.1:$(PORT)/admin/  (login: admin / password: \$$ADMIN_PASSWORD or 'changeme')"
	@echo "  Mails:    written as files to var/mail/ (open them to follow links)"
	@echo "  Schedule: go-live and expiry dates and due webhooks every minute (manage.py run_schedule)"
	@echo
	@$(MANAGE) run_schedule & schedule=$$!; trap 'kill $$schedule 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:$(PORT); status=$$?; exit $$status

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y chromium || { $$SUDO apt-get update && $$SUDO apt-get install -y chromium; }; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

test: install-dev chromium lint
	$(BIN)/pytest

# The same suite on the production stack: throwaway PostgreSQL and Redis on loopback, stopped afterwards.
test-postgres: install-dev chromium
	bash scripts/with-services.sh $(BIN)/pytest

# Scale-out proof: the production stack on loopback (scripts/prod-stack.sh: PostgreSQL, Redis, two gunicorns,
# task worker, Varnish) around tests/scaleout; every process it started is stopped afterwards.
test-scaleout: install-dev
	bash scripts/prod-stack.sh run $(BIN)/pytest tests/scaleout

ci: test test-postgres test-scaleout

# The production stack on loopback to try by hand: prints the addresses and the admin login; Ctrl-C stops it.
serve-prod: install
	ADMIN_PASSWORD='$(ADMIN_PASSWORD)' bash scripts/prod-stack.sh serve

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Collects translatable strings; German is the source language, English lives in locale/en.
messages: install-dev
	$(MANAGE) makemessages --locale en --no-obsolete --ignore '.venv/*' --ignore 'media/*' --ignore 'var/*'
	$(MANAGE) compilemessages --locale en --ignore '.venv/*'

clean:
	rm -rf $(VENV) db.sqlite3 media var staticfiles

screenshots: install-dev chromium
	UPDATE_SCREENSHOTS=1 $(BIN)/pytest tests/browser

# Throughput, latency and queries per page on the production stack (gunicorn, PostgreSQL, Redis, Varnish,
# nginx as the static ceiling), printed as a table and written to var/bench/latest.md; see docs/performance.md.
# Ports of its own, so it never meets a test run or another stack on this machine.
bench: install
	PG_PORT=25632 REDIS_PORT=26579 bash scripts/with-services.sh $(BIN)/python scripts/bench.py $(BENCH_ARGS)

# The WordPress import of 1,000 posts with 20,000 comments (and of a tenth of it): time and peak memory,
# printed and written to var/bench/import.md; see docs/performance.md.
bench-import: install
	PG_PORT=25732 REDIS_PORT=26679 bash scripts/with-services.sh $(BIN)/python scripts/bench_import.py
