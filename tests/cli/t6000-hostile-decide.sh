#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname decide on hostile case files (quality.md, "Bad input"): each gives
# exit 65 (66 when it cannot be opened) and a located message, never a
# crash; nothing goes to stdout. BOM and CRLF are accepted.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
h="$tmp/h"
mkdir "$h"
hostile_make "$h"

# refused FILE LOCATED-MESSAGE: exit 65, the message, an empty stdout
refused() {
	run decide "$h/$1"
	expect_status 65
	expect_err "opname: $h/$1:$2"
	[ -z "$out" ] || fail_check "stdout is not empty"
	case "$err" in *"AddressSanitizer"* | *"runtime error"*) fail_check "sanitizer report" ;; esac
}

refused laughs.yaml "2:7: anchors (&l0) are not allowed"
refused alias.yaml "2:8: aliases (*x) are not allowed"
refused deep-flow.yaml "1:38: nesting deeper than 32 levels"
refused deep-flow-map.yaml "1:131: nesting deeper than 32 levels"
refused deep-block-seq.yaml "2:65: nesting deeper than 32 levels"
refused deep-block-map.yaml "33:33: nesting deeper than 32 levels"
refused long-scalar.yaml "1:5: a scalar of 100000 bytes: the limit is 65536"
refused long-line.yaml "1:"
expect_err "more than 1024 entries in one mapping"
refused many-keys.yaml "1026:3: more than 1024 entries in one mapping"
refused nul.yaml "2:14: invalid text: control characters are not allowed"
refused nul-escape.yaml "2:11: a NUL character in a value is not allowed"
refused bad-utf8.yaml "3:17: invalid text: invalid trailing UTF-8 octet"
refused overlong-utf8.yaml "3:13: invalid text: invalid length of a UTF-8 sequence"
refused surrogate-utf8.yaml "3:13: invalid text: invalid Unicode character"
refused utf16.yaml "1:1: invalid text:"
refused dup.yaml "4:3: duplicate key 'action' (first at line 2)"
refused dup-top.yaml "3:1: duplicate key 'id' (first at line 2)"
refused tag.yaml "1:8: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"
refused tag-scalar.yaml "2:11: tags (tag:yaml.org,2002:str) are not allowed"
refused tag-local.yaml "2:11: tags (!record) are not allowed"
refused empty.yaml "1:1: an empty case"
refused blank.yaml "1:1: an empty case"
refused two-docs.yaml "2:1: a second document: expected exactly one"

# over the size limit: refused before it is parsed
run decide "$h/big-scalar.yaml"
expect_status 65
expect_err "opname: $h/big-scalar.yaml: larger than the limit of 1048576 bytes for a case"
# the same through stdin
"$OPNAME" decide - <"$h/big-scalar.yaml" >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="decide - <big-scalar.yaml"
expect_status 65
expect_err "opname: <stdin>: larger than the limit"
"$OPNAME" decide - <"$h/dup.yaml" >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="decide - <dup.yaml"
expect_status 65
expect_err "opname: <stdin>:4:3: duplicate key 'action'"

# BOM, CRLF and both: the same JSON as the clean file, for every example
for f in "$examples"/*.yaml; do
	b=$(basename "$f")
	"$OPNAME" decide "$f" --format json >"$tmp/clean.json" 2>/dev/null
	want=$?
	{ printf '\357\273\277'; cat "$f"; } >"$h/bom-$b"
	sed 's/$/\r/' "$f" >"$h/crlf-$b"
	{ printf '\357\273\277'; sed 's/$/\r/' "$f"; } >"$h/both-$b"
	for v in bom crlf both; do
		run decide "$h/$v-$b" --format json
		expect_status "$want"
		expect_no_err
		printf '%s\n' "$out" >"$tmp/v.json"
		cmp -s "$tmp/clean.json" "$tmp/v.json" || fail_check "$v-$b: output differs from $b"
	done
done

# files that cannot be read
run decide "$h/does-not-exist.yaml"
expect_status 66
expect_err "opname: $h/does-not-exist.yaml: cannot read: No such file or directory"
run decide "$h"
expect_status 66
expect_err "opname: $h: cannot read: Is a directory"
cp "$examples/01-citizen-at-home-camera.yaml" "$h/secret.yaml"
chmod 000 "$h/secret.yaml"
if [ "$(id -u)" != 0 ]; then
	# root reads it anyway: only meaningful for a normal user
	run decide "$h/secret.yaml"
	expect_status 66
	expect_err "opname: $h/secret.yaml: cannot read: Permission denied"
fi
chmod 600 "$h/secret.yaml"
# a path that no user can open: a file below a regular file
run decide "$h/secret.yaml/case.yaml"
expect_status 66
expect_err "cannot read: Not a directory"

# output that cannot be written: 74 with a message, for a long output too
if [ -w /dev/full ]; then
	for args in "--set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja" "--explain $h/secret.yaml" "--format json --explain $h/secret.yaml"; do
		# shellcheck disable=SC2086
		"$OPNAME" decide $args >/dev/full 2>"$tmp/err"
		status=$? err=$(cat "$tmp/err") last="decide $args >/dev/full"
		expect_status 74
		expect_err "opname: cannot write output: No space left on device"
	done
fi

# a closed pipe ends quietly: killed by SIGPIPE, or (SIGPIPE ignored) 74 with
# no message
closed_pipe decide --explain "$h/secret.yaml"
expect_status sigpipe
expect_no_err
HOSTILE_IGNORE_SIGPIPE=1 closed_pipe decide --explain "$h/secret.yaml"
expect_status 74
expect_no_err
# and as people write it
first=$("$OPNAME" decide --explain "$h/secret.yaml" 2>"$tmp/err" | head -1)
err=$(cat "$tmp/err") last="decide --explain | head -1"
expect_no_err
[ -n "$first" ] || fail_check "head -1 got nothing"
finish
