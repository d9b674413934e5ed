/* SPDX-License-Identifier: EUPL-1.2 */
/* The command table: for every command its name, synopsis and help, its
 * options with the values they take, its positional arguments, and
 * whether it reads the rule file; what it does is its cmd-NAME.c. The
 * whole interface of opname(1) in one place: --help is made from it, and
 * tests/cli/t7001-man-help.sh holds the man page and the completion to it. */
#include "command.h"

const struct command cmd_ask = {
	.name = "ask",
	.synopsis = "[--from CASEFILE] [--save FILE [--force]]",
	.summary = "the interview: answer a few questions, get the verdict and next steps",
	.help = "Asks only the questions the decision needs, one at a time. Answer with\n"
		"ja/nee/weet niet (yes/no/don't know) or a choice's number; at any question\n"
		"type ? (help), waarom (why), terug (back) or stop. Reads the answers line\n"
		"by line from stdin when it is not a terminal. Exit status: the verdict.",
	.options = (const struct cmd_option[]){
		{ .name = "save", .id = OPT_SAVE, .value = VALUE_STRING, .arg = "FILE",
		  .help = "write the case file of the interview (mode 0600), so\n"
		          "that 'opname decide FILE' decides it again" },
		{ .name = "force", .id = OPT_FORCE, .value = VALUE_NONE,
		  .help = "with --save: replace an existing file" },
		{ .name = "from", .id = OPT_FROM, .value = VALUE_STRING, .arg = "CASEFILE",
		  .help = "start from a case file's facts (taken as answered,\n"
		          "changeable with terug) and ask only what is still\n"
		          "needed; --save keeps the case's id and meta" },
		{ 0 },
	},
	.max_args = 0,
	.args_hint = "the answers come from stdin",
	.rules = true,
	.check = check_ask_args,
	.exec = run_ask,
};

const struct command cmd_decide = {
	.name = "decide",
	.synopsis = "[CASEFILE|-] [--set FACT=VALUE]... [--format text|json] [--explain]",
	.summary = "decide one case from a case file and/or --set, asking nothing",
	.help = "With no CASEFILE and stdin not a terminal, the case is read from stdin;\n"
		"an empty stdin is no case file (so --set alone works under </dev/null).",
	.options = (const struct cmd_option[]){
		{ .name = "set", .id = OPT_SET, .value = VALUE_STRING, .arg = "FACT=VALUE",
		  .help = "add or override a fact (values: true, false, yes, no,\n"
		          "ja, nee, unknown, a choice id, a number, a date\n"
		          "YYYY-MM-DD, or a set's ids as a,b); may be repeated" },
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "text|json",
		  .help = "output for a person (default) or one JSON object" },
		{ .name = "explain", .id = OPT_EXPLAIN, .value = VALUE_NONE,
		  .help = "show each rule tried and the value of each condition" },
		{ 0 },
	},
	.max_args = 1,
	.args_hint = "one case file at a time: use 'opname batch' for more",
	.rules = true,
	.exec = run_decide,
};

const struct command cmd_batch = {
	.name = "batch",
	.synopsis = "[FILE|DIR|-]... [--format jsonl|csv|text] [--input yaml|jsonl|csv]\n"
		    "                    [--csv-sep ,|;] [--csv-bom] [--csv-raw] [-o FILE] [--replay] [-j N]",
	.summary = "decide many cases: YAML documents, JSON, JSON Lines, directories",
	.help = "Each case gives one output record, in input order; a bad case gives\n"
		"a record with verdict 'error' and the batch goes on. With no FILE,\n"
		"or '-', cases are read from stdin. A DIR means its *.yaml, *.yml,\n"
		"*.json, *.jsonl and *.ndjson files (in any letter case) in name\n"
		"order; an entry that is not a regular file is an error record.",
	.footer = "exit status: 0 every case decided; 66 an input could not be opened\n"
		  "(its record is an error); else 65 a case was an error; 74 the\n"
		  "output could not be written.\n",
	.options = (const struct cmd_option[]){
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "jsonl|csv|text",
		  .help = "one JSON object per line (default), CSV with\n"
		          "a header row, or one line of text per case", .also = "json" },
		{ .name = "input", .id = OPT_INPUT, .value = VALUE_CHOICE, .arg = "yaml|jsonl|csv",
		  .help = "read every input as YAML documents, JSON\n"
		          "Lines or CSV (default: .jsonl and .ndjson files are\n"
		          "JSON Lines, .csv files CSV, everything else YAML).\n"
		          "CSV: a header row of id and fact ids, one case a\n"
		          "row, ',' or ';' between cells", .noun = "input format" },
		{ .name = "csv-sep", .id = OPT_CSV_SEP, .value = VALUE_CHOICE, .arg = ",|;",
		  .help = "the separator of --format csv (default ','; ';'\n"
		          "for a spreadsheet set to Dutch)", .hint = "use ',' or ';'" },
		{ .name = "csv-bom", .id = OPT_CSV_BOM, .value = VALUE_NONE,
		  .help = "start --format csv with a UTF-8 byte order mark,\n"
		          "for spreadsheets that need one to read UTF-8" },
		{ .name = "output", .flag = 'o', .id = 'o', .value = VALUE_STRING, .arg = "FILE",
		  .help = "write the records to FILE: a file is replaced\n"
		          "atomically (mode 0600), a symlink's target too, a\n"
		          "device or FIFO written through; - is stdout" },
		{ .name = "replay", .id = OPT_REPLAY, .value = VALUE_NONE,
		  .help = "compare with the outcome saved in each case file:\n"
		          "records add previous_verdict and changed" },
		{ .name = "jobs", .flag = 'j', .id = 'j', .value = VALUE_INT, .arg = "N",
		  .help = "decide with N threads (default 1; 0: one per\n"
		          "processor); the output is the same, in input order",
		  .min = 0, .max = BATCH_MAX_JOBS,
		  .hint = "give a number of threads from 1 to 256, or 0 for one per processor" },
		{ .name = "csv-raw", .id = OPT_CSV_RAW, .value = VALUE_NONE,
		  .help = "CSV cells as they are: without it, a cell that starts\n"
		          "with =, +, -, @, TAB or CR gets a ' before it, so\n"
		          "that no spreadsheet takes it for a formula" },
		{ 0 },
	},
	.max_args = -1,
	.rules = true,
	.exec = run_batch,
};

const struct command cmd_check = {
	.name = "check",
	.synopsis = "[--strict] [--format text|json]",
	.summary = "validate the rule file: references, texts, and every path of answers",
	.help = "Loads the rule file (every error as FILE:LINE:COLUMN), then follows\n"
		"every path of answers the interview can take, unknown included, and\n"
		"reports rules that never decide, questions never asked, choices that\n"
		"never matter, steps never given and paths with no verdict. Then it\n"
		"measures the prose texts against the file's plain-language limits and\n"
		"warns about long sentences and glossary terms no text uses.\n"
		"Exit status 0 when valid, 65 when not.",
	.options = (const struct cmd_option[]){
		{ .name = "strict", .id = OPT_STRICT, .value = VALUE_NONE,
		  .help = "warnings are problems too (exit 65)" },
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "text|json",
		  .help = "messages on stderr and a summary (default), or one\n"
		          "JSON object on stdout: {\"file\", \"rules_file\",\n"
		          "\"valid\", \"problems\", \"warnings\", \"paths\",\n"
		          "\"step_branches\", \"rules\", \"questions\", \"steps\",\n"
		          "\"diagnostics\": [{\"file\",\n"
		          "\"line\", \"column\", \"severity\", \"message\"}]}" },
		{ 0 },
	},
	.max_args = 0,
	.args_hint = "use --rules FILE",
	/* not .rules: check loads the file itself, to report what the
	 * loader finds as JSON records with --format json */
	.exec = run_check,
};

const struct command cmd_test = {
	.name = "test",
	.synopsis = "[FILE|DIR]... [-v] [--run REGEX] [--format text|json] [--coverage]\n"
		    "                   [--fail-under N]",
	.summary = "run test cases (facts and the outcome they must get) against the rules",
	.help = "With no FILE, runs the rule file's own tests: the built-in ones for the\n"
		"built-in rules, else X.tests.yaml beside X.yaml. A DIR means its\n"
		"*.tests.yaml files (in any letter case; one that is not a regular\n"
		"file is an error, exit 66). Prints each failure with expected and actual, then\n"
		"'N passed, N failed'. Exit status 0 when all passed, 1 when any failed,\n"
		"65 when a test file is invalid. The format is in docs/rules.md.",
	.options = (const struct cmd_option[]){
		{ .name = "verbose", .flag = 'v', .id = 'v', .value = VALUE_NONE,
		  .help = "also name each test that passed" },
		{ .name = "run", .id = OPT_RUN, .value = VALUE_REGEX, .arg = "REGEX",
		  .help = "run only the tests whose name matches REGEX (POSIX\n"
		          "extended); exit status 1 when none does" },
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "text|json",
		  .help = "lines for a person (default), or one JSON object:\n"
		          "{\"tests\": [{\"file\", \"line\", \"name\", \"passed\",\n"
		          "\"verdict\", \"rule\", \"missing\", \"failures\"}],\n"
		          "\"passed\", \"failed\", \"properties\", \"coverage\"}" },
		{ .name = "coverage", .id = OPT_COVERAGE, .value = VALUE_NONE,
		  .help = "also list the rules, the 'unknown' section, the next\n"
		          "steps and the paths of answers that no test reaches,\n"
		          "and the share of all of them that tests reach" },
		{ .name = "fail-under", .id = OPT_FAIL_UNDER, .value = VALUE_REAL, .arg = "N",
		  .help = "with --coverage (implied): exit status 1 when that\n"
		          "share is under N percent",
		  .min = 0, .max = 100, .hint = "use a percentage, 0 to 100" },
		{ 0 },
	},
	.max_args = -1,
	.rules = true,
	.exec = run_test,
};

const struct command cmd_questions = {
	.name = "questions",
	.synopsis = "[--format text|json]",
	.summary = "list the facts a case is made of: ids, types, choices, texts",
	.help = "For writing case files by hand or by script: each fact's id, type,\n"
		"accepted values, question text (in --lang), and the rules that use it.",
	.options = (const struct cmd_option[]){
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "text|json",
		  .help = "for a person (default), or one JSON object\n"
		          "{\"facts\": [{\"id\", \"type\", \"values\", \"choices\",\n"
		          "\"text\", \"help\", \"refs\", \"used_by\"}]}" },
		{ 0 },
	},
	.max_args = 0,
	.rules = true,
	.exec = run_questions,
};

const struct command cmd_graph = {
	.name = "graph",
	.synopsis = "[--format dot|mermaid]",
	.summary = "draw the decision logic: questions, answers, coloured verdicts",
	.help = "Every path of answers, with identical tails drawn once: questions as\n"
		"boxes, answers on the edges, outcomes as leaves coloured by verdict\n"
		"(green allowed, red not allowed, amber consult, grey incomplete) with\n"
		"the deciding rule, the parts it cites and the next steps.\n"
		"Render with: opname graph | dot -Tsvg > rules.svg",
	.options = (const struct cmd_option[]){
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "dot|mermaid",
		  .help = "Graphviz (default) or a Mermaid flowchart" },
		{ 0 },
	},
	.max_args = 0,
	.rules = true,
	.exec = run_graph,
};

const struct command cmd_schema = {
	.name = "schema",
	.synopsis = "case|outcome|questions",
	.summary = "print a JSON Schema of case files, outcome records or questions",
	.help = "Prints a JSON Schema (draft 2020-12): 'case' of the case files the\n"
		"rule file takes (its facts and their values, question texts in\n"
		"--lang); 'outcome' of the records of decide --format json and batch\n"
		"(with its rules, steps and facts); 'questions' of questions --format\n"
		"json.",
	.min_args = 1,
	.max_args = 1,
	.args_missing = "which schema? use case, outcome or questions",
	.rules = true,
	.check = check_schema_args,
	.exec = run_schema,
};

const struct command cmd_help = {
	.name = "help",
	.synopsis = "[COMMAND]",
	.summary = "show the usage of opname or of one command, as --help does",
	.help = "",
	.max_args = 1,
	.args_hint = "one command at a time",
	.exec = run_help,
};

const struct command *const cli_commands[] = {
	&cmd_ask, &cmd_decide, &cmd_batch, &cmd_check,
	&cmd_test, &cmd_questions, &cmd_graph, &cmd_schema, &cmd_help,
};
const int cli_ncommands = (int)(sizeof cli_commands / sizeof cli_commands[0]);
