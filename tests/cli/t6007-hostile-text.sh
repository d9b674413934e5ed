#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# No control character of the input reaches a terminal raw: not in
# messages (case values, keys, ids, file names), not in text output, not
# from a rule file; JSON is valid UTF-8 whatever the file name; ask --save
# reads back to the same id for any file name; no CSV cell is a formula.
. "$(dirname "$0")/lib.sh"

no_controls() { # no_controls WHAT TEXT: TEXT holds no ESC, BEL, DEL or C1
	if printf '%s' "$2" | LC_ALL=C grep -q "$(printf '[\033\007\177]')" ||
	   printf '%s' "$2" | grep -qaP '[\x{80}-\x{9f}]'; then
		fail_check "$1: a control character reached the terminal"
	fi
}

# messages: a value, a key, an id and a file name with escape sequences
esc=$(printf '\033]52;c;aGk=\007\033[2J')
c1=$(printf '\302\233')
printf 'facts:\n  action: "rec\\e]0;title\\aord"\n  "k\\e[2J": true\n' >"$tmp/values.yaml"
run decide "$tmp/values.yaml"
expect_status 65
expect_err 'rec\x1b]0;title\x07ord'
expect_err 'k\x1b[2J'
no_controls "decide message" "$err"
mkdir "$tmp/d"
printf 'facts: {action: recrod}\n' >"$tmp/d/x${esc}${c1}.yaml"
run batch "$tmp/d"
expect_status 65
expect_err 'x\x1b]52;c;aGk=\x07\x1b[2J\u009b.yaml'
no_controls "batch message" "$err"
printf 'id: "\\e[31mred\\u009b"\nfacts: {action: recrod}\n' >"$tmp/id.yaml"
run batch "$tmp/id.yaml" --format text
expect_out '\x1b[31mred\u009b: error:'
no_controls "batch text" "$out"
no_controls "batch message" "$err"
run --rules "$tmp/nope${esc}.yaml" check
expect_status 66
no_controls "rule file name" "$err"

# JSON: valid UTF-8, whatever the bytes of the file name, and said so
printf 'facts: {action: record, media: video}\n' >"$tmp/d/$(printf 'bad\377name').yaml"
rm "$tmp/d/x${esc}${c1}.yaml"
run batch "$tmp/d"
expect_status 0
expect_err 'bad\xffname.yaml: the file name is not UTF-8: in the records its bad bytes are U+FFFD'
printf '%s\n' "$out" | python3 -c '
import json, sys
data = sys.stdin.buffer.read()
rec = json.loads(data.decode("utf-8"))   # strict: fails on invalid UTF-8
assert rec["id"].endswith("bad\ufffdname.yaml"), rec["id"]
' || fail_check "JSON is not valid UTF-8, or the id is not as said"

# a rule file's texts and version: no control characters
sed 's/^version: "1"/version: "1\\e[2J"/' "$top/tests/data/rules/good.yaml" >"$tmp/esc.yaml"
printf '%s\n' '  - id: extra' '    ref: p' '    text: {nl: "a\u009bb", en: "x"}' >>"$tmp/esc.yaml"
run --rules "$tmp/esc.yaml" check
expect_status 65
expect_err 'version holds a control character ("1\x1b[2J"): write text only'
no_controls "loader message" "$err"

# ask --save: any file name reads back to the same id
python3 - "$OPNAME" "$tmp" <<'PY' || fail_check "saved ids do not read back"
import json, os, subprocess, sys
opname, tmp = sys.argv[1], sys.argv[2]
bad = 0
for n in [b'a\x7fb', b'c\xc2\x85d', b'e\xffg', b'h\xc2\x9bi', b'j\xe2\x80\xa8k',
          b'l\xef\xbb\xbfm', b'n\xef\xbf\xbeo', b'tab\tx', b'nl\nx', b'q"\\x', b'#x: y',
          b'\x1b]0;t\x07']:
    p = os.path.join(tmp.encode(), n + b'.yaml')
    subprocess.run([opname, 'ask', '--save', p], input=b'1\n2\n', capture_output=True)
    d = subprocess.run([opname, 'decide', '--format', 'json', p], capture_output=True)
    try:
        got = json.loads(d.stdout.decode('utf-8'))['id']
    except Exception:
        got = None
    if got != n.decode('utf-8', 'replace'):
        print('  %r: decide says %r, %r' % (n, got, d.stderr[:120]), file=sys.stderr)
        bad += 1
sys.exit(bad)
PY

# CSV: no cell opens as a formula; --csv-raw for the values themselves
cat >"$tmp/formulas.yaml" <<'EOF2'
id: '=HYPERLINK("http://x","y")'
facts: {action: record, media: video}
---
id: "+cmd|' /C calc'!A0"
facts: {action: record, media: video}
---
id: "@SUM(1+1)"
facts: {action: record, media: video}
---
id: "-1+2"
facts: {action: record, media: video}
---
id: "\tTAB"
facts: {action: record, media: video}
EOF2
run batch --format csv "$tmp/formulas.yaml"
expect_status 0
printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))[1:]
assert len(rows) == 5, rows
for r in rows:
    assert r[0][0] == "\x27" and r[0][1] in "=+-@\t", r
' || fail_check "a CSV cell starts a formula: $out"
run batch --format csv --csv-raw "$tmp/formulas.yaml"
expect_out '"=HYPERLINK(""http://x"",""y"")",not_allowed,R1'
expect_out '@SUM(1+1),not_allowed'
finish
