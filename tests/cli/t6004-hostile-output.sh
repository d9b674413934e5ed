#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# batch -o and ask --save respect what the name is: a regular file is
# replaced atomically, a symlink's target replaced and the link kept, a
# device or FIFO written straight through (never replaced), '-' is stdout;
# a name that cannot work is refused before any input is read; and no
# temporary survives a signal.
. "$(dirname "$0")/lib.sh"

case_file="$tmp/c.yaml"
printf 'facts: {action: record, media: video}\n' >"$case_file"
mkdir "$tmp/w"
only_expected() { # the files in $tmp/w are exactly these names
	got=$(ls -A "$tmp/w" | tr '\n' ' ')
	[ "$got" = "$*" ] || fail_check "files in w: '$got', expected '$*'"
}

# Devices: as root, nodes of our own (null and full), so that a fault
# replaces those and not the system's; as anyone else the system's, which
# they cannot replace.
null=/dev/null full=/dev/full
if mknod -m 666 "$tmp/null" c 1 3 2>/dev/null && mknod -m 666 "$tmp/full" c 1 7; then
	null=$tmp/null full=$tmp/full
fi
# a device: written to, still a device (as root this used to become a file)
run batch "$case_file" -o "$null"
expect_status 0
[ -c "$null" ] || fail_check "$null is no longer a character device"
[ "$(stat -c %a "$null")" = 666 ] || fail_check "$null mode changed"
# a full device: exit 74, said once
run batch "$case_file" -o "$full"
expect_status 74
expect_err "opname: $full: cannot write: No space left on device"
[ -c "$full" ] || fail_check "$full is no longer a character device"

# a FIFO with a reader: the reader gets the records, the FIFO stays one
mkfifo "$tmp/w/fifo"
cat "$tmp/w/fifo" >"$tmp/fifo.out" &
reader=$!
run batch "$case_file" -o "$tmp/w/fifo"
wait $reader
expect_status 0
[ -p "$tmp/w/fifo" ] || fail_check "the FIFO was replaced"
jq -e '.rule == "R1"' "$tmp/fifo.out" >/dev/null || fail_check "the reader got: $(cat "$tmp/fifo.out")"
rm "$tmp/w/fifo"

# a symlink: its target replaced, the link kept
mkdir "$tmp/drive"
printf 'old\n' >"$tmp/drive/decisions.jsonl"
ln -s ../drive/decisions.jsonl "$tmp/w/decisions.jsonl"
run batch "$case_file" -o "$tmp/w/decisions.jsonl"
expect_status 0
[ -L "$tmp/w/decisions.jsonl" ] || fail_check "the symlink was replaced"
jq -e '.rule == "R1"' "$tmp/drive/decisions.jsonl" >/dev/null ||
	fail_check "the link's target: $(cat "$tmp/drive/decisions.jsonl")"
[ "$(ls -A "$tmp/drive")" = decisions.jsonl ] || fail_check "left in drive: $(ls -A "$tmp/drive")"
rm "$tmp/w/decisions.jsonl"

# '-' is stdout, not a file named '-'
(cd "$tmp/w" && "$OPNAME" batch "$case_file" -o - >"$tmp/dash.out" 2>/dev/null)
[ ! -e "$tmp/w/-" ] || fail_check "-o - made a file named '-'"
jq -e '.rule == "R1"' "$tmp/dash.out" >/dev/null || fail_check "-o - wrote: $(cat "$tmp/dash.out")"
# /dev/stdout: the descriptor, whatever it is (here a pipe)
out=$("$OPNAME" batch "$case_file" -o /dev/stdout 2>/dev/null | cat)
case "$out" in *'"rule": "R1"'*) ;; *) fail_check "-o /dev/stdout to a pipe: $out" ;; esac

# refused before any input is read: the input is a FIFO nobody writes to,
# so reading it would wait until the timeout
mkfifo "$tmp/in.yaml"
for bad in "$tmp/w" "" "$tmp/w/$(printf '%0300d' 0)" "$tmp/no/such/dir/out"; do
	last="opname batch FIFO -o '$bad'"
	timeout 5 "$OPNAME" batch "$tmp/in.yaml" -o "$bad" >"$tmp/out" 2>"$tmp/err"
	status=$?
	err=$(cat "$tmp/err")
	expect_status 74
done
rm "$tmp/in.yaml"
run batch "$case_file" -o "$tmp/w"
expect_err "opname: $tmp/w: is a directory"
run batch "$case_file" -o ""
expect_err "opname: '': not a file name"
only_expected ""

# a regular file: replaced, mode 0600, nothing beside it
printf 'old\n' >"$tmp/w/out.jsonl"
chmod 644 "$tmp/w/out.jsonl"
run batch "$case_file" -o "$tmp/w/out.jsonl"
expect_status 0
[ "$(stat -c %a "$tmp/w/out.jsonl")" = 600 ] || fail_check "not 0600"
only_expected "out.jsonl "

# signals: SIGPIPE on stderr (its reader gone, at the first bad case's
# message) and every other terminating signal mid-batch, the input still
# open: killed by it, no temporary left, the old file as it was
printf 'old\n' >"$tmp/w/out.jsonl"
printf 'facts: {action: recrod}\n' >"$tmp/bad.yaml"
python3 - "$OPNAME" "$tmp" <<'PY' || fail_check "signals mid-batch"
import os, signal, subprocess, sys, time
opname, tmp = sys.argv[1], sys.argv[2]
out = os.path.join(tmp, "w", "out.jsonl")
def default_signals():
    for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(s, signal.SIG_DFL)
def check(what, p):
    left = sorted(os.listdir(os.path.join(tmp, "w")))
    ok = open(out).read() == "old\n" and left == ["out.jsonl"]
    if not ok:
        print("  %s: exit %s, files %s, out.jsonl %r" % (what, p.returncode, left,
              open(out).read()[:40]), file=sys.stderr)
    return ok
good = True
r, w = os.pipe()
os.close(r)
p = subprocess.run([opname, "batch", os.path.join(tmp, "bad.yaml"), "-", "-o", out],
                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=w,
                   preexec_fn=default_signals)
good &= p.returncode == -signal.SIGPIPE and check("SIGPIPE on stderr", p)
for sig in ("TERM", "HUP", "QUIT", "ALRM", "USR1", "USR2", "XFSZ", "INT", "VTALRM", "PROF"):
    s = getattr(signal, "SIG" + sig)
    p = subprocess.Popen([opname, "batch", "-", "-o", out], stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         preexec_fn=default_signals)
    p.stdin.write(b"facts: {action: record, media: video}\n---\n")
    p.stdin.flush()
    time.sleep(0.2)
    p.send_signal(s)
    p.wait()
    p.stdin.close()
    good &= p.returncode == -s and check("SIG" + sig, p)
sys.exit(0 if good else 1)
PY

# ask --save onto a device writes through, and keeps it a device
run_in "$(printf '1\n2\n')" ask --save "$null"
expect_status 1
[ -c "$null" ] || fail_check "ask --save made $null a file"
run_in "$(printf '1\n2\n')" ask --save "$full"
expect_status 74
expect_err "opname: $full: cannot write: No space left on device"
# and a symlink's target
printf 'old\n' >"$tmp/drive/case.yaml"
ln -s ../drive/case.yaml "$tmp/w/case.yaml"
run_in "$(printf '1\n2\n')" ask --save "$tmp/w/case.yaml" --force
expect_status 1
[ -L "$tmp/w/case.yaml" ] || fail_check "ask --save replaced the symlink"
grep -q 'media: "video"' "$tmp/drive/case.yaml" || fail_check "the link's target was not written"
finish
