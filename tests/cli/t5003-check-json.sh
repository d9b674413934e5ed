#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# check --format json: one object on stdout with every problem as a record
# ({file, line, column, message}), the same problems the text format gives
# on stderr, for every broken rule file in tests/data/rules; the same exit
# statuses; and nothing on stderr.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

run check --format json
expect_status 0
expect_no_err
expect_json '.valid == true and .problems == 0 and .diagnostics == [] and .paths > 0'
expect_json '.rules_file.name == "spelregels" and (.rules_file.sha256 | length) == 64'

n=0
for f in tests/data/rules/*.yaml; do
	case $f in *.tests.yaml) continue ;; esac
	"$OPNAME" --rules "$f" check >/dev/null 2>"$tmp/text"
	want_status=$?
	run --rules "$f" check --format json
	[ "$status" = "$want_status" ] ||
		fail_check "$f: exit $status with --format json, $want_status without"
	expect_no_err
	[ "$want_status" = 0 ] && continue
	n=$((n + 1))
	# the text format's messages, without the closing count
	want=$(sed -e 's/^opname: //' "$tmp/text" | grep -vE '^[^ ]+: [0-9]+ problems?$')
	got=$(printf '%s' "$out" | jq -r '.diagnostics[] |
		if .line then "\(.file):\(.line):\(.column): \(.message)" else "\(.file): \(.message)" end')
	[ "$got" = "$want" ] || { err=$(printf 'want:\n%s\ngot:\n%s' "$want" "$got"); fail_check "$f: the records are not the messages"; }
	expect_json ".valid == false and .problems == (.diagnostics | length)"
done
[ "$n" -ge 10 ] || { last=count; fail_check "only $n broken rule files"; }

run check --format yaml
expect_status 64
expect_err "opname: unknown format 'yaml': use text or json"

finish
