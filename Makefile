# Truce and Rupture — one task runner. `make help` lists the targets.
# Two commands do all set-up on a fresh machine: `make lab` and `make test`.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# The stamp is rebuilt when the project's dependencies change; a second run reuses the environment.
STAMP  := $(VENV)/.installed
# Extra arguments for JupyterLab, e.g. make lab LAB_ARGS="--no-browser --port 8899"
LAB_ARGS ?=
# JupyterLab refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-k elections -x"
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup lab test validate data bench clean

help: ## List the targets
	@echo "Truce and Rupture: Anglo-Soviet relations 1924-1931, a Jupyter teaching pack"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "Creating the environment in $(VENV) (first run only, about two minutes)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing the pack and its dependencies into $(VENV)"
	@$(PY) -m pip install --disable-pip-version-check --quiet -e '.[test]' 2>&1 | { grep -v "^WARNING: Location" || true; }
	@$(PY) -c "import helpers" && touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pack (only if needed)

lab: setup ## Open JupyterLab on the first lesson
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

test: setup ## Run the whole test suite (data, exercises, lessons, browser)
	$(PY) -m pytest $(PYTEST_ARGS)

validate: setup ## Validate the data package (schema, keys, references, sources)
	$(PY) -m helpers validate

data: setup ## Re-derive the real-data tables from ../shared/data (RAW=path to override)
	$(PY) scripts/derive_datasets.py $(or $(RAW),../shared/data) data

bench: setup ## Run the benchmarks in bench/ and print the table
	$(PY) bench/run.py

clean: ## Remove build output (keeps .venv)
	rm -rf build .pytest_cache
