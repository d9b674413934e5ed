# SPDX-License-Identifier: EUPL-1.2
# opname: see README.md. 'make run' and 'make check' do all the set-up;
# plain 'make' only builds, and installs nothing.

# 'git describe' in a checkout, the VERSION file in a tarball (make dist).
VERSION := $(shell scripts/version.sh)

CC         ?= cc
OBJCOPY    ?= objcopy
PKG_CONFIG ?= pkg-config
BUILD      ?= build
V          ?= 0
Q          := $(if $(filter 1,$(V)),,@)

# The project's own flags. CPPFLAGS, CFLAGS and LDFLAGS are the builder's
# (environment or command line, as dpkg-buildflags gives them) and come
# after these, so they add to them or override them, never remove them.
# OPT is the default optimisation; WERROR= turns warnings back into
# warnings; HARDEN=0 builds without the hardening flags (the sanitizer and
# fuzzing builds, which bring their own instrumentation).
OPT     ?= -O2 -g
WERROR  ?= -Werror
HARDEN  ?= 1
WARN    := -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Hardening as Debian's dpkg-buildflags has it (hardening-check verifies
# the result, tests/cli/t7004-dist.sh), and CET on x86 (-fcf-protection;
# src/builtin-rules.S carries the matching note). _FORTIFY_SOURCE needs
# optimisation, and a builder's own -D_FORTIFY_SOURCE wins.
HOST_ARCH := $(shell $(CC) -dumpmachine 2>/dev/null)
HARDEN_FORTIFY  = $(if $(findstring _FORTIFY_SOURCE,$(CPPFLAGS) $(CFLAGS)),,\
                  $(if $(filter -O0,$(OPT) $(CFLAGS)),,-D_FORTIFY_SOURCE=2))
HARDEN_CPPFLAGS = $(if $(filter 1,$(HARDEN)),$(HARDEN_FORTIFY))
HARDEN_CFLAGS   = $(if $(filter 1,$(HARDEN)),-fstack-protector-strong \
                  -fstack-clash-protection -fPIE \
                  $(if $(filter x86_64-% i686-% i386-%,$(HOST_ARCH)),-fcf-protection))
HARDEN_LINK    := -pie -Wl,-z,relro -Wl,-z,now
HARDEN_LDFLAGS  = $(if $(filter 1,$(HARDEN)),$(HARDEN_LINK))

YAML_CFLAGS = $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS   = $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# libedit: the interview's line editing on a terminal (src/ask-input.c)
EDIT_CFLAGS = $(shell $(PKG_CONFIG) --cflags libedit 2>/dev/null)
EDIT_LIBS   = $(shell $(PKG_CONFIG) --libs libedit 2>/dev/null || echo -ledit)

OPNAME_CPPFLAGS = -D_GNU_SOURCE -Iinclude $(HARDEN_CPPFLAGS)
OPNAME_CFLAGS   = $(WARN) $(OPT) -pthread $(HARDEN_CFLAGS) $(YAML_CFLAGS) $(EDIT_CFLAGS)
OPNAME_LDFLAGS  = $(HARDEN_LDFLAGS)
ALL_CFLAGS  = $(OPNAME_CPPFLAGS) $(CPPFLAGS) $(OPNAME_CFLAGS) $(CFLAGS) $(EXTRA)
ALL_LDFLAGS = $(OPNAME_LDFLAGS) $(LDFLAGS)
LDLIBS  = $(YAML_LIBS) $(EDIT_LIBS) -pthread

# Three layers (docs/hacking.md). The core: the model, the reader and
# loader, the engine, the analysis, cases, the interview state machine,
# answers and the writers; it prints nothing and never exits, and is what
# libopname.a holds. The command line: the command runtime and the
# commands, terminal text, files written, batch I/O, and the built-in
# model. main.c: main() alone. The tests and fuzzers link the same two
# archives the binary does (mandoc's layout).
CORE_SRC := analysis analysis-dates analysis-report analysis-steps answer api \
            case-load case-save case-stream date diag engine fact fact-dates fact-set \
            glossary i18n interview json lint model out-json out-text rule-index \
            rules-cond rules-define rules-file rules-intended rules-load rules-number \
            rules-outcomes rules-scalars rules-set rules-texts safe-text schema sha256 \
            testcase testprop text-expr util yparser ytree
CORE_OBJ := $(CORE_SRC:%=$(BUILD)/%.o) $(BUILD)/version.o
CLI_SRC  := $(filter-out src/main.c src/rules2c.c $(CORE_SRC:%=src/%.c),$(wildcard src/*.c))
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin-rules.o $(BUILD)/builtin-model.o
INTERNAL_LIBS := $(BUILD)/libopname-cli.a $(BUILD)/libopname-core.a
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps deps-check deps-report run check unit cli rules-test conformance asan \
        clean bench fuzz valgrind install uninstall dist distcheck static portable FORCE

# Plain 'make' installs nothing: it only says what the build lacks.
all: deps-report opname

deps-report:
	@scripts/deps.sh report

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

# Replace, not overwrite: ./opname may be running (a test, an interview).
opname: $(BUILD)/opname
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/opname: $(BUILD)/main.o $(INTERNAL_LIBS) $(BUILD)/libopname.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(BUILD)/main.o $(INTERNAL_LIBS) $(ALL_LDFLAGS) $(LDLIBS)

$(BUILD)/libopname-core.a: $(CORE_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/libopname-cli.a: $(CLI_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

# The library others embed: the core as one object whose only global
# symbols are the API's (opname_*), so that nothing of its inside can
# clash with an embedder's names; include/opname.h is its one header.
$(BUILD)/libopname.a: $(CORE_OBJ)
	@echo "  AR      $@"
	$(Q)$(LD) -r -o $(BUILD)/opname-lib.o $^
	$(Q)$(OBJCOPY) --wildcard --keep-global-symbol='opname_*' $(BUILD)/opname-lib.o
	$(Q)rm -f $@
	$(Q)ar rcs $@ $(BUILD)/opname-lib.o

# Header dependencies as the compiler finds them (-MMD).
-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)

$(BUILD)/%.o: src/%.c | $(BUILD)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/builtin-rules.o: src/builtin-rules.S rules/spelregels.yaml rules/spelregels.tests.yaml | $(BUILD)
	@echo "  AS      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wa,-I. -c -o $@ $<

# The built-in rules as C, loaded and checked once here instead of parsed
# at every start (test_builtin checks the model equals a load of the file).
$(BUILD)/rules2c: $(BUILD)/rules2c.o $(BUILD)/rules-emit.o $(BUILD)/diag-print.o $(BUILD)/libopname-core.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(LDLIBS)

$(BUILD)/builtin-model.c: rules/spelregels.yaml $(BUILD)/rules2c
	@echo "  GEN     $@"
	$(Q)$(BUILD)/rules2c $< "spelregels.yaml (built in)" opname_builtin_model >$@.tmp
	$(Q)mv $@.tmp $@

$(BUILD)/builtin-model.o: $(BUILD)/builtin-model.c
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(INTERNAL_LIBS) | $(BUILD)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -Wno-missing-prototypes -Itests/unit -o $@ $< $(INTERNAL_LIBS) $(ALL_LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

# The version in one object of its own, rewritten only when it changes.
$(BUILD)/version.c: FORCE | $(BUILD)
	$(Q)printf '/* generated by the Makefile from scripts/version.sh */\nconst char opname_version_text[] = "%s";\n' \
		'$(VERSION)' >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(BUILD)/version.o: $(BUILD)/version.c
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD):
	mkdir -p $@

run: deps all
	@scripts/run.sh ./opname

# ---- tests ----

check: deps deps-check opname
	$(MAKE) --no-print-directory unit cli rules-test conformance fuzz-replay bench-smoke
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory portable
	@echo "check: all passed"

# The other compiler and C library the code must build with, warnings as
# errors: clang on glibc, and musl (make static, below); each binary must
# decide a case.
portable:
	@$(MAKE) --no-print-directory BUILD=build-clang CC=clang build-clang/opname
	@build-clang/opname decide --set action=record --set media=video >/dev/null; \
	[ $$? = 1 ] || { echo "portable: the clang build does not decide" >&2; exit 1; }
	@$(MAKE) --no-print-directory static

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do $$t; done

cli: $(BUILD)/opname
	@OPNAME=$(abspath $(BUILD)/opname) tests/cli/run.sh

# The spelregels' own tests: all must pass, and together reach every rule,
# the 'unknown' section and every next step; and the rule file must check.
rules-test: $(BUILD)/opname
	$(BUILD)/opname check --strict
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
	$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" HARDEN=0 EXTRA="$(SAN)" LDFLAGS="$(SAN)" unit cli fuzz-replay

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
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(LDLIBS)

# The floor parses JSON Lines as batch does, with one parser reset per line
# (yparser.c, inside the core).
$(BUILD)/bench/parse-only: bench/parse-only.c $(BUILD)/libopname-core.a | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libopname-core.a $(ALL_LDFLAGS) $(LDLIBS)

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

$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(INTERNAL_LIBS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Isrc -o $@ $< tests/fuzz/replay.c $(INTERNAL_LIBS) $(ALL_LDFLAGS) $(LDLIBS)

$(BUILD)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(INTERNAL_LIBS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Isrc -o $@ $< $(INTERNAL_LIBS) $(ALL_LDFLAGS) $(FUZZ_LDFLAGS) $(LDLIBS)

fuzz-targets: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz-%)

# 'make fuzz FUZZ_SECONDS=N': each target for N seconds with clang's
# libFuzzer, ASan and UBSan, in build-fuzz/. New inputs go to
# build-fuzz/corpus/NAME (not committed); crashes to build-fuzz/NAME-crash-*.
# Only the targets link libFuzzer's main (FUZZ_LDFLAGS), not the build tools.
fuzz:
	@scripts/deps.sh fuzz
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" HARDEN=0 \
		EXTRA="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		LDFLAGS="$(FUZZ_SAN)" FUZZ_LDFLAGS=-fsanitize=fuzzer fuzz-targets
	@set -e; for t in $(FUZZ_TARGETS); do \
		case $$t in rules|analysis) max=65536;; answer) max=1024;; *) max=16384;; esac; \
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
	rm -rf build build-asan build-clang build-fuzz build-static opname opname-static

# ---- one static binary ----

# 'make static': ./opname-static, linked statically against musl and a
# libyaml built for it from Debian's source package
# (scripts/static-libyaml.sh), so it runs on any x86-64 Linux, with or
# without libyaml. musl has no _FORTIFY_SOURCE and a static binary no PIE
# here, so of the hardening only the stack protector is kept; nor is there
# a libedit for musl, so the interview reads lines as the terminal gives
# them (src/ask-edit.c, OPNAME_NO_EDIT). The binary
# checks itself: no dynamic section, and it decides a case (video: not
# allowed, exit status 1).
STATIC := build-static

static:
	@scripts/deps.sh static
	@scripts/static-libyaml.sh $(STATIC)/yaml
	$(MAKE) --no-print-directory BUILD=$(STATIC) CC=musl-gcc HARDEN=0 \
		EXTRA=-fstack-protector-strong LDFLAGS=-static \
		EDIT_CFLAGS=-DOPNAME_NO_EDIT EDIT_LIBS= \
		YAML_CFLAGS=-I$(abspath $(STATIC))/yaml/include \
		YAML_LIBS=$(abspath $(STATIC))/yaml/libyaml.a $(STATIC)/opname
	@if readelf -d $(STATIC)/opname | grep -q NEEDED; then \
		echo "static: $(STATIC)/opname needs shared libraries" >&2; exit 1; fi
	@$(STATIC)/opname decide --set action=record --set media=video >/dev/null; \
	[ $$? = 1 ] || { echo "static: $(STATIC)/opname does not decide" >&2; exit 1; }
	cp $(STATIC)/opname opname-static.tmp && mv -f opname-static.tmp opname-static
	@echo "static: ./opname-static, $$(wc -c <opname-static) bytes, no shared libraries"

# ---- releases ----

# 'make dist [DISTDIR=.]': opname-VERSION.tar.gz (scripts/dist.sh), which
# builds and tests itself with no git and nothing beside it. 'make
# distcheck' proves that: it unpacks the tarball in an empty directory and
# runs 'make check' there.
DISTDIR ?= .

dist:
	@scripts/dist.sh '$(VERSION)' '$(DISTDIR)'

distcheck: dist
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	tar -xzf '$(DISTDIR)/opname-$(VERSION).tar.gz' -C "$$d" && \
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(MAKE) -C "$$d/opname-$(VERSION)" check && \
	echo "distcheck: opname-$(VERSION).tar.gz passes make check on its own"

# ---- installing ----

# 'make install [prefix=/usr/local] [DESTDIR=...]': the binary, the man
# pages, the built-in rules and their tests to read or adapt, the shell
# completions, and the docs. The GNU directory variables are honoured
# (PREFIX is the same as prefix). INSTALL_BIN installs another build of
# the binary without building anything (the install test passes the binary
# under test). The man pages get the version in their footer and the real
# paths of share/opname and the docs.
PREFIX      ?= /usr/local
prefix      ?= $(PREFIX)
exec_prefix ?= $(prefix)
bindir      ?= $(exec_prefix)/bin
datarootdir ?= $(prefix)/share
datadir     ?= $(datarootdir)
mandir      ?= $(datarootdir)/man
docdir      ?= $(datarootdir)/doc/opname
pkgdatadir  ?= $(datadir)/opname
bashcompdir ?= $(datarootdir)/bash-completion/completions
zshcompdir  ?= $(datarootdir)/zsh/site-functions
fishcompdir ?= $(datarootdir)/fish/vendor_completions.d
libdir      ?= $(exec_prefix)/lib
includedir  ?= $(prefix)/include
pkgconfigdir ?= $(libdir)/pkgconfig
INSTALL_BIN ?= $(BUILD)/opname
INSTALL_LIB ?= $(BUILD)/libopname.a
INSTALL     ?= install

# The JSON Schemas of the built-in rules, written by the binary installed.
SCHEMAS   := case outcome questions
DOCS      := README.md CHANGELOG.md LICENSE docs/rules.md docs/spelregels.svg
DOC_EXAMPLES := $(wildcard docs/examples/mediation/*)
DOCS      += docs/hacking.md docs/examples/embed.c
MAN_SED    = -e 's/^\.Os$$/.Os opname $(VERSION)/' \
             -e 's|/usr/local/share/opname|$(pkgdatadir)|g' \
             -e 's|/usr/local/share/doc/opname|$(docdir)|g'

install: $(INSTALL_BIN) $(INSTALL_LIB)
	$(INSTALL) -d $(DESTDIR)$(libdir) $(DESTDIR)$(includedir) $(DESTDIR)$(pkgconfigdir)
	$(INSTALL) -m 644 $(INSTALL_LIB) $(DESTDIR)$(libdir)/libopname.a
	$(INSTALL) -m 644 include/opname.h $(DESTDIR)$(includedir)/opname.h
	printf '%s\n' 'prefix=$(prefix)' 'libdir=$(libdir)' 'includedir=$(includedir)' '' \
		'Name: opname' 'Description: the embeddable core of opname, a policy decision tool' \
		'Version: $(VERSION)' 'Requires: yaml-0.1' 'Libs: -L$${libdir} -lopname' \
		'Cflags: -I$${includedir}' >$(DESTDIR)$(pkgconfigdir)/opname.pc
	chmod 644 $(DESTDIR)$(pkgconfigdir)/opname.pc
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5 \
		$(DESTDIR)$(pkgdatadir) $(DESTDIR)$(bashcompdir) \
		$(DESTDIR)$(zshcompdir) $(DESTDIR)$(fishcompdir) \
		$(DESTDIR)$(docdir)/examples/mediation
	$(INSTALL) -m 755 $(INSTALL_BIN) $(DESTDIR)$(bindir)/opname
	sed $(MAN_SED) man/opname.1 >$(DESTDIR)$(mandir)/man1/opname.1
	sed $(MAN_SED) man/opname-rules.5 >$(DESTDIR)$(mandir)/man5/opname-rules.5
	chmod 644 $(DESTDIR)$(mandir)/man1/opname.1 $(DESTDIR)$(mandir)/man5/opname-rules.5
	$(INSTALL) -m 644 rules/spelregels.yaml rules/spelregels.tests.yaml \
		$(DESTDIR)$(pkgdatadir)/
	$(INSTALL) -d $(DESTDIR)$(pkgdatadir)/schema
	for k in $(SCHEMAS); do \
		$(INSTALL_BIN) schema $$k >$(DESTDIR)$(pkgdatadir)/schema/$$k.schema.json && \
		chmod 644 $(DESTDIR)$(pkgdatadir)/schema/$$k.schema.json || exit 1; done
	$(INSTALL) -m 644 completion/opname.bash $(DESTDIR)$(bashcompdir)/opname
	$(INSTALL) -m 644 completion/opname.zsh $(DESTDIR)$(zshcompdir)/_opname
	$(INSTALL) -m 644 completion/opname.fish $(DESTDIR)$(fishcompdir)/opname.fish
	$(INSTALL) -m 644 $(DOCS) $(DESTDIR)$(docdir)/
	$(INSTALL) -m 644 $(DOC_EXAMPLES) $(DESTDIR)$(docdir)/examples/mediation/

# Exactly what install wrote, and the directories that are ours alone.
uninstall:
	rm -f $(DESTDIR)$(libdir)/libopname.a $(DESTDIR)$(includedir)/opname.h \
		$(DESTDIR)$(pkgconfigdir)/opname.pc
	rm -f $(DESTDIR)$(bindir)/opname $(DESTDIR)$(mandir)/man1/opname.1 \
		$(DESTDIR)$(mandir)/man5/opname-rules.5 \
		$(DESTDIR)$(pkgdatadir)/spelregels.yaml \
		$(DESTDIR)$(pkgdatadir)/spelregels.tests.yaml \
		$(SCHEMAS:%=$(DESTDIR)$(pkgdatadir)/schema/%.schema.json) \
		$(DESTDIR)$(bashcompdir)/opname $(DESTDIR)$(zshcompdir)/_opname \
		$(DESTDIR)$(fishcompdir)/opname.fish \
		$(addprefix $(DESTDIR)$(docdir)/,$(notdir $(DOCS))) \
		$(addprefix $(DESTDIR)$(docdir)/examples/mediation/,$(notdir $(DOC_EXAMPLES)))
	rmdir $(DESTDIR)$(pkgdatadir)/schema $(DESTDIR)$(pkgdatadir) \
		$(DESTDIR)$(docdir)/examples/mediation \
		$(DESTDIR)$(docdir)/examples $(DESTDIR)$(docdir) 2>/dev/null || :
