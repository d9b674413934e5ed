#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# 'make bench': the performance targets for batch and decide, measured on
# this machine in one run, printed as one table: throughput and CPU time per
# case beside libyaml's parse-only time, peak memory, -j 1 against -j 2, and
# the cost per case at 10, 100 and 1 000 rules (bench/gen-rules).
#
# usage: bench/run.sh OPNAME BENCH-BIN-DIR
#   BENCH-BIN-DIR holds gen, parse-only and runner (built by make).
# Environment: BENCH_SMALL (default 100000) and BENCH_LARGE (1000000) cases,
# BENCH_RUNS (5) runs per throughput figure, BENCH_DECIDE_RUNS (200).
# BENCH_BIN_DIR also holds gen-rules.
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
say "bench: -j 1 and -j 2, $runs interleaved runs each"
"$bin/runner" -q -n "$runs" \
	"$opname" batch -j 1 "$tmp/$small.yaml" \; "$opname" batch -j 2 "$tmp/$small.yaml" \; \
	"$opname" batch -j 1 "$tmp/$small.jsonl" \; "$opname" batch -j 2 "$tmp/$small.jsonl" \
	>"$tmp/jobs"
say "bench: 10, 100 and 1000 rules, $runs interleaved runs each"
for r in 10 100 1000; do "$bin/gen-rules" "$r" >"$tmp/rules$r.yaml"; done
"$bin/gen-rules" --cases "$small" >"$tmp/rule-cases.jsonl"
"$bin/runner" -q -n "$runs" \
	"$opname" --rules "$tmp/rules10.yaml" batch "$tmp/rule-cases.jsonl" \; \
	"$opname" --rules "$tmp/rules100.yaml" batch "$tmp/rule-cases.jsonl" \; \
	"$opname" --rules "$tmp/rules1000.yaml" batch "$tmp/rule-cases.jsonl" \
	>"$tmp/rules"
say "bench: decide and true, $decide_runs interleaved runs each"
cp "$(dirname "$0")/../tests/data/examples/01-citizen-at-home-camera.yaml" "$tmp/case.yaml" 2>/dev/null ||
	printf 'facts: {action: record, media: audio, participant: true, recorder: citizen, announced: true, weighty_reasons: false, at_home: true, camera_present: true}\n' >"$tmp/case.yaml"
"$bin/runner" -q -n "$decide_runs" true \; "$opname" decide --format json "$tmp/case.yaml" >"$tmp/decide"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
awk -v small="$small" -v large="$large" -v runs="$runs" -v druns="$decide_runs" \
    -v cpu="$cpu" -v cores="$(nproc 2>/dev/null || echo '?')" -v load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" '
FILENAME ~ /small$/ { s[FNR] = $0 }
FILENAME ~ /large$/ { l[FNR] = $0 }
FILENAME ~ /jobs$/ { j[FNR] = $0 }
FILENAME ~ /rules$/ { r[FNR] = $0 }
FILENAME ~ /decide$/ { d[FNR] = $0 }
function f(line, i,   a) { split(line, a, " "); return a[i] }
# one row: label, cases, the runner line, a ratio and what it is against
function row(label, n, b, ratio, against) {
	printf "%-24s %8d %9.0f %8.2f %8.3f %8.3f %7.2fx %-18s %6.1f\n", label, n,
		n / (f(b, 1) / 1000), f(b, 3) * 1000 / n, f(b, 1) / 1000, f(b, 3) / 1000,
		ratio, against, f(b, 5) / 1024
}
function floor_row(label, n, po, b,   ratio) {
	ratio = f(b, 3) / f(po, 3)
	row(label, n, b, ratio, sprintf("parse cpu %.3f s", f(po, 3) / 1000))
	return ratio
}
END {
	printf "opname bench: %s, %s cores, load %s at the end\n\n", cpu, cores, load
	printf "%-24s %8s %9s %8s %8s %8s %8s %-18s %6s\n", "batch", "cases", "cases/s",
		"us/case", "wall s", "cpu s", "ratio", "(against)", "RSS MB"
	ry1 = floor_row("YAML, multi-document", small, s[1], s[2])
	rj1 = floor_row("JSON Lines", small, s[3], s[4])
	ry2 = floor_row("YAML, multi-document", large, l[1], l[2])
	rj2 = floor_row("JSON Lines", large, l[3], l[4])
	jy = f(j[1], 1) / f(j[2], 1); jj = f(j[3], 1) / f(j[4], 1)
	row("YAML, -j 1", small, j[1], 1, "")
	row("YAML, -j 2", small, j[2], jy, "-j 1 wall / -j 2")
	row("JSON Lines, -j 1", small, j[3], 1, "")
	row("JSON Lines, -j 2", small, j[4], jj, "-j 1 wall / -j 2")
	r10 = f(r[1], 3); r1000 = f(r[3], 3)
	row("10 rules, JSON Lines", small, r[1], 1, "")
	row("100 rules, JSON Lines", small, r[2], f(r[2], 3) / r10, "cpu / 10 rules")
	row("1000 rules, JSON Lines", small, r[3], r1000 / r10, "cpu / 10 rules")
	printf "(medians of %d interleaved runs at %d cases, one run at %d; us/case is CPU\n", runs, small, large
	printf " time; parse = libyaml alone on the same bytes, bench/parse-only; batch writes\n"
	printf " to /dev/null; -j rows: wall time, which needs an idle machine)\n\n"
	dm = f(d[2], 1); tm = f(d[1], 1)
	printf "%-24s %9s %9s %9s\n", "one process", "median", "min", "RSS MB"
	printf "%-24s %7.3f ms %6.3f ms %9.1f\n", "true", tm, f(d[1], 2), f(d[1], 5) / 1024
	printf "%-24s %7.3f ms %6.3f ms %9.1f\n", "opname decide", dm, f(d[2], 2), f(d[2], 5) / 1024
	printf "(medians of %d interleaved runs: decide = %.2fx true)\n\n", druns, dm / tm

	rss_small = (f(s[2], 5) > f(s[4], 5) ? f(s[2], 5) : f(s[4], 5)) / 1024
	rss_large = (f(l[2], 5) > f(l[4], 5) ? f(l[2], 5) : f(l[4], 5)) / 1024
	wy = ry1 > ry2 ? ry1 : ry2; wj = rj1 > rj2 ? rj1 : rj2
	ok = 1
	ok = check(wj <= 1.15, sprintf("batch at most 1.15x parse-only on JSON Lines: worst %.2fx", wj)) && ok
	ok = check(wy <= 1.25, sprintf("batch at most 1.25x parse-only on YAML: worst %.2fx", wy)) && ok
	ok = check(rss_large < 4, sprintf("peak RSS under 4 MB at %d cases: %.1f MB", large, rss_large)) && ok
	ok = check(rss_large - rss_small < 1, sprintf("RSS flat from %d to %d cases: %+.2f MB", small, large, rss_large - rss_small)) && ok
	ok = check(jy >= 1.7 && jj >= 1.7, sprintf("-j 2 at least 1.7x faster (wall) than -j 1: %.2fx YAML, %.2fx JSON Lines", jy, jj)) && ok
	ok = check(r1000 <= 2 * r10, sprintf("cost per case at 1000 rules at most 2x that at 10: %.2fx", r1000 / r10)) && ok
	ok = check(dm < 2, sprintf("decide median under 2 ms: %.3f ms", dm)) && ok
	ok = check(dm <= 3 * tm, sprintf("decide at most 3x true: %.2fx", dm / tm)) && ok
	exit ok ? 0 : 3
}
function check(cond, text) {
	printf "%-6s %s\n", cond ? "ok" : "MISSED", text
	return cond
}' "$tmp/small" "$tmp/large" "$tmp/jobs" "$tmp/rules" "$tmp/decide"
