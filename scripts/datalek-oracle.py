#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Write docs/examples/datalek/datalek.tests.yaml: one test for every path of
answers, each expectation from an oracle written here from GDPR articles 33
and 34 (see docs/examples/datalek/README.md), not from what opname decides.
The oracle shares nothing with the rule file but its ids: 'opname test'
then compares the two on every path. Usage: scripts/datalek-oracle.py >FILE
"""
import itertools
import sys

U = "unknown"  # answered "weet ik niet"
HIGH = {"health", "criminal", "identity_numbers", "credentials", "children"}
NOTIFY_REFS = ["a33_1"]


class Stop(Exception):
    """A fact the decision needs is not given."""


class Case:
    def __init__(self, facts):
        self.facts = facts
        self.used = []

    def get(self, f):
        if f not in self.used:
            self.used.append(f)
        if f not in self.facts:
            raise Stop(f)
        return self.facts[f]


# Kleene values: True, False, U. Conjunction and disjunction are lazy: the
# parts are callables, taken in order until one settles the result.
def all_of(*parts):
    result = True
    for p in parts:
        v = p()
        if v is False:
            return False
        if v == U:
            result = U
    return result


def any_of(*parts):
    result = False
    for p in parts:
        v = p()
        if v is True:
            return True
        if v == U:
            result = U
    return result


def is_(c, f, want):
    v = c.get(f)
    return U if v == U else v == want


def high_risk(c):
    def types():
        v = c.get("data_types")
        return U if v == U else bool(set(v) & HIGH)
    return any_of(types, lambda: is_(c, "serious_harm", True))


def hours(c, late):
    v = c.get("hours_since_discovery")
    return U if v == U else (v > 72) == late


def notify_steps(c):
    """Art. 33(5) always; 33(3)(a) the number; 33(4) when the number is not
    known in time; 33(1) the reasons for a delay. A step whose condition is
    unknown is given."""
    steps = ["document", "state_number"]
    if all_of(lambda: hours(c, False), lambda: c.get("people") == U) is not False:
        steps.append("number_later")
    if hours(c, True) is not False:
        steps.append("explain_delay")
    return steps


def decide(c):
    """(verdict, rule, steps, refs); the unknown section gives consult."""
    rules = [
        ("D0", lambda: is_(c, "personal_data", False), "not_personal", ["a4_12"],
         lambda: []),
        ("D1", lambda: c.get("role") == "processor", "inform_controller", ["a33_2"],
         lambda: ["tell_controller"]),
        ("D2", lambda: all_of(lambda: is_(c, "risk_unlikely", True),
                              lambda: negate(high_risk(c))),
         "record_only", ["a33_1", "a33_5"], lambda: ["document"]),
        ("D3", lambda: is_(c, "risk_unlikely", True), "consult", ["a33_1", "a34_1"],
         lambda: ["document", "ask_dpo"]),
        ("D4", lambda: all_of(lambda: high_risk(c), lambda: is_(c, "encrypted", True)),
         "notify_ap", ["a33_1", "a34_3a"], lambda: notify_steps(c)),
        ("D5", lambda: all_of(lambda: high_risk(c), lambda: is_(c, "measures_taken", True)),
         "notify_ap", ["a33_1", "a34_3b"], lambda: notify_steps(c)),
        ("D6", lambda: all_of(lambda: high_risk(c),
                              lambda: is_(c, "disproportionate_effort", True)),
         "notify_ap_and_public", ["a33_1", "a34_3c"],
         lambda: notify_steps(c) + ["public_notice"]),
        ("D7", lambda: high_risk(c), "notify_ap_and_subjects",
         ["a33_1", "a34_1", "a34_2"], lambda: notify_steps(c) + ["inform_people"]),
        ("D8", lambda: True, "notify_ap", ["a33_1"], lambda: notify_steps(c)),
    ]
    for rid, when, verdict, refs, steps in rules:
        v = when()
        if v is False:
            continue
        if v == U:
            return "consult", rid, ["document", "ask_dpo"], refs
        return verdict, rid, steps(), refs
    raise AssertionError("no rule holds")


def negate(v):
    return U if v == U else not v


VALUES = {
    "personal_data": [True, False, U],
    "role": ["controller", "processor"],
    "risk_unlikely": [True, False, U],
    "data_types": [["health", "children"], ["financial", "location"], U],
    "serious_harm": [True, False, U],
    "encrypted": [True, False, U],
    "measures_taken": [True, False, U],
    "disproportionate_effort": [True, False, U],
    "hours_since_discovery": [10, 72, 80, U],
    "people": [250, U],
}


def klass(f, v):
    """The value as 'check' tells values apart."""
    if v == U:
        return U
    if f == "data_types":
        return bool(set(v) & HIGH)
    if f == "hours_since_discovery":  # 72 itself is an interval of its own
        return (v > 72) - (v < 72)
    if f == "people":
        return "n"
    return v


def yaml_value(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, list):
        return "[" + ", ".join(v) + "]"
    return str(v)


def main():
    names = list(VALUES)
    seen = {}
    for combo in itertools.product(*(VALUES[n] for n in names)):
        c = Case(dict(zip(names, combo)))
        verdict, rule, steps, refs = decide(c)
        key = tuple((f, klass(f, c.facts[f])) for f in c.used)
        if key not in seen:
            seen[key] = (c, verdict, rule, steps, refs)
    out = sys.stdout
    out.write("# Generated by scripts/datalek-oracle.py: one test for each path of\n"
              "# answers, from an oracle written apart from datalek.yaml. Edit the\n"
              "# oracle, not this file.\n")
    out.write("rules: datalek\ntests:\n")
    for n, (c, verdict, rule, steps, refs) in enumerate(seen.values(), 1):
        facts = ", ".join("%s: %s" % (f, yaml_value(c.facts[f])) for f in c.used)
        out.write("  - name: \"path %d: %s\"\n" % (n, verdict))
        out.write("    facts: {%s}\n" % facts)
        out.write("    expect: {verdict: %s, rule: %s, next_steps: [%s], refs: [%s],\n"
                  "             facts_used: [%s]}\n"
                  % (verdict, rule, ", ".join(steps), ", ".join(refs), ", ".join(c.used)))
    # and where an answer is missing: the fact the interview asks next
    for missing in ("personal_data", "data_types", "hours_since_discovery"):
        facts = {"personal_data": True, "role": "controller", "risk_unlikely": False,
                 "data_types": ["health"], "serious_harm": False, "encrypted": False,
                 "measures_taken": False, "disproportionate_effort": False,
                 "hours_since_discovery": 10, "people": 5}
        keep = list(facts)[:list(facts).index(missing)]
        given = ", ".join("%s: %s" % (f, yaml_value(facts[f])) for f in keep)
        out.write("  - name: \"incomplete: no %s\"\n" % missing)
        out.write("    facts: {%s}\n" % given)
        out.write("    expect: {verdict: incomplete, rule: null, missing: [%s]}\n" % missing)


if __name__ == "__main__":
    main()
