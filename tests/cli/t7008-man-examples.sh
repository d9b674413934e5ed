#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Every example of the man pages works as shown from an install (make
# install into a DESTDIR, the installed binary first in PATH, the paths of
# /usr/local read there): the interview, the scripted interview and its
# status, decide | jq, saving and replaying with a changed rule file, an
# adapted copy that checks and passes its tests; and opname-rules(5)'s
# rule file, checked and used.
. "$(dirname "$0")/lib.sh"
root="$tmp/root"
make_clean -s -C "$top" install DESTDIR="$root" INSTALL_BIN="$OPNAME" >/dev/null 2>&1 ||
	{ status=- out= err=; last="make install"; fail_check "make install failed"; }
local_=$root/usr/local
man1="$local_/share/man/man1/opname.1"
man5="$local_/share/man/man5/opname-rules.5"
PATH="$local_/bin:$PATH"
export PATH
mkdir "$tmp/w" && cd "$tmp/w" || exit 1

# example PAGE N: the Nth literal block of EXAMPLES, as mdoc source, with
# \e as \ and \& gone
example() {
	awk -v n="$2" '
		/^\.Sh / { in_ex = ($2 == "EXAMPLES") }
		in_ex && /^\.Bd -literal/ { k++; on = (k == n); next }
		on && /^\.Ed/ { on = 0 }
		on { print }
	' "$1" | sed -e 's/\\e/\\/g' -e 's/\\&//g'
}
# shown TEXT: every piece of the example between '...' is in $out, blanks
# folded (the page folds lines where a terminal would)
shown() {
	python3 - "$1" "$out" <<'PY' || fail_check "the output differs from the example"
import re, sys
norm = lambda s: re.sub(r"\s+", " ", s).strip()
out = norm(sys.argv[2])
for piece in sys.argv[1].split("..."):
    piece = norm(piece)
    if piece and piece not in out:
        print("not in the output: %r" % piece, file=sys.stderr)
        sys.exit(1)
PY
}

# opname(1) 1: the interview, in English (answers piped, the choices by number)
want=$(example "$man1" 1 | sed '1d')
out=$(printf '1\n1\nja\n1\nja\nnee\nnee\nnee\n' | opname --lang en 2>&1)
status=$?
last="opname --lang en (example 1)"
expect_status 0
shown "$want"

# 2: the same answers from a script, and the status
example "$man1" 2 | sed -n 's/^\$ \(printf .*\) | opname ask >\/dev\/null$/\1/p' >"$tmp/cmd"
[ -s "$tmp/cmd" ] || fail_check "example 2: no printf line"
out=$(sh -c "$(cat "$tmp/cmd") | opname ask >/dev/null; echo \$?")
last="example 2"
[ "$out" = "$(example "$man1" 2 | tail -n 1)" ] || fail_check "example 2: status $out"

# 3: decide | jq
want=$(example "$man1" 3 | sed '1,2d')
out=$(opname decide --format json --set action=record --set media=video |
	jq -r '.verdict, .next_steps[].id')
last="example 3"
[ "$out" = "$want" ] || fail_check "example 3 differs"

# 4: saved interviews, replayed with a rule file that adds a question
# (the worked example of the installed docs)
mkdir cases
printf '1\n1\nja\n1\nja\nnee\nnee\nnee\n' | opname ask --save cases/2026-0042.yaml >/dev/null 2>&1
printf '6\n' | opname ask --save cases/2026-0043.yaml >/dev/null 2>&1
cp "$local_/share/opname/spelregels.yaml" my.yaml
patch -s my.yaml "$local_/share/doc/opname/examples/mediation/my.patch" ||
	{ last="patch"; fail_check "the installed my.patch does not apply"; }
OPNAME_RULES=my.yaml opname batch --replay cases/ 2>"$tmp/err" |
	jq -c 'select(.changed) | {id, verdict, previous_verdict, missing}' >"$tmp/out"
out=$(cat "$tmp/out"; cat "$tmp/err")
last="example 4"
shown "$(example "$man1" 4 | grep -v '^\$\|^    jq')"

# 5: an adapted copy, checked and tested
example "$man1" 5 | sed -n 's/^\$ //p' | sed "s|/usr/local|$local_|g" >"$tmp/cmds"
rm -f my.yaml my.tests.yaml
out=$(sh -e "$tmp/cmds" 2>&1)
status=$?
last="example 5: $(tr '\n' ';' <"$tmp/cmds")"
expect_status 0
expect_out " passed, 0 failed"

# opname-rules(5): its test file passes
sed -n '/^\.Ss Tests/,/^\.Ed/p' "$man5" | sed '1,/^\.Bd/d;$d' >"$tmp/man.tests.yaml"
out=$(opname test "$tmp/man.tests.yaml" 2>&1)
status=$?
last="opname-rules(5): its Tests example"
expect_status 0
expect_out "1 passed, 0 failed"

# opname-rules(5): its source lint-clean (but for opname(1), not in this
# system's man database), its rule file, then the commands and what they print
out=$(mandoc -Tlint "$top/man/opname-rules.5" 2>&1 | grep -v 'referenced manual not found: Xr opname 1')
last="mandoc -Tlint man/opname-rules.5" status=- err=
[ -z "$out" ] || fail_check "mandoc -Tlint is not clean"
example "$man5" 1 >door.yaml
want=$(example "$man5" 2)
out=$(opname --rules door.yaml --lang en check 2>&1)
status=$?
last="opname-rules(5): check"
expect_status 0
[ "$out" = "$(printf '%s\n' "$want" | sed -n 2,3p)" ] || fail_check "check differs"
out=$(opname --rules door.yaml --lang en decide --set open=false --format json | jq -r .verdict)
last="opname-rules(5): decide"
[ "$out" = "$(printf '%s\n' "$want" | tail -n 1)" ] || fail_check "decide differs"

finish
