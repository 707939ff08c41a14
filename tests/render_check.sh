#!/bin/sh
# render_check.sh - renders one article on one layout and runs check_output.py on it.
#
#   render_check.sh [--png DPI] [--out DIR] [--typography CHECKS] [--golden FILE]
#                   NEWSPRINT ARTICLE LAYOUT
#
# NEWSPRINT is the built program, ARTICLE an article YAML, LAYOUT a bundled
# layout's name (tabloid, broadsheet, ...) or a path to a layout YAML.
# Renders ARTICLE.pdf and its report (and, with --png, PNG pages at DPI) into
# DIR (default: a fresh temporary folder, removed afterwards; DIR is emptied
# first and kept, so a failing render can be looked at), then runs
#   check_output.py --report --pdf --article --layout [--png-dir --dpi]
# and, with --typography, typography_check.py --checks CHECKS on the same report;
# then pdf_report_check.py (the PDF draws the report's lines where it says) and, with
# --golden, golden.py compare (the report matches its golden FILE, tests/golden/).
# Fails when a render exits non-zero, prints an `error:` diagnostic, leaves a
# file missing, or when a check fails. Warnings are shown but allowed.
# $PYTHON picks the interpreter for the checker (default python3).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3}
dpi=
out=
typo=
golden=

usage() {
	echo "usage: $0 [--png DPI] [--out DIR] [--typography CHECKS] [--golden FILE] NEWSPRINT ARTICLE LAYOUT" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--png) [ $# -ge 2 ] || usage; dpi=$2; shift 2 ;;
	--out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
	--typography) [ $# -ge 2 ] || usage; typo=$2; shift 2 ;;
	--golden) [ $# -ge 2 ] || usage; golden=$2; shift 2 ;;
	--) shift; break ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -eq 3 ] || usage
exe=$1 article=$2 layout=$3

case $layout in
*/*) layout_file=$layout ;;
*) layout_file=$root/layouts/$layout.yaml ;;
esac
[ -f "$layout_file" ] || { echo "render_check: no layout file $layout_file" >&2; exit 2; }
[ -f "$article" ] || { echo "render_check: no article $article" >&2; exit 2; }

if [ -n "$out" ]; then
	rm -rf "$out" && mkdir -p "$out" || exit 2
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/render_check.XXXXXX") || exit 2
	trap 'rm -rf "$out"' EXIT
fi
name=$(basename "$article" .yaml)
err=$out/stderr.txt

# render OUTPUT [OPTIONS...]: one run of newsprint; fails on a non-zero exit or
# an error diagnostic.
render() {
	target=$1
	shift
	echo "+ $exe render $article -l $layout -o $target $*"
	"$exe" render "$article" -l "$layout" -o "$target" "$@" 2>"$err"
	status=$?
	cat "$err" >&2
	if [ "$status" -ne 0 ]; then
		echo "FAIL: newsprint exited with status $status" >&2
		exit 1
	fi
	if grep -q 'error:' "$err"; then
		echo "FAIL: newsprint printed an error diagnostic (exit status 0)" >&2
		exit 1
	fi
}

render "$out/$name.pdf" --report "$out/$name.json"
for f in "$out/$name.pdf" "$out/$name.json"; do
	[ -s "$f" ] || { echo "FAIL: $f was not written" >&2; exit 1; }
done

set -- --report "$out/$name.json" --pdf "$out/$name.pdf" --article "$article" --layout "$layout_file"
if [ -n "$dpi" ]; then
	mkdir "$out/png"
	# the PNG run gets its own report, so both runs are checked to agree
	render "$out/png/$name.png" --dpi "$dpi" --report "$out/png/$name.json"
	if ! cmp -s "$out/$name.json" "$out/png/$name.json"; then
		echo "FAIL: the report of the PNG run differs from the PDF run's" >&2
		exit 1
	fi
	if ! ls "$out/png/$name"-1.png >/dev/null 2>&1; then
		echo "FAIL: no $name-1.png written" >&2
		exit 1
	fi
	set -- "$@" --png-dir "$out/png" --dpi "$dpi"
fi
echo "+ check_output.py $*"
"$python" "$here/check_output.py" "$@" || exit 1
if [ -n "$typo" ]; then
	echo "+ typography_check.py --checks $typo"
	"$python" "$here/typography_check.py" --checks "$typo" \
		--report "$out/$name.json" --layout "$layout_file" || exit 1
fi
# the last two run both, so a failure shows everything that moved
status=0
echo "+ pdf_report_check.py"
"$python" "$here/pdf_report_check.py" --report "$out/$name.json" --pdf "$out/$name.pdf" || status=1
if [ -n "$golden" ]; then
	echo "+ golden.py compare $golden"
	"$python" "$here/golden.py" compare "$out/$name.json" "$golden" || status=1
fi
exit $status
