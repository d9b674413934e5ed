# SPDX-License-Identifier: EUPL-1.2
# Helpers for the tests of opname in a real terminal (sourced after
# lib.sh): a tmux server of the test's own, and
#   start TAG ENV... -- ARGS   opname ARGS in a new 100x40 terminal (TM_WIDTH
#                              columns if set); the
#                              pane records opname's pid, its exit status
#                              and the terminal's settings before and after
#   screen TAG                 what the terminal shows (with history)
#   wait_for TAG TEXT          until the terminal shows TEXT (10 s at most)
#   wait_lines TAG LINE N      until LINE is a whole line N times
#   type_line TAG TEXT WAIT    type TEXT and Enter, then wait for WAIT
#   finished TAG STATUS        opname exited STATUS, the terminal unchanged
command -v tmux >/dev/null 2>&1 || {
	echo "  $name: tmux is missing (scripts/deps.sh check installs it)" >&2
	exit 1
}
sock="opname-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
esc=$(printf '\033')

# The pane runs this: the status goes to a file, and the terminal's
# settings are taken before and after. The shell catches SIGINT (so that it
# lives on to write the status) while opname gets the default disposition.
cat >"$tmp/pane.sh" <<'SH'
dir=$1 tag=$2
shift 2
trap true INT
stty -g >"$dir/before.$tag"
sh -c 'echo $$ >"$0"; exec "$@"' "$dir/pid.$tag" "$@"
echo $? >"$dir/status.$tag"
stty -g >"$dir/after.$tag"
SH

start() {
	tag=$1
	shift
	last="tmux: $*"
	status=- out= err=
	tm new-session -d -x "${TM_WIDTH:-100}" -y 40 -s "$tag" sh "$tmp/pane.sh" "$tmp" "$tag" env "$@" \; \
		set-option -t "$tag" remain-on-exit on
}

screen() { tm capture-pane -p -t "$1" -S -200; }

wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		out=$(screen "$1")
		case $out in *"$2"*) return 0 ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	fail_check "the terminal never showed: $2"
	return 1
}

# wait_lines TAG LINE N: until LINE is a whole line of the screen N times
wait_lines() {
	i=0
	while [ $i -lt 100 ]; do
		n=$(screen "$1" | grep -cx -- "$2")
		[ "$n" -ge "$3" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail_check "the terminal showed '$2' $n times, want $3"
	return 1
}

type_line() {
	tm send-keys -t "$1" -l "$2"
	tm send-keys -t "$1" Enter
	wait_for "$1" "$3"
}

finished() {
	i=0
	while [ ! -s "$tmp/status.$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2 # for stty -g after
	status=$(cat "$tmp/status.$1" 2>/dev/null)
	out=$(screen "$1")
	expect_status "$2"
	cmp -s "$tmp/before.$1" "$tmp/after.$1" || fail_check "terminal settings changed"
}
