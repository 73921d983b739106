# Two commands for a fresh machine: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# llama.cpp's default -march=native build dies with "Illegal instruction" on these machines.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

.PHONY: run test install index bench eval browser-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel setuptools

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	# torch first, pinned: see README "Install" (the CPU build, not PyPI's CUDA one).
	$(BIN)/pip install torch==2.13.0
	# every extra: the web UI's folder watcher, PDF notes, eval charts, benchmarks, tests
	$(BIN)/pip install -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser-deps:
	@command -v chromium >/dev/null || { (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null || echo "warning: could not install chromium; browser tests will be skipped"; }

index: install
	$(BIN)/rag index

run: install
	$(BIN)/rag index
	$(BIN)/python app.py

test: install browser-deps
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/rag eval --report evals/report
	$(BIN)/python evals/update_readme.py evals/report/results.json

bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) index/build-* index/.tmp-* index/CURRENT
