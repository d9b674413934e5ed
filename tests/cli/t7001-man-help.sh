#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The man page and the bash completion say what --help says: every command
# and option of 'opname --help' and 'opname COMMAND --help' is in the man
# page (each command's own options in its SYNOPSIS line) and the other way
# round; the same options and --format values complete; mandoc -Tlint is
# clean; and completing works (dec<TAB>, --set <TAB>), with or without jq.
. "$(dirname "$0")/lib.sh"
man="$top/man/opname.1"
comp="$top/completion/opname.bash"

check() { # check WHAT WANT GOT
	last="$1"
	[ "$2" = "$3" ] || {
		status=- out="want: $2" err="got: $3"
		fail_check "$1 differs"
	}
}

# options in a --help text: the option table's lines, "  -o, --output FILE"
help_options() {
	grep -E '^  -' | grep -oE '^  (-[a-zA-Z], )?--?[a-z][a-z-]*' |
		tr -d ' ' | tr ',' '\n' | sort -u
}
# --format values in a --help text
help_formats() {
	sed -n 's/^  --format \([a-z|]*\).*/\1/p' | tr '|' '\n' | sort
}
# the -x and --long flags in mdoc text
man_flags() {
	grep -oE '(^\.| )Fl (-[a-z][a-z-]*|[a-z])( |$)' |
		sed -E 's/^(\.| )Fl (-?[a-z][a-z-]*) ?$/-\2/' | sort -u
}
# the SYNOPSIS line of one command ("" for the global lines)
man_synopsis() {
	awk -v cmd="$1" '
		/^\.Sh / { in_syn = ($2 == "SYNOPSIS") }
		!in_syn { next }
		/^\.Nm/ { block++; name[block] = "" }
		/^\.Cm [a-z]+$/ && name[block] == "" { name[block] = $2 }
		{ text[block] = text[block] $0 "\n" }
		END { for (b = 1; b <= block; b++) if (name[b] == cmd) printf "%s", text[b] }
	' "$man"
}

# mandoc -Tlint: nothing to say, but for whether this system's man
# database knows jq(1), dot(1) and opname-rules(5) (not installed here),
# which is not the page's business
err=
if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint "$man" 2>&1)
	status=$?
	out=$(printf '%s\n' "$out" |
		grep -vE 'mandoc\.db lacks (jq|dot)\(1\)|referenced manual not found: Xr ((jq|dot) 1|opname-rules 5)')
	last="mandoc -Tlint man/opname.1"
	[ "$status" -le 1 ] || fail_check "mandoc -Tlint: more than style messages" # 1: only style ones, filtered below
	[ -z "$out" ] || fail_check "mandoc -Tlint is not clean"
else
	echo "  $name: mandoc missing (scripts/deps.sh check installs it)" >&2
	failures=$((failures + 1))
fi

run --help
expect_status 0
commands=$(printf '%s\n' "$out" | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 7 ] || fail_check "found no command list in --help"
global=$(printf '%s\n' "$out" | help_options)
all_help=$global

# the global options: in the synopsis lines without a command
check "global options in SYNOPSIS" "$global" "$(man_synopsis "" | man_flags)"

for c in $commands; do
	run "$c" --help
	expect_status 0
	# the command's own options, without those every command takes
	own=$(printf '%s\n' "$out" | help_options | grep -vxE -- '--rules|--lang|--color|--help|-h')
	all_help=$(printf '%s\n%s\n' "$all_help" "$own")
	formats=$(printf '%s\n' "$out" | help_formats)
	for g in --rules --lang --help -h; do
		printf '%s\n' "$out" | help_options | grep -qx -- "$g" ||
			fail_check "$c --help lacks the global option $g"
	done

	grep -qx "\.It Cm $c.*" "$man" || fail_check "man page: no '.It Cm $c' in COMMANDS"
	syn=$(man_synopsis "$c")
	[ -n "$syn" ] || fail_check "man page: no SYNOPSIS line for $c"
	check "$c: options in --help and in its SYNOPSIS line" "$own" \
		"$(printf '%s' "$syn" | man_flags)"
	for o in $own; do
		grep -qE "^\.It Fl ${o#-}( |$)|^\.It Fl [a-z]( Ar [a-z]+)? , Fl ${o#-}( |$)" "$man" ||
			grep -qE "^\.It Fl ${o#-}" "$man" ||
			fail_check "man page: $c's option $o is not described (.It Fl ${o#-})"
	done
	manfmt=$(printf '%s' "$syn" | sed -n 's/.*Fl -format Cm \(.*\)$/\1/p' |
		tr -d ' ' | tr '|' '\n' | sort)
	check "$c: --format values in --help and in the man page" "$formats" "$manfmt"

	# completion: the same options and --format values
	compopts=$(bash -c '. "$1"; _opname_options "$2"' - "$comp" "$c" |
		tr ' ' '\n' | grep . | sort -u)
	check "$c: options in --help and in the completion" "$own" "$compopts"
	compfmt=$(bash -c '. "$1"; _opname_formats "$2"' - "$comp" "$c" |
		tr ' ' '\n' | grep . | sort)
	check "$c: --format values in --help and in the completion" "$formats" "$compfmt"
done
compcmds=$(bash -c '. "$1"; echo $_opname_commands' - "$comp" | tr ' ' '\n' | sort)
check "commands in --help and in the completion" "$(printf '%s\n' "$commands" | sort)" "$compcmds"

# every option the man page documents is in some --help
all_help=$(printf '%s\n' "$all_help" | grep . | sort -u)
for o in $(man_flags <"$man"); do
	printf '%s\n' "$all_help" | grep -qx -- "$o" ||
		fail_check "man page documents $o, which no --help lists"
done

# the scripted example of EXAMPLES gives what the page shows
run decide --format json --set action=record --set media=video
expect_status 1
shown=$(sed -n "/jq -r '.verdict, .next_steps\[\].id'/,/^\.Ed/p" "$man" | sed '1d;$d')
got=$(printf '%s' "$out" | jq -r '.verdict, .next_steps[].id')
check "man page EXAMPLES: decide | jq" "$shown" "$got"

# completing, as bash does it: COMP_WORDS, COMP_CWORD, then COMPREPLY
mkdir "$tmp/bin"
ln -s "$OPNAME" "$tmp/bin/opname"
bash=$(command -v bash)
complete_words() { # complete_words PATH WORD... (the last is completed)
	p=$1
	shift
	PATH="$p" "$bash" -c '
		. "$0"
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_opname; printf "%s\n" "${COMPREPLY[@]}"' "$comp" "$@"
}
out=$(complete_words "$tmp/bin:$PATH" opname dec)
last="complete: opname dec<TAB>"
[ "$out" = decide ] || fail_check "dec does not complete to decide"
out=$(complete_words "$tmp/bin:$PATH" opname decide --set "")
last="complete: opname decide --set <TAB>"
expect_out "participant="
expect_out "action="
out=$(complete_words "$tmp/bin:$PATH" opname decide --set action = "")
last="complete: opname decide --set action=<TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "record edit share evidence copy breach" ] ||
	fail_check "action= does not offer its choices"
out=$(complete_words "$tmp/bin:$PATH" opname decide --format "")
last="complete: opname decide --format <TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "text json" ] || fail_check "decide --format"
out=$(complete_words "$tmp/bin:$PATH" opname --lang "")
last="complete: opname --lang <TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "nl en" ] || fail_check "--lang"

# without jq: a PATH of opname, sed and tr only
for t in sed tr; do ln -s "$(command -v $t)" "$tmp/bin/$t"; done
out=$(complete_words "$tmp/bin" opname decide --set part)
last="complete without jq: opname decide --set part<TAB>"
[ "$out" = "participant=" ] || fail_check "--set part does not complete without jq"
out=$(complete_words "$tmp/bin" opname decide --set media = "")
last="complete without jq: opname decide --set media=<TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "audio video" ] || fail_check "media= without jq"

finish
