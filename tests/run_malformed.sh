#!/bin/sh
# run_malformed.sh - runs every malformed-input case through a checking command.
#
#   run_malformed.sh [--shard K/N] CMD... CASE_DIR
#
# --shard K/N runs the K-th of N shares of the cases (every N-th from the K-th,
# the valid article in the first): meson runs the shares side by side, so no
# one test runs a hundred processes in a row on a loaded machine.
#
# CMD is a command prefix: `build/tests/parse_check`, or `build/newsprint check`.
# For each CASE_DIR/NAME.expect the runner runs
#   CMD NAME.yaml [-l NAME.layout.yaml]
# (valid.yaml stands in for NAME.yaml when only NAME.layout.yaml exists) and
# requires exit status 1 and, on standard error, the line
#   FILE:LINE:COLUMN: error: MESSAGE-PREFIX
# where .expect holds `LINE:COLUMN: error: MESSAGE-PREFIX` and FILE is the
# layout when the case has one, else the article. See tests/malformed/README.md.
set -u

shard=1
shards=1
if [ "${1:-}" = "--shard" ]; then
	shard=${2%/*}
	shards=${2#*/}
	shift 2
fi
if [ $# -lt 2 ]; then
	echo "usage: $0 [--shard K/N] CMD... CASE_DIR" >&2
	exit 2
fi
eval "dir=\${$#}"
if [ ! -d "$dir" ]; then
	echo "$0: $dir: not a folder of cases" >&2
	exit 2
fi
# Drop CASE_DIR from the arguments, leaving the command prefix in "$@".
n=$#
i=1
for arg; do
	[ "$i" -eq 1 ] && set --
	[ "$i" -lt "$n" ] && set -- "$@" "$arg"
	i=$((i + 1))
done

fail=0
total=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT

# The command must accept the valid article, or every "caught" error is noise.
if [ "$shard" -eq 1 ] && ! "$@" "$dir/valid.yaml" 2>"$err"; then
	echo "FAIL valid: the command rejects $dir/valid.yaml:"
	sed 's/^/    /' "$err"
	fail=1
fi

index=0
for expect in "$dir"/*.expect; do
	index=$((index + 1))
	[ $(((index - 1) % shards + 1)) -eq "$shard" ] || continue
	name=$(basename "$expect" .expect)
	total=$((total + 1))
	article="$dir/$name.yaml"
	layout="$dir/$name.layout.yaml"
	[ -f "$article" ] || article="$dir/valid.yaml"
	file=$article
	if [ -f "$layout" ]; then
		file=$layout
		"$@" "$article" -l "$layout" 2>"$err" >/dev/null
	else
		"$@" "$article" 2>"$err" >/dev/null
	fi
	status=$?
	want="$file:$(head -n 1 "$expect")"
	if [ "$status" -ne 1 ]; then
		echo "FAIL $name: exit status $status, expected 1"
		sed 's/^/    /' "$err"
		fail=1
	elif ! grep -qF -- "$want" "$err"; then
		echo "FAIL $name: expected on stderr: $want"
		sed 's/^/    got: /' "$err"
		fail=1
	else
		echo "ok $name"
	fi
done
echo "$total cases"
exit $fail
