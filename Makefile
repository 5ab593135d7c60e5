# The two commands that matter: `make run` and `make test`. Both set up .venv on first use:
# `make run` installs the app alone (its runtime dependencies), `make test` adds the test tools.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest bench snapshot-update sounds wheel clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(APP_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP) $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/legease

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check legease_tui tests bench scripts
	$(BIN)/ruff format --check legease_tui tests bench scripts
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# The suite on every core (pytest-xdist), then the few tests marked serial (they fork) in one
# plain process. A bare `pytest` runs them all in one process, as before. Pilot tests spend
# about a third of their time in Textual's idle waits: `make test WORKERS=4` on two cores is
# quicker again on a quiet machine.
WORKERS ?= auto
pytest: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m "not serial"
	$(BIN)/pytest -m serial

snapshot-update: $(STAMP)
	$(BIN)/pytest tests/snapshots/test_snapshots*.py --snapshot-update

bench: $(STAMP)
	$(BIN)/python bench/run.py $(ONLY)

sounds: $(STAMP)
	$(BIN)/python scripts/make_sounds.py

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
