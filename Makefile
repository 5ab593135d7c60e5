# The two commands that matter: `make run` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench snapshot-update sounds wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/legease

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check legease_tui tests bench scripts
	$(BIN)/ruff format --check legease_tui tests bench scripts
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

snapshot-update: $(STAMP)
	$(BIN)/pytest tests/screens -k snapshot --snapshot-update

bench: $(STAMP)
	$(BIN)/python bench/run.py $(ONLY)

sounds: $(STAMP)
	$(BIN)/python scripts/make_sounds.py

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
