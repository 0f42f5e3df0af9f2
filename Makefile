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
# Packaging: xz for the Linux .tar.xz, zip for the Windows .zip, mingw-w64
# to cross-build the Windows .exe with cgo.
LINUX_PKG_PKGS   := xz-utils
WINDOWS_PKG_PKGS := gcc-mingw-w64-x86-64 zip
# The Windows smoke test: Wine (64-bit only), a virtual X screen, xdotool
# and ImageMagick for the window and its screenshot.
SMOKE_WINDOWS_PKGS := wine wine64 xvfb xauth xdotool imagemagick
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UNAME := $(shell uname -s)

.PHONY: run build build-release test lint bench reliability deps deps-test generate clean \
        package-linux package-windows package-darwin install uninstall smoke-windows

# --- Packaging -------------------------------------------------------------
# The fyne CLI, run with go run: pinning it as a tool in go.mod would pull
# Fyne up to v2.8.1. `go run -exec "env VAR=..."` hands cross-build settings
# (CC, GOARCH) to the CLI's own go build without building the CLI with them.
FYNE_CLI   := fyne.io/tools/cmd/fyne@v1.7.4
ACTIONLINT := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
# Code gates (make lint), pinned like the fyne CLI: go run fetches them once.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE    := golang.org/x/tools/cmd/deadcode@v0.52.0
GOCYCLO     := github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
# A function whose cyclomatic complexity is above this fails make lint.
MAX_CYCLO   := 15
VERSION    ?= $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ARCH       := $(shell $(GO) env GOARCH 2>/dev/null)
DIST       := dist
# fyne package writes into the source folder while it works (a metadata .go
# file, a .syso, FyneApp.toml's Build number), so each target works on a
# copy outside the tree (gofmt -l . and go vet ./... never see it).
STAGE      := $(or $(TMPDIR),/tmp)/autocities-package
# --release: -trimpath, -ldflags "-s -w", tags release and migrated_fynedo.
PACKAGE    := package --release --app-version $(VERSION)
LINUX_TAR  := $(DIST)/autocities-$(VERSION)-linux-$(ARCH).tar.xz
WINDOWS_ZIP := $(DIST)/autocities-$(VERSION)-windows-amd64.zip
DARWIN_ARCH ?= $(ARCH)
DARWIN_ZIP := $(DIST)/autocities-$(VERSION)-macos-$(DARWIN_ARCH).zip

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
	$(GO) test -race -tags ci -timeout 30m ./...

# Gates: gofmt; go.mod and go.sum exactly as go mod tidy leaves them; vet
# for all three systems (for macOS only the packages that do not import
# Fyne's widgets: one of Fyne's widget files needs cgo (Objective-C) on
# darwin, which needs a Mac; the Mac CI jobs build those); staticcheck; no
# function unreachable from main (test helpers live in _test.go files); no
# function more complex than MAX_CYCLO; actionlint for the workflows.
lint: deps-test
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt needed: $$files"; exit 1; fi
	@echo "go mod tidy -diff"; $(GO) mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }
	$(GO) vet -tags ci ./...
	$(GO) vet -tags ci,reliability ./views
	CGO_ENABLED=0 GOOS=windows $(GO) vet -tags ci ./...
	CGO_ENABLED=0 GOOS=darwin $(GO) vet -tags ci $$(CGO_ENABLED=0 GOOS=darwin $(GO) list -tags ci \
	  -f '{{.ImportPath}} {{join .Deps " "}} ' ./... | grep -v ' fyne.io/fyne/v2/internal/widget ' | cut -d' ' -f1)
	$(GO) run $(STATICCHECK) -tags ci ./...
	@echo "deadcode"; out=$$($(GO) run $(DEADCODE) -tags ci .) && [ -z "$$out" ] || { echo "$$out"; echo "unreachable code: remove it, or move test helpers into _test.go files"; exit 1; }
	@echo "gocyclo -over $(MAX_CYCLO)"; $(GO) run $(GOCYCLO) -over $(MAX_CYCLO) . || { echo "split these functions: cyclomatic complexity above $(MAX_CYCLO)"; exit 1; }
	$(GO) run $(ACTIONLINT) .github/workflows/*.yml

bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# The reliability suite (views/reliability_test.go): a 300 MB CSV, zip
# bombs of data rows, kill -9 during saves, full and read-only storage
# (a tmpfs when run as root, else skipped with the reason), two instances,
# an export onto the imported file after a restart, pipes, mixed encodings
# and the app's memory with 1 M figures. Prints a table of case, expected,
# observed, time and peak memory. About 3 minutes on 2 cores, the first
# run ~1 minute more to generate its inputs into .cache/reliability/.
reliability:
	$(GO) test -tags ci,reliability -count=1 -timeout 30m -run '^TestReliability$$' -v ./views 2>&1 | \
	  grep -v '^=== \(RUN\|PAUSE\|CONT\)'; exit $${PIPESTATUS[0]}

generate:
	$(GO) generate ./...

clean:
	rm -rf $(BIN) $(DIST) $(STAGE)

# stage-DIR copies the source tree (no builds, caches, CI) to $(STAGE)/DIR.
stage-%:
	rm -rf $(STAGE)/$* && mkdir -p $(STAGE)/$*
	tar -cf - --exclude-vcs --exclude=./$(DIST) --exclude=./.cache --exclude=./.ci \
	  --exclude='*.test' --exclude=./$(BIN) --exclude=./$(BIN).exe . | tar -xf - -C $(STAGE)/$*

# Linux: binary, .desktop file (opens .xlsx, .xlsm, .csv) and icon, with a
# Makefile for (user-)install, as .tar.xz.
package-linux: deps
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(LINUX_PKG_PKGS)"
	@$(MAKE) --no-print-directory stage-linux
	cd $(STAGE)/linux && $(GO) run $(FYNE_CLI) $(PACKAGE) --os linux
	@# fyne v1.7.4 writes Exec := "autocities %F" (the .desktop's file
	@# argument, from [CanOpen]) into the archive's Makefile, which breaks
	@# its install rules: take the %F out there, and repack.
	cd $(STAGE)/linux && rm -rf out && mkdir out && tar -xJf "Auto Cities.tar.xz" -C out && \
	  sed -i 's/^Exec := "\(.*\) %F"$$/Exec := "\1"/' out/autocities/Makefile && \
	  tar -cJf "Auto Cities.tar.xz" -C out autocities
	mkdir -p $(DIST) && mv "$(STAGE)/linux/Auto Cities.tar.xz" $(LINUX_TAR)
	@echo "$(LINUX_TAR): $$(du -h $(LINUX_TAR) | cut -f1)"

# Windows, cross-built with mingw-w64: a GUI .exe (no console window) with
# icon, version and manifest resources, zipped with the README and licence.
package-windows:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(WINDOWS_PKG_PKGS)"
	@$(MAKE) --no-print-directory stage-windows
	cd $(STAGE)/windows && $(GO) run -exec "env CC=x86_64-w64-mingw32-gcc GOARCH=amd64" $(FYNE_CLI) $(PACKAGE) --os windows
	mkdir -p $(DIST) && mv "$(STAGE)/windows/Auto Cities.exe" $(DIST)/autocities.exe
	rm -f $(WINDOWS_ZIP) && zip -q -j -X $(WINDOWS_ZIP) $(DIST)/autocities.exe README.md LICENSE
	@echo "$(WINDOWS_ZIP): $$(du -h $(WINDOWS_ZIP) | cut -f1)"

# The packaged .exe proved under Wine (.ci/smoke-windows, CI runs it): its
# inspect prints what the Linux build's prints, on the default data and on a
# CSV, and under Xvfb its window draws the chart and closes by File → Quit.
smoke-windows: deps package-windows
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(SMOKE_WINDOWS_PKGS)"
	mkdir -p .cache/ci && $(GO) build -o .cache/ci/autocities .
	bash .ci/smoke-windows $(DIST)/autocities.exe .cache/ci/autocities

# macOS, on a Mac: Auto Cities.app, zipped. DARWIN_ARCH=amd64 or arm64
# (default: this Mac's) cross-builds with clang -arch.
package-darwin: deps
	@$(MAKE) --no-print-directory stage-darwin-$(DARWIN_ARCH)
	cd $(STAGE)/darwin-$(DARWIN_ARCH) && $(GO) run -exec "env GOARCH=$(DARWIN_ARCH) 'CC=clang -arch $(if $(filter amd64,$(DARWIN_ARCH)),x86_64,arm64)'" \
	  $(FYNE_CLI) $(PACKAGE) --os darwin
	mkdir -p $(DIST) && rm -f $(DARWIN_ZIP)
	cd $(STAGE)/darwin-$(DARWIN_ARCH) && ditto -c -k --keepParent "Auto Cities.app" $(CURDIR)/$(DARWIN_ZIP)
	@echo "$(DARWIN_ZIP): $$(du -h $(DARWIN_ZIP) | cut -f1)"

# install: the Linux package, for the current user (~/.local: bin, the
# applications menu, the icon), with "Open with" for spreadsheets.
install: package-linux
	rm -rf $(STAGE)/install && mkdir -p $(STAGE)/install && tar -xJf $(LINUX_TAR) -C $(STAGE)/install
	$(MAKE) --no-print-directory -C $(STAGE)/install/autocities user-install
	@if command -v update-desktop-database >/dev/null; then update-desktop-database -q $(HOME)/.local/share/applications; fi
	@echo "installed $(HOME)/.local/bin/autocities; Auto Cities is in the applications menu"

uninstall:
	rm -f $(HOME)/.local/share/applications/io.github.autocities.desktop $(HOME)/.local/bin/autocities \
	  $(HOME)/.local/share/icons/io.github.autocities.png

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
