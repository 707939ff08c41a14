#!/bin/sh
# run_regress.sh - renders one regression input (a finding of fuzzing or
# review, see tests/regress/fuzz/README.md) and requires a clean exit: status 0 or
# 1, no crash, no signal, no sanitizer report, within 10 s.
#
#   run_regress.sh NEWSPRINT FILE
#
# FILE NAME.yaml is an article; NAME.layout.yaml is a layout, set with the
# article.yaml beside it.
set -u
[ $# -eq 2 ] || { echo "usage: $0 NEWSPRINT FILE" >&2; exit 2; }
exe=$1
file=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $file in
*.layout.yaml) article=$(dirname "$file")/article.yaml; layout=$file ;;
*) article=$file; layout= ;;
esac
if [ -n "$layout" ]; then
	timeout 10 "$exe" render "$article" -l "$layout" -o "$tmp/out.pdf" >/dev/null 2>"$tmp/err"
else
	timeout 10 "$exe" render "$article" -o "$tmp/out.pdf" >/dev/null 2>"$tmp/err"
fi
status=$?
sed 's/^/    /' "$tmp/err" | head -20
if [ "$status" -gt 1 ]; then
	echo "FAIL $file: exit status $status (124: over 10 s; over 128: a signal)"
	exit 1
fi
if grep -qE 'runtime error|Sanitizer|CRITICAL' "$tmp/err"; then
	echo "FAIL $file: a sanitizer or GLib report"
	exit 1
fi
echo "ok $file: exit status $status"
