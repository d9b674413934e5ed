#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Findings marked as intended: check reports each as a note with its
# reason, not a problem, so --strict passes; a mark that no longer marks a
# finding is a warning (and the finding it missed a problem again); a mark
# without a reason, or naming nothing, is a located loader error.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
d=tests/data/intended

run --rules $d/noted.yaml check --strict
expect_status 0
expect_out "noted 1: 7 paths, 4 rules, 2 questions, 1 steps: all reachable"
expect_err "noted.yaml:16:9: note: choice 'large' of 'size' never changes the outcome: on every path it leads where 'medium' does (intended, line 22: Large is treated as medium for now; the policy may split them later.)"
expect_err "noted.yaml:46:5: note: rule 'SPARE' is unreachable: the rules before it decide every path of answers (intended, line 25: Kept as the fallback"

run --rules $d/noted.yaml check --strict --format json
expect_status 0
expect_json '.valid == true and .problems == 0 and .warnings == 0'
expect_json '[.diagnostics[].severity] == ["note", "note"]'

run --rules $d/stale.yaml check
expect_status 65
expect_err "stale.yaml:16:9: choice 'large' of 'size' never changes the outcome"
expect_err "stale.yaml:22:5: warning: the intended finding 'same_outcome' at 'size.medium' is not found: check no longer reports it, so remove the mark"
expect_err "stale.yaml: 1 problem"

# only a stale mark: a warning, and --strict makes it a problem
run --rules $d/stale-only.yaml check
expect_status 0
expect_err "stale-only.yaml:22:5: warning: the intended finding 'never_given' at 'hurry' is not found"
run --rules $d/stale-only.yaml check --strict
expect_status 65
expect_err "1 warning, and --strict makes them problems"

run --rules $d/bad-marks.yaml check
expect_status 65
expect_err "bad-marks.yaml:12:15: unknown finding 'same_outcom' (did you mean 'same_outcome'?): use unreachable, never_asked, same_outcome, never_given or never_cited"
expect_err "bad-marks.yaml:13:33: 'k' is not what 'same_outcome' names: use QUESTION.CHOICE"
expect_err "bad-marks.yaml:14:33: 'z' in 'k.z' is no choice of 'k'"
expect_err "bad-marks.yaml:15:32: 'R9' is no rule of the file"
expect_err "bad-marks.yaml:16:5: an intended finding has no 'reason'"
expect_err "bad-marks.yaml:17:43: an intended finding needs a reason: say why it is meant"
expect_err "bad-marks.yaml:19:5: this finding is marked twice (the first is at line 18)"

finish
