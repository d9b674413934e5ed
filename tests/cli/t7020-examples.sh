#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Every example policy in docs/examples/NAME/ (a rule file NAME.yaml, its
# tests NAME.tests.yaml beside it and a README.md) loads, checks strictly,
# and passes its tests with full coverage: rules, steps and paths. So does
# every other rule file X.yaml in such a directory with its X.tests.yaml
# (docs/examples/woo-termijn/woo-gronden.yaml).
. "$(dirname "$0")/lib.sh"

found=0
for dir in "$top"/docs/examples/*/; do
	name=$(basename "$dir")
	file="$dir$name.yaml"
	[ -f "$file" ] || continue
	found=$((found + 1))
	last="ls $dir"
	[ -f "$dir$name.tests.yaml" ] || fail_check "$name: no $name.tests.yaml"
	[ -f "${dir}README.md" ] || fail_check "$name: no README.md"

	run --rules "$file" check --strict
	expect_status 0
	expect_out "all reachable"

	run --rules "$file" test --fail-under 100
	expect_status 0
	expect_out " 0 failed"

	for other in "$dir"*.tests.yaml; do
		file=${other%.tests.yaml}.yaml
		[ "$file" = "$dir$name.yaml" ] && continue
		[ -f "$file" ] || fail_check "$name: $other has no rule file beside it"
		found=$((found + 1))
		run --rules "$file" check --strict
		expect_status 0
		expect_out "all reachable"
		run --rules "$file" test --fail-under 100
		expect_status 0
		expect_out " 0 failed"
	done
done
finish
