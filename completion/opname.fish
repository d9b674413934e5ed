# SPDX-License-Identifier: EUPL-1.2
# fish completion for opname(1), installed in a vendor_completions.d:
# commands, options, their values, file names, and fact ids and values
# after --set, read at completion time from the rule file in use ('opname
# questions --format json'), as the bash completion does.

set -l commands ask decide batch check test questions graph schema

# "fact value value ..." per line, for the rule file the command line names.
function __opname_facts
    set -l run opname
    set -l words (commandline -opc)
    for i in (seq 2 (count $words))
        switch $words[$i]
            case --rules --lang
                set -a run $words[$i] $words[(math $i + 1)]
            case '--rules=*' '--lang=*'
                set -a run $words[$i]
        end
    end
    $run questions --format json 2>/dev/null | string replace -rf \
        '^ *\{"id": "([^"]*)"[^\[]*"values": \[([^\]]*)\].*' '$1 $2' | string replace -a -r '[",]' ''
end

# After --set: FACT= for each fact, or FACT=VALUE once the '=' is typed.
function __opname_set
    set -l token (commandline -ct)
    for line in (__opname_facts)
        set -l parts (string split ' ' -- $line)
        if string match -q -- '*=*' $token
            for v in $parts[2..-1]
                echo "$parts[1]=$v"
            end
        else
            echo "$parts[1]="
        end
    end
end

complete -c opname -f
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a ask -d 'the interview'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a decide -d 'decide one case'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a batch -d 'decide many cases'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate the rule file'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a test -d 'run test cases'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a questions -d 'list the facts'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a graph -d 'the decision logic as a diagram'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -a schema -d 'a JSON Schema'
complete -c opname -n "not __fish_seen_subcommand_from $commands" -l version -d 'show the version'

complete -c opname -l rules -r -F -d 'use this rule file'
complete -c opname -l lang -x -a 'nl en' -d 'language of questions and texts'
complete -c opname -s h -l help -d 'show the help'

complete -c opname -n '__fish_seen_subcommand_from ask' -l save -r -F -d 'write the case file'
complete -c opname -n '__fish_seen_subcommand_from ask' -l force -d 'replace an existing file'

complete -c opname -n '__fish_seen_subcommand_from decide' -F
complete -c opname -n '__fish_seen_subcommand_from decide' -l set -x -a '(__opname_set)' -d 'give a fact'
complete -c opname -n '__fish_seen_subcommand_from decide' -l format -x -a 'text json'
complete -c opname -n '__fish_seen_subcommand_from decide' -l explain -d 'show each rule tried'

complete -c opname -n '__fish_seen_subcommand_from batch' -F
complete -c opname -n '__fish_seen_subcommand_from batch' -l format -x -a 'jsonl csv text'
complete -c opname -n '__fish_seen_subcommand_from batch' -l input -x -a 'yaml jsonl csv'
complete -c opname -n '__fish_seen_subcommand_from batch' -l csv-sep -x -a ', \;' -d 'separator of CSV output'
complete -c opname -n '__fish_seen_subcommand_from batch' -l csv-bom -d 'a byte order mark before CSV output'
complete -c opname -n '__fish_seen_subcommand_from batch' -s o -l output -r -F -d 'write the records to a file'
complete -c opname -n '__fish_seen_subcommand_from batch' -l replay -d 'compare with the saved outcomes'
complete -c opname -n '__fish_seen_subcommand_from batch' -s j -l jobs -x -d 'decide with N threads (0: one per processor)'

complete -c opname -n '__fish_seen_subcommand_from check' -l strict -d 'warnings are problems too'
complete -c opname -n '__fish_seen_subcommand_from check' -l format -x -a 'text json'

complete -c opname -n '__fish_seen_subcommand_from test' -F
complete -c opname -n '__fish_seen_subcommand_from test' -s v -l verbose -d 'name each test that passed'
complete -c opname -n '__fish_seen_subcommand_from test' -l run -x -d 'run the tests whose name matches'
complete -c opname -n '__fish_seen_subcommand_from test' -l format -x -a 'text json'
complete -c opname -n '__fish_seen_subcommand_from test' -l coverage -d 'list what no test reaches'
complete -c opname -n '__fish_seen_subcommand_from test' -l fail-under -x -d 'fail under this coverage, in percent'

complete -c opname -n '__fish_seen_subcommand_from questions' -l format -x -a 'text json'
complete -c opname -n '__fish_seen_subcommand_from graph' -l format -x -a 'dot mermaid'
complete -c opname -n '__fish_seen_subcommand_from schema' -x -a 'case outcome questions'
