# Berufsbild — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Screenshots and traces of failed browser tests land in test-results/.
BROWSER_ARGS ?= --screenshot only-on-failure --output test-results

.PHONY: run test test-fast test-browser browser-deps checker-deps lint bench bench-import soak messages clean

# The development server runs in debug mode (static files, error pages).
run: export DJANGO_DEBUG = 1

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

## Fresh clone → environment, migrations, the shipped catalogue, dev server on SQLite.
run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_catalogue
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole suite: checks, unit and page tests, then the browser tests in Chromium.
test: $(VENV)/.installed-test browser-deps checker-deps node_modules/.package-lock.json
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check
	$(VENV)/bin/lint-imports  # the layers (pyproject.toml, docs/architecture.md)
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null
	$(PY) -m pytest -m "not browser"
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m browser $(BROWSER_ARGS)

test-fast: $(VENV)/.installed-test checker-deps node_modules/.package-lock.json
	$(PY) -m pytest -m "not browser"

test-browser: $(VENV)/.installed-test browser-deps node_modules/.package-lock.json
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m browser $(BROWSER_ARGS)

# axe-core for the accessibility checks and vnu.jar (the Nu Html Checker) for the
# HTML check; npm comes with Node.js.
node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "Bitte installieren: sudo apt-get install nodejs npm"; exit 1; fi; }
	npm ci --no-audit --no-fund --silent

## Chromium (Debian package), pdftotext, pandoc and fonts; installed with apt when missing.
browser-deps:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v pandoc >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium poppler-utils pandoc fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 \
	      libharfbuzz-subset0 >/dev/null; \
	  else \
	    echo "Bitte installieren: sudo apt-get install chromium poppler-utils pandoc fonts-dejavu-core"; exit 1; \
	  fi; }

## The tools that read our files as others will: Java for the Nu Html Checker,
## LibreOffice (headless) for the spreadsheet exports, poppler for PDFs and prints.
checker-deps:
	@command -v java >/dev/null && command -v soffice >/dev/null && command -v pdftotext >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      default-jre-headless libreoffice-calc-nogui poppler-utils \
	      fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Bitte installieren: sudo apt-get install default-jre-headless libreoffice-calc-nogui poppler-utils"; exit 1; \
	  fi; }

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/djlint templates --check

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py
	$(PY) benchmarks/jobad_check.py

## Importing ESCO and O*NET files the size of the real releases: time and peak memory.
bench-import: $(VENV)/.installed
	$(PY) benchmarks/imports.py

## 60 s of concurrent readers and an editor on gunicorn with threads (not a test).
soak: $(VENV)/.installed
	$(PY) benchmarks/soak.py

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en --no-obsolete --no-location --ignore=.venv \
	  --ignore=node_modules --ignore=tests --ignore=benchmarks
	@echo "Now translate the empty msgstr entries in config/locale/en/LC_MESSAGES/django.po"
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
