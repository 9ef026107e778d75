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
# The folder JupyterLab serves (it must hold notebooks/): the checkout, or e.g. a copy for a test
LAB_ROOT ?= $(CURDIR)
# JupyterLab refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-k elections -x"
PYTEST_ARGS ?=
# The page `make app` serves (Voila), and extra arguments for Voila, e.g. APP_ARGS="--port=8867"
APP      ?= notebooks/app/explorer-app.ipynb
APP_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup lab test validate data bench clean

help: ## List the targets
	@echo "Truce and Rupture: Anglo-Soviet relations 1924-1931, a Jupyter teaching pack"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "Creating the environment in $(VENV) (first run only: a minute or two with a warm pip cache, more on a first download)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing the pack and its dependencies into $(VENV)"
	@$(PY) -m pip install --disable-pip-version-check --quiet -e '.[test]' 2>&1 | { grep -v "^WARNING: Location" || true; }
	@$(PY) -c "import helpers" && touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pack (only if needed)

# share/jupyter/lab/settings/overrides.json: the pack's defaults for JupyterLab (no news pop-up, no update check)
lab: setup ## Open JupyterLab on the first lesson
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(LAB_ROOT)" --LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb \
	  --LabApp.app_settings_dir="$(CURDIR)/share/jupyter/lab/settings" $(ROOT_FLAG) $(LAB_ARGS)

test: setup browser lint ## Lint, then run the whole test suite (data, exercises, lessons, browser)
	$(PY) -m pytest $(PYTEST_ARGS)

.PHONY: lint
lint: setup ## Check the code's style and common mistakes (ruff); `ruff format . && ruff check --fix .` mends most
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: browser app collect
# The browser tests drive Debian's chromium through Playwright: never a downloaded browser. As root
# (CI, containers) the set-up installs the package when it is missing; otherwise the tests skip and say why.
browser: ## Install Debian's chromium (root only) and axe-core (npm) for the browser tests, if missing
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests (apt-get, first run only)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium is not installed (as root: apt-get install chromium); the browser tests will be skipped"; fi; }
	@test -f node_modules/axe-core/axe.min.js || { \
	  if command -v npm >/dev/null; then echo "Installing axe-core for the accessibility checks (npm, into node_modules/)"; \
	    npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null; \
	  else echo "npm is not installed (apt-get install npm); the accessibility checks will be skipped"; fi; }

# Where `make app` listens: this computer only by default. To serve a class on the network, give a token
# only the class knows: make app APP_IP=0.0.0.0 APP_TOKEN=some-words (pupils open …:8866/?token=some-words).
APP_IP    ?= 127.0.0.1
APP_TOKEN ?=
# One kernel (~135 MB) per visitor: at most APP_MAX_KERNELS at once (then a polite "the app is full" page);
# a kernel idle for APP_CULL seconds is stopped (checked every APP_CULL_INTERVAL s); APP_POOL kernels are
# kept warm so a page appears at once (0: none). A page waits up to 60 s for its output (iopub_timeout): with
# the default 4 s, ten visitors at once on a busy 2-core machine all got a page without the app (measured).
# A used pool kernel is replaced 5 s later (fill_delay), once the visitor's page is made, not while it is.
# See helpers/app_server.py and the README.
APP_MAX_KERNELS   ?= 40
APP_CULL          ?= 600
APP_CULL_INTERVAL ?= 60
APP_POOL          ?= 2
app: setup ## Serve the timeline explorer and a lesson's exercises as a page without code (Voila)
	@case "$(APP_IP)" in 127.*|localhost|::1) ;; *) test -n "$(APP_TOKEN)" || { \
	  echo "To serve a class on $(APP_IP), choose a token that only the class knows:"; \
	  echo "  make app APP_IP=$(APP_IP) APP_TOKEN=some-words   (pupils open http://<this computer>:8866/?token=some-words)"; \
	  exit 2; };; esac
	JUPYTER_PATH="$(CURDIR)/share/jupyter$${JUPYTER_PATH:+:$$JUPYTER_PATH}" \
	  $(VENV)/bin/voila "$(APP)" --template=truce --strip_sources=True --theme=light \
	  --Voila.ip=$(APP_IP) $(if $(APP_TOKEN),--token=$(APP_TOKEN)) \
	  --VoilaConfiguration.multi_kernel_manager_class=helpers.app_server.CappedKernelManager \
	  --CappedKernelManager.max_kernels=$(APP_MAX_KERNELS) --VoilaExecutor.iopub_timeout=60 \
	  --MappingKernelManager.cull_idle_timeout=$(APP_CULL) --MappingKernelManager.cull_interval=$(APP_CULL_INTERVAL) \
	  $(if $(filter-out 0,$(APP_POOL)),--preheat_kernel=True --pool_size=$(APP_POOL) --VoilaKernelManager.fill_delay=5) $(APP_ARGS)

# The folder of students' exported answer files for `make collect`, and where the merged table goes
ANSWERS ?= answers
COLLECTED ?= collected-answers.csv
collect: setup ## Merge students' exported answers (ANSWERS=folder) into one table; report who did what
	$(PY) -m helpers collect "$(ANSWERS)" --output "$(COLLECTED)"

validate: setup ## Validate the data package (schema, keys, references, sources)
	$(PY) -m helpers validate

data: setup ## Re-derive the real-data tables from ../shared/data (RAW=path to override)
	$(PY) scripts/derive_datasets.py $(or $(RAW),../shared/data) data

bench: setup ## Run the benchmarks in bench/ and print the table
	$(PY) bench/run.py

.PHONY: hub
# The public port of `make hub`, e.g. make hub HUB_PORT=8010
HUB_PORT ?= 8000
hub: setup ## Try the class's hub here: JupyterHub + nbgitpuller on 127.0.0.1 (needs npm; any name logs in)
	$(PY) deploy/hub/localhub.py serve --port $(HUB_PORT)

.PHONY: handouts pdf
# Options for `make handouts` and `make pdf`, e.g. make handouts HANDOUT_ARGS="--lessons 01,06 --edition student";
# make pdf PDF_ARGS=--core-only prints the seminar's handouts (extension sections left out) from build/handouts-core
HANDOUT_ARGS ?=
PDF_ARGS ?=
handouts: setup ## Run changed lessons (HANDOUT_ARGS=--no-cache: all); write student and teacher HTML handouts to build/handouts
	$(PY) -m helpers handouts $(HANDOUT_ARGS)

# pdf brings the handouts up to date itself, running only lessons changed since their last run (none after make handouts)
pdf: setup ## Print the handouts to A4 PDF with headless Chromium (installs Debian's chromium if missing)
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium (apt-get, first run only)"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null; }
	$(PY) -m helpers pdf $(PDF_ARGS)

clean: ## Remove build output (keeps .venv)
	rm -rf build .pytest_cache
