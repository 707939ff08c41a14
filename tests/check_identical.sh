#!/bin/sh
# check_identical.sh A.pdf B.pdf - exit 0 when the two files are byte for byte the
# same (newsprint promises the same PDF bytes for the same input, layout and
# version), 1 when they differ (with the first differing byte), 2 on bad usage.
if [ $# -ne 2 ]; then
	echo "usage: $0 A.pdf B.pdf" >&2
	exit 2
fi
for f in "$1" "$2"; do
	if [ ! -f "$f" ] || [ ! -r "$f" ]; then
		echo "check_identical: $f: no such readable file" >&2
		exit 2
	fi
done
if cmp -s -- "$1" "$2"; then
	echo "check_identical: ok ($1 and $2 are identical, $(wc -c <"$1") bytes)"
	exit 0
fi
echo "check_identical: FAIL $1 ($(wc -c <"$1") bytes) and $2 ($(wc -c <"$2") bytes) differ:" >&2
cmp -- "$1" "$2" >&2
exit 1
