#!/bin/sh
# run_hostile.sh - renders every tests/hostile case and checks its expectation.
#
#   run_hostile.sh NEWSPRINT CASE_DIR
#
# For CASE_DIR/NAME.expect (see tests/hostile/README.md) runs, inside CASE_DIR,
#   NEWSPRINT render NAME.yaml -o TMP/NAME.pdf
# with a 30 s limit, and requires the exit status on the `exit` line and every
# `stderr` line's text in standard error. A crash, signal or timeout fails.
set -u
[ $# -eq 2 ] || { echo "usage: $0 NEWSPRINT CASE_DIR" >&2; exit 2; }
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
total=0
for expect in *.expect; do
	name=${expect%.expect}
	total=$((total + 1))
	want=$(sed -n 's/^exit //p' "$expect")
	timeout 30 "$exe" render "$name.yaml" -o "$tmp/$name.pdf" >/dev/null 2>"$tmp/err"
	status=$?
	bad=
	[ "$status" -eq "$want" ] || bad="exit status $status, expected $want"
	if [ -z "$bad" ]; then
		while IFS= read -r line; do
			case $line in
			"stderr "*) grep -qF -- "${line#stderr }" "$tmp/err" ||
				bad="expected on stderr: ${line#stderr }" ;;
			esac
		done <"$expect"
	fi
	if [ "$status" -eq 0 ] && [ ! -s "$tmp/$name.pdf" ]; then
		bad="exit 0 but no PDF written"
	fi
	if [ "$status" -ne 0 ] && [ -e "$tmp/$name.pdf" ]; then
		bad="exit $status but a PDF was written"
	fi
	if [ -n "$bad" ]; then
		echo "FAIL $name: $bad"
		sed 's/^/    /' "$tmp/err"
		fail=1
	else
		echo "ok $name"
	fi
done
echo "$total cases"
exit $fail
