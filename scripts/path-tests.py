#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Print a test for every point of the interview of a rule file: each
complete path of answers, and each point where the next answer is still
missing. The expectations are what opname decides now, so this writes
golden tests: review the output before you commit it. For the built-in
spelregels, tests/unit/test_policy.c checks every one of those outcomes
against an oracle written straight from the decision table.

usage: scripts/path-tests.py OPNAME [--rules FILE] > tests.yaml
"""
import json, subprocess, sys

def decide(opname, rules, facts):
    cmd = [opname] + (['--rules', rules] if rules else []) + ['decide', '--format', 'json']
    for k, v in facts:
        cmd += ['--set', f'{k}={v}']
    p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return json.loads(p.stdout)

def values(questions, fact):
    q = next(q for q in questions if q['id'] == fact)
    if q['type'] == 'bool':
        return ['true', 'false', 'unknown']
    return [c['id'] for c in q['choices']]

def flow(items):
    return '[' + ', '.join(items) + ']'

def emit(facts, out, complete):
    shown = ', '.join(f'{k}={v}' for k, v in facts) or 'no answers'
    name = ('path: ' if complete else 'missing: ') + shown
    print(f'  - name: "{name}"')
    print('    facts: {' + ', '.join(f'{k}: {v}' for k, v in facts) + '}')
    print('    expect:')
    print(f"      verdict: {out['verdict']}")
    print(f"      rule: {out['rule'] or 'null'}")
    print(f"      next_steps: {flow(s['id'] for s in out['next_steps'])}")
    print(f"      refs: {flow(out['refs'])}")
    print(f"      facts_used: {flow(out['facts_used'])}")
    print(f"      missing: {flow(out['missing'])}")
    print(f"      unknown: {flow(out['unknown'])}")

def walk(opname, rules, questions, facts):
    out = decide(opname, rules, facts)
    if out['verdict'] != 'incomplete':
        emit(facts, out, True)
        return
    emit(facts, out, False)
    fact = out['missing'][0]
    for v in values(questions, fact):
        walk(opname, rules, questions, facts + [(fact, v)])

def main():
    opname, rules = sys.argv[1], None
    if len(sys.argv) > 3 and sys.argv[2] == '--rules':
        rules = sys.argv[3]
    cmd = [opname] + (['--rules', rules] if rules else []) + ['questions', '--format', 'json']
    questions = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)
    if isinstance(questions, dict):
        questions = questions['facts']
    walk(opname, rules, questions, [])

if __name__ == '__main__':
    main()
