# fdtwin — the two commands of the quick start, and a few more for developers.
#   make demo        install what is missing, build (Release), run the default case
#   make check       install what is missing, build, run the whole CTest suite
#   make validate    build, run the validation tests and the shipped cases, write the report
#                    build/validation/index.html (docs/validation.md); fails if a check fails
#   make check-asan  unit tier under AddressSanitizer + UndefinedBehaviorSanitizer
#   make fuzz        libFuzzer harnesses of the input readers (clang), FUZZ_TIME s each (FUZZERS=…)
#   make tidy        clang-tidy with .clang-tidy over solver/, gui/, bench/, tests/ (fails on any finding)
#   make bench       build and run the benchmarks (bench/README.md)
#   make format      apply .clang-format to every C++ source
JOBS       ?= $(shell nproc)
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 60
FUZZERS    ?= case sweep environment_csv
CASE       ?= cases/barge-ai-20mw.toml
CMAKE_ARGS ?=

.PHONY: deps configure build demo check validate check-asan fuzz tidy bench format clean

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DFDTWIN_WERROR=ON $(CMAKE_ARGS) > $(BUILD).configure.log 2>&1 \
	  || (cat $(BUILD).configure.log; exit 1)

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@mkdir -p results
	$(BUILD)/bin/fdtwin run $(CASE) -o results/$(basename $(notdir $(CASE))).h5

check: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

validate: build
	@scripts/validation-report --build $(BUILD)

check-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DFDTWIN_SANITIZE=ON -DFDTWIN_WERROR=ON > $(ASAN_BUILD).configure.log 2>&1 \
	  || (cat $(ASAN_BUILD).configure.log; exit 1)
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target fdtwin_unit_tests
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

fuzz: deps
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DFDTWIN_FUZZ=ON \
	  -DFDTWIN_WERROR=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS) > $(FUZZ_BUILD).configure.log 2>&1 \
	  || (cat $(FUZZ_BUILD).configure.log; exit 1)
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZERS))
	@FUZZ_TIME=$(FUZZ_TIME) JOBS=$(JOBS) scripts/run-fuzzers $(abspath $(FUZZ_BUILD)) $(FUZZERS)

tidy: build
	@JOBS=$(JOBS) scripts/run-tidy $(BUILD)

bench: build
	@scripts/run-benchmarks $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(BUILD).configure.log $(ASAN_BUILD).configure.log $(FUZZ_BUILD).configure.log
