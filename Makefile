# kam — see README.md. `make run` and `make test` work on a fresh clone of a
# bare machine: every target installs what it needs or says what to install.
SHELL := /bin/bash
GO ?= go
export GOFLAGS := $(GOFLAGS) -tags=duckdb_arrow
export CGO_ENABLED := 1
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run graph test lint bench clean tools deps-echarts deps-chromium deps-libreoffice

ECHARTS := reports/html/assets/echarts.min.js

all: build

tools:
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 from https://go.dev/dl/"; exit 1; }
	@command -v gcc >/dev/null || { echo "gcc is missing (DuckDB needs cgo): apt-get install gcc"; exit 1; }

build: tools $(ECHARTS)
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/kam ./cmd/kam

# The chart library comes from the npm registry at build time, pinned by the lockfile.
$(ECHARTS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing (the HTML report's chart library comes from the npm registry): apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	cp node_modules/echarts/dist/echarts.min.js $@
deps-echarts: $(ECHARTS)

# A real browser and a real spreadsheet program for the report tests.
deps-chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium is missing (the HTML report test drives it): sudo apt-get install chromium"; exit 1; fi; }
deps-libreoffice:
	@command -v libreoffice >/dev/null || command -v soffice >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc poppler-utils >/dev/null; \
		else echo "LibreOffice is missing (the workbook test opens it): sudo apt-get install libreoffice-calc poppler-utils"; exit 1; fi; }

run: build
	bin/kam run --input sample-data/input --out out

# graph checks the model graph, prints it and rewrites its picture in queries/README.md.
graph: build
	bin/kam graph --mermaid kam-graph.mmd --readme queries/README.md

# The report writers run at once (cmd/kam/report.go): one run of them under
# the race detector as well, and the workbooks' icon sets written at once.
test: build deps-chromium deps-libreoffice
	$(GO) test -count=1 -timeout 60m ./...
	$(GO) test -race -count=1 -timeout 20m -run 'TestScripts/run-writers-at-once|TestIconSetsWhileWriting' ./cmd/kam ./reports/excel

# bench: DuckDB alone vs kam on generated data (cached in bench/data); writes bench/results.md.
bench: build
	$(GO) build -o bin/baseline ./bench/baseline
	$(GO) run ./bench $(BENCHFLAGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin out node_modules $(ECHARTS)
