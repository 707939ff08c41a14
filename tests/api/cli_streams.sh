#!/bin/sh
# cli_streams.sh - the command line's streams and conveniences (issue 13):
# '-' as input, -o - and --report -, --diagnostics json, check --json,
# --option=value, -V, help per command. One function per case.
#
#   cli_streams.sh NEWSPRINT CASE      run one case
#   cli_streams.sh --list              print the case names
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
example=$root/examples/commonwealth.yaml
edition=$root/examples/edition/edition.yaml
python=${PYTHON:-python3}

CASES="stdin_article stdin_name stdin_needs_output stdin_edition_refused stdout_pdf
stdout_png_one_page stdout_png_many_pages report_stdout both_stdout_refused
diagnostics_json diagnostics_json_overset check_json check_json_article option_equals
version_short help_render help_check help_layouts man_page_covers_options"

if [ "${1:-}" = --list ]; then
	echo $CASES | tr ' ' '\n'
	exit 0
fi
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_name=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS ARGS...: stdout to $T/out, stderr to $T/err
run() {
	want=$1
	shift
	echo "+ newsprint $*"
	"$exe" "$@" >"$T/out" 2>"$T/err"
	got=$?
	sed 's/^/  stderr: /' "$T/err" | head -20
	[ "$got" -eq "$want" ] || fail "exit status $got, expected $want"
}

# run_in EXPECTED_STATUS FILE ARGS...: the same with FILE on standard input
run_in() {
	want=$1
	in=$2
	shift 2
	echo "+ newsprint $* < $in"
	"$exe" "$@" <"$in" >"$T/out" 2>"$T/err"
	got=$?
	sed 's/^/  stderr: /' "$T/err" | head -20
	[ "$got" -eq "$want" ] || fail "exit status $got, expected $want"
}

err_is() {
	[ "$(cat "$T/err")" = "$1" ] || fail "standard error is not: $1"
}

case_stdin_article() {
	run_in 0 "$example" render - -o "$T/a.pdf" --report "$T/a.json"
	head -c 5 "$T/a.pdf" | grep -q '%PDF-' || fail "no PDF written"
	"$exe" render "$example" -o "$T/b.pdf" --report "$T/b.json" || fail "render from the file"
	cmp -s "$T/a.json" "$T/b.json" || fail "the report from standard input differs from the file's"
}

case_stdin_name() {
	printf 'id: x\nheadline: H\nbody:\n  - One.\nbogus: 1\n' >bad.yaml
	run_in 1 bad.yaml render - -o "$T/a.pdf"
	grep -q "^<stdin>:5:1: error: unknown key 'bogus'" "$T/err" || fail "not named <stdin>"
	run_in 1 bad.yaml check - --name story.yaml
	grep -q "^story.yaml:5:1: error: unknown key 'bogus'" "$T/err" || fail "--name not used"
	[ ! -e "$T/a.pdf" ] || fail "a PDF was written"
}

case_stdin_needs_output() {
	run_in 2 "$example" render -
	err_is "newsprint: standard input has no name to make the output's of: give -o OUT (or -o - for standard output)
Try 'newsprint --help'."
}

case_stdin_edition_refused() {
	run_in 1 "$edition" render - -o "$T/e.pdf"
	grep -q "an edition must be read from a file" "$T/err" || fail "edition from stdin not refused"
	[ ! -e "$T/e.pdf" ] || fail "written"
}

case_stdout_pdf() {
	run 0 render "$example" -o - --report "$T/r.json"
	head -c 5 "$T/out" | grep -q '%PDF-' || fail "standard output is not a PDF"
	"$exe" render "$example" -o "$T/f.pdf" || fail "render to a file"
	cmp -s "$T/out" "$T/f.pdf" || fail "the PDF on standard output differs from the file's"
	[ -s "$T/r.json" ] || fail "no report beside it"
	[ -z "$(ls "$T" | grep -v -e '^out$' -e '^err$' -e '^f.pdf$' -e '^r.json$')" ] ||
		fail "files left: $(ls "$T")"
	# an input with an error writes nothing on standard output
	run 1 render "$root/tests/malformed/bad-id.yaml" -o -
	[ ! -s "$T/out" ] || fail "bytes written on standard output after an error"
}

case_stdout_png_one_page() {
	run 0 render "$example" -o - --format png --dpi 20
	head -c 4 "$T/out" | grep -q 'PNG' || fail "standard output is not a PNG"
	run 0 render "$example" -l magazine-a4 -o - --format=svg --pages 2
	grep -q '<svg' "$T/out" || fail "standard output is not an SVG"
}

case_stdout_png_many_pages() {
	run 2 render "$example" -l magazine-a4 -o - --format png --dpi 10
	err_is "newsprint: standard output takes one png page, not 2: pick it with --pages N"
	[ ! -s "$T/out" ] || fail "bytes written"
}

case_report_stdout() {
	run 0 render "$example" -o "$T/a.pdf" --report -
	"$python" -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['pages'] and r['articles'][0]['id']=='commonwealth'" "$T/out" ||
		fail "standard output is not the report"
	"$exe" render "$example" -o "$T/b.pdf" --report "$T/b.json" || fail "render"
	cmp -s "$T/out" "$T/b.json" || fail "the report on standard output differs from the file's"
	[ -s "$T/a.pdf" ] || fail "no PDF"
}

case_both_stdout_refused() {
	run 2 render "$example" -o - --report -
	[ ! -s "$T/out" ] || fail "bytes written"
}

# every line of standard error one JSON object with the keys promised
json_lines() {
	"$python" - "$T/err" "$@" <<'PY' || fail "standard error is not JSON lines as promised"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines, "no diagnostics"
want = sys.argv[2:]
seen = []
for l in lines:
    d = json.loads(l)
    for k in ("file", "line", "column", "severity", "code", "message", "story", "page"):
        assert k in d, (k, l)
    seen.append(d)
for w in want:
    k, v = w.split("=", 1)
    assert any(str(d.get(k)) == v for d in seen), (w, seen)
print(len(seen), "JSON diagnostics")
PY
}

case_diagnostics_json() {
	bad=$root/tests/malformed/bad-id.yaml
	run 1 check "$bad" --diagnostics json
	json_lines "file=$bad" line=1 column=5 severity=error code=input
	run 2 render "$example" -o x.tiff --diagnostics=json
	json_lines severity=error code=usage file=None
}

case_diagnostics_json_overset() {
	# the example edition with one continuation made too shallow for its story
	cp -r "$root/examples/edition" "$T/ed"
	sed -i 's/{page: 3, columns: \[4, 5\], depth: 26}/{page: 3, columns: [4, 5], depth: 6}/' \
		"$T/ed/edition.yaml"
	grep -q 'depth: 6}' "$T/ed/edition.yaml" || fail "the edition was not changed"
	run 0 check "$T/ed/edition.yaml" --diagnostics json
	"$python" - "$T/err" <<'PY' || fail "no overset story with its page and figures"
import json, sys
ds = [json.loads(l) for l in open(sys.argv[1])]
over = [d for d in ds if d["code"] == "overset"]
assert over, ds
for d in over:
    assert d["story"] == "en-asylum-boats" and d["page"] == 3, d
    assert d["overset_lines"] > 0 and d["overset_words"] > 0, d
PY
}

case_check_json() {
	run 0 check "$edition" --json
	"$exe" check "$edition" >"$T/table" 2>/dev/null
	"$python" - "$T/out" "$T/table" <<'PY' || fail "check --json differs from the table"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["kind"] == "edition", r
rows = open(sys.argv[2]).read().splitlines()[1:]
assert len(rows) == len(r["stories"]) > 3, (len(rows), len(r["stories"]))
for row, s in zip(rows, r["stories"]):
    f = row.split()
    assert f[0] == s["story"][:28] and int(f[1]) == s["pages"] and int(f[2]) == s["lines"], (row, s)
    assert int(f[3]) == s["overset_lines"] and int(f[4]) == s["empty_lines"] and f[5] == s["ends_on"], (row, s)
PY
}

case_check_json_article() {
	run 0 check "$example" --json
	"$python" -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['kind']=='article' and r['errors']==0, r" "$T/out" ||
		fail "check --json on an article"
}

case_option_equals() {
	run 0 render "$example" --layout=magazine-a4 --output="$T/a.pdf" --report="$T/a.json" --dpi=72
	grep -q '"width": 595.2' "$T/a.json" || fail "--layout=magazine-a4 not taken"
	run 2 render "$example" --dpi=0 -o "$T/b.pdf"
	err_is "newsprint: --dpi wants a number from 1 to 2400: 0
Try 'newsprint --help'."
	run 2 render "$example" --debug=1 -o "$T/b.pdf"
	run 2 render "$example" --strict=x -o "$T/b.pdf"
	[ ! -e "$T/b.pdf" ] || fail "written"
}

case_version_short() {
	run 0 -V
	"$exe" --version >"$T/long"
	cmp -s "$T/out" "$T/long" || fail "-V is not --version"
}

# help_for COMMAND: `help COMMAND` and `COMMAND --help` say the same, a line
# an option, every option the command takes
help_for() {
	run 0 help "$1"
	cp "$T/out" "$T/help1"
	run 0 "$1" --help
	cmp -s "$T/out" "$T/help1" || fail "'help $1' and '$1 --help' differ"
	grep -q "^usage: newsprint $1" "$T/out" || fail "no usage line"
	shift
	for o in "$@"; do
		[ "$(grep -c -- "^  .*$o " "$T/out")" = 1 ] || fail "not one line for $o"
	done
}

case_help_render() {
	help_for render --layout --output --report --pages --debug --dpi --fonts --hyphen-dir \
		--strict --allow-paths --breaker --max-pages --jobs --timings --pdfx \
		--output-profile --output-condition --bleed --crop-marks --ink-limit --name \
		--diagnostics --format
}

case_help_check() {
	help_for check --layout --json --strict --diagnostics
	grep -q -- "--dpi" "$T/out" && fail "check lists --dpi"
	true
}

case_help_layouts() {
	help_for layouts
	run 2 help frobnicate
}

# newsprint(1) names every option the commands' help lists, and every status
case_man_page_covers_options() {
	man=$root/docs/newsprint.1
	for c in render check; do
		"$exe" help $c | sed -n 's/^  \(-[a-z], \)\{0,1\}[ ]*\(--[a-z-]*\).*/\2/p'
	done | sort -u >"$T/opts"
	[ "$(wc -l <"$T/opts")" -ge 20 ] || fail "too few options read from the help"
	while read -r o; do
		roff=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$roff" "$man" || fail "newsprint.1 does not name $o"
	done <"$T/opts"
	for s in 0 1 2 3 '128 + N'; do
		grep -q "^\.B $s\$" "$man" || fail "newsprint.1 has no exit status $s"
	done
}

"case_$case_name"
echo "ok: $case_name"
