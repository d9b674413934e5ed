#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The dependency step of 'make': install what is missing, with apt-get when
# running as root, or say exactly what to install. 'report' only says what
# the build lacks, and installs nothing (plain 'make').
# usage: scripts/deps.sh build|check|fuzz|valgrind|static|report
set -eu

need=""
want() { # want CHECK-COMMAND PACKAGE
	if ! sh -c "$1" >/dev/null 2>&1; then
		need="$need $2"
	fi
}

want 'command -v pkg-config' pkg-config
want 'pkg-config --exists yaml-0.1' libyaml-dev
want 'pkg-config --exists libedit' libedit-dev
if [ "${1:-build}" = check ]; then
	want 'pkg-config --exists cmocka' libcmocka-dev
	want 'command -v tmux' tmux
	want 'command -v dot' graphviz
	want 'command -v mandoc' mandoc
	want 'command -v patch' patch
	want 'command -v python3' python3
	want 'command -v jq' jq
	want 'command -v hardening-check' devscripts
	want 'python3 -c "import jsonschema; jsonschema.Draft202012Validator"' python3-jsonschema
	want 'python3 -c "import yaml"' python3-yaml
	want 'command -v zsh' zsh
	want 'command -v fish' fish
	want 'command -v clang' clang
	want 'command -v musl-gcc' musl-tools
	want 'command -v dpkg-source' dpkg-dev
fi
if [ "${1:-build}" = fuzz ]; then
	want 'command -v clang' clang
	want 'test -n "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null | grep /)"' libclang-rt-dev
fi
if [ "${1:-build}" = static ]; then
	want 'command -v musl-gcc' musl-tools
	want 'command -v dpkg-source' dpkg-dev
fi
if [ "${1:-build}" = valgrind ]; then
	want 'command -v valgrind' valgrind
	want 'command -v jq' jq
fi

[ -z "$need" ] && exit 0
if [ "${1:-build}" = report ]; then
	them=it
	case $need in *" "*" "*) them=them ;; esac
	echo "deps: missing$need: 'make deps' installs $them (as root), or: apt-get install$need" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need >/dev/null
	exit 0
fi
echo "deps: missing$need" >&2
echo "deps: run as root:  apt-get install$need" >&2
exit 1
