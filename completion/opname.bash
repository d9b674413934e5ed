# SPDX-License-Identifier: EUPL-1.2
# bash completion for opname(1): commands, options, --format values, and
# fact ids and values after --set, read at completion time from the rule
# file in use ('opname questions --format json'), so a custom --rules file
# completes its own facts; file names one per line, so that spaces in them
# survive. Kept in step with --help by tests/cli/t7001; zsh and fish have
# their own (opname.zsh, opname.fish), tested by t7006.

_opname_commands="ask decide batch check test questions graph schema help"
_opname_global="--rules --lang --color --help --version"

# The options of each command (without the global ones every command takes).
_opname_options()
{
	case $1 in
	ask) echo "--from --save --force" ;;
	decide) echo "--set --format --explain" ;;
	batch) echo "--format --input --csv-sep --csv-bom --csv-raw -o --output --replay -j --jobs" ;;
	check) echo "--strict --format" ;;
	test) echo "-v --verbose --run --format --coverage --fail-under" ;;
	questions) echo "--format" ;;
	graph) echo "--format" ;;
	schema) echo "" ;;
	esac
}

_opname_formats()
{
	case $1 in
	decide | questions | check | test) echo "text json" ;;
	batch) echo "jsonl csv text" ;;
	graph) echo "dot mermaid" ;;
	esac
}

# File names (and directories) starting with $1, into COMPREPLY, one per
# line of compgen: a name with spaces stays one name.
_opname_files()
{
	compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY=($(compgen -f -- "$1"))
}

# "fact value value ..." per line, for the rule file the command line names.
_opname_facts()
{
	local json
	json=$("$@" questions --format json 2>/dev/null) || return
	if command -v jq >/dev/null 2>&1; then
		printf '%s\n' "$json" |
			jq -r '.facts[] | ([.id] + .values) | join(" ")' 2>/dev/null
		return
	fi
	# Without jq: the output has one fact per line, its id first.
	printf '%s\n' "$json" | sed -n \
		's/^ *{"id": "\([^"]*\)"[^[]*"values": \[\([^]]*\)\].*/\1 \2/p' |
		tr -d '",'
}

_opname()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i w
	local -a run=("${COMP_WORDS[0]}")
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# --opt=value: with '=' in COMP_WORDBREAKS (the default) that is three
	# words, and the cursor is on '=' or after it. 'before' is the word
	# before the option (--set, for --set fact=value).
	local before=
	if [[ $cur == = ]]; then
		cur= prev=${COMP_WORDS[COMP_CWORD - 1]}
		((COMP_CWORD > 1)) && before=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
		((COMP_CWORD > 2)) && before=${COMP_WORDS[COMP_CWORD - 3]}
	fi

	# The command (a unique prefix will do), and the global options given,
	# which the fact lookup passes on.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--rules | --lang)
			[[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
			((i + 1 < COMP_CWORD)) && run+=("$w" "${COMP_WORDS[i + 1]}")
			((i++))
			;;
		-*) ;;
		*)
			if [[ -z $cmd ]]; then
				local c match=
				for c in $_opname_commands; do
					[[ $c == "$w"* ]] && match+="$c "
				done
				[[ $match == *" "*" "* ]] || cmd=${match% }
				[[ -z $cmd ]] && cmd=unknown
			fi
			;;
		esac
	done

	# --set fact=value, written as one word or split at '='
	local fact= value=
	if [[ $before == --set ]]; then
		fact=$prev value=$cur
	elif [[ $prev == --set && $cur == *=* ]]; then
		fact=${cur%%=*} value=${cur#*=}
	fi
	if [[ -n $fact ]]; then
		local vals
		vals=$(_opname_facts "${run[@]}" | while read -r f v; do
			[[ $f == "$fact" ]] && echo "$v"
		done)
		if [[ $cur == *=* ]]; then
			COMPREPLY=($(compgen -P "$fact=" -W "$vals" -- "$value"))
		else
			COMPREPLY=($(compgen -W "$vals" -- "$value"))
		fi
		return
	fi

	case $prev in
	--set)
		local ids
		ids=$(_opname_facts "${run[@]}" | while read -r f v; do echo "$f"; done)
		COMPREPLY=($(compgen -S = -W "$ids" -- "$cur"))
		compopt -o nospace 2>/dev/null
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "$(_opname_formats "$cmd")" -- "$cur"))
		return
		;;
	--input)
		COMPREPLY=($(compgen -W "yaml jsonl csv" -- "$cur"))
		return
		;;
	--csv-sep)
		COMPREPLY=($(compgen -W ", ;" -- "$cur"))
		return
		;;
	--run | --fail-under)
		return
		;;
	--lang)
		COMPREPLY=($(compgen -W "nl en" -- "$cur"))
		return
		;;
	--rules | --save | --from | -o | --output)
		_opname_files "$cur"
		return
		;;
	esac

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$_opname_global -h" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_opname_commands" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_opname_options "$cmd") --rules --lang --color --help" -- "$cur"))
		return
	fi
	case $cmd in
	decide | batch | test)
		# case files, rule test files, directories
		_opname_files "$cur"
		;;
	schema)
		COMPREPLY=($(compgen -W "case outcome questions" -- "$cur"))
		;;
	esac
}
complete -F _opname opname
