# communique — every target that needs the environment creates it first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
HOST ?= 127.0.0.1
PORT ?= 8000
DB ?= sqlite:///communique.db

.PHONY: setup demo test lint bench eval schema clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/communique ingest examples --db $(DB)
	$(BIN)/communique serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

bench: setup
	$(BIN)/communique bench

eval: setup
	$(BIN)/communique eval extraction --data $(SHARED)/extraction
	$(BIN)/communique eval actors --data $(SHARED)/events/plover_gsr_cameo.jsonl
	$(BIN)/communique eval actors --data $(SHARED)
	$(BIN)/communique eval quotes --data $(SHARED)/quotes/polnear/dev
	$(BIN)/communique eval times --data $(SHARED)/time/tempeval3
	$(BIN)/communique eval places --data $(SHARED)/geo/GWN.xml
	$(BIN)/communique eval places --data $(SHARED)/geo/TR-News.xml
	$(BIN)/communique eval events --data $(SHARED)/events/plover_gsr_cameo.jsonl
	$(BIN)/communique eval events --data $(SHARED)

schema: setup
	$(BIN)/python -m communique.model > docs/report.schema.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
