# The two commands of the README, and a few more. Every target first runs scripts/setup, which installs what is
# missing and does nothing otherwise.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
BAROMETER = $(BUILD_DIR)/barometer

.PHONY: all setup configure compile edition-2021 test bench clean

all: compile

setup:
	@scripts/setup

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null

compile: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

edition-2021: compile
	$(BAROMETER) build content/2021 --out output/2021

test: compile
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: compile
	@bench/run content/2021

clean:
	rm -rf $(BUILD_DIR) output/2021
