#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Conditional steps analysed apart from the verdict paths: the Woo file with
# 15 exception grounds, each a bool that only a step reads, checks with 3
# paths and 45 step branches (a tree would have 3^15 + 2 paths, over the
# limit); graph lists the steps apart; coverage counts the verdict paths;
# the interview still asks every ground.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules docs/examples/woo-termijn/woo-gronden.yaml"

run $r check --strict
expect_status 0
expect_out "woo-gronden 1: 3 paths (and 45 step branches), 2 rules, 16 questions, 15 steps: all reachable"

run $r check --format json
expect_status 0
expect_json '.valid == true and .paths == 3 and .step_branches == 45'

# the spelregels have no step apart: their counts stay
run check --format json
expect_json '.paths == 107 and .step_branches == 0'

run $r graph --format mermaid
expect_status 0
expect_out "Als het geldt: motiveer_kroon,"
run $r --lang en graph
expect_out "If it applies: motiveer_kroon,"

run $r test --coverage docs/examples/woo-termijn/woo-gronden.tests.yaml
expect_status 0
expect_out "coverage: 2/2 rules, 15/15 steps, 'unknown' section reached, 3/3 paths: 100.0%"

# the interview asks the grounds, in order, after the verdict
run $r decide --set weigeren=true --format json
expect_json '.verdict == "incomplete" and .missing == ["kroon"]'
run $r decide --set weigeren=true --set kroon=false --format json
expect_json '.missing == ["staatsveiligheid"]'

# a step apart whose condition can never hold is refused, as any
sed 's/when: {milieu: true}/when: {all: [{milieu: true}, {milieu: false}]}/' \
	docs/examples/woo-termijn/woo-gronden.yaml >"$tmp/never.yaml"
run --rules "$tmp/never.yaml" check
expect_status 65
expect_err "'milieu = false' contradicts 'milieu = true' (line 265): this condition can never hold"

# a step whose fact a ref of its rule tests is in the tree (the citation
# needs it asked): that ground branches at the leaf (3 leaves), and the
# other 14 are apart at each of them (3 x 14 x 3 step branches)
sed '/id: W1/,/reason:/s/refs: \[art5_1\]$/refs: [art5_1, {id: art5_2, when: {beleidsopvattingen: true}}]/' \
	docs/examples/woo-termijn/woo-gronden.yaml >"$tmp/cited.yaml"
run --rules "$tmp/cited.yaml" check
expect_status 0
expect_out "woo-gronden 1: 5 paths (and 126 step branches), 2 rules"

finish
