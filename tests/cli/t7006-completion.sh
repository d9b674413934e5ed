#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Completion in each shell, as installed (make install): bash keeps a file
# name with spaces as one name; zsh (in a real terminal, under tmux) and
# fish (complete -C) complete commands, --set facts and their values from
# the rule file in use (--rules too), option values, and file names.
. "$(dirname "$0")/lib.sh"
mkdir "$tmp/bin" "$tmp/work"
ln -s "$OPNAME" "$tmp/bin/opname"
make_clean -s -C "$top" install DESTDIR="$tmp/root" \
	INSTALL_BIN="$OPNAME" >/dev/null 2>&1 || { last="make install"; fail_check "make install failed"; }
share="$tmp/root/usr/local/share"
cd "$tmp/work" || exit 1
touch "my case.yaml" "my other case.yaml" plain.yaml
good="$top/tests/data/rules/good.yaml"

# ---- bash ----
bash_complete() { # bash_complete WORD...: COMPREPLY, one per line, sorted
	status=- err=
	PATH="$tmp/bin:$PATH" bash -c '
		. "$0"
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_opname; printf "%s\n" "${COMPREPLY[@]}"' \
		"$share/bash-completion/completions/opname" "$@" | LC_ALL=C sort
}
out=$(bash_complete opname decide my)
last="bash: opname decide my<TAB>"
[ "$out" = "$(printf 'my case.yaml\nmy other case.yaml')" ] || fail_check "names with spaces are not kept whole"
out=$(bash_complete opname batch -o "my c")
last="bash: opname batch -o 'my c'<TAB>"
[ "$out" = "my case.yaml" ] || fail_check "-o: a name with spaces"
out=$(bash_complete opname schema "")
last="bash: opname schema <TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "case outcome questions" ] || fail_check "schema's argument"
out=$(bash_complete opname batch --input "")
last="bash: opname batch --input <TAB>"
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "csv jsonl yaml" ] || fail_check "--input"

# ---- fish ----
if command -v fish >/dev/null 2>&1; then
	fish_complete() {
		out=$(PATH="$tmp/bin:$PATH" XDG_DATA_DIRS="$share" fish --no-config -c \
			"source $share/fish/vendor_completions.d/opname.fish; complete -C '$1'" 2>&1 | cut -f1)
		last="fish: $1<TAB>" status=- err=
	}
	fish_complete "opname dec"
	[ "$out" = decide ] || fail_check "dec does not complete to decide"
	fish_complete "opname decide --set part"
	[ "$out" = "participant=" ] || fail_check "--set part"
	fish_complete "opname decide --set media="
	[ "$(printf '%s' "$out" | tr '\n' ' ')" = "media=audio media=video" ] || fail_check "--set media="
	fish_complete "opname --rules $good decide --set "
	[ "$(printf '%s' "$out" | tr '\n' ' ')" = "kind= ok=" ] || fail_check "--rules: that file's facts"
	fish_complete "opname decide my"
	[ "$out" = "$(printf 'my case.yaml\nmy other case.yaml')" ] || fail_check "file names"
	fish_complete "opname batch --csv-sep "
	[ "$(printf '%s' "$out" | tr '\n' ' ')" = ", ;" ] || fail_check "--csv-sep"
else
	echo "  $name: fish missing (scripts/deps.sh check installs it)" >&2
	failures=$((failures + 1))
fi

# ---- zsh, in a terminal ----
if command -v zsh >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1; then
	sock="opname-zsh-$$"
	tm() { tmux -L "$sock" -f /dev/null "$@"; }
	trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
	mkdir "$tmp/zdot"
	cat >"$tmp/zdot/.zshrc" <<ZSH
fpath=($share/zsh/site-functions \$fpath)
autoload -Uz compinit && compinit -u -d $tmp/zdot/.zcompdump
PS1='%% '
ZSH
	tm new-session -d -x 150 -y 20 -s z \
		"env -i HOME=$tmp TERM=xterm ZDOTDIR=$tmp/zdot PATH=$tmp/bin:$PATH zsh -i"
	# zsh_line TEXT WANT: type TEXT and Tab, until the line reads WANT (tmux
	# drops trailing blanks; the next TEXT shows that the space is there)
	zsh_line() {
		tm send-keys -t z -l -- "$1"
		tm send-keys -t z Tab
		last="zsh: ...$1<TAB>" status=- err=
		i=0
		while [ $i -lt 50 ]; do
			out=$(tm capture-pane -p -t z | grep '^% ' | tail -n 1)
			[ "$out" = "% $2" ] && return 0
			sleep 0.1
			i=$((i + 1))
		done
		fail_check "the line does not read: $2"
	}
	zsh_line "opname dec" "opname decide"
	zsh_line "--set part" "opname decide --set participant="
	zsh_line "tr" "opname decide --set participant=true"
	zsh_line "my\\ c" "opname decide --set participant=true my\\ case.yaml"
	tm send-keys -t z C-u
	zsh_line "opname --rules $good decide --set o" "opname --rules $good decide --set ok="
	tm send-keys -t z C-u
	zsh_line "opname batch --input c" "opname batch --input csv"
	tm send-keys -t z C-u
	zsh_line "opname schema o" "opname schema outcome"
else
	echo "  $name: zsh or tmux missing (scripts/deps.sh check installs them)" >&2
	failures=$((failures + 1))
fi

finish
