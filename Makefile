# The two commands of the README, and a few more. Every target first runs scripts/setup for what it needs (build,
# test or bench), which installs what is missing and does nothing otherwise.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
BAROMETER = $(BUILD_DIR)/barometer
PREFIX ?= /usr/local
# What scripts/setup installs; `test` and `bench` set their own (target variables reach the prerequisites).
SETUP_GROUP = build

.PHONY: all setup configure compile edition-2021 verify-2021 reprotest test bench record-layout install clean

all: compile

setup:
	@scripts/setup $(SETUP_GROUP)

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null

compile: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

edition-2021: compile
	$(BAROMETER) build content/2021 --out output/2021

# Builds the edition in memory and compares it with output/2021 (run `make edition-2021` first).
verify-2021: compile
	$(BAROMETER) verify content/2021 --against output/2021/SHA256SUMS

# Debian's reprotest over the edition build (see scripts/reprotest).
reprotest: SETUP_GROUP = audit
reprotest: compile
	@scripts/reprotest content/2021

test: SETUP_GROUP = test
test: compile
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Records the layout dumps of tests/layout/*.expected after a change meant to move things; review the diff.
record-layout: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target record_layout
	$(BUILD_DIR)/record_layout

bench: SETUP_GROUP = bench
bench: compile
	@bench/run content/2021
	@bench/watch content/2021

# The binary, templates, fonts, man page and bash completion under $(DESTDIR)$(PREFIX).
install: compile
	DESTDIR=$(DESTDIR) cmake --install $(BUILD_DIR) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD_DIR) output/2021
