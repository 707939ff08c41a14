#!/bin/sh
# cli_test.sh - the command line's promises (exit codes, what is written and
# what is not), one function per case.
#
#   cli_test.sh NEWSPRINT [CASE...]    run the named cases (default: all)
#   cli_test.sh --list                 print the case names, one a line
#
# Each case runs in a fresh temporary folder ($T, removed afterwards) and
# stops at its first failed expectation. Exit 0 when every case passed.
# $PYTHON picks the interpreter for the PNG and SVG checks (default python3).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3}
example=$root/examples/commonwealth.yaml
multipage= # made by long_article in each case that needs it
malformed=$root/tests/malformed/bad-id.yaml
warns=$here/cli/warns.yaml

CASES="version help no_command unknown_command unknown_option no_input two_inputs
option_without_value bad_pages bad_extension bad_dpi unknown_layout missing_input
malformed_nothing_written unwritable_dir unwritable_report_nothing_written
strict_warning_exit_3 no_strict_warning_exit_0 check_writes_nothing layouts_lists_bundled
default_output pages_png pages_pdf png_size svg_well_formed other_working_directory
layout_by_path"

# ---------------------------------------------------------------- helpers

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS ARGS...: runs newsprint with ARGS, stdout to $T/stdout,
# stderr to $T/stderr (both shown), and fails unless it exits EXPECTED_STATUS.
run() {
	want=$1
	shift
	echo "+ newsprint $*"
	"$exe" "$@" >"$T/.stdout" 2>"$T/.stderr"
	got=$?
	sed 's/^/  stdout: /' "$T/.stdout"
	sed 's/^/  stderr: /' "$T/.stderr"
	[ "$got" -eq "$want" ] || fail "exit status $got, expected $want"
}

# empty_dir DIR: fails unless DIR holds nothing at all.
empty_dir() {
	left=$(ls -A "$1")
	[ -z "$left" ] || fail "expected nothing written in $1, found: $left"
}

exists() {
	[ -s "$1" ] || fail "$1 was not written (or is empty)"
}

absent() {
	[ ! -e "$1" ] || fail "$1 exists but must not"
}

stdout_has() {
	grep -q -- "$1" "$T/.stdout" || fail "standard output lacks '$1'"
}

stderr_has() {
	grep -q -- "$1" "$T/.stderr" || fail "standard error lacks '$1'"
}

# long_article: writes $T/long.yaml, an article that needs several pages of
# any bundled layout (60 paragraphs of the commonwealth example's first one),
# and sets $multipage to it.
long_article() {
	multipage=$T/long.yaml
	para=$(sed -n 's/^  - \("The meeting of the CIS.*"\)$/\1/p' "$example")
	[ -n "$para" ] || fail "cannot find the first paragraph of $example"
	{
		echo "id: long"
		echo "headline: A story that runs over several pages"
		echo "body:"
		i=0
		while [ $i -lt 60 ]; do
			echo "  - $para"
			i=$((i + 1))
		done
	} >"$multipage"
}

# ---------------------------------------------------------------- cases

case_version() {
	run 0 --version
	grep -Eq '^newsprint [0-9]+\.[0-9]+\.[0-9]+' "$T/.stdout" || fail "no 'newsprint X.Y.Z' on stdout"
}

case_help() {
	run 0 --help
	stdout_has 'usage:'
	stdout_has 'newsprint render'
}

case_no_command() {
	run 2
}

case_unknown_command() {
	run 2 frobnicate "$example"
}

case_unknown_option() {
	mkdir "$T/o"
	run 2 render "$example" --frobnicate -o "$T/o/x.pdf"
	empty_dir "$T/o"
}

case_no_input() {
	run 2 render
	run 2 check
	run 2 render -l tabloid -o "$T/x.pdf"
	absent "$T/x.pdf"
}

case_two_inputs() {
	run 2 render "$example" "$example" -o "$T/x.pdf"
	absent "$T/x.pdf"
}

case_option_without_value() {
	run 2 render "$example" -o
	run 2 render "$example" -l
}

case_bad_pages() {
	mkdir "$T/o"
	for r in 0 x 3-1 -2 '' 1-2-3 2-x; do
		run 2 render "$example" --pages "$r" -o "$T/o/x.pdf"
	done
	empty_dir "$T/o"
}

case_bad_extension() {
	mkdir "$T/o"
	run 2 render "$example" -o "$T/o/x.txt"
	run 2 render "$example" -o "$T/o/x"
	empty_dir "$T/o"
}

case_bad_dpi() {
	mkdir "$T/o"
	run 2 render "$example" --dpi 0 -o "$T/o/x.png"
	run 2 render "$example" --dpi many -o "$T/o/x.png"
	empty_dir "$T/o"
}

case_unknown_layout() {
	mkdir "$T/o"
	run 1 render "$example" -l no-such-layout -o "$T/o/x.pdf"
	stderr_has 'error:'
	empty_dir "$T/o"
}

case_missing_input() {
	mkdir "$T/o"
	run 1 render "$T/no-such-article.yaml" -o "$T/o/x.pdf"
	stderr_has 'error:'
	empty_dir "$T/o"
}

case_malformed_nothing_written() {
	mkdir "$T/o"
	run 1 render "$malformed" -o "$T/o/x.pdf" --report "$T/o/x.json"
	stderr_has 'error:'
	empty_dir "$T/o"
	run 1 render "$malformed" -o "$T/o/x.png"
	empty_dir "$T/o"
	run 1 render "$malformed" -o "$T/o/x.svg"
	empty_dir "$T/o"
}

case_unwritable_dir() {
	# a folder that does not exist, and a "folder" that is a file: unwritable
	# even for root
	run 1 render "$example" -o "$T/no-such-dir/x.pdf"
	stderr_has 'error:'
	absent "$T/no-such-dir"
	: >"$T/file"
	run 1 render "$example" -o "$T/file/x.pdf"
	# a folder without write permission (meaningless for root, who may write anyway)
	if [ "$(id -u)" -ne 0 ]; then
		mkdir "$T/ro"
		chmod 555 "$T/ro"
		run 1 render "$example" -o "$T/ro/x.pdf"
		chmod 755 "$T/ro"
		empty_dir "$T/ro"
	fi
}

case_unwritable_report_nothing_written() {
	mkdir "$T/o"
	run 1 render "$example" -o "$T/o/x.pdf" --report "$T/no-such-dir/x.json"
	empty_dir "$T/o"
}

case_strict_warning_exit_3() {
	run 3 render "$warns" --strict -o "$T/x.pdf" --report "$T/x.json"
	stderr_has 'warning:'
	exists "$T/x.pdf"
	exists "$T/x.json"
	qpdf --check "$T/x.pdf" >/dev/null || fail "qpdf --check rejects the PDF written under --strict"
}

case_no_strict_warning_exit_0() {
	run 0 render "$warns" -o "$T/x.pdf"
	grep -q "warns.yaml:[0-9]*:[0-9]*: warning:" "$T/.stderr" || fail "no FILE:LINE:COLUMN: warning: diagnostic"
	exists "$T/x.pdf"
}

case_check_writes_nothing() {
	mkdir "$T/o"
	cp "$example" "$T/o/a.yaml"
	(cd "$T/o" && "$exe" check a.yaml) || fail "check rejects a valid article"
	[ "$(ls -A "$T/o")" = a.yaml ] || fail "check wrote files: $(ls -A "$T/o")"
	run 1 check "$malformed"
	stderr_has 'bad-id.yaml:[0-9]*:[0-9]*: error:'
}

case_layouts_lists_bundled() {
	run 0 layouts
	for l in tabloid broadsheet berliner magazine-a4; do
		grep -qx "$l" "$T/.stdout" || fail "'newsprint layouts' does not list $l"
	done
}

case_default_output() {
	mkdir "$T/o"
	cp "$example" "$T/o/story.yaml"
	run 0 render "$T/o/story.yaml"
	exists "$T/o/story.pdf"
}

case_pages_png() {
	long_article
	mkdir "$T/o"
	run 0 render "$multipage" -l magazine-a4 --pages 2 --dpi 20 -o "$T/o/p.png"
	[ "$(ls -A "$T/o")" = p-2.png ] || fail "--pages 2 to PNG wrote: $(ls -A "$T/o") (expected p-2.png only)"
}

case_pages_pdf() {
	long_article
	run 0 render "$multipage" -l magazine-a4 -o "$T/all.pdf"
	n=$(qpdf --show-npages "$T/all.pdf") || fail "qpdf cannot read all.pdf"
	[ "$n" -ge 3 ] || fail "the long article has $n page(s); make it longer"
	run 0 render "$multipage" -l magazine-a4 --pages 2 -o "$T/two.pdf"
	n=$(qpdf --show-npages "$T/two.pdf") || fail "qpdf cannot read two.pdf"
	[ "$n" -eq 1 ] || fail "--pages 2 wrote $n pages, expected 1"
	run 0 render "$multipage" -l magazine-a4 --pages 1-2 -o "$T/both.pdf"
	n=$(qpdf --show-npages "$T/both.pdf")
	[ "$n" -eq 2 ] || fail "--pages 1-2 wrote $n pages, expected 2"
}

case_png_size() {
	for l in tabloid magazine-a4; do
		mkdir "$T/$l"
		run 0 render "$example" -l "$l" --dpi 37 -o "$T/$l/p.png" --report "$T/$l/r.json"
		"$python" - "$T/$l" 37 <<'EOF' || fail "PNG size is not page size x dpi / 72 on $l"
import glob, json, os, re, struct, sys
d, dpi = sys.argv[1], float(sys.argv[2])
pages = {p["number"]: p for p in json.load(open(os.path.join(d, "r.json")))["pages"]}
pngs = sorted(glob.glob(os.path.join(d, "p-*.png")))
assert len(pngs) == len(pages), "%d PNG files for %d pages" % (len(pngs), len(pages))
for f in pngs:
    n = int(re.search(r"-(\d+)\.png$", f).group(1))
    head = open(f, "rb").read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f + ": not a PNG"
    w, h = struct.unpack(">II", head[16:24])
    ew, eh = pages[n]["width"] * dpi / 72, pages[n]["height"] * dpi / 72
    print("%s: %dx%d px, expected %.1fx%.1f" % (os.path.basename(f), w, h, ew, eh))
    assert abs(w - ew) <= 1 and abs(h - eh) <= 1
EOF
	done
}

case_svg_well_formed() {
	long_article
	mkdir "$T/o"
	run 0 render "$multipage" -l magazine-a4 -o "$T/o/p.svg"
	exists "$T/o/p-1.svg"
	exists "$T/o/p-2.svg"
	absent "$T/o/p.svg"
	for f in "$T"/o/p-*.svg; do
		"$python" -c 'import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot()
assert r.tag.endswith("svg"), r.tag' "$f" || fail "$f is not well-formed SVG"
	done
}

case_other_working_directory() {
	mkdir "$T/elsewhere"
	cd "$T/elsewhere" || fail "cd"
	run 0 layouts
	stdout_has tabloid
	run 0 render "$example" -l broadsheet -o out.pdf
	exists "$T/elsewhere/out.pdf"
	run 0 check "$example" -l berliner
}

case_layout_by_path() {
	cp "$root/layouts/berliner.yaml" "$T/my-layout.yaml"
	run 0 render "$example" -l "$T/my-layout.yaml" -o "$T/x.pdf"
	exists "$T/x.pdf"
}

# ---------------------------------------------------------------- driver

. "$here/case_driver.sh"
run_cases cli_test "$@"
