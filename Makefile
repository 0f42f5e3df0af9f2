# Auto Cities — `make run` and `make test` set up what is missing, then work.
SHELL := /bin/bash
GO    ?= go
BIN   ?= autocities
# Debian/Ubuntu packages: building the window needs OpenGL and X11 headers;
# tests need a CJK TrueType font (charts draw Chinese city names) and gcc
# for the race detector.
BUILD_PKGS := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_PKGS  := gcc libc6-dev fonts-wqy-microhei
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UNAME := $(shell uname -s)

.PHONY: run build test lint bench deps deps-test generate clean

run: deps build
	./$(BIN)

build:
	$(GO) build -o $(BIN) .

# Release builds switch Fyne's thread checks off (migrated_fynedo); never for
# development or tests, where those checks catch UI updates off the UI thread.
build-release:
	$(GO) build -tags migrated_fynedo -trimpath -ldflags "-s -w" -o $(BIN) .

test: deps-test
	@echo "gofmt:"; files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "$$files"; echo "run gofmt -w on these files"; exit 1; fi
	$(GO) vet -tags ci ./...
	$(GO) test -race -tags ci ./...

lint: deps-test
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt needed: $$files"; exit 1; fi
	$(GO) vet -tags ci ./...
	CGO_ENABLED=0 GOOS=windows $(GO) vet -tags ci ./...
	CGO_ENABLED=0 GOOS=darwin $(GO) vet -tags ci ./...

bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

generate:
	$(GO) generate ./...

clean:
	rm -f $(BIN)

deps:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(BUILD_PKGS)"

deps-test:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(TEST_PKGS)"

# install-pkgs installs the Debian packages in PKGS that are missing; on
# other systems it says what to install.
install-pkgs:
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 from https://go.dev/dl/"; exit 1; }
ifeq ($(UNAME),Linux)
	@if command -v dpkg-query >/dev/null; then \
	  missing=$$(for p in $(PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "installing: $$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	else \
	  echo "not a Debian-like system: install a C compiler, OpenGL and X11 development headers (Fyne's prerequisites) and a CJK TrueType font such as WenQuanYi Micro Hei"; \
	fi
else ifeq ($(UNAME),Darwin)
	@xcode-select -p >/dev/null 2>&1 || { echo "install the Xcode command line tools: xcode-select --install"; exit 1; }
else
	@echo "Windows: install Go and a MinGW-w64 gcc (e.g. via MSYS2: pacman -S mingw-w64-x86_64-gcc), then run make from an MSYS2 shell"
endif
