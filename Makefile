# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV := DEBUG=true
FRONTEND := $(shell find frontend -type f)

.PHONY: run test serve bench install content check

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/.built: node_modules/.installed $(FRONTEND)
	npm run --silent build
	touch $@

install: $(VENV)/.installed static/build/.built

# Sets everything up, loads all content into SQLite and serves http://127.0.0.1:$(PORT).
run: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_content fixtures/*.yaml
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Runs the whole suite (on DATABASE_URL if it is set, otherwise SQLite).
test: install
	$(PY) -m pytest

# Production-like: gunicorn, DEBUG off, collected and compressed static files.
serve: install
	./bin/serve

bench: install
	$(PY) bench/run.py

content: install
	$(DEV) $(PY) manage.py load_content fixtures/*.yaml
