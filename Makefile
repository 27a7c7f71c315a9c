# The two commands of the README, and a few more. Every target first runs scripts/setup for what it needs (build,
# test or bench), which installs what is missing and does nothing otherwise.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
BAROMETER = $(BUILD_DIR)/barometer
PREFIX ?= /usr/local
# What scripts/setup installs; `test` and `bench` set their own (target variables reach the prerequisites).
SETUP_GROUP = build

.PHONY: all setup configure compile edition-2021 verify-2021 reprotest test sanitize fuzz bench bench-scale bench-reference record-layout install clean

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

# Every test again, in a second build folder compiled with AddressSanitizer and UndefinedBehaviorSanitizer; the
# first report of either fails the test that caused it. Leaks inside system libraries (caches they keep for the
# life of the process) are listed in tests/sanitize/lsan.supp.
SANITIZE_DIR ?= build-sanitize
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0

# Unoptimised with line tables only: with the sanitizers on, -O2 -g costs ten times the CPU of a release build to
# compile, -O0 -g1 about the same, which keeps this affordable in CI.
sanitize: SETUP_GROUP = test
sanitize: setup
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O0 -g1" \
	  -DBAROMETER_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

# libFuzzer programs (clang, installed by `scripts/setup fuzz` on first use) for the loaders, each run FUZZ_SECONDS
# from a seed corpus made from content/2021 and templates/; see tests/fuzz/run.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 30

fuzz: SETUP_GROUP = fuzz
fuzz: setup
	@cmake -S . -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBAROMETER_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_targets
	tests/fuzz/run $(FUZZ_DIR) $(FUZZ_SECONDS)

bench: SETUP_GROUP = bench
bench: compile
	@bench/run content/2021
	@bench/watch content/2021

# How the build grows: the 2021 sections repeated 5, 25 and 50 times (generated into a temporary folder), each
# built once (RUNS=3 for medians); CPU, wall, peak memory, ms per page and per-stage times. Then the same content
# through Typst (from npm, when node is present) at 1x and 25x. Takes minutes.
# This machine against the one the targets were set on: the commit whose 169.5 ms set `make bench`'s 300 ms target,
# compiled in a temporary folder and timed beside the current binary. Takes minutes.
bench-reference: SETUP_GROUP = bench
bench-reference: compile
	@bench/reference

bench-scale: SETUP_GROUP = bench
bench-scale: compile
	@bench/scale content/2021 5 25 50
	@bench/typst content/2021
	@RUNS=1 bench/typst content/2021 25

# The binary, templates, fonts, man page and bash completion under $(DESTDIR)$(PREFIX).
install: compile
	DESTDIR=$(DESTDIR) cmake --install $(BUILD_DIR) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) output/2021
