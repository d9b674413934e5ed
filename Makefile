# opname: see README.md. 'make run' and 'make check' do all the set-up.

VERSION := 0.1.0

CC      ?= cc
BUILD   ?= build
V       ?= 0
Q       := $(if $(filter 1,$(V)),,@)
OPT     ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

YAML_CFLAGS = $(shell pkg-config --cflags yaml-0.1 2>/dev/null)
YAML_LIBS   = $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CPPFLAGS += -D_GNU_SOURCE -Iinclude -DOPNAME_VERSION='"$(VERSION)"'
ALL_CFLAGS = $(WARN) $(OPT) -pthread $(CPPFLAGS) $(YAML_CFLAGS) $(CFLAGS) $(EXTRA)
LDLIBS  = $(YAML_LIBS) -pthread

# The library: every source but main.c (mandoc's layout: tests and fuzzers
# link the same code the binary runs). The core lacks only the built-in
# model, which rules2c (a build tool linked with the core) makes from
# rules/spelregels.yaml.
LIB_SRC  := $(filter-out src/main.c src/rules2c.c src/rules-builtin.c,$(wildcard src/*.c))
CORE_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin-rules.o
LIB_OBJ  := $(CORE_OBJ) $(BUILD)/rules-builtin.o $(BUILD)/builtin-model.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps deps-check run check unit cli rules-test conformance asan \
        clean bench fuzz valgrind install uninstall

all: deps opname

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

# Replace, not overwrite: ./opname may be running (a test, an interview).
opname: $(BUILD)/opname
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/opname: $(BUILD)/main.o $(BUILD)/libopname.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/libopname.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/libopname-core.a: $(CORE_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/%.o: src/%.c $(wildcard include/opname/*.h src/*.h) | $(BUILD)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/builtin-rules.o: src/builtin-rules.S rules/spelregels.yaml rules/spelregels.tests.yaml | $(BUILD)
	@echo "  AS      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wa,-I. -c -o $@ $<

# The built-in rules as C, loaded and checked once here instead of parsed
# at every start (test_builtin checks the model equals a load of the file).
$(BUILD)/rules2c: $(BUILD)/rules2c.o $(BUILD)/libopname-core.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/builtin-model.c: rules/spelregels.yaml $(BUILD)/rules2c
	@echo "  GEN     $@"
	$(Q)$(BUILD)/rules2c $< "spelregels.yaml (built in)" opname_builtin_model >$@.tmp
	$(Q)mv $@.tmp $@

$(BUILD)/builtin-model.o: $(BUILD)/builtin-model.c
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libopname.a tests/unit/helpers.h | $(BUILD)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests/unit -o $@ $< $(BUILD)/libopname.a $(LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

$(BUILD):
	mkdir -p $@

run: all
	./opname ask

# ---- tests ----

check: deps deps-check opname
	$(MAKE) --no-print-directory unit cli rules-test conformance fuzz-replay bench-smoke
	$(MAKE) --no-print-directory asan
	@echo "check: all passed"

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do $$t; done

cli: $(BUILD)/opname
	@OPNAME=$(abspath $(BUILD)/opname) tests/cli/run.sh

# The spelregels' own tests: all must pass, and together reach every rule,
# the 'unknown' section and every next step; and the rule file must check.
rules-test: $(BUILD)/opname
	$(BUILD)/opname check
	$(BUILD)/opname test rules/
	@$(BUILD)/opname test --coverage >$(BUILD)/coverage.txt; s=$$?; \
	cat $(BUILD)/coverage.txt; \
	if [ $$s != 0 ] || grep -q '^not reached' $(BUILD)/coverage.txt; then \
		echo "rules-test: a test failed or the coverage is not complete" >&2; exit 1; fi

conformance: $(BUILD)/opname
	@if [ -x ../shared/tools/conformance ]; then \
		../shared/tools/conformance $(BUILD)/opname; \
	else echo "conformance: ../shared not present, skipped"; fi

# The unit and CLI suites again under AddressSanitizer and UBSan, in a
# build directory of their own.
asan:
	$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" EXTRA="$(SAN)" LDFLAGS="$(SAN)" unit cli fuzz-replay

# ---- benchmark (bench/) ----

# 'make bench': batch throughput and CPU time per case against libyaml's
# parse-only time, peak memory at 100 000 and 1 000 000 cases, -j 1 against
# -j 2, the cost per case at 10, 100 and 1 000 rules, and one decide process
# against true(1); prints one table and whether each target holds
# (bench/run.sh). Takes a few minutes; not part of 'make check', which
# only runs bench-smoke: the bench programs on a few cases.
BENCH_BIN := $(BUILD)/bench/gen $(BUILD)/bench/gen-rules $(BUILD)/bench/parse-only $(BUILD)/bench/runner

.PHONY: bench-smoke

$(BUILD)/bench/%: bench/%.c | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)

# The floor parses JSON Lines as batch does, with one parser reset per line.
$(BUILD)/bench/parse-only: bench/parse-only.c $(BUILD)/libopname.a | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libopname.a $(LDFLAGS) $(LDLIBS)

bench: deps $(BUILD)/opname $(BENCH_BIN)
	@bench/run.sh $(abspath $(BUILD)/opname) $(abspath $(BUILD)/bench)

bench-smoke: $(BUILD)/opname $(BENCH_BIN)
	@BENCH_SMALL=300 BENCH_LARGE=600 BENCH_RUNS=1 BENCH_DECIDE_RUNS=3 \
		bench/run.sh $(abspath $(BUILD)/opname) $(abspath $(BUILD)/bench) >/dev/null 2>$(BUILD)/bench-smoke.txt; \
	s=$$?; if { [ $$s != 0 ] && [ $$s != 3 ]; } || ! grep -q 'bench: decide and true' $(BUILD)/bench-smoke.txt; then \
		cat $(BUILD)/bench-smoke.txt >&2; echo "bench-smoke: failed" >&2; exit 1; fi; \
	echo "bench-smoke: passed"

# ---- fuzzing and valgrind (tests/fuzz/) ----

# Every tests/fuzz/fuzz_NAME.c is a libFuzzer target NAME with its seeds and
# past crashers in tests/fuzz/corpus/NAME/.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: fuzz-replay fuzz-targets

# The corpus through each target as a plain program (replay.c): no libFuzzer
# needed, so it runs in every 'make check', normal and ASan.
fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
	@set -e; for t in $(FUZZ_TARGETS); do \
		$(BUILD)/fuzz/replay-$$t tests/fuzz/corpus/$$t; done

$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libopname.a
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Isrc -o $@ $< tests/fuzz/replay.c $(BUILD)/libopname.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(BUILD)/libopname.a
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Isrc -o $@ $< $(BUILD)/libopname.a $(LDFLAGS) $(FUZZ_LDFLAGS) $(LDLIBS)

fuzz-targets: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz-%)

# 'make fuzz FUZZ_SECONDS=N': each target for N seconds with clang's
# libFuzzer, ASan and UBSan, in build-fuzz/. New inputs go to
# build-fuzz/corpus/NAME (not committed); crashes to build-fuzz/NAME-crash-*.
# Only the targets link libFuzzer's main (FUZZ_LDFLAGS), not the build tools.
fuzz:
	@scripts/deps.sh fuzz
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" \
		EXTRA="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		LDFLAGS="$(FUZZ_SAN)" FUZZ_LDFLAGS=-fsanitize=fuzzer fuzz-targets
	@set -e; for t in $(FUZZ_TARGETS); do \
		case $$t in rules) max=65536;; answer) max=1024;; *) max=16384;; esac; \
		mkdir -p build-fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		build-fuzz/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=$$max -dict=tests/fuzz/yaml.dict -rss_limit_mb=2048 \
			-timeout=5 -print_final_stats=1 \
			-artifact_prefix=build-fuzz/$$t- \
			build-fuzz/corpus/$$t tests/fuzz/corpus/$$t; \
	done

# The CLI suite with every opname run under valgrind: any error or definite
# leak makes that run exit 99, which fails its test.
valgrind: $(BUILD)/opname
	@scripts/deps.sh valgrind
	@VALGRIND=$$(command -v valgrind) OPNAME_REAL=$(abspath $(BUILD)/opname) \
		OPNAME=$(abspath tests/valgrind-opname.sh) \
		tests/cli/run.sh

clean:
	rm -rf build build-asan build-fuzz opname

# ---- installing ----

# 'make install [PREFIX=/usr/local] [DESTDIR=...]': the binary, the man
# page, the built-in rules and their tests to read or adapt, and bash
# completion. INSTALL_BIN installs another build of the binary without
# building anything (the install test passes the binary under test). The
# man page gets VERSION in its footer and the real path of share/opname.
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
DATADIR     ?= $(PREFIX)/share/opname
COMPDIR     ?= $(PREFIX)/share/bash-completion/completions
INSTALL_BIN ?= $(BUILD)/opname
INSTALL     ?= install

install: $(INSTALL_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR) $(DESTDIR)$(COMPDIR)
	$(INSTALL) -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/opname
	sed -e 's/^\.Os$$/.Os opname $(VERSION)/' -e 's|/usr/local/share/opname|$(DATADIR)|g' \
		man/opname.1 >$(DESTDIR)$(MANDIR)/man1/opname.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/opname.1
	$(INSTALL) -m 644 rules/spelregels.yaml rules/spelregels.tests.yaml \
		$(DESTDIR)$(DATADIR)/
	$(INSTALL) -m 644 completion/opname.bash $(DESTDIR)$(COMPDIR)/opname

# Exactly what install wrote, and share/opname, which is ours alone.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/opname $(DESTDIR)$(MANDIR)/man1/opname.1 \
		$(DESTDIR)$(DATADIR)/spelregels.yaml \
		$(DESTDIR)$(DATADIR)/spelregels.tests.yaml \
		$(DESTDIR)$(COMPDIR)/opname
	rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || :
