# SPDX-License-Identifier: EUPL-1.2
# Hostile inputs for the t6*-hostile-*.sh tests (sourced after lib.sh).
#   hostile_make DIR    writes the files below into DIR; each name says what
#                       it holds. Generated here, not committed: several are
#                       megabytes.
#   closed_pipe ARGS... runs $OPNAME ARGS with stdout a pipe whose reader is
#                       gone; sets $status ("sigpipe" when killed by SIGPIPE)
#                       and $err. With HOSTILE_IGNORE_SIGPIPE=1 SIGPIPE is
#                       ignored, so the write fails with EPIPE instead.
hostile_make() {
	python3 - "$1" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)
# alias expansion bomb ("billion laughs"): nine levels of ten
laughs = [b'l0: &l0 "lol"']
for i in range(1, 10):
    laughs.append(b'l%d: &l%d [%s]' % (i, i, b', '.join([b'*l%d' % (i - 1)] * 10)))
w('laughs.yaml', b'meta:\n' + b''.join(b'  ' + l + b'\n' for l in laughs))
w('alias.yaml', b'meta: {a: 1}\nfacts: *x\n')
w('deep-flow.yaml', b'meta: ' + b'[' * 100000 + b']' * 100000 + b'\n')
w('deep-flow-map.yaml', b'meta: ' + b'{a: ' * 100000 + b'1' + b'}' * 100000 + b'\n')
w('deep-block-seq.yaml', b'meta:\n  ' + b'- ' * 100000 + b'x\n')
w('deep-block-map.yaml', b'meta:\n' + b''.join(b' ' * i + b'k:\n' for i in range(1, 1300)))
w('big-scalar.yaml', b'id: ' + b'x' * (3 << 20) + b'\n')       # 3 MiB: over the file limit
w('long-scalar.yaml', b'id: "' + b'x' * 100000 + b'"\n')       # over the scalar limit
w('long-line.yaml', b'meta: {' + b', '.join(b'k%d: %d' % (i, i) for i in range(2000)) + b'}\n')
w('nul.yaml', b'facts:\n  action: rec\x00ord\n')
w('nul-escape.yaml', b'facts:\n  action: "rec\\0ord"\n')
w('bad-utf8.yaml', b'facts:\n  action: record\nmeta: {who: caf\xc3\x28}\n')
w('overlong-utf8.yaml', b'facts:\n  action: record\nmeta: {who: \xc0\xaf}\n')
w('surrogate-utf8.yaml', b'facts:\n  action: record\nmeta: {who: \xed\xa0\x80}\n')
w('utf16.yaml', '\ufefffacts: {action: record}\n'.encode('utf-16-le'))
w('dup.yaml', b'facts:\n  action: record\n  media: audio\n  action: share\n')
w('dup-top.yaml', b'facts: {action: record}\nid: a\nid: b\n')
w('tag.yaml', b'facts: !!python/object:os.system {action: record}\n')
w('tag-scalar.yaml', b'facts:\n  action: !!str record\n')
w('tag-local.yaml', b'facts:\n  action: !record x\n')
w('empty.yaml', b'')
w('blank.yaml', b'\n\n# only a comment\n')
w('two-docs.yaml', b'facts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n---\nfacts: {action: record}\n')
w('many-keys.yaml', b'meta:\n' + b''.join(b'  k%d: %d\n' % (i, i) for i in range(5000)))
PY
}

closed_pipe() {
	last="opname $* >closed-pipe"
	status=$(python3 - "$OPNAME" "$@" 2>"$tmp/err" <<'PY'
import os, signal, subprocess, sys
r, w = os.pipe()
os.close(r)  # the reader is gone before the first write
ignore = os.environ.get('HOSTILE_IGNORE_SIGPIPE') == '1'
def pre():
    signal.signal(signal.SIGPIPE, signal.SIG_IGN if ignore else signal.SIG_DFL)
p = subprocess.run(sys.argv[1:], stdout=w, stdin=subprocess.DEVNULL, preexec_fn=pre)
print('sigpipe' if p.returncode == -signal.SIGPIPE else p.returncode)
PY
)
	err=$(cat "$tmp/err")
	out=""
}
