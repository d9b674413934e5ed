#!/usr/bin/env python3
"""A rule file of about 900 KB, inside every documented limit, built to make
the path analysis (check, graph, test --coverage) slow.

usage: gen-slow-rules.py skip|within > FILE

Both ask a choice 'c' first, then ten bool questions and 'never' on every
path (3^11 paths for each choice), and hold about 61 000 condition nodes:

skip    1 000 costly rules before the one that asks, false on every path.
        An analysis that decides from the first rule at every node of the
        tree evaluates all of them there: 3 * 10^10 evaluations (minutes);
        one that resumes at the rule that stopped evaluates them twice.
within  the rule that asks starts with 60 000 nodes that hold for c = a,
        before its questions: evaluated again at every node, whatever the
        analysis does, so only the work limit ends it, in seconds.
"""
import sys

mode = sys.argv[1] if len(sys.argv) > 1 else "skip"
QS = ["q%d" % i for i in range(10)] + ["never"]
out = []
w = out.append
w("opname: 1\nname: slow-%s\nversion: \"1\"\nlanguages: [nl, en]\n" % mode)
w("parts:\n  - id: p\n    title: {nl: \"Deel\", en: \"Part\"}\n")
w("questions:\n")
w("  - {id: c, type: choice, refs: [p], text: {nl: \"C?\", en: \"C?\"}, choices: "
  "[{id: a, text: {nl: \"A\", en: \"A\"}}, {id: b, text: {nl: \"B\", en: \"B\"}}]}\n")
for q in QS:
    w("  - {id: %s, type: bool, refs: [p], text: {nl: \"%s?\", en: \"%s?\"}}\n" % (q, q, q))
w("steps:\n  - {id: s, ref: p, text: {nl: \"Stap\", en: \"Step\"}}\n")
w("unknown: {verdict: consult, reason: {nl: \"Onbekend\", en: \"Unknown\"}, steps: [s]}\n")
w("rules:\n")
reason = "{nl: \"Een regel met een lange reden om het bestand groot te maken\", en: \"A rule\"}"
asks = ", ".join("{any: [{%s: true}, {%s: false}]}" % (q, q) for q in QS)
if mode == "skip":
    for i in range(1000):
        junk = ", ".join(["{c: b}"] * 58)
        w("  - {id: F%d, when: {all: [{any: [%s]}, {c: a}]}, verdict: allowed, refs: [p], "
          "reason: %s, steps: [s]}\n" % (i, junk, reason + " " * 250))
    w("  - {id: ASK, when: {all: [%s]}, verdict: allowed, refs: [p], reason: %s, steps: [s]}\n"
      % (asks, reason))
else:
    blocks = ", ".join("{not: {any: [%s]}}" % ", ".join(["{c: b}"] * 3999) for _ in range(15))
    w("  - {id: ASK, when: {all: [%s, %s]}, verdict: allowed, refs: [p], reason: %s, steps: [s]}\n"
      % (blocks, asks, reason))
    for i in range(60):
        w("  - {id: P%d, when: {c: b}, verdict: allowed, refs: [p], reason: %s, steps: [s]}\n"
          % (i, reason + " " * 6500))
w("  - {id: LAST, verdict: not_allowed, refs: [p], reason: %s, steps: []}\n" % reason)
sys.stdout.write("".join(out))
