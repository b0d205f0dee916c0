# Marsad — two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

DEMO := samples/demo/articles samples/demo/feeds --outlets samples/demo/outlets.yaml
DEMO_DB := .marsad/demo.db

run: $(STAMP)
	$(BIN)/marsad analyze $(DEMO) --format table
	$(BIN)/marsad ingest $(DEMO) --db $(DEMO_DB)
	$(BIN)/marsad stories --db $(DEMO_DB) --min-outlets 3

test: $(STAMP)
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
