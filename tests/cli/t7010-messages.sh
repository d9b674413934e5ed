#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Messages about the command line: one 'opname: ' line of the project's
# own for each problem (never getopt's), naming the option, with "did you
# mean" for a likely typo of a command or an option; 'opname help
# [COMMAND]'; --help, --version and help whatever the environment says; a
# flag overrides its environment variable, and a bad environment value is
# reported, naming it, only when it is used.
. "$(dirname "$0")/lib.sh"

only_ours() { # every line of stderr is ours; the first is $1
	printf '%s\n' "$err" | grep -v '^opname: ' | grep -q . && fail_check "a line not ours on stderr"
	[ "$(printf '%s\n' "$err" | head -1)" = "$1" ] || fail_check "first line is not: $1"
}
run decide -f
expect_status 64
only_ours "opname: unknown option '-f'"
expect_err "opname: try 'opname decide --help'"
run decide --formt json
expect_status 64
only_ours "opname: unknown option '--formt' (did you mean '--format'?)"
run decide --format
expect_status 64
only_ours "opname: option '--format' needs a value"
run ask --force=yes
expect_status 64
only_ours "opname: option '--force' takes no value"
run batch -o
expect_status 64
only_ours "opname: option '-o' needs a value"
run --bogus
expect_status 64
only_ours "opname: unknown option '--bogus'"
expect_err "opname: try 'opname --help'"
run --rulez x check
expect_status 64
only_ours "opname: unknown option '--rulez' (did you mean '--rules'?)"
run deside
expect_status 64
only_ours "opname: unknown command 'deside' (did you mean 'decide'?)"
run frobnicate
expect_status 64
only_ours "opname: unknown command 'frobnicate'"
# every command names its bad options: they all read them with cmd_getopt
for c in ask decide batch check test questions graph schema help; do
	run "$c" --bogus
	expect_status 64
	only_ours "opname: unknown option '--bogus'"
done
n=$(grep -l 'getopt_long(' "$top"/src/*.c | grep -v '/options.c$')
[ -z "$n" ] || { last="grep getopt_long src/"; fail_check "getopt_long called outside options.c: $n"; }
# other commands' options work as they did
run decide --set action=record --set media=video --format json
expect_status 1
expect_json '.rule == "R1"'
run decide --set=action=record --set media=video --form=json
expect_status 1
expect_json '.rule == "R1"'

# opname help [COMMAND]: the same as --help
run --help
want=$out
run help
expect_status 0
[ "$out" = "$want" ] || fail_check "help differs from --help"
expect_out '  help       show the usage of opname or of one command'
run decide --help
want=$out
run help decide
expect_status 0
[ "$out" = "$want" ] || fail_check "help decide differs from decide --help"
run help dec
[ "$out" = "$want" ] || fail_check "help dec differs from decide --help"
run help deside
expect_status 64
only_ours "opname: unknown command 'deside' (did you mean 'decide'?)"

# the environment: checked when used, overridden by the flag
for args in --help --version help 'decide --help' 'help ask'; do
	# shellcheck disable=SC2086
	OPNAME_LANG=fr OPNAME_RULES="$tmp/none.yaml" "$OPNAME" $args >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="OPNAME_LANG=fr OPNAME_RULES=none opname $args"
	expect_status 0
	expect_out 'opname'
done
expect_out 'usage: opname ask'
OPNAME_RULES="$tmp/none.yaml" "$OPNAME" --version >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="OPNAME_RULES=none opname --version"
expect_status 0
expect_out 'opname 0.'
expect_err "none.yaml: cannot read: No such file or directory (the rule file OPNAME_RULES names)"
# a flag overrides its variable
OPNAME_LANG=fr "$OPNAME" --lang en decide --set action=record --set media=video >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="OPNAME_LANG=fr opname --lang en decide"
expect_status 1
expect_out 'NOT ALLOWED'
expect_no_err
OPNAME_LANG=fr "$OPNAME" decide --set action=record --set media=video --lang en >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="OPNAME_LANG=fr opname decide --lang en"
expect_status 1
expect_no_err
OPNAME_RULES="$tmp/none.yaml" "$OPNAME" --rules "$top/rules/spelregels.yaml" --version >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="OPNAME_RULES=none opname --rules spelregels.yaml --version"
expect_status 0
expect_out 'rules: spelregels'
expect_no_err
# used, a bad value is reported with where it came from
OPNAME_LANG=fr "$OPNAME" decide --set action=record >"$tmp/out" 2>"$tmp/err"
status=$? err=$(cat "$tmp/err") last="OPNAME_LANG=fr opname decide"
expect_status 64
only_ours "opname: OPNAME_LANG: unknown language 'fr': use nl or en"
OPNAME_RULES="$tmp/none.yaml" "$OPNAME" check >"$tmp/out" 2>"$tmp/err"
status=$? err=$(cat "$tmp/err") last="OPNAME_RULES=none opname check"
expect_status 66
expect_err "(the rule file OPNAME_RULES names)"
# an explicit --rules that cannot be read still fails --version
run --rules "$tmp/none.yaml" --version
expect_status 66
# the command table: positional bounds and option values, checked before
# the rule file is read (a broken one does not hide a usage error)
printf 'not: [a rule file\n' >"$tmp/broken.yaml"
run --rules "$tmp/broken.yaml" decide a.yaml b.yaml
expect_status 64
only_ours "opname: unexpected argument 'b.yaml': one case file at a time: use 'opname batch' for more"
run help ask decide
expect_status 64
only_ours "opname: unexpected argument 'decide': one command at a time"
run --rules "$tmp/broken.yaml" graph extra
expect_status 64
only_ours "opname: unexpected argument 'extra'"
run --rules "$tmp/broken.yaml" schema
expect_status 64
only_ours "opname: which schema? use case, outcome or questions"
run --rules "$tmp/broken.yaml" schema nope
expect_status 64
only_ours "opname: unknown schema 'nope': use case, outcome or questions"
run --rules "$tmp/broken.yaml" questions --format yaml
expect_status 64
only_ours "opname: unknown format 'yaml': use text or json"
run --rules "$tmp/broken.yaml" graph --format svg
expect_status 64
only_ours "opname: unknown format 'svg': use dot or mermaid"
run --rules "$tmp/broken.yaml" test --fail-under 101
expect_status 64
only_ours "opname: --fail-under '101': use a percentage, 0 to 100"
run --rules "$tmp/broken.yaml" batch -j two
expect_status 64
only_ours "opname: -j 'two': give a number of threads from 1 to 256, or 0 for one per processor"
run --rules "$tmp/broken.yaml" ask --force
expect_status 64
only_ours "opname: --force goes with --save FILE"
# and with good options the broken file is what is reported
run --rules "$tmp/broken.yaml" questions --format json
expect_status 65
# batch takes 'json' for jsonl, as it always did
run batch --format json "$examples/01-citizen-at-home-camera.yaml"
expect_status 0
expect_json '.verdict | type == "string"'
# --help comes from the same table as the parse: no option it lists is refused
mkdir "$tmp/opts"
for c in ask decide batch check test questions graph schema help; do
	for o in $("$OPNAME" "$c" --help | grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+$'); do
		# (in $tmp: an option that takes a value takes "--help" as it)
		(cd "$tmp/opts" && "$OPNAME" "$c" "$o" --help >/dev/null 2>"$tmp/err" </dev/null)
		grep -q "unknown option" "$tmp/err" &&
			{ last="opname $c $o --help"; status=- out= err=$(cat "$tmp/err"); fail_check "$c --help lists $o, which it refuses"; }
	done
done
finish
