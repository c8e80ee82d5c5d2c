# The two commands of the README: `make run` and `make test`.
# Both install missing Debian packages, configure and build first.
#   make test SANITIZE=address,undefined   builds in build-sanitize/ with sanitizers
JOBS     ?= $(shell nproc)
SANITIZE ?=
BUILD    ?= $(if $(SANITIZE),build-sanitize,build)
BUILD_TYPE ?= RelWithDebInfo

.PHONY: all deps configure build test run package clean
all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DANKANG_SANITIZE=$(SANITIZE) 

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

run: build
	@scripts/run.sh $(BUILD)

# Debian packages ankang and ankang-kiosk in $(BUILD)/ (docs/KIOSK-SETUP.md).
package: build
	@cd $(BUILD) && cpack -G DEB

clean:
	rm -rf build build-sanitize
