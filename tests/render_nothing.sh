#!/bin/sh
# render_nothing.sh - `newsprint render` as a command for run_malformed.sh that
# also checks the contract's "nothing written" rule.
#
#   render_nothing.sh NEWSPRINT ARTICLE [-l LAYOUT]
#
# Renders ARTICLE with -o OUT.pdf --report OUT.json into a fresh empty folder
# and exits with newsprint's own status, unless
#   - newsprint failed (status != 0) and the folder is not empty any more
#     (an output, a report or a temporary file was left behind): status 97;
#   - newsprint succeeded and OUT.pdf or OUT.json is missing: status 98.
# run_malformed.sh then wants status 1 and the diagnostic on standard error.
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 NEWSPRINT ARTICLE [-l LAYOUT]" >&2
	exit 2
fi
exe=$1
shift
out=$(mktemp -d "${TMPDIR:-/tmp}/render_nothing.XXXXXX") || exit 2
trap 'rm -rf "$out"' EXIT

"$exe" render "$@" -o "$out/OUT.pdf" --report "$out/OUT.json"
status=$?
if [ "$status" -ne 0 ]; then
	left=$(ls -A "$out")
	if [ -n "$left" ]; then
		echo "render_nothing: exit status $status but files were written: $left" >&2
		exit 97
	fi
elif [ ! -s "$out/OUT.pdf" ] || [ ! -s "$out/OUT.json" ]; then
	echo "render_nothing: exit status 0 but OUT.pdf or OUT.json is missing" >&2
	exit 98
fi
exit "$status"
