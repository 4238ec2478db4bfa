# communique — every target that needs the environment creates it first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
HOST ?= 127.0.0.1
PORT ?= 8000
DB ?= sqlite:///communique.db
EVAL_OUT ?= eval-results
EVAL = $(BIN)/communique eval

LOCK := requirements.lock

.PHONY: setup demo test lint bench eval schema lock clean

setup: $(STAMP)

# The exact versions of the lock file, then the project itself (its ranges are in pyproject.toml).
$(STAMP): pyproject.toml $(LOCK)
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/communique ingest examples --db $(DB)
	$(BIN)/communique serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

bench: setup
	$(BIN)/communique bench

# Every evaluation writes its figures to $(EVAL_OUT)/NAME.json; the gate then fails when a
# target of the README is missed (src/communique/evaluation/data/targets.tsv).
eval: setup
	mkdir -p $(EVAL_OUT)
	$(EVAL) extraction --data $(SHARED)/extraction --json $(EVAL_OUT)/extraction.json
	$(EVAL) scraped --data tests/article/data/scraped --json $(EVAL_OUT)/scraped.json
	$(EVAL) scraped --data tests/article/data/scraped-blind --json $(EVAL_OUT)/scraped_blind.json
	$(EVAL) actors --data $(SHARED)/events/plover_gsr_cameo.jsonl --json $(EVAL_OUT)/actors_plover.json
	$(EVAL) actors --data $(SHARED) --json $(EVAL_OUT)/actors_news.json
	$(EVAL) quotes --data $(SHARED)/quotes/polnear/dev --json $(EVAL_OUT)/quotes.json
	$(EVAL) quotes --data $(SHARED) --json $(EVAL_OUT)/quotes_news.json
	$(EVAL) times --data $(SHARED)/time/tempeval3 --json $(EVAL_OUT)/times.json
	$(EVAL) places --data $(SHARED)/geo/GWN.xml --json $(EVAL_OUT)/places_gwn.json
	$(EVAL) places --data $(SHARED)/geo/TR-News.xml --json $(EVAL_OUT)/places_tr.json
	$(EVAL) events --data $(SHARED)/events/plover_gsr_cameo.jsonl --json $(EVAL_OUT)/events_plover.json
	$(EVAL) events --data $(SHARED) --json $(EVAL_OUT)/events_news.json
	$(BIN)/communique gate $(EVAL_OUT)

schema: setup
	$(BIN)/python -m communique.model > docs/report.schema.json

# Resolve pyproject.toml's ranges afresh (newest versions allowed) into the lock file.
lock:
	rm -rf .lock-venv
	$(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	{ sed -n '/^#/p' $(LOCK); .lock-venv/bin/pip freeze --exclude-editable; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache $(EVAL_OUT)
