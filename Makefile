# Marsad — two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install clean fuzz assets browser

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,semantic]'
	touch $(STAMP)

# Web UI assets (Leaflet, Arabic font, Swagger UI, country outlines) from the npm registry, at build time.
ASSETS := src/marsad/web/static/vendor/.stamp
$(ASSETS): tools/vendor_assets.py
	$(PY) tools/vendor_assets.py

assets: $(ASSETS)

# Headless Chromium for the browser tests (Debian packages), only when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; fi

install: $(STAMP) $(ASSETS)

DEMO := samples/demo/articles samples/demo/feeds --outlets samples/demo/outlets.yaml
DEMO_DB := .marsad/demo.db

HOST ?= 127.0.0.1
PORT ?= 8000

# Analyse the bundled (synthetic) demo corpus, store it, list its stories, and serve the analyst's desk.
run: $(STAMP) $(ASSETS)
	$(BIN)/marsad analyze $(DEMO) --format table --no-progress
	$(BIN)/marsad ingest $(DEMO) --db $(DEMO_DB)
	$(BIN)/marsad stories --db $(DEMO_DB) --min-outlets 3
	$(BIN)/marsad serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: $(STAMP) assets browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest
	@echo "== Scores on the demo corpus (synthetic; flatters Marsad: see README) =="
	$(BIN)/marsad evaluate --gold samples/demo/gold --no-errors
	@$(MAKE) --no-print-directory fuzz

# Bounded fuzzing (atheris): FUZZ_TIME seconds per target. A crash stops with the input saved in
# .marsad/fuzz/TARGET/crash-*: copy it to tests/fuzz/crashers/TARGET/ (replayed by pytest) and fix the bug.
FUZZ_TIME ?= 25
FUZZ_TARGETS := ingest arabic analyze

fuzz: $(STAMP)
	@for t in $(FUZZ_TARGETS); do \
	  dir=.marsad/fuzz/$$t; mkdir -p $$dir/corpus; \
	  seeds=$$(test -d tests/fuzz/crashers/$$t && echo tests/fuzz/crashers/$$t); \
	  if $(BIN)/python tests/fuzz/fuzz_$$t.py $$dir/corpus $$seeds -max_total_time=$(FUZZ_TIME) \
	      -rss_limit_mb=2048 -timeout=20 -max_len=4096 -artifact_prefix=$$dir/ >$$dir/log 2>&1; \
	  then echo "fuzz $$t: $$(grep -ao 'Done [0-9]* runs in [0-9]* second(s)' $$dir/log), no crash"; \
	  else tail -n 30 $$dir/log; echo "fuzz $$t: CRASH, input saved in $$dir/"; exit 1; fi; \
	done

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis .marsad
