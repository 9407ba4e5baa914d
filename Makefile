# Every target is idempotent: a stamp file records that .venv matches pyproject.toml.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The demo works offline: the PDFs beside the project when they are there. `make demo DEMO_ARGS=`
# fetches from arXiv instead. Exit 1 (the policy is violated) is a result, not a failure, here.
SHARED_PDFS := ../shared/data/arxiv_pdfs
DEMO_ARGS ?= --offline $(if $(wildcard $(SHARED_PDFS)),--papers-dir $(SHARED_PDFS))

demo: install
	$(BIN)/claimcheck check reports/ $(DEMO_ARGS) || test $$? -eq 1

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

lint: install
	$(BIN)/python -m ruff check claimcheck tests bench
	$(BIN)/python -m mypy

clean:
	rm -rf $(VENV) build *.egg-info
