#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname decide with no CASEFILE reads a case from stdin when it is not a
# terminal; an empty stdin is no case file, so --set alone works in cron.
. "$(dirname "$0")/lib.sh"

run_in '{"facts": {"action": "record", "media": "video"}}' decide --format json
expect_status 1
expect_json '.rule == "R1" and .facts_used == ["action", "media"]'
# YAML too, and --set overrides what the pipe said
run_in 'facts: {action: record, media: audio, participant: true}' decide --set participant=false
expect_status 1
expect_out 'regel R2'
# an empty stdin (run's </dev/null) and one of blank lines are no case
run decide --set action=record --set media=video
expect_status 1
expect_no_err
run_in '

' decide --set action=record --set media=video --format json
expect_status 1
expect_json '.rule == "R1"'
# a broken case on the pipe is bad data, named as stdin
run_in 'facts: {action: recrd}' decide
expect_status 65
expect_err 'opname: <stdin>:'
# an explicit '-' that is empty is an empty case, as before
run decide -
expect_status 65
# without --set or a pipe: incomplete, as before
run decide
expect_status 3
finish
