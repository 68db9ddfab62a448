# make serve  - build the site and serve it on http://127.0.0.1:8000 (reloads on change)
# make build  - build the site into site/
# make bench  - performance figures (BEFORE=dir also measures an earlier build on the phone)
# make test   - lint (ruff), then every test (rules, CLI, Pyodide parity, site build, content, browser)
# Each target installs what it needs, from pinned versions, into .venv/ and node_modules/:
# building needs only Pyodide from npm; the tests and the benchmark need the rest too.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: build serve test bench clean deps site-deps

deps: $(VENV)/.installed node_modules/.installed
site-deps: $(VENV)/.installed node_modules/.runtime

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.runtime

# Pyodide alone (package.json's dependencies), unless everything is installed and up to date.
node_modules/.runtime: package.json package-lock.json
	[ node_modules/.installed -nt package.json ] && [ node_modules/.installed -nt package-lock.json ] \
		|| npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

build: site-deps
	$(BIN)/mkdocs build --strict --site-dir site

serve: site-deps
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

test: deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: deps
	$(BIN)/python -m bench.run $(if $(BEFORE),--before $(BEFORE))

clean:
	rm -rf site .pytest_cache
