# disclose — build, check and test. `make` builds the command and the sample
# site; `make test` runs every test. Nothing here needs more than Go and the
# package registries; third-party assets are cached outside Git.

GO        ?= go
BIN       := bin/disclose
CONTENT   ?= content
FUZZTIME  ?= 5s
# The whole-build content fuzz target builds the sample with PDFs on every
# input (about a second each), so it gets its own, longer time.
CONTENT_FUZZTIME ?= 60s
STATICCHECK_VERSION := v0.8.2
GOBIN     := $(shell $(GO) env GOPATH)/bin

.PHONY: all assets build dist test-dist site check test lint examples fuzz bench bench-scale kill-scale bench-search bench-go bench-check bench-build bench-pdf bench-memory pgo validate schema clean

all: site

build:
	$(GO) build -trimpath -o $(BIN) ./generator

# Third-party files (ECharts) from the npm registry, pinned by sha256,
# cached outside Git ($$DISCLOSE_CACHE or ~/.cache/disclose).
assets:
	scripts/fetch-assets

# Release archives in dist/: one binary per platform (windows/amd64,
# linux/amd64, linux/arm64, darwin/arm64) with ECharts and the fonts
# inside, licences, 使用说明.txt, SHA256SUMS. Reproducible.
dist: assets
	scripts/dist

# The release archives where officers run them: linux/amd64 in an empty
# root with no network (scripts/test-fresh), windows/amd64 under Wine with
# a GBK console (scripts/test-wine); outputs byte-identical to Linux's.
# Installs Wine when missing (as root).
test-dist: dist
	scripts/test-fresh
	scripts/test-wine

# Check the content and build the website into public/ (atomic swap; a
# content error leaves public/ as it was).
site: build assets
	./$(BIN) build --content $(CONTENT) --out public

check: build
	./$(BIN) check --content $(CONTENT)

# Real published forms, as published (examples/real-forms): checked and
# built with their PDFs into public-examples/, to show published figures
# beside the computed ones.
EXAMPLES_OUT ?= public-examples
examples: build assets
	./$(BIN) check --content examples/real-forms
	./$(BIN) build --content examples/real-forms --out $(EXAMPLES_OUT)

test: assets
	$(GO) vet ./...
	$(GO) test ./...

lint:
	@unformatted=$$(gofmt -l generator); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@test -x $(GOBIN)/staticcheck || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(GOBIN)/staticcheck ./...

# Each fuzz target for a short while; new failures land in testdata/fuzz
# (scripts/fuzz-one: Go 1.26's deadline race is not taken for a finding).
# FuzzReadWorkbook's inputs are whole workbooks: minimizing each new one
# for the default 60 s would take the whole run, so it gets 100 tries.
fuzz:
	scripts/fuzz-one ./generator/load FuzzDecodeYAML $(FUZZTIME)
	scripts/fuzz-one ./generator/load FuzzReadSpending $(FUZZTIME)
	scripts/fuzz-one ./generator/load FuzzQuickYAML $(FUZZTIME)
	scripts/fuzz-one ./generator/load FuzzPlainCSV $(FUZZTIME)
	scripts/fuzz-one ./generator/pdf FuzzBreak $(FUZZTIME)
	scripts/fuzz-one ./generator/importer FuzzReadCSVForm $(FUZZTIME)
	scripts/fuzz-one ./generator/importer FuzzReadWorkbook $(FUZZTIME) -fuzzminimizetime 100x
	scripts/fuzz-one ./generator/importer FuzzReadXLS $(FUZZTIME) -fuzzminimizetime 100x
	scripts/fuzz-one ./generator/importer FuzzReadDOCX $(FUZZTIME) -fuzzminimizetime 100x
	scripts/fuzz-one ./generator/model FuzzParseDateFastPath $(FUZZTIME)
	scripts/fuzz-one ./generator/num FuzzFormatSmall $(FUZZTIME)
	scripts/fuzz-one ./generator/web FuzzCSVField $(FUZZTIME)
	scripts/fuzz-one ./generator/buildcache FuzzDecodePart $(FUZZTIME)
	scripts/fuzz-one ./generator/publish FuzzReadSpareList $(FUZZTIME)
	scripts/fuzz-one ./generator FuzzContentBuild $(CONTENT_FUZZTIME)

# Province scale (100 departments, 5,000 projects, 1,000,000 records) against
# Hugo; the last line is html_build_vs_hugo_ratio.
bench: build assets
	scripts/bench

# Growth with size: the province at 1×, 3× and 10× (BENCH_SCALES="1 3"
# for fewer), each build, rebuild, check and diff timed, with growth
# exponents and the floor (copying our output, reading our input).
bench-scale: build assets
	scripts/bench-scale

# The kill test and the full = incremental test once on a bench corpus with
# the PDFs (KILL_SCALE=1, 3 or 10): builds killed at random moments leave
# the old or the new site, and the build after them equals a --clean one.
KILL_SCALE ?= 10
kill-scale: build assets
	scripts/kill-scale $(KILL_SCALE)

# Site search and project explorer on the province corpus: index build
# time and size, query time, bytes and recall in Chromium, explorer
# filters, sorting and address (name=value lines).
bench-search: build assets
	scripts/bench-search

# Peak memory as the site grows by departments, and as a department grows.
bench-memory: build assets
	scripts/bench-memory

# Regenerate generator/default.pgo (profile-guided optimization) from the
# bench corpus.
pgo: assets
	scripts/pgo

# The Go benchmarks of each stage.
bench-go:
	$(GO) test -run '^$$' -bench . -benchtime 5x ./...

# Province-scale load-and-check figures (name=value lines).
bench-check:
	scripts/bench-check

# Website build of a synthetic 500-project department (name=value lines).
bench-build: build assets
	scripts/bench-build

# PDF reports: time, size and pages, against headless Chromium printing the
# same department's page (name=value lines).
bench-pdf: build assets
	scripts/bench-pdf

# Every page of public/: Nu HTML checker, axe-core in Chromium, our own
# table and chart rules, no request outside the site, charts drawn.
validate: site
	scripts/validate public

# Rewrite schema/ from the Go types after changing the model.
schema: build
	./$(BIN) schema --out schema

clean:
	rm -rf bin public $(EXAMPLES_OUT) dist generator/assets/bundle
