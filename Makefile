# Newsroom: the two commands of the README, and a few more for developers.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test worker bench bench-edge lint format messages serve-production clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-runtime: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.stamp-runtime

## make run: install, migrate, load the demo newsroom (stories, then their view histories)
## and serve it on the embedded profile
run: $(VENV)/.stamp-runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_views
	@echo ""
	@echo "  Newsroom is at http://$(HOST):$(PORT)/  (the admin: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Test tooling from the npm registry (axe-core for the accessibility tests),
# installed exactly as package-lock.json pins it; again only when the lock changes.
node_modules/.stamp-npm: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## make test: install the dev requirements and the test tooling, and run the whole suite
test: $(VENV)/.stamp-dev node_modules/.stamp-npm
	$(PY) -m pytest $(PYTEST_ARGS)

## make worker: a Celery worker with beat (production profile: REDIS_URL set)
worker: $(VENV)/.stamp-runtime
	$(VENV)/bin/celery -A newsroom worker -B --loglevel=INFO

## make bench: load benchmarks, side by side (see bench/README.md)
bench: $(VENV)/.stamp-dev
	$(PY) bench/run.py
	$(PY) bench/search.py

## make bench-edge: Varnish in front of gunicorn, Zipf readers, a publish every 30 s
## (see bench/README.md)
bench-edge: $(VENV)/.stamp-dev
	$(PY) bench/edge.py

## make lint: ruff, and the import contracts of pyproject.toml (which app may import which)
lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## make messages: collect the strings marked for translation into locale/*/*.po
## (then translate what is new; the suite fails until every entry is) and compile
## the .mo files, which are committed so that a fresh clone serves translated pages.
## Needs GNU gettext (apt-get install gettext).
messages: $(VENV)/.stamp-dev
	$(PY) manage.py makemessages -l kk -l ru --no-obsolete --ignore=staticfiles --ignore=media
	$(PY) manage.py makemessages -d djangojs -l kk -l ru --no-obsolete --ignore=staticfiles --ignore=media
	$(PY) manage.py compilemessages --ignore=.venv

## make serve-production: gunicorn on the production profile (variables from the environment)
serve-production: $(VENV)/.stamp-runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn newsroom.wsgi --workers $${WEB_CONCURRENCY:-2} --bind $(HOST):$(PORT)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
