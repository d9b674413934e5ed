#compdef opname
# SPDX-License-Identifier: EUPL-1.2
# zsh completion for opname(1), installed as _opname in a directory of
# $fpath: commands, options, their values, file names, and fact ids and
# values after --set, read at completion time from the rule file in use
# ('opname questions --format json'), as the bash completion does.

# "fact value value ..." per line, for the rule file the command line names.
_opname_facts() {
	local json
	json=$("$@" questions --format json 2>/dev/null) || return
	# One fact per line, its id first (the same reading as opname.bash).
	print -r -- "$json" | sed -n \
		's/^ *{"id": "\([^"]*\)"[^[]*"values": \[\([^]]*\)\].*/\1 \2/p' |
		tr -d '",'
}

# _arguments shifts $words to the command's; _opname keeps the whole line
# in opname_words, so that --rules and --lang before the command count.
_opname_set() {
	local -a run facts vals
	run=(${opname_words[1]})
	local i
	for ((i = 2; i <= ${#opname_words}; i++)); do
		case ${opname_words[i]} in
		--rules | --lang) run+=(${opname_words[i]} ${opname_words[i + 1]}) ;;
		--rules=* | --lang=*) run+=(${opname_words[i]}) ;;
		esac
	done
	if [[ $PREFIX == *=* ]]; then
		local fact=${PREFIX%%=*}
		vals=(${=${(M)${(f)"$(_opname_facts $run)"}:#$fact *}#$fact })
		compset -P '*='
		_describe -t values "value of $fact" vals
	else
		facts=(${${(f)"$(_opname_facts $run)"}%% *})
		compadd -S = -q -- $facts
	fi
}

_opname() {
	local -a commands global
	commands=(
		'ask:the interview: asks only the questions that matter'
		'decide:decide one case, no questions asked'
		'batch:decide many cases: YAML documents, JSON, JSON Lines, CSV, directories'
		'check:validate the rule file: references, texts, and every path of answers'
		'test:run test cases against the rules'
		'questions:list the facts a case is made of'
		'graph:the decision logic as a diagram'
		'schema:print a JSON Schema of case files, outcome records or questions'
	)
	global=(
		'--rules[use this rule file instead of the built-in one]:rule file:_files'
		'--lang[language of questions and texts]:language:(nl en)'
		'(- *)'{-h,--help}'[show the help]'
	)
	local -a opname_words
	opname_words=($words)
	local curcontext=$curcontext state line
	typeset -A opt_args
	_arguments -C $global \
		'(- *)--version[show the version and the rule file'"'"'s]' \
		'1:command:->command' \
		'*::argument:->argument' && return
	case $state in
	command)
		_describe -t commands 'opname command' commands
		;;
	argument)
		curcontext=${curcontext%:*:*}:opname-${words[1]}:
		case ${words[1]} in
		ask) _arguments $global '--save[write the case file]:case file:_files' \
			'--force[replace an existing file]' ;;
		decide) _arguments $global '*--set[give a fact]:fact=value:_opname_set' \
			'--format[output format]:format:(text json)' \
			'--explain[show each rule tried]' '1:case file:_files' ;;
		batch) _arguments $global '--format[output format]:format:(jsonl csv text)' \
			'--input[input format]:format:(yaml jsonl csv)' \
			'--csv-sep[separator of CSV output]:separator:(, ;)' \
			'--csv-bom[start CSV output with a byte order mark]' \
			'(-o --output)'{-o,--output}'[write the records to a file]:file:_files' \
			'--replay[compare with the saved outcomes]' \
			'(-j --jobs)'{-j,--jobs}'[decide with N threads (0: one per processor)]:threads:' \
			'*:case file or directory:_files' ;;
		check) _arguments $global '--strict[warnings are problems too]' \
			'--format[output format]:format:(text json)' ;;
		test) _arguments $global '(-v --verbose)'{-v,--verbose}'[name each test that passed]' \
			'--run[run the tests whose name matches]:regular expression:' \
			'--format[output format]:format:(text json)' \
			'--coverage[list what no test reaches]' \
			'--fail-under[fail under this coverage]:percent:' '*:test file:_files' ;;
		questions) _arguments $global '--format[output format]:format:(text json)' ;;
		graph) _arguments $global '--format[output format]:format:(dot mermaid)' ;;
		schema) _arguments $global '1:schema:(case outcome questions)' ;;
		esac
		;;
	esac
}

_opname "$@"
