#!/bin/sh
# determinism.sh - renders one article on one layout twice and requires the two
# PDFs to be byte for byte the same (check_identical.sh).
#
#   determinism.sh NEWSPRINT ARTICLE LAYOUT
#
# The two runs write to different folders under different names, so a PDF that
# records its own path or the time of the run differs.
set -u

if [ $# -ne 3 ]; then
	echo "usage: $0 NEWSPRINT ARTICLE LAYOUT" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exe=$1 article=$2 layout=$3
out=$(mktemp -d "${TMPDIR:-/tmp}/determinism.XXXXXX") || exit 2
trap 'rm -rf "$out"' EXIT
mkdir "$out/a" "$out/b"

"$exe" render "$article" -l "$layout" -o "$out/a/first.pdf" || {
	echo "FAIL: first render exited with status $?" >&2
	exit 1
}
sleep 1 # a different second, for a PDF that would carry a timestamp
"$exe" render "$article" -l "$layout" -o "$out/b/second.pdf" || {
	echo "FAIL: second render exited with status $?" >&2
	exit 1
}
exec sh "$here/check_identical.sh" "$out/a/first.pdf" "$out/b/second.pdf"
