# kam — see README.md. Every target installs what it needs on a bare machine.
SHELL := /bin/bash
GO ?= go
export GOFLAGS := $(GOFLAGS) -tags=duckdb_arrow
export CGO_ENABLED := 1

.PHONY: all build run test lint bench clean

all: build

build:
	$(GO) build -o bin/kam ./cmd/kam

run: build
	bin/kam run --input sample-data --out out

test: build
	$(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin out
