#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# 'make bench': the performance targets of quality.md and issue 4, measured
# on this machine in one run, printed as one table.
#
# usage: bench/run.sh OPNAME BENCH-BIN-DIR
#   BENCH-BIN-DIR holds gen, parse-only and runner (built by make).
# Environment: BENCH_SMALL (default 100000) and BENCH_LARGE (1000000) cases,
# BENCH_RUNS (5) runs per throughput figure, BENCH_DECIDE_RUNS (200).
# Exit 0 when every target holds, 3 when one is missed, else a failure.
#
# Cases come from bench/gen (every policy path, ids, meta, extra and unknown
# facts, saved outcomes) into a temporary directory, removed at the end.
# Times are medians over interleaved runs (runner: posix_spawn + wait4), so
# that a busy moment of the machine falls on both sides of a ratio. The
# ratio to libyaml's parse-only time is taken on CPU time (user + system),
# which another process on the machine disturbs least; wall time is shown
# beside it. batch writes to /dev/null: the disk is not what is measured.
set -eu
opname=$1
bin=$2
small=${BENCH_SMALL:-100000}
large=${BENCH_LARGE:-1000000}
runs=${BENCH_RUNS:-5}
decide_runs=${BENCH_DECIDE_RUNS:-200}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opname-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

say() { printf '%s\n' "$*" >&2; }

# The generated cases must all be good cases: a batch of errors would
# measure the wrong thing.
generate() { # COUNT FORMAT FILE
	if [ "$2" = jsonl ]; then "$bin/gen" --jsonl "$1" >"$3"; else "$bin/gen" "$1" >"$3"; fi
	"$opname" batch "$3" >/dev/null 2>"$tmp/summary" || {
		say "bench: batch of generated cases failed:"
		cat "$tmp/summary" >&2
		exit 2
	}
	grep -q "^opname: $1 cases: " "$tmp/summary" || { cat "$tmp/summary" >&2; exit 2; }
}

say "bench: generating $small and $large cases in $tmp"
for n in "$small" "$large"; do
	generate "$n" yaml "$tmp/$n.yaml"
	generate "$n" jsonl "$tmp/$n.jsonl"
done

# runner prints: median_ms min_ms cpu_median_ms cpu_min_ms maxrss_kb
say "bench: throughput, $runs interleaved runs each"
"$bin/runner" -q -n "$runs" \
	"$bin/parse-only" "$tmp/$small.yaml" \; "$opname" batch "$tmp/$small.yaml" \; \
	"$bin/parse-only" --jsonl "$tmp/$small.jsonl" \; "$opname" batch "$tmp/$small.jsonl" \
	>"$tmp/small"
say "bench: $large cases, one run each"
"$bin/runner" -q -n 1 \
	"$bin/parse-only" "$tmp/$large.yaml" \; "$opname" batch "$tmp/$large.yaml" \; \
	"$bin/parse-only" --jsonl "$tmp/$large.jsonl" \; "$opname" batch "$tmp/$large.jsonl" \
	>"$tmp/large"
say "bench: decide and true, $decide_runs interleaved runs each"
cp "$(dirname "$0")/../tests/data/examples/01-citizen-at-home-camera.yaml" "$tmp/case.yaml" 2>/dev/null ||
	printf 'facts: {action: record, media: audio, participant: true, recorder: citizen, announced: true, weighty_reasons: false, at_home: true, camera_present: true}\n' >"$tmp/case.yaml"
"$bin/runner" -q -n "$decide_runs" true \; "$opname" decide --format json "$tmp/case.yaml" >"$tmp/decide"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
awk -v small="$small" -v large="$large" -v runs="$runs" -v druns="$decide_runs" \
    -v cpu="$cpu" -v cores="$(nproc 2>/dev/null || echo '?')" '
FILENAME ~ /small$/ { s[FNR] = $0 }
FILENAME ~ /large$/ { l[FNR] = $0 }
FILENAME ~ /decide$/ { d[FNR] = $0 }
function f(line, i,   a) { split(line, a, " "); return a[i] }
function row(label, n, po, b, ratio_ok,   cps, ratio, wratio) {
	# po, b: runner lines of parse-only and batch
	cps = n / (f(b, 1) / 1000)
	ratio = f(b, 3) / f(po, 3)
	wratio = f(b, 1) / f(po, 1)
	printf "%-22s %9d %10.0f %9.3f %9.3f %9.3f %9.3f %6.2fx %6.2fx %8.1f\n", label, n, cps,
		f(b, 1) / 1000, f(b, 3) / 1000, f(po, 1) / 1000, f(po, 3) / 1000, ratio, wratio, f(b, 5) / 1024
	return ratio
}
END {
	printf "opname bench: %s, %s cores\n\n", cpu, cores
	printf "%-22s %9s %10s %9s %9s %9s %9s %7s %7s %8s\n", "batch input", "cases", "cases/s",
		"wall s", "cpu s", "parse wall", "parse cpu", "ratio", "(wall)", "RSS MB"
	r1 = row("YAML, multi-document", small, s[1], s[2])
	r2 = row("JSON Lines", small, s[3], s[4])
	r3 = row("YAML, multi-document", large, l[1], l[2])
	r4 = row("JSON Lines", large, l[3], l[4])
	printf "(medians of %d runs at %d cases, one run at %d; parse = libyaml parse-only,\n", runs, small, large
	printf " bench/parse-only; ratio = batch cpu / parse cpu, (wall) the same in wall time)\n\n"
	dm = f(d[2], 1); tm = f(d[1], 1)
	printf "%-22s %9s %9s %9s\n", "one process", "median", "min", "RSS MB"
	printf "%-22s %7.3f ms %6.3f ms %9.1f\n", "true", tm, f(d[1], 2), f(d[1], 5) / 1024
	printf "%-22s %7.3f ms %6.3f ms %9.1f\n", "opname decide", dm, f(d[2], 2), f(d[2], 5) / 1024
	printf "(medians of %d interleaved runs: decide = %.2fx true)\n\n", druns, dm / tm

	rss_small = (f(s[2], 5) > f(s[4], 5) ? f(s[2], 5) : f(s[4], 5)) / 1024
	rss_large = (f(l[2], 5) > f(l[4], 5) ? f(l[2], 5) : f(l[4], 5)) / 1024
	worst = r1; if (r2 > worst) worst = r2; if (r3 > worst) worst = r3; if (r4 > worst) worst = r4
	ok = 1
	ok = check(worst <= 1.5, sprintf("batch at most 1.5x parse-only: worst %.2fx", worst)) && ok
	ok = check(rss_large < 16, sprintf("peak RSS under 16 MB at %d cases: %.1f MB", large, rss_large)) && ok
	ok = check(rss_large - rss_small < 1, sprintf("RSS flat from %d to %d cases: %+.2f MB", small, large, rss_large - rss_small)) && ok
	ok = check(dm < 2, sprintf("decide median under 2 ms: %.3f ms", dm)) && ok
	ok = check(dm <= 3 * tm, sprintf("decide at most 3x true: %.2fx", dm / tm)) && ok
	exit ok ? 0 : 3
}
function check(cond, text) {
	printf "%-6s %s\n", cond ? "ok" : "MISSED", text
	return cond
}' "$tmp/small" "$tmp/large" "$tmp/decide"
