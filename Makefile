# opname: see README.md. 'make run' and 'make check' do all the set-up.

VERSION := 0.1.0

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

YAML_CFLAGS = $(shell pkg-config --cflags yaml-0.1 2>/dev/null)
YAML_LIBS   = $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CPPFLAGS += -D_GNU_SOURCE -Iinclude -DOPNAME_VERSION='"$(VERSION)"'
ALL_CFLAGS = $(WARN) $(OPT) $(CPPFLAGS) $(YAML_CFLAGS) $(CFLAGS) $(EXTRA)
LDLIBS  = $(YAML_LIBS)

# The library: every source but main.c (mandoc's layout: tests and fuzzers
# link the same code the binary runs).
LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin-rules.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps deps-check run check unit cli rules-test conformance asan \
        clean bench fuzz valgrind install uninstall

all: deps opname

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

opname: $(BUILD)/opname
	cp $< $@

$(BUILD)/opname: $(BUILD)/main.o $(BUILD)/libopname.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/libopname.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: src/%.c $(wildcard include/opname/*.h src/*.h) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/builtin-rules.o: src/builtin-rules.S rules/spelregels.yaml rules/spelregels.tests.yaml | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Wa,-I. -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libopname.a tests/unit/helpers.h | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests/unit -o $@ $< $(BUILD)/libopname.a $(LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

$(BUILD):
	mkdir -p $@

run: all
	./opname ask

# ---- tests ----

check: deps deps-check opname
	$(MAKE) --no-print-directory unit cli rules-test conformance
	$(MAKE) --no-print-directory asan
	@echo "check: all passed"

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do $$t; done

cli: $(BUILD)/opname
	@OPNAME=$(abspath $(BUILD)/opname) tests/cli/run.sh

rules-test: $(BUILD)/opname
	$(BUILD)/opname test

conformance: $(BUILD)/opname
	@if [ -x ../shared/tools/conformance ]; then \
		../shared/tools/conformance $(BUILD)/opname; \
	else echo "conformance: ../shared not present, skipped"; fi

# The unit and CLI suites again under AddressSanitizer and UBSan, in a
# build directory of their own.
asan:
	$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" EXTRA="$(SAN)" LDFLAGS="$(SAN)" unit cli

clean:
	rm -rf build build-asan opname
