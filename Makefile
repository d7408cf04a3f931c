# The words people say: install, run, shell, train, validate, test, bench.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
TG_VENV   := .venv-telegram
MODEL     := models/assistant.tar.gz
RASA_ARGS := --domain domain --config config.yml
# Retrain only when what the model is made of changes.
TRAINING_INPUTS := config.yml components/language.py components/nlu.py components/policy.py components/safety.py $(shell find domain data -name '*.yml' 2>/dev/null)

# Quiet, offline-friendly defaults for every Rasa and TensorFlow command.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install run shell train validate test unit-test story-test kb-check nlu-eval bench purge reminders-preview lock clean

help:
	@echo "make run       start the assistant (installs and trains first if needed)"
	@echo "make test      every test (validation, unit, stories, end-to-end)"
	@echo "make shell     chat with the assistant in the terminal"
	@echo "make train     retrain the model if data, domain or config changed"
	@echo "make kb-check  check the knowledge base: schema, stale and unknown fields"
	@echo "make nlu-eval  compare NLU pipelines (writes docs/nlu-evaluation.md)"
	@echo "make bench     load benchmark against Rasa's starter bot"
	@echo "make purge DAYS=90   delete conversations (and reminders) inactive for DAYS days"
	@echo "make reminders-preview DATE=2027-05-17   what reminders would go out that day (sends nothing)"

install: $(VENV)/.installed $(TG_VENV)/.installed

$(VENV)/.installed: requirements.lock
	@python=$$(scripts/find-python.sh) || exit 1; \
	  echo "Creating $(VENV) with $$python"; \
	  [ -x $(PY) ] || "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25" wheel
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $@

$(TG_VENV)/.installed: telegram_bridge/requirements.lock
	@python=$$(scripts/find-python.sh) || exit 1; \
	  [ -x $(TG_VENV)/bin/python ] || "$$python" -m venv $(TG_VENV)
	$(TG_VENV)/bin/python -m pip install --quiet --upgrade "pip<25" wheel
	$(TG_VENV)/bin/python -m pip install --quiet -r telegram_bridge/requirements.lock
	@touch $@

train: $(MODEL)

$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(RASA) train $(RASA_ARGS) --data data --out models --fixed-model-name assistant

validate: $(VENV)/.installed
	$(PY) -m scripts.validate

run: install train
	@scripts/run.sh

shell: install train
	@ACTION_ENDPOINT_URL=http://localhost:5055/webhook TRACKER_DB=var/conversations.db \
	  $(RASA) shell --model $(MODEL) --endpoints endpoints.yml

kb-check: $(VENV)/.installed
	$(PY) -m actions.kb_check

unit-test: install
	$(PY) -m pytest -m "not e2e" tests
	$(TG_VENV)/bin/python -m pytest -m "not e2e" telegram_bridge/tests

story-test: train
	@for lang in fr en prearrival; do \
	  $(RASA) test core --model $(MODEL) --stories tests/stories/test_stories_$$lang.yml \
	    --fail-on-prediction-errors --out results/stories_$$lang || exit 1; \
	done

test: install validate train
	$(PY) -m pytest tests
	$(TG_VENV)/bin/python -m pytest telegram_bridge/tests
	@$(MAKE) --no-print-directory story-test

nlu-eval: $(VENV)/.installed
	$(PY) -m scripts.nlu_eval

bench: install train
	$(PY) -m bench.load

reminders-preview: $(VENV)/.installed
	$(PY) -m actions.reminders preview $(if $(DATE),--date $(DATE))

purge: $(VENV)/.installed
	$(PY) -m scripts.purge --days $(or $(DAYS),90)

lock:
	@python=$$(scripts/find-python.sh) || exit 1; rm -rf /tmp/lock-venv; "$$python" -m venv /tmp/lock-venv && \
	  /tmp/lock-venv/bin/pip install --quiet -r requirements.in && /tmp/lock-venv/bin/pip check && \
	  /tmp/lock-venv/bin/pip freeze > requirements.lock

clean:
	rm -rf models results var/*.db .pytest_cache
