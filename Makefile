# The two commands of the README: `make run` and `make test`.
#   make run APP=console   starts the organiser console instead of the kiosk
# Both install missing Debian packages, configure and build first.
#   make test SANITIZE=address,undefined   builds in build-sanitize/ with sanitizers
#   make test-sanitize   that, without the whole-program tests (label `system`)
JOBS     ?= $(shell nproc)
SANITIZE ?=
BUILD    ?= $(if $(SANITIZE),build-sanitize,build)
# Sanitized code is built without optimisation: at -O2 the instrumented
# build takes about five times as long to compile, at -O0 no longer than
# the plain one, and the tests are short enough for the slower code.
BUILD_TYPE ?= $(if $(SANITIZE),Debug,RelWithDebInfo)
CTEST_ARGS ?=
APP      ?= kiosk

.PHONY: all deps configure build test test-sanitize run package clean
all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DANKANG_SANITIZE=$(SANITIZE) \
	  -DANKANG_BUILD_BENCH=$(if $(SANITIZE),OFF,ON)

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# The unit tests and harnesses again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Tests that drive whole programs through X,
# dpkg or LibreOffice carry the label `system` and run in `make test` only.
test-sanitize:
	@$(MAKE) --no-print-directory test SANITIZE=address,undefined CTEST_ARGS="-LE system"

run: build
	@APP=$(APP) scripts/run.sh $(BUILD)

# Debian packages ankang and ankang-kiosk in $(BUILD)/ (docs/KIOSK-SETUP.md).
package: build
	@cd $(BUILD) && cpack -G DEB

clean:
	rm -rf build build-sanitize
