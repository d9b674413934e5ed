#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# --color=auto|always|never, before or after the command: always colours
# even a pipe, never and auto (not a terminal) do not; a bad value is a
# usage error naming the option.
. "$(dirname "$0")/lib.sh"
esc=$(printf '\033')
video='--set action=record --set media=video'
# shellcheck disable=SC2086
run decide $video --color=always
expect_status 1
expect_out "$esc[1m$esc[31mNIET TOEGESTAAN"
# shellcheck disable=SC2086
run --color decide $video
expect_out "$esc[31m"
for c in never auto; do
	# shellcheck disable=SC2086
	run decide $video --color=$c
	expect_status 1
	expect_not_out "$esc"
done
# shellcheck disable=SC2086
run --color=never decide $video --color=always
expect_out "$esc["
run decide --color=sometimes
expect_status 64
expect_err "opname: --color takes auto, always or never, not 'sometimes'"
finish
