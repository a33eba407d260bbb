# kam — see README.md. `make run` and `make test` work on a fresh clone of a
# bare machine: every target installs what it needs or says what to install.
SHELL := /bin/bash
GO ?= go
export GOFLAGS := $(GOFLAGS) -tags=duckdb_arrow
export CGO_ENABLED := 1
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test lint bench clean tools

all: build

tools:
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 from https://go.dev/dl/"; exit 1; }
	@command -v gcc >/dev/null || { echo "gcc is missing (DuckDB needs cgo): apt-get install gcc"; exit 1; }

build: tools
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/kam ./cmd/kam

run: build
	bin/kam run --input sample-data --out out

test: build
	$(GO) test -count=1 ./...

# bench: DuckDB alone vs kam on generated data (cached in bench/data); writes bench/results.md.
bench: build
	$(GO) build -o bin/baseline ./bench/baseline
	$(GO) run ./bench $(BENCHFLAGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin out
