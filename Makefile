# The two commands: `make run` and `make test`. Everything else they need is set up here.
PYTHON ?= python3
VENV   := .venv
UV     := $(VENV)/bin/uv
STAMP  := $(VENV)/.synced
UV_VERSION := 0.13.8

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: install run test browser neo4j-up neo4j-down bench clean-data help

help:
	@echo "make run    ingest the bundled sample corpus into the embedded graph and answer a query"
	@echo "make test   run the test suite (a local Neo4j is started when Java and Maven exist)"
	@echo "make neo4j-up / neo4j-down   the test Neo4j (bolt://127.0.0.1:17687)"
	@echo "make browser  Debian's chromium for the report's browser test (needs root or sudo)"
	@echo "make bench  the throughput benchmarks (slow)"

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsgraph needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/newsgraph run samples
	$(VENV)/bin/newsgraph query --name what_did_a_do_to_b --param a=Russia --param "b=United States" --param limit=5 --columns date,action,category,reported_by,evidence
	$(VENV)/bin/newsgraph report --out report.html

test: $(STAMP)
	$(VENV)/bin/python -m pytest

# The browser test of the HTML report drives Debian's chromium with Playwright (no browser
# download: Playwright is given /usr/bin/chromium).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@chromium --version 2>/dev/null

neo4j-up: $(STAMP)
	tools/neo4j/neo4jctl up

neo4j-down:
	tools/neo4j/neo4jctl down

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/throughput.py
