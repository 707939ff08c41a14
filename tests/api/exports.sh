#!/bin/sh
# exports.sh LIB HEADER - libnewsprint.so exports exactly the functions
# newsprint.h declares with NP_API: no internal symbol leaks (they are built
# with -fvisibility=hidden), and none of the header's is missing.
set -u
lib=$1
header=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort -u >"$T/exported"
sed -n 's/^NP_API[^(]*[^a-z_]\(np_[a-z_]*\)(.*/\1/p' "$header" | sort -u >"$T/declared"
[ -s "$T/declared" ] || { echo "FAIL: no NP_API function found in $header"; exit 1; }
if ! cmp -s "$T/exported" "$T/declared"; then
	echo "FAIL: exported (<) and declared (>) differ:"
	diff "$T/exported" "$T/declared" | grep '^[<>]' | head -40
	exit 1
fi
echo "$(wc -l <"$T/exported") functions exported, all np_* of newsprint.h"
