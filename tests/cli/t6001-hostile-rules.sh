#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The rule loader (--rules, OPNAME_RULES) on hostile rule files (quality.md,
# "Bad input"): each gives exit 65 (66 when it cannot be opened) and a
# located message, never a crash. BOM and CRLF are accepted.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
h="$tmp/h"
mkdir "$h"
hostile_make "$h"
rules="$top/rules/spelregels.yaml"
python3 - "$h" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)
w('rules-huge.yaml', b'# ' + b'x' * (5 << 20) + b'\n')                # over 4 MiB
w('rules-big-scalar.yaml', b'name: "' + b'x' * (3 << 20) + b'"\n')   # under it
w('rules-long-line.yaml', b'meta: {' + b', '.join(b'k%d: %d' % (i, i) for i in range(5000)) + b'}\n')
PY

# refused FILE LOCATED-MESSAGE: exit 65 and the message
refused() {
	run --rules "$h/$1" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
	expect_status 65
	expect_err "opname: $h/$1:$2"
	[ -z "$out" ] || fail_check "stdout is not empty"
	case "$err" in *"AddressSanitizer"* | *"runtime error"*) fail_check "sanitizer report" ;; esac
}

refused laughs.yaml "2:7: anchors (&l0) are not allowed"
refused alias.yaml "2:8: aliases (*x) are not allowed"
refused deep-flow.yaml "1:70: nesting deeper than 64 levels"
refused deep-flow-map.yaml "1:259: nesting deeper than 64 levels"
refused deep-block-seq.yaml "2:129: nesting deeper than 64 levels"
refused deep-block-map.yaml "65:65: nesting deeper than 64 levels"
refused long-scalar.yaml "1:5: a scalar of 100000 bytes: the limit is 65536"
refused rules-big-scalar.yaml "1:7: a scalar of 3145728 bytes: the limit is 65536"
refused rules-long-line.yaml "1:"
expect_err "more than 4096 entries in one mapping"
refused many-keys.yaml "4098:3: more than 4096 entries in one mapping"
refused nul.yaml "2:14: invalid text: control characters are not allowed"
refused nul-escape.yaml "2:11: a NUL character in a value is not allowed"
refused bad-utf8.yaml "3:17: invalid text: invalid trailing UTF-8 octet"
refused overlong-utf8.yaml "3:13: invalid text: invalid length of a UTF-8 sequence"
refused surrogate-utf8.yaml "3:13: invalid text: invalid Unicode character"
refused utf16.yaml "1:1: invalid text:"
refused dup.yaml "4:3: duplicate key 'action' (first at line 2)"
refused tag.yaml "1:8: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"
refused tag-local.yaml "2:11: tags (!record) are not allowed"
refused two-docs.yaml "2:1: a second document: expected exactly one"

for f in empty.yaml blank.yaml; do
	run --rules "$h/$f" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
	expect_status 65
	expect_err "opname: $h/$f:1:1: an empty rule file"
done
run --rules "$h/rules-huge.yaml" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 65
expect_err "opname: $h/rules-huge.yaml: larger than the limit of 4 MiB for a rule file"
# the environment variable takes the same path
OPNAME_RULES="$h/dup.yaml" run decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 65
expect_err "opname: $h/dup.yaml:4:3: duplicate key 'action'"

# BOM, CRLF and both: the same decisions as the built-in copy of the file
{ printf '\357\273\277'; cat "$rules"; } >"$h/bom.yaml"
sed 's/$/\r/' "$rules" >"$h/crlf.yaml"
{ printf '\357\273\277'; sed 's/$/\r/' "$rules"; } >"$h/both.yaml"
pick='[.verdict, .rule, .reason, [.next_steps[].id], .facts_used, .missing, .unknown, .rules_file.name, .rules_file.version]'
for f in "$examples"/*.yaml; do
	"$OPNAME" decide "$f" --format json 2>/dev/null | jq -c "$pick" >"$tmp/want"
	for v in bom crlf both; do
		run --rules "$h/$v.yaml" decide "$f" --format json
		expect_no_err
		printf '%s' "$out" | jq -c "$pick" >"$tmp/got"
		cmp -s "$tmp/want" "$tmp/got" || fail_check "$v.yaml: $(basename "$f") decided differently"
	done
done
run --rules "$h/both.yaml" check
expect_status 0

# rule files that cannot be read: 66
run --rules "$h/none.yaml" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 66
expect_err "opname: $h/none.yaml: cannot read: No such file or directory"
run --rules "$h" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 66
expect_err "opname: $h: cannot read: Is a directory"
run --rules "$h/bom.yaml/x.yaml" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 66
expect_err "cannot read: Not a directory"
cp "$rules" "$h/secret.yaml"
chmod 000 "$h/secret.yaml"
if [ "$(id -u)" != 0 ]; then
	run --rules "$h/secret.yaml" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
	expect_status 66
	expect_err "opname: $h/secret.yaml: cannot read: Permission denied"
fi
chmod 600 "$h/secret.yaml"

# with a rule file from disk, output errors are the same as with the built-in
if [ -w /dev/full ]; then
	"$OPNAME" --rules "$h/crlf.yaml" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="--rules crlf.yaml decide >/dev/full"
	expect_status 74
	expect_err "opname: cannot write output: No space left on device"
fi
closed_pipe --rules "$h/crlf.yaml" decide --explain --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status sigpipe
expect_no_err
HOSTILE_IGNORE_SIGPIPE=1 closed_pipe --rules "$h/crlf.yaml" decide --explain --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja
expect_status 74
expect_no_err
finish
