#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Properties in test files: checked over every path of the analysis that
# agrees with 'when', counted apart from the tests, a failure named with a
# counterexample (the answers of a path) in text and JSON; bad properties
# refused, located.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
p=tests/data/props

run test $p/spelregels-props.tests.yaml
expect_status 1
expect_out "$p/spelregels-props.tests.yaml:19: property 'sharing is always allowed': verdict: expected allowed, got not_allowed, for the answers action=share, recorder=citizen, consent_all=false, public_interest=false"
expect_out "1 passed, 0 failed; 3 properties hold, 1 fails"

run test --format json $p/spelregels-props.tests.yaml
expect_status 1
expect_json '.passed == 1 and .failed == 0 and (.properties | length) == 4'
expect_json '.properties[0] | .holds and .name == "video is never allowed" and .paths == 1 and .counterexample == null'
expect_json '.properties[1] | .holds and .paths == 1'
expect_json '.properties[2] | .holds and .paths > 1'
expect_json '.properties[3] | (.holds | not) and .line == 19 and .counterexample == "action=share, recorder=citizen, consent_all=false, public_interest=false"'

# the properties do not count as tests or paths: coverage is that of the test
run test --coverage $p/spelregels-props.tests.yaml
expect_out "coverage: 1/25 rules,"

# the spelregels' own tests have no properties: their closing line stays
run test
expect_status 0
expect_not_out "propert"

run test $p/bad-props.tests.yaml
expect_status 65
expect_err "bad-props.tests.yaml:7:36: a property expects only 'verdict' and 'rule', which hold on every path: not 'next_steps'"
expect_err "bad-props.tests.yaml:9:19: 'vidoe' is not a value of 'media' (did you mean 'video'?)"
expect_err "bad-props.tests.yaml:14:5: a second property named 'a typo' (the first is at line 8)"
expect_err "'expect' has no 'verdict'"

finish
