# Marsad — two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install clean assets browser

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

run: $(STAMP)
	$(BIN)/marsad analyze $(DEMO) --format table
	$(BIN)/marsad ingest $(DEMO) --db $(DEMO_DB)
	$(BIN)/marsad stories --db $(DEMO_DB) --min-outlets 3

test: $(STAMP) assets browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest
	@echo "== Scores on the demo corpus (synthetic; flatters Marsad: see README) =="
	$(BIN)/marsad evaluate --gold samples/demo/gold --no-errors

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis .marsad
